//! Why a YAML node (from a values file, a profile, a tenants cell or the registry's
//! own text) does not read as a value of its key's kind.

use crate::yaml::ReadError;
use std::fmt;

/// Why a node is not a value of the kind its key wants. Its text is the finding or
/// note the importer, the batch reader and the profile reader show after the key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueError {
    /// A list or mapping where one value belongs.
    NotScalar,
    /// Neither `true` nor `false`, for a boolean key.
    NotBool,
    /// An entry of a string map whose value is a list or mapping.
    EntryNotScalar {
        /// The entry's name.
        key: String,
    },
    /// Not the shape the kind wants; says the shape (`a mapping`, `{readOnly, mountPath}` …).
    Expected(&'static str),
    /// A pull secret without a `name`.
    PullSecretWithoutName,
    /// `is_redis_cluster` other than true or false.
    RedisClusterNotBool,
    /// A `consul.host` mapping other than `value` or the node's IP.
    ConsulHostUnsupported,
    /// DB TLS options that are neither empty, `{}` nor a mapping.
    DbTlsUnsupported,
    /// The text is not YAML (the registry's defaults and samples, tenants cells).
    Yaml(ReadError),
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValueError::NotScalar => f.write_str("expected a single value"),
            ValueError::NotBool => f.write_str("expected true or false"),
            ValueError::EntryNotScalar { key } => write!(f, "{key}: expected a single value"),
            ValueError::Expected(what) => write!(f, "expected {what}"),
            ValueError::PullSecretWithoutName => f.write_str("each pull secret needs a name"),
            ValueError::RedisClusterNotBool => f.write_str("is_redis_cluster must be \"true\" or \"false\""),
            ValueError::ConsulHostUnsupported => {
                f.write_str("only a host name or valueFrom status.hostIP is supported")
            }
            ValueError::DbTlsUnsupported => f.write_str("expected empty (TLS off), {} (TLS on) or TLS options"),
            ValueError::Yaml(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ValueError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ValueError::Yaml(e) => Some(e),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Value;
    use crate::registry::Kind;
    use crate::yaml::Node;

    #[test]
    fn the_texts_are_the_findings_users_read() {
        let map = |k: &str| crate::yaml::read_yaml(&format!("{k}: [a]"), crate::yaml::Limits::default()).unwrap();
        for (kind, node, text) in [
            (Kind::Bool, Node::Str("yes".into()), "expected true or false"),
            (Kind::Str, Node::Seq(vec![]), "expected a single value"),
            (Kind::Map, map("team"), "team: expected a single value"),
            (Kind::PullSecrets, Node::Str("x".into()), "expected a list of {name: …}"),
            (Kind::Mounts, Node::Str("x".into()), "expected a mapping of volume names to {readOnly, mountPath}"),
            (Kind::Object, Node::Seq(vec![]), "expected a mapping"),
        ] {
            assert_eq!(Value::from_node(kind, &node).unwrap_err().to_string(), text, "{kind:?}");
        }
        let e = Value::from_yaml_text(Kind::Object, "a: [").unwrap_err();
        assert!(matches!(e, ValueError::Yaml(_)));
        assert!(std::error::Error::source(&e).is_some());
    }
}
