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

use super::RowReport;
use crate::delivery::{self, RowIn, SharedIn};
use crate::generate::archive::File;
use crate::generate::values_yaml::ValuesOptions;
use crate::model::{Config, Delivery};

/// The folder the portal's batch `.tar` holds the files in.
pub const TAR_FOLDER: &str = "ixn-tenants";
pub use crate::delivery::git::GIT_DIR;
pub use crate::delivery::{Part, RowOutput, Share, SharedError};

/// The digits a Genesys release folder's number has: those of the last row, at least 2.
pub fn row_width(rows: usize) -> usize {
    rows.to_string().len().max(2)
}

/// Row `report`'s files, from its configuration `cfg` (cells and secrets applied), in
/// the layout of `delivery` (the base profile's): its mode's row of the delivery table
/// ([`crate::delivery::MODES`]). `width` is [`row_width`] of the batch.
pub fn row(cfg: &Config, report: &RowReport, delivery: Delivery, opts: ValuesOptions, width: usize) -> RowOutput {
    (delivery::of(delivery).row)(&RowIn { cfg, report, opts, width })
}

/// The files beside the rows: `tenants.csv`, and `deploy-all.sh` (Script) or the
/// GitOps tree's shared files and `seed-secret-store.sh`, as the delivery's mode
/// ([`crate::delivery::MODES`]) makes them. `parts` are the rendered rows' parts in row
/// order (`rendered` says which rows those are).
pub fn shared(
    reports: &[RowReport],
    rendered: &[bool],
    parts: &[Part],
    delivery: Delivery,
) -> Result<Vec<File>, SharedError> {
    (delivery::of(delivery).shared)(&SharedIn { reports, rendered, parts })
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
