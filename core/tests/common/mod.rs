//! Helpers the integration tests share. Each test crate uses some of them.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

/// A program on PATH, if this machine has it.
pub fn on_path(program: &str) -> Option<PathBuf> {
    let out = Command::new("sh").arg("-c").arg(format!("command -v {program}")).output().ok()?;
    let p = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!p.is_empty()).then(|| PathBuf::from(p))
}

/// A file of `../shared`, the reference material beside a clone (`rel` under it), if it
/// is there. A plain clone of the repository has no `../shared`: the test then says
/// what is missing and passes without checking. CI (`CI=true`) has it, so there a
/// missing file fails the test instead of skipping it.
pub fn shared(rel: &str) -> Option<String> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared").join(rel);
    match std::fs::read_to_string(&p) {
        Ok(text) => Some(text),
        Err(e) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("{}: {e}; CI must have ../shared, so this test may not skip there", p.display())
        }
        Err(e) => {
            eprintln!("skipped: {} is not readable ({e}); it is the reference material beside a full checkout", p.display());
            None
        }
    }
}

/// Free text for property tests: any printable Unicode, ASCII control characters, and
/// what YAML 1.1 or JSON would read as something else if it were written bare.
pub fn any_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![
        "\\PC{0,30}",
        "[\\x00-\\x7f]{0,12}",
        prop::sample::select(vec![
            "yes", "on", "n", "~", "null", "1_000", "12:30", "0x1F", "007", "1e3", " x", "x ", "-", "#", "'", "\"", "${X}", ""
        ])
        .prop_map(String::from),
    ]
}
