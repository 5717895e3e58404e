//! Reading YAML as Helm does: YAML 1.1 scalars, explicit `null`s kept, and limits that
//! refuse hostile input (alias bombs, huge or deeply nested files) quickly.

use super::node::{Entry, Node};
use super::read_error::ReadError;
use super::resolve::{resolve_yaml11, Resolved};
use super::web_space::web_space;
use std::collections::HashMap;
use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::TScalarStyle;

/// Bounds on what [`read_yaml`] accepts.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest input, in bytes.
    pub max_bytes: usize,
    /// Deepest nesting of mappings and sequences.
    pub max_depth: usize,
    /// Most nodes that aliases may add (an alias bomb's are many more). The nodes
    /// written out in the text are bounded by `max_bytes` instead.
    pub max_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_bytes: 2 * 1024 * 1024, max_depth: 64, max_nodes: 200_000 }
    }
}

fn err(message: impl Into<String>) -> ReadError {
    ReadError { message: message.into(), line: None, column: None }
}

enum Frame {
    Seq(Vec<Node>, usize),
    /// Entries, the pending key (and whether it is a plain `<<` merge key), the
    /// anchor, and the mappings merged in.
    Map(Entries, Option<(String, bool)>, usize, Vec<Node>),
}

/// A mapping's entries as they are read, with an index by key once there are many:
/// finding a repeated key by scanning would make a wide mapping quadratic.
#[derive(Default)]
struct Entries {
    list: Vec<Entry>,
    index: HashMap<String, usize>,
}

/// Below this many entries a scan is faster than hashing.
const SCAN: usize = 16;

impl Entries {
    fn position(&self, key: &str) -> Option<usize> {
        if self.list.len() <= SCAN {
            self.list.iter().position(|e| e.key == key)
        } else {
            self.index.get(key).copied()
        }
    }

    /// Sets `key`; a repeated key's later value wins, in the first one's place.
    fn set(&mut self, key: String, value: Node) {
        if let Some(i) = self.position(&key) {
            self.list[i].value = value;
            return;
        }
        if self.list.len() == SCAN {
            self.index = self.list.iter().enumerate().map(|(i, e)| (e.key.clone(), i)).collect();
        }
        if self.list.len() >= SCAN {
            self.index.insert(key.clone(), self.list.len());
        }
        self.list.push(Entry { key, value, comment: None });
    }
}

