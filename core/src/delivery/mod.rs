//! Delivery modes as one concept: one table ([`MODES`]) lists the ways a tenant
//! reaches the cluster, one module per mode holds what that mode makes: its share of a
//! batch (a row's files and what the batch-wide files take from it) and its
//! batch-wide files. The batch reads the table.
//!
//! What the layers below the generators read of a mode (its id, its choice texts, the
//! fields it shows and needs) is its variant of [`Delivery`] with its
//! [`crate::model::ModeForm`], in the model: the form, the validation and the GitOps
//! tab's choices ([`TAB_CHOICES`]) read those. Adding a mode is its variant there, one
//! module and one row here.
//!
//! Shared Git parts (the tenant's Git view, the seed, the batch prelude) are in [`git`];
//! the manifests themselves in [`crate::generate::gitops`].

pub mod argocd;
#[cfg(feature = "example-mode")]
pub mod example;
pub mod flux;
pub mod genesys;
pub mod git;
pub mod script;

use crate::artifacts::{artifacts, Artifacts, Download};
use crate::batch::RowReport;
use crate::generate::archive::File;
use crate::generate::gitops::{argocd as argocd_gen, BatchError, GitView, Tree};
use crate::generate::values_yaml::ValuesOptions;
use crate::model::{Config, Delivery};

/// One delivery mode: a row of [`MODES`].
#[derive(Debug, Clone, Copy)]
pub struct Mode {
    /// The profile's `deploy.delivery`; its id, labels and fields are its
    /// [`Delivery::form`].
    pub delivery: Delivery,
    /// One tenant's Git tree and seed; `None` in Script mode (its files are the
    /// artifacts').
    pub tree: fn(&GitView) -> Option<Tree>,
    /// One rendered batch row: its files and its [`Part`].
    pub row: fn(&RowIn) -> RowOutput,
    /// The files beside the rows, the index ([`index_file`]) among them.
    pub shared: fn(&SharedIn) -> Result<Vec<File>, SharedError>,
}

/// What a mode renders one batch row from.
#[derive(Debug, Clone, Copy)]
pub struct RowIn<'a> {
    /// The row's configuration (cells and credentials applied).
    pub cfg: &'a Config,
    /// The row's report (release, namespace, the shared Secrets it declares).
    pub report: &'a RowReport,
    /// How the values file is written.
    pub opts: ValuesOptions,
    /// The digits a numbered folder has ([`crate::batch::render::row_width`]).
    pub width: usize,
}

/// What a mode's batch-wide files are made from.
#[derive(Debug, Clone, Copy)]
pub struct SharedIn<'a> {
    /// Every row's report.
    pub reports: &'a [RowReport],
    /// Which rows were rendered.
    pub rendered: &'a [bool],
    /// The rendered rows' parts, in row order.
    pub parts: &'a [Part],
}

/// `tenants.csv`: every row's status and findings, in every mode.
pub fn index_file(s: &SharedIn) -> File {
    File {
        name: crate::batch::index::INDEX_FILE.into(),
        data: crate::batch::index::index_csv(s.reports, s.rendered).into_bytes(),
        executable: false,
        secret: false,
    }
}

/// Every delivery mode, in the order of [`Delivery::ALL`].
pub const MODES: &[Mode] = &[
    script::MODE,
    argocd::MODE,
    flux::MODE,
    genesys::MODE,
    #[cfg(feature = "example-mode")]
    example::MODE,
];

/// The GitOps tab's choices: each mode's delivery and choice text, from its
/// [`Delivery::form`]. A reader of the choices (the page) does not carry the modes'
/// generators, which [`MODES`]'s function pointers would keep in its wasm.
pub const TAB_CHOICES: [(Delivery, &str); Delivery::ALL.len()] = {
    let mut out = [(Delivery::Script, ""); Delivery::ALL.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = (Delivery::ALL[i], Delivery::ALL[i].form().choice);
        i += 1;
    }
    out
};

