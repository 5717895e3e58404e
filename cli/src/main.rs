//! `ixn-portal`: the IXN configuration portal's generators as a command. It renders
//! exactly the files of the portal's "Download everything", checks a profile as the
//! portal does (the CI gate), imports values files into a profile, and renders batches
//! of tenants from one base profile. Everything it makes comes from `ixn-core`, the
//! same functions the portal calls.

mod batch;
mod diff;
mod failure;
mod input;
mod output;
mod secrets;
mod verify;

use clap::{Args, Parser, Subcommand, ValueEnum};
use failure::Failure;
use ixn_core::generate::values_yaml::{Form, ValuesOptions};
use ixn_core::validate::{Severity, Tally};
use std::path::PathBuf;
use std::process::ExitCode;

/// The IXN configuration portal as a command: render, check, import, batch.
///
/// Exit codes: 0 done; 1 the configuration has errors (or warnings with --strict, or
/// a batch row failed); 2 bad input or usage (the message says file, line and column);
/// 3 the output could not be written. Output is all or nothing: a failed run leaves
/// the output as it was.
#[derive(Debug, Parser)]
#[command(name = "ixn-portal", version, propagate_version = true, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Writes exactly the files of the portal's "Download everything" for a profile.
    ///
    /// The files (override_values.yaml, deploy.sh, secrets.json, values.schema.json) go into DIR, or into
    /// one .tar byte for byte as the portal downloads it. Refuses a configuration with
    /// errors unless --allow-errors.
    #[command(
        after_help = "Example:\n  IXN_REDIS_PASSWORD=… ixn-portal render tenant-100.yaml --secrets-env IXN_ --out build/ixn-100"
    )]
    Render(RenderArgs),
    /// Prints the findings the portal shows: key path, severity and sentence.
    ///
    /// Exits 1 on any error, and on warnings with --strict; 0 otherwise. The CI gate.
    #[command(after_help = "Example:\n  ixn-portal check tenant-100.yaml --strict --format json")]
    Check(CheckArgs),
    /// Reads values files in Helm's merge order (later wins) and writes a profile.
    ///
    /// Reports, as the portal does, what each file set: known keys, unknown keys (kept,
    /// with "did you mean"), explicit nulls.
    #[command(after_help = "Example:\n  ixn-portal import values.yaml override_values.yaml -o tenant-100.yaml")]
    Import(ImportArgs),
    /// Renders one folder per tenant from a base profile and a tenants file.
    ///
    /// Writes DIR/<release>/ (the files of `render`) for every row, DIR/tenants.csv
    /// (every row's status and findings) and DIR/deploy-all.sh (deploys them in row
    /// order, stopping at the first failure). Any row with an error writes nothing,
    /// unless --keep-going, which writes the good rows; either way it exits 1. In a Git
    /// delivery, DIR/git/ (one tree for every tenant) and DIR/seed-secret-store.sh
    /// instead. --tar FILE writes the portal's "Download all tenants" archive.
    #[command(
        after_help = "Example:\n  ixn-portal batch --base base.yaml --tenants tenants.csv --secrets-file secrets.yaml --out build/tenants"
    )]
    Batch(BatchArgs),
    /// Compares the values a profile writes with a chart's defaults, a deployed release
    /// or the next chart version, key by key (secrets masked unless --show-secrets).
    ///
    /// Exits 0 whether or not there are changes, unless --exit-code: then 1 when there
    /// are, as `git diff --exit-code` does. Bad input exits 2 with file:line:column.
    #[command(
        after_help = "Examples:\n  helm show values ixn/ixn --version 100.0.008 > chart.yaml\n  ixn-portal diff tenant-100.yaml --against chart.yaml\n  helm get values ixn-100 -n ixn -o yaml > deployed.yaml\n  ixn-portal diff tenant-100.yaml --against deployed.yaml --as deployed --exit-code\n  ixn-portal diff tenant-100.yaml --chart chart.yaml --against next.yaml --as next --format json"
    )]
    Diff(diff::DiffArgs),
    /// Checks the chart's rendered output (or what the cluster runs) against the profile.
    ///
    /// Reads `helm template` output, `helm get manifest` or `kubectl get … -o yaml`
    /// (--rendered FILE, `-` for stdin), or runs your own `helm template` (--chart REF).
    /// Prints each finding at the profile's field, as `check` does, and exits as `check`
    /// does: 1 on an error (or a warning with --strict), 2 on unreadable input. With
    /// --post-renderer it is Helm's post-renderer: the rendering passes through byte for
    /// byte when it holds, and nothing is installed when it does not.
    // `--version` is the chart's version here, as in helm's own commands.
    #[command(
        disable_version_flag = true,
        after_help = "Examples:\n  helm template ixn-100 ixn/ixn -f override_values.yaml | ixn-portal verify tenant-100.yaml --rendered -\n  ixn-portal verify tenant-100.yaml --chart ixn/ixn --version 100.0.008\n  kubectl get statefulset,deployment,service,secret,configmap,serviceaccount,podmonitor -n ixn -o yaml > running.yaml\n  ixn-portal verify tenant-100.yaml --rendered running.yaml\n  helm upgrade --install ixn-100 ixn/ixn -f override_values.yaml --post-renderer ixn-portal \\\n    --post-renderer-args verify --post-renderer-args tenant-100.yaml --post-renderer-args --post-renderer"
    )]
    Verify(verify::VerifyArgs),
}

