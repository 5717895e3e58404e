//! `ixn-portal check`: the findings the portal shows, the CI gate; and how findings
//! are printed (`render` prints them too).

use crate::args::{CheckArgs, CheckFormat};
use crate::failure::Failure;
use crate::{input, secrets};
use ixn_core::validate::{Severity, Tally};
use std::process::ExitCode;

/// Prints findings on stderr, one per line.
pub fn print_findings(findings: &[ixn_core::validate::Finding], warnings: bool) {
    for f in findings.iter().filter(|f| warnings || f.severity == Severity::Error) {
        eprintln!("{}", finding_line(f));
    }
}

/// Prints the findings as `check` does (`verify` too): JSON with the counts on stdout, or
/// one line per finding on stdout and `summary` on stderr.
pub fn report(
    format: CheckFormat,
    findings: &[ixn_core::validate::Finding],
    tally: &Tally,
    profile_warnings: &[String],
    summary: impl FnOnce() -> String,
) {
    match format {
        CheckFormat::Json => {
            let json = serde_json::json!({ "findings": findings, "errors": tally.errors, "warnings": tally.warnings, "profileWarnings": profile_warnings });
            println!("{}", serde_json::to_string_pretty(&json).expect("json"));
        }
        CheckFormat::Text => {
            for f in findings {
                println!("{}", finding_line(f));
            }
            eprintln!("{}", summary());
        }
    }
}

/// One finding as `path: severity: sentence`.
pub fn finding_line(f: &ixn_core::validate::Finding) -> String {
    format!("{}: {}: {}", f.path, f.severity.word(), f.message)
}

/// Runs `check`.
pub fn run(a: CheckArgs) -> Result<ExitCode, Failure> {
    let (mut cfg, profile_warnings) = input::config_with_chart(&a.profile, &a.values, &a.chart)?;
    secrets::Source::read(&a.secrets)?.apply_to_profile(&mut cfg)?;
    let findings = ixn_core::validate::findings(&cfg);
    let mut tally = Tally::of(&findings);
    // Keys of the profile no field reads are warnings too: --strict fails on them.
    tally.warnings += profile_warnings.len();
    input::warn(&profile_warnings, false);
    report(a.format, &findings, &tally, &profile_warnings, || format!("{}: {}", a.profile.display(), tally.summary()));
    Ok(if tally.errors > 0 || (a.strict && tally.warnings > 0) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
