//! Adopting the tenants already running: their values, read from a Genesys
//! multicloud-services repository, Argo CD Applications or ApplicationSets, Flux
//! HelmReleases, or `helm get values` outputs, become a base profile (what every tenant
//! shares), a tenants file (one row per tenant, what differs as columns) and, for what a
//! column cannot carry, a values file per tenant that its row names.
//!
//! Secrets are never written: each tenant's are listed as the credentials `batch` will
//! need. `$VAR` placeholders stay as they are.
//!
//! The proof is built in ([`proof`]): every tenant is rendered again from what was
//! written (read back from its text, as `batch` reads it) and its values compared with
//! the source's, as Helm reads both (over the chart's defaults, a `null` deleting).
//! [`report`] says what varies across tenants, who the outliers are, and which chart
//! versions run.

pub mod archive;
mod argocd;
mod flux;
mod genesys;
mod helm_values;
pub mod proof;
pub mod report;
mod source;
mod split;

pub use source::{merge_layers, AdoptError, InputFile, SourceKind, Tenant};
pub use split::{Adopted, Credential};

use crate::generate::archive::File;

/// The base profile's file name in the output.
pub const BASE_FILE: &str = "base.yaml";
/// The tenants file's name in the output.
pub const TENANTS_FILE: &str = "tenants.csv";
/// The folder of the tenants' own values files in the output.
pub const VALUES_DIR: &str = "values";
/// The report's file name in the output.
pub const REPORT_FILE: &str = "adopt-report.txt";

/// What `adopt` made: the files to write, the proof and the report.
#[derive(Debug, Clone)]
pub struct Adoption {
    /// What the sources were.
    pub kind: SourceKind,
    /// The tenants as read, in order.
    pub tenants: Vec<Tenant>,
    /// The base, the rows and the values files, as text.
    pub adopted: Adopted,
    /// Every tenant rendered again from [`Adoption::adopted`] and compared.
    pub proof: proof::Proof,
    /// What varies across the tenants.
    pub report: report::Report,
    /// Files of the sources that were not read, with why (said, never dropped silently).
    pub skipped: Vec<String>,
    /// What `batch` would still refuse in what was written ([`needs`]): the deployment
    /// settings no source holds (the chart's repository, the cluster, Kafka's
    /// bootstrap…), and the rows' own errors, to settle before rendering.
    pub needs: Vec<String>,
}

impl Adoption {
    /// The files to write: the base profile, the tenants file, the values files and
    /// the report. None holds a secret.
    pub fn files(&self) -> Vec<File> {
        let file = |name: &str, text: &str| File {
            name: name.to_string(),
            data: text.as_bytes().to_vec(),
            executable: false,
            secret: false,
        };
        let mut out = vec![file(BASE_FILE, &self.adopted.base), file(TENANTS_FILE, &self.adopted.tenants)];
        out.extend(self.adopted.values_files.iter().map(|(name, text)| file(name, text)));
        out.push(file(REPORT_FILE, &self.text()));
        out
    }

    /// The whole report as text: the proof, the credentials needed, what varies.
    pub fn text(&self) -> String {
        let mut s =
            format!("Adopted {} from {}.\n", crate::wording::count(self.tenants.len(), "tenant"), self.kind.describe());
        s.push_str(&self.proof.text());
        s.push_str(&split::credentials_text(&self.adopted.credentials));
        s.push_str(&self.report.text());
        if !self.needs.is_empty() {
            s.push_str(&format!(
                "\nBefore `ixn-portal batch` renders these tenants: what no source holds, to set in {BASE_FILE} (or a column of {TENANTS_FILE}), and the credentials to give with --secrets-env or --secrets-file:\n"
            ));
            for line in &self.needs {
                s.push_str(&format!("  {line}\n"));
            }
        }
        if !self.skipped.is_empty() {
            s.push_str(&format!("\nNot read ({}):\n", self.skipped.len()));
            for line in &self.skipped {
                s.push_str(&format!("  {line}\n"));
            }
        }
        for note in &self.adopted.notes {
            s.push_str(&format!("note: {note}\n"));
        }
        s
    }
}

