//! Each validation rule, triggered on its own, with the path and severity a user sees.

mod common;

use ixn_core::model::{Config, Effective, Input, Platform, RedisNode, Value};
use ixn_core::registry::keys;
use ixn_core::validate::{validate, Finding, Severity};

/// A configuration with no errors at all, to break one thing at a time: the shared
/// complete tenant.
fn valid() -> Config {
    common::tenant::complete_tenant()
}

fn findings(c: &Config) -> Vec<Finding> {
    validate(c, &Effective::of(c))
}

fn has(c: &Config, path: &str, severity: Severity, words: &str) {
    let fs = findings(c);
    assert!(
        fs.iter().any(|f| f.path == path && f.severity == severity && f.message.contains(words)),
        "expected {severity:?} at {path} containing {words:?}, got {fs:#?}"
    );
}

#[test]
fn the_baseline_is_clean() {
    let fs = findings(&valid());
    assert!(fs.is_empty(), "{fs:#?}");
}

#[test]
fn required_values_missing() {
    let mut c = valid();
    c.values.unset(keys::TENANT_ID);
    c.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_HOST, Value::Str("  ".into()));
    has(&c, "tenant.id", Severity::Error, "required");
    has(&c, "ixnService.ixnServer.db.host", Severity::Error, "required");
    c.values.set(keys::IXN_SERVICE_IXN_NODE_REDIS, Value::Redis(vec![RedisNode::default()]));
    has(&c, "ixnService.ixnNode.redis[0].host", Severity::Error, "required");
    c.deploy.kafka_bootstrap.clear();
    has(&c, "kafka.bootstrap", Severity::Error, "Enter the Kafka bootstrap");
}

#[test]
fn tenant_ids() {
    let mut c = valid();
    c.values.set(keys::TENANT_ID, Value::Str("gws-tenant-7".into()));
    has(&c, "tenant.id", Severity::Warning, "not a UUID");
    c.values.set(keys::TENANT_SID, Value::Str("10a".into()));
    has(&c, "tenant.sid", Severity::Error, "digits only");
}

#[test]
fn ports_out_of_range_and_shared_in_a_pod() {
    let mut c = valid();
    c.values.set_text(keys::IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT, "0").unwrap();
    has(&c, "ixnService.ixnServer.ports.default", Severity::Error, "1 to 65535");
    c.values.set_text(keys::IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT, "65536").unwrap();
    has(&c, "ixnService.ixnServer.ports.default", Severity::Error, "1 to 65535");
    c.values.set_text(keys::IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT, "7120").unwrap();
    c.values.set_text(keys::IXN_SERVICE_IXN_NODE_PORTS_DEFAULT, "7120").unwrap();
    has(&c, "ixnService.ixnNode.ports.default", Severity::Error, "already used by ixnService.ixnServer.ports.default");
    // The log sidecar's health port counts only when the sidecar is on (it is, in the sample).
    c.values.set_text(keys::IXN_SERVICE_IXN_NODE_PORTS_DEFAULT, "6120").unwrap();
    c.values.set_text(keys::IXN_SERVICE_LOG_SIDECAR_PORTS_HEALTH, "9100").unwrap();
    has(&c, "ixnService.logSidecar.ports.health", Severity::Error, "already used");
    c.values.set(keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_ENABLED, Value::Bool(false));
    assert!(!findings(&c).iter().any(|f| f.path == "ixnService.logSidecar.ports.health"));
    // The VQ Node pod is separate: the same number there is fine.
    c.values.set_text(keys::IXN_VQNODE_PORTS_DEFAULT, "7120").unwrap();
    assert!(!findings(&c).iter().any(|f| f.path == "ixnVQNode.ports.default"));
    c.values.set_text(keys::IXN_VQNODE_PORTS_HEALTH, "7120").unwrap();
    has(&c, "ixnVQNode.ports.health", Severity::Error, "VQ Node pod");
}

