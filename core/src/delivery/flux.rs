//! Flux: a `HelmRepository` and `HelmRelease` per tenant, ordered by `Kustomization`s.
//! In a batch, each tenant's tree under `git/<folder>/`, and `git/kustomization.yaml`
//! listing every tenant's folder, so that one Flux `Kustomization` with `path: ./git`
//! (or `kubectl kustomize git`) reads them all.

use super::{git, Mode, RowIn, SharedIn};
use super::{RowOutput, Share, SharedError};
use crate::generate::archive::File;
use crate::generate::gitops::{flux, GitFile};
use crate::model::Delivery;

/// Its row of [`super::MODES`].
pub const MODE: Mode = Mode { delivery: Delivery::Flux, tree: |t| Some(flux::tree(t)), row, shared };

fn row(r: &RowIn) -> RowOutput {
    git::row(r, Delivery::Flux, |t| (t.folder.clone(), Share::Nothing, flux::tree(t).files))
}

fn shared(s: &SharedIn) -> Result<Vec<File>, SharedError> {
    git::shared(s, |s| {
        Ok(vec![git::git_file(GitFile {
            path: "kustomization.yaml".into(),
            text: flux::kustomize_file(&s.parts.iter().map(|p| p.folder.clone()).collect::<Vec<_>>()),
            executable: false,
        })])
    })
}
