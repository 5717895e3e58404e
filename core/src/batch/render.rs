//! What a batch writes, file by file: the same for `ixn-portal batch --out DIR` and
//! the portal's "Download all tenants" (its `.tar` holds these files under
//! [`TAR_FOLDER`]), so the two cannot drift apart.
//!
//! Rows render one at a time ([`row`]), each giving its own files and a small
//! [`Part`] (what the shared files need of it); [`shared`] then writes the files
//! beside the rows from the parts. So memory holds the parts, not every tenant's files.
//!
//! The layout by the base profile's delivery:
//! - **Script**: one folder per tenant (the files of "Download everything"),
//!   `tenants.csv` and `deploy-all.sh`.
//! - **Argo CD**: `git/applicationset.yaml` (one `ApplicationSet`, a list element
//!   per tenant), each tenant's `git/<folder>/override_values.yaml` and `manifests/`.
//! - **Flux**: each tenant's tree under `git/<folder>/`, and `git/kustomization.yaml`
//!   listing every tenant's folder, so that one Flux `Kustomization` with
//!   `path: ./git` (or `kubectl kustomize git`) reads them all.
//! - **Genesys pipeline**: `git/services/ixn/01_chart_ixn/chart.ver` and one
//!   `NN_release_<name>/` folder per tenant under it.
//!
//! In the GitOps modes `seed-secret-store.sh` (every tenant's secrets, 0700) sits
//! beside `git/`, out of the tree, with `tenants.csv`.
//!
//! The namespace's shared Secrets (`redis-ors-secret`, `kafka-shared-secret`, the pull
//! secret: see [`crate::generate::secrets::namespace_wide`]) are declared once per
//! namespace, by its first rendered row: its ExternalSecrets (reading one store entry of
//! the namespace, `<namespace>-shared-…`) or its seed lines; the other rows of the
//! namespace leave them out ([`super::RowReport::shared_by`]), so no two Argo CD
//! Applications or Flux Kustomizations own one object.

use super::index;
use super::RowReport;
use crate::artifacts::download;
use crate::generate::archive::File;
use crate::generate::gitops::{self, argocd, flux, genesys, seed, BatchError, GitFile, GitView};
use crate::generate::values_yaml::ValuesOptions;
use crate::model::{Config, Delivery};

/// The folder the portal's batch `.tar` holds the files in.
pub const TAR_FOLDER: &str = "ixn-tenants";
/// The Git tree's folder in a GitOps batch.
pub const GIT_DIR: &str = "git";

/// What the shared files need of one rendered row.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// The tenant's folder in the Git tree (GitOps modes).
    pub folder: String,
    /// The release name.
    pub release: String,
    /// The namespace.
    pub namespace: String,
    /// The tenant's lines of `seed-secret-store.sh` (GitOps modes).
    pub seed: String,
    /// What the mode's batch-wide files take from this row.
    pub share: Share,
}

/// What a delivery mode's batch-wide files take from one row, besides its folder.
#[derive(Debug, Clone, PartialEq)]
pub enum Share {
    /// Nothing (Script: `deploy-all.sh` reads the reports; Flux: the folder).
    Nothing,
    /// Argo CD: the row's list element, and what the ApplicationSet would take from it
    /// if it is the first.
    Argocd(Box<(argocd::Element, argocd::BatchHead)>),
    /// Genesys: the chart version the row installs (one `chart.ver` for every release).
    ChartVersion(String),
}

/// One rendered row: its files (paths from the batch's root) and its part.
#[derive(Debug, Clone, PartialEq)]
pub struct RowOutput {
    /// The row's files.
    pub files: Vec<File>,
    /// What the shared files need of it.
    pub part: Part,
}

fn git_file(f: GitFile) -> File {
    File { name: format!("{GIT_DIR}/{}", f.path), data: f.text.into_bytes(), executable: f.executable, secret: false }
}

/// The digits a Genesys release folder's number has: those of the last row, at least 2.
pub fn row_width(rows: usize) -> usize {
    rows.to_string().len().max(2)
}