#[test]
fn quantities() {
    let mut c = valid();
    c.values.set_text(keys::IXN_VQNODE_RESOURCES_LIMITS_MEMORY, "160MB").unwrap();
    has(&c, "ixnVQNode.resources.limits.memory", Severity::Error, "not a Kubernetes quantity");
    c.values.set_text(keys::IXN_VQNODE_RESOURCES_LIMITS_MEMORY, "160Mi").unwrap();
    c.values.set_text(keys::IXN_VQNODE_RESOURCES_REQUESTS_CPU, "1").unwrap();
    has(&c, "ixnVQNode.resources.requests.cpu", Severity::Error, "above its limit");
    c.values.set_text(keys::IXN_VQNODE_RESOURCES_REQUESTS_CPU, "300m").unwrap();
    assert!(findings(&c).is_empty(), "a request equal to its limit is fine");
}

#[test]
fn dns_names() {
    let mut c = valid();
    c.deploy.namespace = "IXN_ns".into();
    has(&c, "deploy.namespace", Severity::Error, "lowercase");
    c.deploy.namespace = "ixn".into();
    c.deploy.release = "x".repeat(54);
    has(&c, "deploy.release", Severity::Error, "at most 53");
    c.deploy.release.clear();
    c.values.set(keys::IXN_SERVICE_IXN_SERVER_SECRETS_DB_SECRET_NAME, Value::Str("Bad_Name".into()));
    has(&c, "ixnService.ixnServer.secrets.db.secretName", Severity::Error, "secret name");
    c.values.set(keys::IXN_VQNODE_SERVICE_ACCOUNT_NAME, Value::Str("vq..node".into()));
    has(&c, "ixnVQNode.serviceAccount.name", Severity::Error, "service account name");
    c.values.set(keys::IXN_SERVICE_IXN_SERVER_LOG_STORAGE_STORAGE_CLASS_NAME, Value::Str("Fast SSD".into()));
    has(&c, "ixnService.ixnServer.logStorage.storageClassName", Severity::Error, "storage class name");
}

#[test]
fn postgres_names_over_63_bytes_are_flagged() {
    let mut c = valid();
    // 63 bytes is fine, in any script: "ü" is two bytes.
    c.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_NAME, Value::Str("ü".repeat(31) + "x"));
    assert!(!findings(&c).iter().any(|f| f.path == "ixnService.ixnServer.db.name"), "{:?}", findings(&c));
    c.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_NAME, Value::Str("ü".repeat(32)));
    has(&c, "ixnService.ixnServer.db.name", Severity::Warning, "is 64 bytes; PostgreSQL names hold at most 63");
    c.values.set(keys::IXN_SERVICE_IXN_NODE_DB_NAME, Value::Str("n".repeat(70)));
    has(&c, "ixnService.ixnNode.db.name", Severity::Warning, "at most 63");
    c.deploy.db_owner_user = "o".repeat(64);
    has(&c, "db.ownerUser", Severity::Warning, "at most 63");
    // A placeholder is only text until envsubst fills it in.
    c.values.set(keys::IXN_SERVICE_IXN_SERVER_SECRETS_DB_USERNAME, Value::Str(format!("${{{}}}", "V".repeat(70))));
    assert!(!findings(&c).iter().any(|f| f.path == "ixnService.ixnServer.secrets.db.username"));
}

#[test]
fn replicas_and_probes() {
    let mut c = valid();
    c.values.set_text(keys::REPLICA_COUNT, "2").unwrap();
    has(&c, "replicaCount", Severity::Error, "one instance per tenant");
    c.values.set_text(keys::REPLICA_COUNT, "0").unwrap();
    assert!(findings(&c).is_empty());
    c.values.set_text(keys::IXN_VQNODE_READINESS_PROBE_PERIOD_SECONDS, "0").unwrap();
    has(&c, "ixnVQNode.readinessProbe.periodSeconds", Severity::Error, "positive");
    c.values.set_text(keys::IXN_VQNODE_READINESS_PROBE_PERIOD_SECONDS, "ten").unwrap();
    has(&c, "ixnVQNode.readinessProbe.periodSeconds", Severity::Error, "whole number");
}

