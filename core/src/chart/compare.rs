//! The three comparisons an admin makes before `helm upgrade`: the override against the
//! chart's defaults, against the deployed release, and against the next chart version.

use super::diff::{coalesce, diff, key_at, Change, ChangeKind};
use crate::model::Config;
use crate::registry::{self, KEYS};
use crate::yaml::Node;
use serde_json::{json, Value as Json};

/// What the values are compared against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Against {
    /// The chart's defaults (`helm show values`): what the override changes.
    Defaults,
    /// The deployed release (`helm get values RELEASE -o yaml`, or `--all`): what
    /// `helm upgrade` would change.
    Deployed,
    /// The next chart version's defaults: what moving to it changes, and what the
    /// user must decide.
    Next,
}

impl Against {
    /// As the command line and the JSON name it.
    pub fn as_str(self) -> &'static str {
        match self {
            Against::Defaults => "defaults",
            Against::Deployed => "deployed",
            Against::Next => "next",
        }
    }
}

/// A note tied to one key path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Path segments.
    pub path: Vec<String>,
    /// The sentence.
    pub message: String,
}

impl Note {
    fn new(path: &[String], message: String) -> Note {
        Note { path: path.to_vec(), message }
    }

    /// `path: message`.
    pub fn line(&self) -> String {
        format!("{}: {}", self.path.join("."), self.message)
    }
}

/// One comparison's result.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Against what.
    pub against: Against,
    /// Key by key.
    pub changes: Vec<Change>,
    /// Things that will happen that the user may not expect (keys dropped).
    pub warnings: Vec<Note>,
    /// What the user must decide (next version: renamed and dropped overrides,
    /// changed defaults).
    pub decisions: Vec<Note>,
    /// Deployed: whether the file holds the computed values (`helm get values --all`)
    /// rather than only what was supplied.
    pub computed: bool,
}

/// The chart defaults the configuration works against, as one values tree: the
/// user's chart values file, else the guide chart's documented defaults.
pub fn defaults_tree(cfg: &Config) -> Node {
    if let Some(b) = cfg.chart.baseline() {
        return b.tree.clone();
    }
    let mut root = Node::map();
    for (def, node) in KEYS.iter().zip(cfg.chart.default_nodes()) {
        if let Some(n) = node {
            let path: Vec<&str> = def.path.split('.').collect();
            root.insert(&path, n.clone(), None);
        }
    }
    root
}

/// The values the Changes view and `ixn-portal diff` compare: the minimal values file
/// of `cfg`'s delivery ([`crate::generate::gitops::values_answers`]): in a Git delivery
/// the values that go to Git, not Script mode's.
pub fn compared_values(cfg: &Config) -> Node {
    use crate::generate::values_yaml::{values_tree, Form, ValuesOptions};
    let v = crate::generate::gitops::values_answers(cfg);
    let eff = crate::model::Effective::of(&v);
    values_tree(&v, &eff, ValuesOptions { form: Form::Minimal, comments: false, schema_line: false })
}

/// The override against the chart defaults: every key it changes once Helm merges it.
pub fn against_defaults(defaults: &Node, values: &Node) -> Report {
    let merged = coalesce(defaults, values);
    let mut changes = diff(defaults, &merged);
    // A null the override sets deletes the key; where the chart's default is null
    // already, the chart's templates read nothing either way: nothing changes for Helm.
    changes.retain(|c| !(c.kind == ChangeKind::Removed && c.old == Some(Node::Null)));
    Report { against: Against::Defaults, changes, warnings: vec![], decisions: vec![], computed: false }
}

/// The new values against the deployed release's. `deployed` is `helm get values`
/// (what was supplied) or `--all` (computed: told apart by holding every top-level key
/// of the chart defaults), compared with the override or the merged values.
pub fn against_deployed(defaults: &Node, values: &Node, deployed: &Node) -> Report {
    let computed = match (defaults, deployed) {
        (Node::Map(d), Node::Map(_)) if d.len() >= 2 => d.iter().all(|e| deployed.get_path([&e.key]).is_some()),
        _ => false,
    };
    let new = if computed { coalesce(defaults, values) } else { values.clone() };
    let changes = diff(deployed, &new);
    let warnings = changes
        .iter()
        .filter(|c| c.kind == ChangeKind::Removed)
        .map(|c| {
            let back = match defaults.get_path(&c.path) {
                Some(d) if !computed => {
                    format!("; helm upgrade puts the chart default back ({})", super::diff::inline(d))
                }
                _ => String::new(),
            };
            Note::new(&c.path, format!("the deployed release sets this key and the new values drop it{back}"))
        })
        .collect();
    Report { against: Against::Deployed, changes, warnings, decisions: vec![], computed }
}

/// Every leaf the override sets: a registry key's path, or the deepest mapping key.
fn leaves(node: &Node, path: &mut Vec<String>, out: &mut Vec<(Vec<String>, Node)>) {
    match node {
        Node::Map(entries) if path.is_empty() || (registry::key(&path.join(".")).is_none() && !entries.is_empty()) => {
            for e in entries {
                path.push(e.key.clone());
                leaves(&e.value, path, out);
                path.pop();
            }
        }
        n => out.push((path.clone(), n.clone())),
    }
}

