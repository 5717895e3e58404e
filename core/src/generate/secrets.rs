//! The Kubernetes secrets IXN needs outside the chart, as data built with serde_json.

use crate::model::{ctx, Config, Effective, Location, Term, Value};
use crate::registry::{keys, KeyDef};
use base64::Engine;
use serde::Serialize;
use serde_json::{json, Value as Json};

/// Name of the Redis secret mounted into IXN Node.
pub const REDIS_SECRET: &str = "redis-ors-secret";
/// Its single key.
pub const REDIS_KEY: &str = "voice-redis-ors-stream";
/// Name of the Kafka secret mounted into IXN Server and VQ Node.
pub const KAFKA_SECRET: &str = "kafka-shared-secret";
/// Its single key.
pub const KAFKA_KEY: &str = "kafka-secrets";

/// `voice-redis-ors-stream`: every value a string, as the guide writes it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct RedisOrs<'a> {
    password: &'a str,
    port: String,
    reject_unauthorized: String,
    servername: String,
}

/// `kafka-secrets`: bootstrap, and credentials only when Kafka needs them.
#[derive(Debug, Serialize)]
struct KafkaSecrets<'a> {
    bootstrap: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    username: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    password: &'a str,
}

/// One secret: its name, type and string data, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct SecretSpec {
    /// `metadata.name`.
    pub name: String,
    /// `type`, e.g. `Opaque`.
    pub kind: &'static str,
    /// What it is for, for a comment.
    pub purpose: &'static str,
    /// `stringData`.
    pub data: Vec<(String, String)>,
}

impl SecretSpec {
    /// The Secret manifest, as JSON (which kubectl applies as it does YAML).
    pub fn manifest(&self, namespace: &str) -> Json {
        // Inserted one by one: collecting into the map would pull in a sort.
        let mut data = serde_json::Map::new();
        for (k, v) in &self.data {
            data.insert(k.clone(), Json::String(v.clone()));
        }
        json!({
            "apiVersion": "v1",
            "kind": "Secret",
            "metadata": {"name": self.name, "namespace": namespace},
            "type": self.kind,
            "stringData": data,
        })
    }
}

/// Every secret as one `v1` `List`, pretty JSON: one valid JSON document that
/// `kubectl apply -f` takes whole. (JSON documents joined by `---` are not: kubectl
/// reads the file as a JSON stream and stops at the first `---`.)
pub fn manifest_list(specs: &[SecretSpec], namespace: &str) -> String {
    let items: Vec<Json> = specs.iter().map(|s| s.manifest(namespace)).collect();
    serde_json::to_string_pretty(&json!({ "apiVersion": "v1", "kind": "List", "items": items })).expect("json")
}

/// The first Redis node's host and port as the user typed them.
fn first_redis(cfg: &Config) -> (String, String) {
    match cfg.values.get(keys::IXN_SERVICE_IXN_NODE_REDIS) {
        Some(Value::Redis(nodes)) if !nodes.is_empty() => {
            let port = match nodes[0].port.term() {
                Ok(Term::Lit(p)) => p.to_string(),
                _ => String::new(),
            };
            (nodes[0].host.clone(), port)
        }
        _ => (String::new(), "6379".into()),
    }
}

/// The Redis port and host (servername) the Secret holds, each with the field it comes
/// from: `redis.port` / `redis.servername`, else the first Redis node.
fn redis_port_host(cfg: &Config) -> ((String, Location), (String, Location)) {
    let d = &cfg.deploy;
    let (host, port) = first_redis(cfg);
    let nodes = || Location::from(keys::IXN_SERVICE_IXN_NODE_REDIS);
    let port = if d.redis_port.is_empty() { (port, nodes()) } else { (d.redis_port.clone(), ctx::REDIS_PORT.into()) };
    let host = if d.redis_servername.is_empty() {
        (host, nodes())
    } else {
        (d.redis_servername.clone(), ctx::REDIS_SERVERNAME.into())
    };
    (port, host)
}

/// The `redis-ors-secret` JSON.
pub fn redis_json(cfg: &Config) -> String {
    let d = &cfg.deploy;
    let ((port, _), (servername, _)) = redis_port_host(cfg);
    let v = RedisOrs {
        password: &d.redis_password,
        port,
        reject_unauthorized: d.redis_reject_unauthorized.to_string(),
        servername,
    };
    serde_json::to_string(&v).expect("strings serialize")
}

