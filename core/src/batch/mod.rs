//! Batches: many tenants from one base profile. A tenants file (see [`tenants`]) holds
//! one row per tenant; each row overrides the base by key path, is validated on its
//! own, and must not collide with another row (sid, tenant id, release, database,
//! namespace and release, and the contents of its namespace's shared Secrets). Each good row renders exactly the files of the portal's "Download
//! everything" (`delivery::download`, above this module); [`index`] writes the batch's
//! `tenants.csv` and the script that deploys them all.
//!
//! What a batch writes, in every delivery mode, is [`render`]'s: its one loop
//! ([`render::check`], [`render::each`]) is what `ixn-portal batch`, the portal's
//! "Download all tenants" and the tests run. [`Batch::config`] gives one row's
//! configuration.

pub mod cell_error;
pub mod index;
pub mod render;
pub mod secrets;
pub mod tenants;

pub use cell_error::CellError;
pub use tenants::{Cell, CellValue, Column, Field, Format, Pos, Row, Tenants, TenantsError, VALUES_COLUMN};

use crate::artifacts::download_folder;
use crate::generate::commands::{database_names, release_name};
use crate::generate::secrets::{shared_fields, SharedField};
use crate::model::{ctx, Config, Effective, Value};
use crate::registry::keys;
use crate::registry::{FieldKind, Kind};
use crate::validate::{findings_given, Finding, Location, Severity};
use crate::yaml::Node;

/// A finding about one row, placed in the tenants file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowFinding {
    /// Where: the cell that causes it, or the row's start when the base profile does.
    pub at: Pos,
    /// The field (a key path, a context field, or a list item under one).
    pub path: Location,
    /// Error or warning.
    pub severity: Severity,
    /// A sentence.
    pub message: String,
    /// Whether the row's own cell causes it (otherwise the base profile does).
    pub in_row: bool,
}

/// What checking one row found: who the tenant is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowReport {
    /// The row's number (1-based, counting tenants).
    pub row: usize,
    /// Where it starts.
    pub at: Pos,
    /// The tenant's folder in the output (the release name when it is valid).
    pub folder: String,
    /// `tenant.sid`.
    pub sid: String,
    /// The Helm release name.
    pub release: String,
    /// The namespace.
    pub namespace: String,
    /// The two database names (Interaction Server, IXN Node).
    pub databases: [String; 2],
    /// `tenant.id`.
    pub tenant_id: String,
    /// The tenant's folder in the Git tree (Argo CD and Flux; empty otherwise).
    pub git_folder: String,
    /// What the namespace's shared Secrets are made of in this row (see
    /// [`crate::generate::secrets::namespace_wide`]).
    pub shared: Vec<SharedField>,
    /// The namespace's shared Secrets an earlier row of the same namespace declares,
    /// with that row's number: this row's files leave them out (set by [`Batch::finish`]).
    pub shared_by: Vec<(String, usize)>,
    /// Findings, errors first.
    pub findings: Vec<RowFinding>,
}

