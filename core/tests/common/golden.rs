//! Golden outputs: what the faces wrote on the day they were recorded, kept under
//! `cli/tests/golden/` and compared byte for byte, so that a refactoring of the
//! delivery modes, the batch loop or the worker protocol changes no byte anyone
//! downloads. Each output is a manifest (every file's path, mode, size and sha256;
//! for a `.tar`, the archive's own sha256 then its entries), with each distinct
//! content kept once under `blobs/` for reading a difference.
//!
//! `GOLDEN_RECORD=1 cargo test …` writes them afresh (only on purpose: a change of
//! output that is meant). Read with `#[path]` by the command line's and the worker's
//! golden tests.
#![allow(dead_code)] // each user takes some of these

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The golden folder, `cli/tests/golden`, from a crate's manifest dir.
pub fn root(manifest_dir: &str) -> PathBuf {
    let here = Path::new(manifest_dir);
    let cli = if here.ends_with("cli") { here.to_path_buf() } else { here.join("../cli") };
    cli.join("tests/golden")
}

/// Whether this run records instead of comparing.
pub fn recording() -> bool {
    std::env::var("GOLDEN_RECORD").is_ok_and(|v| v == "1")
}

/// The sha256 of `bytes`, in hex.
pub fn sha(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// Records or compares the outputs of one face (`face`: a folder under the root).
pub struct Golden {
    root: PathBuf,
    face: String,
    record: bool,
    failures: Vec<String>,
    seen: usize,
}

impl Golden {
    /// The golden outputs of `face`; recording wipes its old manifests first.
    pub fn new(manifest_dir: &str, face: &str) -> Golden {
        let root = root(manifest_dir);
        let record = recording();
        if record {
            let _ = std::fs::remove_dir_all(root.join(face));
            std::fs::create_dir_all(root.join(face)).unwrap();
            std::fs::create_dir_all(root.join("blobs")).unwrap();
        }
        Golden { root, face: face.into(), record, failures: Vec::new(), seen: 0 }
    }

    /// A recorded input (a profile, a tenants file): written when recording, read
    /// otherwise, so that the inputs are those of the day of recording too.
    pub fn input(&self, name: &str, make: impl FnOnce() -> String) -> String {
        let path = self.root.join("inputs").join(name);
        if self.record {
            let text = make();
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &text).unwrap();
            text
        } else {
            std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e} (GOLDEN_RECORD=1 records it)", path.display()))
        }
    }

    /// `bytes` kept under `blobs/` (when recording); its line name.
    pub fn blob(&self, bytes: &[u8]) -> String {
        let h = sha(bytes);
        if self.record {
            let p = self.root.join("blobs").join(&h[..16]);
            if !p.exists() {
                std::fs::write(p, bytes).unwrap();
            }
        }
        h
    }

    /// The manifest line of one file.
    pub fn file_line(&self, path: &str, mode: u32, bytes: &[u8]) -> String {
        format!("{:o} {} {} {}\n", mode, bytes.len(), self.blob(bytes), path)
    }

    /// A `.tar`'s manifest: its sha256 and size, then its entries as read back.
    pub fn tar(&self, bytes: &[u8]) -> String {
        let mut out = format!("tar {} {}\n", bytes.len(), sha(bytes));
        for (path, mode, data) in untar(bytes) {
            out.push_str(&self.file_line(&path, mode, &data));
        }
        out
    }

    /// Compares (or records) the manifest of output `case`.
    pub fn check(&mut self, case: &str, manifest: &str) {
        self.seen += 1;
        let path = self.root.join(&self.face).join(format!("{case}.txt"));
        if self.record {
            std::fs::write(&path, manifest).unwrap();
            return;
        }
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        if old != manifest {
            let mut diff = String::new();
            let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), manifest.lines().collect());
            for l in a.iter().filter(|l| !b.contains(l)) {
                diff.push_str(&format!("  - {l}\n"));
                if let Some(h) = l.split(' ').nth(2).filter(|h| h.len() == 64) {
                    diff.push_str(&format!("    (was {})\n", self.root.join("blobs").join(&h[..16]).display()));
                }
            }
            for l in b.iter().filter(|l| !a.contains(l)) {
                diff.push_str(&format!("  + {l}\n"));
            }
            self.failures.push(format!("{}/{case}:\n{diff}", self.face));
        }
    }

    /// Panics listing every output that differs; says how many were compared.
    pub fn finish(self) {
        eprintln!(
            "{} golden outputs of {} {}",
            self.seen,
            self.face,
            if self.record { "recorded" } else { "compared" }
        );
        assert!(
            self.failures.is_empty(),
            "{} of {} outputs differ:\n{}",
            self.failures.len(),
            self.seen,
            self.failures.join("\n")
        );
    }
}

/// The entries of a ustar archive (PAX `path` records honoured): path, mode, data.
pub fn untar(bytes: &[u8]) -> Vec<(String, u32, Vec<u8>)> {
    fn octal(field: &[u8]) -> usize {
        let s: String = field.iter().take_while(|&&b| b != 0 && b != b' ').map(|&b| b as char).collect();
        usize::from_str_radix(s.trim(), 8).unwrap_or(0)
    }
    fn text(field: &[u8]) -> String {
        String::from_utf8_lossy(&field[..field.iter().position(|&b| b == 0).unwrap_or(field.len())]).into_owned()
    }
    let mut out = Vec::new();
    let mut at = 0;
    let mut pax_path: Option<String> = None;
    while at + 512 <= bytes.len() {
        let h = &bytes[at..at + 512];
        if h.iter().all(|&b| b == 0) {
            break;
        }
        let size = octal(&h[124..136]);
        let data = bytes[at + 512..at + 512 + size].to_vec();
        at += 512 + size.div_ceil(512) * 512;
        match h[156] {
            b'x' => {
                let records = String::from_utf8_lossy(&data).into_owned();
                pax_path = records.lines().find_map(|l| l.split_once(" path=").map(|(_, p)| p.to_string()));
            }
            _ => {
                let (prefix, name) = (text(&h[345..500]), text(&h[0..100]));
                let path = pax_path.take().unwrap_or(if prefix.is_empty() { name } else { format!("{prefix}/{name}") });
                out.push((path, octal(&h[100..108]) as u32, data));
            }
        }
    }
    out
}
