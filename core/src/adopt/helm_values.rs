//! `helm get values <release> -o yaml` outputs, one file per release, named by the
//! release (`ixn-101.yaml`). The table output's `USER-SUPPLIED VALUES:` line is
//! taken off.

use super::source::{base_name, read_at, AdoptError, Doc, InputFile, Tenant};
use crate::yaml::Node;

/// One tenant per file, in path order.
pub(crate) fn read(all: &[(&InputFile, Vec<Doc>)]) -> Result<Vec<Tenant>, AdoptError> {
    let mut files: Vec<&(&InputFile, Vec<Doc>)> = all.iter().collect();
    files.sort_by(|a, b| a.0.path.cmp(&b.0.path));
    let mut tenants = Vec::new();
    for (f, docs) in files {
        let node = match docs.as_slice() {
            [] => Node::Null,
            [d] if d.text.trim_start().starts_with("USER-SUPPLIED VALUES:") => {
                let body = d.text.split_once("USER-SUPPLIED VALUES:").map_or("", |(_, b)| b);
                read_at(&f.path, body, d.offset)?
            }
            [d] => d.node.clone(),
            [_, second, ..] => {
                return Err(AdoptError::new(
                    &f.path,
                    Some((second.offset, 1)),
                    "more than one YAML document: `helm get values -o yaml` writes one per release",
                ))
            }
        };
        let node = match node {
            Node::Map(_) | Node::Null => node,
            _ => {
                return Err(AdoptError::new(
                    &f.path,
                    Some((docs.first().map_or(0, |d| d.offset) + 1, 1)),
                    "not a values mapping (`helm get values RELEASE -o yaml` writes one)",
                ))
            }
        };
        let name = base_name(&f.path);
        let release = name.rsplit_once('.').map_or(name, |(stem, _)| stem).to_string();
        tenants.push(Tenant {
            name: release.clone(),
            origin: f.path.clone(),
            release: Some(release),
            namespace: None,
            chart_version: None,
            layers: vec![(f.path.clone(), node)],
        });
    }
    Ok(tenants)
}
