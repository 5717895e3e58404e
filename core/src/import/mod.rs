//! Importing values files: merged in Helm's order, read with Helm's YAML 1.1 rules,
//! known keys into the form, unknown keys kept verbatim (with "did you mean …?"), and
//! hostile input refused quickly. Nothing changes unless every file reads.

mod changes;
mod merge;
mod suggest;

pub use changes::{changes, Change};
pub use merge::merge;
pub use suggest::{closest, suggest};

use crate::model::{user_placeholders, Config, UnknownKey, Value};
use crate::registry::{self, KeyDef, Kind};
use crate::wording::count;
use crate::yaml::{read_yaml, Limits, Node};
use std::collections::HashMap;

/// One file to import.
#[derive(Debug, Clone, Copy)]
pub struct SourceFile<'a> {
    /// Its name, for messages.
    pub name: &'a str,
    /// Its text.
    pub text: &'a str,
}

/// What one file set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSummary {
    /// The file's name.
    pub name: String,
    /// Registry keys it set.
    pub known: Vec<String>,
    /// Keys the registry does not know.
    pub unknown: Vec<String>,
    /// Keys it set to an explicit null.
    pub nulls: Vec<String>,
}

/// An unknown key, with the known key it may have meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownReport {
    /// Dotted path.
    pub path: String,
    /// "did you mean …?"
    pub suggestion: Option<String>,
}

/// The outcome of an import.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportReport {
    /// Per file, in order.
    pub files: Vec<FileSummary>,
    /// Registry keys set after merging.
    pub known: usize,
    /// Unknown keys after merging.
    pub unknown: Vec<UnknownReport>,
    /// `$VAR` placeholders now in the values.
    pub placeholders: Vec<String>,
    /// Things worth knowing (values read differently than they look, and so on).
    pub notes: Vec<String>,
    /// Parts of rows the form does not hold, and so does not keep (a Redis node's
    /// `password`): each also a note.
    pub not_kept: Vec<String>,
}

impl FileSummary {
    /// One line on what the file set, e.g. `a.yaml: 59 keys, 1 unknown, 3 set to null`.
    pub fn summary(&self) -> String {
        let mut line = format!("{}: {}", self.name, count(self.known.len(), "key"));
        if !self.unknown.is_empty() {
            line += &format!(", {} unknown", self.unknown.len());
        }
        if !self.nulls.is_empty() {
            line += &format!(", {} set to null", self.nulls.len());
        }
        line
    }
}

impl ImportReport {
    /// The sentence a user reads first, e.g. `Imported 3 files: 85 known keys set, 2
    /// unknown keys kept.`
    pub fn summary(&self) -> String {
        format!(
            "Imported {}: {} set, {} kept.",
            count(self.files.len(), "file"),
            count(self.known, "known key"),
            count(self.unknown.len(), "unknown key")
        )
    }
}

/// Why an import changed nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The file at fault.
    pub file: String,
    /// What is wrong, with line and column when known.
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

/// The limits an import runs under: a second's work at most on this kind of input.
pub const LIMITS: Limits = Limits { max_bytes: 1024 * 1024, max_depth: 40, max_nodes: 100_000 };

fn is_interior(dotted: &str) -> bool {
    registry::keys_under(&format!("{dotted}.")).next().is_some()
}

/// A leaf of a values tree, as the registry sees it.
enum Leaf<'a> {
    /// A registry key and its value.
    Known(&'static KeyDef, &'a Node),
    /// A key the registry does not know, with its whole subtree.
    Unknown(&'a Node),
}

