//! The architecture connection map: the reference's 19 connections, with ports
//! resolved from the current values.

use crate::model::{ctx, Config, ConsulHost, Effective, Location, Part, Value};
use crate::registry::{keys, KeyDef};
use serde::Serialize;

/// Who a connection crosses, from the IXN service's point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Class {
    /// Into IXN from outside.
    Ingress,
    /// From IXN out to a dependency.
    Egress,
    /// Inside the cluster.
    IntraCluster,
}

impl Class {
    /// A label for the legend.
    pub fn label(self) -> &'static str {
        match self {
            Class::Ingress => "ingress",
            Class::Egress => "egress",
            Class::IntraCluster => "intra-cluster",
        }
    }
}

/// One connection: the source initiates it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Connection {
    /// Number in the reference, 1–19.
    pub n: u8,
    /// Who connects.
    pub source: &'static str,
    /// To whom.
    pub destination: &'static str,
    /// TCP or HTTP.
    pub protocol: &'static str,
    /// The port as the values give it, or what defines it (e.g. "Kafka bootstrap").
    pub port: String,
    /// The values key that sets the port, if one does.
    pub key: Option<&'static str>,
    /// The form field that sets or defines the port, where the map links to: the key,
    /// a list item of it (`ixnService.ixnNode.redis[0].port`) or a context field
    /// (`kafka.bootstrap`).
    pub field: Option<Location>,
    /// Ingress, egress or intra-cluster.
    pub class: Class,
    /// What it carries.
    pub carries: &'static str,
    /// Whether it exists under the current settings.
    pub active: bool,
}

impl Connection {
    /// The port as the map's short label shows it: the number (or numbers), else what
    /// defines it, in brackets.
    pub fn short_port(&self) -> String {
        if self.port.chars().all(|ch| ch.is_ascii_digit() || ch == ',' || ch == ' ') {
            return self.port.clone();
        }
        match self.destination {
            component::VOICE_RQ => "(RQ)",
            component::KAFKA => "(bootstrap)",
            component::ORS_REDIS_STREAM => "(Redis)",
            _ => "(see details)",
        }
        .to_string()
    }

    /// Which setting gives the port, in a sentence for the map's details.
    pub fn port_note(&self) -> String {
        match (&self.field, self.key) {
            (Some(Location::Context(c)), _) if c.name == ctx::KAFKA_BOOTSTRAP.name => {
                format!("Set by {} (the Kafka bootstrap servers).", c.name)
            }
            (_, Some(k)) => format!("Port set by {k}."),
            _ => "Port defined outside these values.".to_string(),
        }
    }
}

/// The components' names, as the connections and the map's layout give them: a name
/// misspelt in the layout does not compile.
pub mod component {
    /// `IXN`.
    pub const IXN: &str = "IXN";
    /// `IXN Node`.
    pub const IXN_NODE: &str = "IXN Node";
    /// `IXN VQ Node`.
    pub const IXN_VQ_NODE: &str = "IXN VQ Node";
    /// `GWS IXN service`.
    pub const GWS_IXN_SERVICE: &str = "GWS IXN service";
    /// `StatServer`.
    pub const STAT_SERVER: &str = "StatServer";
    /// `URS`.
    pub const URS: &str = "URS";
    /// `Prometheus`.
    pub const PROMETHEUS: &str = "Prometheus";
    /// `Pulse Stat Server(s)`.
    pub const PULSE_STAT_SERVERS: &str = "Pulse Stat Server(s)";
    /// `Consul DaemonSet`.
    pub const CONSUL_DAEMONSET: &str = "Consul DaemonSet";
    /// `Config Server`.
    pub const CONFIG_SERVER: &str = "Config Server";
    /// `Voice config`.
    pub const VOICE_CONFIG: &str = "Voice config";
    /// `Kafka`.
    pub const KAFKA: &str = "Kafka";
    /// `Voice RQ`.
    pub const VOICE_RQ: &str = "Voice RQ";
    /// `ORS Redis Stream`.
    pub const ORS_REDIS_STREAM: &str = "ORS Redis Stream";
    /// `IXN DB`.
    pub const IXN_DB: &str = "IXN DB";
    /// `IXN Node DB`.
    pub const IXN_NODE_DB: &str = "IXN Node DB";
    /// `Redis`.
    pub const REDIS: &str = "Redis";
}

