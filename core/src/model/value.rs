//! One key's typed value, and its YAML form by registry kind.

use super::input::{Count, Input, ScalarParse, Term};
use super::port::Port;
use super::quantity::Quantity;
use super::value_error::ValueError;
use crate::registry::Kind;
use crate::yaml::{read_yaml, to_yaml, EmitOptions, Entry, Limits, Node};
use serde::{Deserialize, Serialize};

/// An ordered string-to-string map, as edited row by row (rows may be incomplete).
pub type StringMap = Vec<(String, String)>;

/// One Redis node IXN Node connects to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RedisNode {
    /// Host name or address.
    pub host: String,
    /// Port, or a placeholder such as `${REDIS_PORT}`.
    pub port: Input<Port>,
    /// `is_redis_cluster`; `None` leaves it unset. Written as the string "true"/"false",
    /// as the guide does.
    pub cluster: Option<bool>,
}

impl Default for RedisNode {
    fn default() -> Self {
        RedisNode { host: String::new(), port: Input::new("6379"), cluster: Some(true) }
    }
}

/// Where IXN Node finds Consul.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConsulHost {
    /// The node's IP (`valueFrom.fieldRef.fieldPath: status.hostIP`), for a Consul
    /// agent DaemonSet on every node.
    NodeIp,
    /// A fixed host name or address.
    Literal(String),
}

/// TLS from IXN Node to PostgreSQL (`db.options.ssl`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DbTls {
    /// Empty `ssl:`: no TLS.
    Off,
    /// `ssl: {}`: TLS with Node.js defaults.
    On,
    /// Node.js `tls.connect` options, as YAML text.
    Custom(Input<YamlMap>),
}

/// One volume mounted into a container: `name: {readOnly, mountPath}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolumeMount {
    /// The pod volume's name.
    pub name: String,
    /// Where it appears in the container.
    pub mount_path: String,
    /// Mounted read-only.
    pub read_only: bool,
}

/// A YAML mapping typed as text (security context, a volume definition).
#[derive(Debug, Clone, PartialEq)]
pub struct YamlMap(pub Node);

impl ScalarParse for YamlMap {
    fn parse_text(s: &str) -> Result<Self, String> {
        match read_yaml(s, Limits::default()) {
            Ok(Node::Map(m)) => Ok(YamlMap(Node::Map(m))),
            Ok(Node::Null) => Ok(YamlMap(Node::map())),
            Ok(_) => Err("this must be a YAML mapping (key: value lines), or {}".to_string()),
            Err(e) => Err(format!("not valid YAML: {e}")),
        }
    }
}

/// A typed value of one registry key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
pub enum Value {
    /// An explicit `null`, to unset a chart default (the OpenShift overlay does this).
    Null,
    /// A boolean.
    Bool(bool),
    /// A string.
    Str(String),
    /// A Go template, written as a block scalar.
    Template(String),
    /// A port.
    Port(Input<Port>),
    /// A whole number.
    Int(Input<Count>),
    /// A Kubernetes quantity.
    Quantity(Input<Quantity>),
    /// A string map.
    Map(StringMap),
    /// Pull secret names.
    PullSecrets(Vec<String>),
    /// The Redis node list.
    Redis(Vec<RedisNode>),
    /// Consul host.
    ConsulHost(ConsulHost),
    /// PostgreSQL TLS for IXN Node.
    DbTls(DbTls),
    /// jvmOptions.
    Jvm(StringMap),
    /// volumeMounts.
    Mounts(Vec<VolumeMount>),
    /// A free YAML mapping.
    Object(Input<YamlMap>),
}

fn scalar_text(node: &Node) -> Option<String> {
    Some(match node {
        Node::Str(s) | Node::Block(s) | Node::Placeholder(s) | Node::Float(s) => s.clone(),
        Node::Int(i) => i.to_string(),
        Node::Bool(b) => b.to_string(),
        _ => return None,
    })
}

