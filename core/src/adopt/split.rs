//! The tenants' values split into what they all share (the base profile), what differs
//! and fits a cell (the tenants file's columns), and the rest (each tenant's own values
//! file, which its row names in the `values` column).

use super::source::{AdoptError, Tenant};
use super::{TENANTS_FILE, VALUES_DIR};
use crate::batch::VALUES_COLUMN;
use crate::model::{chart_default, ctx, release_name, Config, ContextDef, UnknownKey, Value};
use crate::profile::{is_placeholder_credential, Profile};
use crate::registry::{KeyDef, KEYS};
use crate::yaml::{to_yaml, EmitOptions, Node, TreeBuilder};
use std::collections::HashMap;

/// One tenant's credentials found in the sources: never written, given to `batch`
/// with `--secrets-env` or `--secrets-file`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credential {
    /// The tenant.
    pub tenant: String,
    /// Its `tenant.sid` (how `--secrets-file`'s `tenants:` names it).
    pub sid: String,
    /// The fields, by the name `--secrets-file` takes.
    pub fields: Vec<&'static str>,
}

/// The credentials' values, kept in memory for the proof only (never shown: `Debug`
/// says how many).
#[derive(Clone, Default)]
pub(crate) struct Secrets(pub Vec<Vec<(&'static KeyDef, Value)>>);

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Secrets({} tenants, values not shown)", self.0.len())
    }
}

/// What `adopt` writes, as text, and what it knows beside.
#[derive(Debug, Clone)]
pub struct Adopted {
    /// The base profile (YAML).
    pub base: String,
    /// The tenants file (CSV).
    pub tenants: String,
    /// Each tenant's own values file, by its path (`values/<tenant>.yaml`), in row order.
    pub values_files: Vec<(String, String)>,
    /// The tenants file's columns.
    pub columns: Vec<String>,
    /// The credentials each tenant needs.
    pub credentials: Vec<Credential>,
    /// Things worth knowing about the split.
    pub notes: Vec<String>,
    pub(crate) secrets: Secrets,
}

/// One tenant, read into the model.
struct Read {
    cfg: Config,
    secrets: Vec<(&'static KeyDef, Value)>,
    /// Unknown keys, down to their leaves (a leaf: anything but a non-empty mapping).
    leaves: Vec<(Vec<String>, Node)>,
    release: Option<String>,
}

fn leaves_of(path: &mut Vec<String>, node: &Node, out: &mut Vec<(Vec<String>, Node)>) {
    match node {
        Node::Map(entries) if !entries.is_empty() => {
            for e in entries {
                path.push(e.key.clone());
                leaves_of(path, &e.value, out);
                path.pop();
            }
        }
        _ => out.push((path.clone(), node.clone())),
    }
}

fn read_tenant(t: &Tenant, merged: &Node) -> Result<Read, AdoptError> {
    let (mut cfg, _) =
        crate::import::import_with(&Config::chart_defaults(), vec![(t.name.as_str(), merged.clone())], false)
            .map_err(|e| AdoptError::new(&t.origin, None, e.message))?;
    // Credentials leave the model here; `$VAR` placeholders are no secret and stay.
    let mut secrets = Vec::new();
    for def in KEYS.iter().filter(|d| d.secret()) {
        if let Some(v) = cfg.values.get(def) {
            let text = v.text().unwrap_or_default();
            if !text.is_empty() && !is_placeholder_credential(text) {
                secrets.push((def, v.clone()));
                cfg.values.unset(def);
            }
        }
    }
    // A key the portal derives from other answers, and the source leaves to the chart,
    // is pinned to the chart's default: the render then leaves it to the chart too.
    for def in KEYS.iter().filter(|d| d.derived()) {
        if cfg.values.get(def).is_none() && !secrets.iter().any(|(s, _)| s.path == def.path) {
            cfg.values.set(def, chart_default(def).cloned().unwrap_or(Value::Null));
        }
    }
    let mut leaves = Vec::new();
    for u in &cfg.unknown {
        leaves_of(&mut u.path.clone(), &u.value, &mut leaves);
    }
    let release = t.release.clone().filter(|r| *r != release_name(&cfg));
    Ok(Read { cfg, secrets, leaves, release })
}

/// The text a cell gives this value back from, if one can: one line, not empty.
fn cell_text(def: &KeyDef, v: &Value) -> Option<String> {
    if let Value::Bool(b) = v {
        return Some(b.to_string());
    }
    let text = v.text()?;
    let fits = !text.is_empty()
        && !text.contains(['\n', '\r'])
        && !text.starts_with('#')
        && text.trim() == text
        && Value::from_text(def.kind, text).as_ref() == Some(v);
    fits.then(|| text.to_string())
}

/// A file name for a tenant's values: its name, with anything but letters, digits,
/// `.`, `_` and `-` made `_`.
fn file_name(name: &str, taken: &mut Vec<String>) -> String {
    let mut stem: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || "._-".contains(c) { c } else { '_' }).collect();
    if stem.is_empty() || stem.starts_with('.') {
        stem.insert(0, 't');
    }
    let mut out = format!("{VALUES_DIR}/{stem}.yaml");
    let mut n = 2;
    while taken.contains(&out) {
        out = format!("{VALUES_DIR}/{stem}-{n}.yaml");
        n += 1;
    }
    taken.push(out.clone());
    out
}

