//! What each key will actually be: the user's value, else a value derived from other
//! answers, else the chart default. Placeholder mode then swaps addresses and secrets
//! for `${VAR}`s and records the `export` lines that fill them.

use super::config::Config;
use super::derive::derivation;
use super::input::{Input, Term};
use super::value::{RedisNode, Value};
use crate::registry::keys::IXN_SERVICE_IXN_NODE_REDIS;
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
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    /// The variable name, e.g. `TENANT_ID`.
    pub name: String,
    /// The real value.
    pub value: String,
    /// The key whose value it stands for.
    pub key: &'static KeyDef,
}

/// Every key's effective value, aligned with [`KEYS`].
#[derive(Debug, Clone, PartialEq)]
pub struct Effective {
    items: Vec<Option<Resolved>>,
    /// Placeholder mode's variables, in order of first use.
    pub exports: Vec<Export>,
}

impl Effective {
    /// Resolves every key of `cfg`.
    pub fn of(cfg: &Config) -> Effective {
        let defaults = cfg.chart.defaults();
        let mut items: Vec<Option<Resolved>> = KEYS
            .iter()
            .zip(defaults)
            .map(|(def, default)| {
                if let Some(v) = cfg.values.get(def) {
                    return Some(Resolved { def, value: v.clone(), source: Source::User });
                }
                if def.derived() {
                    if let Some(v) = derivation(def).and_then(|d| (d.derive)(cfg)) {
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
                if let Some(var) = item.def.placeholder {
                    if let Value::Str(s) = &item.value {
                        if !s.is_empty() && !s.starts_with('$') {
                            let name = export_name(&mut exports, var, s, item.def);
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

    /// The effective value at `key`; `None` when the key has no value at all.
    pub fn get(&self, key: &KeyDef) -> Option<&Value> {
        self.resolved(key).map(|r| &r.value)
    }

    /// The effective value with its source.
    pub fn resolved(&self, key: &KeyDef) -> Option<&Resolved> {
        self.items[crate::registry::index_of(key.path)?].as_ref()
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
    pub fn port(&self, key: &KeyDef) -> Option<u16> {
        match self.get(key)? {
            Value::Port(p) => p.value().map(|p| p.get()),
            _ => None,
        }
    }

    /// A port key's text as the user sees it: the number, or its placeholder.
    pub fn port_text(&self, key: &KeyDef) -> Option<String> {
        match self.get(key)? {
            Value::Port(p) => match p.term() {
                Ok(Term::Lit(v)) => Some(v.to_string()),
                Ok(Term::Var(v)) => Some(v.clone()),
                Err(_) => None,
            },
            _ => None,
        }
    }

    /// A string key's text, when set and non-empty.
    pub fn str(&self, key: &KeyDef) -> Option<&str> {
        match self.get(key)? {
            Value::Str(s) if !s.is_empty() => Some(s),
            _ => None,
        }
    }

    /// A boolean key's value.
    pub fn bool(&self, key: &KeyDef) -> Option<bool> {
        self.get(key)?.bool()
    }
}

fn export_name(exports: &mut Vec<Export>, var: &str, value: &str, key: &'static KeyDef) -> String {
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
                exports.push(Export { name: name.clone(), value: value.into(), key });
                return name;
            }
        }
    }
}

fn placeholder_redis(node: &mut RedisNode, exports: &mut Vec<Export>) {
    let path = IXN_SERVICE_IXN_NODE_REDIS;
    if !node.host.is_empty() && !node.host.starts_with('$') {
        let name = export_name(exports, "REDIS_ADDR", &node.host, path);
        node.host = format!("${{{name}}}");
    }
    if let Some(p) = node.port.value() {
        let name = export_name(exports, "REDIS_PORT", &p.to_string(), path);
        node.port = Input::new(format!("${{{name}}}"));
    }
}
