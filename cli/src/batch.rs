//! `ixn-portal batch`: many tenants from a base profile and a tenants file, in the
//! base profile's delivery mode (Script: one folder per tenant and `deploy-all.sh`;
//! Git modes: one `git/` tree and `seed-secret-store.sh`), with the index
//! `tenants.csv`; all or nothing (or the good rows with `--keep-going`). The rows run
//! through the core's one batch loop, on every core.

use crate::failure::Failure;
use crate::input;
use crate::output::{sink_err, Target};
use crate::secrets::{sid_suffix, SecretArgs, Source};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use ixn_core::batch::{base_line, from_base, index, render, rows_with, Batch, RowReport, Tenants};
use ixn_core::generate::values_yaml::ValuesOptions;
use ixn_core::model::Config;
use ixn_core::validate::Severity;
use ixn_core::wording::count;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// What `batch` was asked.
pub struct Options {
    pub base: PathBuf,
    pub values: Vec<PathBuf>,
    pub tenants: PathBuf,
    pub out: PathBuf,
    /// `out` is the `.tar` to write (the portal's "Download all tenants"), not a folder.
    pub tar: bool,
    pub keep_going: bool,
    pub force: bool,
    pub values_opts: ValuesOptions,
    pub secrets: SecretArgs,
    pub quiet: bool,
}

/// A progress bar on stderr, drawn only when stderr is a terminal and not `quiet`.
fn progress(len: usize, quiet: bool, what: &'static str) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} {elapsed}").expect("template").progress_chars("=> "),
    );
    bar.set_message(what);
    bar
}

/// The batch's rows on as many threads as there are cores, each result handed back
/// to the calling thread as it comes.
struct Threads;

impl render::Rows for Threads {
    fn run<T: Send>(&self, n: usize, work: &(dyn Fn(usize) -> T + Sync), done: &mut dyn FnMut(usize, T)) {
        let threads = std::thread::available_parallelism().map_or(1, |t| t.get()).min(n.max(1));
        // Bounded: a thread waits while the results it sent are not taken yet.
        let (send, receive) = std::sync::mpsc::sync_channel(threads);
        std::thread::scope(|s| {
            for t in 0..threads {
                let send = send.clone();
                // Rows are dealt round-robin, so each thread gets a share of every part of the file.
                s.spawn(move || {
                    for i in (t..n).step_by(threads) {
                        if send.send((i, work(i))).is_err() {
                            return;
                        }
                    }
                });
            }
            drop(send);
            for (i, r) in receive {
                done(i, r);
            }
        });
    }
}

/// Why the rows do not make one batch, at `file:line:column`: a row's chart version
/// at its `deploy.chartVersion` cell (or the row, when it comes from elsewhere).
fn shared_error(file: &str, batch: &Batch, reports: &[RowReport], e: &render::SharedError) -> String {
    let render::SharedError::ChartVersions { row, .. } = e else { return e.to_string() };
    let Some(r) = batch.tenants.rows.get(row.wrapping_sub(1)) else { return e.to_string() };
    let cell = r.cells.iter().find(|c| batch.tenants.columns[c.column].field.name() == "deploy.chartVersion");
    let at = cell.map_or_else(|| reports.get(row - 1).map_or(r.at, |rep| rep.at), |c| c.at);
    format!("{file}:{}:{}: {e}", at.line, at.column)
}

