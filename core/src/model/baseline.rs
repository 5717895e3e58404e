//! The user's own chart values (`helm show values ixn/ixn --version X`, or the chart's
//! `values.yaml`) as the baseline the portal works against: the chart defaults come
//! from it, and the minimal override is computed against it.

use super::value::Value;
use crate::registry::{KeyDef, KEYS};
use crate::yaml::{key_comments, read_yaml, KeyComments, Limits, Node};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// The limits a chart's values file is read under (a chart's values.yaml is larger
/// than a tenant's override; these still refuse hostile input quickly).
pub const BASELINE_LIMITS: Limits = Limits { max_bytes: 2 * 1024 * 1024, max_depth: 40, max_nodes: 200_000 };

/// One chart's values, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Baseline {
    /// The values tree as Helm reads it.
    pub tree: Node,
    /// The comment above each key (helm-docs `# --` where present).
    pub help: KeyComments,
    /// `sha256:<hex>` of the file's bytes: what a profile and a link record, so that
    /// the file can be asked for again and recognised.
    pub digest: String,
    // The chart default of every registry key, aligned with KEYS: `None` where the
    // chart has no such key.
    defaults: Vec<Option<Value>>,
    nodes: Vec<Option<Node>>,
}

/// Why a chart's values file could not be read. Line and column are 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaselineError {
    /// What went wrong.
    pub message: String,
    /// Where, when known.
    pub line: Option<usize>,
    /// Where, when known.
    pub column: Option<usize>,
}

impl std::fmt::Display for BaselineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{l}:{c}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for BaselineError {}

/// `sha256:<hex>` of `text`'s bytes, as `sha256sum` prints it.
pub fn digest_of(text: &str) -> String {
    let sum = Sha256::digest(text.as_bytes());
    let mut out = String::from("sha256:");
    for b in sum {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// Segments of a registry path.
fn segments(def: &KeyDef) -> impl Iterator<Item = &'static str> {
    def.path.split('.')
}

impl Baseline {
    /// Reads a chart's values file. A file that is not a mapping of keys is refused,
    /// with line and column when the YAML itself does not read.
    pub fn read(text: &str) -> Result<Baseline, BaselineError> {
        Baseline::read_given(text, key_comments(text), digest_of(text))
    }

    /// [`Baseline::read`], given the file's comments ([`key_comments`]) and digest
    /// ([`digest_of`]) made elsewhere: the portal's worker makes them, so that the
    /// comment reader and sha256 are not in the page's first load.
    pub fn read_given(text: &str, help: KeyComments, digest: String) -> Result<Baseline, BaselineError> {
        let tree = read_yaml(text, BASELINE_LIMITS).map_err(|e| BaselineError {
            message: e.message,
            line: e.line,
            column: e.column,
        })?;
        let tree = match tree {
            Node::Map(_) => tree,
            Node::Null => Node::map(),
            _ => {
                return Err(BaselineError {
                    message: "a chart's values must be a mapping of keys to values".into(),
                    line: Some(1),
                    column: Some(1),
                })
            }
        };
        // Only comments on keys the tree has (a comment-like line inside a flow
        // collection or an odd indentation names no key).
        // The top-level keys by name: a chart file of many keys would be scanned once
        // for each registry key and comment otherwise.
        let top: std::collections::HashMap<&str, &Node> = match &tree {
            Node::Map(entries) => entries.iter().rev().map(|e| (e.key.as_str(), &e.value)).collect(),
            _ => Default::default(),
        };
        let at = |path: &mut dyn Iterator<Item = &str>| -> Option<&Node> {
            let first = path.next()?;
            top.get(first).and_then(|n| n.get_path(path))
        };
        let mut help = help;
        help.retain(|(p, _)| at(&mut p.iter().map(String::as_str)).is_some());
        let mut defaults = Vec::with_capacity(KEYS.len());
        let mut nodes = Vec::with_capacity(KEYS.len());
        for def in KEYS {
            let node = at(&mut segments(def));
            // A value the registry's kind does not take (a chart that changed a
            // key's type) falls back to the chart's node as written: the override
            // is still compared against the chart's own text.
            defaults.push(node.and_then(|n| Value::from_node(def.kind, n).ok()));
            nodes.push(node.cloned());
        }
        drop(top);
        Ok(Baseline { tree, help, digest, defaults, nodes })
    }

    /// The chart default of every registry key, aligned with [`KEYS`]; `None` where the
    /// chart has no such key (or holds a value the key's kind does not take).
    pub fn defaults(&self) -> &[Option<Value>] {
        &self.defaults
    }

    /// The chart's node of every registry key, aligned with [`KEYS`].
    pub fn nodes(&self) -> &[Option<Node>] {
        &self.nodes
    }

    /// Whether the chart has the registry key `def`.
    pub fn has(&self, def: &KeyDef) -> bool {
        crate::registry::index_of(def.path).is_some_and(|i| self.nodes[i].is_some())
    }

    /// The comment above the key at `path`, if the file has one.
    pub fn help_at(&self, path: &[String]) -> Option<&str> {
        self.help.iter().find(|(p, _)| p.as_slice() == path).map(|(_, t)| t.as_str())
    }

    /// Why this file looks like an override file (what `helm install -f` takes, such as
    /// Genesys' `override_values.yaml`) rather than a chart's own `values.yaml` or
    /// `helm show values`, if it does: it holds envsubst placeholders, or sets the
    /// tenant (a chart leaves it empty), or has fewer than half of the keys the guide's
    /// chart has. Empty for a chart's values file.
    pub fn override_signs(&self) -> Vec<String> {
        let mut signs = Vec::new();
        let mut vars = Vec::new();
        placeholders_in(&self.tree, &mut vars);
        if let Some(v) = vars.first() {
            signs.push(format!("it holds envsubst placeholders (${v})"));
        }
        let set = |def: &KeyDef| {
            crate::registry::index_of(def.path)
                .and_then(|i| self.nodes[i].as_ref())
                .is_some_and(|n| !matches!(n, Node::Null) && n.as_str() != Some(""))
        };
        if set(crate::registry::keys::TENANT_ID) || set(crate::registry::keys::TENANT_SID) {
            signs.push("it sets the tenant, which a chart leaves empty".into());
        }
        let with_default: Vec<&KeyDef> = KEYS.iter().filter(|k| k.default_text().is_some()).collect();
        let has = with_default.iter().filter(|k| self.has(k)).count();
        if has * 2 < with_default.len() {
            signs.push(format!("it has {has} of the {} keys a chart's values file has", with_default.len()));
        }
        signs
    }

    /// The registry keys this chart does not have, in registry order.
    pub fn missing(&self) -> impl Iterator<Item = &'static KeyDef> + '_ {
        KEYS.iter().zip(&self.nodes).filter(|(_, n)| n.is_none()).map(|(k, _)| k)
    }
}

/// The chart values a configuration works against: the guide's chart (the registry's
/// defaults) unless the user gave their own chart's values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartValues {
    /// The digest of the file the profile was made against; empty for the guide's chart.
    pub digest: String,
    /// The file itself, once loaded. A profile and a link record only the digest, so
    /// after loading one the portal asks for the file again ([`ChartValues::wanted`]).
    pub baseline: Option<Arc<Baseline>>,
    /// Registry keys the chart does not have that the user keeps in the output anyway.
    pub keep: Vec<String>,
}

