//! The page ↔ worker protocol: what the page asks the worker (`worker/`) and what it
//! answers, as Rust types both sides share through serde, so neither writes the other's
//! JSON by hand. Plain data, no browser imports: the page's `worker_bridge` and the
//! worker's `jobs` send and read these.
//!
//! On the wire they are postcard bytes ([`to_wire`], [`from_wire`]): a compact format
//! whose reader is a fraction of serde_json's code in the page's first load (the JSON
//! reader of [`Answer`] alone was ~15 KB of wasm). A file the worker makes (a `.tar`)
//! travels beside the answer, as bytes.

use crate::batch::render::Stage;
use crate::chart::Against;
use crate::generate::gitops::Tree;
use crate::generate::values_yaml::ValuesOptions;
use crate::yaml::KeyComments;
use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// One request: its number (the bridge sets it), the chart values file the answers
/// are read against (when they name one), and the job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Routes the answers back to the asker.
    pub id: u64,
    /// The text of the chart values file the profiles name by digest, as
    /// `ixn-portal render --chart FILE` reads it.
    pub chart: Option<String>,
    /// What to do.
    pub job: Job,
}

/// One finding of [`Job::Contract`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContractFinding {
    /// Its field, as a finding's location prints (`ixnService.ixnServer.ports.default`).
    pub path: String,
    /// An error (the objects contradict the answers), or else a warning.
    pub error: bool,
    /// The sentence.
    pub message: String,
}

/// One file given to [`Job::Adopt`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdoptFile {
    /// Its path, in its folder when a folder was chosen.
    pub path: String,
    /// Its bytes (the wire format carries them one byte each).
    pub data: Vec<u8>,
}

/// What the page asks the worker. Profiles are profile JSON with the real secrets
/// (they stay in this browser: the worker is part of the page), read exactly as
/// `ixn-portal` reads a profile file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// The Git delivery's files of `masked` (what the GitOps tab shows) and of
    /// `profile` (what its copy and download buttons carry).
    Tree {
        /// The answers with the real secrets.
        profile: String,
        /// The answers with the secrets masked.
        masked: String,
        /// How the values file is written.
        options: ValuesOptions,
    },
    /// "Download everything" as a `.tar`.
    Download {
        /// The answers.
        profile: String,
        /// How the values file is written.
        options: ValuesOptions,
    },
    /// A tenants file over the base `profile`: every row's report, and how many are ready.
    Check {
        /// The base answers.
        profile: String,
        /// The tenants file's text.
        tenants: String,
        /// Its name, for messages.
        file: String,
        /// The per-tenant secrets file (its name and text, in `ixn-portal batch
        /// --secrets-file`'s format), from the page's memory; `None` without one.
        #[serde(default)]
        secrets: Option<(String, String)>,
    },
    /// "Download all tenants": every good row rendered, one `.tar` laid out like
    /// `ixn-portal batch --keep-going --out DIR`.
    Batch {
        /// The base answers.
        profile: String,
        /// The tenants file's text.
        tenants: String,
        /// Its name, for messages.
        file: String,
        /// The per-tenant secrets file (its name and text, in `ixn-portal batch
        /// --secrets-file`'s format), from the page's memory; `None` without one.
        #[serde(default)]
        secrets: Option<(String, String)>,
        /// How the values files are written.
        options: ValuesOptions,
    },
    /// Review's "Check the chart's output": the rendering `text` checked against
    /// `profile`, as `ixn-portal verify` checks it; without `text`, the commands that
    /// make one.
    Contract {
        /// The answers.
        profile: String,
        /// `helm template` output or `kubectl get … -o yaml`; never sent back.
        text: Option<String>,
    },
    /// The Tenants panel's "Adopt running tenants": the files dropped, adopted as
    /// `ixn-portal adopt` adopts them.
    Adopt {
        /// Each file: a repository's files, a folder's, or one `.tar`/`.zip`.
        files: Vec<AdoptFile>,
    },
    /// A chart's values file read as `ixn-portal render --chart` reads it: its digest
    /// and the comment above each key.
    Baseline {
        /// The file's text.
        text: String,
    },
    /// The Operations tab's sections, of `masked` and of `profile`.
    Operations {
        /// The answers with the real secrets.
        profile: String,
        /// The answers with the secrets masked.
        masked: String,
    },
    /// The table of the supported metrics matching `query`.
    Metrics {
        /// What was typed in the search.
        query: String,
    },
    /// The Changes view of `profile` against a baseline.
    Changes {
        /// The answers.
        profile: String,
        /// Against what.
        against: Against,
        /// The deployed or next values, pasted (unused against the defaults).
        pasted: String,
        /// Whether secrets are shown.
        show: bool,
    },
}