/// A context column: its field, and each tenant's text (`None`: the base's).
struct ContextColumn {
    def: &'static ContextDef,
    cells: Vec<Option<String>>,
}

/// Splits the tenants into the base profile, the tenants file and the values files.
pub(crate) fn split(tenants: &[Tenant], merged: &[Node]) -> Result<Adopted, AdoptError> {
    let reads: Vec<Read> =
        super::each(tenants, |i, t| read_tenant(t, &merged[i])).into_iter().collect::<Result<_, _>>()?;
    let n = reads.len();
    let mut base = Config::chart_defaults();
    let notes = Vec::new();

    // Deployment fields: one value for all goes in the base, else a column.
    let mut contexts = Vec::new();
    let fields: [(&'static ContextDef, Vec<Option<String>>); 3] = [
        (ctx::DEPLOY_RELEASE, reads.iter().map(|r| r.release.clone()).collect()),
        (ctx::DEPLOY_NAMESPACE, tenants.iter().map(|t| t.namespace.clone()).collect()),
        (ctx::DEPLOY_CHART_VERSION, tenants.iter().map(|t| t.chart_version.clone()).collect()),
    ];
    for (def, cells) in fields {
        if cells.iter().all(Option::is_none) {
            continue;
        }
        if cells.iter().all(|c| *c == cells[0]) && def.name != ctx::DEPLOY_RELEASE.name {
            (def.set)(&mut base.deploy, cells[0].as_deref().unwrap_or_default());
        } else {
            contexts.push(ContextColumn { def, cells });
        }
    }

    // Registry keys: shared, a column, or each tenant's file.
    let mut key_columns: Vec<(&'static KeyDef, Vec<Option<String>>)> = Vec::new();
    let mut in_files: Vec<&'static KeyDef> = Vec::new();
    for def in KEYS.iter() {
        let values: Vec<Option<&Value>> = reads.iter().map(|r| r.cfg.values.get(def)).collect();
        if values.iter().all(Option::is_none) {
            continue;
        }
        if let Some(first) = values[0].filter(|f| values.iter().all(|v| *v == Some(*f))) {
            base.values.set(def, first.clone());
            continue;
        }
        // A credential's placeholder (`$ixn_db_password`) is no secret, but the tenants
        // file takes no credential column: it goes in the tenant's file.
        let cells: Option<Vec<Option<String>>> = if def.secret() {
            None
        } else {
            values.iter().map(|v| v.map_or(Some(None), |v| cell_text(def, v).map(Some))).collect()
        };
        match cells {
            Some(cells) => key_columns.push((def, cells)),
            None => in_files.push(def),
        }
    }

    // Unknown keys, leaf by leaf: shared by all, or each tenant's file.
    let mut by_path: HashMap<&[String], Vec<Option<&Node>>> = HashMap::new();
    let mut order: Vec<&[String]> = Vec::new();
    for (i, r) in reads.iter().enumerate() {
        for (path, node) in &r.leaves {
            let slot = by_path.entry(path.as_slice()).or_insert_with(|| {
                order.push(path.as_slice());
                vec![None; n]
            });
            slot[i] = Some(node);
        }
    }
    let mut shared_leaves: std::collections::HashSet<&[String]> = std::collections::HashSet::new();
    for path in &order {
        let slot = &by_path[path];
        if let Some(first) = slot[0].filter(|f| slot.iter().all(|v| *v == Some(*f))) {
            base.unknown.push(UnknownKey { path: path.to_vec(), value: first.clone() });
            shared_leaves.insert(path);
        }
    }

    // Each tenant's own values file: its keys that are in no column, and its unknown
    // leaves that are not shared.
    let mut taken = Vec::new();
    let mut values_files = Vec::new();
    let mut file_cells = Vec::new();
    for (t, r) in tenants.iter().zip(&reads) {
        let mut tree = TreeBuilder::default();
        let mut any = false;
        for def in &in_files {
            if let Some(v) = r.cfg.values.get(def) {
                let path: Vec<&str> = def.path.split('.').collect();
                tree.insert(&path, v.to_node(), None);
                any = true;
            }
        }
        for (path, node) in r.leaves.iter().filter(|(p, _)| !shared_leaves.contains(p.as_slice())) {
            let path: Vec<&str> = path.iter().map(String::as_str).collect();
            tree.insert(&path, node.clone(), None);
            any = true;
        }
        if !any {
            file_cells.push(None);
            continue;
        }
        let name = file_name(&t.name, &mut taken);
        let text = format!(
            "# {}'s own values, read over {} by its row of {TENANTS_FILE} (written by ixn-portal adopt).\n{}",
            t.name,
            super::BASE_FILE,
            to_yaml(&tree.build(), EmitOptions::default())
        );
        values_files.push((name.clone(), text));
        file_cells.push(Some(name));
    }

    // The tenants file: the sid first, the deployment fields, the keys, the values file.
    let mut header: Vec<String> = Vec::new();
    let mut rows: Vec<Vec<String>> = vec![Vec::new(); n];
    let sid_first = key_columns.iter().position(|(d, _)| d.path == crate::registry::keys::TENANT_SID.path);
    if let Some(i) = sid_first {
        let col = key_columns.remove(i);
        key_columns.insert(0, col);
    }
    let mut push = |name: &str, cells: &[Option<String>]| {
        header.push(name.to_string());
        for (row, cell) in rows.iter_mut().zip(cells) {
            row.push(cell.clone().unwrap_or_default());
        }
    };
    let mut keys = key_columns.iter();
    if sid_first.is_some() {
        let (def, cells) = keys.next().expect("the sid column");
        push(def.path, cells);
    }
    for c in &contexts {
        push(c.def.name, &c.cells);
    }
    for (def, cells) in keys {
        push(def.path, cells);
    }
    if file_cells.iter().any(Option::is_some) {
        push(VALUES_COLUMN, &file_cells);
    }
    // A row of empty cells is no row at all (the reader skips it): such a tenant (the
    // base exactly) names its release.
    if header.is_empty() || rows.iter().any(|r| r.iter().all(|c| c.trim().is_empty())) {
        let at = match header.iter().position(|h| h == ctx::DEPLOY_RELEASE.name) {
            Some(i) => i,
            None => {
                let i = usize::from(sid_first.is_some());
                header.insert(i, ctx::DEPLOY_RELEASE.name.to_string());
                for row in rows.iter_mut() {
                    row.insert(i, String::new());
                }
                i
            }
        };
        for (row, r) in rows.iter_mut().zip(&reads) {
            if row.iter().all(|c| c.trim().is_empty()) {
                row[at] = release_name(&r.cfg);
            }
        }
    }
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    w.write_record(&header).expect("csv to memory");
    for row in &rows {
        w.write_record(row).expect("csv to memory");
    }
    let body = String::from_utf8(w.into_inner().expect("csv to memory")).expect("csv of text is text");
    let tenants_text = format!(
        "# {n} tenants adopted by ixn-portal adopt: each row over {}; empty cells keep it.\n{body}",
        super::BASE_FILE
    );

    let mut credentials = Vec::new();
    for (t, r) in tenants.iter().zip(&reads) {
        if !r.secrets.is_empty() {
            let sid = r.cfg.values.get(crate::registry::keys::TENANT_SID).and_then(Value::text).unwrap_or_default();
            credentials.push(Credential {
                tenant: t.name.clone(),
                sid: sid.to_string(),
                fields: r.secrets.iter().map(|(d, _)| d.path).collect(),
            });
        }
    }
    let base_text = Profile::of(&base, false).to_yaml_text();
    Ok(Adopted {
        base: base_text,
        tenants: tenants_text,
        values_files,
        columns: header,
        credentials,
        notes,
        secrets: Secrets(reads.into_iter().map(|r| r.secrets).collect()),
    })
}

/// The credentials as the report says them: per tenant, the fields `batch` needs.
pub(crate) fn credentials_text(creds: &[Credential]) -> String {
    if creds.is_empty() {
        return "No credentials were found in the sources (placeholders such as $ixn_db_password stay as they are).\n"
            .into();
    }
    let mut s = format!(
        "Credentials found in the sources, not written ({}); give them to batch with --secrets-file (tenants: {{SID: {{field: value}}}}) or --secrets-env:\n",
        crate::wording::count(creds.len(), "tenant")
    );
    for c in creds {
        s.push_str(&format!("  {} (sid {}): {}\n", c.tenant, c.sid, c.fields.join(", ")));
    }
    s
}
