//! What each key will actually be: the user's value, else a value derived from other
//! answers, else the chart default. Placeholder mode then swaps addresses and secrets
//! for `${VAR}`s and records the `export` lines that fill them.

use super::config::Config;
use super::defaults::chart_defaults;
use super::input::{Input, Term};
use super::value::{RedisNode, Value, VolumeMount};
use crate::registry::keys::{IXN_SERVICE_ANNOTATIONS, IXN_SERVICE_VOLUMES, VQ_NODE_ANNOTATIONS, VQ_NODE_VOLUMES};
use crate::registry::{KeyDef, KEYS};

/// Where an effective value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The user set it.
    User,
    /// Derived from other answers (e.g. `ixn-<sid>`).
    Derived,
    /// The chart default.
    ChartDefault,
}

/// One key's effective value.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The registry row.
    pub def: &'static KeyDef,
    /// The value; `Value::Null` for a nil default.
    pub value: Value,
    /// Where it came from.
    pub source: Source,
}

/// One envsubst variable: its name and the value `export` gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    /// The variable name, e.g. `TENANT_ID`.
    pub name: String,
    /// The real value.
    pub value: String,
    /// The key whose value it stands for.
    pub path: String,
}

/// Every key's effective value, aligned with [`KEYS`].
#[derive(Debug, Clone, PartialEq)]
pub struct Effective {
    items: Vec<Option<Resolved>>,
    /// Placeholder mode's variables, in order of first use.
    pub exports: Vec<Export>,
}