/// Where credentials come from (never from the command line).
#[derive(Debug, Clone, Args)]
pub struct SecretArgs {
    /// Read credentials from environment variables named PREFIX + the field's name in
    /// capitals (IXN_REDIS_PASSWORD for redis.password); in a batch, PREFIX + NAME +
    /// `__` + SID for one tenant (IXN_REDIS_PASSWORD__101). Names: see --help.
    #[arg(long, value_name = "PREFIX", long_help = secrets::env_help())]
    pub secrets_env: Option<String>,
    /// Read credentials from a YAML or JSON file of field name → value (and, for a
    /// batch, `tenants: {SID: {name: value}}`).
    #[arg(long, value_name = "FILE")]
    pub secrets_file: Option<PathBuf>,
}

/// How the values file is written, as the portal's toggles.
#[derive(Debug, Clone, Args)]
pub struct ValuesArgs {
    /// Write every key the chart documents (the portal's "Full"), not only what differs.
    #[arg(long)]
    pub full: bool,
    /// Write the guide's helm-docs comments in the values file.
    #[arg(long)]
    pub comments: bool,
    /// Open the values file with `# yaml-language-server: $schema=values.schema.json`,
    /// so that editors check it against the schema written beside it.
    #[arg(long)]
    pub schema_line: bool,
}

impl ValuesArgs {
    fn options(&self) -> ValuesOptions {
        let form = if self.full { Form::Full } else { Form::Minimal };
        ValuesOptions { form, comments: self.comments, schema_line: self.schema_line }
    }
}

/// What `render` and `batch` share: the values files over the profile, how the values
/// file is written, where credentials come from, replacing the output, and how loud.
#[derive(Debug, Args)]
struct WriteArgs {
    /// Values files imported over the profile (for a batch, over the base), in Helm's
    /// order (later wins).
    #[arg(short = 'f', long = "values", value_name = "VALUES")]
    values: Vec<PathBuf>,
    /// Replace the output (DIR, or --tar FILE) when it exists and is not empty.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    values_opts: ValuesArgs,
    #[command(flatten)]
    secrets: SecretArgs,
    /// Print nothing but errors (no progress, no warnings).
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Debug, Args)]
struct RenderArgs {
    /// The profile (YAML or JSON, as the portal writes it).
    profile: PathBuf,
    /// The folder to write the files into (created; replaced only with --force).
    #[arg(long, value_name = "DIR", required_unless_present = "tar", conflicts_with = "tar")]
    out: Option<PathBuf>,
    /// Write the portal's .tar instead, byte for byte.
    #[arg(long, value_name = "FILE")]
    tar: Option<PathBuf>,
    /// Write the files even when the configuration has errors (the portal allows it).
    #[arg(long)]
    allow_errors: bool,
    #[command(flatten)]
    write: WriteArgs,
    #[command(flatten)]
    chart: input::ChartArgs,
}