/// Runs a batch.
pub fn run(o: Options) -> Result<ExitCode, Failure> {
    let target = Target::new(&o.out, o.force)?;
    let secrets = Source::read(&o.secrets)?;
    let (mut base, warnings) = input::config(&o.base, &o.values)?;
    input::warn(&warnings, o.quiet);
    secrets.apply(&mut base, None)?;
    let file = o.tenants.display().to_string();
    let tenants = Tenants::parse(&file, &input::read(&o.tenants)?).map_err(|e| Failure::Input(e.to_string()))?;
    let mut batch = Batch::new(base, tenants);
    // The rows' own values files, relative to the tenants file.
    let dir = o.tenants.parent().unwrap_or(std::path::Path::new(""));
    for (name, at) in batch.values_file_names() {
        let path = dir.join(&name);
        let text = input::read(&path).map_err(|f| match f {
            Failure::Input(m) | Failure::Findings(m) | Failure::Output(m) => {
                Failure::Input(format!("{file}:{}:{}: values: {m}", at.line, at.column))
            }
        })?;
        let tree = input::values_tree(&path, &text)?;
        batch.set_values_file(&name, tree);
    }
    let prepare = |cfg: &mut Config| {
        let _ = secrets.apply_to_tenant(cfg);
    };

    let bar = progress(batch.len(), o.quiet, "checking");
    let reports = render::check(&batch, &prepare, &Threads, &mut |_| bar.inc(1));
    bar.finish_and_clear();

    // Credentials meant for one tenant must find it: a typo would leave it without.
    let (file_sids, env_sids) = secrets.tenant_keys();
    for sid in file_sids {
        if !reports.iter().any(|r| r.sid == sid) {
            return Err(Failure::Input(format!("--secrets-file: tenants.{sid} matches no row's tenant.sid")));
        }
    }
    for suffix in env_sids {
        if !reports.iter().any(|r| sid_suffix(&r.sid) == suffix) {
            return Err(Failure::Input(format!(
                "--secrets-env: the variables ending in __{suffix} match no row's tenant.sid"
            )));
        }
    }

    // What the base profile causes is said once, before the rows; each row then says
    // only what it causes itself.
    let shown = |f: &&ixn_core::batch::RowFinding| !o.quiet || f.severity == Severity::Error;
    for (f, n) in from_base(&reports).iter().filter(|(f, _)| shown(f)) {
        eprintln!("{}", base_line(&file, f, &rows_with(*n, reports.len())));
    }
    let mut failed = 0;
    for r in &reports {
        if r.failed() {
            failed += 1;
        }
        for f in r.findings.iter().filter(|f| f.in_row).filter(shown) {
            eprintln!("{}", r.line(&file, f));
        }
    }
    if failed > 0 && !o.keep_going {
        return Err(Failure::Findings(format!(
            "nothing written: {} of {} {} errors (--keep-going writes the others)",
            failed,
            count(reports.len(), "row"),
            if failed == 1 { "has" } else { "have" }
        )));
    }

    let bar = progress(reports.iter().filter(|r| !r.failed()).count(), o.quiet, "rendering");
    let stop = |e: render::Stop<Failure>| match e {
        render::Stop::Shared(e) => Failure::Input(shared_error(&file, &batch, &reports, &e)),
        render::Stop::Write(f) => f,
    };
    // The one batch loop of the core, as the portal's "Download all tenants" runs it.
    if o.tar {
        // The portal's batch .tar: the same tree through the same tar sink.
        let files = render::all_with(&batch, &reports, o.values_opts, &prepare, &Threads, &mut |_| bar.inc(1))
            .map_err(|e| stop(render::Stop::Shared(e)))?;
        target.write_file(&render::tree(files).tar())?;
    } else {
        target.write_dir(|sink| {
            // Each tenant is written as it is rendered, on its thread, then dropped:
            // memory stays that of the index and the parts (what the shared files need
            // of each row).
            let write = |_, files: Vec<_>| sink.write(&files).map_err(sink_err);
            let shared = render::each(&batch, &reports, o.values_opts, &prepare, &Threads, &mut |_| bar.inc(1), &write)
                .map_err(stop)?;
            sink.write(&shared).map_err(sink_err)
        })?;
    }
    bar.finish_and_clear();
    let done = reports.len() - failed;
    if !o.quiet || failed > 0 {
        eprintln!(
            "rendered {} of {} into {}{}",
            done,
            count(reports.len(), "tenant"),
            target.shown().display(),
            if failed > 0 { format!("; {failed} failed (see {})", index::INDEX_FILE) } else { String::new() }
        );
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
