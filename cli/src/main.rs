//! `ixn-portal`: the IXN configuration portal's generators as a command. It renders
//! exactly the files of the portal's "Download everything", checks a profile as the
//! portal does (the CI gate), imports values files into a profile, and renders batches
//! of tenants from one base profile. Everything it makes comes from `ixn-core`, the
//! same functions the portal calls.

mod adopt;
mod args;
mod batch;
mod check;
mod diff;
mod failure;
mod import;
mod input;
mod output;
mod render;
mod secrets;
mod verify;

use args::{Cli, Command};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Render(a) => render::run(a),
        Command::Check(a) => check::run(a),
        Command::Import(a) => import::run(a),
        Command::Diff(a) => diff::run(a),
        Command::Adopt(a) => adopt::run(a),
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