impl RowReport {
    /// Whether the row has an error (it is not rendered).
    pub fn failed(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// The finding as one line: `tenants.csv:4:5: row 3, tenant.sid: error: …`.
    pub fn line(&self, file: &str, f: &RowFinding) -> String {
        let from = if f.in_row { "" } else { " (from the base profile)" };
        format!(
            "{file}:{}:{}: row {}, {}: {}: {}{from}",
            f.at.line,
            f.at.column,
            self.row,
            f.path,
            f.severity.word(),
            f.message
        )
    }
}

/// A base profile and the tenants that override it.
#[derive(Debug, Clone)]
pub struct Batch {
    /// The base configuration every row starts from.
    pub base: Config,
    /// The rows.
    pub tenants: Tenants,
    /// The base profile's own findings, made on the first check: a row's finding that
    /// is one of them (and has no cell) comes from the base. The base is not changed
    /// after the first check.
    base_findings: std::sync::OnceLock<Vec<Finding>>,
    /// The rows' own values files (the `values` column), by the name the cells give,
    /// as read (see [`Batch::set_values_file`]).
    values_files: std::collections::HashMap<String, Node>,
}

/// A finding of the base profile as one line, said once for the rows it is in:
/// `tenants.csv: base profile, db.chartSecrets: warning: … (every row)`.
pub fn base_line(file: &str, f: &RowFinding, rows: &str) -> String {
    format!("{file}: base profile, {}: {}: {} ({rows})", f.path, f.severity.word(), f.message)
}

/// The rows a finding of the base profile is in: `every row`, or `3 of 40 rows`.
pub fn rows_with(n: usize, total: usize) -> String {
    if n == total {
        "every row".into()
    } else {
        format!("{n} of {}", crate::wording::count(total, "row"))
    }
}

/// The findings the base profile causes in `reports`, each once, with how many rows
/// have it, in the order first met: what a batch says once, under the base, rather than
/// in every row.
pub fn from_base(reports: &[RowReport]) -> Vec<(&RowFinding, usize)> {
    let mut out: Vec<(&RowFinding, usize)> = Vec::new();
    for f in reports.iter().flat_map(|r| &r.findings).filter(|f| !f.in_row) {
        match out.iter_mut().find(|(g, _)| g.path == f.path && g.severity == f.severity && g.message == f.message) {
            Some((_, n)) => *n += 1,
            None => out.push((f, 1)),
        }
    }
    out
}

/// The value of a cell for a values key.
fn key_value(kind: Kind, cell: &CellValue) -> Result<Value, CellError> {
    match cell {
        CellValue::Node(node) => Value::from_node(kind, node).map_err(CellError::Value),
        CellValue::Text(text) => match kind {
            Kind::Bool => match text.trim() {
                "true" => Ok(Value::Bool(true)),
                "false" => Ok(Value::Bool(false)),
                _ => Err(CellError::NotBool(text.clone())),
            },
            kind => Value::from_text(kind, text).map(Ok).unwrap_or_else(|| {
                // Lists and mappings are written as YAML flow text: `{team: a}`.
                Value::from_yaml_text(kind, text).map_err(CellError::NotYaml)
            }),
        },
    }
}

/// The text of a cell for a context field.
fn context_text(kind: FieldKind, cell: &CellValue) -> Result<String, CellError> {
    let text = match cell {
        CellValue::Text(t) => t.clone(),
        CellValue::Node(Node::Str(s) | Node::Block(s) | Node::Placeholder(s) | Node::Float(s)) => s.clone(),
        CellValue::Node(Node::Int(i)) => i.to_string(),
        CellValue::Node(Node::Bool(b)) => b.to_string(),
        CellValue::Node(Node::Null) => String::new(),
        CellValue::Node(_) => return Err(CellError::NotOneLine),
    };
    match kind {
        FieldKind::Bool if text != "true" && text != "false" => Err(CellError::NotBool(text)),
        FieldKind::Select(options) if !options.iter().any(|(v, _)| *v == text) => {
            Err(CellError::NotOneOf { text, options: options.iter().map(|(v, _)| *v).collect() })
        }
        _ => Ok(text),
    }
}

impl Batch {
    /// A batch of `tenants` over `base`.
    pub fn new(base: Config, tenants: Tenants) -> Batch {
        Batch { base, tenants, base_findings: std::sync::OnceLock::new(), values_files: Default::default() }
    }

    /// The values files the rows name (the `values` column's cells), each once, in row
    /// order: what the caller reads and hands to [`Batch::set_values_file`].
    pub fn values_file_names(&self) -> Vec<(String, Pos)> {
        let mut out: Vec<(String, Pos)> = Vec::new();
        for row in &self.tenants.rows {
            for cell in row.cells.iter().filter(|c| matches!(self.tenants.columns[c.column].field, Field::Values)) {
                let name = match &cell.value {
                    CellValue::Text(t) => t.clone(),
                    CellValue::Node(n) => n.as_str().unwrap_or_default().to_string(),
                };
                if !out.iter().any(|(n, _)| *n == name) {
                    out.push((name, cell.at));
                }
            }
        }
        out
    }

