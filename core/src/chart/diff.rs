//! A key-by-key diff of two values trees: what was added, removed or changed, with
//! secrets masked unless asked for.

use crate::registry::{self, KeyDef};
use crate::yaml::{double_quoted, scalar, Entry, Node};
use serde::Serialize;
use std::collections::HashMap;

/// What happened to one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Only the new side has it.
    Added,
    /// Only the old side has it.
    Removed,
    /// Both have it, with different values.
    Changed,
}

impl ChangeKind {
    /// The word: `added`, `removed`, `changed`.
    pub fn sign_word(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        }
    }

    /// The sign a text diff writes before the line.
    pub fn sign(self) -> char {
        match self {
            ChangeKind::Added => '+',
            ChangeKind::Removed => '-',
            ChangeKind::Changed => '~',
        }
    }
}

/// One changed key.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Path segments from the root (keys may hold dots).
    pub path: Vec<String>,
    /// Added, removed or changed.
    pub kind: ChangeKind,
    /// The old value (`None` when added).
    pub old: Option<Node>,
    /// The new value (`None` when removed).
    pub new: Option<Node>,
    /// The registry key the path is at or under: the field a line links to.
    pub key: Option<&'static KeyDef>,
    /// Whether the value is a credential (masked unless asked for).
    pub secret: bool,
}

/// The text written in place of a secret value.
pub const MASK: &str = "••••••";

impl Change {
    /// The path written with dots.
    pub fn dotted(&self) -> String {
        self.path.join(".")
    }

    /// The old value as one line (masked when secret and `!show_secrets`).
    pub fn old_text(&self, show_secrets: bool) -> Option<String> {
        self.old.as_ref().map(|n| self.shown(n, show_secrets))
    }

    /// The new value as one line (masked when secret and `!show_secrets`).
    pub fn new_text(&self, show_secrets: bool) -> Option<String> {
        self.new.as_ref().map(|n| self.shown(n, show_secrets))
    }

    fn shown(&self, node: &Node, show_secrets: bool) -> String {
        if show_secrets {
            inline(node)
        } else if self.secret && holds_text(node) {
            MASK.to_string()
        } else {
            // A mapping added or removed whole (a chart without `ixnNode.secrets`, say)
            // is one change, printed on one line: its secret leaves are masked there.
            inline(&masked(node, &mut self.path.clone()))
        }
    }

    /// For a text changed inside (a `| quote` added to a template line): the old and
    /// the new one-line texts word by word ([`within`]), when they share words; `None`
    /// otherwise, or when a secret is masked.
    pub fn within(&self, show_secrets: bool) -> Option<Vec<Piece>> {
        let text = |n: &Option<Node>| matches!(n, Some(Node::Str(_) | Node::Block(_)));
        if self.kind != ChangeKind::Changed || !text(&self.old) || !text(&self.new) || (self.secret && !show_secrets) {
            return None;
        }
        let (o, n) = (self.old_text(show_secrets)?, self.new_text(show_secrets)?);
        let pieces = within(&o, &n);
        pieces.iter().any(|p| matches!(p, Piece::Same(s) if s.trim().len() > 1)).then_some(pieces)
    }

    /// The line a text diff prints: `~ path: old → new`, `+ path: new`, `- path: old`.
    pub fn line(&self, show_secrets: bool) -> String {
        let path = self.dotted();
        match (self.old_text(show_secrets), self.new_text(show_secrets)) {
            (Some(o), Some(n)) => format!("{} {path}: {o} → {n}", self.kind.sign()),
            (Some(o), None) => format!("{} {path}: {o}", self.kind.sign()),
            (None, Some(n)) => format!("{} {path}: {n}", self.kind.sign()),
            (None, None) => format!("{} {path}", self.kind.sign()),
        }
    }
}

/// [`MASK`] as a node that prints as it is, unquoted, as a masked leaf prints.
fn mask() -> Node {
    Node::Placeholder(MASK.into())
}

/// Whether a secret's value is worth masking: empty and null say nothing.
fn holds_text(node: &Node) -> bool {
    !matches!(node, Node::Null) && node.as_str() != Some("")
}

