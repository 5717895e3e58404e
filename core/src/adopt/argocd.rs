//! Argo CD Applications and ApplicationSets (list generators). The chart's source
//! gives the values as Argo CD hands them to Helm: `valueFiles` in order (a
//! `$<ref>/path` names a file of the source with that `ref`, found among the files
//! given), then `valuesObject`, or `values` when there is no `valuesObject`.

use super::source::{read_at, AdoptError, Doc, InputFile, Tenant};
use crate::yaml::{Entry, Node};

/// Where a node of an Application sits in its document, for messages.
struct At<'a> {
    doc: &'a Doc,
    /// The Application's path in the document (`spec.template` in an ApplicationSet).
    prefix: Vec<String>,
    /// What a message names it (file and line).
    origin: String,
}

impl At<'_> {
    fn error(&self, path: &[&str], message: impl Into<String>) -> AdoptError {
        let mut full: Vec<&str> = self.prefix.iter().map(String::as_str).collect();
        full.extend_from_slice(path);
        // The deepest part of the path the text has.
        for n in (1..=full.len()).rev() {
            if let Some(at) = self.doc.place(&full[..n]) {
                return AdoptError::new(&self.doc.file, Some(at), message);
            }
        }
        self.doc.error(&[], message)
    }
}

/// Every Application (and every Application an ApplicationSet's list makes), in file order.
pub(crate) fn read(files: &[InputFile], all: &[(&InputFile, Vec<Doc>)]) -> Result<Vec<Tenant>, AdoptError> {
    let mut out = Vec::new();
    for (_, docs) in all {
        for d in docs {
            match d.kind() {
                "Application" => {
                    let at = At { doc: d, prefix: Vec::new(), origin: format!("{}:{}", d.file, d.offset + 1) };
                    out.push(application(&d.node, &at, files, all)?);
                }
                "ApplicationSet" => out.extend(application_set(d, files, all)?),
                _ => {}
            }
        }
    }
    Ok(out)
}

fn str_at<'a>(node: &'a Node, path: &str) -> Option<&'a str> {
    node.get(path).and_then(Node::as_str)
}

/// One Application's tenant.
fn application(app: &Node, at: &At, files: &[InputFile], all: &[(&InputFile, Vec<Doc>)]) -> Result<Tenant, AdoptError> {
    let name = str_at(app, "metadata.name").unwrap_or_default().to_string();
    let (sources, key): (Vec<&Node>, &str) = match (app.get("spec.sources"), app.get("spec.source")) {
        (Some(Node::Seq(items)), _) => (items.iter().collect(), "sources"),
        (_, Some(s @ Node::Map(_))) => (vec![s], "source"),
        _ => return Err(at.error(&["spec"], "an Application without spec.source or spec.sources")),
    };
    let Some(chart_i) = sources.iter().position(|s| s.get("chart").is_some() || s.get("helm").is_some()) else {
        return Err(at.error(&["spec", key], "no source of this Application is a Helm chart (chart: or helm:)"));
    };
    let chart = sources[chart_i];
    let spath = |rest: &[&str]| -> Vec<String> {
        let mut p = vec!["spec".to_string(), key.to_string()];
        if key == "sources" {
            p.push(chart_i.to_string());
        }
        p.extend(rest.iter().map(|s| s.to_string()));
        p
    };
    let err = |rest: &[&str], message: String| {
        let p = spath(rest);
        at.error(&p.iter().map(String::as_str).collect::<Vec<_>>(), message)
    };
    let helm = chart.get("helm").cloned().unwrap_or(Node::map());
    if matches!(helm.get("parameters"), Some(Node::Seq(p)) if !p.is_empty()) {
        return Err(err(
            &["helm", "parameters"],
            "helm.parameters (--set) are not read; move them into valuesObject to adopt this Application".into(),
        ));
    }
    let ignore_missing = matches!(helm.get("ignoreMissingValueFiles"), Some(Node::Bool(true)));
    let mut layers = Vec::new();
    if let Some(list) = helm.get("valueFiles") {
        let Node::Seq(items) = list else {
            return Err(err(&["helm", "valueFiles"], "valueFiles is a list of paths".into()));
        };
        for (i, item) in items.iter().enumerate() {
            let idx = i.to_string();
            let Some(path) = item.as_str() else {
                return Err(err(&["helm", "valueFiles", &idx], "a value file is a path".into()));
            };
            let resolved = if let Some(rest) = path.strip_prefix('$') {
                let (r, file) = rest.split_once('/').unwrap_or((rest, ""));
                if !sources.iter().any(|s| str_at(s, "ref") == Some(r)) {
                    return Err(err(
                        &["helm", "valueFiles"],
                        format!("{path:?} names the source ref {r:?}, which no source of this Application has"),
                    ));
                }
                file.to_string()
            } else {
                // Relative to the chart's folder in its own repository.
                match str_at(chart, "path") {
                    Some(p) => format!("{}/{path}", p.trim_end_matches('/')),
                    None => path.to_string(),
                }
            };
            match find(files, &resolved) {
                Some(f) => {
                    let node = read_at(&f.path, super::source::text_of(f)?, 0)?;
                    let node = match node {
                        Node::Map(_) | Node::Null => node,
                        _ => return Err(AdoptError::new(&f.path, Some((1, 1)), "a values file is a mapping")),
                    };
                    layers.push((f.path.clone(), node));
                }
                None if ignore_missing => {}
                None => {
                    let _ = all;
                    return Err(err(
                        &["helm", "valueFiles"],
                        format!("the value file {path:?} is not among the files given (looked for {resolved:?})"),
                    ));
                }
            }
        }
    }
    match (helm.get("valuesObject"), helm.get("values")) {
        (Some(obj @ Node::Map(_)), _) => layers.push((at.origin.clone() + " (valuesObject)", obj.clone())),
        (Some(Node::Null) | None, Some(v)) => {
            let node = match v {
                Node::Map(_) => v.clone(),
                _ => {
                    let text = v.as_str().unwrap_or_default();
                    let p = spath(&["helm", "values"]);
                    let line = at.doc.place(&p.iter().map(String::as_str).collect::<Vec<_>>()).map_or(0, |(l, _)| l);
                    read_at(&at.doc.file, text, line).map_err(|mut e| {
                        e.message = format!("helm.values: {}", e.message);
                        e
                    })?
                }
            };
            if !matches!(node, Node::Map(_) | Node::Null) {
                return Err(err(&["helm", "values"], "helm.values is not a values mapping".into()));
            }
            layers.push((at.origin.clone() + " (values)", node));
        }
        (Some(_), _) => return Err(err(&["helm", "valuesObject"], "valuesObject is not a mapping".into())),
        _ => {}
    }
    let release = str_at(&helm, "releaseName").map(str::to_string).unwrap_or_else(|| name.clone());
    Ok(Tenant {
        name: release.clone(),
        origin: at.origin.clone(),
        release: Some(release),
        namespace: str_at(app, "spec.destination.namespace").map(str::to_string),
        chart_version: str_at(chart, "targetRevision").map(str::to_string),
        layers,
    })
}