/// `work(i, item)` for every item, in order: on every core natively (the command
/// line), in turn in the browser's worker (wasm has no threads there).
pub(crate) fn each<T: Sync, R: Send>(items: &[T], work: impl Fn(usize, &T) -> R + Sync) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let threads = std::thread::available_parallelism().map_or(1, |t| t.get()).min(items.len().max(1));
        if threads > 1 && items.len() > 16 {
            let mut slots: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
            std::thread::scope(|s| {
                let work = &work;
                let parts: Vec<_> = (0..threads)
                    .map(|t| {
                        s.spawn(move || {
                            (t..items.len()).step_by(threads).map(|i| (i, work(i, &items[i]))).collect::<Vec<_>>()
                        })
                    })
                    .collect();
                for p in parts {
                    for (i, r) in p.join().expect("a thread of adopt panicked") {
                        slots[i] = Some(r);
                    }
                }
            });
            return slots.into_iter().map(|r| r.expect("every item done")).collect();
        }
    }
    items.iter().enumerate().map(|(i, t)| work(i, t)).collect()
}

/// A values file as `adopt` reads a tenant's: YAML as Helm reads it, a mapping (or
/// empty), and each `${IXN_PORTAL_DOLLAR}` (what the Genesys workflow's envsubst gives
/// back as `$`) read as `$`. `file` names it in messages (with line and column).
pub fn read_values(file: &str, text: &str) -> Result<crate::yaml::Node, AdoptError> {
    genesys::values_of(file, text)
}

/// Reads the tenants of `files` (a repository's files, paths relative to its root;
/// a folder ends with `/` and has no data), splits them into a base, rows and values
/// files, proves each tenant renders back as its source, and reports what varies.
/// A source that cannot be read is refused whole, at its place.
pub fn adopt(files: &[InputFile]) -> Result<Adoption, AdoptError> {
    let (kind, tenants, skipped) = source::read(files)?;
    // Each tenant's values as Helm merges them, once.
    let merged = each(&tenants, |_, t| t.merged());
    let adopted = split::split(&tenants, &merged)?;
    let proof = proof::prove(&tenants, &merged, &adopted);
    let report = report::report(&tenants, &merged);
    let needs = needs(&adopted);
    Ok(Adoption { kind, tenants, adopted, proof, report, skipped, needs })
}

/// How many lines [`needs`] keeps.
pub const NEEDS_SHOWN: usize = 20;

/// The errors `batch` would report for what `adopt` wrote, with the credentials the
/// sources held: what the user must still settle. Those the base causes (settings no
/// source holds) once each, "path: message (every tenant)"; a row's own as `batch`
/// prints them; at most [`NEEDS_SHOWN`] lines, then how many more.
fn needs(adopted: &Adopted) -> Vec<String> {
    use crate::registry::keys::TENANT_SID;
    let Ok(batch) = proof::read_back(adopted) else { return Vec::new() };
    // The credentials the sources held, by the row's sid (as --secrets-file names it).
    let sid = |cfg: &crate::model::Config| cfg.values.get(TENANT_SID).and_then(|v| v.text()).map(str::to_string);
    let by_sid: std::collections::HashMap<String, usize> =
        (0..adopted.secrets.0.len()).filter_map(|i| Some((sid(&batch.config(i).ok()?)?, i))).collect();
    let prepare = |cfg: &mut crate::model::Config| {
        if let Some(&i) = sid(cfg).and_then(|s| by_sid.get(&s)) {
            for (def, v) in &adopted.secrets.0[i] {
                cfg.values.set(def, v.clone());
            }
        }
    };
    let mut out: Vec<String> = Vec::new();
    let mut rows: Vec<String> = Vec::new();
    for r in batch.check_with(&prepare) {
        for f in r.findings.iter().filter(|f| f.severity == crate::validate::Severity::Error) {
            if f.in_row {
                rows.push(r.line(TENANTS_FILE, f));
            } else {
                let line = format!("{}: {} (every tenant)", f.path, f.message);
                if !out.contains(&line) {
                    out.push(line);
                }
            }
        }
    }
    out.extend(rows);
    if out.len() > NEEDS_SHOWN {
        let more = out.len() - NEEDS_SHOWN;
        out.truncate(NEEDS_SHOWN);
        out.push(format!("… and {more} more (ixn-portal batch lists them all)"));
    }
    out
}
