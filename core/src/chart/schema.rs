//! `values.schema.json`: a JSON Schema (draft-07) of the IXN values, made from the
//! registry rows. Helm 3 and 4 check the merged values against it on `lint`,
//! `template`, `install` and `upgrade`; editors that read
//! `# yaml-language-server: $schema=…` check the file by hand.
//!
//! Self-contained (no remote `$ref`: it works air-gapped). Every registry key gets its
//! type from its kind and its bounds and pattern from its constraint (the row's
//! [`Constraint`], the one validation checks); required keys are
//! `required` and never null; every other key may be `null`, which in an override
//! deletes the chart default (as the OpenShift overlay does). No defaults: the chart's
//! values.yaml holds them. Mappings stay open (`additionalProperties` is not set to
//! false), because the chart may carry keys the registry does not know.

use crate::registry::constraint::QUALIFIED_NAME_REGEX;
use crate::registry::{Constraint, KeyDef, Kind, KEYS};
use serde_json::{json, Map, Value as Json};

/// The file name Helm looks for beside values.yaml.
pub const SCHEMA_FILE: &str = "values.schema.json";

/// The schema as committed: [`values_schema_text`]'s output, kept in step by a test.
/// The downloads carry this text, so the portal ships the file and not its generator
/// (about 4 KB brotli of the first load less).
pub const VALUES_SCHEMA: &str = include_str!("values.schema.json");

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

/// Text holding an envsubst placeholder (`$VAR`, `${VAR}`) somewhere: where one starts.
pub const PLACEHOLDER_PATTERN: &str = "\\$\\{?[A-Za-z_]";

/// Lets `s` take text holding a placeholder too: the values the portal writes may hold
/// `$VAR`s (`secretName: ixn-db-secret-$TENANT_SID` from Genesys' files, `port:
/// ${REDIS_PORT}`), which envsubst fills in before Helm reads them. Helm checks the
/// substituted value against the rest of the schema; an editor checks the file as
/// written, placeholders included. Written compactly, since the file ships in the
/// page: a number or boolean also takes a string with a placeholder (`pattern`
/// applies to strings only, `minimum` to numbers only), a pattern gains the
/// placeholder as an alternative, and only a fixed set of values needs an `anyOf`.
fn or_placeholder(s: &mut Json) {
    let Some(o) = s.as_object_mut() else { return };
    for inner in ["items", "additionalProperties"] {
        if let Some(item) = o.get_mut(inner) {
            or_placeholder(item);
        }
    }
    if let Some(Json::Object(props)) = o.get_mut("properties") {
        props.values_mut().for_each(or_placeholder);
    }
    if let Some(Json::Array(branches)) = o.get_mut("anyOf") {
        branches.iter_mut().for_each(or_placeholder);
    }
    let placeholder = Json::String(PLACEHOLDER_PATTERN.into());
    match o.get("type").and_then(Json::as_str) {
        // The type stays (a string), so that `nullable` and editors read it as before.
        Some("string") if o.contains_key("enum") => {
            let options = o.remove("enum").expect("enum");
            o.insert("anyOf".into(), json!([{"enum": options}, {"pattern": placeholder}]));
        }
        Some("string") => {
            if let Some(Json::String(p)) = o.get_mut("pattern") {
                *p = format!("(?:{p})|{PLACEHOLDER_PATTERN}");
            }
        }
        Some(t @ ("integer" | "number" | "boolean")) => {
            o.insert("type".into(), json!([t, "string"]));
            o.insert("pattern".into(), placeholder);
        }
        _ => {}
    }
}

