//! `ixn-portal render`: exactly the files of the portal's "Download everything".

use crate::args::RenderArgs;
use crate::check::print_findings;
use crate::failure::Failure;
use crate::{input, output, secrets};
use ixn_core::validate::Tally;
use std::process::ExitCode;

/// Runs `render`.
pub fn run(a: RenderArgs) -> Result<ExitCode, Failure> {
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
    let d = ixn_core::delivery::download(&cfg, a.write.values_opts.options());
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