/// The components on the map, for layout: IXN's own containers first.
pub const COMPONENTS: [&str; 17] = [
    component::IXN,
    component::IXN_NODE,
    component::IXN_VQ_NODE,
    component::GWS_IXN_SERVICE,
    component::STAT_SERVER,
    component::URS,
    component::PROMETHEUS,
    component::PULSE_STAT_SERVERS,
    component::CONSUL_DAEMONSET,
    component::CONFIG_SERVER,
    component::VOICE_CONFIG,
    component::KAFKA,
    component::VOICE_RQ,
    component::ORS_REDIS_STREAM,
    component::IXN_DB,
    component::IXN_NODE_DB,
    component::REDIS,
];

/// The 19 connections for `cfg`.
pub fn connections(cfg: &Config, eff: &Effective) -> Vec<Connection> {
    let port = |key: &KeyDef, fallback: &str| eff.port_text(key).unwrap_or_else(|| fallback.to_string());
    let kafka = if cfg.deploy.kafka_bootstrap.is_empty() {
        "from Kafka bootstrap".to_string()
    } else {
        kafka_ports(&cfg.deploy.kafka_bootstrap)
    };
    let redis = match eff.get(keys::IXN_SERVICE_IXN_NODE_REDIS) {
        Some(crate::model::Value::Redis(nodes)) if !nodes.is_empty() => {
            let mut ports: Vec<String> = nodes.iter().map(|n| n.port.raw().trim().to_string()).collect();
            ports.dedup();
            ports.join(", ")
        }
        _ => "from Redis config".into(),
    };
    let db = port(keys::IXN_SERVICE_IXN_SERVER_DB_PORT, "5432");
    let node_db = port(keys::IXN_SERVICE_IXN_NODE_DB_PORT, "5432");
    let monitored = |pod_monitor, monitoring_service| {
        eff.bool(pod_monitor) == Some(true) || eff.bool(monitoring_service) == Some(true)
    };
    let monitored_vq = monitored(
        keys::IXN_VQNODE_PROMETHEUS_POD_MONITOR_ENABLED,
        keys::IXN_VQNODE_PROMETHEUS_MONITORING_SERVICE_ENABLED,
    );
    let monitored_ixn = monitored(
        keys::IXN_SERVICE_PROMETHEUS_POD_MONITOR_ENABLED,
        keys::IXN_SERVICE_PROMETHEUS_MONITORING_SERVICE_ENABLED,
    );
    let sessions = eff.bool(keys::IXN_SERVICE_IXN_NODE_STORING_SESSIONS_ENABLED) != Some(false);
    let ixn_default = keys::IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT;
    let vq_default = keys::IXN_VQNODE_PORTS_DEFAULT;
    use component::*;
    use Class::*;
    let c = |n,
             source,
             destination: &'static str,
             protocol,
             port: String,
             key: Option<&'static KeyDef>,
             class,
             carries,
             active| {
        let field = match (destination, key) {
            (KAFKA, _) => Some(Location::Context(ctx::KAFKA_BOOTSTRAP)),
            (_, Some(k)) if k.path == keys::IXN_SERVICE_IXN_NODE_REDIS.path => {
                Some(Location::Item { key: k, index: 0, part: Part::Port })
            }
            (_, k) => k.map(Location::Key),
        };
        let key = key.map(|k| k.path);
        Connection { n, source, destination, protocol, port, key, field, class, carries, active }
    };
    vec![
        c(
            1,
            IXN_NODE,
            CONSUL_DAEMONSET,
            "TCP",
            port(keys::IXN_SERVICE_IXN_NODE_CONSUL_PORT, "8500"),
            Some(keys::IXN_SERVICE_IXN_NODE_CONSUL_PORT),
            IntraCluster,
            "service discovery and connect sidecars",
            true,
        ),
        c(2, IXN_NODE, IXN, "TCP", port(ixn_default, "13130"), Some(ixn_default), IntraCluster, "IXN protocol", true),
        c(
            3,
            GWS_IXN_SERVICE,
            IXN,
            "TCP",
            port(ixn_default, "13130"),
            Some(ixn_default),
            IntraCluster,
            "all operations via the IXN protocol",
            true,
        ),
        c(
            4,
            STAT_SERVER,
            IXN,
            "TCP",
            port(ixn_default, "13130"),
            Some(ixn_default),
            IntraCluster,
            "subscribes for reporting information",
            true,
        ),
        c(
            5,
            IXN,
            CONFIG_SERVER,
            "TCP",
            port(keys::IXN_SERVICE_IXN_SERVER_CONF_SERVER_PORT, "8888"),
            Some(keys::IXN_SERVICE_IXN_SERVER_CONF_SERVER_PORT),
            IntraCluster,
            "configuration",
            true,
        ),
        c(6, IXN, KAFKA, "TCP", kafka.clone(), None, Egress, "reporting events to GIM", true),
        c(7, IXN_VQ_NODE, KAFKA, "TCP", kafka, None, Egress, "VQ events streamed to Kafka for GIM", true),
        c(
            8,
            URS,
            IXN_VQ_NODE,
            "TCP",
            port(vq_default, "13138"),
            Some(vq_default),
            IntraCluster,
            "provides VQ events",
            true,
        ),
        c(
            9,
            STAT_SERVER,
            IXN_VQ_NODE,
            "TCP",
            port(vq_default, "13138"),
            Some(vq_default),
            IntraCluster,
            "subscribes for VQ events",
            true,
        ),
        c(
            10,
            PROMETHEUS,
            IXN_VQ_NODE,
            "HTTP",
            port(keys::IXN_VQNODE_PORTS_HEALTH, "13139"),
            Some(keys::IXN_VQNODE_PORTS_HEALTH),
            Ingress,
            "metrics at /metrics",
            monitored_vq,
        ),
        c(
            11,
            PROMETHEUS,
            IXN_NODE,
            "HTTP",
            port(keys::IXN_SERVICE_IXN_NODE_PORTS_DEFAULT, "13133"),
            Some(keys::IXN_SERVICE_IXN_NODE_PORTS_DEFAULT),
            Ingress,
            "metrics at /metrics",
            monitored_ixn,
        ),
        c(
            12,
            PROMETHEUS,
            IXN,
            "HTTP",
            port(keys::IXN_SERVICE_IXN_SERVER_PORTS_HEALTH, "13131"),
            Some(keys::IXN_SERVICE_IXN_SERVER_PORTS_HEALTH),
            Ingress,
            "metrics at /health/prometheus/all",
            monitored_ixn,
        ),
        c(
            13,
            IXN_NODE,
            VOICE_RQ,
            "TCP",
            "defined in RQ Service".into(),
            None,
            IntraCluster,
            "interaction content streams for ORS",
            true,
        ),
        c(
            14,
            IXN_NODE,
            VOICE_CONFIG,
            "HTTP",
            port(keys::IXN_SERVICE_IXN_NODE_CONFIG_NODE_PORT, "8888"),
            Some(keys::IXN_SERVICE_IXN_NODE_CONFIG_NODE_PORT),
            IntraCluster,
            "Config Server data via Config Node",
            true,
        ),
        c(
            15,
            IXN_NODE,
            ORS_REDIS_STREAM,
            "TCP",
            redis,
            Some(keys::IXN_SERVICE_IXN_NODE_REDIS),
            Egress,
            "interaction IDs to route, routing instructions back",
            true,
        ),
        c(
            16,
            IXN,
            IXN_DB,
            "TCP",
            db,
            Some(keys::IXN_SERVICE_IXN_SERVER_DB_PORT),
            Egress,
            "CRUD on the IXN database",
            true,
        ),
        c(
            17,
            IXN_NODE,
            IXN_NODE_DB,
            "TCP",
            node_db,
            Some(keys::IXN_SERVICE_IXN_NODE_DB_PORT),
            Egress,
            "CRUD on the IXN Node database (sessions)",
            sessions,
        ),
        c(
            18,
            PULSE_STAT_SERVERS,
            IXN,
            "TCP",
            port(ixn_default, "13130"),
            Some(ixn_default),
            Ingress,
            "subscribes for reporting",
            true,
        ),
        c(
            19,
            IXN,
            PULSE_STAT_SERVERS,
            "TCP",
            "2060".into(),
            None,
            Egress,
            "streaming statistics; port defined in Config Server",
            true,
        ),
    ]
}