/// Moving to the next chart version: its defaults against today's, each override the
/// next version renames or drops, and what the user must decide.
pub fn against_next(current: &Node, next: &Node, values: &Node) -> Report {
    let changes = diff(current, next);
    let added: Vec<&Change> = changes.iter().filter(|c| c.kind == ChangeKind::Added).collect();
    let mut decisions = Vec::new();
    let mut set = Vec::new();
    leaves(values, &mut Vec::new(), &mut set);
    for (path, value) in &set {
        if next.get_path(path).is_some() || ancestor_is_leaf(next, path) {
            continue;
        }
        let today = current.get_path(path);
        let name = path.last().map(String::as_str).unwrap_or_default();
        // Renamed: a key the next version adds with the same name, or with today's
        // default as its default.
        let renamed = added.iter().flat_map(|c| added_leaves(c)).find(|(p, default)| {
            p.last().map(String::as_str) == Some(name) || (today.is_some() && today == Some(default))
        });
        let message = match (renamed, today) {
            (Some((to, _)), _) => format!(
                "you set this key ({}); the next version renames it to {}: move your value there",
                super::diff::inline(value),
                to.join(".")
            ),
            (None, Some(_)) => format!(
                "you set this key ({}); the next version drops it: remove it, or keep it if the chart reads it another way",
                super::diff::inline(value)
            ),
            (None, None) => continue, // neither version has it: an unknown key as before
        };
        decisions.push(Note::new(path, message));
    }
    for c in changes.iter().filter(|c| c.kind == ChangeKind::Changed) {
        if set.iter().any(|(p, _)| p.starts_with(&c.path) || c.path.starts_with(p)) {
            continue;
        }
        if let (Some(o), Some(n)) = (&c.old, &c.new) {
            decisions.push(Note::new(
                &c.path,
                format!(
                    "the default changes from {} to {}: keep the new default, or set {} to keep today's",
                    super::diff::inline(o),
                    super::diff::inline(n),
                    super::diff::inline(o)
                ),
            ));
        }
    }
    for c in &added {
        if key_at(&c.path).is_some_and(crate::registry::KeyDef::required) {
            decisions.push(Note::new(&c.path, "the next version adds this required key: give it a value".into()));
        }
    }
    Report { against: Against::Next, changes, warnings: vec![], decisions, computed: false }
}

impl Report {
    /// Whether anything differs.
    pub fn has_changes(&self) -> bool {
        !self.changes.is_empty()
    }

    /// The report as the portal and `ixn-portal diff` print it: one line per change,
    /// then the warnings and the decisions.
    pub fn text(&self, show_secrets: bool) -> String {
        let mut out = String::new();
        let (a, r, c) = self.counts();
        out.push_str(&format!("# against {}: {} added, {} removed, {} changed\n", self.title(), a, r, c));
        for change in &self.changes {
            out.push_str(&change.line(show_secrets));
            out.push('\n');
        }
        for w in &self.warnings {
            out.push_str(&format!("warning: {}\n", w.line()));
        }
        for d in &self.decisions {
            out.push_str(&format!("decide: {}\n", d.line()));
        }
        out
    }

    /// What the comparison is against, in words.
    pub fn title(&self) -> &'static str {
        match (self.against, self.computed) {
            (Against::Defaults, _) => "the chart defaults",
            (Against::Deployed, false) => "the deployed release (supplied values)",
            (Against::Deployed, true) => "the deployed release (computed values)",
            (Against::Next, _) => "the next chart version",
        }
    }

    /// How many keys were added, removed and changed.
    pub fn counts(&self) -> (usize, usize, usize) {
        let n = |k| self.changes.iter().filter(|c| c.kind == k).count();
        (n(ChangeKind::Added), n(ChangeKind::Removed), n(ChangeKind::Changed))
    }

    /// The report as JSON: `{against, computed, changes: [{path, segments, change,
    /// old, new, secret, field}], warnings, decisions}`. Old and new are the values
    /// on one line, as the text shows them, masked alike.
    pub fn to_json(&self, show_secrets: bool) -> Json {
        let note = |n: &Note| json!({"path": n.path.join("."), "segments": n.path, "message": n.message});
        json!({
            "against": self.against.as_str(),
            "computed": self.computed,
            "changes": self.changes.iter().map(|c| json!({
                "path": c.dotted(),
                "segments": c.path,
                "change": c.kind,
                "old": c.old_text(show_secrets),
                "new": c.new_text(show_secrets),
                "secret": c.secret,
                "field": c.key.map(|k| k.path),
            })).collect::<Vec<_>>(),
            "warnings": self.warnings.iter().map(note).collect::<Vec<_>>(),
            "decisions": self.decisions.iter().map(note).collect::<Vec<_>>(),
        })
    }
}

/// The leaves of an added subtree, with their defaults.
fn added_leaves(c: &Change) -> Vec<(Vec<String>, Node)> {
    let mut out = Vec::new();
    if let Some(n) = &c.new {
        let mut path = c.path.clone();
        match n {
            Node::Map(_) => {
                let mut sub = Vec::new();
                leaves(n, &mut Vec::new(), &mut sub);
                out.extend(sub.into_iter().map(|(p, v)| {
                    let mut full = path.clone();
                    full.extend(p);
                    (full, v)
                }));
            }
            _ => out.push((std::mem::take(&mut path), n.clone())),
        }
    }
    out
}

/// Whether some ancestor of `path` in `tree` is a leaf (not a mapping): the override
/// sets keys inside a value the chart keeps whole.
fn ancestor_is_leaf(tree: &Node, path: &[String]) -> bool {
    (1..path.len()).any(|n| tree.get_path(&path[..n]).is_some_and(|v| !matches!(v, Node::Map(_))))
}
