//! The declarative registry of every Helm values key of the IXN chart.
//!
//! One row per key: its path, kind, chart default, the guide's sample, help text and
//! wizard step. The form, validation, YAML writer, importer and docs all read this one
//! table, so adding a key here is the whole job.

pub mod constraint;
pub mod containers;
pub mod keys;
mod step;

pub use constraint::{Constraint, Pattern};
pub use keys::KEYS;
pub use step::{Guide, Step};

/// Whether two texts are equal, in a `const fn`: the compile-time lookups behind the
/// typed constants (`keys::TENANT_SID`, `model::ctx::DEPLOY_NAMESPACE`) use it, since
/// `==` on `str` is not const.
pub(crate) const fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// What widget a context field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// A line of text.
    Text,
    /// A credential: a password field, masked in previews.
    Secret,
    /// A checkbox (`"true"` / `"false"`).
    Bool,
    /// One of these (value, label) options.
    Select(&'static [(&'static str, &'static str)]),
}

/// What a key holds, which decides its widget, parser and YAML form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `true` / `false`.
    Bool,
    /// A free string.
    Str,
    /// A Go template the chart parses: written as a `|-` block scalar.
    Template,
    /// A TCP port, 1–65535.
    Port,
    /// A whole number (probe timings, replicaCount, milliseconds).
    Int,
    /// A Kubernetes quantity (`100m`, `512Mi`).
    Quantity,
    /// A string-to-string map (labels, annotations, nodeSelector).
    Map,
    /// `imagePullSecrets`: a list of `{name}`.
    PullSecrets,
    /// The Redis node list: `[{host, port, is_redis_cluster}]`.
    RedisNodes,
    /// Consul host: a literal, or the node IP through `valueFrom`.
    ConsulHost,
    /// PostgreSQL TLS for IXN Node: off (empty), on (`{}`), or custom options.
    DbTls,
    /// jvmOptions: an ordered map `"1"` → option.
    Jvm,
    /// volumeMounts: volume name → `{readOnly, mountPath}`.
    Mounts,
    /// Any other YAML mapping (security context, a volume definition).
    Object,
}

/// One values key.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KeyDef {
    /// Dotted path as the reference writes it, e.g. `ixnService.ixnServer.ports.default`.
    pub path: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// The chart default as YAML text: `~` is nil, and an empty string means the
    /// reference gives none. Templates hold their raw text.
    pub default: &'static str,
    /// The guide's sample `override_values.yaml` value, in the same form; empty when
    /// the sample does not set the key.
    pub sample: &'static str,
    /// The guide's description.
    pub help: &'static str,
    /// The wizard step that edits it.
    pub step: Step,
    /// `REQUIRED`, `SECRET`, `DERIVED` bits.
    pub flags: u8,
    /// The envsubst variable placeholder mode writes in place of the value
    /// (`TENANT_ID` for `tenant.sid`), if the guide's flow has one.
    pub placeholder: Option<&'static str>,
    /// What the value must satisfy beyond its kind (a range, a pattern, a fixed set
    /// of values, which the form shows as a select): validation checks it, a schema
    /// export writes it.
    pub constraint: Constraint,
    /// The label a person reads; the key path is shown beside it.
    pub title: &'static str,
    /// The guide page that documents the key: the Configure table when it gives a
    /// chart default, else the Deploy page's sample.
    pub guide: Guide,
}

/// The deployment does not work without a value.
pub const REQUIRED: u8 = 1;
/// Holds a credential: masked in previews, never in a URL or in storage by default.
pub const SECRET: u8 = 2;
/// When unset, the portal derives it from other answers (e.g. `ixn-<sid>`).
pub const DERIVED: u8 = 4;
/// Most admins never touch it (probes, security context, scheduling): the form puts it
/// under its step's "Advanced" disclosure.
pub const ADVANCED: u8 = 8;

impl KeyDef {
    /// Whether the deployment needs a value here.
    pub fn required(&self) -> bool {
        self.flags & REQUIRED != 0
    }

