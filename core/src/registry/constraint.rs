//! What a key's value must satisfy beyond its kind: a range, a pattern. Each row of
//! [`KEYS`](super::KEYS) carries one; validation checks it, and a schema export can
//! write it (type, minimum/maximum, pattern) without knowing any key by name.

/// A constraint on one key's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Constraint {
    /// Nothing beyond what the kind parses.
    Free,
    /// A whole number in a range. (A reference keeps every row of the table small:
    /// the table is data in the wasm.)
    Int(&'static IntRange),
    /// A Kubernetes quantity not below zero.
    NonNegativeQuantity,
    /// Text (or, for a list, each item's text) that matches a pattern. A value holding
    /// an envsubst placeholder is checked once it is filled in, not here.
    Pattern(Pattern),
    /// One of these texts exactly (image pull policy: Always, IfNotPresent, Never): the
    /// form shows a select.
    OneOf(&'static [&'static str]),
    /// A map of Kubernetes labels or annotations: its keys must be qualified names
    /// (`[prefix/]name`), and a label's value at most 63 characters of a label's
    /// alphabet, as the API server requires.
    MetaMap(MetaMap),
}

/// What a map of metadata holds: the API server's rules differ for the values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaMap {
    /// Labels (also a node selector): qualified-name keys, short label values.
    Labels,
    /// Annotations: qualified-name keys, any value.
    Annotations,
}

/// A label or annotation key (a qualified name): an optional DNS subdomain prefix and
/// `/`, then a name `[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?` of at most 63.
pub const QUALIFIED_NAME_REGEX: &str =
    "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$";

/// A whole number from `min` to `max`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntRange {
    /// The smallest allowed value.
    pub min: i64,
    /// The largest allowed value.
    pub max: i64,
    /// The finding's sentence when the value is outside.
    pub why: &'static str,
}

/// The text patterns keys use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// 8-4-4-4-12 hex digits. Only a warning: a GWS tenant ID is allowed too.
    Uuid,
    /// Decimal digits only (the tenant short ID).
    Digits,
    /// A DNS-1123 subdomain (a Kubernetes object name); `what` names the object in the
    /// finding ("secret name").
    Dns1123Subdomain {
        /// What the name names.
        what: &'static str,
    },
}

/// A port's range: what [`Kind::Port`](super::Kind::Port) parses.
pub const PORT: Constraint = Constraint::Int(&IntRange { min: 1, max: 65535, why: "is not a port from 1 to 65535" });
/// A count, a size in milliseconds: not negative.
pub const NON_NEGATIVE: Constraint = Constraint::Int(&IntRange { min: 0, max: i64::MAX, why: "must not be negative" });
/// A probe's timing or threshold: at least 1.
pub const PROBE: Constraint =
    Constraint::Int(&IntRange { min: 1, max: i64::MAX, why: "probe values must be positive" });
/// `replicaCount`: IXN runs one instance or none.
pub const ONE_OR_NONE: Constraint =
    Constraint::Int(&IntRange { min: 0, max: 1, why: "IXN runs one instance per tenant: use 1 (or 0 to stop it)" });

impl Pattern {
    /// The pattern as a regular expression (ECMA-262, as JSON Schema's `pattern`).
    pub fn regex(&self) -> &'static str {
        match self {
            Pattern::Uuid => "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
            Pattern::Digits => "^[0-9]+$",
            Pattern::Dns1123Subdomain { .. } => "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",
        }
    }

    /// The longest text allowed, if the pattern bounds it.
    pub fn max_length(&self) -> Option<usize> {
        match self {
            Pattern::Dns1123Subdomain { .. } => Some(253),
            Pattern::Uuid => Some(36),
            Pattern::Digits => None,
        }
    }

    /// Whether a mismatch is an error (else a warning: the value may still be right).
    pub fn strict(&self) -> bool {
        !matches!(self, Pattern::Uuid)
    }
}

impl Constraint {
    /// The JSON Schema type the constraint implies, if it implies one.
    pub fn schema_type(&self) -> Option<&'static str> {
        match self {
            Constraint::Free | Constraint::NonNegativeQuantity => None,
            Constraint::Int(_) => Some("integer"),
            Constraint::Pattern(_) | Constraint::OneOf(_) => Some("string"),
            Constraint::MetaMap(_) => Some("object"),
        }
    }

    /// The smallest and largest whole number allowed, for a schema's `minimum` and
    /// `maximum` (`None` for no bound).
    pub fn bounds(&self) -> Option<(i64, Option<i64>)> {
        match *self {
            Constraint::Int(r) => Some((r.min, (r.max != i64::MAX).then_some(r.max))),
            _ => None,
        }
    }
}
