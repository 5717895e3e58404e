//! Flux HelmReleases: `spec.valuesFrom` in order (each a ConfigMap's or Secret's key,
//! `values.yaml` unless `valuesKey` says another, found among the files given), then
//! `spec.values` over them, as Flux hands them to Helm.

use super::source::{read_at, AdoptError, Doc, InputFile, Tenant};
use crate::yaml::Node;
use base64::Engine;

/// Every HelmRelease's tenant, in file order.
pub(crate) fn read(all: &[(&InputFile, Vec<Doc>)]) -> Result<Vec<Tenant>, AdoptError> {
    let docs: Vec<&Doc> = all.iter().flat_map(|(_, ds)| ds.iter()).collect();
    let mut out = Vec::new();
    for d in docs.iter().filter(|d| d.kind() == "HelmRelease") {
        out.push(release(d, &docs)?);
    }
    Ok(out)
}

fn release(d: &Doc, docs: &[&Doc]) -> Result<Tenant, AdoptError> {
    let name = d.name().to_string();
    let ns = d.namespace().map(str::to_string);
    let mut layers = Vec::new();
    if let Some(from) = d.node.get("spec.valuesFrom") {
        let Node::Seq(items) = from else {
            return Err(d.error(&["spec", "valuesFrom"], "valuesFrom is a list"));
        };
        for (i, item) in items.iter().enumerate() {
            let idx = i.to_string();
            let at = |k: &str| d.error(&["spec", "valuesFrom", &idx, k], "");
            let kind = item.get("kind").and_then(Node::as_str).unwrap_or_default();
            let ref_name = item.get("name").and_then(Node::as_str).unwrap_or_default();
            let key = item.get("valuesKey").and_then(Node::as_str).unwrap_or("values.yaml");
            let optional = matches!(item.get("optional"), Some(Node::Bool(true)));
            if item.get("targetPath").is_some() {
                let mut e = at("targetPath");
                e.message = "valuesFrom with targetPath is not read; adopt it with the value in spec.values".into();
                return Err(e);
            }
            if kind != "ConfigMap" && kind != "Secret" {
                let mut e = at("kind");
                e.message = format!("valuesFrom kind {kind:?}: a ConfigMap or a Secret");
                return Err(e);
            }
            let found = docs.iter().find(|o| {
                o.kind() == kind && o.name() == ref_name && (o.namespace().is_none() || o.namespace() == ns.as_deref())
            });
            let Some(source) = found else {
                if optional {
                    continue;
                }
                let mut e = at("name");
                e.message = format!(
                    "valuesFrom names the {kind} {ref_name:?}{}, which is not among the files given: give its manifest too",
                    ns.as_deref().map(|n| format!(" in namespace {n:?}")).unwrap_or_default()
                );
                return Err(e);
            };
            let text = match (kind, source.node.get_path(["data", key]), source.node.get_path(["stringData", key])) {
                (_, _, Some(s)) if kind == "Secret" => s.as_str().map(str::to_string),
                ("Secret", Some(b), _) => {
                    let raw = b.as_str().unwrap_or_default().split_whitespace().collect::<String>();
                    match base64::engine::general_purpose::STANDARD.decode(raw) {
                        Ok(bytes) => Some(String::from_utf8(bytes).map_err(|_| {
                            source.error(&["data", key], format!("data.{key} is not UTF-8 text once decoded"))
                        })?),
                        Err(_) => return Err(source.error(&["data", key], format!("data.{key} is not base64"))),
                    }
                }
                (_, Some(s), _) => s.as_str().map(str::to_string),
                _ => None,
            };
            let Some(text) = text else {
                if optional {
                    continue;
                }
                return Err(source.error(&["data"], format!("the {kind} {ref_name:?} has no key {key:?}")));
            };
            let line = source.place(&["data", key]).or(source.place(&["stringData", key])).map_or(0, |(l, _)| l);
            // A Secret's text is not shown in messages: only where it is.
            let node = read_at(&source.file, &text, line).map_err(|e| {
                if kind == "Secret" {
                    AdoptError::new(&source.file, e.at, format!("the Secret's {key} does not read as YAML"))
                } else {
                    e
                }
            })?;
            if !matches!(node, Node::Map(_) | Node::Null) {
                return Err(source.error(&["data", key], format!("{key} is not a values mapping")));
            }
            layers.push((format!("{}:{} ({kind} {ref_name})", source.file, source.offset + 1), node));
        }
    }
    match d.node.get("spec.values") {
        Some(v @ Node::Map(_)) => layers.push((format!("{}:{} (spec.values)", d.file, d.offset + 1), v.clone())),
        Some(Node::Null) | None => {}
        Some(_) => return Err(d.error(&["spec", "values"], "spec.values is not a mapping")),
    }
    let target = d.node.get("spec.targetNamespace").and_then(Node::as_str).map(str::to_string);
    let release = match (d.node.get("spec.releaseName").and_then(Node::as_str), &target) {
        (Some(r), _) => r.to_string(),
        (None, Some(t)) => format!("{t}-{name}"),
        (None, None) => name.clone(),
    };
    Ok(Tenant {
        name: release.clone(),
        origin: format!("{}:{}", d.file, d.offset + 1),
        release: Some(release),
        namespace: target.or(ns),
        chart_version: d.node.get("spec.chart.spec.version").and_then(Node::as_str).map(str::to_string),
        layers,
    })
}