/// How `check` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// One line per finding: `path: severity: sentence`.
    Text,
    /// `{"findings": [{"path", "severity", "message"}], "errors": N, "warnings": N}`.
    Json,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// The profile (YAML or JSON, as the portal writes it).
    profile: PathBuf,
    /// Values files imported over the profile, in Helm's order (later wins).
    #[arg(short = 'f', long = "values", value_name = "VALUES")]
    values: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    format: CheckFormat,
    /// Exit 1 on warnings too.
    #[arg(long)]
    strict: bool,
    #[command(flatten)]
    secrets: SecretArgs,
    #[command(flatten)]
    chart: input::ChartArgs,
}

#[derive(Debug, Args)]
struct ImportArgs {
    /// Values files, in Helm's merge order (later wins, maps merge, lists replace).
    #[arg(required = true)]
    values: Vec<PathBuf>,
    /// The profile to write (.json for JSON, otherwise YAML).
    #[arg(short, long, value_name = "PROFILE")]
    output: PathBuf,
    /// Keep credentials found in the values files in the profile (left out otherwise).
    #[arg(long)]
    with_secrets: bool,
    /// Replace PROFILE when it exists.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    chart: input::ChartArgs,
    /// Print nothing but errors.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Debug, Args)]
struct BatchArgs {
    /// The base profile every row starts from.
    #[arg(long, value_name = "PROFILE")]
    base: PathBuf,
    /// The tenants file: CSV with a header of field names, or YAML (a list of mappings).
    #[arg(long, value_name = "FILE")]
    tenants: PathBuf,
    /// The folder to write (created; replaced only with --force).
    #[arg(long, value_name = "DIR", required_unless_present = "tar", conflicts_with = "tar")]
    out: Option<PathBuf>,
    /// Write the portal's "Download all tenants" .tar instead, byte for byte.
    #[arg(long, value_name = "FILE")]
    tar: Option<PathBuf>,
    /// Write the good rows when some fail (the exit code is still 1).
    #[arg(long)]
    keep_going: bool,
    #[command(flatten)]
    write: WriteArgs,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Render(a) => render(a),
        Command::Check(a) => check(a),
        Command::Import(a) => import(a),
        Command::Diff(a) => diff::run(a),
        Command::Verify(a) => verify::run(a),
        Command::Batch(a) => batch::run(batch::Options {
            base: a.base,
            values: a.write.values,
            tenants: a.tenants,
            tar: a.tar.is_some(),
            out: a.out.or(a.tar).expect("clap requires one"),
            keep_going: a.keep_going,
            force: a.write.force,
            values_opts: a.write.values_opts.options(),
            secrets: a.write.secrets,
            quiet: a.write.quiet,
        }),
    };
    match result {
        Ok(code) => code,
        Err(f) => f.report(),
    }
}

/// Prints findings on stderr, one per line.
fn print_findings(findings: &[ixn_core::validate::Finding], warnings: bool) {
    for f in findings.iter().filter(|f| warnings || f.severity == Severity::Error) {
        eprintln!("{}", finding_line(f));
    }
}

fn finding_line(f: &ixn_core::validate::Finding) -> String {
    let severity = if f.severity == Severity::Error { "error" } else { "warning" };
    format!("{}: {severity}: {}", f.path, f.message)
}

