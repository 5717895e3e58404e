//! `ixn-portal diff`: the values a profile writes against a chart's defaults, a
//! deployed release or the next chart version, key by key, secrets masked.

use crate::failure::Failure;
use crate::input;
use clap::{Args, ValueEnum};
use ixn_core::chart::{against_defaults, against_deployed, against_next, compared_values, defaults_tree};
use ixn_core::model::Baseline;
use std::path::PathBuf;
use std::process::ExitCode;

/// What VALUES_FILE is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AgainstKind {
    /// The chart's defaults (`helm show values`): what the override changes.
    Defaults,
    /// The deployed release (`helm get values RELEASE -o yaml`, with or without --all):
    /// what `helm upgrade` would change, and the keys it would drop.
    Deployed,
    /// The next chart version's `helm show values`: changed defaults, renamed and
    /// dropped overrides, what to decide.
    Next,
}

/// How `diff` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// `~ path: old → new`, `+ path: new`, `- path: old`, then warnings and decisions.
    Text,
    /// `{"against", "computed", "changes": [{path, segments, change, old, new, secret,
    /// field}], "warnings", "decisions"}`.
    Json,
}

/// The arguments of `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The profile (YAML or JSON, as the portal writes it).
    pub profile: PathBuf,
    /// The values to compare with.
    #[arg(long, value_name = "VALUES_FILE")]
    pub against: PathBuf,
    /// What VALUES_FILE is.
    #[arg(long = "as", value_enum, default_value_t = AgainstKind::Defaults)]
    pub kind: AgainstKind,
    /// Values files imported over the profile, in Helm's order (later wins).
    #[arg(short = 'f', long = "values", value_name = "VALUES")]
    pub values: Vec<PathBuf>,
    #[command(flatten)]
    pub chart: input::ChartArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Exit 1 when there are changes, as `git diff --exit-code` does (0 otherwise).
    #[arg(long)]
    pub exit_code: bool,
    /// Print credentials instead of masking them.
    #[arg(long)]
    pub show_secrets: bool,
    #[command(flatten)]
    pub secrets: crate::secrets::SecretArgs,
}

/// Runs `diff`.
pub fn run(a: DiffArgs) -> Result<ExitCode, Failure> {
    let (mut cfg, warnings) = input::config_with_chart(&a.profile, &a.values, &a.chart)?;
    input::warn(&warnings, false);
    crate::secrets::Source::read(&a.secrets)?.apply_to_profile(&mut cfg)?;
    let text = input::read(&a.against)?;
    let other = Baseline::read(&text).map_err(|e| input::located(&a.against, &e))?;
    let values = compared_values(&cfg);
    let report = match a.kind {
        AgainstKind::Defaults => against_defaults(&other.tree, &values),
        AgainstKind::Deployed => against_deployed(&defaults_tree(&cfg), &values, &other.tree),
        AgainstKind::Next => against_next(&defaults_tree(&cfg), &other.tree, &values),
    };
    match a.format {
        DiffFormat::Json => {
            println!("{}", serde_json::to_string_pretty(&report.to_json(a.show_secrets)).expect("json"))
        }
        DiffFormat::Text => print!("{}", report.text(a.show_secrets)),
    }
    Ok(if a.exit_code && report.has_changes() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