/// `node`, found at `path`, with the value of every secret key inside it (a registry
/// secret, or a name that holds a credential) replaced by [`MASK`].
fn masked(node: &Node, path: &mut Vec<String>) -> Node {
    match node {
        Node::Map(entries) => Node::Map(
            entries
                .iter()
                .map(|e| {
                    path.push(e.key.clone());
                    let secret = key_at(path).is_some_and(KeyDef::secret) || secret_name(&e.key);
                    let value = if secret && holds_text(&e.value) { mask() } else { masked(&e.value, path) };
                    path.pop();
                    crate::yaml::Entry { key: e.key.clone(), value, comment: e.comment.clone() }
                })
                .collect(),
        ),
        Node::Seq(items) => Node::Seq(items.iter().map(|i| masked(i, path)).collect()),
        other => other.clone(),
    }
}

/// A value on one line, in YAML flow style: scalars as the values file writes them,
/// multi-line text double-quoted with `\n`, lists as `[a, b]`, maps as `{k: v}`.
pub fn inline(node: &Node) -> String {
    match node {
        Node::Null => "null".into(),
        Node::Bool(b) => b.to_string(),
        Node::Int(i) => i.to_string(),
        Node::Float(f) => f.clone(),
        Node::Str(s) if s.contains('\n') => double_quoted(s),
        Node::Str(s) => scalar(s).into_owned(),
        Node::Block(s) => double_quoted(s),
        Node::Placeholder(s) => s.clone(),
        Node::Seq(items) => format!("[{}]", items.iter().map(inline).collect::<Vec<_>>().join(", ")),
        Node::Map(entries) => format!(
            "{{{}}}",
            entries.iter().map(|e| format!("{}: {}", scalar(&e.key), inline(&e.value))).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// Whether a key the registry does not know looks like it holds a credential, by its
/// name (`password`, `token`, `apiKey`, a key named `secret`), so that "Other chart
/// keys" are masked as carefully as registry keys. `secretName` and the like are names.
pub fn secret_name(segment: &str) -> bool {
    let s = segment.to_ascii_lowercase();
    s.contains("password")
        || s.contains("passwd")
        || s.contains("token")
        || s == "secret"
        || s.contains("apikey")
        || s.contains("api_key")
        || s.contains("privatekey")
        || s.contains("private_key")
        || s == "credentials"
}

/// The registry key at or above `path`.
pub fn key_at(path: &[String]) -> Option<&'static KeyDef> {
    let mut dotted = String::new();
    for (i, seg) in path.iter().enumerate() {
        if i > 0 {
            dotted.push('.');
        }
        dotted.push_str(seg);
        if let Some(k) = registry::key(&dotted) {
            return Some(k);
        }
    }
    None
}

/// Every difference between `old` and `new`, key by key, in `old`'s order with keys
/// only `new` has after them. Mappings are compared key by key, as Helm merges them;
/// lists and scalars as a whole.
pub fn diff(old: &Node, new: &Node) -> Vec<Change> {
    let mut out = Vec::new();
    walk(Some(old), Some(new), &mut Vec::new(), &mut out);
    out
}

/// A mapping's entries by key, for finding keys without scanning: a wide mapping
/// (tens of thousands of keys) would make a diff quadratic. Small ones are scanned.
struct Keys<'a> {
    entries: &'a [Entry],
    index: Option<HashMap<&'a str, usize>>,
}

impl<'a> Keys<'a> {
    fn new(entries: &'a [Entry]) -> Keys<'a> {
        // The first of a repeated key, as a scan finds it.
        let index =
            (entries.len() > 16).then(|| entries.iter().enumerate().rev().map(|(i, e)| (e.key.as_str(), i)).collect());
        Keys { entries, index }
    }

    fn position(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => self.entries.iter().position(|e| e.key == key),
        }
    }

    fn get(&self, key: &str) -> Option<&'a Node> {
        self.position(key).map(|i| &self.entries[i].value)
    }
}

