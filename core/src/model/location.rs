//! Where a finding points: a typed field of the form, so that a wrong field name fails to
//! compile and the faces compare values, not text. Its text (`Display`, and serde as a
//! string) is the field's name as it always was: `tenant.sid`,
//! `ixnService.ixnNode.redis[0].host`, `deploy.namespace`, `extraEnv`.

use super::ContextDef;
use crate::registry::{KeyDef, Step};
use serde::{Serialize, Serializer};
use std::fmt;

/// A field of one row of a list-valued key (a Redis node).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// The node's host.
    Host,
    /// The node's port.
    Port,
}

impl Part {
    /// Its name in the path: `host`, `port`.
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Host => "host",
            Part::Port => "port",
        }
    }
}

/// The field a finding is about.
#[derive(Debug, Clone)]
pub enum Location {
    /// A values key of the registry: `tenant.sid`.
    Key(&'static KeyDef),
    /// One field of one row of a list-valued key: `ixnService.ixnNode.redis[0].host`.
    Item {
        /// The list-valued key.
        key: &'static KeyDef,
        /// The row, from 0.
        index: usize,
        /// The field of the row.
        part: Part,
    },
    /// A deployment-context field: `deploy.namespace`.
    Context(&'static ContextDef),
    /// A key of the user's own chart that the registry does not have (its dotted path,
    /// as the chart file brings it): `extraEnv`.
    ChartKey(String),
}

impl Location {
    /// The form field it sits in: the key of a list item, else itself. This is the
    /// name a column, a form field and a batch cell carry.
    pub fn field_name(&self) -> &str {
        match self {
            Location::Key(k) | Location::Item { key: k, .. } => k.path,
            Location::Context(c) => c.name,
            Location::ChartKey(p) => p,
        }
    }

    /// Whether it is `field` or a row of it: the findings a form field shows.
    pub fn is_in(&self, field: &Location) -> bool {
        match (self, field) {
            (Location::Item { key, .. }, Location::Key(k)) => key.path == k.path,
            _ => self == field,
        }
    }

    /// The wizard step of its field; a key of the user's chart is edited on the Chart
    /// step (its findings show there, and the review's link opens it).
    pub fn step(&self) -> Step {
        match self {
            Location::Key(k) | Location::Item { key: k, .. } => k.step,
            Location::Context(c) => c.step,
            Location::ChartKey(_) => Step::Chart,
        }
    }
}

impl From<&'static KeyDef> for Location {
    fn from(k: &'static KeyDef) -> Location {
        Location::Key(k)
    }
}

impl From<&'static ContextDef> for Location {
    fn from(c: &'static ContextDef) -> Location {
        Location::Context(c)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Key(k) => f.write_str(k.path),
            Location::Item { key, index, part } => write!(f, "{}[{index}].{}", key.path, part.as_str()),
            Location::Context(c) => f.write_str(c.name),
            Location::ChartKey(p) => f.write_str(p),
        }
    }
}

// Equal when they name the same field: rows are compared by name, not by address (a
// constant and the table's row may be two copies of one row).
impl PartialEq for Location {
    fn eq(&self, other: &Location) -> bool {
        match (self, other) {
            (Location::Key(a), Location::Key(b)) => a.path == b.path,
            (Location::Item { key: a, index: i, part: p }, Location::Item { key: b, index: j, part: q }) => {
                a.path == b.path && i == j && p == q
            }
            (Location::Context(a), Location::Context(b)) => a.name == b.name,
            (Location::ChartKey(a), Location::ChartKey(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Location {}

impl std::hash::Hash for Location {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.to_string().hash(h);
    }
}

/// Its text, for tests and reports that say the field by name.
impl PartialEq<str> for Location {
    fn eq(&self, other: &str) -> bool {
        match self {
            Location::Key(k) => k.path == other,
            Location::Item { key, index, part } => other
                .strip_prefix(key.path)
                .and_then(|r| r.strip_prefix('['))
                .and_then(|r| r.split_once("]."))
                .is_some_and(|(i, p)| i == index.to_string() && p == part.as_str()),
            Location::Context(c) => c.name == other,
            Location::ChartKey(p) => p == other,
        }
    }
}

impl PartialEq<&str> for Location {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl Serialize for Location {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::super::ctx;
    use super::{Location, Part};
    use crate::registry::keys;

    #[test]
    fn a_location_says_the_field_as_it_always_did() {
        assert_eq!(Location::Key(keys::TENANT_SID).to_string(), "tenant.sid");
        let host = Location::Item { key: keys::IXN_SERVICE_IXN_NODE_REDIS, index: 0, part: Part::Host };
        assert_eq!(host.to_string(), "ixnService.ixnNode.redis[0].host");
        assert_eq!(Location::Context(ctx::DEPLOY_NAMESPACE).to_string(), "deploy.namespace");
        assert_eq!(Location::ChartKey("extraEnv".into()).to_string(), "extraEnv");
        assert_eq!(serde_json::to_string(&host).unwrap(), "\"ixnService.ixnNode.redis[0].host\"");
        assert!(host.is_in(&Location::Key(keys::IXN_SERVICE_IXN_NODE_REDIS)));
        assert!(!host.is_in(&Location::Key(keys::TENANT_SID)));
        assert_eq!(host.field_name(), "ixnService.ixnNode.redis");
        assert!(host == "ixnService.ixnNode.redis[0].host" && host != "ixnService.ixnNode.redis[0].port");
        assert!(host != "ixnService.ixnNode.redis[00].host" && host != "ixnService.ixnNode.redis");
    }
}