/// Row `report`'s files, from its configuration `cfg` (cells and secrets applied), in
/// the layout of `delivery` (the base profile's). `width` is [`row_width`] of the batch.
pub fn row(cfg: &Config, report: &RowReport, delivery: Delivery, opts: ValuesOptions, width: usize) -> RowOutput {
    let git = |delivery: Delivery| {
        let mut cfg = cfg.clone();
        // One batch, one delivery: the base profile's.
        cfg.deploy.delivery = delivery;
        // The namespace's shared Secrets are declared by its first row, once.
        GitView::of(&cfg, opts).in_batch(&report.shared_by)
    };
    let (folder, share, files, t) = match delivery {
        Delivery::Script => {
            let d = download(cfg, opts);
            let part = Part {
                folder: d.folder.clone(),
                release: report.release.clone(),
                namespace: report.namespace.clone(),
                seed: String::new(),
                share: Share::Nothing,
            };
            return RowOutput { files: d.into_folder(), part };
        }
        Delivery::Argocd => {
            let t = git(delivery);
            let (element, files) = argocd::batch_part(&t);
            let head = argocd::batch_head(&t);
            (t.folder.clone(), Share::Argocd(Box::new((element, head))), files, t)
        }
        Delivery::Flux => {
            let t = git(delivery);
            let files = flux::tree(&t).files;
            (t.folder.clone(), Share::Nothing, files, t)
        }
        Delivery::Genesys => {
            let t = git(delivery);
            let dir = genesys::batch_release_dir(&t, report.row, width);
            let files = genesys::release_files(&t, &dir);
            (dir, Share::ChartVersion(cfg.deploy.chart_version.trim().to_string()), files, t)
        }
    };
    RowOutput {
        files: files.into_iter().map(git_file).collect(),
        part: Part {
            folder,
            release: t.release.clone(),
            namespace: t.namespace.clone(),
            seed: seed::tenant_lines(&t),
            share,
        },
    }
}

/// Why the rendered rows cannot make one batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SharedError {
    /// Two tenants would share a folder or a release.
    Gitops(BatchError),
    /// The Genesys pipeline installs one chart version for every release.
    ChartVersions {
        /// The first row's version.
        first: String,
        /// Another row's.
        other: String,
        /// That row (1-based, counting tenants).
        row: usize,
    },
}

impl std::fmt::Display for SharedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SharedError::Gitops(e) => e.fmt(f),
            SharedError::ChartVersions { first, other, row } => write!(
                f,
                "row {row}: the Genesys pipeline installs one chart version (chart.ver) for every release: {other:?} differs from the first tenant's {first:?}"
            ),
        }
    }
}

impl std::error::Error for SharedError {}

/// The files beside the rows: `tenants.csv`, and `deploy-all.sh` (Script) or the
/// GitOps tree's shared files and `seed-secret-store.sh`. `parts` are the rendered
/// rows' parts in row order (`rendered` says which rows those are).
pub fn shared(
    reports: &[RowReport],
    rendered: &[bool],
    parts: &[Part],
    delivery: Delivery,
) -> Result<Vec<File>, SharedError> {
    let csv = File {
        name: index::INDEX_FILE.into(),
        data: index::index_csv(reports, rendered).into_bytes(),
        executable: false,
        secret: false,
    };
    if delivery == Delivery::Script {
        let script = File {
            name: index::SCRIPT_FILE.into(),
            data: index::deploy_all(reports, rendered).into_bytes(),
            executable: true,
            secret: false,
        };
        return Ok(vec![csv, script]);
    }
    if parts.is_empty() {
        // Nothing rendered: the index says why.
        return Ok(vec![csv]);
    }
    gitops::distinct(parts.iter().map(|p| (p.folder.as_str(), p.release.as_str(), p.namespace.as_str())))
        .map_err(SharedError::Gitops)?;
    let mut out = Vec::new();
    match delivery {
        // Returned above: the Script layout has no Git tree.
        Delivery::Script => {}
        Delivery::Argocd => {
            let shares: Vec<&(argocd::Element, argocd::BatchHead)> = parts
                .iter()
                .filter_map(|p| match &p.share {
                    Share::Argocd(s) => Some(&**s),
                    _ => None,
                })
                .collect();
            let head = &shares[0].1;
            let elements = shares.iter().map(|(e, _)| e.clone()).collect();
            out.push(git_file(argocd::application_set_file(head, elements)));
            out.push(git_file(gitops::readme::application_set(&head.namespace)));
        }
        Delivery::Flux => {
            out.push(git_file(GitFile {
                path: "kustomization.yaml".into(),
                text: flux::kustomize_file(&parts.iter().map(|p| p.folder.clone()).collect::<Vec<_>>()),
                executable: false,
            }));
        }
        Delivery::Genesys => {
            let version = |p: &Part| match &p.share {
                Share::ChartVersion(v) => v.clone(),
                _ => String::new(),
            };
            let first = version(&parts[0]);
            let rows = reports.iter().zip(rendered).filter(|(_, &done)| done).map(|(r, _)| r.row);
            for (p, row) in parts.iter().zip(rows) {
                let other = version(p);
                if other != first {
                    return Err(SharedError::ChartVersions { first, other, row });
                }
            }
            out.push(git_file(GitFile {
                path: format!("{}/chart.ver", genesys::CHART_DIR),
                text: format!("{first}\n"),
                executable: false,
            }));
        }
    }
    let mut seed_text = seed::head();
    for p in parts {
        seed_text.push_str(&p.seed);
    }
    out.push(File { name: gitops::SEED_FILE.into(), data: seed_text.into_bytes(), executable: true, secret: true });
    out.push(csv);
    Ok(out)
}