/// Walks a values tree down to registry keys and unknown keys, calling `f` with the
/// path (segments and dotted) of each.
fn walk(node: &Node, path: &mut Vec<String>, f: &mut impl FnMut(&[String], &str, Leaf<'_>)) {
    let Node::Map(entries) = node else { return };
    for e in entries {
        path.push(e.key.clone());
        let dotted = path.join(".");
        if let Some(def) = registry::key(&dotted) {
            f(path, &dotted, Leaf::Known(def, &e.value));
        } else if is_interior(&dotted) && matches!(e.value, Node::Map(_)) {
            walk(&e.value, path, f);
        } else {
            f(path, &dotted, Leaf::Unknown(&e.value));
        }
        path.pop();
    }
}

/// The dotted paths of `node` (at `at`) and of everything under it that are null.
fn nulls_in(node: &Node, at: &str, out: &mut Vec<String>) {
    match node {
        Node::Null => out.push(at.to_string()),
        Node::Map(entries) => {
            for e in entries {
                nulls_in(&e.value, &format!("{at}.{}", e.key), out);
            }
        }
        Node::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                nulls_in(item, &format!("{at}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// Classifies every leaf of one file's tree: (known, unknown, nulls).
fn classify(node: &Node, s: &mut FileSummary) {
    walk(node, &mut Vec::new(), &mut |_, dotted, leaf| match leaf {
        Leaf::Known(_, value) => {
            // A null inside a known key's mapping (the OpenShift overlay's
            // `securityContext: {fsGroup: null}`) unsets the chart's default too: named.
            nulls_in(value, dotted, &mut s.nulls);
            s.known.push(dotted.to_string());
        }
        Leaf::Unknown(_) => s.unknown.push(dotted.to_string()),
    });
}

/// Applies a merged tree to `cfg`: known keys replace the form's values, everything
/// else is kept as unknown keys.
/// The parts of a row-list value the form's rows do not hold, which importing it drops:
/// fields of a Redis node, a pull secret or a mount beyond the row's own, a `readOnly`
/// that is not a boolean, a mapping entry set to null (read as empty text).
fn not_kept(def: &KeyDef, value: &Node) -> Vec<String> {
    let extra = |item: &Node, known: &[&str]| -> Vec<String> {
        match item {
            Node::Map(entries) => {
                entries.iter().filter(|e| !known.contains(&e.key.as_str())).map(|e| e.key.clone()).collect()
            }
            _ => Vec::new(),
        }
    };
    let say = |at: String, fields: Vec<String>, holds: &str| {
        (!fields.is_empty()).then(|| format!("{at}: {} not kept: {holds}", fields.join(", ")))
    };
    let mut out = Vec::new();
    match (def.kind, value) {
        (Kind::RedisNodes, Node::Seq(items)) => {
            for (i, item) in items.iter().enumerate() {
                let fields = extra(item, &["host", "port", "is_redis_cluster"]);
                out.extend(say(
                    format!("{}[{i}]", def.path),
                    fields,
                    "a Redis node holds host, port and is_redis_cluster",
                ));
            }
        }
        (Kind::PullSecrets, Node::Seq(items)) => {
            for (i, item) in items.iter().enumerate() {
                out.extend(say(format!("{}[{i}]", def.path), extra(item, &["name"]), "a pull secret holds its name"));
            }
        }
        (Kind::Mounts, Node::Map(entries)) => {
            for e in entries {
                let at = format!("{}.{}", def.path, e.key);
                out.extend(say(
                    at.clone(),
                    extra(&e.value, &["readOnly", "mountPath"]),
                    "a mount holds readOnly and mountPath",
                ));
                if let Some(v) = e.value.get("readOnly").filter(|v| !matches!(v, Node::Bool(_) | Node::Null)) {
                    out.push(format!("{at}.readOnly: {} is not true or false; read as false", crate::chart::inline(v)));
                }
            }
        }
        (Kind::Map | Kind::Jvm, Node::Map(entries)) => {
            for e in entries.iter().filter(|e| e.value == Node::Null) {
                out.push(format!(
                    "{}.{}: null is read as empty text (\"\"); Helm would delete the key",
                    def.path, e.key
                ));
            }
        }
        _ => {}
    }
    out
}

fn apply(node: &Node, cfg: &mut Config, report: &mut ImportReport, suggest: bool) {
    // The unknown keys by path: found by scanning, a wide file would be quadratic.
    let mut unknown: HashMap<Vec<String>, usize> =
        cfg.unknown.iter().enumerate().rev().map(|(i, u)| (u.path.clone(), i)).collect();
    let mut keep_unknown = |cfg: &mut Config, path: &[String], value: Node| match unknown.get(path) {
        Some(&i) => merge(&mut cfg.unknown[i].value, value),
        None => {
            unknown.insert(path.to_vec(), cfg.unknown.len());
            cfg.unknown.push(UnknownKey { path: path.to_vec(), value });
        }
    };
    // Each parent's known names, once: a wide mapping's keys share one parent.
    let mut siblings: HashMap<Vec<String>, Vec<&'static str>> = HashMap::new();
    walk(node, &mut Vec::new(), &mut |path, dotted, leaf| match leaf {
        Leaf::Known(def, value) => match Value::from_node(def.kind, value) {
            Ok(v) => {
                if matches!(def.kind, Kind::Object | Kind::DbTls) && matches!(value, Node::Str(_) | Node::Block(_)) {
                    // The field keeps such text as typed (a profile stores a half-written
                    // mapping so); from a values file it is worth saying.
                    report.notes.push(format!(
                        "{dotted}: is text where Helm expects a mapping; it is in the field to fix or confirm"
                    ));
                }
                if def.kind == Kind::Str {
                    if let Node::Float(f) = value {
                        if crate::yaml::is_decimal_number(&f.replace('_', "")) {
                            report.notes.push(format!(
                                "{dotted}: {f} is unquoted, so Helm reads it as a number; it is written back as the text \"{f}\""
                            ));
                        }
                    }
                }
                for n in not_kept(def, value) {
                    report.notes.push(n.clone());
                    report.not_kept.push(n);
                }
                cfg.values.set(def, v);
                report.known += 1;
            }
            Err(msg) => {
                report.notes.push(format!("{dotted}: {msg}; kept as written"));
                keep_unknown(cfg, path, value.clone());
            }
        },
        Leaf::Unknown(value) => {
            let (parent, key) = path.split_at(path.len() - 1);
            let suggestion = if suggest {
                let names = siblings.entry(parent.to_vec()).or_insert_with(|| suggest::siblings(parent));
                closest(&key[0], names.iter().copied()).map(str::to_string)
            } else {
                None
            };
            report.unknown.push(UnknownReport { path: dotted.to_string(), suggestion });
            keep_unknown(cfg, path, value.clone());
        }
    });
}

/// The report's note when the files hold `$VAR` placeholders (the portal says their
/// state as it is instead: filled in with envsubst or kept).
pub const PLACEHOLDER_NOTE: &str =
    "the $VAR placeholders stay as they are; choose to fill them in with envsubst, or replace them with values";

/// Imports `files`, in Helm's order, onto `base`. Either every file reads and the new
/// configuration comes back with a report, or nothing changes and the error says why.
pub fn import(base: &Config, files: &[SourceFile<'_>]) -> Result<(Config, ImportReport), ImportError> {
    let mut trees = Vec::new();
    for f in files {
        let node =
            read_yaml(f.text, LIMITS).map_err(|e| ImportError { file: f.name.to_string(), message: e.to_string() })?;
        trees.push((f.name, node));
    }
    import_trees(base, trees)
}

/// [`import`] of files already read: each name with its tree.
pub fn import_trees(base: &Config, files: Vec<(&str, Node)>) -> Result<(Config, ImportReport), ImportError> {
    import_with(base, files, true)
}

/// [`import_trees`]; `suggest`: whether unknown keys get a "did you mean" (a profile's
/// load reports none, and a wide one would spend its time on them).
pub(crate) fn import_with(
    base: &Config,
    files: Vec<(&str, Node)>,
    suggest: bool,
) -> Result<(Config, ImportReport), ImportError> {
    let mut merged = Node::map();
    let mut report = ImportReport::default();
    for (name, node) in files {
        let fail = |message: String| ImportError { file: name.to_string(), message };
        let node = match node {
            Node::Map(_) => node,
            Node::Null => Node::map(),
            _ => return Err(fail("a values file must be a mapping of keys to values".into())),
        };
        let mut summary = FileSummary { name: name.to_string(), known: vec![], unknown: vec![], nulls: vec![] };
        classify(&node, &mut summary);
        report.files.push(summary);
        merge(&mut merged, node);
    }
    let mut cfg = base.clone();
    apply(&merged, &mut cfg, &mut report, suggest);
    report.placeholders = user_placeholders(&cfg);
    if !report.placeholders.is_empty() {
        report.notes.push(PLACEHOLDER_NOTE.into());
    }
    Ok((cfg, report))
}