/// Reads the first document of `text` into a tree, resolving plain scalars by YAML 1.1
/// rules. An empty document is `Null`.
pub fn read_yaml(text: &str, limits: Limits) -> Result<Node, ReadError> {
    if text.len() > limits.max_bytes {
        return Err(err(format!("the file is {} KB; the limit is {} KB", text.len() / 1024, limits.max_bytes / 1024)));
    }
    // A byte order mark may open a YAML stream (Windows editors write one); the parser
    // would take it for the first key's first character.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(e) = web_space(text) {
        return Err(e);
    }
    let mut parser = Parser::new_from_str(text).keep_tags(true);
    let mut stack: Vec<Frame> = Vec::new();
    // Each anchored node, with its size in nodes.
    let mut anchors: HashMap<usize, (Node, usize)> = HashMap::new();
    // Nodes added by aliases: what an alias bomb multiplies. Nodes written out in the
    // text are not counted here, so that a big file is never taken for a bomb.
    let mut expanded = 0usize;
    let mut root: Option<Node> = None;
    let mut merge_key = false;
    loop {
        let (event, mark) = parser.next_token().map_err(|e| ReadError {
            message: if e.info().contains("recursion limit") {
                "nesting too deep (the parser stops at 256 levels)".to_string()
            } else {
                e.info().to_string()
            },
            line: Some(e.marker().line()),
            column: Some(e.marker().col() + 1),
        })?;
        if !matches!(event, Event::Scalar(..)) {
            merge_key = false;
        }
        let at = |m: String| ReadError { message: m, line: Some(mark.line()), column: Some(mark.col() + 1) };
        let finished: Option<(Node, usize)> = match event {
            Event::StreamEnd | Event::DocumentEnd if root.is_some() || stack.is_empty() => break,
            Event::Scalar(value, style, anchor, tag) => {
                merge_key = style == TScalarStyle::Plain && tag.is_none() && value == "<<";
                let node = scalar_node(value, style, tag.as_ref()).map_err(at)?;
                // Helm turns values into JSON, which holds no infinity and no NaN: such a
                // value fails the whole file there. A key stays text, and Helm reads it.
                let is_key = matches!(stack.last(), Some(Frame::Map(_, None, _, _)));
                if let (Node::Float(text), false) = (&node, is_key) {
                    if let Some(what) = non_finite(text) {
                        return Err(at(format!(
                            "{text} is {what} in YAML 1.1, and Helm cannot read it (values go through JSON, which has no {what}): Helm refuses the whole file; quote it (\"{text}\") if it is text"
                        )));
                    }
                }
                Some((node, anchor))
            }
            Event::Alias(id) => {
                let (node, size) = anchors.get(&id).ok_or_else(|| at("unknown alias".into()))?;
                expanded += size;
                if expanded > limits.max_nodes {
                    return Err(at(format!(
                        "aliases here expand to more than {} values (an alias bomb?); a file without aliases may be as large as {} KB",
                        limits.max_nodes,
                        limits.max_bytes / 1024
                    )));
                }
                Some((node.clone(), 0))
            }
            Event::SequenceStart(anchor, _) => {
                if stack.len() >= limits.max_depth {
                    return Err(at(format!("nesting deeper than {} levels", limits.max_depth)));
                }
                stack.push(Frame::Seq(Vec::new(), anchor));
                None
            }
            Event::MappingStart(anchor, _) => {
                if stack.len() >= limits.max_depth {
                    return Err(at(format!("nesting deeper than {} levels", limits.max_depth)));
                }
                stack.push(Frame::Map(Entries::default(), None, anchor, Vec::new()));
                None
            }
            Event::SequenceEnd => match stack.pop() {
                Some(Frame::Seq(items, anchor)) => Some((Node::Seq(items), anchor)),
                _ => return Err(at("unbalanced sequence".into())),
            },
            Event::MappingEnd => match stack.pop() {
                Some(Frame::Map(entries, _, anchor, merges)) => Some((merge_keys(entries, merges), anchor)),
                _ => return Err(at("unbalanced mapping".into())),
            },
            _ => None,
        };
        let Some((node, anchor)) = finished else { continue };
        if anchor != 0 {
            anchors.insert(anchor, (node.clone(), count(&node)));
        }
        match stack.last_mut() {
            None => root = Some(node),
            Some(Frame::Seq(items, _)) => items.push(node),
            Some(Frame::Map(entries, pending, _, merges)) => match pending.take() {
                None => *pending = Some((key_text(&node).map_err(at)?, merge_key)),
                Some((_, true)) => merges.push(node),
                // A later duplicate wins, as in go-yaml v2's maps.
                Some((key, false)) => entries.set(key, node),
            },
        }
    }
    Ok(root.unwrap_or(Node::Null))
}

fn count(node: &Node) -> usize {
    match node {
        Node::Seq(items) => 1 + items.iter().map(count).sum::<usize>(),
        Node::Map(entries) => 1 + entries.iter().map(|e| count(&e.value)).sum::<usize>(),
        _ => 1,
    }
}

/// Applies `<<` merge keys: the merged mappings' keys come first, explicit keys win.
fn merge_keys(explicit: Entries, merges: Vec<Node>) -> Node {
    if merges.is_empty() {
        return Node::Map(explicit.list);
    }
    let mut out = Entries::default();
    for value in merges {
        let sources = match value {
            Node::Map(m) => vec![m],
            Node::Seq(items) => {
                items.into_iter().filter_map(|n| if let Node::Map(m) = n { Some(m) } else { None }).collect()
            }
            _ => vec![],
        };
        for m in sources {
            for me in m {
                if out.position(&me.key).is_none() {
                    out.set(me.key, me.value);
                }
            }
        }
    }
    for e in explicit.list {
        out.set(e.key, e.value);
    }
    Node::Map(out.list)
}

fn key_text(node: &Node) -> Result<String, String> {
    Ok(match node {
        Node::Str(s) | Node::Block(s) | Node::Placeholder(s) | Node::Float(s) => s.clone(),
        Node::Int(i) => i.to_string(),
        Node::Bool(b) => b.to_string(),
        Node::Null => "null".to_string(),
        Node::Seq(_) | Node::Map(_) => return Err("a mapping key must be a plain value".into()),
    })
}