fn expect_map<'a>(node: &'a Node, what: &'static str) -> Result<&'a [Entry], ValueError> {
    match node {
        Node::Map(m) => Ok(m),
        _ => Err(ValueError::Expected(what)),
    }
}

fn typed_node<T>(input: &Input<T>, lit: impl Fn(&T) -> Node) -> Node {
    match input.term() {
        Ok(Term::Lit(v)) => lit(v),
        // The values file gets the placeholder without the spaces typed around it, as
        // a port gets its number: a quoted "\t$A" would reach Helm as text, not the
        // port envsubst fills in. The text as typed is not lost: a profile or link
        // keeps it exactly under `typed` when the tree gives back something else
        // (profile::rows_lost, profile::typed_fields), and the form keeps `raw`.
        Ok(Term::Var(v)) => Node::Placeholder(v.clone()),
        // Invalid text is still written, visibly, so previews never lose it.
        Err(_) => Node::Str(input.raw().to_string()),
    }
}

fn int_node<T: Copy + Into<i64>>(input: &Input<T>) -> Node {
    typed_node(input, |v| Node::Int((*v).into()))
}

impl Value {
    /// Reads a value of `kind` from YAML, as the importer and the registry defaults do.
    pub fn from_node(kind: Kind, node: &Node) -> Result<Value, ValueError> {
        if *node == Node::Null && !matches!(kind, Kind::DbTls) {
            return Ok(Value::Null);
        }
        let text = || scalar_text(node).ok_or(ValueError::NotScalar);
        Ok(match kind {
            Kind::Bool => match node {
                Node::Bool(b) => Value::Bool(*b),
                Node::Str(s) if s == "true" || s == "false" => Value::Bool(s == "true"),
                _ => return Err(ValueError::NotBool),
            },
            Kind::Str => Value::Str(text()?),
            Kind::Template => Value::Template(text()?),
            Kind::Port => Value::Port(Input::new(text()?)),
            Kind::Int => Value::Int(Input::new(text()?)),
            Kind::Quantity => Value::Quantity(Input::new(text()?)),
            Kind::Map | Kind::Jvm => {
                let mut out = Vec::new();
                for e in expect_map(node, "a mapping of names to values")? {
                    let v = match &e.value {
                        Node::Null => String::new(),
                        v => scalar_text(v).ok_or_else(|| ValueError::EntryNotScalar { key: e.key.clone() })?,
                    };
                    out.push((e.key.clone(), v));
                }
                if kind == Kind::Map {
                    Value::Map(out)
                } else {
                    Value::Jvm(out)
                }
            }
            Kind::PullSecrets => {
                let Node::Seq(items) = node else { return Err(ValueError::Expected("a list of {name: …}")) };
                let mut names = Vec::new();
                for item in items {
                    match item.get("name").and_then(scalar_text) {
                        Some(n) => names.push(n),
                        None => return Err(ValueError::PullSecretWithoutName),
                    }
                }
                Value::PullSecrets(names)
            }
            Kind::RedisNodes => {
                let Node::Seq(items) = node else { return Err(ValueError::Expected("a list of Redis nodes")) };
                let mut nodes = Vec::new();
                for item in items {
                    expect_map(item, "a Redis node {host, port, is_redis_cluster}")?;
                    let host = item.get("host").and_then(scalar_text).unwrap_or_default();
                    let port = item.get("port").and_then(scalar_text).unwrap_or_default();
                    let cluster = match item.get("is_redis_cluster") {
                        None | Some(Node::Null) => None,
                        Some(Node::Bool(b)) => Some(*b),
                        Some(Node::Str(s)) if s == "true" || s == "false" => Some(s == "true"),
                        Some(_) => return Err(ValueError::RedisClusterNotBool),
                    };
                    nodes.push(RedisNode { host, port: Input::new(port), cluster });
                }
                Value::Redis(nodes)
            }
            Kind::ConsulHost => match node {
                Node::Map(_) => {
                    if let Some(v) = node.get("value").and_then(scalar_text) {
                        Value::ConsulHost(ConsulHost::Literal(v))
                    } else if node.get("valueFrom.fieldRef.fieldPath").and_then(Node::as_str) == Some("status.hostIP") {
                        Value::ConsulHost(ConsulHost::NodeIp)
                    } else {
                        return Err(ValueError::ConsulHostUnsupported);
                    }
                }
                other => Value::ConsulHost(ConsulHost::Literal(scalar_text(other).unwrap_or_default())),
            },
            Kind::DbTls => match node {
                Node::Null => Value::DbTls(DbTls::Off),
                Node::Map(m) if m.is_empty() => Value::DbTls(DbTls::On),
                Node::Map(_) => Value::DbTls(DbTls::Custom(Input::new(
                    to_yaml(node, EmitOptions::default()).trim_end().to_string(),
                ))),
                // Options typed as text that is not (yet) a mapping: a profile keeps them
                // so, and they come back to the field as typed, with their finding.
                Node::Str(s) | Node::Block(s) => Value::DbTls(DbTls::Custom(Input::new(s.clone()))),
                _ => return Err(ValueError::DbTlsUnsupported),
            },
            Kind::Mounts => {
                let mut mounts = Vec::new();
                for e in expect_map(node, "a mapping of volume names to {readOnly, mountPath}")? {
                    expect_map(&e.value, "{readOnly, mountPath}")?;
                    mounts.push(VolumeMount {
                        name: e.key.clone(),
                        mount_path: e.value.get("mountPath").and_then(scalar_text).unwrap_or_default(),
                        read_only: matches!(e.value.get("readOnly"), Some(Node::Bool(true))),
                    });
                }
                Value::Mounts(mounts)
            }
            // Text that is not (yet) a mapping, as a profile keeps it: back to the field
            // as typed, with its finding.
            Kind::Object if matches!(node, Node::Str(_) | Node::Block(_)) => {
                Value::Object(Input::new(scalar_text(node).unwrap_or_default()))
            }
            Kind::Object => {
                expect_map(node, "a mapping")?;
                let text = if matches!(node, Node::Map(m) if m.is_empty()) {
                    "{}".to_string()
                } else {
                    to_yaml(node, EmitOptions::default()).trim_end().to_string()
                };
                Value::Object(Input::new(text))
            }
        })
    }

