//! `ixn-portal verify`: the chart's rendered output (or what the cluster runs) checked
//! against the profile, by the core's contract. Also Helm's post-renderer: the
//! rendering passes through byte for byte when it holds, and is refused otherwise.

use crate::args::CheckFormat;
use crate::check::finding_line;
use crate::failure::Failure;
use crate::secrets::SecretArgs;
use crate::{input, secrets};
use clap::Args;
use ixn_core::model::Config;
use ixn_core::validate::{Finding, Tally};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

/// `verify`'s arguments.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The profile (YAML or JSON, as the portal writes it).
    profile: PathBuf,
    /// The rendered manifests: `helm template` output, `helm get manifest`, or
    /// `kubectl get … -o yaml`; `-` reads stdin.
    #[arg(long, value_name = "FILE", required_unless_present_any = ["chart", "post_renderer"], conflicts_with = "chart")]
    rendered: Option<PathBuf>,
    /// Render the chart here with the user's own helm: REPO/CHART, oci://…, or a path.
    /// The values are the profile's (real, no placeholders), in a private temporary file.
    #[arg(long, value_name = "REF")]
    chart: Option<String>,
    /// The chart version for --chart.
    #[arg(long, value_name = "V", requires = "chart")]
    version: Option<String>,
    /// The helm to run for --chart (default: `helm` on PATH).
    #[arg(long, value_name = "PATH", requires = "chart")]
    helm: Option<PathBuf>,
    /// Values files imported over the profile, in Helm's order (later wins).
    #[arg(short = 'f', long = "values", value_name = "VALUES")]
    values: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    format: CheckFormat,
    /// Exit 1 on warnings too.
    #[arg(long)]
    strict: bool,
    /// Helm's post-renderer: read the rendering on stdin; write it to stdout unchanged
    /// when it holds, or nothing and exit 1 with the findings (on stderr, on the
    /// terminal when there is one, and in $IXN_VERIFY_REPORT when set).
    #[arg(long, conflicts_with_all = ["chart", "format"])]
    post_renderer: bool,
    #[command(flatten)]
    secrets: SecretArgs,
    /// The chart's values the profile was made against (`check --chart`).
    #[arg(long = "chart-values", value_name = "CHART_VALUES")]
    chart_values: Option<PathBuf>,
}

/// The stream's bytes from FILE or stdin.
fn read_rendered(path: &Path) -> Result<Vec<u8>, Failure> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| Failure::Input(format!("stdin: cannot read it: {e}")))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| Failure::Input(format!("{}: cannot read it: {e}", path.display())))
    }
}

/// `helm template` of `chart` with the profile's values; its output.
fn helm_template(cfg: &Config, a: &VerifyArgs, chart: &str) -> Result<Vec<u8>, Failure> {
    let mut real = ixn_core::generate::gitops::values_answers(cfg).into_owned();
    // The values as Helm must read them: real text, not the script's ${VAR}s.
    real.deploy.placeholders = false;
    let eff = ixn_core::model::Effective::of(&real);
    let yaml = ixn_core::generate::values_yaml::values_yaml(&real, &eff, Default::default());
    // A private folder (0700), removed when this returns, also on failure: the values
    // may hold the chart's DB credentials.
    let dir = tempfile::Builder::new()
        .prefix("ixn-verify-")
        .tempdir()
        .map_err(|e| Failure::Output(format!("cannot make a temporary folder: {e}")))?;
    let values = dir.path().join("values.yaml");
    std::fs::write(&values, yaml).map_err(|e| Failure::Output(format!("{}: {e}", values.display())))?;
    let helm = a.helm.clone().unwrap_or_else(|| PathBuf::from("helm"));
    let release = ixn_core::model::release_name(cfg);
    let mut cmd = Command::new(&helm);
    cmd.arg("template").arg(&release).arg(chart);
    if !cfg.deploy.namespace.is_empty() {
        cmd.args(["--namespace", &cfg.deploy.namespace]);
    }
    if let Some(v) = &a.version {
        cmd.args(["--version", v]);
    }
    cmd.arg("-f").arg(&values).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let out = cmd.output().map_err(|e| Failure::Input(format!("{}: cannot run it: {e}", helm.display())))?;
    if !out.status.success() {
        return Err(Failure::Input(format!(
            "helm template {release} {chart} failed:\n{}",
            String::from_utf8_lossy(&out.stderr).trim_end()
        )));
    }
    Ok(out.stdout)
}