#[test]
fn tls_options_while_tls_is_off() {
    let mut c = valid();
    c.values.set(keys::IXN_SERVICE_IXN_NODE_REDIS_OPTIONS_TLS_REJECT_UNAUTHORIZED, Value::Bool(true));
    has(&c, "ixnService.ixnNode.redisOptions.tls.rejectUnauthorized", Severity::Warning, "TLS is off");
    c.deploy.redis_reject_unauthorized = true;
    has(&c, "redis.rejectUnauthorized", Severity::Warning, "TLS is off");
    c.values.set(keys::IXN_SERVICE_IXN_NODE_REDIS_OPTIONS_TLS_ENABLED, Value::Bool(true));
    assert!(findings(&c).is_empty());
}

#[test]
fn consul_service_account_prefix() {
    let mut c = valid();
    c.values.set(keys::IXN_SERVICE_IXN_SERVER_SERVICE_ACCOUNT_NAME, Value::Str("ixn-sa".into()));
    has(&c, "ixnService.ixnServer.serviceAccount.name", Severity::Error, "ixn-server-");
    c.deploy.consul_connect = false;
    has(&c, "ixnService.ixnServer.serviceAccount.name", Severity::Warning, "ixn-server-");
    c.values.set(keys::IXN_SERVICE_IXN_SERVER_SERVICE_ACCOUNT_NAME, Value::Str("ixn-server-100".into()));
    assert!(findings(&c).is_empty());
}

#[test]
fn log_sidecar_image() {
    let mut c = valid();
    c.values.set(keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_TAG, Value::Str("2.1.0".into()));
    has(&c, "ixnService.image.logSidecar.tag", Severity::Warning, "fluent-bit 1.8.x");
    c.values.set(keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_TAG, Value::Str("1.8.15".into()));
    assert!(findings(&c).is_empty());
    // Enabled with no image: an error at each missing part, not a warning.
    c.values.unset(keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_TAG);
    c.values.unset(keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_REPOSITORY);
    has(&c, "ixnService.image.logSidecar.repository", Severity::Error, "its image needs a repository");
    has(&c, "ixnService.image.logSidecar.tag", Severity::Error, "its image needs a tag");
    assert!(!findings(&c).iter().any(|f| f.severity == Severity::Warning && f.path.to_string().contains("logSidecar")));
}

#[test]
fn context_fields() {
    let mut c = valid();
    c.deploy.platform = Platform::Aks;
    has(&c, "aks.resourceGroup", Severity::Error, "Enter the AKS resource group");
    c.deploy.platform = Platform::Other;
    c.deploy.kafka_bootstrap = "kafka:9092,broken".into();
    has(&c, "kafka.bootstrap", Severity::Error, "\"broken\" is not host:port");
    c.deploy.kafka_bootstrap = "kafka:9092".into();
    c.deploy.kafka_username = "k".into();
    has(&c, "kafka.password", Severity::Warning, "both");
    c.deploy.kafka_password = "p".into();
    c.deploy.redis_port = "x".into();
    has(&c, "redis.port", Severity::Error, "not a port");
    c.deploy.redis_port.clear();
    c.deploy.db_owner_password = "a\0b".into();
    has(&c, "db.ownerPassword", Severity::Error, "NUL");
}

#[test]
fn placeholder_values_that_would_break_the_yaml() {
    let mut c = valid();
    c.deploy.placeholders = true;
    assert!(findings(&c).is_empty(), "{:#?}", findings(&c));
    c.deploy.db_owner_password = "pa\"ss".into();
    has(&c, "ixnService.ixnServer.secrets.db.password", Severity::Error, "placeholder mode");
}

