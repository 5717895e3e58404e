//! Credentials for a batch or one profile, read from a secrets file (YAML: field name →
//! value for every tenant, and a `tenants:` section of sid → field name → value for one
//! tenant) and from environment variables (`PREFIX` + the field's name in capitals, a
//! `__SID` suffix for one tenant). `ixn-portal --secrets-file`/`--secrets-env` and the
//! portal's Tenants panel read them here, so both give every tenant the same
//! credentials from the same file. Nothing here reads a file or the environment: the
//! caller hands over the text and the variables.

use crate::batch::{Field, RowReport};
use crate::model::{Config, Value, CONTEXT};
use crate::profile::is_placeholder_credential;
use crate::registry::{keys, FieldKind, KEYS};
use crate::yaml::{read_yaml, Node};
use std::collections::HashMap;

/// One credential field: a context field (`redis.password`) or a values key marked
/// secret (`ixnService.ixnNode.secrets.db.password`).
#[derive(Debug, Clone, Copy)]
pub struct SecretField {
    /// Its name, as the form and the profile name it.
    pub name: &'static str,
    /// The field itself, so reading and writing it needs no lookup by name.
    field: Field,
}

// Names are unique across the registry and the context table: distinct names give
// distinct variables, which `every_credential_field_has_a_distinct_variable` holds.
impl PartialEq for SecretField {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for SecretField {}

/// Every credential field.
pub fn fields() -> Vec<SecretField> {
    let context = CONTEXT
        .iter()
        .filter(|c| c.kind == FieldKind::Secret)
        .map(|c| SecretField { name: c.name, field: Field::Context(c) });
    let keys = KEYS.iter().filter(|k| k.secret()).map(|k| SecretField { name: k.path, field: Field::Key(k) });
    context.chain(keys).collect()
}

/// `db.adminPassword` → `DB_ADMIN_PASSWORD`: the environment name after the prefix.
pub fn env_name(name: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if c.is_ascii_uppercase() && prev_lower {
            out.push('_');
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(if c.is_ascii_alphanumeric() { c.to_ascii_uppercase() } else { '_' });
    }
    out
}

/// Which credentials a configuration holds (non-empty), and which of them are
/// placeholders (`${ixn_db_password}`), which a profile keeps.
pub fn set_in(cfg: &Config) -> (Vec<&'static str>, Vec<&'static str>) {
    let set = fields().into_iter().map(|f| (f.name, get(cfg, f))).filter(|(_, v)| !v.is_empty());
    let (kept, secret): (Vec<_>, Vec<_>) = set.partition(|(_, v)| is_placeholder_credential(v));
    (secret.into_iter().map(|(n, _)| n).collect(), kept.into_iter().map(|(n, _)| n).collect())
}

fn get(cfg: &Config, f: SecretField) -> String {
    match f.field {
        Field::Context(c) => (c.get)(&cfg.deploy),
        Field::Key(def) => match cfg.values.get(def) {
            Some(Value::Str(s)) => s.clone(),
            _ => String::new(),
        },
        // A row's values file is never a credential field.
        Field::Values => String::new(),
    }
}

fn set(cfg: &mut Config, f: SecretField, value: &str) {
    match f.field {
        Field::Context(c) => (c.set)(&mut cfg.deploy, value),
        Field::Key(def) => cfg.values.set(def, Value::Str(value.to_string())),
        Field::Values => {}
    }
}

/// A tenant's sid as an environment name suffix.
pub fn sid_suffix(sid: &str) -> String {
    sid.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_uppercase() } else { '_' }).collect()
}

/// Credentials read from a secrets file and the environment.
#[derive(Debug, Default, Clone)]
pub struct Secrets {
    all: Vec<(SecretField, String)>,
    /// By sid (file) or by sid suffix (environment).
    tenants: HashMap<String, Vec<(SecretField, String)>>,
    env_tenants: HashMap<String, Vec<(SecretField, String)>>,
    /// The secrets file's name and text, to say where in it something is.
    file: Option<(String, String)>,
}

fn field_named(name: &str) -> Option<SecretField> {
    fields().into_iter().find(|f| f.name == name)
}