    /// Parses registry YAML text (a default or a sample) as a value of `kind`.
    pub fn from_yaml_text(kind: Kind, text: &str) -> Result<Value, ValueError> {
        if kind == Kind::Template {
            return Ok(if text == "~" { Value::Null } else { Value::Template(text.to_string()) });
        }
        let node = read_yaml(text, Limits::default()).map_err(ValueError::Yaml)?;
        Value::from_node(kind, &node)
    }

    /// The value as YAML.
    pub fn to_node(&self) -> Node {
        match self {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(*b),
            Value::Str(s) => Node::Str(s.clone()),
            Value::Template(s) => Node::Block(s.clone()),
            Value::Port(p) => typed_node(p, |p| Node::Int(p.get().into())),
            Value::Int(i) => int_node(i),
            Value::Quantity(q) => typed_node(q, |q| Node::Str(q.as_str().to_string())),
            Value::Map(m) | Value::Jvm(m) => Node::Map(
                m.iter().map(|(k, v)| Entry { key: k.clone(), value: Node::Str(v.clone()), comment: None }).collect(),
            ),
            Value::PullSecrets(names) => Node::Seq(
                names
                    .iter()
                    .map(|n| Node::Map(vec![Entry { key: "name".into(), value: Node::str(n), comment: None }]))
                    .collect(),
            ),
            Value::Redis(nodes) => Node::Seq(
                nodes
                    .iter()
                    .map(|r| {
                        let mut m = vec![
                            Entry { key: "host".into(), value: Node::str(&r.host), comment: None },
                            Entry {
                                key: "port".into(),
                                value: typed_node(&r.port, |p| Node::Int(p.get().into())),
                                comment: None,
                            },
                        ];
                        if let Some(c) = r.cluster {
                            m.push(Entry {
                                key: "is_redis_cluster".into(),
                                value: Node::str(c.to_string()),
                                comment: None,
                            });
                        }
                        Node::Map(m)
                    })
                    .collect(),
            ),
            Value::ConsulHost(ConsulHost::Literal(h)) => Node::Str(h.clone()),
            Value::ConsulHost(ConsulHost::NodeIp) => {
                let mut n = Node::map();
                n.insert(&["valueFrom", "fieldRef", "fieldPath"], Node::str("status.hostIP"), None);
                n
            }
            Value::DbTls(DbTls::Off) => Node::Null,
            Value::DbTls(DbTls::On) => Node::map(),
            Value::DbTls(DbTls::Custom(input)) | Value::Object(input) => match input.term() {
                Ok(Term::Lit(YamlMap(n))) => n.clone(),
                _ => Node::Str(input.raw().to_string()),
            },
            Value::Mounts(mounts) => Node::Map(
                mounts
                    .iter()
                    .map(|m| {
                        let mut v = Node::map();
                        v.insert(&["readOnly"], Node::Bool(m.read_only), None);
                        v.insert(&["mountPath"], Node::str(&m.mount_path), None);
                        Entry { key: m.name.clone(), value: v, comment: None }
                    })
                    .collect(),
            ),
        }
    }