fn walk(old: Option<&Node>, new: Option<&Node>, path: &mut Vec<String>, out: &mut Vec<Change>) {
    let key = key_at(path);
    match (old, new) {
        // Helm merges mappings key by key, so they are compared so; lists replace.
        (Some(Node::Map(a)), Some(Node::Map(b))) => {
            let (in_a, in_b) = (Keys::new(a), Keys::new(b));
            for e in a {
                path.push(e.key.clone());
                walk(Some(&e.value), in_b.get(&e.key), path, out);
                path.pop();
            }
            for e in b.iter().filter(|e| in_a.position(&e.key).is_none()) {
                path.push(e.key.clone());
                walk(None, Some(&e.value), path, out);
                path.pop();
            }
        }
        (Some(a), Some(b)) if same(a, b) => {}
        (a, b) => {
            if a.is_none() && b.is_none() {
                return;
            }
            let kind = match (a, b) {
                (None, _) => ChangeKind::Added,
                (_, None) => ChangeKind::Removed,
                _ => ChangeKind::Changed,
            };
            let secret = key.is_some_and(KeyDef::secret) || path.iter().any(|s| secret_name(s));
            out.push(Change { path: path.clone(), kind, old: a.cloned(), new: b.cloned(), key, secret });
        }
    }
}

/// Whether two values mean the same to Helm: a template written as a block and the
/// same text quoted are one string; a placeholder and its text too.
fn same(a: &Node, b: &Node) -> bool {
    match (a, b) {
        (Node::Map(x), Node::Map(y)) => {
            let in_y = Keys::new(y);
            x.len() == y.len() && x.iter().all(|e| in_y.get(&e.key).is_some_and(|v| same(&e.value, v)))
        }
        (Node::Seq(x), Node::Seq(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q)),
        _ => match (a.as_str(), b.as_str()) {
            (Some(p), Some(q)) => p == q,
            _ => a == b,
        },
    }
}

/// Helm's merge of an override onto chart values (`coalesce`): mappings merge key by
/// key, anything else replaces, and an explicit `null` deletes the key.
pub fn coalesce(base: &Node, over: &Node) -> Node {
    match (base, over) {
        (Node::Map(b), Node::Map(o)) => {
            // Slots of the base's keys, then the override's new keys; a deleted key's
            // slot is emptied, and the holes dropped at the end (removing each at once
            // would make a wide merge quadratic).
            let mut out: Vec<Option<Entry>> = b.iter().cloned().map(Some).collect();
            let mut index: HashMap<String, usize> =
                b.iter().enumerate().rev().map(|(i, e)| (e.key.clone(), i)).collect();
            for e in o {
                let at = index.get(&e.key).copied().filter(|&i| out[i].is_some());
                match (at, &e.value) {
                    (Some(i), Node::Null) => out[i] = None,
                    (None, Node::Null) => {}
                    (Some(i), v) => {
                        if let Some(slot) = &mut out[i] {
                            slot.value = coalesce(&slot.value, v);
                        }
                    }
                    (None, v) => {
                        index.insert(e.key.clone(), out.len());
                        out.push(Some(Entry { key: e.key.clone(), value: strip_nulls(v), comment: None }))
                    }
                }
            }
            Node::Map(out.into_iter().flatten().collect())
        }
        (_, o) => strip_nulls(o),
    }
}

fn strip_nulls(node: &Node) -> Node {
    match node {
        Node::Map(m) => Node::Map(
            m.iter()
                .filter(|e| e.value != Node::Null)
                .map(|e| crate::yaml::Entry { key: e.key.clone(), value: strip_nulls(&e.value), comment: None })
                .collect(),
        ),
        n => n.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{read_yaml, Limits};

    fn yaml(text: &str) -> Node {
        read_yaml(text, Limits::default()).unwrap()
    }

    /// A mapping added or removed whole is one line; the credentials inside it are
    /// masked there as a changed leaf is, and shown only when asked.
    #[test]
    fn secrets_inside_a_whole_added_or_removed_mapping_are_masked() {
        let with = yaml(
            "ixnService:\n  ixnNode:\n    secrets:\n      db:\n        enabled: true\n        username: ixn\n        password: S3cretNode\n    extra:\n      apiToken: T0ken\n      list: [{password: InList}]\n",
        );
        let without = yaml("ixnService:\n  ixnNode: {}\n");
        for changes in [diff(&without, &with), diff(&with, &without)] {
            let text: Vec<String> = changes.iter().map(|c| c.line(false)).collect();
            let all = text.join("\n");
            for secret in ["S3cretNode", "T0ken", "InList"] {
                assert!(!all.contains(secret), "{secret} shown: {all}");
            }
            assert!(all.contains("username: ixn"), "the names stay readable: {all}");
            assert!(all.contains(&format!("password: {MASK}")), "{all}");
            let shown: String = changes.iter().map(|c| c.line(true)).collect();
            for secret in ["S3cretNode", "T0ken", "InList"] {
                assert!(shown.contains(secret), "Show secrets shows {secret}: {shown}");
            }
        }
    }
}

/// One piece of the difference between two texts ([`within`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// In both.
    Same(String),
    /// Only in the old text.
    Gone(String),
    /// Only in the new text.
    New(String),
}