fn scalar_text(node: &Node) -> Option<String> {
    match node {
        Node::Str(s) | Node::Block(s) | Node::Placeholder(s) | Node::Float(s) => Some(s.clone()),
        Node::Int(i) => Some(i.to_string()),
        Node::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// `file:line:column: message` at the key `path` of `text`, or `file: message`.
fn at_key<S: AsRef<str>>(file: &str, text: &str, path: &[S], message: String) -> String {
    let path: Vec<&str> = path.iter().map(AsRef::as_ref).collect();
    match crate::yaml::key_places(text, &[path])[0] {
        Some((line, column)) => format!("{file}:{line}:{column}: {message}"),
        None => format!("{file}: {message}"),
    }
}

/// Why `key` is not a credential field. The key is named only when it is a field
/// name misspelt (`redis.pasword`): a malformed line may make a key of a password
/// (`redis.password:hunter2` is one key to YAML).
fn unknown_key(key: &str, names: &[&str]) -> String {
    let misspelt = crate::import::closest(key, names.iter().copied())
        .filter(|n| key.chars().all(|c| c.is_ascii_alphanumeric() || c == '.') && key.len() <= n.len() + 2);
    match misspelt {
        Some(n) => format!("{key} is not a credential field; did you mean {n}?"),
        None => "this key is not a credential field (it is not shown: it may hold a secret)".into(),
    }
}

impl Secrets {
    /// Reads a secrets file's `text`, named `shown` in messages. An error says where
    /// (`file:line:column: …`) and never shows a key or a value as written: a malformed
    /// line may hold a password (`redis.password:hunter2` is one key to YAML).
    pub fn read_file(&mut self, shown: &str, text: &str) -> Result<(), String> {
        let node = read_yaml(text, crate::import::LIMITS).map_err(|e| {
            // The one reader message that quotes the text: a tag (`!!hunter2`).
            let message = if e.message.starts_with("unsupported tag") {
                "an unsupported tag (not shown: it may hold a secret)".to_string()
            } else {
                e.message
            };
            match (e.line, e.column) {
                (Some(l), Some(c)) => format!("{shown}:{l}:{c}: {message}"),
                _ => format!("{shown}: {message}"),
            }
        })?;
        let bad = |path: &[String], m: String| at_key(shown, text, path, m);
        let pairs = |node: &Node, under: Option<&str>| -> Result<Vec<(SecretField, String)>, String> {
            let here = |key: &str| -> Vec<String> {
                let mut path: Vec<String> = under.map_or_else(Vec::new, |sid| vec!["tenants".into(), sid.into()]);
                path.push(key.into());
                path
            };
            let Node::Map(entries) = node else {
                let whole: Vec<String> = under.map_or_else(Vec::new, |sid| vec!["tenants".into(), sid.into()]);
                return Err(bad(&whole, "must be a mapping of credential field name to value".into()));
            };
            entries
                .iter()
                .map(|e| {
                    let f = field_named(&e.key).ok_or_else(|| {
                        let names = fields().iter().map(|f| f.name).collect::<Vec<_>>();
                        bad(
                            &here(&e.key),
                            format!("{}; the fields are: {}", unknown_key(&e.key, &names), names.join(", ")),
                        )
                    })?;
                    let v = scalar_text(&e.value)
                        .ok_or_else(|| bad(&here(&e.key), format!("{}: a credential is one line of text", f.name)))?;
                    Ok((f, v))
                })
                .collect()
        };
        match &node {
            Node::Null => {}
            Node::Map(entries) => {
                for e in entries {
                    if e.key == "tenants" {
                        let Node::Map(tenants) = &e.value else {
                            return Err(bad(
                                &["tenants".into()],
                                "tenants: must map each sid to its credentials".into(),
                            ));
                        };
                        for t in tenants {
                            let list = pairs(&t.value, Some(&t.key))?;
                            self.tenants.entry(t.key.clone()).or_default().extend(list);
                        }
                    } else {
                        self.all.extend(pairs(&Node::Map(vec![e.clone()]), None)?);
                    }
                }
            }
            _ => return Err(bad(&[], "must be a mapping of credential field name to value".into())),
        }
        self.file = Some((shown.to_string(), text.to_string()));
        Ok(())
    }

    /// Takes one environment variable, `name` being what follows the prefix
    /// (`REDIS_PASSWORD`, or `REDIS_PASSWORD__101` for the tenant of sid 101). False
    /// when it names no credential field.
    pub fn add_env(&mut self, name: &str, value: &str) -> bool {
        let (name, sid) = match name.split_once("__") {
            Some((n, s)) => (n, Some(s)),
            None => (name, None),
        };
        let Some(f) = fields().into_iter().find(|f| env_name(f.name) == name) else { return false };
        match sid {
            Some(sid) => self.env_tenants.entry(sid.to_string()).or_default().push((f, value.to_string())),
            None => self.all.push((f, value.to_string())),
        }
        true
    }

    /// The secrets file's name, once one was read.
    pub fn file_name(&self) -> Option<&str> {
        self.file.as_ref().map(|(name, _)| name.as_str())
    }

    /// Whether no credential was read.
    pub fn is_empty(&self) -> bool {
        self.all.is_empty() && self.tenants.is_empty() && self.env_tenants.is_empty()
    }

    /// [`Secrets::apply_to_tenant`] for the one tenant of a profile (render, check,
    /// diff): the secrets file's credentials for another tenant are refused, as a batch
    /// refuses those that match no row, since a typo would leave this tenant without
    /// them. (The environment may hold every tenant's variables: those for another sid
    /// are left alone.)
    pub fn apply_to_profile(&self, cfg: &mut Config) -> Result<(), String> {
        let sid = match cfg.values.get(keys::TENANT_SID) {
            Some(Value::Str(s)) => s.trim().to_string(),
            _ => String::new(),
        };
        let mine = if sid.is_empty() { "none is set".to_string() } else { sid.clone() };
        if let Some(other) = self.tenants.keys().find(|k| **k != sid) {
            let message = format!("tenants.{other} is not this profile's tenant.sid ({mine})");
            return Err(match &self.file {
                Some((file, text)) => at_key(file, text, &["tenants", other], message),
                None => message,
            });
        }
        self.apply_to_tenant(cfg);
        Ok(())
    }

    /// Sets the credentials for everyone, then those for the configuration's own sid.
    pub fn apply_to_tenant(&self, cfg: &mut Config) {
        let sid = match cfg.values.get(keys::TENANT_SID) {
            Some(Value::Str(s)) => Some(s.trim().to_string()),
            _ => None,
        };
        self.apply(cfg, sid.as_deref());
    }

    /// The sids the file and the environment give credentials for, one tenant at a time.
    pub fn tenant_keys(&self) -> (Vec<&str>, Vec<&str>) {
        (self.tenants.keys().map(String::as_str).collect(), self.env_tenants.keys().map(String::as_str).collect())
    }

    /// The first sid of the file's `tenants:` that no row has, and the first `__SID`
    /// suffix of the environment that no row's sid gives: credentials meant for one
    /// tenant must find it, since a typo would leave it without them.
    pub fn unmatched(&self, reports: &[RowReport]) -> (Option<&str>, Option<&str>) {
        let (file, env) = self.tenant_keys();
        (
            file.into_iter().find(|sid| !reports.iter().any(|r| r.sid == *sid)),
            env.into_iter().find(|suffix| !reports.iter().any(|r| sid_suffix(&r.sid) == *suffix)),
        )
    }

    /// Sets the credentials in `cfg`: those for everyone, then those for the tenant
    /// `sid` (file, then environment).
    pub fn apply(&self, cfg: &mut Config, sid: Option<&str>) {
        for (f, v) in &self.all {
            set(cfg, *f, v);
        }
        if let Some(sid) = sid {
            for (f, v) in self.tenants.get(sid).into_iter().flatten() {
                set(cfg, *f, v);
            }
            for (f, v) in self.env_tenants.get(&sid_suffix(sid)).into_iter().flatten() {
                set(cfg, *f, v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_names_read_as_the_fields() {
        assert_eq!(env_name("db.adminPassword"), "DB_ADMIN_PASSWORD");
        assert_eq!(env_name("redis.password"), "REDIS_PASSWORD");
        assert_eq!(env_name("ixnService.ixnNode.secrets.db.password"), "IXN_SERVICE_IXN_NODE_SECRETS_DB_PASSWORD");
        assert_eq!(sid_suffix("1a-2"), "1A_2");
    }

    #[test]
    fn every_credential_field_has_a_distinct_variable() {
        let names: Vec<String> = fields().iter().map(|f| env_name(f.name)).collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(names.len(), unique.len());
        assert!(names.len() >= 7, "{names:?}");
    }

    #[test]
    fn a_file_gives_each_tenant_its_own_and_says_where_it_is_wrong() {
        let mut s = Secrets::default();
        s.read_file("s.yaml", "redis.password: all-R\ntenants:\n  \"101\":\n    redis.password: r-101\n").unwrap();
        let mut cfg = Config::chart_defaults();
        s.apply(&mut cfg, Some("101"));
        assert_eq!(cfg.deploy.redis_password, "r-101");
        s.apply(&mut cfg, Some("102"));
        assert_eq!(cfg.deploy.redis_password, "all-R");
        let e = Secrets::default().read_file("s.yaml", "redis.pasword: x\n").unwrap_err();
        assert!(
            e.starts_with("s.yaml:1:1: redis.pasword is not a credential field; did you mean redis.password?"),
            "{e}"
        );
        let e = Secrets::default().read_file("s.yaml", "redis.password:hunter2\n").unwrap_err();
        assert!(!e.contains("hunter2"), "{e}");
    }
}
