//! "Other chart keys": the keys the user's chart has and the registry does not, each
//! with a type from its YAML value (for its widget and its validation) and the chart
//! file's comment as help.

use crate::model::{Baseline, Config, UnknownKey};
use crate::registry::{self, KEYS};
use crate::yaml::{read_yaml, Limits, Node, ReadError};
use serde::Serialize;

/// A chart key's type, from its default's YAML value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum YamlType {
    /// Text (also a nil default: anything may go there, and text is the safe reading).
    String,
    /// A number.
    Number,
    /// `true` / `false`.
    Bool,
    /// A list.
    List,
    /// A mapping.
    Map,
}

impl YamlType {
    /// The type of a chart default.
    pub fn of(node: &Node) -> YamlType {
        match node {
            Node::Bool(_) => YamlType::Bool,
            Node::Int(_) | Node::Float(_) => YamlType::Number,
            Node::Seq(_) => YamlType::List,
            Node::Map(_) => YamlType::Map,
            Node::Null | Node::Str(_) | Node::Block(_) | Node::Placeholder(_) => YamlType::String,
        }
    }

    /// The type in words.
    pub fn as_str(self) -> &'static str {
        match self {
            YamlType::String => "string",
            YamlType::Number => "number",
            YamlType::Bool => "bool",
            YamlType::List => "list",
            YamlType::Map => "map",
        }
    }

    /// Reads what the user typed in this type's widget. A string is taken as typed; a
    /// number must be one; a list or a map is YAML (flow `[a, b]` or block lines).
    pub fn parse(self, text: &str) -> Result<Node, TypedTextError> {
        match self {
            YamlType::String => Ok(Node::Str(text.to_string())),
            YamlType::Bool => match text.trim() {
                "true" => Ok(Node::Bool(true)),
                "false" => Ok(Node::Bool(false)),
                _ => Err(TypedTextError::NotBool),
            },
            YamlType::Number => match read_yaml(text.trim(), Limits::default()) {
                Ok(n @ (Node::Int(_) | Node::Float(_))) => {
                    if let Node::Float(f) = &n {
                        // `.inf` and `.nan` make Helm refuse the file; base 60 is a string to Helm 4.
                        let clean = f.replace('_', "");
                        if !crate::yaml::is_decimal_number(&clean) {
                            return Err(TypedTextError::NotPlainNumber(f.clone()));
                        }
                    }
                    Ok(n)
                }
                _ => Err(TypedTextError::NotNumber),
            },
            YamlType::List => match read_yaml(text, Limits::default()) {
                Ok(n @ Node::Seq(_)) => Ok(n),
                Ok(Node::Null) => Ok(Node::Seq(vec![])),
                Ok(_) => Err(TypedTextError::NotList),
                Err(e) => Err(TypedTextError::Yaml(e)),
            },
            YamlType::Map => match read_yaml(text, Limits::default()) {
                Ok(n @ Node::Map(_)) => Ok(n),
                Ok(Node::Null) => Ok(Node::map()),
                Ok(_) => Err(TypedTextError::NotMap),
                Err(e) => Err(TypedTextError::Yaml(e)),
            },
        }
    }
}

/// Why what the user typed in an other chart key's widget is not of the key's type.
/// Its text is the message under the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypedTextError {
    /// Neither `true` nor `false`.
    NotBool,
    /// Not a number at all.
    NotNumber,
    /// A YAML float Helm would not take as a plain number (`.inf`, `.nan`, base 60).
    NotPlainNumber(String),
    /// YAML, but not a list.
    NotList,
    /// YAML, but not a mapping.
    NotMap,
    /// Not YAML.
    Yaml(ReadError),
}

impl std::fmt::Display for TypedTextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TypedTextError::NotBool => f.write_str("must be true or false"),
            TypedTextError::NotNumber => f.write_str("must be a number"),
            TypedTextError::NotPlainNumber(n) => write!(f, "{n} is not a plain number"),
            TypedTextError::NotList => f.write_str("must be a YAML list ([a, b] or lines starting with -)"),
            TypedTextError::NotMap => f.write_str("must be a YAML mapping (key: value lines, or {})"),
            TypedTextError::Yaml(e) => write!(f, "not valid YAML: {e}"),
        }
    }
}