fn render(a: RenderArgs) -> Result<ExitCode, Failure> {
    let target = output::Target::new(a.out.as_deref().or(a.tar.as_deref()).expect("clap requires one"), a.write.force)?;
    let (mut cfg, warnings) = input::config_with_chart(&a.profile, &a.write.values, &a.chart)?;
    input::warn(&warnings, a.write.quiet);
    secrets::Source::read(&a.write.secrets)?.apply_to_profile(&mut cfg)?;
    let findings = ixn_core::validate::findings(&cfg);
    let tally = Tally::of(&findings);
    if tally.errors > 0 && !a.allow_errors {
        print_findings(&findings, false);
        return Err(Failure::Findings(format!(
            "nothing written: the configuration has {} (--allow-errors writes the files anyway)",
            ixn_core::wording::count(tally.errors, "error")
        )));
    }
    if !a.write.quiet {
        print_findings(&findings, true);
    }
    // The one core function the portal's "Download everything" calls.
    let d = ixn_core::artifacts::download(&cfg, a.write.values_opts.options());
    // One tree, two sinks: the same layout in the folder and in the .tar.
    if a.tar.is_some() {
        target.write_file(&d.tar())?;
    } else {
        target.write_dir(|sink| sink.write(&d.files).map_err(output::sink_err))?;
    }
    if !a.write.quiet {
        eprintln!(
            "wrote {} to {} ({})",
            if a.tar.is_some() { d.tar_name() } else { format!("{} files", d.files.len()) },
            target.shown().display(),
            tally.summary()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn check(a: CheckArgs) -> Result<ExitCode, Failure> {
    let (mut cfg, profile_warnings) = input::config_with_chart(&a.profile, &a.values, &a.chart)?;
    secrets::Source::read(&a.secrets)?.apply_to_profile(&mut cfg)?;
    let findings = ixn_core::validate::findings(&cfg);
    let mut tally = Tally::of(&findings);
    // Keys of the profile no field reads are warnings too: --strict fails on them.
    tally.warnings += profile_warnings.len();
    input::warn(&profile_warnings, false);
    match a.format {
        CheckFormat::Json => {
            let json = serde_json::json!({ "findings": findings, "errors": tally.errors, "warnings": tally.warnings, "profileWarnings": profile_warnings });
            println!("{}", serde_json::to_string_pretty(&json).expect("json"));
        }
        CheckFormat::Text => {
            for f in &findings {
                println!("{}", finding_line(f));
            }
            eprintln!("{}: {}", a.profile.display(), tally.summary());
        }
    }
    Ok(if tally.errors > 0 || (a.strict && tally.warnings > 0) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn import(a: ImportArgs) -> Result<ExitCode, Failure> {
    let target = output::Target::new(&a.output, a.force)?;
    let mut base = ixn_core::model::Config::chart_defaults();
    if let Some(p) = &a.chart.chart {
        base.chart = ixn_core::model::ChartValues::of(input::baseline(p)?);
    }
    let (cfg, report) = input::import_values(&base, &a.values)?;
    let profile = ixn_core::profile::Profile::of(&cfg, a.with_secrets);
    let json = a.output.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let text = if json { profile.to_json_text() + "\n" } else { profile.to_yaml_text() };
    target.write_file(text.as_bytes())?;
    if !a.quiet {
        eprintln!("{}", report.summary());
        for f in &report.files {
            eprintln!("  {}", f.summary());
            for n in &f.nulls {
                eprintln!("    null: {n}");
            }
        }
        for u in &report.unknown {
            match &u.suggestion {
                Some(s) => eprintln!("unknown key, kept: {}: did you mean {s}?", u.path),
                None => eprintln!("unknown key, kept: {}", u.path),
            }
        }
        for n in &report.notes {
            eprintln!("note: {n}");
        }
        let (dropped, placeholders) = secrets::set_in(&cfg);
        if !a.with_secrets && !dropped.is_empty() {
            eprintln!("left out of the profile (credentials; --with-secrets keeps them): {}", dropped.join(", "));
        }
        if !a.with_secrets && !placeholders.is_empty() {
            eprintln!("kept in the profile (placeholders, not credentials): {}", placeholders.join(", "));
        }
        eprintln!("wrote {}", a.output.display());
    }
    Ok(ExitCode::SUCCESS)
}
