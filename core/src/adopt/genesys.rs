//! The genesys/multicloud-services layout: a chart folder (`services/ixn/01_chart_ixn/`)
//! with `chart.ver` and the chart-level `override_values.yaml`, and one
//! `NN_release_<name>/` folder per tenant holding its own `override_values.yaml`. The
//! workflow deploys every release folder in name order, with
//! `-f <chart>/override_values.yaml -f <release>/override_values.yaml`.

use super::source::{base_name, parent, read_at, text_of, AdoptError, InputFile, Tenant};
use crate::yaml::Node;

/// The values file of a chart or release folder.
const VALUES: &str = "override_values.yaml";

/// Whether a folder name is a release folder's: `NN_release_<name>`.
fn release_name(folder: &str) -> Option<&str> {
    let (digits, rest) = folder.split_once('_')?;
    let name = rest.strip_prefix("release_")?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && !name.is_empty()).then_some(name)
}

/// Every release folder of the files (a folder's own entry, or the folder of a file).
fn release_dirs(files: &[InputFile]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for f in files {
        let p = f.path.trim_end_matches('/');
        let mut segs: Vec<&str> = p.split('/').collect();
        if !f.path.ends_with('/') {
            segs.pop();
        }
        // The deepest release folder on the path.
        if let Some(i) = segs.iter().rposition(|s| release_name(s).is_some()) {
            let dir = segs[..=i].join("/");
            if seen.insert(dir.clone()) {
                out.push(dir);
            }
        }
    }
    out.sort();
    out
}

/// Whether the files are a Genesys layout: they hold a release folder.
pub(crate) fn is_genesys(files: &[InputFile]) -> bool {
    !release_dirs(files).is_empty()
}

/// A values file of the layout, read (the workflow's envsubst gives back each `$` the
/// portal wrote as `${IXN_PORTAL_DOLLAR}`; other `$VAR`s stay as they are).
fn values(f: &InputFile) -> Result<Node, AdoptError> {
    values_of(&f.path, text_of(f)?)
}

/// [`values`] of a file's text (`file`: its name in messages).
pub(crate) fn values_of(file: &str, text: &str) -> Result<Node, AdoptError> {
    let dollar = format!("${{{}}}", crate::generate::gitops::genesys::DOLLAR_VAR);
    let text = if text.contains(&dollar) { text.replace(&dollar, "$") } else { text.to_string() };
    let node = read_at(file, &text, 0)?;
    match node {
        Node::Map(_) | Node::Null => Ok(node),
        _ => Err(AdoptError::new(file, Some((1, 1)), "a values file is a mapping of keys to values")),
    }
}

/// The tenants, one per release folder in name order, and the files not read.
pub(crate) fn read(files: &[InputFile]) -> Result<(Vec<Tenant>, Vec<String>), AdoptError> {
    // By path, once: a repository of a thousand tenants has thousands of files.
    let by_path: std::collections::HashMap<&str, &InputFile> = files.iter().map(|f| (f.path.as_str(), f)).collect();
    let find = |path: &str| by_path.get(path).copied();
    let mut tenants = Vec::new();
    let mut read_files: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut chart_trees: std::collections::HashMap<String, Node> = std::collections::HashMap::new();
    for dir in release_dirs(files) {
        let chart_dir = parent(&dir);
        let join = |d: &str, n: &str| if d.is_empty() { n.to_string() } else { format!("{d}/{n}") };
        let own = join(&dir, VALUES);
        let Some(own_file) = find(&own) else {
            return Err(AdoptError::new(
                &format!("{dir}/"),
                None,
                format!("a tenant folder with no {VALUES}: every release folder holds its tenant's values"),
            ));
        };
        let mut layers = Vec::new();
        let chart_values = join(chart_dir, VALUES);
        if let Some(f) = find(&chart_values) {
            // Read once for every release folder under it.
            let node = match chart_trees.get(&chart_values) {
                Some(n) => n,
                None => chart_trees.entry(chart_values.clone()).or_insert(values(f)?),
            };
            layers.push((chart_values.clone(), node.clone()));
            read_files.insert(chart_values);
        }
        layers.push((own.clone(), values(own_file)?));
        read_files.insert(own.clone());
        let chart_ver = join(chart_dir, "chart.ver");
        let chart_version = match find(&chart_ver) {
            Some(f) => {
                read_files.insert(chart_ver.clone());
                Some(text_of(f)?.trim().to_string()).filter(|v| !v.is_empty())
            }
            None => None,
        };
        // `NN_release_ixn` is the workflow's release `ixn-$TENANT_SID`: the portal's
        // default name; any other name is the release's own (as a batch writes them).
        let name = release_name(base_name(&dir)).unwrap_or_default();
        let chart = base_name(chart_dir).split_once("_chart_").map_or("ixn", |(_, c)| c);
        let release = (name != chart).then(|| name.to_string());
        tenants.push(Tenant {
            name: release.clone().unwrap_or_else(|| base_name(&dir).to_string()),
            origin: format!("{dir}/"),
            release,
            namespace: None,
            chart_version,
            layers,
        });
    }
    let skipped = files
        .iter()
        .filter(|f| !f.path.ends_with('/') && !read_files.contains(&f.path))
        .filter(|f| f.path.ends_with(".yaml") || f.path.ends_with(".yml"))
        .map(|f| format!("{}: not a values file the workflow passes to helm", f.path))
        .collect();
    Ok((tenants, skipped))
}
