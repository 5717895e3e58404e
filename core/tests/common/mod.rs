//! Helpers the integration tests share.

use std::path::PathBuf;
use std::process::Command;

/// A program on PATH, if this machine has it.
pub fn on_path(program: &str) -> Option<PathBuf> {
    let out = Command::new("sh").arg("-c").arg(format!("command -v {program}")).output().ok()?;
    let p = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!p.is_empty()).then(|| PathBuf::from(p))
}