    /// Whether the value is a credential.
    pub fn secret(&self) -> bool {
        self.flags & SECRET != 0
    }

    /// Whether the portal fills it from other answers when it is unset.
    pub fn derived(&self) -> bool {
        self.flags & DERIVED != 0
    }

    /// Whether the form keeps it under "Advanced".
    pub fn advanced(&self) -> bool {
        self.flags & ADVANCED != 0
    }

    /// The same row with a label written for people.
    pub const fn label(self, title: &'static str) -> KeyDef {
        KeyDef { title, ..self }
    }

    /// The only values the key takes, when the chart takes a fixed set (a select).
    pub fn options(&self) -> &'static [&'static str] {
        match self.constraint {
            Constraint::OneOf(options) => options,
            _ => &[],
        }
    }

    /// The same row, under "Advanced".
    pub const fn advanced_row(self) -> KeyDef {
        KeyDef { flags: self.flags | ADVANCED, ..self }
    }

    /// The same row with the envsubst variable placeholder mode writes for it.
    pub const fn var(self, name: &'static str) -> KeyDef {
        KeyDef { placeholder: Some(name), ..self }
    }

    /// The same row with another constraint than its kind's default.
    pub const fn with(self, constraint: Constraint) -> KeyDef {
        KeyDef { constraint, ..self }
    }

    /// The chart default's YAML text, if the reference gives one.
    pub fn default_text(&self) -> Option<&'static str> {
        (!self.default.is_empty()).then_some(self.default)
    }

    /// The guide sample's YAML text, if the sample sets the key.
    pub fn sample_text(&self) -> Option<&'static str> {
        (!self.sample.is_empty()).then_some(self.sample)
    }

    /// The last segment of the path (`default` for `…ports.default`).
    pub fn name(&self) -> &'static str {
        self.path.rsplit('.').next().unwrap_or(self.path)
    }
}

/// The position in [`KEYS`] of the key with this exact path.
pub fn index_of(path: &str) -> Option<usize> {
    // KEYS is in wizard order; generators look keys up hundreds of times per
    // keystroke, so binary-search an index sorted by path (built at compile time).
    BY_PATH.binary_search_by(|&i| keys::TABLE[i as usize].path.cmp(path)).ok().map(|i| BY_PATH[i] as usize)
}

/// The keys whose path starts with `prefix`, in path order: they sit together in the
/// sorted index, so a binary search finds them (an import asks for each of a file's
/// keys, and a scan of every key each time made wide files slow).
pub fn keys_under(prefix: &str) -> impl Iterator<Item = &'static KeyDef> + '_ {
    let start = BY_PATH.partition_point(|&i| keys::TABLE[i as usize].path < prefix);
    BY_PATH[start..].iter().map(|&i| &KEYS[i as usize]).take_while(move |k| k.path.starts_with(prefix))
}

/// Positions in [`KEYS`], ordered by path.
static BY_PATH: [u8; keys::TABLE.len()] = by_path();

