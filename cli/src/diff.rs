//! `ixn-portal diff`: the values a profile writes against a chart's defaults, a
//! deployed release or the next chart version, key by key, secrets masked; or a rendered
//! tenant against its source values, as Helm reads both (the comparison of `adopt`'s
//! proof).

use crate::failure::Failure;
use crate::input;
use clap::{Args, ValueEnum};
use ixn_core::adopt::{self, proof};
use ixn_core::chart::{against_defaults, against_deployed, against_next, compared_values, defaults_tree};
use ixn_core::model::Baseline;
use ixn_core::profile::FORMAT;
use ixn_core::yaml::{read_yaml, Node};
use std::path::{Path, PathBuf};
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
    /// The tenant's source values (what `adopt` read: a release's override_values.yaml,
    /// `helm get values -o yaml`…; give --against once per file, in Helm's order): the
    /// rendered tenant (a profile, or a values file `render` or `batch` wrote) and the
    /// source compared as Helm reads both, over the chart's defaults, as `adopt`'s
    /// proof compares them. Prints "no change" or the key paths that differ; exits 1
    /// when they differ.
    Source,
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
    /// The profile (YAML or JSON, as the portal writes it); with --as source, also a
    /// tenant's values file as `render` or `batch` wrote it.
    pub profile: PathBuf,
    /// The values to compare with (with --as source, once per values file of the
    /// source, in Helm's order: later wins).
    #[arg(long, value_name = "VALUES_FILE", required = true)]
    pub against: Vec<PathBuf>,
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
    if a.kind == AgainstKind::Source {
        return source(&a);
    }
    let [against] = a.against.as_slice() else {
        return Err(Failure::Input(format!(
            "--against is given once (it is given {} times); only --as source reads several files",
            a.against.len()
        )));
    };
    let (mut cfg, warnings) = input::config_with_chart(&a.profile, &a.values, &a.chart)?;
    input::warn(&warnings, false);
    crate::secrets::Source::read(&a.secrets)?.apply_to_profile(&mut cfg)?;
    let text = input::read(against)?;
    let other = Baseline::read(&text).map_err(|e| input::located(against, &e))?;
    let values = compared_values(&cfg);
    let report = match a.kind {
        AgainstKind::Defaults => against_defaults(&other.tree, &values),
        AgainstKind::Deployed => against_deployed(&defaults_tree(&cfg), &values, &other.tree),
        AgainstKind::Next => against_next(&defaults_tree(&cfg), &other.tree, &values),
        AgainstKind::Source => unreachable!("compared above"),
    };
    match a.format {
        DiffFormat::Json => {
            println!("{}", serde_json::to_string_pretty(&report.to_json(a.show_secrets)).expect("json"))
        }
        DiffFormat::Text => print!("{}", report.text(a.show_secrets)),
    }
    Ok(if a.exit_code && report.has_changes() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// A values file read as `adopt` reads a source's, its errors at `file:line:column`.
fn values_file(path: &Path) -> Result<Node, Failure> {
    let text = input::read(path)?;
    adopt::read_values(&path.display().to_string(), &text).map_err(|e| Failure::Input(e.to_string()))
}

/// `--as source`: the rendered tenant against its source, as the proof compares them.
fn source(a: &DiffArgs) -> Result<ExitCode, Failure> {
    let text = input::read(&a.profile)?;
    let (rendered, chart) = if text.contains(FORMAT) {
        // A profile: rendered as `render` writes its values file, credentials given beside.
        let (mut cfg, warnings) = input::config_with_chart(&a.profile, &a.values, &a.chart)?;
        input::warn(&warnings, false);
        crate::secrets::Source::read(&a.secrets)?.apply_to_profile(&mut cfg)?;
        let written = proof::render(&cfg);
        let tree = read_yaml(&written, proof::RENDERED_LIMITS)
            .map_err(|e| Failure::Input(format!("{}: its values do not read back: {e}", a.profile.display())))?;
        let chart = cfg.chart.baseline().map_or_else(proof::chart_defaults, |b| b.tree.clone());
        (tree, chart)
    } else {
        // A values file as written: what it holds is what Helm reads; nothing to add.
        if !a.values.is_empty() || a.secrets.secrets_env.is_some() || a.secrets.secrets_file.is_some() {
            return Err(Failure::Input(format!(
                "{}: a values file, not a profile: -f, --secrets-env and --secrets-file apply to a profile",
                a.profile.display()
            )));
        }
        let chart = match &a.chart.chart {
            Some(p) => input::baseline(p)?.tree,
            None => proof::chart_defaults(),
        };
        (values_file(&a.profile)?, chart)
    };
    let layers = a.against.iter().map(|p| values_file(p)).collect::<Result<Vec<_>, _>>()?;
    let differs = proof::compare(&chart, &adopt::merge_layers(&layers), &rendered);
    match a.format {
        DiffFormat::Json => {
            let json = serde_json::json!({"against": "source", "same": differs.is_empty(), "differs": differs});
            println!("{}", serde_json::to_string_pretty(&json).expect("json"));
        }
        DiffFormat::Text if differs.is_empty() => {
            println!("# against the source, as Helm reads both: no change")
        }
        DiffFormat::Text => {
            println!(
                "# against the source, as Helm reads both: {} differ{}",
                ixn_core::wording::count(differs.len(), "key path"),
                if differs.len() == 1 { "s" } else { "" }
            );
            for path in &differs {
                println!("~ {path}");
            }
        }
    }
    Ok(if differs.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