/// The words of `s`: runs of letters, digits and `_`, runs of spaces, and each other
/// character alone (so `{{ .Values.x }}` → `{{ .Values.x | quote }}` shows `| quote` added).
fn words(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let class = |c: char| {
        if c.is_alphanumeric() || c == '_' {
            0
        } else if c == ' ' {
            1
        } else {
            2
        }
    };
    let mut prev: Option<u8> = None;
    for (i, c) in s.char_indices() {
        let k = class(c);
        if prev.is_some_and(|p| p != k || k == 2) {
            out.push(&s[start..i]);
            start = i;
        }
        prev = Some(k);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// The difference between `old` and `new` word by word (a longest common subsequence
/// of their [`words`]): what both keep, what went, what came, in order, neighbours of
/// one kind joined. Texts too long to compare cheaply come back as gone and new whole.
pub fn within(old: &str, new: &str) -> Vec<Piece> {
    let (a, b) = (words(old), words(new));
    let mut out: Vec<Piece> = Vec::new();
    let mut push = |p: Piece| match (out.last_mut(), &p) {
        (Some(Piece::Same(x)), Piece::Same(y))
        | (Some(Piece::Gone(x)), Piece::Gone(y))
        | (Some(Piece::New(x)), Piece::New(y)) => x.push_str(y),
        _ => out.push(p),
    };
    if a.len().saturating_mul(b.len()) > 250_000 {
        push(Piece::Gone(old.to_string()));
        push(Piece::New(new.to_string()));
        return out;
    }
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            push(Piece::Same(a[i].to_string()));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            push(Piece::New(b[j].to_string()));
            j += 1;
        } else {
            push(Piece::Gone(a[i].to_string()));
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod within_tests {
    use super::*;

    fn text(pieces: &[Piece], keep: fn(&Piece) -> Option<&str>) -> String {
        pieces.iter().filter_map(keep).collect()
    }

    // Issue 23.6: one `| quote` added inside a template string is that, not two lines.
    #[test]
    fn a_change_inside_a_template_string_is_shown_where_it_is() {
        let old = "consul.hashicorp.com/service-meta-tenant-id: {{ .Values.tenant.id }}";
        let new = "consul.hashicorp.com/service-meta-tenant-id: {{ .Values.tenant.id | quote }}";
        let p = within(old, new);
        assert_eq!(
            p,
            [
                Piece::Same("consul.hashicorp.com/service-meta-tenant-id: {{ .Values.tenant.id ".into()),
                Piece::New("| quote ".into()),
                Piece::Same("}}".into()),
            ]
        );
        // Both texts come back whole from the pieces.
        fn old_of(p: &Piece) -> Option<&str> {
            match p {
                Piece::Same(s) | Piece::Gone(s) => Some(s.as_str()),
                Piece::New(_) => None,
            }
        }
        fn new_of(p: &Piece) -> Option<&str> {
            match p {
                Piece::Same(s) | Piece::New(s) => Some(s.as_str()),
                Piece::Gone(_) => None,
            }
        }
        assert_eq!(text(&p, old_of), old);
        assert_eq!(text(&p, new_of), new);
        for (o, n) in [("a b c", "a x c"), ("", "new"), ("ü😀 x", "ü y"), ("{{-", "{{")] {
            let p = within(o, n);
            assert_eq!((text(&p, old_of), text(&p, new_of)), (o.to_string(), n.to_string()));
        }
        // A changed template value in a Changes report says it word by word.
        let change = Change {
            path: vec!["ixnService".into(), "annotations".into()],
            kind: ChangeKind::Changed,
            old: Some(Node::Str(old.into())),
            new: Some(Node::Str(new.into())),
            key: None,
            secret: false,
        };
        assert!(change.within(false).is_some_and(|p| p.contains(&Piece::New("| quote ".into()))));
        let secret = Change { secret: true, ..change };
        assert_eq!(secret.within(false), None);
    }
}