impl std::error::Error for TypedTextError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            TypedTextError::Yaml(e) => Some(e),
            _ => None,
        }
    }
}

/// One key of the chart the registry does not know.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartKey {
    /// Path segments from the root.
    pub path: Vec<String>,
    /// Its type, from the chart default.
    pub ty: YamlType,
    /// The chart default.
    pub default: Node,
    /// The chart file's comment above it, if any.
    pub help: Option<String>,
}

impl ChartKey {
    /// The path with dots.
    pub fn dotted(&self) -> String {
        self.path.join(".")
    }

    /// The value the configuration gives it: the user's (an unknown key), else the default.
    pub fn value<'a>(&'a self, cfg: &'a Config) -> &'a Node {
        cfg.unknown.iter().find(|u| u.path == self.path).map_or(&self.default, |u| &u.value)
    }

    /// Sets the user's value; the chart default itself unsets it (the minimal override
    /// then leaves it out).
    pub fn set(&self, cfg: &mut Config, value: Node) {
        cfg.unknown.retain(|u| u.path != self.path);
        if value != self.default {
            cfg.unknown.push(UnknownKey { path: self.path.clone(), value });
        }
    }
}

fn is_interior(dotted: &str) -> bool {
    let prefix = format!("{dotted}.");
    KEYS.iter().any(|k| k.path.starts_with(&prefix))
}

/// The chart's keys the registry does not know, in the file's order: a mapping the
/// registry has keys under is walked into; any other key is one entry, with its whole
/// value (a map of the chart's own is edited as one YAML map).
pub fn other_keys(baseline: &Baseline) -> Vec<ChartKey> {
    let mut out = Vec::new();
    walk(baseline, &baseline.tree, &mut Vec::new(), &mut out);
    out
}

fn walk(b: &Baseline, node: &Node, path: &mut Vec<String>, out: &mut Vec<ChartKey>) {
    let Node::Map(entries) = node else { return };
    for e in entries {
        path.push(e.key.clone());
        let dotted = path.join(".");
        if registry::key(&dotted).is_some() {
        } else if is_interior(&dotted) && matches!(e.value, Node::Map(_)) {
            walk(b, &e.value, path, out);
        } else {
            out.push(ChartKey {
                path: path.clone(),
                ty: YamlType::of(&e.value),
                default: e.value.clone(),
                help: b.help_at(path).map(str::to_string),
            });
        }
        path.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_and_help_come_from_the_file() {
        let b = Baseline::read(
            "ixnService:\n  # -- Extra env.\n  extraEnv: []\n  ixnServer:\n    ports:\n      default: 7120\n      admin: 7121\nfeature:\n  on: true\n",
        )
        .unwrap();
        let keys = other_keys(&b);
        let got: Vec<(String, YamlType)> = keys.iter().map(|k| (k.dotted(), k.ty)).collect();
        assert_eq!(
            got,
            vec![
                ("ixnService.extraEnv".into(), YamlType::List),
                ("ixnService.ixnServer.ports.admin".into(), YamlType::Number),
                ("feature".into(), YamlType::Map),
            ]
        );
        assert_eq!(keys[0].help.as_deref(), Some("Extra env."));
        assert!(YamlType::Number.parse(".inf").is_err());
        assert!(YamlType::Number.parse("x").is_err());
        assert_eq!(YamlType::Number.parse("0x1F"), Ok(Node::Int(31)));
        assert!(YamlType::Bool.parse("yes").is_err());
        assert!(YamlType::Map.parse("[1]").is_err());
        let mut cfg = Config::default();
        keys[1].set(&mut cfg, Node::Int(7200));
        assert_eq!(keys[1].value(&cfg), &Node::Int(7200));
        keys[1].set(&mut cfg, Node::Int(7121));
        assert!(cfg.unknown.is_empty(), "the default unsets it");
    }
}
