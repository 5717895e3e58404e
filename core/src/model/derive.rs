//! How the portal fills each `DERIVED` key from other answers while it is unset: one
//! row per key, keyed by its registry row, the way a ripgrep flag carries its own
//! `update()`. A registry test holds this table and the `DERIVED` flags equal.

use super::config::Config;
use super::input::Input;
use super::value::{Value, VolumeMount};
use crate::registry::keys::*;
use crate::registry::KeyDef;

/// One key's derivation.
pub struct Derivation {
    /// The key it fills.
    pub key: &'static KeyDef,
    /// Its value from the other answers, or `None` when they give none (the chart
    /// default then applies).
    pub derive: fn(&Config) -> Option<Value>,
}

const fn d(key: &'static KeyDef, derive: fn(&Config) -> Option<Value>) -> Derivation {
    Derivation { key, derive }
}

const KAFKA_PATH: &str = "/mnt/env-secrets/kafka-secrets";
const REDIS_PATH: &str = "/mnt/env-secrets/redis-secrets";

/// Every derivation, in registry order.
pub static DERIVATIONS: &[Derivation] = &[
    d(IMAGE_IMAGE_PULL_SECRETS, |c| {
        let d = &c.deploy;
        (d.pull_secret_create && !d.pull_secret_name.is_empty())
            .then(|| Value::PullSecrets(vec![d.pull_secret_name.clone()]))
    }),
    d(IXN_SERVICE_IXN_SERVER_DB_NAME, |c| named(c, "ixn-")),
    d(IXN_SERVICE_IXN_SERVER_SECRETS_DB_ENABLED, chart_makes_db_secrets),
    d(IXN_SERVICE_IXN_SERVER_SECRETS_DB_SECRET_NAME, |c| named(c, "ixn-db-secret-")),
    d(IXN_SERVICE_IXN_SERVER_SECRETS_DB_USERNAME, owner_user),
    d(IXN_SERVICE_IXN_SERVER_SECRETS_DB_PASSWORD, owner_password),
    d(IXN_SERVICE_IXN_NODE_DB_HOST, |c| c.values.get(IXN_SERVICE_IXN_SERVER_DB_HOST).cloned()),
    d(IXN_SERVICE_IXN_NODE_DB_PORT, |c| {
        Some(c.values.get(IXN_SERVICE_IXN_SERVER_DB_PORT).cloned().unwrap_or_else(|| Value::Port(Input::new("5432"))))
    }),
    d(IXN_SERVICE_IXN_NODE_DB_NAME, |c| named(c, "ixn-node-")),
    d(IXN_SERVICE_IXN_NODE_SECRETS_DB_ENABLED, chart_makes_db_secrets),
    d(IXN_SERVICE_IXN_NODE_SECRETS_DB_SECRET_NAME, |c| named(c, "ixn-node-db-secret-")),
    d(IXN_SERVICE_IXN_NODE_SECRETS_DB_USERNAME, |c| {
        same_placeholder(c, IXN_SERVICE_IXN_SERVER_SECRETS_DB_USERNAME).or_else(|| owner_user(c))
    }),
    d(IXN_SERVICE_IXN_NODE_SECRETS_DB_PASSWORD, |c| {
        same_placeholder(c, IXN_SERVICE_IXN_SERVER_SECRETS_DB_PASSWORD).or_else(|| owner_password(c))
    }),
    d(IXN_SERVICE_ANNOTATIONS, |c| {
        c.deploy.consul_connect.then(|| Value::Template(IXN_SERVICE_ANNOTATIONS_TEXT.into()))
    }),
    d(IXN_VQNODE_ANNOTATIONS, |c| c.deploy.consul_connect.then(|| Value::Template(VQ_NODE_ANNOTATIONS_TEXT.into()))),
    d(IXN_SERVICE_VOLUMES, |c| c.deploy.mount_secrets.then(|| Value::Template(IXN_SERVICE_VOLUMES_TEXT.into()))),
    d(IXN_SERVICE_IXN_SERVER_VOLUME_MOUNTS, |c| mount(c, "kafka-shared-secret", KAFKA_PATH)),
    d(IXN_SERVICE_IXN_NODE_VOLUME_MOUNTS, |c| mount(c, "redis-ors-secret", REDIS_PATH)),
    d(IXN_VQNODE_VOLUMES, |c| c.deploy.mount_secrets.then(|| Value::Template(VQ_NODE_VOLUMES_TEXT.into()))),
    d(IXN_VQNODE_VOLUME_MOUNTS, |c| mount(c, "kafka-shared-secret", KAFKA_PATH)),
];

/// The derivation of `key`, if it has one.
pub fn derivation(key: &KeyDef) -> Option<&'static Derivation> {
    DERIVATIONS.iter().find(|d| d.key.path == key.path)
}