/// The report a post-renderer writes where the user sees it: Helm 4 does not show a
/// post-renderer's stderr, so also the terminal, and $IXN_VERIFY_REPORT when set.
fn tell(report: &str) {
    eprint!("{report}");
    if let Ok(mut tty) = std::fs::OpenOptions::new().write(true).open("/dev/tty") {
        let _ = tty.write_all(report.as_bytes());
    }
    if let Some(p) = std::env::var_os("IXN_VERIFY_REPORT") {
        let _ = std::fs::write(p, report);
    }
}

/// Runs `verify`.
pub fn run(a: VerifyArgs) -> Result<ExitCode, Failure> {
    let chart = input::ChartArgs { chart: a.chart_values.clone() };
    let (mut cfg, profile_warnings) = input::config_with_chart(&a.profile, &a.values, &chart)?;
    secrets::Source::read(&a.secrets)?.apply_to_profile(&mut cfg)?;
    let (bytes, shown) = match (&a.rendered, &a.chart) {
        (Some(p), _) => {
            (read_rendered(p)?, if p == Path::new("-") { "stdin".to_string() } else { p.display().to_string() })
        }
        (None, Some(c)) => (helm_template(&cfg, &a, c)?, format!("helm template {c}")),
        (None, None) if a.post_renderer => (read_rendered(Path::new("-"))?, "stdin".to_string()),
        (None, None) => unreachable!("clap requires one"),
    };
    let text = String::from_utf8(bytes.clone()).map_err(|e| {
        let upto = &bytes[..e.utf8_error().valid_up_to()];
        let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        Failure::Input(format!("{shown}:{line}: not UTF-8 text"))
    })?;
    let objects = ixn_core::contract::read_stream(&text).map_err(|e| {
        Failure::Input(match (e.line, e.column) {
            (Some(l), Some(c)) => format!("{shown}:{l}:{c}: {}", e.message),
            (Some(l), None) => format!("{shown}:{l}: {}", e.message),
            _ => format!("{shown}: {}", e.message),
        })
    })?;
    let mut findings: Vec<Finding> = ixn_core::contract::check_objects(&cfg, &objects);
    findings.extend(ixn_core::contract::not_ready(&cfg, &objects));
    let mut tally = Tally::of(&findings);
    tally.warnings += profile_warnings.len();
    let failed = tally.errors > 0 || (a.strict && tally.warnings > 0);
    if a.post_renderer {
        if failed {
            let mut report = String::new();
            for w in &profile_warnings {
                report.push_str(w);
                report.push('\n');
            }
            for f in &findings {
                report.push_str(&finding_line(f));
                report.push('\n');
            }
            report.push_str(&format!(
                "ixn-portal verify: the rendering contradicts {} ({}): refused, nothing installed\n",
                a.profile.display(),
                tally.summary()
            ));
            tell(&report);
            return Ok(ExitCode::from(1));
        }
        for f in &findings {
            eprintln!("{}", finding_line(f));
        }
        // Byte for byte: what Helm gave is what it gets back.
        let mut out = std::io::stdout().lock();
        out.write_all(&bytes).and_then(|_| out.flush()).map_err(|e| Failure::Output(format!("stdout: {e}")))?;
        return Ok(ExitCode::SUCCESS);
    }
    input::warn(&profile_warnings, false);
    crate::check::report(a.format, &findings, &tally, &profile_warnings, || {
        format!(
            "{shown}: {} against {}: {}",
            ixn_core::wording::count(objects.len(), "object"),
            a.profile.display(),
            tally.summary()
        )
    });
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