    /// Gives the values file a row's `values` cell names (`name` as the cell writes
    /// it), read as a values tree.
    pub fn set_values_file(&mut self, name: &str, tree: Node) {
        self.values_files.insert(name.to_string(), tree);
    }

    /// A row's cells in the order they apply: its values file first, then the others,
    /// so that a cell always wins over the row's file.
    fn in_order<'a>(row: &'a Row, columns: &[Column]) -> Vec<&'a Cell> {
        let file = |c: &&Cell| matches!(columns[c.column].field, Field::Values);
        row.cells.iter().filter(file).chain(row.cells.iter().filter(|c| !file(c))).collect()
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.tenants.rows.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.tenants.rows.is_empty()
    }

    /// Sets `cell` on `cfg`, or says why its text does not read.
    fn apply(&self, cfg: &mut Config, cell: &Cell) -> Result<(), CellError> {
        match self.tenants.columns[cell.column].field {
            Field::Key(def) => key_value(def.kind, &cell.value).map(|v| cfg.values.set(def, v)),
            Field::Context(c) => context_text(c.kind, &cell.value).map(|t| (c.set)(&mut cfg.deploy, &t)),
            Field::Values => {
                let name = match &cell.value {
                    CellValue::Text(t) => t.as_str(),
                    CellValue::Node(n) => n.as_str().unwrap_or_default(),
                };
                let tree = self.values_files.get(name).ok_or_else(|| CellError::NoValuesFile(name.to_string()))?;
                let (read, _) = crate::import::import_trees(cfg, vec![(name, tree.clone())])
                    .map_err(|e| CellError::ValuesFile(e.message))?;
                *cfg = read;
                Ok(())
            }
        }
    }

    /// Where row `row`'s finding `f` belongs, when no cell of its own field holds it: the
    /// base profile (`in_row` false) when the base alone has it, else the first cell
    /// that alone over the base makes it (a bad `tenant.sid` makes the release and the
    /// database names wrong), else the row's start, still the row's own doing (its
    /// credentials, or its cells together).
    fn cause(&self, row: &Row, f: &Finding, alone: &mut Vec<Option<Vec<Finding>>>) -> (Pos, bool) {
        let same = |g: &Finding| g.path == f.path && g.severity == f.severity && g.message == f.message;
        let base = self.base_findings.get_or_init(|| findings_given(&self.base, &Effective::real(&self.base)));
        if base.iter().any(same) {
            return (row.at, false);
        }
        alone.resize(row.cells.len(), None);
        for (i, cell) in row.cells.iter().enumerate() {
            let found = alone[i].get_or_insert_with(|| {
                let mut cfg = self.base.clone();
                match self.apply(&mut cfg, cell) {
                    Ok(()) => findings_given(&cfg, &Effective::real(&cfg)),
                    Err(_) => Vec::new(),
                }
            });
            if found.iter().any(same) {
                return (cell.at, true);
            }
        }
        (row.at, true)
    }

    /// Row `i`'s configuration (0-based): the base with the row's cells over it, or the
    /// cells that do not read.
    pub fn config(&self, i: usize) -> Result<Config, Vec<RowFinding>> {
        let row = &self.tenants.rows[i];
        let mut cfg = self.base.clone();
        let mut bad = Vec::new();
        for cell in Batch::in_order(row, &self.tenants.columns) {
            if let Err(e) = self.apply(&mut cfg, cell) {
                bad.push(RowFinding {
                    at: cell.at,
                    path: self.tenants.columns[cell.column].field.location(),
                    severity: Severity::Error,
                    message: e.to_string(),
                    in_row: true,
                });
            }
        }
        if bad.is_empty() {
            Ok(cfg)
        } else {
            Err(bad)
        }
    }

    /// Every row's configuration, in order, with its index (the benchmark's). Rows that
    /// do not read are skipped; see [`Batch::check`].
    pub fn configs(&self) -> impl Iterator<Item = (usize, Config)> + '_ {
        (0..self.len()).filter_map(|i| self.config(i).ok().map(|c| (i, c)))
    }

    /// Where a finding at `path` points in row `row`: the cell of its field (or of the
    /// field a list item sits under), else the row's start.
    fn place(&self, row: &Row, path: &Location) -> (Pos, bool) {
        let field = path.field_name();
        row.cells
            .iter()
            .find(|c| self.tenants.columns[c.column].field.name() == field)
            .map_or((row.at, false), |c| (c.at, true))
    }

    fn finding(&self, row: &Row, path: Location, severity: Severity, message: String) -> RowFinding {
        let (at, in_row) = self.place(row, &path);
        RowFinding { at, path, severity, message, in_row }
    }

    /// Checks one row on its own (no collisions): what [`Batch::check`] does per row.
    /// `prepare` runs on the row's configuration after its cells (the command line sets
    /// the tenant's credentials there).
    pub fn check_row(&self, i: usize, prepare: &dyn Fn(&mut Config)) -> RowReport {
        let row = &self.tenants.rows[i];
        let (mut cfg, mut findings) = match self.config(i) {
            Ok(cfg) => (cfg, Vec::new()),
            // The cells that read still say who the tenant is.
            Err(bad) => {
                let mut cfg = self.base.clone();
                for cell in Batch::in_order(row, &self.tenants.columns) {
                    if !bad.iter().any(|b| b.at == cell.at) {
                        let _ = self.apply(&mut cfg, cell);
                    }
                }
                (cfg, bad)
            }
        };
        prepare(&mut cfg);
        if cfg.deploy.delivery != self.base.deploy.delivery {
            let message = format!(
                "a batch has one delivery, the base profile's ({}); this row's {} is not it",
                self.base.deploy.delivery.as_str(),
                cfg.deploy.delivery.as_str()
            );
            findings.push(self.finding(row, ctx::DEPLOY_DELIVERY.into(), Severity::Error, message));
        }
        let real = Effective::real(&cfg);
        // Each cell alone over the base, checked only when a finding needs its cause.
        let mut alone = Vec::new();
        for f in findings_given(&cfg, &real) {
            let (at, in_row) = match self.place(row, &f.path) {
                (at, true) => (at, true),
                _ => self.cause(row, &f, &mut alone),
            };
            findings.push(RowFinding { at, path: f.path, severity: f.severity, message: f.message, in_row });
        }
        let release = release_name(&cfg);
        let text = |key| match cfg.values.get(key) {
            Some(Value::Str(s)) => s.trim().to_string(),
            _ => String::new(),
        };
        let (sid, tenant_id) = (text(keys::TENANT_SID), text(keys::TENANT_ID));
        let mut shared = shared_fields(&cfg);
        if cfg.deploy.delivery != crate::model::Delivery::Script {
            // In Git delivery the first tenant of the namespace declares the shared
            // Secrets for all: made by kubectl from the seed, or by External Secrets.
            shared.push(SharedField {
                secret: crate::generate::secrets::REDIS_SECRET.into(),
                path: ctx::DEPLOY_SECRETS_FROM.into(),
                what: "way of making it (deploy.secretsFrom)",
                value: cfg.deploy.git.secrets_from.as_str().into(),
                credential: false,
            });
        }
        RowReport {
            row: row.number,
            at: row.at,
            folder: download_folder(&release).to_string(),
            sid,
            release,
            namespace: cfg.deploy.namespace.clone(),
            databases: database_names(&real),
            tenant_id,
            // The modes whose tree has the tenant's folder (`gitops.path`).
            git_folder: if cfg.deploy.delivery.form().shows(ctx::GITOPS_PATH.name) {
                crate::generate::gitops::folder_of(&cfg)
            } else {
                String::new()
            },
            shared,
            shared_by: Vec::new(),
            findings,
        }
    }

    /// Completes the reports of every row, in row order, however they were made (the
    /// command line checks rows on several threads): adds the collisions between rows
    /// and puts each row's errors first.
    pub fn finish(&self, reports: &mut [RowReport]) {
        self.collisions(reports);
        self.git_folders(reports);
        self.shared_secrets(reports);
        // The first row of a namespace that renders declares its shared Secrets; the
        // later ones leave them out, so each is declared once (see `namespace_wide`).
        let mut first: std::collections::HashMap<(String, String), usize> = std::collections::HashMap::new();
        for r in reports.iter_mut() {
            r.shared_by.clear();
            if r.failed() {
                continue;
            }
            let mut names: Vec<&str> = Vec::new();
            for f in &r.shared {
                if !names.contains(&f.secret.as_str()) {
                    names.push(&f.secret);
                }
            }
            for name in names {
                match first.get(&(r.namespace.clone(), name.to_string())) {
                    Some(&row) => r.shared_by.push((name.to_string(), row)),
                    None => {
                        first.insert((r.namespace.clone(), name.to_string()), r.row);
                    }
                }
            }
        }
        for r in reports {
            // Stable: errors first, each kind in the order found.
            r.findings.sort_by_key(|f| f.severity);
        }
    }

    /// Adds an error to every row whose Git folder is another row's, holds another row's
    /// or sits inside it (`a` and `a/manifests`: one tenant's files would land in the
    /// other's), or is a file the batch writes at the tree's root.
    fn git_folders(&self, reports: &mut [RowReport]) {
        let root_files = [crate::generate::gitops::argocd::APPLICATION_SET_FILE, "kustomization.yaml"];
        let inside = |inner: &str, outer: &str| inner.strip_prefix(outer).is_some_and(|rest| rest.starts_with('/'));
        for i in 0..reports.len() {
            let folder = reports[i].git_folder.clone();
            if folder.is_empty() {
                continue;
            }
            let top = folder.split('/').next().unwrap_or_default();
            let message = if root_files.contains(&top) {
                Some(format!("the Git folder {folder:?} would be the batch's own {top}, at the tree's root"))
            } else {
                reports[..i].iter().find_map(|r| {
                    let theirs = r.git_folder.as_str();
                    if theirs.is_empty() {
                        None
                    } else if theirs == folder && r.release == reports[i].release {
                        // The same default folder, ixn/<release>: the release's collision says it.
                        None
                    } else if theirs == folder {
                        Some(format!("the Git folder {folder:?} is also row {}'s; two tenants cannot share it", r.row))
                    } else if inside(&folder, theirs) {
                        Some(format!(
                            "the Git folder {folder:?} is inside row {}'s {theirs:?}: this tenant's files would land in that tenant's",
                            r.row
                        ))
                    } else if inside(theirs, &folder) {
                        Some(format!(
                            "the Git folder {folder:?} holds row {}'s {theirs:?}: that tenant's files would land in this tenant's",
                            r.row
                        ))
                    } else {
                        None
                    }
                })
            };
            if let Some(message) = message {
                let row = &self.tenants.rows[i];
                let mut f = self.finding(row, ctx::GITOPS_PATH.into(), Severity::Error, message);
                if !f.in_row {
                    // The default folder, ixn/<release>, comes from the sid.
                    (f.at, f.in_row) = self.place(row, &keys::TENANT_SID.into());
                }
                reports[i].findings.push(f);
            }
        }
    }

    /// Adds an error to every row that gives one of its namespace's shared Secrets other
    /// contents than an earlier row of that namespace (see
    /// [`crate::generate::secrets::namespace_wide`]), at the field that differs.
    fn shared_secrets(&self, reports: &mut [RowReport]) {
        // Keyed by the Secret's part (`what`), not only by the field it comes from: the
        // Redis port and servername both come from the Redis nodes when not set.
        let mut seen: std::collections::HashMap<(String, String, &str), usize> = std::collections::HashMap::new();
        for i in 0..reports.len() {
            let mut found = Vec::new();
            for f in &reports[i].shared {
                let key = (reports[i].namespace.clone(), f.secret.clone(), f.what);
                let Some(&first) = seen.get(&key) else {
                    seen.insert(key, i);
                    continue;
                };
                let Some(theirs) = reports[first].shared.iter().find(|g| g.secret == f.secret && g.what == f.what)
                else {
                    continue;
                };
                if theirs.value == f.value {
                    continue;
                }
                let values = if f.credential {
                    String::new()
                } else {
                    format!(" ({:?} there, {:?} here)", theirs.value, f.value)
                };
                let message = format!(
                    "{} is one Secret for every tenant in namespace {}, and row {} gives it another {}{values}; tenants of one namespace must agree on it",
                    f.secret, reports[i].namespace, reports[first].row, f.what
                );
                found.push((f.path.clone(), message));
            }
            let row = &self.tenants.rows[i];
            for (path, message) in found {
                let mut f = self.finding(row, path, Severity::Error, message);
                // The row's own doing, even when no cell holds it (its secrets do).
                f.in_row = true;
                reports[i].findings.push(f);
            }
        }
    }

    /// Adds an error to every row that shares a sid, release name, database name or
    /// namespace/release pair with an earlier row.
    fn collisions(&self, reports: &mut [RowReport]) {
        type Key = fn(&RowReport) -> Vec<String>;
        let kinds: [(Location, &str, Key); 5] = [
            (keys::TENANT_SID.into(), "the tenant sid", |r| vec![r.sid.clone()]),
            (keys::TENANT_ID.into(), "the tenant id", |r| vec![r.tenant_id.to_ascii_lowercase()]),
            (ctx::DEPLOY_RELEASE.into(), "the release name", |r| vec![r.release.clone()]),
            (keys::IXN_SERVICE_IXN_SERVER_DB_NAME.into(), "the database name", |r| {
                let mut names = r.databases.to_vec();
                names.dedup();
                names
            }),
            (ctx::DEPLOY_NAMESPACE.into(), "the namespace and release", |r| {
                vec![format!("{}/{}", r.namespace, r.release)]
            }),
        ];
        for (path, what, key) in kinds {
            let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
            for i in 0..reports.len() {
                for value in key(&reports[i]) {
                    if value.is_empty() || value.contains('<') {
                        continue;
                    }
                    match seen.get(&value) {
                        // Rows that set no tenant.id all take the base profile's: that is
                        // the base's answer, not two rows' (only typed ids collide).
                        Some(&first)
                            if path == Location::Key(keys::TENANT_ID)
                                && ![first, i].iter().any(|&r| self.place(&self.tenants.rows[r], &path).1) => {}
                        Some(&first) => {
                            let row = &self.tenants.rows[i];
                            // The database collision points at whichever name collides.
                            let path = if path == Location::Key(keys::IXN_SERVICE_IXN_SERVER_DB_NAME)
                                && reports[i].databases[1] == value
                                && reports[i].databases[0] != value
                            {
                                keys::IXN_SERVICE_IXN_NODE_DB_NAME.into()
                            } else {
                                path.clone()
                            };
                            let message = format!(
                                "{what} {value:?} is also row {}'s; two tenants cannot share it",
                                reports[first].row
                            );
                            let mut f = self.finding(row, path, Severity::Error, message);
                            if !f.in_row {
                                // A derived name (ixn-<sid>, ixn-node-<sid>) comes from the sid.
                                (f.at, f.in_row) = self.place(row, &keys::TENANT_SID.into());
                            }
                            reports[i].findings.push(f);
                        }
                        None => {
                            seen.insert(value, i);
                        }
                    }
                }
            }
        }
    }
}