    /// The boolean this value is, if it is one.
    pub fn bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The text a single-line field shows for this value (`None` for structured values).
    pub fn text(&self) -> Option<&str> {
        match self {
            Value::Str(s) | Value::Template(s) => Some(s),
            Value::Port(i) => Some(i.raw()),
            Value::Int(i) => Some(i.raw()),
            Value::Quantity(i) => Some(i.raw()),
            Value::Object(i) => Some(i.raw()),
            _ => None,
        }
    }

    /// Whether a `REQUIRED` key with this value lacks one: nil, blank text, a blank
    /// fixed Consul host. Validation reports it and the values file marks it, from
    /// this one rule.
    pub fn is_missing(&self) -> bool {
        match self {
            Value::Null => true,
            Value::Str(s) => s.trim().is_empty(),
            Value::ConsulHost(ConsulHost::Literal(h)) => h.trim().is_empty(),
            _ => false,
        }
    }

    /// Whether the value fits the registry kind.
    pub fn fits(&self, kind: Kind) -> bool {
        matches!(
            (self, kind),
            (Value::Null, _)
                | (Value::Bool(_), Kind::Bool)
                | (Value::Str(_), Kind::Str)
                | (Value::Template(_), Kind::Template)
                | (Value::Port(_), Kind::Port)
                | (Value::Int(_), Kind::Int)
                | (Value::Quantity(_), Kind::Quantity)
                | (Value::Map(_), Kind::Map)
                | (Value::PullSecrets(_), Kind::PullSecrets)
                | (Value::Redis(_), Kind::RedisNodes)
                | (Value::ConsulHost(_), Kind::ConsulHost)
                | (Value::DbTls(_), Kind::DbTls)
                | (Value::Jvm(_), Kind::Jvm)
                | (Value::Mounts(_), Kind::Mounts)
                | (Value::Object(_), Kind::Object)
        )
    }

    /// A value of `kind` from the text of a single-line field; `None` for kinds that
    /// have their own widget.
    pub fn from_text(kind: Kind, text: &str) -> Option<Value> {
        Some(match kind {
            Kind::Str => Value::Str(text.to_string()),
            Kind::Template => Value::Template(text.to_string()),
            Kind::Port => Value::Port(Input::new(text)),
            Kind::Int => Value::Int(Input::new(text)),
            Kind::Quantity => Value::Quantity(Input::new(text)),
            Kind::Object => Value::Object(Input::new(text)),
            _ => return None,
        })
    }
}
