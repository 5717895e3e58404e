//! Reading profiles and values files, with file, line and column in every message.

use crate::failure::Failure;
use ixn_core::import::{import, ImportReport, SourceFile, LIMITS};
use ixn_core::model::Config;
use ixn_core::profile::{Profile, FORMAT};
use ixn_core::yaml::read_yaml;
use std::path::Path;

/// A file's text, or why it cannot be read.
pub fn read(path: &Path) -> Result<String, Failure> {
    let bytes = std::fs::read(path).map_err(|e| Failure::Input(format!("{}: cannot read it: {e}", path.display())))?;
    String::from_utf8(bytes).map_err(|e| {
        let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = String::from_utf8_lossy(&upto[upto.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)..])
            .chars()
            .count()
            + 1;
        Failure::Input(format!("{}:{line}:{column}: not UTF-8 text", path.display()))
    })
}

/// `text` read as YAML, or the reader's error as `file:line:column: message`.
fn yaml_error(path: &Path, text: &str) -> Option<Failure> {
    read_yaml(text, LIMITS).err().map(|e| match (e.line, e.column) {
        (Some(l), Some(c)) => Failure::Input(format!("{}:{l}:{c}: {}", path.display(), e.message)),
        _ => Failure::Input(format!("{}: {}", path.display(), e.message)),
    })
}

/// The configuration a profile describes.
pub fn profile(path: &Path) -> Result<Config, Failure> {
    let text = read(path)?;
    if let Some(e) = yaml_error(path, &text) {
        return Err(e);
    }
    if !text.contains(FORMAT) {
        return Err(Failure::Input(format!(
            "{}: not a portal profile (no \"format: {FORMAT}\"); to start from values files, run `ixn-portal import`",
            path.display()
        )));
    }
    Profile::parse(&text).and_then(|p| p.to_config()).map_err(|e| Failure::Input(format!("{}: {e}", path.display())))
}

/// `files` imported onto `base` in Helm's order, as the portal imports them.
pub fn import_values(base: &Config, files: &[std::path::PathBuf]) -> Result<(Config, ImportReport), Failure> {
    let mut texts = Vec::new();
    for p in files {
        let text = read(p)?;
        if let Some(e) = yaml_error(p, &text) {
            return Err(e);
        }
        texts.push((p.display().to_string(), text));
    }
    let sources: Vec<SourceFile> = texts.iter().map(|(n, t)| SourceFile { name: n, text: t }).collect();
    import(base, &sources).map_err(|e| Failure::Input(e.to_string()))
}

/// A profile with values files imported over it.
pub fn config(profile_path: &Path, values: &[std::path::PathBuf]) -> Result<Config, Failure> {
    let cfg = profile(profile_path)?;
    if values.is_empty() {
        return Ok(cfg);
    }
    Ok(import_values(&cfg, values)?.0)
}
