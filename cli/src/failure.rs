//! Why a run failed, and the exit code that says so.

use std::process::ExitCode;

/// A failed run.
#[derive(Debug)]
pub enum Failure {
    /// The configuration (or a batch row) has errors: exit 1.
    Findings(String),
    /// Bad input: an unreadable or invalid file, with file, line and column: exit 2.
    Input(String),
    /// The output could not be written: exit 3.
    Output(String),
}

impl Failure {
    /// Prints the message on stderr and gives the exit code.
    pub fn report(self) -> ExitCode {
        let (code, message) = match self {
            Failure::Findings(m) => (1, m),
            Failure::Input(m) => (2, m),
            Failure::Output(m) => (3, m),
        };
        eprintln!("ixn-portal: {message}");
        ExitCode::from(code)
    }
}
