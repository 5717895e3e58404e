//! Argo CD: an `Application` per tenant. In a batch, `git/applicationset.yaml` (one
//! `ApplicationSet`, a list element per tenant) and each tenant's
//! `git/<folder>/override_values.yaml` and `manifests/`.

use super::{git, Mode, RowIn, SharedIn};
use super::{RowOutput, Share, SharedError};
use crate::generate::archive::File;
use crate::generate::gitops::{self, argocd};
use crate::model::Delivery;

/// Its row of [`super::MODES`].
pub const MODE: Mode = Mode { delivery: Delivery::Argocd, tree: |t| Some(argocd::tree(t)), row, shared };

fn row(r: &RowIn) -> RowOutput {
    git::row(r, Delivery::Argocd, |t| {
        let (element, files) = argocd::batch_part(t);
        let head = argocd::batch_head(t);
        (t.folder.clone(), Share::Argocd(Box::new((element, head))), files)
    })
}

fn shared(s: &SharedIn) -> Result<Vec<File>, SharedError> {
    git::shared(s, |s| {
        let shares: Vec<&(argocd::Element, argocd::BatchHead)> = s
            .parts
            .iter()
            .filter_map(|p| match &p.share {
                Share::Argocd(s) => Some(&**s),
                _ => None,
            })
            .collect();
        let head = &shares[0].1;
        let elements = shares.iter().map(|(e, _)| e.clone()).collect();
        Ok(vec![
            git::git_file(argocd::application_set_file(head, elements)),
            git::git_file(gitops::readme::application_set(&head.namespace)),
        ])
    })
}
