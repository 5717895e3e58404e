//! YAML trees to and from JSON values, so that a profile reads the same in either.

use crate::yaml::{Entry, Node};
use serde_json::Value as Json;

/// The tree as JSON (mapping order kept as serde_json keeps it).
pub fn to_json(node: &Node) -> Json {
    match node {
        Node::Null => Json::Null,
        Node::Bool(b) => Json::Bool(*b),
        Node::Int(i) => Json::from(*i),
        Node::Float(f) => json_number(f).map(Json::Number).unwrap_or_else(|| Json::String(f.clone())),
        Node::Str(s) | Node::Block(s) | Node::Placeholder(s) => Json::String(s.clone()),
        Node::Seq(items) => Json::Array(items.iter().map(to_json).collect()),
        Node::Map(entries) => {
            // Inserted one by one: collecting into the map would pull in a sort.
            let mut map = serde_json::Map::new();
            for e in entries {
                map.insert(e.key.clone(), to_json(&e.value));
            }
            Json::Object(map)
        }
    }
}

/// A YAML float as a JSON number. YAML spellings JSON lacks are mended first (`_`
/// separators, a leading `+`, `.5`, `5.`, leading zeros) so that serde_json's own
/// number parser reads it: core's float parser and its tables stay out of the wasm.
/// `.inf`, `.nan` and base 60 have no JSON number; they stay strings.
fn json_number(yaml: &str) -> Option<serde_json::Number> {
    let clean = yaml.replace('_', "");
    let (sign, body) = match clean.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", clean.strip_prefix('+').unwrap_or(&clean)),
    };
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => body.split_at(i),
        None => (body, ""),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = if mantissa.contains('.') && frac.is_empty() { "0" } else { frac };
    let dot = if frac.is_empty() { "" } else { "." };
    format!("{sign}{int}{dot}{frac}{exponent}").parse().ok()
}

/// JSON as the YAML reader reads its text: strings quoted (never blocks), numbers as
/// plain scalars by YAML 1.1 rules. A profile's values go to the importer so, without
/// being written out and read again.
pub(crate) fn as_read(json: &Json) -> Node {
    match json {
        Json::Null => Node::Null,
        Json::Bool(b) => Node::Bool(*b),
        Json::Number(n) => crate::yaml::resolve_plain(n.to_string()),
        Json::String(s) => Node::Str(s.clone()),
        Json::Array(items) => Node::Seq(items.iter().map(as_read).collect()),
        Json::Object(m) => {
            Node::Map(m.iter().map(|(k, v)| Entry { key: k.clone(), value: as_read(v), comment: None }).collect())
        }
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
        Json::Object(m) => {
            Node::Map(m.iter().map(|(k, v)| Entry { key: k.clone(), value: from_json(v), comment: None }).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_floats_become_json_numbers() {
        for (yaml, json) in [
            ("1.10", "1.1"),
            ("-.5", "-0.5"),
            ("+5.", "5.0"),
            ("1_000.25", "1000.25"),
            ("00.5", "0.5"),
            ("6.8523015e+5", "685230.15"),
            ("1.e5", "100000.0"),
        ] {
            assert_eq!(to_json(&Node::Float(yaml.into())).to_string(), json, "{yaml}");
        }
        for yaml in [".inf", "-.Inf", ".nan", "190:20:30.15"] {
            assert_eq!(to_json(&Node::Float(yaml.into())), Json::String(yaml.into()), "{yaml}");
        }
    }

    #[test]
    fn json_reads_as_its_text_does() {
        use crate::yaml::{read_yaml, Limits};
        let json: Json = serde_json::from_str(
            r#"{"a": [1, -2, 1.5, 1e300, 12345678901234567890, true, null, "x\ny", "yes", "<<", ""], "b": {"c": {}}, "<<": 0}"#,
        )
        .unwrap();
        let text = serde_json::to_string(&json).unwrap();
        assert_eq!(as_read(&json), read_yaml(&text, Limits::default()).unwrap());
    }

    #[test]
    fn json_numbers_come_back_as_numbers() {
        let back = from_json(&serde_json::from_str("[1.5, 7, 1e300]").unwrap());
        assert_eq!(back, Node::Seq(vec![Node::Float("1.5".into()), Node::Int(7), Node::Float("1e+300".into())]));
    }
}
