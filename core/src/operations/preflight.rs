//! Preflight: the guide's prerequisites, with a command for each check that has one.

use super::{Item, Section};
use crate::generate::commands::{psql_pod, secret_pod};
use crate::generate::shell::{command, quote};
use crate::model::{Config, Effective, Value};
use crate::registry::keys;

pub(super) fn section(cfg: &Config, real: &Effective) -> Section {
    let d = &cfg.deploy;
    let ns = d.namespace.as_str();
    let mut items = vec![
        Item::check(
            "preflight-kubernetes",
            "Kubernetes 1.17 or later",
            "Server Version must be 1.17 or later.",
            command(&["kubectl", "version"]),
        ),
        {
            let major = d.helm_major.number();
            Item::check(
                "preflight-helm",
                format!("Helm {major}"),
                format!("The version must start with v{major}: these commands use Helm {major}'s flags (change it on the Tenant step)."),
                command(&["helm", "version", "--short"]),
            )
        },
        Item::check(
            "preflight-postgres",
            "PostgreSQL 11 or later, reachable from the namespace",
            "The reply must name PostgreSQL 11 or later. Uses the admin credentials from the Databases step.",
            psql_pod(cfg, real, "ixn-preflight-postgres", "select version();\n"),
        ),
    ];
    let nodes = match real.get(keys::IXN_SERVICE_IXN_NODE_REDIS) {
        Some(Value::Redis(n)) => n.clone(),
        _ => Vec::new(),
    };
    if let Some(first) = nodes.first() {
        let port = first.port.value().map(|p| p.to_string()).unwrap_or_else(|| "6379".into());
        let tls = real.bool(keys::IXN_SERVICE_IXN_NODE_REDIS_OPTIONS_TLS_ENABLED) == Some(true);
        let cluster = first.cluster == Some(true);
        let mut args: Vec<String> = vec!["redis-cli".into(), "-h".into(), first.host.clone(), "-p".into(), port];
        if tls {
            args.push("--tls".into());
        }
        args.extend(if cluster {
            vec!["CLUSTER".to_string(), "INFO".into()]
        } else {
            vec!["INFO".to_string(), "server".into()]
        });
        // redis-cli reads the password from REDISCLI_AUTH, keeping it out of its own
        // arguments; the pod gets it from a Secret, keeping it out of kubectl's.
        let env = if d.redis_password.is_empty() {
            Vec::new()
        } else {
            vec![("REDISCLI_AUTH".to_string(), d.redis_password.clone())]
        };
        let script = secret_pod(
            cfg,
            "ixn-preflight-redis",
            "redis:6",
            args,
            env,
            "the Redis password for this pod (deleted after)",
            None,
        );
        items.push(Item::check(
            "preflight-redis",
            format!("Redis 6{}", if cluster { " in cluster mode" } else { "" }),
            if cluster { "cluster_state must be ok (is_redis_cluster is true)." } else { "redis_version must be 6.x." },
            script,
        ));
    }
    let bootstrap: Vec<String> =
        d.kafka_bootstrap.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
    if !bootstrap.is_empty() {
        let checks: Vec<String> = bootstrap
            .iter()
            .filter_map(|hp| hp.rsplit_once(':').map(|(h, p)| format!("nc -zv -w 5 {} {}", quote(h), quote(p))))
            .collect();
        items.push(Item::check(
            "preflight-kafka",
            "Kafka 2.x reachable at the bootstrap servers",
            "Each server must answer \"open\". The Kafka version (2.x) is for the Kafka owner to confirm.",
            command(&[
                "kubectl",
                "run",
                "ixn-preflight-kafka",
                "--namespace",
                ns,
                "--rm",
                "--stdin",
                "--restart=Never",
                "--image=busybox:1.36",
                "--",
                "sh",
                "-c",
                &checks.join(" && "),
            ]),
        ));
    }
    let consul_port = real.port_text(keys::IXN_SERVICE_IXN_NODE_CONSUL_PORT).unwrap_or_else(|| "8500".into());
    items.push(Item::manual(
        "preflight-consul",
        "Consul 1.8 agents as a DaemonSet",
        format!("A Consul 1.8 client DaemonSet must run on every node and listen on port {consul_port}, with connect injection on."),
        Some(format!(
            "{}\n{}",
            command(&["kubectl", "get", "daemonsets", "--all-namespaces", "-o", "wide"]),
            command(&["kubectl", "get", "mutatingwebhookconfigurations"])
        )),
    ));
    let tenant = real.str(keys::TENANT_ID).unwrap_or("<tenant.id>");
    items.push(Item::manual(
        "preflight-tenant",
        "The Tenant service is deployed",
        format!("The Tenant service for tenant {tenant} must be running: IXN reaches Configuration Server through it."),
        None,
    ));
    let sa = real.str(keys::IXN_SERVICE_IXN_SERVER_SERVICE_ACCOUNT_NAME);
    items.push(Item::check(
        "preflight-namespace",
        "The namespace, and the service account name rule",
        match sa {
            Some(name) => format!("The namespace must exist. The service account {name} must start with ixn-server- for Consul injection."),
            None => "The namespace must exist. A service account the chart does not create must be named ixn-server-… for Consul injection.".into(),
        },
        format!(
            "{}\n{}",
            command(&["kubectl", "get", "namespace", ns]),
            command(&["kubectl", "get", "serviceaccounts", "--namespace", ns])
        ),
    ));
    let logs_to_files = real.str(keys::IXN_SERVICE_IXN_SERVER_LOG_STORAGE_STORAGE_CLASS_NAME).is_some()
        || matches!(real.get(keys::IXN_SERVICE_IXN_SERVER_LOG_STORAGE_VOLUME), Some(Value::Object(o)) if !o.raw().contains("emptyDir") && o.raw().trim() != "{}");
    items.push(Item::manual(
        "preflight-log-volume",
        "Log volume throughput",
        if logs_to_files {
            "Logging goes to files: the volume must sustain 100 MB/min, and 10 MB/s for 2 minutes at peak."
        } else {
            "Only when logging to files: the volume must sustain 100 MB/min, and 10 MB/s for 2 minutes at peak."
        },
        None,
    ));
    Section {
        id: "preflight",
        title: "Preflight",
        intro: "Before the install: what IXN needs from the cluster and the services around it.",
        items,
    }
}