impl ChartValues {
    /// Works against `baseline` from now on.
    pub fn of(baseline: Baseline) -> ChartValues {
        ChartValues { digest: baseline.digest.clone(), baseline: Some(Arc::new(baseline)), keep: Vec::new() }
    }

    /// The loaded baseline, if any.
    pub fn baseline(&self) -> Option<&Baseline> {
        self.baseline.as_deref()
    }

    /// Whether a baseline was chosen but its file is not loaded (or is another file):
    /// the portal and the command line ask for it again.
    pub fn wanted(&self) -> bool {
        !self.digest.is_empty() && self.baseline().is_none_or(|b| b.digest != self.digest)
    }

    /// The chart default of every registry key, aligned with [`KEYS`]: the baseline's,
    /// else the registry's.
    pub fn defaults(&self) -> &[Option<Value>] {
        match self.baseline() {
            Some(b) => b.defaults(),
            None => super::defaults::chart_default_values(),
        }
    }

    /// The chart default of every registry key as YAML nodes, aligned with [`KEYS`].
    pub fn default_nodes(&self) -> &[Option<Node>] {
        match self.baseline() {
            Some(b) => b.nodes(),
            None => super::defaults::chart_default_nodes(),
        }
    }

    /// Whether the output leaves `def` out: the chart does not have it and the user
    /// did not keep it.
    pub fn leaves_out(&self, def: &KeyDef) -> bool {
        self.baseline().is_some_and(|b| !b.has(def)) && !self.keep.iter().any(|k| k == def.path)
    }
}

/// The placeholder names in the strings of `node`.
fn placeholders_in(node: &Node, out: &mut Vec<String>) {
    match node {
        Node::Str(s) => out.extend(super::names_in(s)),
        Node::Seq(items) => items.iter().for_each(|n| placeholders_in(n, out)),
        Node::Map(entries) => entries.iter().for_each(|e| placeholders_in(&e.value, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::keys;

    #[test]
    fn defaults_come_from_the_file_and_missing_keys_are_named() {
        let b = Baseline::read("replicaCount: 0\nimage:\n  # -- Where images come from.\n  registry: my.registry\n")
            .unwrap();
        assert_eq!(
            b.defaults()[crate::registry::index_of("replicaCount").unwrap()],
            Some(Value::Int(crate::model::Input::new("0")))
        );
        assert!(b.has(keys::IMAGE_REGISTRY));
        assert!(!b.has(keys::TENANT_ID));
        assert!(b.missing().any(|k| k.path == "tenant.sid"));
        assert_eq!(b.help_at(&["image".into(), "registry".into()]), Some("Where images come from."));
        assert_eq!(digest_of(""), "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    #[test]
    fn bad_files_say_where() {
        let e = Baseline::read("a: b\n  c: d\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(Baseline::read("- a\n").is_err());
        assert_eq!(Baseline::read("").unwrap().tree, Node::map());
    }
}
