//! The proof: every tenant rendered again from what `adopt` wrote, read back from its
//! text as `batch` reads it (the base profile, the tenants file, the values files, the
//! credentials given beside), and its values compared with the source's as Helm reads
//! both: each over the chart's defaults, a `null` deleting the key, numbers by value.

use super::source::Tenant;
use super::split::Adopted;
use super::TENANTS_FILE;
use crate::batch::{Batch, Tenants};
use crate::generate::values_yaml::{values_yaml, ValuesOptions};
use crate::import::LIMITS;
use crate::model::{Config, Effective};
use crate::profile::Profile;
use crate::registry::KEYS;
use crate::yaml::{read_yaml, Limits, Node, TreeBuilder};

/// One tenant's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenantProof {
    /// The tenant.
    pub tenant: String,
    /// The key paths whose values differ (empty: it reproduces exactly).
    pub differs: Vec<String>,
}

/// Every tenant's result.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Proof {
    /// In row order.
    pub tenants: Vec<TenantProof>,
    /// Why what was written could not be read back at all (then no tenant reproduces).
    pub unreadable: Option<String>,
}

impl Proof {
    /// How many tenants reproduce exactly.
    pub fn exact(&self) -> usize {
        self.tenants.iter().filter(|t| t.differs.is_empty()).count()
    }

    /// Whether every tenant reproduces exactly.
    pub fn all_exact(&self) -> bool {
        self.unreadable.is_none() && self.exact() == self.tenants.len()
    }

    /// "N of N tenants reproduce exactly", then each tenant that does not, with its paths.
    pub fn text(&self) -> String {
        let mut s = format!(
            "{} of {} reproduce exactly (rendered again from what was written, compared with the source as Helm reads both).\n",
            self.exact(),
            crate::wording::count(self.tenants.len(), "tenant")
        );
        if let Some(why) = &self.unreadable {
            s.push_str(&format!("  what was written does not read back: {why}\n"));
        }
        for t in self.tenants.iter().filter(|t| !t.differs.is_empty()) {
            s.push_str(&format!("  {} differs at: {}\n", t.tenant, t.differs.join(", ")));
        }
        s
    }
}

/// The guide chart's documented defaults as one values tree: what the proof reads both
/// sides over (and `ixn-portal diff --as source` without `--chart`).
pub fn chart_defaults() -> Node {
    let cfg = Config::chart_defaults();
    let mut b = TreeBuilder::default();
    for (def, node) in KEYS.iter().zip(cfg.chart.default_nodes()) {
        if let Some(node) = node {
            let path: Vec<&str> = def.path.split('.').collect();
            b.insert(&path, node.clone(), None);
        }
    }
    b.build()
}

/// `user` over `chart` as Helm coalesces them: mappings merge, anything else replaces,
/// and a `null` deletes the key.
pub fn coalesce(chart: &Node, user: &Node) -> Node {
    match (chart, user) {
        (Node::Map(c), Node::Map(u)) => {
            let mut out = c.clone();
            for e in u {
                let at = out.iter().position(|o| o.key == e.key);
                match (at, &e.value) {
                    (Some(i), Node::Null) => {
                        out.remove(i);
                    }
                    (None, Node::Null) => {}
                    (Some(i), v) => out[i].value = coalesce(&out[i].value, v),
                    (None, v) => {
                        out.push(crate::yaml::Entry { key: e.key.clone(), value: strip_nulls(v), comment: None })
                    }
                }
            }
            Node::Map(out)
        }
        (_, u) => strip_nulls(u),
    }
}

/// A user mapping's `null`s, which delete keys the chart does not have: nothing.
fn strip_nulls(n: &Node) -> Node {
    match n {
        Node::Map(entries) => Node::Map(
            entries
                .iter()
                .filter(|e| e.value != Node::Null)
                .map(|e| crate::yaml::Entry { key: e.key.clone(), value: strip_nulls(&e.value), comment: None })
                .collect(),
        ),
        other => other.clone(),
    }
}

/// A number as Helm reads it (JSON's float64), when the node is one.
fn number(n: &Node) -> Option<f64> {
    match n {
        Node::Int(i) => Some(*i as f64),
        Node::Float(f) => f.replace('_', "").parse().ok(),
        _ => None,
    }
}

/// A scalar's text when Helm reads it as a string: a string, or what YAML 1.1 calls a
/// float and Go's parser does not take (`100.0.007.0400`, an image tag, is a string to
/// Helm).
fn text(n: &Node) -> Option<&str> {
    match n {
        Node::Float(f) if number(n).is_none() => Some(f),
        _ => n.as_str(),
    }
}

