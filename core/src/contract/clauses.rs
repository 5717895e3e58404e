//! The contract's table: one row per clause. A row says what it reads from the model
//! ([`Want`]), what it looks for in the objects ([`Look`]), when it applies, and the
//! field a finding points at. A new clause is one row of [`CLAUSES`].

use super::look::{items, named, text, View, Workload};
use super::Model;
use crate::generate::secrets::{KAFKA_KEY, KAFKA_SECRET, REDIS_KEY, REDIS_SECRET};
use crate::model::{ctx, ContextDef, Location, Quantity, Value};
use crate::registry::{keys::*, KeyDef};
use crate::validate::Finding;
use crate::yaml::Node;

use Workload::{Server, Vq};

/// What a clause reads from the model.
#[derive(Debug, Clone, Copy)]
pub enum Want {
    /// A port key's number.
    Port(&'static KeyDef),
    /// A string key's text.
    Text(&'static KeyDef),
    /// A quantity key.
    Quantity(&'static KeyDef),
    /// A whole-number key.
    Count(&'static KeyDef),
    /// A fixed text.
    Fixed(&'static str),
    /// A text derived from the model.
    Derived(fn(&Model) -> Option<String>),
    /// Nothing by itself: the look reads the model as it needs (lists, sweeps).
    Model,
}

/// The part of an image reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImagePart {
    /// `registry/`: the host before the repository.
    Registry,
    /// The repository.
    Repository,
    /// `:tag`.
    Tag,
}

/// What a clause looks for in the objects.
#[derive(Debug, Clone, Copy)]
pub enum Look {
    /// The workload exists under the name the commands use.
    Workload(Workload),
    /// `spec.replicas`.
    Replicas(Workload),
    /// A named container port's `containerPort`.
    ContainerPort(Workload, &'static str, &'static str),
    /// A container's env variable's literal `value`.
    Env(Workload, &'static str, &'static str),
    /// A container's `resources` (`requests`|`limits`, `cpu`|`memory`).
    Resource(Workload, &'static str, &'static str, &'static str),
    /// A part of a container's `image`.
    Image(Workload, &'static str, ImagePart),
    /// A container's `imagePullPolicy`.
    PullPolicy(Workload, &'static str),
    /// The port a container's probe (`livenessProbe`, …) reaches, as a number.
    ProbePort(Workload, &'static str, &'static str),
    /// The port number a Service (`<release>` + suffix) gives the named port.
    ServicePort(&'static str, &'static str),
    /// A pod template annotation.
    Annotation(Workload, &'static str),
    /// The container port number the pod annotation names (Consul's service port).
    AnnotatedPort(Workload, &'static str),
    /// A field of IXN Node's settings file (the ConfigMap `<release>-ixn-node-settings`).
    Settings(&'static [&'static str]),
    /// A free check over the objects.
    Sweep(fn(&Model, &View, &Clause, &mut Vec<Finding>)),
}

/// Where a finding points.
#[derive(Debug, Clone, Copy)]
pub enum At {
    /// A values key.
    Key(&'static KeyDef),
    /// A deployment-context field.
    Ctx(&'static ContextDef),
}

impl At {
    fn location(self) -> Location {
        match self {
            At::Key(k) => Location::Key(k),
            At::Ctx(c) => Location::Context(c),
        }
    }
}

/// One clause of the contract.
#[derive(Debug, Clone, Copy)]
pub struct Clause {
    /// A short stable name (`server-port-default`), for tests and the table's readers.
    pub id: &'static str,
    /// What it reads from the model.
    pub reads: Want,
    /// What it looks for in the objects.
    pub looks: Look,
    /// The field a finding points at.
    pub at: At,
    /// Whether it applies to the model (the log sidecar on, monitoring on, …).
    pub when: fn(&Model) -> bool,
}

fn always(_: &Model) -> bool {
    true
}
fn flag(m: &Model, k: &KeyDef) -> bool {
    m.real.bool(k) == Some(true)
}
fn sidecar(m: &Model) -> bool {
    flag(m, IXN_SERVICE_IMAGE_LOG_SIDECAR_ENABLED)
}
fn sidecar_port(m: &Model) -> bool {
    sidecar(m) && flag(m, IXN_SERVICE_LOG_SIDECAR_SETTINGS_ENABLE_HEALTH_PORT)
}
fn consul(m: &Model) -> bool {
    m.cfg.deploy.consul_connect
}
fn service(m: &Model) -> bool {
    flag(m, IXN_SERVICE_SERVICE_ENABLED)
}
fn server_monitoring_service(m: &Model) -> bool {
    flag(m, IXN_SERVICE_PROMETHEUS_MONITORING_SERVICE_ENABLED)
}
fn vq_monitoring_service(m: &Model) -> bool {
    flag(m, IXN_VQNODE_PROMETHEUS_MONITORING_SERVICE_ENABLED)
}

const fn row(id: &'static str, reads: Want, looks: Look, at: At) -> Clause {
    Clause { id, reads, looks, at, when: always }
}
const fn row_if(id: &'static str, reads: Want, looks: Look, at: At, when: fn(&Model) -> bool) -> Clause {
    Clause { id, reads, looks, at, when }
}
const fn key(k: &'static KeyDef) -> At {
    At::Key(k)
}
const fn field(c: &'static ContextDef) -> At {
    At::Ctx(c)
}

/// The four resource rows of one container.
macro_rules! resources {
    ($id:literal, $w:expr, $c:literal, $rc:ident, $rm:ident, $lc:ident, $lm:ident, $when:expr) => {
        [
            row_if(
                concat!($id, "-requests-cpu"),
                Want::Quantity($rc),
                Look::Resource($w, $c, "requests", "cpu"),
                key($rc),
                $when,
            ),
            row_if(
                concat!($id, "-requests-memory"),
                Want::Quantity($rm),
                Look::Resource($w, $c, "requests", "memory"),
                key($rm),
                $when,
            ),
            row_if(
                concat!($id, "-limits-cpu"),
                Want::Quantity($lc),
                Look::Resource($w, $c, "limits", "cpu"),
                key($lc),
                $when,
            ),
            row_if(
                concat!($id, "-limits-memory"),
                Want::Quantity($lm),
                Look::Resource($w, $c, "limits", "memory"),
                key($lm),
                $when,
            ),
        ]
    };
}

const SERVER: [Clause; 4] = resources!(
    "server",
    Server,
    "ixn-server",
    IXN_SERVICE_IXN_SERVER_RESOURCES_REQUESTS_CPU,
    IXN_SERVICE_IXN_SERVER_RESOURCES_REQUESTS_MEMORY,
    IXN_SERVICE_IXN_SERVER_RESOURCES_LIMITS_CPU,
    IXN_SERVICE_IXN_SERVER_RESOURCES_LIMITS_MEMORY,
    always
);
const NODE: [Clause; 4] = resources!(
    "node",
    Server,
    "ixn-node",
    IXN_SERVICE_IXN_NODE_RESOURCES_REQUESTS_CPU,
    IXN_SERVICE_IXN_NODE_RESOURCES_REQUESTS_MEMORY,
    IXN_SERVICE_IXN_NODE_RESOURCES_LIMITS_CPU,
    IXN_SERVICE_IXN_NODE_RESOURCES_LIMITS_MEMORY,
    always
);
const LOG: [Clause; 4] = resources!(
    "log-sidecar",
    Server,
    "log-sidecar",
    IXN_SERVICE_LOG_SIDECAR_RESOURCES_REQUESTS_CPU,
    IXN_SERVICE_LOG_SIDECAR_RESOURCES_REQUESTS_MEMORY,
    IXN_SERVICE_LOG_SIDECAR_RESOURCES_LIMITS_CPU,
    IXN_SERVICE_LOG_SIDECAR_RESOURCES_LIMITS_MEMORY,
    sidecar
);
const VQ: [Clause; 4] = resources!(
    "vq",
    Vq,
    "ixn-vq-node",
    IXN_VQNODE_RESOURCES_REQUESTS_CPU,
    IXN_VQNODE_RESOURCES_REQUESTS_MEMORY,
    IXN_VQNODE_RESOURCES_LIMITS_CPU,
    IXN_VQNODE_RESOURCES_LIMITS_MEMORY,
    always
);

/// Every clause, in the order findings are reported.
#[rustfmt::skip]
pub static CLAUSES: &[Clause] = &[
    // The workloads and their names.
    row("server-workload", Want::Model, Look::Workload(Server), field(ctx::DEPLOY_RELEASE)),
    row("vq-workload", Want::Model, Look::Workload(Vq), field(ctx::DEPLOY_RELEASE)),
    row("containers", Want::Model, Look::Sweep(containers), field(ctx::DEPLOY_CHART)),
    // The replicas.
    row("server-replicas", Want::Count(REPLICA_COUNT), Look::Replicas(Server), key(REPLICA_COUNT)),
    row("vq-replicas", Want::Count(REPLICA_COUNT), Look::Replicas(Vq), key(REPLICA_COUNT)),
    // Images and pull policy.
    row("server-image-registry", Want::Text(IMAGE_REGISTRY), Look::Image(Server, "ixn-server", ImagePart::Registry), key(IMAGE_REGISTRY)),
    row("node-image-registry", Want::Text(IMAGE_REGISTRY), Look::Image(Server, "ixn-node", ImagePart::Registry), key(IMAGE_REGISTRY)),
    row("vq-image-registry", Want::Text(IMAGE_REGISTRY), Look::Image(Vq, "ixn-vq-node", ImagePart::Registry), key(IMAGE_REGISTRY)),
    row("server-image-repository", Want::Text(IXN_SERVICE_IMAGE_IXN_SERVER_REPOSITORY), Look::Image(Server, "ixn-server", ImagePart::Repository), key(IXN_SERVICE_IMAGE_IXN_SERVER_REPOSITORY)),
    row("server-image-tag", Want::Text(IXN_SERVICE_IMAGE_IXN_SERVER_TAG), Look::Image(Server, "ixn-server", ImagePart::Tag), key(IXN_SERVICE_IMAGE_IXN_SERVER_TAG)),
    row("node-image-repository", Want::Text(IXN_SERVICE_IMAGE_IXN_NODE_REPOSITORY), Look::Image(Server, "ixn-node", ImagePart::Repository), key(IXN_SERVICE_IMAGE_IXN_NODE_REPOSITORY)),
    row("node-image-tag", Want::Text(IXN_SERVICE_IMAGE_IXN_NODE_TAG), Look::Image(Server, "ixn-node", ImagePart::Tag), key(IXN_SERVICE_IMAGE_IXN_NODE_TAG)),
    row("vq-image-repository", Want::Text(IXN_VQNODE_IMAGE_IXN_VQNODE_REPOSITORY), Look::Image(Vq, "ixn-vq-node", ImagePart::Repository), key(IXN_VQNODE_IMAGE_IXN_VQNODE_REPOSITORY)),
    row("vq-image-tag", Want::Text(IXN_VQNODE_IMAGE_IXN_VQNODE_TAG), Look::Image(Vq, "ixn-vq-node", ImagePart::Tag), key(IXN_VQNODE_IMAGE_IXN_VQNODE_TAG)),
    row_if("log-sidecar-image-repository", Want::Text(IXN_SERVICE_IMAGE_LOG_SIDECAR_REPOSITORY), Look::Image(Server, "log-sidecar", ImagePart::Repository), key(IXN_SERVICE_IMAGE_LOG_SIDECAR_REPOSITORY), sidecar),
    row_if("log-sidecar-image-tag", Want::Text(IXN_SERVICE_IMAGE_LOG_SIDECAR_TAG), Look::Image(Server, "log-sidecar", ImagePart::Tag), key(IXN_SERVICE_IMAGE_LOG_SIDECAR_TAG), sidecar),
    row("server-pull-policy", Want::Text(IMAGE_PULL_POLICY), Look::PullPolicy(Server, "ixn-server"), key(IMAGE_PULL_POLICY)),
    row("node-pull-policy", Want::Text(IMAGE_PULL_POLICY), Look::PullPolicy(Server, "ixn-node"), key(IMAGE_PULL_POLICY)),
    row("vq-pull-policy", Want::Text(IMAGE_PULL_POLICY), Look::PullPolicy(Vq, "ixn-vq-node"), key(IMAGE_PULL_POLICY)),
    // The pull secrets.
    row("pull-secrets", Want::Model, Look::Sweep(pull_secrets), key(IMAGE_IMAGE_PULL_SECRETS)),
    // Container ports and Service ports.
    row("server-port-default", Want::Port(IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT), Look::ContainerPort(Server, "ixn-server", "server-default"), key(IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT)),
    row("server-port-health", Want::Port(IXN_SERVICE_IXN_SERVER_PORTS_HEALTH), Look::ContainerPort(Server, "ixn-server", "server-health"), key(IXN_SERVICE_IXN_SERVER_PORTS_HEALTH)),
    row("node-port-default", Want::Port(IXN_SERVICE_IXN_NODE_PORTS_DEFAULT), Look::ContainerPort(Server, "ixn-node", "node-default"), key(IXN_SERVICE_IXN_NODE_PORTS_DEFAULT)),
    row("vq-port-default", Want::Port(IXN_VQNODE_PORTS_DEFAULT), Look::ContainerPort(Vq, "ixn-vq-node", "vqnode-default"), key(IXN_VQNODE_PORTS_DEFAULT)),
    row("vq-port-health", Want::Port(IXN_VQNODE_PORTS_HEALTH), Look::ContainerPort(Vq, "ixn-vq-node", "vqnode-health"), key(IXN_VQNODE_PORTS_HEALTH)),
    row_if("log-sidecar-port-health", Want::Port(IXN_SERVICE_LOG_SIDECAR_PORTS_HEALTH), Look::ContainerPort(Server, "log-sidecar", "log-health"), key(IXN_SERVICE_LOG_SIDECAR_PORTS_HEALTH), sidecar_port),
    row("server-port-env", Want::Port(IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT), Look::Env(Server, "ixn-node", "IXN_PORT"), key(IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT)),
    row_if("service-port", Want::Port(IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT), Look::ServicePort("-sts", "server-default"), key(IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT), service),
    row("unknown-ports", Want::Model, Look::Sweep(unknown_ports), field(ctx::DEPLOY_CHART)),
    // The probes' ports.
    row("server-liveness-port", Want::Port(IXN_SERVICE_IXN_SERVER_PORTS_HEALTH), Look::ProbePort(Server, "ixn-server", "livenessProbe"), key(IXN_SERVICE_IXN_SERVER_PORTS_HEALTH)),
    row("server-readiness-port", Want::Port(IXN_SERVICE_IXN_SERVER_PORTS_HEALTH), Look::ProbePort(Server, "ixn-server", "readinessProbe"), key(IXN_SERVICE_IXN_SERVER_PORTS_HEALTH)),
    row("server-startup-port", Want::Port(IXN_SERVICE_IXN_SERVER_PORTS_HEALTH), Look::ProbePort(Server, "ixn-server", "startupProbe"), key(IXN_SERVICE_IXN_SERVER_PORTS_HEALTH)),
    row("node-liveness-port", Want::Port(IXN_SERVICE_IXN_NODE_PORTS_DEFAULT), Look::ProbePort(Server, "ixn-node", "livenessProbe"), key(IXN_SERVICE_IXN_NODE_PORTS_DEFAULT)),
    row("node-readiness-port", Want::Port(IXN_SERVICE_IXN_NODE_PORTS_DEFAULT), Look::ProbePort(Server, "ixn-node", "readinessProbe"), key(IXN_SERVICE_IXN_NODE_PORTS_DEFAULT)),
    row("vq-liveness-port", Want::Port(IXN_VQNODE_PORTS_HEALTH), Look::ProbePort(Vq, "ixn-vq-node", "livenessProbe"), key(IXN_VQNODE_PORTS_HEALTH)),
    row("vq-readiness-port", Want::Port(IXN_VQNODE_PORTS_HEALTH), Look::ProbePort(Vq, "ixn-vq-node", "readinessProbe"), key(IXN_VQNODE_PORTS_HEALTH)),
    // The resources, per container.
    SERVER[0], SERVER[1], SERVER[2], SERVER[3],
    NODE[0], NODE[1], NODE[2], NODE[3],
    LOG[0], LOG[1], LOG[2], LOG[3],
    VQ[0], VQ[1], VQ[2], VQ[3],
    // Every Secret a pod reads exists, with the keys it reads.
    row("secret-references", Want::Model, Look::Sweep(secret_references), field(ctx::DEPLOY_CHART)),
    // The Redis and Kafka secret mounts and their paths.
    row("server-mounts", Want::Model, Look::Sweep(mounts), key(IXN_SERVICE_IXN_SERVER_VOLUME_MOUNTS)),
    row("node-mounts", Want::Model, Look::Sweep(mounts), key(IXN_SERVICE_IXN_NODE_VOLUME_MOUNTS)),
    row("vq-mounts", Want::Model, Look::Sweep(mounts), key(IXN_VQNODE_VOLUME_MOUNTS)),
    row("secret-volumes", Want::Model, Look::Sweep(secret_volumes), field(ctx::SECRETS_MOUNT)),
    // The database as the containers receive it.
    row("server-db-host", Want::Text(IXN_SERVICE_IXN_SERVER_DB_HOST), Look::Env(Server, "ixn-server", "DB_HOST"), key(IXN_SERVICE_IXN_SERVER_DB_HOST)),
    row("server-db-port", Want::Port(IXN_SERVICE_IXN_SERVER_DB_PORT), Look::Env(Server, "ixn-server", "DB_PORT"), key(IXN_SERVICE_IXN_SERVER_DB_PORT)),
    row("server-db-name", Want::Text(IXN_SERVICE_IXN_SERVER_DB_NAME), Look::Env(Server, "ixn-server", "DB_NAME"), key(IXN_SERVICE_IXN_SERVER_DB_NAME)),
    row("node-db-host", Want::Text(IXN_SERVICE_IXN_NODE_DB_HOST), Look::Settings(&["db", "host"]), key(IXN_SERVICE_IXN_NODE_DB_HOST)),
    row("node-db-port", Want::Port(IXN_SERVICE_IXN_NODE_DB_PORT), Look::Settings(&["db", "port"]), key(IXN_SERVICE_IXN_NODE_DB_PORT)),
    row("node-db-name", Want::Text(IXN_SERVICE_IXN_NODE_DB_NAME), Look::Settings(&["db", "name"]), key(IXN_SERVICE_IXN_NODE_DB_NAME)),
    row("redis-nodes", Want::Model, Look::Sweep(redis_nodes), key(IXN_SERVICE_IXN_NODE_REDIS)),
    row("server-conf-server-host", Want::Text(IXN_SERVICE_IXN_SERVER_CONF_SERVER_HOST), Look::Env(Server, "ixn-server", "CONF_SERVER_HOST"), key(IXN_SERVICE_IXN_SERVER_CONF_SERVER_HOST)),
    row("server-conf-server-port", Want::Port(IXN_SERVICE_IXN_SERVER_CONF_SERVER_PORT), Look::Env(Server, "ixn-server", "CONF_SERVER_PORT"), key(IXN_SERVICE_IXN_SERVER_CONF_SERVER_PORT)),
    row("server-conf-server-app", Want::Text(IXN_SERVICE_IXN_SERVER_CONF_SERVER_APP_NAME), Look::Env(Server, "ixn-server", "CONF_SERVER_APP"), key(IXN_SERVICE_IXN_SERVER_CONF_SERVER_APP_NAME)),
    row("server-tenant-id", Want::Text(TENANT_ID), Look::Env(Server, "ixn-server", "TENANT_ID"), key(TENANT_ID)),
    row("server-tenant-sid", Want::Text(TENANT_SID), Look::Env(Server, "ixn-server", "TENANT_SID"), key(TENANT_SID)),
    row("vq-tenant-id", Want::Text(TENANT_ID), Look::Env(Vq, "ixn-vq-node", "TENANT_ID"), key(TENANT_ID)),
    row("node-config-node-port", Want::Port(IXN_SERVICE_IXN_NODE_CONFIG_NODE_PORT), Look::Settings(&["configNode", "port"]), key(IXN_SERVICE_IXN_NODE_CONFIG_NODE_PORT)),
    row("node-consul-port", Want::Port(IXN_SERVICE_IXN_NODE_CONSUL_PORT), Look::Settings(&["consul", "port"]), key(IXN_SERVICE_IXN_NODE_CONSUL_PORT)),
    // The Consul connect annotations and their ports.
    row_if("server-connect-inject", Want::Fixed("true"), Look::Annotation(Server, "consul.hashicorp.com/connect-inject"), key(IXN_SERVICE_ANNOTATIONS), consul),
    row_if("server-connect-service", Want::Derived(consul_server_name), Look::Annotation(Server, "consul.hashicorp.com/connect-service"), key(IXN_SERVICE_ANNOTATIONS), consul),
    row_if("server-connect-port", Want::Port(IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT), Look::AnnotatedPort(Server, "consul.hashicorp.com/connect-service-port"), key(IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT), consul),
    row_if("server-connect-upstreams", Want::Model, Look::Sweep(upstreams), key(IXN_SERVICE_IXN_NODE_CONFIG_NODE_PORT), consul),
    row_if("vq-connect-inject", Want::Fixed("true"), Look::Annotation(Vq, "consul.hashicorp.com/connect-inject"), key(IXN_VQNODE_ANNOTATIONS), consul),
    row_if("vq-connect-service", Want::Derived(consul_vq_name), Look::Annotation(Vq, "consul.hashicorp.com/connect-service"), key(IXN_VQNODE_ANNOTATIONS), consul),
    row_if("vq-connect-port", Want::Port(IXN_VQNODE_PORTS_DEFAULT), Look::AnnotatedPort(Vq, "consul.hashicorp.com/connect-service-port"), key(IXN_VQNODE_PORTS_DEFAULT), consul),
    // The service accounts.
    row("server-service-account", Want::Model, Look::Sweep(service_accounts), key(IXN_SERVICE_IXN_SERVER_SERVICE_ACCOUNT_NAME)),
    row("vq-service-account", Want::Model, Look::Sweep(service_accounts), key(IXN_VQNODE_SERVICE_ACCOUNT_NAME)),
    // The log storage.
    row("log-storage", Want::Model, Look::Sweep(log_storage), key(IXN_SERVICE_IXN_SERVER_LOG_STORAGE_STORAGE_SIZE)),
    // PodMonitors and the metrics Services, when monitoring is on.
    row("server-pod-monitor", Want::Model, Look::Sweep(pod_monitor), key(IXN_SERVICE_PROMETHEUS_POD_MONITOR_ENABLED)),
    row("vq-pod-monitor", Want::Model, Look::Sweep(pod_monitor), key(IXN_VQNODE_PROMETHEUS_POD_MONITOR_ENABLED)),
    row_if("server-metrics-service", Want::Port(IXN_SERVICE_IXN_SERVER_PORTS_HEALTH), Look::ServicePort("-ixn-monitoring", "server-health"), key(IXN_SERVICE_IXN_SERVER_PORTS_HEALTH), server_monitoring_service),
    row_if("node-metrics-service", Want::Port(IXN_SERVICE_IXN_NODE_PORTS_DEFAULT), Look::ServicePort("-ixn-monitoring", "node-default"), key(IXN_SERVICE_IXN_NODE_PORTS_DEFAULT), server_monitoring_service),
    row_if("vq-metrics-service", Want::Port(IXN_VQNODE_PORTS_HEALTH), Look::ServicePort("-vqnode-monitoring", "vqnode-health"), key(IXN_VQNODE_PORTS_HEALTH), vq_monitoring_service),
];

fn consul_server_name(m: &Model) -> Option<String> {
    Some(format!("ixn-server-{}", m.real.str(TENANT_SID)?))
}
fn consul_vq_name(m: &Model) -> Option<String> {
    Some(format!("ixn-vqnode-{}", m.real.str(TENANT_SID)?))
}

/// What the model expects, typed for comparison.
enum Expected {
    Int(i64),
    Text(String),
    Quantity(Quantity),
}

impl Expected {
    fn shown(&self) -> String {
        match self {
            Expected::Int(i) => i.to_string(),
            Expected::Text(s) => format!("\"{s}\""),
            Expected::Quantity(q) => q.as_str().to_string(),
        }
    }

    fn matches(&self, got: &str) -> bool {
        match self {
            Expected::Int(i) => got.trim().parse::<i64>().ok() == Some(*i),
            Expected::Text(s) => got == s,
            Expected::Quantity(q) => got.parse::<Quantity>().is_ok_and(|g| g.nanos() == q.nanos()),
        }
    }
}

fn shown_got(e: &Expected, got: &str) -> String {
    match e {
        Expected::Text(_) => format!("\"{got}\""),
        _ => got.to_string(),
    }
}

/// Whether `text` holds a variable the user fills in with envsubst (`${POSTGRES_ADDR}`):
/// the objects hold its value, which the model does not know.
fn user_filled(m: &Model, text: &str) -> bool {
    crate::model::names_in(text).iter().any(|n| m.cfg.deploy.envsubst_vars.contains(n))
}

fn expected(m: &Model, want: Want) -> Option<Expected> {
    let text = |s: &str| (!user_filled(m, s)).then(|| Expected::Text(s.to_string()));
    Some(match want {
        Want::Port(k) => Expected::Int(m.real.port(k)?.into()),
        Want::Text(k) => text(m.real.str(k)?)?,
        Want::Quantity(k) => match m.real.get(k)? {
            Value::Quantity(q) => Expected::Quantity(q.value()?.clone()),
            _ => return None,
        },
        Want::Count(k) => match m.real.get(k)? {
            Value::Int(c) => Expected::Int(*c.value()?),
            _ => return None,
        },
        Want::Fixed(s) => Expected::Text(s.to_string()),
        Want::Derived(f) => text(&f(m)?)?,
        Want::Model => return None,
    })
}

/// What a look found: `Skip` when what holds the field is missing (another clause says
/// so), `Missing` when the field is not there, else its text.
enum Got {
    Skip,
    Missing,
    Text(String),
}

fn in_container(w: Workload, c: &str, release: &str) -> String {
    format!("container {c} of {} {}", w.kind(), w.name(release))
}

/// Splits an image reference into registry, repository and tag. The registry is the
/// first component when it looks like a host (a dot, a colon, or `localhost`).
fn split_image(image: &str) -> (Option<&str>, &str, Option<&str>) {
    let image = image.split('@').next().unwrap_or(image);
    let (name, tag) = match image.rfind(':') {
        Some(i) if !image[i..].contains('/') => (&image[..i], Some(&image[i + 1..])),
        _ => (image, None),
    };
    match name.split_once('/') {
        Some((first, rest)) if first.contains('.') || first.contains(':') || first == "localhost" => {
            (Some(first), rest, tag)
        }
        _ => (None, name, tag),
    }
}

impl Clause {
    /// What this clause finds.
    pub fn run(&self, m: &Model, v: &View) -> Vec<Finding> {
        let mut out = Vec::new();
        if !(self.when)(m) {
            return out;
        }
        let at = self.at.location();
        let rel = m.release.as_str();
        match self.looks {
            Look::Sweep(f) => f(m, v, self, &mut out),
            Look::Workload(w) => {
                if v.workload(w).is_none() {
                    let have: Vec<String> = v.of_kind(w.kind()).map(|o| o.name.clone()).collect();
                    out.push(Finding::error(
                        at,
                        format!(
                            "The objects hold no {} named {}, the name the portal's rollout commands wait for{}.",
                            w.kind(),
                            w.name(rel),
                            if have.is_empty() {
                                String::new()
                            } else {
                                format!(" (they hold {} {})", w.kind(), have.join(", "))
                            }
                        ),
                    ));
                }
            }
            Look::Image(w, c, part) => {
                let Some(image) = v.container(w, c).and_then(|n| n.get("image")).and_then(text) else { return out };
                let (registry, repo, tag) = split_image(&image);
                let what = in_container(w, c, rel);
                match part {
                    ImagePart::Registry => {
                        // An empty registry leaves the chart's own; only a given one is checked.
                        if let Some(want) = m.real.str(IMAGE_REGISTRY) {
                            if !image.starts_with(&format!("{want}/")) {
                                out.push(Finding::error(
                                    at,
                                    format!(
                                        "The image of {what} is \"{image}\", not from the registry \"{want}\" the profile gives (it pulls from {}).",
                                        registry.unwrap_or("Docker Hub")
                                    ),
                                ));
                            }
                        }
                    }
                    ImagePart::Repository | ImagePart::Tag => {
                        let Some(Expected::Text(want)) = expected(m, self.reads) else { return out };
                        let repo = match m.real.str(IMAGE_REGISTRY) {
                            Some(r) => {
                                image.strip_prefix(&format!("{r}/")).map(|rest| split_image(rest).1).unwrap_or(repo)
                            }
                            None => repo,
                        };
                        let (got, name) =
                            if part == ImagePart::Tag { (tag.unwrap_or(""), "tag") } else { (repo, "repository") };
                        if got != want {
                            out.push(Finding::error(
                                at,
                                format!("The image {name} of {what} is \"{got}\"; the profile says \"{want}\" (image \"{image}\")."),
                            ));
                        }
                    }
                }
            }
            _ => self.compare(m, v, &at, &mut out),
        }
        out
    }

    fn compare(&self, m: &Model, v: &View, at: &Location, out: &mut Vec<Finding>) {
        let Some(want) = expected(m, self.reads) else { return };
        let rel = m.release.as_str();
        let (what, got) = match self.looks {
            Look::Replicas(w) => (
                format!("The replica count of {} {}", w.kind(), w.name(rel)),
                match v.workload(w) {
                    None => Got::Skip,
                    // Kubernetes reads a missing replicas as 1.
                    Some(o) => Got::Text(o.get(&["spec", "replicas"]).and_then(text).unwrap_or_else(|| "1".into())),
                },
            ),
            Look::ContainerPort(w, c, port) => (
                format!("Port {port} of {}", in_container(w, c, rel)),
                match v.container(w, c) {
                    None => Got::Skip,
                    Some(cn) => named(cn.get("ports"), port)
                        .and_then(|p| p.get("containerPort"))
                        .and_then(text)
                        .map_or(Got::Missing, Got::Text),
                },
            ),
            Look::Env(w, c, var) => (
                format!("The variable {var} of {}", in_container(w, c, rel)),
                match v.container(w, c) {
                    None => Got::Skip,
                    Some(cn) => match named(cn.get("env"), var) {
                        None => Got::Missing,
                        // Read from elsewhere (a Secret, a field): not the model's to say.
                        Some(e) if e.get("valueFrom").is_some() => Got::Skip,
                        Some(e) => Got::Text(e.get("value").and_then(text).unwrap_or_default()),
                    },
                },
            ),
            Look::Resource(w, c, group, res) => (
                format!(
                    "The {} {} of {}",
                    if res == "cpu" { "CPU" } else { res },
                    group.trim_end_matches('s'),
                    in_container(w, c, rel)
                ),
                match v.container(w, c) {
                    None => Got::Skip,
                    Some(cn) => cn.get_path(["resources", group, res]).and_then(text).map_or(Got::Missing, Got::Text),
                },
            ),
            Look::PullPolicy(w, c) => (
                format!("The image pull policy of {}", in_container(w, c, rel)),
                match v.container(w, c) {
                    None => Got::Skip,
                    Some(cn) => cn.get("imagePullPolicy").and_then(text).map_or(Got::Missing, Got::Text),
                },
            ),
            Look::ProbePort(w, c, probe) => (
                format!("The port the {probe} of {} reaches", in_container(w, c, rel)),
                match v.container(w, c) {
                    None => Got::Skip,
                    Some(cn) => match cn.get(probe) {
                        None => Got::Missing,
                        Some(p) => {
                            let port = ["httpGet", "tcpSocket", "grpc"].iter().find_map(|h| p.get_path([*h, "port"]));
                            match port {
                                // An exec probe reaches no port.
                                None => Got::Skip,
                                Some(port) => match v.resolve_port(w, Some(c), port) {
                                    Some(n) => Got::Text(n.to_string()),
                                    None => Got::Text(text(port).unwrap_or_default()),
                                },
                            }
                        }
                    },
                },
            ),
            Look::ServicePort(suffix, port) => {
                let name = format!("{rel}{suffix}");
                (
                    format!("Port {port} of Service {name}"),
                    match v.find("Service", &name) {
                        None => Got::Missing,
                        Some(s) => named(s.get(&["spec", "ports"]), port)
                            .and_then(|p| p.get("port"))
                            .and_then(text)
                            .map_or(Got::Missing, Got::Text),
                    },
                )
            }
            Look::Annotation(w, a) => (
                format!("The annotation {a} of {} {}'s pods", w.kind(), w.name(rel)),
                match v.workload(w) {
                    None => Got::Skip,
                    Some(o) => o
                        .get(&["spec", "template", "metadata", "annotations", a])
                        .and_then(text)
                        .map_or(Got::Missing, Got::Text),
                },
            ),
            Look::AnnotatedPort(w, a) => (
                format!("The port the annotation {a} of {} {}'s pods names", w.kind(), w.name(rel)),
                match v.workload(w) {
                    None => Got::Skip,
                    Some(o) => match o.get(&["spec", "template", "metadata", "annotations", a]) {
                        None => Got::Missing,
                        Some(p) => match v.resolve_port(w, None, p) {
                            Some(n) => Got::Text(n.to_string()),
                            None => {
                                Got::Text(format!("{} (no container port of that name)", text(p).unwrap_or_default()))
                            }
                        },
                    },
                },
            ),
            Look::Settings(path) => {
                let name = format!("{rel}-ixn-node-settings");
                let file = m.real.str(IXN_SERVICE_IXN_NODE_SETTINGS_FILE).unwrap_or("settings.json");
                let what = format!("The value {} in {file} of ConfigMap {name}", path.join("."));
                let got = match v.find("ConfigMap", &name).and_then(|o| o.get(&["data", file])).and_then(Node::as_str) {
                    None => Got::Skip,
                    Some(json) => match serde_json::from_str::<serde_json::Value>(json) {
                        Err(_) => Got::Skip,
                        Ok(j) => match path.iter().try_fold(&j, |j, k| j.get(k)) {
                            None => Got::Missing,
                            Some(serde_json::Value::String(s)) => Got::Text(s.clone()),
                            Some(serde_json::Value::Null) => Got::Missing,
                            Some(other) => Got::Text(other.to_string()),
                        },
                    },
                };
                (what, got)
            }
            Look::Workload(_) | Look::Image(..) | Look::Sweep(_) => return,
        };
        match got {
            Got::Skip => {}
            Got::Missing => {
                out.push(Finding::error(at.clone(), format!("{what} is not there; the profile says {}.", want.shown())))
            }
            Got::Text(g) if !want.matches(&g) => out.push(Finding::error(
                at.clone(),
                format!("{what} is {}; the profile says {}.", shown_got(&want, &g), want.shown()),
            )),
            Got::Text(_) => {}
        }
    }
}

/// Containers the portal knows nothing of (warnings), and its own that are missing.
fn containers(m: &Model, v: &View, c: &Clause, out: &mut Vec<Finding>) {
    for w in [Server, Vq] {
        let Some(pod) = v.pod(w) else { continue };
        for cn in items(pod.get("containers")) {
            let name = cn.get("name").and_then(text).unwrap_or_default();
            if !w.known_containers().contains(&name.as_str()) {
                out.push(Finding::warning(
                    c.at.location(),
                    format!(
                        "{} {} runs a container \"{name}\" the portal knows nothing of: its resources, ports and Secrets are not in the profile.",
                        w.kind(),
                        w.name(&m.release)
                    ),
                ));
            }
        }
        let mut want: Vec<(&str, At)> = match w {
            Server => vec![("ixn-server", At::Ctx(ctx::DEPLOY_CHART)), ("ixn-node", At::Ctx(ctx::DEPLOY_CHART))],
            Vq => vec![("ixn-vq-node", At::Ctx(ctx::DEPLOY_CHART))],
        };
        if w == Server && sidecar(m) {
            want.push(("log-sidecar", At::Key(IXN_SERVICE_IMAGE_LOG_SIDECAR_ENABLED)));
        }
        for (name, at) in want {
            if v.container(w, name).is_none() {
                out.push(Finding::error(
                    at.location(),
                    format!("{} {} has no container \"{name}\", which the profile runs.", w.kind(), w.name(&m.release)),
                ));
            }
        }
        if w == Server && !sidecar(m) && v.container(w, "log-sidecar").is_some() {
            out.push(Finding::error(
                At::Key(IXN_SERVICE_IMAGE_LOG_SIDECAR_ENABLED).location(),
                format!("{} {} runs the log sidecar, which the profile turns off.", w.kind(), w.name(&m.release)),
            ));
        }
    }
}

/// The container ports the portal knows, by workload.
const KNOWN_PORTS: &[&str] =
    &["server-default", "server-health", "node-default", "log-health", "vqnode-default", "vqnode-health"];

fn unknown_ports(m: &Model, v: &View, c: &Clause, out: &mut Vec<Finding>) {
    for w in [Server, Vq] {
        let Some(pod) = v.pod(w) else { continue };
        for cn in items(pod.get("containers")) {
            let cname = cn.get("name").and_then(text).unwrap_or_default();
            if !w.known_containers().contains(&cname.as_str()) {
                continue; // said once, by the containers clause
            }
            for p in items(cn.get("ports")) {
                let name = p.get("name").and_then(text).unwrap_or_default();
                if !KNOWN_PORTS.contains(&name.as_str()) {
                    let number = p.get("containerPort").and_then(text).unwrap_or_default();
                    out.push(Finding::warning(
                        c.at.location(),
                        format!(
                            "The {} opens port {number} (\"{name}\"), which the profile does not describe.",
                            in_container(w, &cname, &m.release)
                        ),
                    ));
                }
            }
        }
    }
}

fn pull_secrets(m: &Model, v: &View, c: &Clause, out: &mut Vec<Finding>) {
    let Some(Value::PullSecrets(want)) = m.real.get(IMAGE_IMAGE_PULL_SECRETS) else { return };
    for w in [Server, Vq] {
        let Some(pod) = v.pod(w) else { continue };
        let got: Vec<String> =
            items(pod.get("imagePullSecrets")).iter().filter_map(|s| s.get("name").and_then(text)).collect();
        for name in want.iter().filter(|n| !n.is_empty()) {
            if !got.contains(name) {
                out.push(Finding::error(
                    c.at.location(),
                    format!(
                        "The pods of {} {} do not name the pull secret \"{name}\" (they name {}).",
                        w.kind(),
                        w.name(&m.release),
                        if got.is_empty() { "none".to_string() } else { got.join(", ") }
                    ),
                ));
            }
        }
    }
}

/// Where a finding about a Secret reference points: the field that names that Secret.
fn secret_field(m: &Model, name: &str) -> Option<Location> {
    for k in [IXN_SERVICE_IXN_SERVER_SECRETS_DB_SECRET_NAME, IXN_SERVICE_IXN_NODE_SECRETS_DB_SECRET_NAME] {
        if m.real.str(k) == Some(name) {
            return Some(Location::Key(k));
        }
    }
    if name == REDIS_SECRET || name == KAFKA_SECRET {
        return Some(Location::Context(ctx::SECRETS_MOUNT));
    }
    if let Some(Value::PullSecrets(p)) = m.real.get(IMAGE_IMAGE_PULL_SECRETS) {
        if p.iter().any(|p| p == name) {
            return Some(Location::Key(IMAGE_IMAGE_PULL_SECRETS));
        }
    }
    None
}

/// Every Secret a pod reads (volumes, projected volumes, `envFrom`, `secretKeyRef`) with
/// the keys it reads (none: the whole Secret).
fn secret_reads(pod: &Node) -> Vec<(String, Vec<String>, &'static str, bool)> {
    let mut out: Vec<(String, Vec<String>, &'static str, bool)> = Vec::new();
    let item_keys = |n: &Node| -> Vec<String> {
        items(n.get("items")).iter().filter_map(|i| i.get("key").and_then(text)).collect()
    };
    for vol in items(pod.get("volumes")) {
        if let Some(s) = vol.get("secret") {
            if let Some(name) = s.get("secretName").and_then(text) {
                let optional = s.get("optional") == Some(&Node::Bool(true));
                out.push((name, item_keys(s), "a volume", optional));
            }
        }
        for src in items(vol.get_path(["projected", "sources"])) {
            if let Some(s) = src.get("secret") {
                if let Some(name) = s.get("name").and_then(text) {
                    let optional = s.get("optional") == Some(&Node::Bool(true));
                    out.push((name, item_keys(s), "a projected volume", optional));
                }
            }
        }
    }
    let containers = items(pod.get("containers")).iter().chain(items(pod.get("initContainers")));
    for cn in containers {
        for e in items(cn.get("envFrom")) {
            if let Some(name) = e.get_path(["secretRef", "name"]).and_then(text) {
                let optional = e.get_path(["secretRef", "optional"]) == Some(&Node::Bool(true));
                out.push((name, vec![], "envFrom", optional));
            }
        }
        for e in items(cn.get("env")) {
            if let Some(r) = e.get_path(["valueFrom", "secretKeyRef"]) {
                if let (Some(name), Some(k)) = (r.get("name").and_then(text), r.get("key").and_then(text)) {
                    let optional = r.get("optional") == Some(&Node::Bool(true));
                    out.push((name, vec![k], "an env variable", optional));
                }
            }
        }
    }
    out
}

fn secret_references(m: &Model, v: &View, c: &Clause, out: &mut Vec<Finding>) {
    for w in [Server, Vq] {
        let Some(pod) = v.pod(w) else { continue };
        let wl = format!("{} {}", w.kind(), w.name(&m.release));
        for (name, keys, how, optional) in secret_reads(pod) {
            let field = secret_field(m, &name);
            match (v.secret_keys(m, &name), field) {
                (None, None) => out.push(Finding::warning(
                    c.at.location(),
                    format!("{wl} reads the Secret \"{name}\" through {how}: neither the portal nor the chart makes it, and the profile does not describe it."),
                )),
                (None, Some(at)) if !optional => out.push(Finding::error(
                    at,
                    format!("{wl} reads the Secret \"{name}\" through {how}, but neither the portal's commands nor the chart make a Secret of that name."),
                )),
                (None, Some(_)) => {}
                (Some(have), field) => {
                    for k in keys.iter().filter(|k| !have.contains(k)) {
                        let at = field.clone().unwrap_or_else(|| c.at.location());
                        out.push(Finding::error(
                            at,
                            format!(
                                "{wl} reads the key \"{k}\" of the Secret \"{name}\" through {how}, but that Secret has no such key (it has {}).",
                                if have.is_empty() { "none".to_string() } else { have.join(", ") }
                            ),
                        ));
                    }
                }
            }
        }
    }
}

/// The model's `volumeMounts` of the clause's key: each mounted at its path, from a
/// volume of the pod.
fn mounts(m: &Model, v: &View, c: &Clause, out: &mut Vec<Finding>) {
    let At::Key(k) = c.at else { return };
    let (w, cname) = if k.path == IXN_SERVICE_IXN_SERVER_VOLUME_MOUNTS.path {
        (Server, "ixn-server")
    } else if k.path == IXN_SERVICE_IXN_NODE_VOLUME_MOUNTS.path {
        (Server, "ixn-node")
    } else {
        (Vq, "ixn-vq-node")
    };
    let Some(Value::Mounts(want)) = m.real.get(k) else { return };
    let (Some(pod), Some(cn)) = (v.pod(w), v.container(w, cname)) else { return };
    let what = in_container(w, cname, &m.release);
    for mt in want {
        match named(cn.get("volumeMounts"), &mt.name) {
            None => out.push(Finding::error(
                c.at.location(),
                format!(
                    "The {what} does not mount the volume \"{}\" at {}, as the profile says.",
                    mt.name, mt.mount_path
                ),
            )),
            Some(got) => {
                let path = got.get("mountPath").and_then(text).unwrap_or_default();
                if path != mt.mount_path {
                    out.push(Finding::error(
                        c.at.location(),
                        format!(
                            "The {what} mounts the volume \"{}\" at \"{path}\"; the profile says \"{}\".",
                            mt.name, mt.mount_path
                        ),
                    ));
                }
                let ro = got.get("readOnly") == Some(&Node::Bool(true));
                if ro != mt.read_only {
                    out.push(Finding::error(
                        c.at.location(),
                        format!(
                            "The {what} mounts the volume \"{}\" {}; the profile says {}.",
                            mt.name,
                            if ro { "read-only" } else { "writable" },
                            if mt.read_only { "read-only" } else { "writable" }
                        ),
                    ));
                }
            }
        }
        let claims = v.workload(w).map(|o| items(o.get(&["spec", "volumeClaimTemplates"]))).unwrap_or(&[]);
        let has_volume = named(pod.get("volumes"), &mt.name).is_some()
            || claims.iter().any(|cl| cl.get_path(["metadata", "name"]).and_then(text).as_deref() == Some(&mt.name));
        if !has_volume {
            out.push(Finding::error(
                c.at.location(),
                format!("The {what} mounts \"{}\", but the pod has no volume of that name.", mt.name),
            ));
        }
    }
}

/// With `secrets.mount`: the Redis secret is a volume of the StatefulSet's pod, the
/// Kafka secret of both pods, each from the Secret the portal makes.
fn secret_volumes(m: &Model, v: &View, c: &Clause, out: &mut Vec<Finding>) {
    if !m.cfg.deploy.mount_secrets {
        return;
    }
    for (w, secret, key) in
        [(Server, REDIS_SECRET, REDIS_KEY), (Server, KAFKA_SECRET, KAFKA_KEY), (Vq, KAFKA_SECRET, KAFKA_KEY)]
    {
        let Some(pod) = v.pod(w) else { continue };
        let from = items(pod.get("volumes"))
            .iter()
            .find_map(|vol| vol.get_path(["secret", "secretName"]).and_then(text).filter(|s| s == secret));
        if from.is_none() {
            out.push(Finding::error(
                c.at.location(),
                format!(
                    "The pods of {} {} have no volume from the Secret \"{secret}\" (its key {key} is how they reach {}).",
                    w.kind(),
                    w.name(&m.release),
                    if secret == REDIS_SECRET { "Redis" } else { "Kafka" }
                ),
            ));
        }
    }
}

fn redis_nodes(m: &Model, v: &View, c: &Clause, out: &mut Vec<Finding>) {
    let Some(Value::Redis(nodes)) = m.real.get(IXN_SERVICE_IXN_NODE_REDIS) else { return };
    let name = format!("{}-ixn-node-settings", m.release);
    let file = m.real.str(IXN_SERVICE_IXN_NODE_SETTINGS_FILE).unwrap_or("settings.json");
    let Some(json) = v.find("ConfigMap", &name).and_then(|o| o.get(&["data", file])).and_then(Node::as_str) else {
        return;
    };
    let Ok(j) = serde_json::from_str::<serde_json::Value>(json) else { return };
    let got = j.get("redis").and_then(|r| r.as_array()).cloned().unwrap_or_default();
    for (i, n) in nodes.iter().enumerate() {
        let item = |part| Location::Item { key: IXN_SERVICE_IXN_NODE_REDIS, index: i, part };
        let Some(g) = got.get(i) else {
            out.push(Finding::error(
                c.at.location(),
                format!("IXN Node's {file} lists {} Redis nodes; the profile has {}.", got.len(), nodes.len()),
            ));
            return;
        };
        let host = g.get("host").and_then(|h| h.as_str()).unwrap_or("");
        if host != n.host {
            out.push(Finding::error(
                item(crate::model::Part::Host),
                format!("Redis node {} in IXN Node's {file} is \"{host}\"; the profile says \"{}\".", i + 1, n.host),
            ));
        }
        if let Some(p) = n.port.value() {
            let gp = g.get("port").map(|p| p.to_string().trim_matches('"').to_string()).unwrap_or_default();
            if gp != p.get().to_string() {
                out.push(Finding::error(
                    item(crate::model::Part::Port),
                    format!("Redis node {}'s port in IXN Node's {file} is {gp}; the profile says {}.", i + 1, p.get()),
                ));
            }
        }
    }
}

fn upstreams(m: &Model, v: &View, c: &Clause, out: &mut Vec<Finding>) {
    let Some(o) = v.workload(Server) else { return };
    let Some(port) = m.real.port(IXN_SERVICE_IXN_NODE_CONFIG_NODE_PORT) else { return };
    let a = "consul.hashicorp.com/connect-service-upstreams";
    let got = o.get(&["spec", "template", "metadata", "annotations", a]).and_then(text).unwrap_or_default();
    let want = format!("voice-config:{port}");
    if !got.split([',', '\n']).any(|u| u.trim() == want) {
        out.push(Finding::error(
            c.at.location(),
            format!(
                "The annotation {a} of StatefulSet {}'s pods does not hold {want}, the Voice Config upstream at the profile's config node port (it is \"{}\").",
                Server.name(&m.release),
                got.split_whitespace().collect::<Vec<_>>().join(" ")
            ),
        ));
    }
}

fn service_accounts(m: &Model, v: &View, c: &Clause, out: &mut Vec<Finding>) {
    let At::Key(k) = c.at else { return };
    let (w, create) = if k.path == IXN_SERVICE_IXN_SERVER_SERVICE_ACCOUNT_NAME.path {
        (Server, IXN_SERVICE_IXN_SERVER_SERVICE_ACCOUNT_CREATE)
    } else {
        (Vq, IXN_VQNODE_SERVICE_ACCOUNT_CREATE)
    };
    let Some(pod) = v.pod(w) else { return };
    let wl = format!("{} {}", w.kind(), w.name(&m.release));
    let got = pod.get("serviceAccountName").and_then(text).unwrap_or_default();
    if let Some(want) = m.real.str(k) {
        if got != want {
            out.push(Finding::error(
                c.at.location(),
                format!("The pods of {wl} run as the service account \"{got}\"; the profile says \"{want}\"."),
            ));
        }
    }
    // The guide: Consul injection needs the IXN Server account to start with ixn-server-.
    if w == Server && m.cfg.deploy.consul_connect && !got.starts_with("ixn-server-") {
        out.push(Finding::error(
            c.at.location(),
            format!("The pods of {wl} run as the service account \"{got}\"; Consul connect injection needs a name that starts with ixn-server-."),
        ));
    }
    if flag(m, create) && !got.is_empty() && v.find("ServiceAccount", &got).is_none() {
        out.push(Finding::error(
            Location::Key(create),
            format!("The profile has the chart create the service account \"{got}\" that {wl} runs as, but the objects hold no ServiceAccount of that name."),
        ));
    }
}

fn log_storage(m: &Model, v: &View, c: &Clause, out: &mut Vec<Finding>) {
    let Some(o) = v.workload(Server) else { return };
    let wl = format!("StatefulSet {}", Server.name(&m.release));
    let volume = match m.real.get(IXN_SERVICE_IXN_SERVER_LOG_STORAGE_VOLUME) {
        Some(Value::Object(y)) => y.value().and_then(|y| match &y.0 {
            Node::Map(e) if !e.is_empty() => Some(y.0.clone()),
            _ => None,
        }),
        _ => None,
    };
    let size = m.real.get(IXN_SERVICE_IXN_SERVER_LOG_STORAGE_STORAGE_SIZE).and_then(|v| match v {
        Value::Quantity(q) => q.value().cloned(),
        _ => None,
    });
    let claim = items(o.get(&["spec", "volumeClaimTemplates"]))
        .iter()
        .find(|cl| cl.get_path(["metadata", "name"]).and_then(text).as_deref() == Some("log-storage"));
    let pod_volume = v.pod(Server).and_then(|p| named(p.get("volumes"), "log-storage"));
    if let Some(want) = &volume {
        // The profile's volume: the pod's log-storage volume is that volume source.
        let Some(got) = pod_volume else {
            out.push(Finding::error(
                Location::Key(IXN_SERVICE_IXN_SERVER_LOG_STORAGE_VOLUME),
                format!("The pods of {wl} have no volume \"log-storage\"; the profile gives one."),
            ));
            return;
        };
        if let Node::Map(entries) = want {
            for e in entries {
                if got.get(&e.key).is_none() {
                    out.push(Finding::error(
                        Location::Key(IXN_SERVICE_IXN_SERVER_LOG_STORAGE_VOLUME),
                        format!("The volume \"log-storage\" of {wl} is not the {} the profile gives.", e.key),
                    ));
                }
            }
        }
    } else if let Some(size) = size {
        let Some(cl) = claim else {
            out.push(Finding::error(
                c.at.location(),
                format!(
                    "{wl} has no volume claim \"log-storage\"; the profile asks for {} of log storage.",
                    size.as_str()
                ),
            ));
            return;
        };
        let got = cl.get_path(["spec", "resources", "requests", "storage"]).and_then(text).unwrap_or_default();
        if !got.parse::<Quantity>().is_ok_and(|g| g.nanos() == size.nanos()) {
            out.push(Finding::error(
                c.at.location(),
                format!("The log storage claim of {wl} asks for \"{got}\"; the profile says {}.", size.as_str()),
            ));
        }
        let class = cl.get_path(["spec", "storageClassName"]).and_then(text);
        let want = m.real.str(IXN_SERVICE_IXN_SERVER_LOG_STORAGE_STORAGE_CLASS_NAME);
        if class.as_deref() != want {
            out.push(Finding::error(
                Location::Key(IXN_SERVICE_IXN_SERVER_LOG_STORAGE_STORAGE_CLASS_NAME),
                format!(
                    "The log storage claim of {wl} has the storage class {}; the profile says {}.",
                    class.map_or("of the cluster's default".into(), |c| format!("\"{c}\"")),
                    want.map_or("the cluster's default".into(), |c| format!("\"{c}\""))
                ),
            ));
        }
    }
    if let Some(path) = m.real.str(IXN_SERVICE_IXN_SERVER_LOG_STORAGE_MOUNT_PATH) {
        if let Some(cn) = v.container(Server, "ixn-server") {
            let got = named(cn.get("volumeMounts"), "log-storage").and_then(|mt| mt.get("mountPath")).and_then(text);
            if got.as_deref() != Some(path) {
                out.push(Finding::error(
                    Location::Key(IXN_SERVICE_IXN_SERVER_LOG_STORAGE_MOUNT_PATH),
                    format!(
                        "The {} mounts the log storage {}; the profile says \"{path}\".",
                        in_container(Server, "ixn-server", &m.release),
                        got.map_or("nowhere".into(), |g| format!("at \"{g}\""))
                    ),
                ));
            }
        }
    }
}

fn labels_match(selector: &Node, labels: Option<&Node>) -> bool {
    let Node::Map(want) = selector else { return false };
    !want.is_empty()
        && want.iter().all(|e| labels.and_then(|l| l.get_path([e.key.as_str()])).and_then(text) == text(&e.value))
}

fn pod_monitor(m: &Model, v: &View, c: &Clause, out: &mut Vec<Finding>) {
    let At::Key(k) = c.at else { return };
    let w = if k.path == IXN_SERVICE_PROMETHEUS_POD_MONITOR_ENABLED.path { Server } else { Vq };
    let Some(o) = v.workload(w) else { return };
    let labels = o.get(&["spec", "template", "metadata", "labels"]);
    let monitors: Vec<_> = v
        .of_kind("PodMonitor")
        .filter(|pm| pm.get(&["spec", "selector", "matchLabels"]).is_some_and(|s| labels_match(s, labels)))
        .collect();
    let wl = format!("{} {}", w.kind(), w.name(&m.release));
    if !flag(m, k) {
        if let Some(pm) = monitors.first() {
            out.push(Finding::warning(
                c.at.location(),
                format!(
                    "The objects hold PodMonitor {} for the pods of {wl}, but the profile turns its PodMonitor off.",
                    pm.name
                ),
            ));
        }
        return;
    }
    if monitors.is_empty() {
        out.push(Finding::error(
            c.at.location(),
            format!("No PodMonitor selects the pods of {wl}: Prometheus will not scrape them, though the profile turns the PodMonitor on."),
        ));
    }
    for pm in monitors {
        for ep in items(pm.get(&["spec", "podMetricsEndpoints"])) {
            let Some(port) = ep.get("port").or_else(|| ep.get("targetPort")) else { continue };
            if v.resolve_port(w, None, port).is_none() {
                out.push(Finding::error(
                    c.at.location(),
                    format!(
                        "PodMonitor {} scrapes the port \"{}\", which no container of {wl} opens: it scrapes nothing.",
                        pm.name,
                        text(port).unwrap_or_default()
                    ),
                ));
            }
        }
    }
}