fn sid_text(cfg: &Config) -> Option<String> {
    if cfg.deploy.placeholders {
        return Some("${TENANT_ID}".into());
    }
    match cfg.values.get("tenant.sid") {
        Some(Value::Str(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    }
}

fn mount(name: &str, path: &str) -> Vec<VolumeMount> {
    vec![VolumeMount { name: name.into(), mount_path: path.into(), read_only: true }]
}

const KAFKA_PATH: &str = "/mnt/env-secrets/kafka-secrets";
const REDIS_PATH: &str = "/mnt/env-secrets/redis-secrets";

/// The value the portal derives for an unset `DERIVED` key, if the answers give one.
fn derive(path: &str, cfg: &Config) -> Option<Value> {
    let d = &cfg.deploy;
    let sid = || sid_text(cfg);
    let nonempty = |s: &str| (!s.is_empty()).then(|| Value::Str(s.to_string()));
    match path {
        "image.imagePullSecrets" => (d.pull_secret_create && !d.pull_secret_name.is_empty())
            .then(|| Value::PullSecrets(vec![d.pull_secret_name.clone()])),
        "ixnService.ixnServer.db.name" => sid().map(|s| Value::Str(format!("ixn-{s}"))),
        "ixnService.ixnNode.db.name" => sid().map(|s| Value::Str(format!("ixn-node-{s}"))),
        "ixnService.ixnServer.secrets.db.secretName" => {
            sid().map(|s| Value::Str(format!("ixn-db-secret-{s}")))
        }
        "ixnService.ixnNode.secrets.db.secretName" => {
            sid().map(|s| Value::Str(format!("ixn-node-db-secret-{s}")))
        }
        "ixnService.ixnServer.secrets.db.enabled" | "ixnService.ixnNode.secrets.db.enabled" => {
            Some(Value::Bool(d.chart_makes_db_secrets))
        }
        "ixnService.ixnServer.secrets.db.username" | "ixnService.ixnNode.secrets.db.username" => {
            if d.chart_makes_db_secrets { nonempty(&d.db_owner_user) } else { None }
        }
        "ixnService.ixnServer.secrets.db.password" | "ixnService.ixnNode.secrets.db.password" => {
            if d.chart_makes_db_secrets { nonempty(&d.db_owner_password) } else { None }
        }
        "ixnService.ixnNode.db.host" => cfg.values.get("ixnService.ixnServer.db.host").cloned(),
        "ixnService.ixnNode.db.port" => Some(
            cfg.values
                .get("ixnService.ixnServer.db.port")
                .cloned()
                .unwrap_or_else(|| Value::Port(Input::new("5432"))),
        ),
        "ixnService.annotations" => {
            d.consul_connect.then(|| Value::Template(IXN_SERVICE_ANNOTATIONS.into()))
        }
        "ixnVQNode.annotations" => d.consul_connect.then(|| Value::Template(VQ_NODE_ANNOTATIONS.into())),
        "ixnService.volumes" => d.mount_secrets.then(|| Value::Template(IXN_SERVICE_VOLUMES.into())),
        "ixnVQNode.volumes" => d.mount_secrets.then(|| Value::Template(VQ_NODE_VOLUMES.into())),
        "ixnService.ixnServer.volumeMounts" | "ixnVQNode.volumeMounts" => {
            d.mount_secrets.then(|| Value::Mounts(mount("kafka-shared-secret", KAFKA_PATH)))
        }
        "ixnService.ixnNode.volumeMounts" => {
            d.mount_secrets.then(|| Value::Mounts(mount("redis-ors-secret", REDIS_PATH)))
        }
        _ => None,
    }
}

/// The placeholder variable for a key in placeholder mode.
fn placeholder_var(path: &str) -> Option<&'static str> {
    Some(match path {
        "tenant.id" => "TENANT_UUID",
        "tenant.sid" => "TENANT_ID",
        "image.registry" => "IMAGE_REGISTRY",
        "ixnService.ixnServer.db.host" | "ixnService.ixnNode.db.host" => "POSTGRES_ADDR",
        "ixnService.ixnServer.secrets.db.username" | "ixnService.ixnNode.secrets.db.username" => {
            "POSTGRES_USER"
        }
        "ixnService.ixnServer.secrets.db.password" | "ixnService.ixnNode.secrets.db.password" => {
            "POSTGRES_PASSWORD"
        }
        _ => return None,
    })
}

impl Effective {
    /// Resolves every key of `cfg`.
    pub fn of(cfg: &Config) -> Effective {
        let defaults = chart_defaults();
        let mut items: Vec<Option<Resolved>> = KEYS
            .iter()
            .zip(defaults)
            .map(|(def, default)| {
                if let Some(v) = cfg.values.get(def.path) {
                    return Some(Resolved { def, value: v.clone(), source: Source::User });
                }
                if def.derived() {
                    if let Some(v) = derive(def.path, cfg) {
                        return Some(Resolved { def, value: v, source: Source::Derived });
                    }
                }
                default.clone().map(|value| Resolved { def, value, source: Source::ChartDefault })
            })
            .collect();
        let mut exports = Vec::new();
        if cfg.deploy.placeholders {
            // The real sid is needed for TENANT_ID even though derivations use `${TENANT_ID}`.
            for item in items.iter_mut().flatten() {
                if item.source == Source::ChartDefault {
                    continue;
                }
                if let Some(var) = placeholder_var(item.def.path) {
                    if let Value::Str(s) = &item.value {
                        if !s.is_empty() && !s.starts_with('$') {
                            let name = export_name(&mut exports, var, s, item.def.path);
                            item.value = Value::Str(format!("${{{name}}}"));
                        }
                    }
                }
                if let Value::Redis(nodes) = &mut item.value {
                    for node in nodes.iter_mut() {
                        placeholder_redis(node, &mut exports);
                    }
                }
            }
        }
        Effective { items, exports }
    }

    /// The effective values with real text in place of placeholders: what commands
    /// that talk to the cluster directly (secrets, the database bootstrap) must use.
    pub fn real(cfg: &Config) -> Effective {
        if !cfg.deploy.placeholders {
            return Effective::of(cfg);
        }
        let mut plain = cfg.clone();
        plain.deploy.placeholders = false;
        Effective::of(&plain)
    }

    /// [`Effective::real`], reusing `eff` (the effective values of `cfg`) when there
    /// are no placeholders to undo, which is the common case on every keystroke.
    pub fn real_given<'a>(cfg: &Config, eff: &'a Effective) -> std::borrow::Cow<'a, Effective> {
        if cfg.deploy.placeholders {
            std::borrow::Cow::Owned(Effective::real(cfg))
        } else {
            std::borrow::Cow::Borrowed(eff)
        }
    }

    /// The effective value at `path`; `None` when the key has no value at all.
    pub fn get(&self, path: &str) -> Option<&Value> {
        self.resolved(path).map(|r| &r.value)
    }

    /// The effective value with its source.
    pub fn resolved(&self, path: &str) -> Option<&Resolved> {
        self.items[crate::registry::index_of(path)?].as_ref()
    }

    /// Every key's effective value, aligned with [`KEYS`] (`None`: no value at all).
    pub fn items(&self) -> &[Option<Resolved>] {
        &self.items
    }

    /// Every key with a value, in registry order.
    pub fn iter(&self) -> impl Iterator<Item = &Resolved> {
        self.items.iter().flatten()
    }

    /// A port key's number, when it is a valid literal.
    pub fn port(&self, path: &str) -> Option<u16> {
        match self.get(path)? {
            Value::Port(p) => p.value().map(|p| p.get()),
            _ => None,
        }
    }

    /// A port key's text as the user sees it: the number, or its placeholder.
    pub fn port_text(&self, path: &str) -> Option<String> {
        match self.get(path)? {
            Value::Port(p) => match p.term() {
                Ok(Term::Lit(v)) => Some(v.to_string()),
                Ok(Term::Var(v)) => Some(v.clone()),
                Err(_) => None,
            },
            _ => None,
        }
    }

    /// A string key's text, when set and non-empty.
    pub fn str(&self, path: &str) -> Option<&str> {
        match self.get(path)? {
            Value::Str(s) if !s.is_empty() => Some(s),
            _ => None,
        }
    }

    /// A boolean key's value.
    pub fn bool(&self, path: &str) -> Option<bool> {
        match self.get(path)? {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

fn export_name(exports: &mut Vec<Export>, var: &str, value: &str, path: &str) -> String {
    // Same variable, same value: share it. Same variable, other value: a new name.
    let mut name = var.to_string();
    let mut n = 1;
    loop {
        match exports.iter().find(|e| e.name == name) {
            Some(e) if e.value == value => return name,
            Some(_) => {
                n += 1;
                name = format!("{var}_{n}");
            }
            None => {
                exports.push(Export { name: name.clone(), value: value.into(), path: path.into() });
                return name;
            }
        }
    }
}

fn placeholder_redis(node: &mut RedisNode, exports: &mut Vec<Export>) {
    let path = "ixnService.ixnNode.redis";
    if !node.host.is_empty() && !node.host.starts_with('$') {
        let name = export_name(exports, "REDIS_ADDR", &node.host, path);
        node.host = format!("${{{name}}}");
    }
    if let Some(p) = node.port.value() {
        let name = export_name(exports, "REDIS_PORT", &p.to_string(), path);
        node.port = Input::new(format!("${{{name}}}"));
    }
}
