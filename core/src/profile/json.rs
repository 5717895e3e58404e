//! YAML trees to and from JSON values, so that a profile reads the same in either.

use crate::yaml::{Entry, Node};
use serde_json::Value as Json;

/// The tree as JSON (mapping order kept as serde_json keeps it).
pub fn to_json(node: &Node) -> Json {
    match node {
        Node::Null => Json::Null,
        Node::Bool(b) => Json::Bool(*b),
        Node::Int(i) => Json::from(*i),
        Node::Float(f) => f
            .replace('_', "")
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Json::Number)
            .unwrap_or_else(|| Json::String(f.clone())),
        Node::Str(s) | Node::Block(s) | Node::Placeholder(s) => Json::String(s.clone()),
        Node::Seq(items) => Json::Array(items.iter().map(to_json).collect()),
        Node::Map(entries) => Json::Object(entries.iter().map(|e| (e.key.clone(), to_json(&e.value))).collect()),
    }
}

/// JSON as a tree. Multi-line strings become literal blocks.
pub fn from_json(json: &Json) -> Node {
    match json {
        Json::Null => Node::Null,
        Json::Bool(b) => Node::Bool(*b),
        Json::Number(n) => n.as_i64().map(Node::Int).unwrap_or_else(|| Node::Float(n.to_string())),
        Json::String(s) if s.contains('\n') => Node::Block(s.clone()),
        Json::String(s) => Node::Str(s.clone()),
        Json::Array(items) => Node::Seq(items.iter().map(from_json).collect()),
        Json::Object(m) => Node::Map(m.iter().map(|(k, v)| Entry { key: k.clone(), value: from_json(v), comment: None }).collect()),
    }
}
