//! One tenant's whole configuration: its values and its deployment context.

use super::context::Deployment;
use super::values::Values;

/// Everything the user answered for one IXN tenant. Every artifact is a pure function
/// of this.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The Helm values the user set.
    pub values: Values,
    /// Where and how to deploy.
    pub deploy: Deployment,
    /// Keys from imported files that the registry does not know, kept verbatim and
    /// written back into the values file.
    pub unknown: Vec<UnknownKey>,
}

/// A key the registry does not know, with its whole subtree.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownKey {
    /// Path segments from the root (segments, not a dotted string: keys may hold dots).
    pub path: Vec<String>,
    /// The value as read.
    pub value: crate::yaml::Node,
}

impl UnknownKey {
    /// The path written with dots, for messages.
    pub fn dotted(&self) -> String {
        self.path.join(".")
    }
}

impl Config {
    /// The configuration with every credential (context secrets and `SECRET` keys)
    /// replaced by `mask`, for previews that must not show them.
    pub fn masked(&self, mask: &str) -> Config {
        let mut values = self.values.clone();
        for def in crate::registry::KEYS.iter().filter(|k| k.secret()) {
            if let Some(super::Value::Str(s)) = values.get(def.path) {
                if !s.is_empty() {
                    let _ = values.set(def.path, super::Value::Str(mask.to_string()));
                }
            }
        }
        Config { values, deploy: self.deploy.masked(mask), unknown: self.unknown.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The guide's sample with every secret set to a recognisable `S3cret-…`.
    fn with_every_secret(placeholders: bool) -> Config {
        let mut cfg = Config::guide_sample();
        cfg.deploy.placeholders = placeholders;
        cfg.deploy.redis_password = "S3cret-redis".into();
        cfg.deploy.kafka_password = "S3cret-kafka".into();
        cfg.deploy.kafka_username = "k".into();
        cfg.deploy.registry_password = "S3cret-registry".into();
        cfg.deploy.db_admin_password = "S3cret-admin".into();
        cfg.deploy.db_owner_password = "S3cret-owner".into();
        cfg.values.set("ixnService.ixnNode.secrets.db.password", super::super::Value::Str("S3cret-node".into())).unwrap();
        cfg
    }

    #[test]
    fn masked_hides_every_secret_in_every_artifact() {
        let cfg = with_every_secret(false);
        let a = crate::generate::artifacts(&cfg.masked("••••"), Default::default());
        let all = format!("{}{}{}", a.values_yaml, a.commands.script(), a.secret_manifests);
        assert!(!all.contains("S3cret"), "{all}");
        assert!(all.contains("••••"));
    }

    // The portal draws the map and the sizing from the masked artifacts, so secrets
    // must not change them; the operations it shows must be masked too.
    #[test]
    fn map_and_sizing_hold_no_secrets_and_shown_operations_are_masked() {
        for placeholders in [false, true] {
            let mut cfg = with_every_secret(placeholders);
            cfg.deploy.drop_databases = true;
            let real = crate::generate::artifacts(&cfg, Default::default());
            let masked = crate::generate::artifacts(&cfg.masked("••••"), Default::default());
            assert_eq!(real.connections, masked.connections);
            assert_eq!(real.sizing, masked.sizing);
            assert!(!format!("{:?}", masked.operations).contains("S3cret"));
        }
    }
}