#[test]
fn bad_structured_input() {
    let mut c = valid();
    c.values.set(keys::POD_LABELS, Value::Map(vec![("".into(), "x".into())]));
    has(&c, "podLabels", Severity::Error, "no name");
    c.values.set(keys::POD_LABELS, Value::Map(vec![("a".into(), "1".into()), ("a".into(), "2".into())]));
    has(&c, "podLabels", Severity::Error, "twice");
    c.values.set_text(keys::IXN_SERVICE_SECURITY_CONTEXT, "runAsUser: [").unwrap();
    has(&c, "ixnService.securityContext", Severity::Error, "not valid YAML");
    c.values.set(
        keys::IXN_SERVICE_IXN_NODE_REDIS,
        Value::Redis(vec![RedisNode { host: "r".into(), port: Input::new("99999"), cluster: None }]),
    );
    has(&c, "ixnService.ixnNode.redis[0].port", Severity::Error, "not a port");
}

#[test]
fn errors_come_before_warnings() {
    let mut c = valid();
    c.values.set(keys::TENANT_ID, Value::Str("gws".into()));
    c.values.set(keys::TENANT_SID, Value::Str("x".into()));
    let fs = findings(&c);
    let first_warning = fs.iter().position(|f| f.severity == Severity::Warning).unwrap();
    assert!(fs[..first_warning].iter().all(|f| f.severity == Severity::Error));
    assert!(fs[first_warning..].iter().all(|f| f.severity == Severity::Warning));
}

#[test]
fn every_key_constraint_is_reached_by_a_rule() {
    use ixn_core::registry::constraint::IntRange;
    use ixn_core::registry::{Constraint, Kind, Pattern, KEYS};
    let mut checked = 0;
    for def in KEYS {
        let (bad, severity) = match def.constraint {
            Constraint::Free => continue,
            Constraint::Int(&IntRange { min, max, .. }) => {
                // Below the range, and above it where it has a top.
                let mut outside = vec![min - 1];
                if max < i64::MAX {
                    outside.push(max + 1);
                }
                for n in outside {
                    let mut c = valid();
                    c.values.set(def, Value::from_text(def.kind, &n.to_string()).unwrap());
                    assert!(
                        findings(&c).iter().any(|f| f.path == def.path && f.severity == Severity::Error),
                        "{}: {n} is outside {:?}, and nothing says so",
                        def.path,
                        def.constraint
                    );
                }
                checked += 1;
                continue;
            }
            Constraint::NonNegativeQuantity => (Value::Quantity(Input::new("-1")), Severity::Error),
            Constraint::Pattern(p) => {
                let text = match p {
                    Pattern::Uuid => "gws",
                    Pattern::Digits => "10a",
                    Pattern::Dns1123Subdomain { .. } => "Bad_Name",
                };
                let v = match def.kind {
                    Kind::PullSecrets => Value::PullSecrets(vec![text.into()]),
                    _ => Value::Str(text.into()),
                };
                (v, if p.strict() { Severity::Error } else { Severity::Warning })
            }
            Constraint::MetaMap(_) => (Value::Map(vec![("evil\"key".into(), "x".into())]), Severity::Error),
            Constraint::OneOf(options) => {
                assert!(!options.contains(&"Sometimes"));
                (Value::Str("Sometimes".into()), Severity::Error)
            }
        };
        let mut c = valid();
        c.values.set(def, bad);
        assert!(
            findings(&c).iter().any(|f| f.path == def.path && f.severity == severity),
            "{}: its constraint {:?} found nothing",
            def.path,
            def.constraint
        );
        checked += 1;
    }
    // Ports, counts, probes, quantities, the tenant IDs and the object names.
    assert!(checked > 60, "{checked}");
}

