//! What varies across the tenants: the keys whose values differ and how often, the
//! outliers (tenants that differ where the others agree), and the chart versions in
//! use. A provider finds drift this way. Credentials are named, never shown.

use super::source::Tenant;
use crate::yaml::Node;
use std::collections::HashMap;

/// One key that varies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Varying {
    /// Its dotted path.
    pub path: String,
    /// How many different values it has (a tenant without it counts as one more).
    pub values: usize,
    /// How many tenants hold its most common value.
    pub most: usize,
    /// How many tenants set it at all.
    pub set_in: usize,
}

/// A tenant that differs from the others where they agree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlier {
    /// The tenant.
    pub tenant: String,
    /// The keys where it differs from what (most of) the others share.
    pub keys: Vec<String>,
}

/// The variation report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    /// How many tenants.
    pub tenants: usize,
    /// Keys every tenant sets alike.
    pub shared: usize,
    /// Keys that vary, the most uneven first (per-tenant keys such as IDs last).
    pub varying: Vec<Varying>,
    /// Tenants that differ where most others agree.
    pub outliers: Vec<Outlier>,
    /// Chart versions in use, with how many tenants run each (most first).
    pub chart_versions: Vec<(String, usize)>,
}

fn leaves(path: &mut Vec<String>, node: &Node, out: &mut Vec<(String, String)>) {
    match node {
        Node::Map(entries) if !entries.is_empty() => {
            for e in entries {
                path.push(e.key.clone());
                leaves(path, &e.value, out);
                path.pop();
            }
        }
        // Compared whole (a list, a block), by a text that tells any two nodes apart.
        other => out.push((path.join("."), format!("{other:?}"))),
    }
}

/// Whether a key path holds a credential (its value is never shown).
fn secret(path: &str) -> bool {
    crate::registry::key(path).is_some_and(|k| k.secret())
}

/// The report on `tenants`' merged values.
pub fn report(tenants: &[Tenant], merged: &[Node]) -> Report {
    let n = tenants.len();
    let mut by_path: HashMap<String, Vec<Option<String>>> = HashMap::new();
    let mut order = Vec::new();
    for (i, m) in merged.iter().enumerate() {
        let mut out = Vec::new();
        leaves(&mut Vec::new(), m, &mut out);
        for (path, text) in out {
            let slot = by_path.entry(path.clone()).or_insert_with(|| {
                order.push(path);
                vec![None; n]
            });
            slot[i] = Some(text);
        }
    }
    let mut r = Report { tenants: n, ..Report::default() };
    let mut outliers: Vec<Vec<String>> = vec![Vec::new(); n];
    for path in order {
        let slot = &by_path[&path];
        let mut counts: HashMap<&Option<String>, usize> = HashMap::new();
        for v in slot {
            *counts.entry(v).or_default() += 1;
        }
        if counts.len() == 1 {
            r.shared += 1;
            continue;
        }
        let (common, most) = counts.iter().max_by_key(|(v, c)| (**c, v.is_some())).map(|(v, c)| (*v, *c)).unwrap();
        // Shared by a clear majority but not all: those who differ are outliers.
        if n >= 3 && most * 4 >= n * 3 {
            for (i, v) in slot.iter().enumerate() {
                if v != common {
                    outliers[i].push(path.clone());
                }
            }
        }
        r.varying.push(Varying {
            path,
            values: counts.len(),
            most,
            set_in: slot.iter().filter(|v| v.is_some()).count(),
        });
    }
    r.varying.sort_by(|a, b| (b.most, a.values).cmp(&(a.most, b.values)).then_with(|| a.path.cmp(&b.path)));
    r.outliers = tenants
        .iter()
        .zip(outliers)
        .filter(|(_, k)| !k.is_empty())
        .map(|(t, keys)| Outlier { tenant: t.name.clone(), keys })
        .collect();
    let mut versions: Vec<(String, usize)> = Vec::new();
    for t in tenants {
        let v = t.chart_version.clone().unwrap_or_else(|| "(not said by the source)".into());
        match versions.iter_mut().find(|(x, _)| *x == v) {
            Some((_, c)) => *c += 1,
            None => versions.push((v, 1)),
        }
    }
    versions.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    r.chart_versions = versions;
    r
}

impl Report {
    /// The report as text (at most 40 keys and 40 outliers listed; the counts are whole).
    pub fn text(&self) -> String {
        let count = crate::wording::count;
        let mut s = format!(
            "\nWhat varies across {}: {} shared by all, {} varying.\n",
            count(self.tenants, "tenant"),
            count(self.shared, "key"),
            count(self.varying.len(), "key")
        );
        for v in self.varying.iter().take(40) {
            let what = if v.values == self.tenants && v.most == 1 {
                "a different value in every tenant".to_string()
            } else {
                format!("{} values; the most common held by {} of {}", v.values, v.most, self.tenants)
            };
            let unset = if v.set_in < self.tenants { format!(", set in {} only", v.set_in) } else { String::new() };
            let credential = if secret(&v.path) { " (a credential: values not shown)" } else { "" };
            s.push_str(&format!("  {}: {what}{unset}{credential}\n", v.path));
        }
        if self.varying.len() > 40 {
            s.push_str(&format!("  … and {} more\n", self.varying.len() - 40));
        }
        if self.outliers.is_empty() {
            s.push_str("No outliers: no tenant differs where three quarters or more of the others agree.\n");
        } else {
            s.push_str(&format!(
                "Outliers ({}): where three quarters or more of the tenants agree, these differ:\n",
                self.outliers.len()
            ));
            for o in self.outliers.iter().take(40) {
                s.push_str(&format!("  {}: {}\n", o.tenant, o.keys.join(", ")));
            }
            if self.outliers.len() > 40 {
                s.push_str(&format!("  … and {} more\n", self.outliers.len() - 40));
            }
        }
        s.push_str("Chart versions: ");
        let versions: Vec<String> =
            self.chart_versions.iter().map(|(v, c)| format!("{v} ({})", count(*c, "tenant"))).collect();
        s.push_str(&versions.join(", "));
        s.push('\n');
        s
    }
}