/// How a batch's rows are run: one after another (the portal's worker, the tests) or
/// on several threads (the command line). The loop itself is [`check`] and [`each`],
/// the same for every caller; only this differs.
pub trait Rows {
    /// Runs `work(i)` for every `i` below `n`, calling `done(i, result)` on the calling
    /// thread as each finishes (in any order).
    fn run<T: Send>(&self, n: usize, work: &(dyn Fn(usize) -> T + Sync), done: &mut dyn FnMut(usize, T));
}

/// Rows one after another, in order, on the calling thread.
#[derive(Debug, Clone, Copy, Default)]
pub struct InOrder;

impl Rows for InOrder {
    fn run<T: Send>(&self, n: usize, work: &(dyn Fn(usize) -> T + Sync), done: &mut dyn FnMut(usize, T)) {
        for i in 0..n {
            done(i, work(i));
        }
    }
}

/// Which pass of a batch a [`Progress`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Stage {
    /// Checking every row.
    Checking,
    /// Rendering the rows without errors.
    Rendering,
}

impl Stage {
    /// The word a progress bar or a progress reply shows.
    pub fn word(self) -> &'static str {
        match self {
            Stage::Checking => "checking",
            Stage::Rendering => "rendering",
        }
    }
}

/// How far a pass is: `done` of `total` rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// The pass.
    pub stage: Stage,
    /// Rows done.
    pub done: usize,
    /// Rows in the pass.
    pub total: usize,
}

/// Checks every row, `prepare` run on each row's configuration after its cells, then
/// the collisions between rows: the reports in row order, each with errors first.
/// `progress` hears of every row checked.
pub fn check(
    batch: &super::Batch,
    prepare: &(dyn Fn(&mut Config) + Sync),
    rows: &impl Rows,
    progress: &mut dyn FnMut(Progress),
) -> Vec<RowReport> {
    let total = batch.len();
    let mut slots: Vec<Option<RowReport>> = (0..total).map(|_| None).collect();
    let mut done = 0;
    rows.run(total, &|i| batch.check_row(i, prepare), &mut |i, r| {
        slots[i] = Some(r);
        done += 1;
        progress(Progress { stage: Stage::Checking, done, total });
    });
    let mut reports: Vec<RowReport> = slots.into_iter().map(|r| r.expect("every row checked")).collect();
    batch.finish(&mut reports);
    reports
}

// Here, beside the one loop they run, rather than in `batch/mod.rs`: that file does not
// import this one, so the two make no circle.
impl super::Batch {
    /// Checks every row: its own findings, then collisions between rows. Reports are in
    /// row order, each with errors first.
    pub fn check(&self) -> Vec<RowReport> {
        self.check_with(&|_| {})
    }

    /// [`super::Batch::check`], with `prepare` run on each row's configuration after its cells.
    pub fn check_with(&self, prepare: &(dyn Fn(&mut Config) + Sync)) -> Vec<RowReport> {
        check(self, prepare, &InOrder, &mut |_| {})
    }
}

/// Why [`each`] stopped.
#[derive(Debug)]
pub enum Stop<E> {
    /// The rows do not make one batch.
    Shared(SharedError),
    /// The caller's `write` failed.
    Write(E),
}