/// The `kafka-shared-secret` JSON.
pub fn kafka_json(cfg: &Config) -> String {
    let d = &cfg.deploy;
    let v = KafkaSecrets { bootstrap: &d.kafka_bootstrap, username: &d.kafka_username, password: &d.kafka_password };
    serde_json::to_string(&v).expect("strings serialize")
}

/// The registry for the pull secret: `registry.server`, else `image.registry`.
pub fn registry_server(cfg: &Config) -> String {
    if !cfg.deploy.registry_server.is_empty() {
        return cfg.deploy.registry_server.clone();
    }
    match cfg.values.get(keys::IMAGE_REGISTRY) {
        Some(Value::Str(s)) => s.clone(),
        _ => String::new(),
    }
}

/// `.dockerconfigjson` for the pull secret, as `kubectl create secret docker-registry`
/// writes it.
pub fn docker_config_json(cfg: &Config) -> String {
    let d = &cfg.deploy;
    let auth =
        base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", d.registry_username, d.registry_password));
    let mut entry = serde_json::Map::new();
    entry.insert("username".into(), json!(d.registry_username));
    entry.insert("password".into(), json!(d.registry_password));
    if !d.registry_email.is_empty() {
        entry.insert("email".into(), json!(d.registry_email));
    }
    entry.insert("auth".into(), json!(auth));
    let mut auths = serde_json::Map::new();
    auths.insert(registry_server(cfg), Json::Object(entry));
    serde_json::to_string(&json!({ "auths": auths })).expect("strings serialize")
}

/// The real (not placeholder) value a DB secret key holds.
fn db_secret_text(cfg: &Config, key: &KeyDef, fallback: &str) -> String {
    match cfg.values.get(key) {
        Some(Value::Str(s)) if !s.is_empty() => s.clone(),
        _ => fallback.to_string(),
    }
}

/// The effective secret name of a DB secret.
fn db_secret_name(eff: &Effective, key: &KeyDef, fallback: &str) -> String {
    eff.str(key).unwrap_or(fallback).to_string()
}

/// Every secret the commands create, in the order they run. Names and data are the
/// real values even in placeholder mode, so `real` is [`Effective::real`]: kubectl does
/// not run envsubst.
pub fn secret_specs(cfg: &Config, real: &Effective) -> Vec<SecretSpec> {
    let eff = real;
    let d = &cfg.deploy;
    let mut out = Vec::new();
    if d.pull_secret_create {
        out.push(SecretSpec {
            name: d.pull_secret_name.clone(),
            kind: "kubernetes.io/dockerconfigjson",
            purpose: "pulls the IXN images from the registry",
            data: vec![(".dockerconfigjson".into(), docker_config_json(cfg))],
        });
    }
    out.push(SecretSpec {
        name: REDIS_SECRET.into(),
        kind: "Opaque",
        purpose: "Redis (ORS stream) access for IXN Node, mounted at /mnt/env-secrets/redis-secrets",
        data: vec![(REDIS_KEY.into(), redis_json(cfg))],
    });
    out.push(SecretSpec {
        name: KAFKA_SECRET.into(),
        kind: "Opaque",
        purpose: "Kafka access for IXN Server and VQ Node, mounted at /mnt/env-secrets/kafka-secrets",
        data: vec![(KAFKA_KEY.into(), kafka_json(cfg))],
    });
    if !d.chart_makes_db_secrets {
        use keys::*;
        for ([secret_name, username, password], fallback, purpose) in [
            (
                [
                    IXN_SERVICE_IXN_SERVER_SECRETS_DB_SECRET_NAME,
                    IXN_SERVICE_IXN_SERVER_SECRETS_DB_USERNAME,
                    IXN_SERVICE_IXN_SERVER_SECRETS_DB_PASSWORD,
                ],
                "ixn-db-secret",
                "IXN Server database credentials",
            ),
            (
                [
                    IXN_SERVICE_IXN_NODE_SECRETS_DB_SECRET_NAME,
                    IXN_SERVICE_IXN_NODE_SECRETS_DB_USERNAME,
                    IXN_SERVICE_IXN_NODE_SECRETS_DB_PASSWORD,
                ],
                "ixn-node-db-secret",
                "IXN Node database credentials",
            ),
        ] {
            out.push(SecretSpec {
                name: db_secret_name(eff, secret_name, fallback),
                kind: "Opaque",
                purpose,
                data: vec![
                    ("username".into(), db_secret_text(cfg, username, &d.db_owner_user)),
                    ("password".into(), db_secret_text(cfg, password, &d.db_owner_password)),
                ],
            });
        }
    }
    out
}