#[test]
fn a_dollar_in_a_database_password_is_a_character_not_a_placeholder() {
    // Both database secrets made outside the chart, in every delivery: the same
    // passwords are accepted for the IXN Server and the IXN Node.
    use ixn_core::model::Delivery;
    for delivery in [Delivery::Script, Delivery::Argocd, Delivery::Flux, Delivery::Genesys] {
        let mut c = valid();
        c.deploy.delivery = delivery;
        c.deploy.chart_makes_db_secrets = false;
        for (def, pw) in [
            (keys::IXN_SERVICE_IXN_SERVER_SECRETS_DB_PASSWORD, "pa$$word ${X} $(id) 'q\" \\z"),
            (keys::IXN_SERVICE_IXN_NODE_SECRETS_DB_PASSWORD, "pa$$word ${X} $(id) 'q\" \\z"),
        ] {
            c.values.set(def, Value::Str(pw.into()));
        }
        let fs = findings(&c);
        assert!(!fs.iter().any(|f| f.path.to_string().ends_with("secrets.db.password")), "{delivery:?}: {fs:#?}");
    }
    // A secret's name is still no placeholder kubectl would fill in.
    let mut c = valid();
    c.deploy.chart_makes_db_secrets = false;
    c.values.set(keys::IXN_SERVICE_IXN_SERVER_SECRETS_DB_SECRET_NAME, Value::Str("db-$TENANT".into()));
    has(&c, "ixnService.ixnServer.secrets.db.secretName", Severity::Error, "does not substitute placeholders");
}

// Issue 23.12: label and annotation keys as the API server takes them, label values
// too, from the keys' registry rows (so the portal, `check`, `render` and `batch` all
// report them); a Kafka host no longer than DNS allows.
#[test]
fn label_and_annotation_keys_are_kubernetes_qualified_names() {
    let map = |pairs: &[(&str, &str)]| Value::Map(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect());
    let long = "a".repeat(64);
    for (key, value, words) in [
        (keys::POD_ANNOTATIONS, map(&[("evil\"key", "x")]), "the key \"evil\"key\" is not a Kubernetes key"),
        (keys::POD_ANNOTATIONS, map(&[(&long, "x")]), "64 characters"),
        (keys::POD_ANNOTATIONS, map(&[("Bad_Prefix/name", "x")]), "has a prefix that"),
        (keys::POD_ANNOTATIONS, map(&[("-dash", "x")]), "must start and end"),
        (keys::POD_LABELS, map(&[("app", "has space")]), "the value of \"app\" is not a label value"),
        (keys::IXN_SERVICE_NODE_SELECTOR, map(&[("ok", &long)]), "64 characters"),
    ] {
        let mut c = valid();
        c.values.set(key, value);
        has(&c, key.path, Severity::Error, words);
    }
    // What Kubernetes takes is clean; an annotation's value may be anything.
    let mut c = valid();
    c.values.set(
        keys::POD_ANNOTATIONS,
        map(&[("example.com/team", "any \"text\" at all"), ("prometheus.io/scrape", ""), ("a_b.C-9", "x")]),
    );
    c.values.set(keys::POD_LABELS, map(&[("app.kubernetes.io/name", "ixn"), ("tier", "")]));
    assert!(findings(&c).is_empty(), "{:#?}", findings(&c));
    // The values schema says the same.
    let schema = ixn_core::chart::values_schema();
    let pod = &schema["properties"]["podAnnotations"];
    assert!(pod["propertyNames"]["pattern"].is_string(), "{pod}");
}

#[test]
fn a_kafka_host_longer_than_dns_allows_is_an_error() {
    let mut c = valid();
    c.deploy.kafka_bootstrap = format!("{}:9092", "k".repeat(5000));
    has(&c, "kafka.bootstrap", Severity::Error, "5000 characters");
    c.deploy.kafka_bootstrap = format!("{}.example.com:9092", "k".repeat(64));
    has(&c, "kafka.bootstrap", Severity::Error, "63 between dots");
    c.deploy.kafka_bootstrap = "kafka-0.kafka.svc:9092,10.0.0.1:9093".into();
    assert!(findings(&c).is_empty(), "{:#?}", findings(&c));
}
