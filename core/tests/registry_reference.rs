//! The registry against `../shared/reference/ixn-chart.md`: every key the reference
//! lists is present, with the reference's chart default.

mod common;

use ixn_core::model::{chart_default, Value};
use ixn_core::registry::keys;
use ixn_core::registry::{key, Kind, KEYS};

/// The guide; `None` (the test skips) in a clone without `../shared`.
fn reference() -> Option<String> {
    common::shared("reference/ixn-chart.md")
}

const PROBE: [&str; 4] = ["initialDelaySeconds", "periodSeconds", "timeoutSeconds", "failureThreshold"];

/// Expands `a.b / .c / d` and `probe.*` into full relative paths.
fn expand(cell: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut base = String::new();
    for part in cell.split(" / ").map(str::trim) {
        let path = if part.starts_with('.') || !part.contains('.') {
            let stem = base.rsplit_once('.').map(|(s, _)| s).unwrap_or("");
            let leaf = part.trim_start_matches('.');
            if stem.is_empty() {
                leaf.to_string()
            } else {
                format!("{stem}.{leaf}")
            }
        } else {
            base = part.to_string();
            part.to_string()
        };
        if base.is_empty() {
            base = path.clone();
        }
        if let Some(stem) = path.strip_suffix(".*") {
            out.extend(PROBE.iter().map(|p| format!("{stem}.{p}")));
        } else {
            out.push(path);
        }
    }
    out
}

/// (full path, default cell) for every row of the "Values keys" tables.
fn reference_rows() -> Option<Vec<(String, String)>> {
    let text = reference()?;
    let mut prefix = String::new();
    let mut rows = Vec::new();
    let mut in_keys = false;
    for line in text.lines() {
        if line.starts_with("## ") {
            in_keys = line.starts_with("## Values keys");
        }
        if !in_keys {
            continue;
        }
        if let Some(h) = line.strip_prefix("### ") {
            let first = h.split_whitespace().next().unwrap_or("");
            prefix = if first == "Global" { String::new() } else { first.to_string() };
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 5 || cells[1] == "key" || cells[1].starts_with("---") {
            continue;
        }
        let paths = expand(cells[1]);
        let defaults: Vec<&str> = cells[3].split(" / ").collect();
        for (i, p) in paths.iter().enumerate() {
            let full = if prefix.is_empty() || p.starts_with(&format!("{prefix}.")) || p.starts_with("ixnService.") {
                p.clone()
            } else {
                format!("{prefix}.{p}")
            };
            // `a.* / b.*` rows give the four probe defaults once for both probes.
            let d = if paths.len().is_multiple_of(defaults.len()) { defaults[i % defaults.len()] } else { cells[3] };
            rows.push((full, d.trim().to_string()));
        }
    }
    Some(rows)
}

#[test]
fn every_reference_key_is_in_the_registry() {
    let Some(rows) = reference_rows() else { return };
    assert!(rows.len() > 120, "parsed only {} rows", rows.len());
    let missing: Vec<_> = rows.iter().filter(|(p, _)| key(p).is_none()).map(|(p, _)| p.clone()).collect();
    assert!(missing.is_empty(), "not in the registry: {missing:#?}");
    // And nothing in the registry that the reference does not list.
    let extra: Vec<_> = KEYS.iter().filter(|k| !rows.iter().any(|(p, _)| p == k.path)).map(|k| k.path).collect();
    assert!(extra.is_empty(), "not in the reference: {extra:#?}");
}

#[test]
fn every_reference_default_matches() {
    let mut wrong = Vec::new();
    let Some(rows) = reference_rows() else { return };
    for (path, cell) in rows {
        let def = key(&path).unwrap();
        let cell = cell.trim_matches('`');
        if cell == "—" || cell.is_empty() {
            // The reference gives none; the registry must not invent one.
            if chart_default(def).is_some() && !def.derived() {
                wrong.push(format!("{path}: reference has no default, registry has {:?}", def.default));
            }
            continue;
        }
        if def.kind == Kind::Jvm {
            // A prose cell; checked by jvm_default_is_the_guides below.
            continue;
        }
        let yaml = cell.replace("nil", "~");
        let expected = Value::from_yaml_text(def.kind, &yaml);
        let actual = chart_default(def);
        match (expected, actual) {
            (Ok(e), Some(a)) if &e == a => {}
            (e, a) => wrong.push(format!("{path}: reference {cell:?} = {e:?}, registry {a:?}")),
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn jvm_default_is_the_guides() {
    let Some(Value::Jvm(opts)) = chart_default(keys::IXN_SERVICE_IXN_SERVER_JVM_OPTIONS) else { panic!() };
    let texts: Vec<&str> = opts.iter().map(|(_, v)| v.as_str()).collect();
    let Some(reference) = reference() else { return };
    for t in &texts[..6] {
        assert!(reference.contains(t), "{t} not in the reference");
    }
    assert_eq!(opts.len(), 7);
}