const fn by_path() -> [u8; keys::TABLE.len()] {
    const fn less(a: &str, b: &str) -> bool {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        let mut i = 0;
        while i < a.len() && i < b.len() {
            if a[i] != b[i] {
                return a[i] < b[i];
            }
            i += 1;
        }
        a.len() < b.len()
    }
    assert!(keys::TABLE.len() <= 256, "the index holds positions as u8");
    let mut index = [0u8; keys::TABLE.len()];
    let mut i = 0;
    while i < index.len() {
        index[i] = i as u8;
        i += 1;
    }
    // Insertion sort: it runs once, in the compiler.
    let mut i = 1;
    while i < index.len() {
        let mut j = i;
        while j > 0 && less(keys::TABLE[index[j] as usize].path, keys::TABLE[index[j - 1] as usize].path) {
            let t = index[j];
            index[j] = index[j - 1];
            index[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    index
}

/// The key with this exact path.
pub fn key(path: &str) -> Option<&'static KeyDef> {
    index_of(path).map(|i| &KEYS[i])
}

/// The keys a wizard step edits, in table order.
pub fn keys_of(step: Step) -> impl Iterator<Item = &'static KeyDef> {
    KEYS.iter().filter(move |k| k.step == step)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn paths_are_unique_and_no_path_prefixes_another() {
        let mut seen = HashSet::new();
        for k in KEYS {
            assert!(seen.insert(k.path), "duplicate {}", k.path);
        }
        for a in KEYS {
            for b in KEYS {
                assert!(!b.path.starts_with(&format!("{}.", a.path)), "{} is under {}", b.path, a.path);
            }
        }
    }

    #[test]
    fn the_compile_time_index_finds_every_key_and_nothing_else() {
        for (i, k) in KEYS.iter().enumerate() {
            assert_eq!(index_of(k.path), Some(i), "{}", k.path);
        }
        assert!(BY_PATH.windows(2).all(|w| KEYS[w[0] as usize].path < KEYS[w[1] as usize].path));
        for path in ["", "tenant", "tenant.sid.x", "tenant.si", "zzz", "Tenant.sid"] {
            assert_eq!(index_of(path), None, "{path}");
        }
    }

    #[test]
    fn every_row_has_a_label_written_for_people() {
        for k in KEYS {
            let t = k.title;
            assert!(t.starts_with(|c: char| c.is_ascii_uppercase()), "{}: {t:?}", k.path);
            // No dotted path, and no camelCase segment ("pullPolicy").
            let camel = k.name().contains(|c: char| c.is_ascii_uppercase());
            assert!(!(t.contains('.') || camel && t.contains(k.name())), "{}: {t:?} reads as a key path", k.path);
        }
        assert_eq!(keys::IMAGE_PULL_POLICY.title, "Image pull policy");
        assert_eq!(keys::IMAGE_PULL_POLICY.options(), ["Always", "IfNotPresent", "Never"]);
        assert!(keys::IXN_VQNODE_LIVENESS_PROBE_INITIAL_DELAY_SECONDS.advanced());
    }

    #[test]
    fn every_row_has_its_typed_constant() {
        // Whitespace aside: rustfmt wraps the long ones.
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let src = words(include_str!("keys.rs"));
        for k in KEYS {
            let line = format!("pub const {}: &KeyDef = key_at(\"{}\");", constant_name(k.path), k.path);
            assert!(src.contains(&line), "keys.rs lacks `{line}` (scripts/key-consts.py consts writes it)");
        }
        assert_eq!(keys::TENANT_SID.path, "tenant.sid");
        assert_eq!(keys::IXN_VQNODE_PORTS_HEALTH.path, "ixnVQNode.ports.health");
    }

    // The naming rule of scripts/key-consts.py.
    fn constant_name(path: &str) -> String {
        let mut out = String::new();
        for (n, seg) in path.split('.').enumerate() {
            if n > 0 {
                out.push('_');
            }
            let mut prev_lower = false;
            for c in seg.chars() {
                if c.is_ascii_uppercase() && prev_lower {
                    out.push('_');
                }
                prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
                out.push(c.to_ascii_uppercase());
            }
        }
        out
    }

    #[test]
    fn the_registry_is_the_lowest_layer() {
        // registry → model → …: nothing here names a module above it.
        let files = [
            include_str!("mod.rs"),
            include_str!("keys.rs"),
            include_str!("constraint.rs"),
            include_str!("containers.rs"),
            include_str!("step.rs"),
        ];
        for src in files {
            assert!(!src.contains(concat!("crate", "::")), "the registry imports from above it");
        }
    }

    #[test]
    fn every_key_has_help_and_review_has_none() {
        for k in KEYS {
            assert!(!k.help.is_empty(), "{} has no help", k.path);
            assert_ne!(k.step, Step::Review);
        }
    }
}