fn scalar_node(value: String, style: TScalarStyle, tag: Option<&Tag>) -> Result<Node, String> {
    if let Some(tag) = tag {
        let suffix = tag.suffix.as_str();
        if tag.handle == "!!" || tag.handle == "tag:yaml.org,2002:" {
            return Ok(match suffix {
                "str" => Node::Str(value),
                "null" => Node::Null,
                "bool" | "int" | "float" => resolve_plain(value),
                "binary" | "timestamp" => Node::Str(value),
                other => return Err(format!("unsupported tag !!{other}")),
            });
        }
        // Local tags (`!foo`) mean nothing to Helm; keep the text.
        return Ok(Node::Str(value));
    }
    Ok(match style {
        TScalarStyle::Plain => resolve_plain(value),
        TScalarStyle::Literal => Node::Block(value),
        _ => Node::Str(value),
    })
}

/// What a YAML 1.1 float that JSON cannot hold is (`.inf`, `-.Inf`, `.nan`…), if it is one.
fn non_finite(text: &str) -> Option<&'static str> {
    let body = text.strip_prefix(['+', '-']).unwrap_or(text);
    if matches!(body, ".inf" | ".Inf" | ".INF") {
        Some("infinity")
    } else if matches!(text, ".nan" | ".NaN" | ".NAN") {
        Some("NaN")
    } else {
        None
    }
}

/// A plain scalar's node, by YAML 1.1 rules (`yes`, `0100`, `~`…).
pub(crate) fn resolve_plain(value: String) -> Node {
    match resolve_yaml11(&value) {
        Resolved::Null => Node::Null,
        Resolved::Bool(b) => Node::Bool(b),
        Resolved::Int(Some(i)) => Node::Int(i),
        Resolved::Int(None) | Resolved::Float | Resolved::Timestamp => Node::Float(value),
        Resolved::Merge | Resolved::ValueKey | Resolved::Str => Node::Str(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Node {
        read_yaml(s, Limits::default()).unwrap()
    }

    #[test]
    fn infinity_and_nan_values_are_refused_where_helm_refuses_the_file() {
        // Helm 3 and 4: "json: unsupported value: +Inf" for each of these; a key or a
        // quoted value is read.
        for (text, col) in [("a: .inf", 4), ("a: -.Inf", 4), ("a:\n  - .NaN", 5), ("a: !!float .INF", 12)] {
            let e = read_yaml(text, Limits::default()).unwrap_err();
            assert!(e.message.contains("Helm refuses the whole file"), "{text}: {}", e.message);
            assert_eq!((e.line.is_some(), e.column), (true, Some(col)), "{text}");
        }
        assert_eq!(read(".inf: 1"), read("\".inf\": 1"));
        assert_eq!(
            read("a: \".inf\""),
            Node::Map(vec![Entry { key: "a".into(), value: Node::Str(".inf".into()), comment: None }])
        );
        assert!(matches!(read("a: 1.0e+400"), Node::Map(_)));
    }

    #[test]
    fn yaml11_semantics() {
        let n = read("a: yes\nb: 'yes'\nc: 0100\nd: ~\ne: 12:30\nf: |-\n  x\n  y\ng: !!str on\n");
        assert_eq!(n.get("a"), Some(&Node::Bool(true)));
        assert_eq!(n.get("b"), Some(&Node::Str("yes".into())));
        assert_eq!(n.get("c"), Some(&Node::Int(64)));
        assert_eq!(n.get("d"), Some(&Node::Null));
        assert_eq!(n.get("e"), Some(&Node::Float("12:30".into())));
        assert_eq!(n.get("f"), Some(&Node::Block("x\ny".into())));
        assert_eq!(n.get("g"), Some(&Node::Str("on".into())));
    }

    #[test]
    fn errors_have_positions() {
        let e = read_yaml("a: b\n  c: d\n", Limits::default()).unwrap_err();
        assert_eq!(e.line, Some(2));
    }

    #[test]
    fn alias_bomb_refused() {
        let mut s = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let p = i - 1;
            s.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let e = read_yaml(&s, Limits::default()).unwrap_err();
        assert!(e.message.contains("alias"), "{e}");
    }

    #[test]
    fn deep_nesting_refused() {
        let s = "[".repeat(10_000);
        assert!(read_yaml(&s, Limits::default()).is_err());
    }

    #[test]
    fn merge_keys_apply() {
        let n = read("base: &b {p: 1, q: 2}\nm:\n  <<: *b\n  q: 3\n");
        assert_eq!(n.get("m.p"), Some(&Node::Int(1)));
        assert_eq!(n.get("m.q"), Some(&Node::Int(3)));
        // YAML 1.1: a plain `y` key is the boolean true, as Helm sees it.
        assert_eq!(read("y: 1\n").get("true"), Some(&Node::Int(1)));
    }
}