/// What the worker posts: that it is ready (requests wait for it), or an answer to
/// request `id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Message {
    /// The worker listens now.
    Ready,
    /// An answer to request `id`; [`Answer::Progress`] is not the last one.
    Answer {
        /// The request's number.
        id: u64,
        /// The answer.
        answer: Answer,
    },
}

/// The worker's answer to a [`Job`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// A long job's progress (not its last answer).
    Progress {
        /// The pass.
        stage: Stage,
        /// Rows done.
        done: usize,
        /// Rows in the pass.
        total: usize,
    },
    /// Why the job could not be done, as the user reads it.
    Error(String),
    /// [`Job::Tree`]: each tree, or none outside Git delivery.
    Trees {
        /// Of the masked answers.
        shown: Option<Tree>,
        /// Of the real ones.
        unmasked: Option<Tree>,
    },
    /// [`Job::Download`] and [`Job::Batch`]: the `.tar` (its bytes beside this), by name.
    File {
        /// The file name.
        name: String,
        /// Batch: the rows rendered.
        rendered: usize,
        /// Batch: the rows with errors, left out.
        failed: usize,
    },
    /// [`Job::Check`]: every row's report as the Tenants panel's HTML.
    Checked {
        /// The table.
        html: String,
        /// Rows without errors.
        ready: usize,
    },
    /// [`Job::Contract`] with a text: how many objects it held, and the findings.
    Contract {
        /// Objects read.
        objects: usize,
        /// Each finding at its field.
        findings: Vec<ContractFinding>,
    },
    /// [`Job::Contract`] without a text: the commands that make a rendering, as HTML.
    ChartCommands(String),
    /// [`Job::Adopt`]: the panel's HTML (the proof, the rows, the base, the report);
    /// the `.tar` of the files `ixn-portal adopt` writes is beside it.
    Adopted {
        /// The `.tar`'s name.
        name: String,
        /// What the panel shows.
        html: String,
    },
    /// [`Job::Baseline`]: the file's digest and comments.
    Baseline {
        /// `sha256:<hex>`.
        digest: String,
        /// The comment above each key.
        help: KeyComments,
    },
    /// [`Job::Operations`]: the sections as HTML, masked and real, and the real scripts.
    Operations {
        /// Masked.
        shown: String,
        /// Real.
        real: String,
        /// What Copy and Download carry.
        scripts: Vec<SectionScripts>,
    },
    /// [`Job::Metrics`]: the table, as HTML.
    Metrics(String),
    /// [`Job::Changes`]: the report.
    Changes(ChangesReport),
}

/// What the Operations tab's Copy and Download carry of one section (real secrets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionScripts {
    /// The section's id.
    pub id: String,
    /// Its whole script.
    pub script: String,
    /// Each item's commands or query.
    pub items: Vec<Option<String>>,
}

/// The Changes view's report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangesReport {
    /// "Against …: N added, N removed, N changed."
    pub summary: String,
    /// One line per changed key.
    pub changes: Vec<ChangeLine>,
    /// Keys the new values drop.
    pub warnings: Vec<String>,
    /// What to decide before moving to the next version.
    pub decisions: Vec<String>,
    /// The whole report as text.
    pub text: String,
}

/// One changed key, with the field it links to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeLine {
    /// `added`, `removed` or `changed` (a CSS class).
    pub kind: String,
    /// `+`, `-` or `~`.
    pub sign: String,
    /// The wizard step's slug.
    pub step: String,
    /// The field's key path.
    pub field: String,
    /// The dotted path shown.
    pub path: String,
    /// The line after the path.
    pub rest: String,
    /// A text changed inside, as HTML (escaped by the worker).
    pub within: Option<String>,
}

/// A [`Request`] or a [`Message`] as the bytes posted between page and worker.
pub fn to_wire<T: Serialize>(value: &T) -> Vec<u8> {
    // Every protocol type is plain data: only a bug could fail here.
    postcard::to_allocvec(value).expect("a protocol value serializes")
}

/// Reads what [`to_wire`] wrote; the error says why it does not read.
pub fn from_wire<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    postcard::from_bytes(bytes).map_err(|e| e.to_string())
}
