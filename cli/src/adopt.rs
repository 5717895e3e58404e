//! `ixn-portal adopt`: the tenants already running, read from a Genesys repository, Argo
//! CD or Flux manifests, or `helm get values` outputs, written as a base profile, a
//! tenants file and per-tenant values files, with the proof that every tenant renders
//! back exactly (exit 1 when one does not) and the report of what varies.

use crate::failure::Failure;
use crate::output::{sink_err, Target};
use ixn_core::adopt::{adopt, archive, InputFile};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What `adopt` was asked.
#[derive(Debug, clap::Args)]
pub struct AdoptArgs {
    /// The sources: a folder (a repository, or a folder of manifests or of `helm get
    /// values` outputs), YAML files, or a .tar, .tar.gz or .zip of a repository.
    #[arg(required = true)]
    sources: Vec<PathBuf>,
    /// The folder to write base.yaml, tenants.csv, values/ and adopt-report.txt into
    /// (created; replaced only with --force).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Replace DIR when it exists and is not empty.
    #[arg(long)]
    force: bool,
    /// Print nothing but errors and the proof's verdict.
    #[arg(short, long)]
    quiet: bool,
}

/// The most files a folder may hold for `adopt` (a repository of manifests is far smaller).
const MAX_FILES: usize = 200_000;

/// Every file under `dir`, its path relative to `root`; folders end with `/`. Hidden
/// folders (`.git`) are not read; links are not followed.
fn walk(root: &Path, dir: &Path, out: &mut Vec<InputFile>) -> Result<(), Failure> {
    let read_err = |p: &Path, e: std::io::Error| Failure::Input(format!("{}: cannot read it: {e}", p.display()));
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| read_err(dir, e))?
        .collect::<Result<_, _>>()
        .map_err(|e| read_err(dir, e))?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        let kind = e.file_type().map_err(|e| read_err(&path, e))?;
        if kind.is_dir() {
            out.push(InputFile { path: format!("{rel}/"), data: Vec::new() });
            walk(root, &path, out)?;
        } else if kind.is_file() {
            let data = std::fs::read(&path).map_err(|e| read_err(&path, e))?;
            out.push(InputFile { path: rel, data });
        }
        if out.len() > MAX_FILES {
            return Err(Failure::Input(format!("{}: more than {MAX_FILES} files", root.display())));
        }
    }
    Ok(())
}

/// The files of every source, paths as `adopt` names them: relative to a folder given,
/// inside an archive, or the file's own name.
fn gather(sources: &[PathBuf]) -> Result<(Vec<InputFile>, Vec<String>, String), Failure> {
    let (mut files, mut skipped) = (Vec::new(), Vec::new());
    // Messages name a file by the path given, so `file:line:column` opens in an editor.
    let mut prefix = String::new();
    for s in sources {
        let meta = std::fs::metadata(s).map_err(|e| Failure::Input(format!("{}: cannot read it: {e}", s.display())))?;
        if meta.is_dir() {
            if sources.len() == 1 {
                prefix = format!("{}/", s.display().to_string().trim_end_matches('/'));
            }
            let mut found = Vec::new();
            walk(s, s, &mut found)?;
            if sources.len() > 1 {
                let top = s.display().to_string();
                for f in &mut found {
                    f.path = format!("{}/{}", top.trim_end_matches('/'), f.path);
                }
            }
            files.extend(found);
        } else {
            let data = std::fs::read(s).map_err(|e| Failure::Input(format!("{}: cannot read it: {e}", s.display())))?;
            let name = s.display().to_string();
            if archive::is_archive(&name, &data) {
                let (found, left) = archive::unpack(&name, &data).map_err(|e| Failure::Input(e.to_string()))?;
                files.extend(found);
                skipped.extend(left);
            } else {
                files.push(InputFile { path: name, data });
            }
        }
    }
    Ok((files, skipped, prefix))
}

/// Runs `adopt`.
pub fn run(a: AdoptArgs) -> Result<ExitCode, Failure> {
    let target = Target::new(&a.out, a.force)?;
    let (files, skipped, prefix) = gather(&a.sources)?;
    let mut adoption = adopt(&files).map_err(|mut e| {
        if !e.file.starts_with('(') {
            e.file = format!("{prefix}{}", e.file);
        }
        Failure::Input(e.to_string())
    })?;
    adoption.skipped.extend(skipped);
    let out = adoption.files();
    target.write_dir(|sink| sink.write(&out).map_err(sink_err))?;
    let text = adoption.text();
    if a.quiet {
        eprint!("{}", adoption.proof.text());
    } else {
        eprint!("{text}");
        eprintln!("wrote {} files to {}", out.len(), target.shown().display());
    }
    if adoption.proof.all_exact() {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(Failure::Findings(format!(
            "{} of {} do not reproduce exactly (the files are written; see {})",
            adoption.proof.tenants.len() - adoption.proof.exact(),
            ixn_core::wording::count(adoption.proof.tenants.len(), "tenant"),
            ixn_core::adopt::REPORT_FILE
        )))
    }
}