/// The ports of a Kafka bootstrap list (`a:9092,b:9093` → `9092, 9093`).
fn kafka_ports(bootstrap: &str) -> String {
    let mut ports: Vec<&str> = bootstrap
        .split(',')
        .filter_map(|hp| hp.trim().rsplit_once(':').map(|(_, p)| p.trim()))
        .filter(|p| !p.is_empty())
        .collect();
    ports.dedup();
    if ports.is_empty() {
        "from Kafka bootstrap".into()
    } else {
        ports.join(", ")
    }
}

/// The hosts the user gave the map's dependencies, by component name (as in
/// [`COMPONENTS`]): the two PostgreSQL databases, the Redis nodes, the Kafka bootstrap
/// servers, the Consul agent and Configuration Server. A component with no host set
/// is left out.
pub fn hosts(cfg: &Config, eff: &Effective) -> Vec<(&'static str, String)> {
    let text = |key: &KeyDef| eff.str(key).map(str::trim).filter(|h| !h.is_empty()).map(String::from);
    let redis = match eff.get(keys::IXN_SERVICE_IXN_NODE_REDIS) {
        Some(Value::Redis(nodes)) => {
            let hosts: Vec<&str> = nodes.iter().map(|n| n.host.trim()).filter(|h| !h.is_empty()).collect();
            (!hosts.is_empty()).then(|| hosts.join(", "))
        }
        _ => None,
    };
    let kafka: Vec<&str> = cfg
        .deploy
        .kafka_bootstrap
        .split(',')
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(|s| s.rsplit_once(':').map_or(s, |(h, _)| h))
        .collect();
    let consul = match eff.get(keys::IXN_SERVICE_IXN_NODE_CONSUL_HOST) {
        Some(Value::ConsulHost(ConsulHost::NodeIp)) => Some("the node's IP".to_string()),
        Some(Value::ConsulHost(ConsulHost::Literal(h))) if !h.trim().is_empty() => Some(h.trim().to_string()),
        _ => None,
    };
    [
        ("Config Server", text(keys::IXN_SERVICE_IXN_SERVER_CONF_SERVER_HOST)),
        ("IXN DB", text(keys::IXN_SERVICE_IXN_SERVER_DB_HOST)),
        ("Consul DaemonSet", consul),
        ("ORS Redis Stream", redis),
        ("IXN Node DB", text(keys::IXN_SERVICE_IXN_NODE_DB_HOST)),
        ("Kafka", (!kafka.is_empty()).then(|| kafka.join(", "))),
    ]
    .into_iter()
    .filter_map(|(name, host)| host.map(|h| (name, h)))
    .collect()
}

#[cfg(test)]
mod host_tests {
    use super::*;
    use crate::model::RedisNode;

    #[test]
    fn the_map_shows_the_hosts_the_user_typed() {
        let mut cfg = Config::guide_sample();
        cfg.deploy.placeholders = false;
        cfg.deploy.kafka_bootstrap = "kafka-a.infra:9092, kafka-b.infra:9093".into();
        cfg.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_HOST, Value::Str("pg.infra.svc".into()));
        let node = RedisNode { host: "redis-1.infra".into(), ..RedisNode::default() };
        cfg.values.set(keys::IXN_SERVICE_IXN_NODE_REDIS, Value::Redis(vec![node]));
        let hosts = hosts(&cfg, &Effective::real(&cfg));
        let of = |n: &str| hosts.iter().find(|(c, _)| *c == n).map(|(_, h)| h.as_str());
        assert_eq!(of("IXN DB"), Some("pg.infra.svc"));
        assert_eq!(of("ORS Redis Stream"), Some("redis-1.infra"));
        assert_eq!(of("Kafka"), Some("kafka-a.infra, kafka-b.infra"));
        for (name, _) in &hosts {
            assert!(COMPONENTS.contains(name), "{name} is a component of the map");
        }
    }
}
