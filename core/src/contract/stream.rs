//! A stream of Kubernetes objects: `helm template` output, `helm get manifest`, or a
//! `kubectl get … -o yaml` List. Multi-document YAML with `# Source:` comments, empty
//! documents, Lists and kinds the contract does not know.
//!
//! A Secret's data never leaves this module: a Secret is kept as its name, type and the
//! NAMES of its keys (its values, and every annotation, which may hold them in
//! `kubectl.kubernetes.io/last-applied-configuration`, are dropped as it is read).

use crate::yaml::{read_yaml, Entry, Limits, Node};

/// The largest stream read (a rendered chart is a few hundred KB).
pub const MAX_STREAM_BYTES: usize = 16 * 1024 * 1024;

/// One Kubernetes object of the stream.
#[derive(Debug, Clone, PartialEq)]
pub struct Object {
    /// `kind`, e.g. `StatefulSet`.
    pub kind: String,
    /// `metadata.name` (empty when it has none).
    pub name: String,
    /// The `# Source:` comment of its document (`ixn/templates/statefulset.yaml`).
    pub source: Option<String>,
    /// The line its document starts at, from 1.
    pub line: usize,
    /// The object; for a Secret only `metadata.name`, `metadata.namespace`, `type`,
    /// and `data` / `stringData` with every value replaced by `null`.
    pub body: Node,
}

impl Object {
    /// The value at a path of keys.
    pub fn get(&self, path: &[&str]) -> Option<&Node> {
        self.body.get_path(path.iter().copied())
    }

    /// The keys of a Secret (`data` and `stringData`), in order; empty for other kinds.
    pub fn secret_keys(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for field in ["data", "stringData"] {
            if let Some(Node::Map(m)) = self.body.get(field) {
                out.extend(m.iter().map(|e| e.key.as_str()));
            }
        }
        out
    }

    /// `Kind/name`, as kubectl says it.
    pub fn id(&self) -> String {
        format!("{}/{}", self.kind, self.name)
    }
}

/// Why a stream could not be read. Lines are 1-based, in the whole stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamError {
    /// What went wrong, in words (never the text of the stream).
    pub message: String,
    /// Where, when known.
    pub line: Option<usize>,
    /// Where, when known.
    pub column: Option<usize>,
}

impl std::fmt::Display for StreamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "line {l}, column {c}: {}", self.message),
            (Some(l), None) => write!(f, "line {l}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for StreamError {}

/// One document's text and the line it starts at.
struct Doc {
    text: String,
    line: usize,
}

/// Splits a stream at its `---` document markers (and `...` ends). A marker is a line
/// that starts with `---` followed by nothing or a space, as YAML defines it; what
/// follows it on the line belongs to the new document.
fn documents(text: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut cur = String::new();
    let mut start = 1;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let bare = line.trim_end_matches(['\n', '\r']);
        let marker = bare == "---" || bare.starts_with("--- ") || bare.starts_with("---\t");
        if marker || bare == "..." {
            docs.push(Doc { text: std::mem::take(&mut cur), line: start });
            start = i + 1;
            if marker {
                // The rest of the marker line stays on its line of the new document.
                cur.push_str(&bare[3..]);
                cur.push('\n');
            } else {
                start = i + 2;
            }
            continue;
        }
        if cur.is_empty() && bare.starts_with('%') {
            // A directive (%YAML 1.2): it says nothing a Kubernetes object needs.
            cur.push('\n');
            continue;
        }
        cur.push_str(line);
    }
    docs.push(Doc { text: cur, line: start });
    docs
}

/// The `# Source: …` comment of a document, as Helm writes it.
fn source_of(text: &str) -> Option<String> {
    text.lines().find_map(|l| l.trim().strip_prefix("# Source:").map(|s| s.trim().to_string()))
}

fn text_at<'a>(node: &'a Node, path: &[&str]) -> Option<&'a str> {
    node.get_path(path.iter().copied()).and_then(Node::as_str)
}

/// A Secret with its values dropped: what the contract may read of it.
fn secret_shape(body: &Node) -> Node {
    let mut meta = Vec::new();
    for k in ["name", "namespace"] {
        if let Some(v) = body.get_path(["metadata", k]) {
            meta.push(Entry { key: k.into(), value: v.clone(), comment: None });
        }
    }
    let mut out = vec![Entry { key: "kind".into(), value: Node::str("Secret"), comment: None }];
    out.push(Entry { key: "metadata".into(), value: Node::Map(meta), comment: None });
    if let Some(t) = body.get("type") {
        if t.as_str().is_some() {
            out.push(Entry { key: "type".into(), value: t.clone(), comment: None });
        }
    }
    for field in ["data", "stringData"] {
        if let Some(Node::Map(m)) = body.get(field) {
            let keys = m.iter().map(|e| Entry { key: e.key.clone(), value: Node::Null, comment: None }).collect();
            out.push(Entry { key: field.into(), value: Node::Map(keys), comment: None });
        }
    }
    Node::Map(out)
}

