//! What the Git modes share in a batch: a row's Git view and files, and the
//! batch-wide files every Git mode writes (`seed-secret-store.sh`), after checking
//! that no two tenants share a folder or a release.

use super::{Part, RowOutput, Share, SharedError};
use super::{RowIn, SharedIn};
use crate::generate::archive::File;
use crate::generate::gitops::{self, seed, GitFile, GitView};
use crate::model::Delivery;

/// The Git tree's folder in a GitOps batch.
pub const GIT_DIR: &str = "git";

/// A Git file as a batch file, under [`GIT_DIR`].
pub fn git_file(f: GitFile) -> File {
    File { name: format!("{GIT_DIR}/{}", f.path), data: f.text.into_bytes(), executable: f.executable, secret: false }
}

/// Row `r` in Git mode `delivery`: its Git view, then `make` gives its folder, its
/// share and its files.
pub fn row(r: &RowIn, delivery: Delivery, make: impl FnOnce(&GitView) -> (String, Share, Vec<GitFile>)) -> RowOutput {
    let mut cfg = r.cfg.clone();
    // One batch, one delivery: the base profile's.
    cfg.deploy.delivery = delivery;
    // The namespace's shared Secrets are declared by its first row, once.
    let t = GitView::of(&cfg, r.opts).in_batch(&r.report.shared_by);
    let (folder, share, files) = make(&t);
    RowOutput {
        files: files.into_iter().map(git_file).collect(),
        part: Part {
            folder,
            release: t.release.clone(),
            namespace: t.namespace.clone(),
            seed: seed::tenant_lines(&t),
            share,
        },
    }
}

/// A Git mode's batch-wide files: `make`'s (the mode's own), then
/// `seed-secret-store.sh` and the index; the index alone when no row rendered.
pub fn shared(
    s: &SharedIn,
    make: impl FnOnce(&SharedIn) -> Result<Vec<File>, SharedError>,
) -> Result<Vec<File>, SharedError> {
    if s.parts.is_empty() {
        // Nothing rendered: the index says why.
        return Ok(vec![super::index_file(s)]);
    }
    gitops::distinct(s.parts.iter().map(|p| (p.folder.as_str(), p.release.as_str(), p.namespace.as_str())))
        .map_err(SharedError::Gitops)?;
    let mut out = make(s)?;
    let mut seed_text = seed::head();
    for p in s.parts {
        seed_text.push_str(&p.seed);
    }
    out.push(File { name: gitops::SEED_FILE.into(), data: seed_text.into_bytes(), executable: true, secret: true });
    out.push(super::index_file(s));
    Ok(out)
}