/// Renders every row the `reports` (of [`check`]) do not fail, each with its
/// configuration `prepare`d after its cells, in the layout of the base profile's
/// delivery: `write(i, files)` gets row `i`'s files as soon as they are made, where
/// they are made (on the rows' threads, in any order), and the files beside the rows
/// are returned. Memory holds the rows' small [`Part`]s, not their files. `progress`
/// hears of every row rendered. After a failed write the other rows are not written.
pub fn each<E: Send>(
    batch: &super::Batch,
    reports: &[RowReport],
    opts: ValuesOptions,
    prepare: &(dyn Fn(&mut Config) + Sync),
    rows: &impl Rows,
    progress: &mut dyn FnMut(Progress),
    write: &(dyn Fn(usize, Vec<File>) -> Result<(), E> + Sync),
) -> Result<Vec<File>, Stop<E>> {
    let rendered: Vec<bool> = reports.iter().map(|r| !r.failed()).collect();
    let delivery = batch.base.deploy.delivery;
    let width = row_width(reports.last().map_or(0, |r| r.row));
    let todo: Vec<usize> = (0..reports.len()).filter(|&i| rendered[i]).collect();
    let total = todo.len();
    let stopped = std::sync::atomic::AtomicBool::new(false);
    let work = |k: usize| -> Option<Result<Part, E>> {
        if stopped.load(std::sync::atomic::Ordering::Relaxed) {
            return None;
        }
        let i = todo[k];
        let mut cfg = batch.config(i).expect("a row without errors reads");
        prepare(&mut cfg);
        let out = row(&cfg, &reports[i], delivery, opts, width);
        Some(write(i, out.files).map(|()| out.part).inspect_err(|_| {
            stopped.store(true, std::sync::atomic::Ordering::Relaxed);
        }))
    };
    let mut parts: Vec<Option<Part>> = (0..total).map(|_| None).collect();
    let mut failed = None;
    let mut done = 0;
    rows.run(total, &work, &mut |k, out| match out {
        Some(Ok(part)) => {
            parts[k] = Some(part);
            done += 1;
            progress(Progress { stage: Stage::Rendering, done, total });
        }
        Some(Err(e)) => {
            failed.get_or_insert(e);
        }
        None => {}
    });
    if let Some(e) = failed {
        return Err(Stop::Write(e));
    }
    let parts: Vec<Part> = parts.into_iter().map(|p| p.expect("every row rendered")).collect();
    shared(reports, &rendered, &parts, delivery).map_err(Stop::Shared)
}

/// Every file of the batch, rows in order then the shared files, with each row's
/// configuration `prepare`d after its cells: what the portal's batch `.tar` and
/// `ixn-portal batch --tar` hold ([`each`], its rows put in order).
pub fn all(
    batch: &super::Batch,
    reports: &[RowReport],
    opts: ValuesOptions,
    prepare: &(dyn Fn(&mut Config) + Sync),
) -> Result<Vec<File>, SharedError> {
    all_with(batch, reports, opts, prepare, &InOrder, &mut |_| {})
}

/// [`all`], its rows run by `rows`, `progress` hearing of each.
pub fn all_with(
    batch: &super::Batch,
    reports: &[RowReport],
    opts: ValuesOptions,
    prepare: &(dyn Fn(&mut Config) + Sync),
    rows: &impl Rows,
    progress: &mut dyn FnMut(Progress),
) -> Result<Vec<File>, SharedError> {
    let by_row: std::sync::Mutex<Vec<Vec<File>>> =
        std::sync::Mutex::new((0..reports.len()).map(|_| Vec::new()).collect());
    let keep = |i: usize, files: Vec<File>| {
        by_row.lock().unwrap_or_else(|e| e.into_inner())[i] = files;
        Ok::<(), std::convert::Infallible>(())
    };
    let shared = match each(batch, reports, opts, prepare, rows, progress, &keep) {
        Ok(files) => files,
        Err(Stop::Shared(e)) => return Err(e),
        Err(Stop::Write(never)) => match never {},
    };
    let mut files: Vec<File> = by_row.into_inner().unwrap_or_else(|e| e.into_inner()).into_iter().flatten().collect();
    files.extend(shared);
    Ok(files)
}

/// The batch's files as one tree, under [`TAR_FOLDER`] in the portal's batch `.tar`.
pub fn tree(files: Vec<File>) -> crate::generate::archive::Tree {
    crate::generate::archive::Tree { folder: TAR_FOLDER.to_string(), files }
}
