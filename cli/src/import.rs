//! `ixn-portal import`: values files, in Helm's merge order, into a profile.

use crate::args::ImportArgs;
use crate::failure::Failure;
use crate::{input, output, secrets};
use std::process::ExitCode;

/// Runs `import`.
pub fn run(a: ImportArgs) -> Result<ExitCode, Failure> {
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