/// The key's schema: its kind's, narrowed by its constraint, nullable unless required.
fn key_schema(def: &KeyDef) -> Json {
    let mut s = kind_schema(def);
    constrain(def, &mut s);
    or_placeholder(&mut s);
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
            // A fixed set of values admits the deleting `null` too (its own, or the
            // one of its alternatives that has one).
            if let Some(Json::Array(options)) = o.get_mut("enum") {
                options.push(Json::Null);
            }
            for branch in o.get_mut("anyOf").and_then(Json::as_array_mut).into_iter().flatten() {
                if let Some(Json::Array(options)) = branch.get_mut("enum") {
                    options.push(Json::Null);
                }
            }
            s
        }
        Some(Json::Array(mut types)) => {
            types.push(json!("null"));
            o.insert("type".into(), Json::Array(types));
            s
        }
        // Alternatives already: one more.
        _ if o.keys().all(|k| k == "anyOf" || k == "description") && o.contains_key("anyOf") => {
            if let Some(Json::Array(branches)) = o.get_mut("anyOf") {
                branches.push(json!({"type": "null"}));
            }
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

/// Narrows a key's schema by its registry constraint: the bounds of a whole number,
/// the pattern of a text (each item's name, for a list of names). A pattern the portal
/// only warns about (a UUID: a GWS tenant ID is allowed too) is said in the
/// description, not enforced, so that Helm accepts what the portal accepts.
fn constrain(def: &KeyDef, s: &mut Json) {
    let Some(o) = s.as_object_mut() else { return };
    match def.constraint {
        Constraint::Free | Constraint::NonNegativeQuantity => {}
        // Labels and annotations: the API server's key rule (values may hold `${VAR}`s
        // until envsubst fills them in, so the portal checks those itself).
        Constraint::MetaMap(_) => {
            o.insert("propertyNames".into(), json!({"pattern": QUALIFIED_NAME_REGEX, "maxLength": 317}));
        }
        // A fixed set of values (the form's select): exactly those.
        Constraint::OneOf(options) => {
            o.insert("type".into(), json!("string"));
            o.insert("enum".into(), json!(options));
        }
        Constraint::Int(_) => {
            if let Some((min, max)) = def.constraint.bounds() {
                o.insert("type".into(), json!("integer"));
                o.insert("minimum".into(), json!(min));
                match max {
                    Some(max) => o.insert("maximum".into(), json!(max)),
                    None => o.remove("maximum"),
                };
            }
        }
        Constraint::Pattern(p) if !p.strict() => {
            o.insert("$comment".into(), json!(format!("Usually matches {} (the portal warns otherwise).", p.regex())));
        }
        Constraint::Pattern(p) => {
            let mut text = json!({"type": "string", "pattern": p.regex()});
            if let Some(n) = p.max_length() {
                text.as_object_mut().expect("object").insert("maxLength".into(), json!(n));
            }
            if o.get("type") == Some(&json!("array")) {
                // A list of `{name}`: each name.
                if let Some(Json::Object(name)) = o.get_mut("items").and_then(|i| i.pointer_mut("/properties/name")) {
                    name.extend(text.as_object().expect("object").clone());
                }
            } else {
                o.extend(text.as_object().expect("object").clone());
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_schema_is_what_the_registry_makes() {
        assert!(
            values_schema_text() == VALUES_SCHEMA,
            "core/src/chart/values.schema.json is stale: run `cargo run -p ixn-core --example schema > core/src/chart/values.schema.json`"
        );
    }

    #[test]
    fn it_is_draft_07_self_contained_and_without_defaults() {
        let text = values_schema_text();
        let s = values_schema();
        assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#");
        assert!(!text.contains("\"$ref\""), "no $ref at all, remote or not");
        // Defaults stay in the chart's values.yaml: no schema has one (`default` is
        // also a key name, under `properties`).
        fn no_default(s: &Json, path: &str) {
            let Some(o) = s.as_object() else { return };
            assert!(!o.contains_key("default"), "{path} has a default");
            for (k, v) in o {
                match k.as_str() {
                    "properties" => {
                        v.as_object().unwrap().iter().for_each(|(n, p)| no_default(p, &format!("{path}.{n}")))
                    }
                    "items" | "additionalProperties" => no_default(v, path),
                    "anyOf" => v.as_array().unwrap().iter().for_each(|p| no_default(p, path)),
                    _ => {}
                }
            }
        }
        no_default(&s, "");
        assert!(!text.contains("\"additionalProperties\": false"), "mappings stay open");
        assert!(s["required"].as_array().unwrap().iter().any(|v| v == "tenant"));
        assert!(s["properties"]["tenant"]["required"].as_array().unwrap().iter().any(|v| v == "sid"));
        assert_eq!(s["properties"]["tenant"]["properties"]["sid"]["type"], "string", "required: never null");
        assert_eq!(s["properties"]["image"]["properties"]["pullPolicy"]["type"], serde_json::json!(["string", "null"]));
    }
}
