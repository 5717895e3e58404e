//! The test-only fifth mode (cargo feature `example-mode`, never shipped): each
//! tenant's values file in Git, `git/<folder>/override_values.yaml`, and nothing
//! batch-wide but what every Git mode writes. It is here to show that a mode is its
//! variant of `Delivery` (with its form), this module and its row of [`super::MODES`].

use super::{git, Mode, RowIn, SharedIn};
use super::{RowOutput, Share, SharedError};
use crate::generate::archive::File;
use crate::generate::gitops::{seed, GitFile, GitView, Tree};
use crate::model::Delivery;

/// Its row of [`super::MODES`].
pub const MODE: Mode = Mode { delivery: Delivery::Example, tree, row, shared };

fn files(t: &GitView) -> Vec<GitFile> {
    vec![GitFile { path: format!("{}/override_values.yaml", t.folder), text: t.values_yaml.clone(), executable: false }]
}

fn tree(t: &GitView) -> Option<Tree> {
    Some(Tree { files: files(t), seed: seed::script(std::slice::from_ref(t)) })
}

fn row(r: &RowIn) -> RowOutput {
    git::row(r, Delivery::Example, |t| (t.folder.clone(), Share::Nothing, files(t)))
}

fn shared(s: &SharedIn) -> Result<Vec<File>, SharedError> {
    git::shared(s, |_| Ok(Vec::new()))
}