/// Whether two leaves are the same value to Helm.
fn same(a: &Node, b: &Node) -> bool {
    match (a, b) {
        (Node::Seq(x), Node::Seq(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_tree(p, q)),
        _ => match (text(a), text(b), number(a), number(b)) {
            (Some(x), Some(y), _, _) => x == y,
            (_, _, Some(x), Some(y)) => x == y || (x.is_nan() && y.is_nan()),
            _ => a == b,
        },
    }
}

fn same_tree(a: &Node, b: &Node) -> bool {
    let mut out = Vec::new();
    differences(a, b, &mut Vec::new(), &mut out);
    out.is_empty()
}

/// The key paths where `a` and `b` differ.
pub fn differences(a: &Node, b: &Node, path: &mut Vec<String>, out: &mut Vec<String>) {
    match (a, b) {
        (Node::Map(x), Node::Map(y)) => {
            for e in x {
                path.push(e.key.clone());
                match y.iter().find(|f| f.key == e.key) {
                    Some(f) => differences(&e.value, &f.value, path, out),
                    None => out.push(path.join(".")),
                }
                path.pop();
            }
            for f in y.iter().filter(|f| !x.iter().any(|e| e.key == f.key)) {
                path.push(f.key.clone());
                out.push(path.join("."));
                path.pop();
            }
        }
        _ if same(a, b) => {}
        _ => out.push(if path.is_empty() { "(the whole file)".into() } else { path.join(".") }),
    }
}

/// The batch `adopt` wrote, read back from its texts as `ixn-portal batch` reads them.
pub fn read_back(adopted: &Adopted) -> Result<Batch, String> {
    let profile = Profile::parse(&adopted.base).map_err(|e| format!("{}: {e}", super::BASE_FILE))?;
    let base = profile.to_config().map_err(|e| format!("{}: {e}", super::BASE_FILE))?;
    let tenants = Tenants::parse(TENANTS_FILE, &adopted.tenants).map_err(|e| e.to_string())?;
    let mut batch = Batch::new(base, tenants);
    for (name, text) in &adopted.values_files {
        let node = read_yaml(text, LIMITS).map_err(|e| format!("{name}: {e}"))?;
        batch.set_values_file(name, node);
    }
    Ok(batch)
}

/// Row `i`'s values file as `batch` writes it, with its credentials from the sources.
pub fn rendered(batch: &Batch, adopted: &Adopted, i: usize) -> Result<String, String> {
    let mut cfg = batch.config(i).map_err(|bad| {
        bad.iter().map(|f| format!("{}:{}: {}", f.at.line, f.at.column, f.message)).collect::<Vec<_>>().join("; ")
    })?;
    for (def, v) in adopted.secrets.0.get(i).into_iter().flatten() {
        cfg.values.set(def, v.clone());
    }
    Ok(render(&cfg))
}

/// A tenant's values file as `render` and `batch` write it (the proof renders with this,
/// and `ixn-portal diff --as source` renders a profile with it).
pub fn render(cfg: &Config) -> String {
    values_yaml(cfg, &Effective::of(cfg), ValuesOptions::default())
}

/// The limits a rendered values file is read back under (a tenant's own values may be
/// wide).
pub const RENDERED_LIMITS: Limits = Limits { max_bytes: 64 * 1024 * 1024, ..LIMITS };

/// The key paths where a rendered tenant's values (`rendered`, its values file as read)
/// differ from its source's (`source`, its values as Helm merges them), as Helm reads
/// both: each over the chart's defaults (`chart`), a `null` deleting the key, numbers by
/// value. Empty: the tenant reproduces exactly. The one comparison of the proof and of
/// `ixn-portal diff --as source`.
pub fn compare(chart: &Node, source: &Node, rendered: &Node) -> Vec<String> {
    let mut d = Vec::new();
    // A key that is null and a key that is not there read the same to a template (nil),
    // whichever major keeps the chart's own nulls.
    let source = strip_nulls(&coalesce(chart, source));
    let again = strip_nulls(&coalesce(chart, rendered));
    differences(&source, &again, &mut Vec::new(), &mut d);
    d
}

/// Proves each tenant: rendered again from `adopted`, compared with its source
/// (`merged`: each tenant's values as Helm merges them).
pub fn prove(tenants: &[Tenant], merged: &[Node], adopted: &Adopted) -> Proof {
    let batch = match read_back(adopted) {
        Ok(b) => b,
        Err(why) => {
            let tenants = tenants
                .iter()
                .map(|t| TenantProof { tenant: t.name.clone(), differs: vec!["(not read back)".into()] })
                .collect();
            return Proof { tenants, unreadable: Some(why) };
        }
    };
    let chart = chart_defaults();
    let out = super::each(tenants, |i, t| {
        let differs = match rendered(&batch, adopted, i)
            .and_then(|text| read_yaml(&text, RENDERED_LIMITS).map_err(|e| e.to_string()))
        {
            Ok(tree) => compare(&chart, &merged[i], &tree),
            Err(why) => vec![format!("(does not render: {why})")],
        };
        TenantProof { tenant: t.name.clone(), differs }
    });
    Proof { tenants: out, unreadable: None }
}