/// The tenant short ID as derivations write it: `${TENANT_ID}` in placeholder mode,
/// unless the user's sid is a placeholder of their own (`$ixn_sid` from an imported
/// file), whose name is kept.
fn sid_text(cfg: &Config) -> Option<String> {
    let own = match cfg.values.get(TENANT_SID) {
        Some(Value::Str(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    };
    if cfg.deploy.placeholders && !own.as_deref().is_some_and(|s| s.contains('$')) {
        return Some("${TENANT_ID}".into());
    }
    own
}

/// The user's value of `key` when it is a placeholder of their own (`$ixn_db_password`):
/// a key derived from it keeps that variable rather than the guide's.
fn same_placeholder(cfg: &Config, key: &KeyDef) -> Option<Value> {
    match cfg.values.get(key) {
        Some(Value::Str(s)) if s.contains('$') => Some(Value::Str(s.clone())),
        _ => None,
    }
}

fn named(cfg: &Config, prefix: &str) -> Option<Value> {
    sid_text(cfg).map(|s| Value::Str(format!("{prefix}{s}")))
}

fn chart_makes_db_secrets(cfg: &Config) -> Option<Value> {
    Some(Value::Bool(cfg.deploy.chart_makes_db_secrets))
}

fn nonempty(s: &str) -> Option<Value> {
    (!s.is_empty()).then(|| Value::Str(s.to_string()))
}

fn owner_user(cfg: &Config) -> Option<Value> {
    cfg.deploy.chart_makes_db_secrets.then(|| nonempty(&cfg.deploy.db_owner_user)).flatten()
}

fn owner_password(cfg: &Config) -> Option<Value> {
    cfg.deploy.chart_makes_db_secrets.then(|| nonempty(&cfg.deploy.db_owner_password)).flatten()
}

fn mount(cfg: &Config, name: &str, path: &str) -> Option<Value> {
    cfg.deploy
        .mount_secrets
        .then(|| Value::Mounts(vec![VolumeMount { name: name.into(), mount_path: path.into(), read_only: true }]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::KEYS;

    #[test]
    fn placeholder_mode_keeps_the_variable_names_of_an_imported_file() {
        use crate::import::{import, SourceFile};
        let mut base = Config::default();
        base.deploy.placeholders = true;
        let text = "tenant:\n  sid: $ixn_sid\nixnService:\n  ixnServer:\n    db:\n      host: $pg_host\n    secrets:\n      db:\n        username: $ixn_db_user\n        password: $ixn_db_password\n";
        let (cfg, _) = import(&base, &[SourceFile { name: "a.yaml", text }]).unwrap();
        let values = crate::artifacts::artifacts(&cfg, Default::default()).values_yaml;
        for line in [
            "sid: \"$ixn_sid\"",
            "name: \"ixn-$ixn_sid\"",
            "name: \"ixn-node-$ixn_sid\"",
            "secretName: \"ixn-node-db-secret-$ixn_sid\"",
            "username: \"$ixn_db_user\"",
            "password: \"$ixn_db_password\"",
        ] {
            assert!(values.contains(line), "{line} in\n{values}");
        }
        for guide in ["${TENANT_ID}", "${POSTGRES_USER}", "${POSTGRES_PASSWORD}", "${POSTGRES_ADDR}"] {
            assert!(!values.contains(guide), "{guide} renames the file's own variable:\n{values}");
        }
    }

    #[test]
    fn every_derived_key_has_one_derivation_and_only_derived_keys_have_one() {
        for k in KEYS {
            let n = DERIVATIONS.iter().filter(|d| d.key.path == k.path).count();
            assert_eq!(n, usize::from(k.derived()), "{}: {n} derivations", k.path);
        }
        // In registry order, as the table says.
        let at = |d: &Derivation| crate::registry::index_of(d.key.path);
        assert!(DERIVATIONS.windows(2).all(|w| at(&w[0]) < at(&w[1])));
    }

    #[test]
    fn every_secret_key_is_masked() {
        let mut cfg = Config::guide_sample();
        let secrets: Vec<_> = KEYS.iter().filter(|k| k.secret()).collect();
        assert!(!secrets.is_empty());
        for k in &secrets {
            assert_eq!(k.kind, crate::registry::Kind::Str, "{}: only text is masked", k.path);
            cfg.values.set(k, Value::Str(format!("S3cret-{}", k.path)));
        }
        let masked = cfg.masked("••••");
        for k in &secrets {
            assert_eq!(masked.values.get(k), Some(&Value::Str("••••".into())), "{}", k.path);
        }
        // What the artifacts show of the masked configuration: crate::artifacts' tests.
    }
}