/// [`artifacts`] with the delivery mode's tree (none in Script mode). The portal's
/// page calls [`artifacts`] only, so the modes' generators are not in its first load:
/// its worker (`worker/`) calls this.
pub fn with_gitops(cfg: &Config, opts: ValuesOptions) -> Artifacts {
    Artifacts { gitops: tree(cfg, opts), ..artifacts(cfg, opts) }
}

/// The delivery mode's Git tree for `cfg` (its row's [`Mode::tree`]), or `None` in
/// Script mode.
pub fn tree(cfg: &Config, opts: ValuesOptions) -> Option<Tree> {
    let mode = of(cfg.deploy.delivery);
    // A mode without a Git tree makes no Git view.
    mode.delivery.form().git.then(|| (mode.tree)(&GitView::of(cfg, opts))).flatten()
}

/// Every file of the portal's "Download everything" for `cfg`, with the real secrets.
pub fn download(cfg: &Config, opts: ValuesOptions) -> Download {
    Download::of(cfg, &with_gitops(cfg, opts), crate::chart::VALUES_SCHEMA)
}

/// The row of `delivery`.
pub fn of(delivery: Delivery) -> &'static Mode {
    MODES.iter().find(|m| m.delivery == delivery).expect("every delivery has its row in MODES")
}

/// What the shared files need of one rendered row.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// The tenant's folder in the Git tree (GitOps modes).
    pub folder: String,
    /// The release name.
    pub release: String,
    /// The namespace.
    pub namespace: String,
    /// The tenant's lines of `seed-secret-store.sh` (GitOps modes).
    pub seed: String,
    /// What the mode's batch-wide files take from this row.
    pub share: Share,
}

/// What a delivery mode's batch-wide files take from one row, besides its folder.
#[derive(Debug, Clone, PartialEq)]
pub enum Share {
    /// Nothing (Script: `deploy-all.sh` reads the reports; Flux: the folder).
    Nothing,
    /// Argo CD: the row's list element, and what the ApplicationSet would take from it
    /// if it is the first.
    Argocd(Box<(argocd_gen::Element, argocd_gen::BatchHead)>),
    /// Genesys: the chart version the row installs (one `chart.ver` for every release).
    ChartVersion(String),
}

/// One rendered row: its files (paths from the batch's root) and its part.
#[derive(Debug, Clone, PartialEq)]
pub struct RowOutput {
    /// The row's files.
    pub files: Vec<File>,
    /// What the shared files need of it.
    pub part: Part,
}

/// Why the rendered rows cannot make one batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SharedError {
    /// Two tenants would share a folder or a release.
    Gitops(BatchError),
    /// The Genesys pipeline installs one chart version for every release.
    ChartVersions {
        /// The first row's version.
        first: String,
        /// Another row's.
        other: String,
        /// That row (1-based, counting tenants).
        row: usize,
    },
}

impl std::fmt::Display for SharedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SharedError::Gitops(e) => e.fmt(f),
            SharedError::ChartVersions { first, other, row } => write!(
                f,
                "row {row}: the Genesys pipeline installs one chart version (chart.ver) for every release: {other:?} differs from the first tenant's {first:?}"
            ),
        }
    }
}

impl std::error::Error for SharedError {}

#[cfg(test)]
mod tests {
    use super::*;

    // Every delivery has its row, in the order the form lists them.
    #[test]
    fn every_delivery_has_its_row_in_order() {
        assert_eq!(MODES.iter().map(|m| m.delivery).collect::<Vec<_>>(), Delivery::ALL);
        for &d in Delivery::ALL {
            assert_eq!(of(d).delivery, d);
        }
        let field = crate::model::context_field("deploy.delivery").expect("the delivery field");
        let crate::registry::FieldKind::Select(choices) = field.kind else { panic!("a select") };
        assert_eq!(choices, &crate::model::DELIVERY_CHOICES[..]);
    }
}