/// The file at `path` (from the repository's root), or the one whose path ends with
/// it (the files given may be a folder inside the repository).
fn find<'a>(files: &'a [InputFile], path: &str) -> Option<&'a InputFile> {
    let path = path.trim_start_matches("./");
    files
        .iter()
        .find(|f| f.path == path)
        .or_else(|| files.iter().find(|f| f.path.ends_with(path) && f.path[..f.path.len() - path.len()].ends_with('/')))
}

/// The Applications an ApplicationSet's list generators make.
fn application_set(d: &Doc, files: &[InputFile], all: &[(&InputFile, Vec<Doc>)]) -> Result<Vec<Tenant>, AdoptError> {
    let go = matches!(d.node.get("spec.goTemplate"), Some(Node::Bool(true)));
    let Some(template) = d.node.get("spec.template") else {
        return Err(d.error(&["spec"], "an ApplicationSet without spec.template"));
    };
    if d.node.get("spec.templatePatch").is_some() {
        return Err(d.error(&["spec", "templatePatch"], "templatePatch is not read; adopt its Applications instead"));
    }
    let Some(Node::Seq(generators)) = d.node.get("spec.generators") else {
        return Err(d.error(&["spec"], "an ApplicationSet without spec.generators"));
    };
    let mut out = Vec::new();
    for (g, gen) in generators.iter().enumerate() {
        let gi = g.to_string();
        let Some(Node::Seq(elements)) = gen.get("list.elements") else {
            return Err(d.error(
                &["spec", "generators", &gi],
                "only list generators are read (their elements are in the file); adopt the Applications the others make",
            ));
        };
        for (e, element) in elements.iter().enumerate() {
            let ei = e.to_string();
            let first = match element {
                Node::Map(entries) => entries.first().map(|e| e.key.clone()).unwrap_or_default(),
                _ => String::new(),
            };
            let path = ["spec", "generators", gi.as_str(), "list", "elements", ei.as_str(), first.as_str()];
            let line = d.place(&path).map_or(d.offset + 1, |(l, _)| l);
            let app = fill(template, element, go)
                .map_err(|m| AdoptError::new(&d.file, d.place(&path).or(Some((line, 1))), m))?;
            let at =
                At { doc: d, prefix: vec!["spec".into(), "template".into()], origin: format!("{}:{line}", d.file) };
            out.push(application(&app, &at, files, all)?);
        }
    }
    Ok(out)
}

/// `template` with every `{{…}}` of its strings filled from `element`: `{{.key}}` in
/// Go templates, `{{key}}` otherwise (nested keys by dots).
fn fill(template: &Node, element: &Node, go: bool) -> Result<Node, String> {
    Ok(match template {
        Node::Map(entries) => Node::Map(
            entries
                .iter()
                .map(|e| Ok(Entry { key: e.key.clone(), value: fill(&e.value, element, go)?, comment: None }))
                .collect::<Result<_, String>>()?,
        ),
        Node::Seq(items) => Node::Seq(items.iter().map(|n| fill(n, element, go)).collect::<Result<_, _>>()?),
        Node::Str(s) | Node::Block(s) if s.contains("{{") => Node::Str(fill_text(s, element, go)?),
        other => other.clone(),
    })
}

fn fill_text(text: &str, element: &Node, go: bool) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("{{") {
        out.push_str(&rest[..i]);
        let Some(j) = rest[i..].find("}}") else { return Err(format!("an unclosed {{{{ in {text:?}")) };
        let inner = rest[i + 2..i + j].trim();
        let key = if go { inner.strip_prefix('.') } else { Some(inner) };
        let value = key
            .filter(|k| !k.is_empty() && !k.contains([' ', '|', '(']))
            .and_then(|k| element.get(k))
            .ok_or_else(|| format!("{{{{{inner}}}}}: not a key of this list element (only plain keys are read)"))?;
        match value {
            Node::Str(s) | Node::Block(s) | Node::Placeholder(s) | Node::Float(s) => out.push_str(s),
            Node::Int(n) => out.push_str(&n.to_string()),
            Node::Bool(b) => out.push_str(&b.to_string()),
            _ => return Err(format!("{{{{{inner}}}}}: the element's value is not text")),
        }
        rest = &rest[i + j + 2..];
    }
    out.push_str(rest);
    Ok(out)
}
