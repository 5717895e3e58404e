//! Delivery modes as one concept: one table ([`MODES`]) lists the ways a tenant
//! reaches the cluster, one module per mode holds what is that mode's: its id and
//! label, its choice in the form and in the GitOps tab, its share of a batch (a row's
//! files and what the batch-wide files take from it) and its batch-wide files. The
//! form's choices, the GitOps tab's and the batch read the table; adding a mode is one
//! module and one row here (and its variant of [`Delivery`], which the compiler then
//! asks for in every place that must decide).
//!
//! Shared Git parts (the tenant's Git view, the seed, the batch prelude) are in [`git`];
//! the manifests themselves in [`crate::generate::gitops`].

pub mod argocd;
pub mod flux;
pub mod genesys;
pub mod git;
pub mod script;

use crate::batch::RowReport;
use crate::generate::archive::File;
use crate::generate::gitops::{argocd as argocd_gen, BatchError};
use crate::generate::values_yaml::ValuesOptions;
use crate::model::{Config, Delivery};

/// One delivery mode: a row of [`MODES`].
#[derive(Debug, Clone, Copy)]
pub struct Mode {
    /// The profile's `deploy.delivery` (its text is the id: [`Delivery::as_str`]).
    pub delivery: Delivery,
    /// The form's choice text.
    pub label: &'static str,
    /// The GitOps tab's choice text.
    pub choice: &'static str,
    /// One rendered batch row: its files and its [`Part`].
    pub row: fn(&RowIn) -> RowOutput,
    /// The files beside the rows, the index ([`index_file`]) among them.
    pub shared: fn(&SharedIn) -> Result<Vec<File>, SharedError>,
}

impl Mode {
    /// Its id: the profile's and the form's text for it.
    pub const fn id(&self) -> &'static str {
        self.delivery.as_str()
    }
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

/// Every delivery mode, in the order the choices list them.
pub const MODES: [Mode; 4] = [script::MODE, argocd::MODE, flux::MODE, genesys::MODE];

/// The form's choices: each mode's id and label, from [`MODES`].
pub const CHOICES: [(&str, &str); MODES.len()] = {
    let mut out = [("", ""); MODES.len()];
    let mut i = 0;
    while i < MODES.len() {
        out[i] = (MODES[i].id(), MODES[i].label);
        i += 1;
    }
    out
};

/// The GitOps tab's choices: each mode's delivery and choice text, from [`MODES`].
/// Computed at compile time, so a reader of the choices (the page) does not carry the
/// modes' generators, which [`MODES`]'s function pointers would keep in its wasm.
pub const TAB_CHOICES: [(Delivery, &str); MODES.len()] = {
    let mut out = [(Delivery::Script, ""); MODES.len()];
    let mut i = 0;
    while i < MODES.len() {
        out[i] = (MODES[i].delivery, MODES[i].choice);
        i += 1;
    }
    out
};

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

    // The form's choices of `deploy.delivery` are the table's (the form sits below the
    // generators, so it cannot read the table itself: this test keeps them one).
    #[test]
    fn the_forms_delivery_choices_are_the_tables() {
        let field = crate::model::context_field("deploy.delivery").expect("the delivery field");
        let crate::registry::FieldKind::Select(choices) = field.kind else { panic!("a select") };
        assert_eq!(choices, &CHOICES[..]);
        for m in MODES {
            assert_eq!(of(m.delivery).id(), m.id());
            assert_eq!(Delivery::parse(m.id()), m.delivery);
        }
    }
}