/// Whether the Secret `name` is one of the namespace's shared Secrets: `redis-ors-secret`,
/// `kafka-shared-secret` and the image pull secret.
//
// They are namespace-wide by design: the guide names them without a tenant, they hold
// the namespace's one Redis, Kafka and registry credentials, and Genesys runs many IXN
// tenants in one namespace against the same Redis and Kafka. So every tenant of a
// namespace must give them the same contents (a batch refuses rows that do not), and no
// tenant's commands may delete them from under the others.
pub fn namespace_wide(cfg: &Config, name: &str) -> bool {
    name == REDIS_SECRET
        || name == KAFKA_SECRET
        || (cfg.deploy.pull_secret_create && name == cfg.deploy.pull_secret_name)
}

/// A value one of the namespace's shared Secrets is made of (see [`namespace_wide`]).
#[derive(Clone, PartialEq, Eq)]
pub struct SharedField {
    /// The Secret's name.
    pub secret: String,
    /// The field the value comes from.
    pub path: Location,
    /// What it is, in a sentence: "Redis password".
    pub what: &'static str,
    /// The value.
    pub value: String,
    /// Whether the value is a credential (never shown).
    pub credential: bool,
}

// Hand-written so that a report printed for debugging never shows a credential.
impl std::fmt::Debug for SharedField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let value: &dyn std::fmt::Debug = if self.credential { &"<hidden>" } else { &self.value };
        f.debug_struct("SharedField")
            .field("secret", &self.secret)
            .field("path", &self.path)
            .field("value", value)
            .finish()
    }
}

/// Every value the namespace's shared Secrets of `cfg` are made of, field by field:
/// what two tenants of one namespace must agree on.
pub fn shared_fields(cfg: &Config) -> Vec<SharedField> {
    let d = &cfg.deploy;
    let field = |secret: &str, path: Location, what, value: &str, credential| SharedField {
        secret: secret.to_string(),
        path,
        what,
        value: value.to_string(),
        credential,
    };
    let mut out = Vec::new();
    if d.pull_secret_create {
        let name = d.pull_secret_name.as_str();
        out.extend([
            field(name, ctx::REGISTRY_SERVER.into(), "registry", &registry_server(cfg), false),
            field(name, ctx::REGISTRY_USERNAME.into(), "registry user", &d.registry_username, false),
            field(name, ctx::REGISTRY_PASSWORD.into(), "registry password", &d.registry_password, true),
            field(name, ctx::REGISTRY_EMAIL.into(), "registry e-mail", &d.registry_email, false),
        ]);
    }
    let ((port, port_at), (host, host_at)) = redis_port_host(cfg);
    out.extend([
        field(REDIS_SECRET, ctx::REDIS_PASSWORD.into(), "Redis password", &d.redis_password, true),
        field(REDIS_SECRET, port_at, "Redis port", &port, false),
        field(
            REDIS_SECRET,
            ctx::REDIS_REJECT_UNAUTHORIZED.into(),
            "redis.rejectUnauthorized",
            &d.redis_reject_unauthorized.to_string(),
            false,
        ),
        field(REDIS_SECRET, host_at, "Redis servername", &host, false),
        field(KAFKA_SECRET, ctx::KAFKA_BOOTSTRAP.into(), "Kafka bootstrap", &d.kafka_bootstrap, false),
        field(KAFKA_SECRET, ctx::KAFKA_USERNAME.into(), "Kafka user", &d.kafka_username, false),
        field(KAFKA_SECRET, ctx::KAFKA_PASSWORD.into(), "Kafka password", &d.kafka_password, true),
    ]);
    out
}
