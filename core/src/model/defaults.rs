//! The registry's chart defaults and guide samples, parsed once into typed values.

use super::value::Value;
use crate::registry::KEYS;
use std::sync::OnceLock;

fn parse_all(pick: fn(&crate::registry::KeyDef) -> Option<&'static str>) -> Vec<Option<Value>> {
    KEYS.iter()
        .map(|k| {
            pick(k).map(|text| {
                Value::from_yaml_text(k.kind, text)
                    .unwrap_or_else(|e| panic!("registry text of {} does not parse: {e}", k.path))
            })
        })
        .collect()
}

/// The chart default of every key, aligned with [`KEYS`]; `None` where the reference
/// gives none. `Some(Value::Null)` is a nil default.
pub fn chart_default_values() -> &'static [Option<Value>] {
    static CELL: OnceLock<Vec<Option<Value>>> = OnceLock::new();
    CELL.get_or_init(|| parse_all(|k| k.default_text()))
}

/// The guide sample of every key, aligned with [`KEYS`].
pub fn guide_samples() -> &'static [Option<Value>] {
    static CELL: OnceLock<Vec<Option<Value>>> = OnceLock::new();
    CELL.get_or_init(|| parse_all(|k| k.sample_text()))
}

/// The chart default of one key.
pub fn chart_default(key: &crate::registry::KeyDef) -> Option<&'static Value> {
    chart_default_values()[crate::registry::index_of(key.path)?].as_ref()
}

/// The chart defaults as YAML nodes, aligned with [`KEYS`], for comparing with
/// what the values file would write.
pub fn chart_default_nodes() -> &'static [Option<crate::yaml::Node>] {
    static CELL: OnceLock<Vec<Option<crate::yaml::Node>>> = OnceLock::new();
    CELL.get_or_init(|| chart_default_values().iter().map(|d| d.as_ref().map(Value::to_node)).collect())
}
