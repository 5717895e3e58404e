//! The command line's clap definitions: the commands, their arguments, and the
//! argument groups the commands share (credentials, values options, output).

pub use crate::secrets::SecretArgs;
use crate::{diff, input};
use clap::{Args, Parser, Subcommand, ValueEnum};
use ixn_core::generate::values_yaml::{Form, ValuesOptions};
use std::path::PathBuf;

/// The IXN configuration portal as a command: render, check, import, batch.
///
/// Exit codes: 0 done; 1 the configuration has errors (or warnings with --strict, or
/// a batch row failed); 2 bad input or usage (the message says file, line and column);
/// 3 the output could not be written. Output is all or nothing: a failed run leaves
/// the output as it was.
#[derive(Debug, Parser)]
#[command(name = "ixn-portal", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    /// The command.
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
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
    /// Renders many tenants from a base profile and a tenants file, in its delivery mode.
    ///
    /// Script: DIR/<release>/ (the files of `render`) for every row, DIR/tenants.csv
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
    /// or the next chart version, key by key (secrets masked unless --show-secrets); or a
    /// rendered tenant with its source values (--as source), as `adopt`'s proof does.
    ///
    /// Exits 0 whether or not there are changes, unless --exit-code: then 1 when there
    /// are, as `git diff --exit-code` does (--as source: always 1 when they differ). Bad
    /// input exits 2 with file:line:column.
    #[command(
        after_help = "Examples:\n  helm show values ixn/ixn --version 100.0.008 > chart.yaml\n  ixn-portal diff tenant-100.yaml --against chart.yaml\n  helm get values ixn-100 -n ixn -o yaml > deployed.yaml\n  ixn-portal diff tenant-100.yaml --against deployed.yaml --as deployed --exit-code\n  ixn-portal diff tenant-100.yaml --chart chart.yaml --against next.yaml --as next --format json\n  ixn-portal diff build/ixn-101/override_values.yaml --as source \\\n    --against repo/services/ixn/01_chart_ixn/override_values.yaml \\\n    --against repo/services/ixn/01_chart_ixn/01_release_ixn-101/override_values.yaml"
    )]
    Diff(diff::DiffArgs),
    /// Adopts the tenants already running: from a Genesys repository, Argo CD
    /// Applications or ApplicationSets, Flux HelmReleases, or `helm get values` outputs.
    ///
    /// Writes DIR/base.yaml (what every tenant shares), DIR/tenants.csv (one row per
    /// tenant, what differs as columns), DIR/values/<tenant>.yaml (what a column cannot
    /// carry; the row's `values` cell names it) and DIR/adopt-report.txt. Credentials are
    /// never written: they are listed per tenant. Every tenant is rendered again from
    /// what was written and compared with its source; exits 1 when one differs.
    #[command(
        after_help = "Examples:\n  ixn-portal adopt multicloud-services/ --out adopted\n  ixn-portal adopt argocd/applicationset.yaml argocd/ --out adopted\n  ixn-portal adopt repo.zip --out adopted\n  # then set what adopted/adopt-report.txt lists under \"Before `ixn-portal batch`\", and:\n  ixn-portal batch --base adopted/base.yaml --tenants adopted/tenants.csv --out build"
    )]
    Adopt(crate::adopt::AdoptArgs),
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
    Verify(crate::verify::VerifyArgs),
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
    /// The values options the flags ask for.
    pub fn options(&self) -> ValuesOptions {
        let form = if self.full { Form::Full } else { Form::Minimal };
        ValuesOptions { form, comments: self.comments, schema_line: self.schema_line }
    }
}

/// What `render` and `batch` share: the values files over the profile, how the values
/// file is written, where credentials come from, replacing the output, and how loud.
#[derive(Debug, Args)]
pub struct WriteArgs {
    /// Values files imported over the profile (for a batch, over the base), in Helm's
    /// order (later wins).
    #[arg(short = 'f', long = "values", value_name = "VALUES")]
    pub values: Vec<PathBuf>,
    /// Replace the output (DIR, or --tar FILE) when it exists and is not empty.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub values_opts: ValuesArgs,
    #[command(flatten)]
    pub secrets: SecretArgs,
    /// Print nothing but errors (no progress, no warnings).
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The profile (YAML or JSON, as the portal writes it).
    pub profile: PathBuf,
    /// The folder to write the files into (created; replaced only with --force).
    #[arg(long, value_name = "DIR", required_unless_present = "tar", conflicts_with = "tar")]
    pub out: Option<PathBuf>,
    /// Write the portal's .tar instead, byte for byte.
    #[arg(long, value_name = "FILE")]
    pub tar: Option<PathBuf>,
    /// Write the files even when the configuration has errors (the portal allows it).
    #[arg(long)]
    pub allow_errors: bool,
    #[command(flatten)]
    pub write: WriteArgs,
    #[command(flatten)]
    pub chart: input::ChartArgs,
}

/// How `check` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// One line per finding: `path: severity: sentence`.
    Text,
    /// `{"findings": [{"path", "severity", "message"}], "errors": N, "warnings": N}`.
    Json,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The profile (YAML or JSON, as the portal writes it).
    pub profile: PathBuf,
    /// Values files imported over the profile, in Helm's order (later wins).
    #[arg(short = 'f', long = "values", value_name = "VALUES")]
    pub values: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Exit 1 on warnings too.
    #[arg(long)]
    pub strict: bool,
    #[command(flatten)]
    pub secrets: SecretArgs,
    #[command(flatten)]
    pub chart: input::ChartArgs,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Values files, in Helm's merge order (later wins, maps merge, lists replace).
    #[arg(required = true)]
    pub values: Vec<PathBuf>,
    /// The profile to write (.json for JSON, otherwise YAML).
    #[arg(short, long, value_name = "PROFILE")]
    pub output: PathBuf,
    /// Keep credentials found in the values files in the profile (left out otherwise).
    #[arg(long)]
    pub with_secrets: bool,
    /// Replace PROFILE when it exists.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub chart: input::ChartArgs,
    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// The base profile every row starts from.
    #[arg(long, value_name = "PROFILE")]
    pub base: PathBuf,
    /// The tenants file: CSV with a header of field names, or YAML (a list of mappings).
    #[arg(long, value_name = "FILE")]
    pub tenants: PathBuf,
    /// The folder to write (created; replaced only with --force).
    #[arg(long, value_name = "DIR", required_unless_present = "tar", conflicts_with = "tar")]
    pub out: Option<PathBuf>,
    /// Write the portal's "Download all tenants" .tar instead, byte for byte.
    #[arg(long, value_name = "FILE")]
    pub tar: Option<PathBuf>,
    /// Write the good rows when some fail (the exit code is still 1).
    #[arg(long)]
    pub keep_going: bool,
    #[command(flatten)]
    pub write: WriteArgs,
}
