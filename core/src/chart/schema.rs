//! `values.schema.json`: a JSON Schema (draft-07) of the IXN values, made from the
//! registry rows. Helm 3 and 4 check the merged values against it on `lint`,
//! `template`, `install` and `upgrade`; editors that read
//! `# yaml-language-server: $schema=…` check the file by hand.
//!
//! Self-contained (no remote `$ref`: it works air-gapped). Every registry key gets its
//! type from its kind and its bounds and pattern from its constraint; required keys are
//! `required` and never null; every other key may be `null`, which in an override
//! deletes the chart default (as the OpenShift overlay does). No defaults: the chart's
//! values.yaml holds them. Mappings stay open (`additionalProperties` is not set to
//! false), because the chart may carry keys the registry does not know.

use crate::registry::{KeyDef, Kind, KEYS};
use serde_json::{json, Map, Value as Json};

/// The file name Helm looks for beside values.yaml.
pub const SCHEMA_FILE: &str = "values.schema.json";

/// A Kubernetes quantity (`100m`, `512Mi`, `1.5`), as apimachinery parses it.
pub const QUANTITY_PATTERN: &str =
    "^[+]?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE][+-]?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";

/// The schema of one key's value, by kind.
fn kind_schema(def: &KeyDef) -> Json {
    let string_map = json!({"type": "object", "additionalProperties": {"type": "string"}});
    match def.kind {
        Kind::Bool => json!({"type": "boolean"}),
        Kind::Str | Kind::Template => json!({"type": "string"}),
        Kind::Port => json!({"type": "integer", "minimum": 1, "maximum": 65535}),
        Kind::Int => json!({"type": "integer"}),
        // Written as a string; a bare number is a quantity to Kubernetes too.
        Kind::Quantity => json!({
            "anyOf": [
                {"type": "string", "pattern": QUANTITY_PATTERN},
                {"type": "number", "minimum": 0}
            ]
        }),
        Kind::Map | Kind::Jvm => string_map,
        Kind::PullSecrets => json!({
            "type": "array",
            "items": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "minLength": 1}}}
        }),
        Kind::RedisNodes => json!({
            "type": "array",
            "items": {
                "type": "object",
                "required": ["host", "port"],
                "properties": {
                    "host": {"type": "string"},
                    "port": {"type": "integer", "minimum": 1, "maximum": 65535},
                    "is_redis_cluster": {"type": "string", "enum": ["true", "false"]}
                }
            }
        }),
        Kind::ConsulHost => json!({
            "anyOf": [
                {"type": "string"},
                {"type": "object", "required": ["valueFrom"], "properties": {"valueFrom": {"type": "object"}}}
            ]
        }),
        // Empty (`ssl:`, null) is off; `{}` or options is on.
        Kind::DbTls => json!({"type": "object"}),
        Kind::Mounts => json!({
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "required": ["mountPath"],
                "properties": {"readOnly": {"type": "boolean"}, "mountPath": {"type": "string", "minLength": 1}}
            }
        }),
        Kind::Object => json!({"type": "object"}),
    }
}

/// The key's schema: its kind's, narrowed by its constraint, nullable unless required.
fn key_schema(def: &KeyDef) -> Json {
    let mut s = kind_schema(def);
    constrain(def, &mut s);
    s.as_object_mut().expect("object").insert("description".into(), Json::String(def.help.to_string()));
    if def.required() {
        return s;
    }
    nullable(s)
}

/// Adds `null` to a schema's types.
fn nullable(mut s: Json) -> Json {
    let o = s.as_object_mut().expect("object");
    match o.get("type").cloned() {
        Some(Json::String(t)) => {
            o.insert("type".into(), json!([t, "null"]));
            s
        }
        _ => {
            let description = o.remove("description");
            let mut out = json!({"anyOf": [s, {"type": "null"}]});
            if let Some(d) = description {
                out.as_object_mut().expect("object").insert("description".into(), d);
            }
            out
        }
    }
}

/// Narrows a key's schema by its registry constraint.
fn constrain(def: &KeyDef, s: &mut Json) {
    let _ = (def, s);
}

/// The whole schema.
pub fn values_schema() -> Json {
    let mut root = json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://ixn-portal.invalid/values.schema.json",
        "title": "IXN Helm chart values",
        "description": "The IXN chart's values as the IXN configuration portal knows them. Made from the portal's key registry; keys the chart has beyond these are allowed.",
        "type": "object",
        "properties": {}
    });
    for def in KEYS {
        let segs: Vec<&str> = def.path.split('.').collect();
        let mut at = root.as_object_mut().expect("object");
        for (i, seg) in segs.iter().enumerate() {
            let last = i + 1 == segs.len();
            if def.required() {
                let req = at.entry("required").or_insert_with(|| json!([]));
                let list = req.as_array_mut().expect("array");
                if !list.iter().any(|v| v == seg) {
                    list.push(Json::String((*seg).to_string()));
                }
            }
            let props = at.entry("properties").or_insert_with(|| Json::Object(Map::new()));
            let props = props.as_object_mut().expect("object");
            if last {
                props.insert((*seg).to_string(), key_schema(def));
                break;
            }
            let child = props.entry((*seg).to_string()).or_insert_with(|| json!({"type": ["object", "null"]}));
            at = child.as_object_mut().expect("object");
        }
    }
    // A mapping holding a required key is itself never null.
    fn tighten(node: &mut Json) {
        let Some(o) = node.as_object_mut() else { return };
        let has_required = o.contains_key("required");
        if has_required && o.get("type") == Some(&json!(["object", "null"])) {
            o.insert("type".into(), json!("object"));
        }
        if let Some(Json::Object(props)) = o.get_mut("properties") {
            for (_, p) in props.iter_mut() {
                tighten(p);
            }
        }
    }
    tighten(&mut root);
    root
}

/// The schema as the file's text: pretty JSON with a final newline.
pub fn values_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&values_schema()).expect("json");
    text.push('\n');
    text
}