fn object(body: Node, source: Option<String>, line: usize) -> Result<Object, StreamError> {
    let Some(kind) = text_at(&body, &["kind"]).map(str::to_string) else {
        return Err(StreamError {
            message: "this document is not a Kubernetes object: it has no kind".into(),
            line: Some(line),
            column: None,
        });
    };
    let name = text_at(&body, &["metadata", "name"]).unwrap_or("").to_string();
    let body = if kind == "Secret" { secret_shape(&body) } else { body };
    Ok(Object { kind, name, source, line, body })
}

/// Reads every object of a stream, in order; a `List`'s items take its place. Empty
/// documents (comments only) are skipped.
pub fn read_stream(text: &str) -> Result<Vec<Object>, StreamError> {
    if text.len() > MAX_STREAM_BYTES {
        return Err(StreamError {
            message: format!("the stream is {} KB; the limit is {} KB", text.len() / 1024, MAX_STREAM_BYTES / 1024),
            line: None,
            column: None,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let limits = Limits { max_bytes: MAX_STREAM_BYTES, ..Limits::default() };
    let mut out = Vec::new();
    for doc in documents(text) {
        if doc.text.trim().is_empty() {
            continue;
        }
        let root = read_yaml(&doc.text, limits).map_err(|e| StreamError {
            message: e.message,
            line: e.line.map(|l| l + doc.line - 1),
            column: e.column,
        })?;
        let source = source_of(&doc.text);
        match root {
            Node::Null => {}
            Node::Map(_) => {
                let is_list = text_at(&root, &["kind"]).is_some_and(|k| k == "List" || k.ends_with("List"))
                    && root.get("items").is_some();
                if is_list {
                    match root.get("items") {
                        Some(Node::Seq(items)) => {
                            for item in items {
                                if matches!(item, Node::Map(_)) {
                                    out.push(object(item.clone(), source.clone(), doc.line)?);
                                }
                            }
                        }
                        Some(Node::Null) => {}
                        _ => {
                            return Err(StreamError {
                                message: "this List's items are not a list".into(),
                                line: Some(doc.line),
                                column: None,
                            })
                        }
                    }
                } else {
                    out.push(object(root, source, doc.line)?);
                }
            }
            _ => {
                return Err(StreamError {
                    message: "this document is not a Kubernetes object (a mapping with a kind)".into(),
                    line: Some(doc.line),
                    column: None,
                })
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_helm_output_with_sources_empty_documents_lists_and_unknown_kinds() {
        let s = "---\n# Source: ixn/templates/a.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n# Source: ixn/templates/empty.yaml\n---\n\n---\napiVersion: v1\nkind: List\nitems:\n- kind: Service\n  metadata: {name: s}\n- kind: Widget\n  metadata: {name: w}\n...\n--- {kind: Thing, metadata: {name: t}}\n";
        let objs = read_stream(s).unwrap();
        let ids: Vec<String> = objs.iter().map(Object::id).collect();
        assert_eq!(ids, ["ConfigMap/a", "Service/s", "Widget/w", "Thing/t"]);
        assert_eq!(objs[0].source.as_deref(), Some("ixn/templates/a.yaml"));
        assert_eq!(objs[0].line, 1);
        assert_eq!(objs[1].line, 11);
    }

    #[test]
    fn a_secret_keeps_its_key_names_and_nothing_of_its_values() {
        let s = "kind: Secret\nmetadata:\n  name: db\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: '{\"data\":{\"password\":\"czNjcjN0\"}}'\ntype: Opaque\ndata:\n  password: czNjcjN0\nstringData:\n  username: s3cr3t-user\n";
        let o = &read_stream(s).unwrap()[0];
        assert_eq!(o.secret_keys(), ["password", "username"]);
        let shown = format!("{o:?}");
        assert!(!shown.contains("czNjcjN0") && !shown.contains("s3cr3t"), "{shown}");
    }

    #[test]
    fn errors_say_the_line_in_the_stream() {
        let e = read_stream("kind: A\nmetadata: {name: a}\n---\nkind: B\n  x: : y\n").unwrap_err();
        assert_eq!(e.line, Some(5), "{e}");
        let e = read_stream("---\n- a\n").unwrap_err();
        assert!(e.message.contains("not a Kubernetes object"), "{e}");
        let e = read_stream("---\nmetadata: {name: a}\n").unwrap_err();
        assert!(e.message.contains("no kind"), "{e}");
    }
}
