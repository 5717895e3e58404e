//! Reading profiles and values files, with file, line and column in every message.

use crate::failure::Failure;
use ixn_core::import::{import, ImportReport, SourceFile, LIMITS};
use ixn_core::model::{Baseline, BaselineError, ChartValues, Config};
use ixn_core::profile::{Profile, ProfileError, FORMAT};
use ixn_core::yaml::read_yaml;
use std::path::Path;

/// A file's text, or why it cannot be read.
pub fn read(path: &Path) -> Result<String, Failure> {
    let bytes = std::fs::read(path).map_err(|e| Failure::Input(format!("{}: cannot read it: {e}", path.display())))?;
    String::from_utf8(bytes).map_err(|e| {
        let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = String::from_utf8_lossy(&upto[upto.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)..])
            .chars()
            .count()
            + 1;
        Failure::Input(format!("{}:{line}:{column}: not UTF-8 text", path.display()))
    })
}

/// `text` read as YAML, or the reader's error as `file:line:column: message`.
fn yaml_error(path: &Path, text: &str) -> Option<Failure> {
    read_yaml(text, LIMITS).err().map(|e| match (e.line, e.column) {
        (Some(l), Some(c)) => Failure::Input(format!("{}:{l}:{c}: {}", path.display(), e.message)),
        _ => Failure::Input(format!("{}: {}", path.display(), e.message)),
    })
}

/// A values file read as a tree, or the reader's error as `file:line:column: message`.
pub fn values_tree(path: &Path, text: &str) -> Result<ixn_core::yaml::Node, Failure> {
    read_yaml(text, LIMITS).map_err(|_| yaml_error(path, text).expect("it did not read"))
}

/// The configuration a profile describes, and a warning (`file:line:column: warning:
/// …`) for each key of it that no field reads.
pub fn profile(path: &Path) -> Result<(Config, Vec<String>), Failure> {
    let text = read(path)?;
    if !text.contains(FORMAT) {
        if let Some(e) = yaml_error(path, &text) {
            return Err(e);
        }
        return Err(Failure::Input(format!(
            "{}: not a portal profile (no \"format: {FORMAT}\"); to start from values files, run `ixn-portal import`",
            path.display()
        )));
    }
    let failed = |e: ProfileError| {
        Failure::Input(match e.place() {
            Some((line, column)) => format!("{}:{line}:{column}: {}", path.display(), e.message()),
            None => format!("{}: {e}", path.display()),
        })
    };
    let (profile, unknown) = Profile::parse_warned(&text).map_err(failed)?;
    let mut warnings: Vec<String> = unknown
        .iter()
        .map(|u| match u.at {
            Some((line, column)) => format!("{}:{line}:{column}: warning: {u}", path.display()),
            None => format!("{}: warning: {u}", path.display()),
        })
        .collect();
    let (cfg, not_kept) = profile.to_config_noted().map_err(failed)?;
    warnings.extend(not_kept.iter().map(|n| format!("{}: warning: values: {n}", path.display())));
    Ok((cfg, warnings))
}

/// `files` imported onto `base` in Helm's order, as the portal imports them.
pub fn import_values(base: &Config, files: &[std::path::PathBuf]) -> Result<(Config, ImportReport), Failure> {
    let mut texts = Vec::new();
    for p in files {
        texts.push((p.display().to_string(), read(p)?));
    }
    let sources: Vec<SourceFile> = texts.iter().map(|(n, t)| SourceFile { name: n, text: t }).collect();
    // The reader's error is said as `file:line:column` (read again only then: a wide
    // file is read once).
    import(base, &sources).map_err(|e| {
        let failed = files.iter().zip(&texts).find(|(_, (n, _))| *n == e.file);
        failed.and_then(|(p, (_, t))| yaml_error(p, t)).unwrap_or_else(|| Failure::Input(e.to_string()))
    })
}

/// A profile with values files imported over it, and the profile's warnings.
/// (A profile made against a chart values file is refused here: the command has no
/// `--chart` to give it.)
pub fn config(profile_path: &Path, values: &[std::path::PathBuf]) -> Result<(Config, Vec<String>), Failure> {
    config_with_chart(profile_path, values, &ChartArgs::default())
}

/// `--chart`: the user's own chart values, which the profile works against.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ChartArgs {
    /// The chart's values (`helm show values ixn/ixn --version X`, or its values.yaml):
    /// chart defaults and the minimal override come from it. A profile made against
    /// one names its digest and needs it again.
    #[arg(long, value_name = "CHART_VALUES")]
    pub chart: Option<std::path::PathBuf>,
}

/// A baseline error as `file:line:column: message`.
pub fn located(path: &Path, e: &BaselineError) -> Failure {
    match (e.line, e.column) {
        (Some(l), Some(c)) => Failure::Input(format!("{}:{l}:{c}: {}", path.display(), e.message)),
        _ => Failure::Input(format!("{}: {}", path.display(), e.message)),
    }
}

/// The chart values file of `--chart`, read.
pub fn baseline(path: &Path) -> Result<Baseline, Failure> {
    let text = read(path)?;
    Baseline::read(&text).map_err(|e| located(path, &e))
}

/// Puts `--chart` under `cfg`: refused when the profile names another file, and
/// required when the profile names one.
pub fn apply_chart(cfg: &mut Config, profile_path: &Path, chart: &ChartArgs) -> Result<(), Failure> {
    match &chart.chart {
        Some(p) => {
            let b = baseline(p)?;
            if !cfg.chart.digest.is_empty() && cfg.chart.digest != b.digest {
                return Err(Failure::Input(format!(
                    "{}: not the chart values {} was made against (it is {}, the profile names {})",
                    p.display(),
                    profile_path.display(),
                    b.digest,
                    cfg.chart.digest
                )));
            }
            let keep = std::mem::take(&mut cfg.chart.keep);
            cfg.chart = ChartValues { keep, ..ChartValues::of(b) };
        }
        None if cfg.chart.wanted() => {
            return Err(Failure::Input(format!(
                "{}: made against your chart's values ({}); give that file with --chart CHART_VALUES",
                profile_path.display(),
                cfg.chart.digest
            )))
        }
        None => {}
    }
    Ok(())
}

/// [`config`] with `--chart` applied.
pub fn config_with_chart(
    profile_path: &Path,
    values: &[std::path::PathBuf],
    chart: &ChartArgs,
) -> Result<(Config, Vec<String>), Failure> {
    let (mut cfg, warnings) = profile(profile_path)?;
    apply_chart(&mut cfg, profile_path, chart)?;
    if values.is_empty() {
        return Ok((cfg, warnings));
    }
    Ok((import_values(&cfg, values)?.0, warnings))
}

/// Prints the profile's warnings on stderr, unless `quiet`.
pub fn warn(warnings: &[String], quiet: bool) {
    for w in warnings.iter().filter(|_| !quiet) {
        eprintln!("{w}");
    }
}
