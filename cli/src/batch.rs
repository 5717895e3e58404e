//! `ixn-portal batch`: one folder per tenant from a base profile and a tenants file,
//! with the index and the deploy-all script, all or nothing (or the good rows with
//! `--keep-going`).

use crate::failure::Failure;
use crate::output::{sink_err, Target};
use crate::secrets::{sid_suffix, Source};
use crate::{input, SecretArgs};
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

/// `work(i)` for every `i` below `n`, on as many threads as there are cores, the
/// results in order; the first failure is returned.
fn parallel<T: Send>(n: usize, work: impl Fn(usize) -> Result<T, Failure> + Sync) -> Result<Vec<T>, Failure> {
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get()).min(n.max(1));
    let mut slots: Vec<Option<Result<T, Failure>>> = (0..n).map(|_| None).collect();
    std::thread::scope(|s| {
        let work = &work;
        // Rows are dealt round-robin, so each thread gets a share of every part of the file.
        let chunks: Vec<_> = (0..threads)
            .map(|t| s.spawn(move || (t..n).step_by(threads).map(|i| (i, work(i))).collect::<Vec<_>>()))
            .collect();
        for c in chunks {
            for (i, r) in c.join().expect("a worker panicked") {
                slots[i] = Some(r);
            }
        }
    });
    slots.into_iter().map(|r| r.expect("every row done")).collect()
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
    let mut reports = parallel(batch.len(), |i| {
        let r = batch.check_row(i, &prepare);
        bar.inc(1);
        Ok(r)
    })?;
    batch.finish(&mut reports);
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

    let rendered: Vec<bool> = reports.iter().map(|r| !r.failed()).collect();
    let delivery = batch.base.deploy.delivery;
    let width = render::row_width(reports.last().map_or(0, |r| r.row));
    let bar = progress(rendered.iter().filter(|&&r| r).count(), o.quiet, "rendering");
    // The one core function the portal's "Download all tenants" calls per row.
    let row = |i: usize| {
        let mut cfg = batch.config(i).expect("a row without errors reads");
        prepare(&mut cfg);
        let out = render::row(&cfg, &reports[i], delivery, o.values_opts, width);
        bar.inc(1);
        out
    };
    let shared = |parts: &[render::Part]| {
        render::shared(&reports, &rendered, parts, delivery)
            .map_err(|e| Failure::Input(shared_error(&file, &batch, &reports, &e)))
    };
    if o.tar {
        // The portal's batch .tar: the same tree through the same tar sink.
        let rows = parallel(batch.len(), |i| Ok(rendered[i].then(|| row(i))))?;
        let (mut files, mut parts) = (Vec::new(), Vec::new());
        for out in rows.into_iter().flatten() {
            files.extend(out.files);
            parts.push(out.part);
        }
        files.extend(shared(&parts)?);
        target.write_file(&render::tree(files).tar())?;
    } else {
        target.write_dir(|sink| {
            // Each tenant is rendered and written, then dropped: memory stays that of
            // the index and the parts (what the shared files need of each row).
            let parts = parallel(batch.len(), |i| {
                if !rendered[i] {
                    return Ok(None);
                }
                let out = row(i);
                sink.write(&out.files).map_err(sink_err)?;
                Ok(Some(out.part))
            })?;
            let parts: Vec<render::Part> = parts.into_iter().flatten().collect();
            sink.write(&shared(&parts)?).map_err(sink_err)
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
