//! GitOps delivery: the files a tenant's deployment needs in a Git repository for
//! Argo CD, Flux or the Genesys pipeline, and the one file that is kept out of Git,
//! `seed-secret-store.sh`, which puts the secrets where the cluster reads them.
//!
//! Nothing secret is written into the Git tree: the values carry no password (the
//! chart-made DB secrets are turned off), the Secrets are made by kubectl from
//! `seed-secret-store.sh` or in the cluster by the External Secrets Operator, and the
//! database bootstrap is a Job that reads its credentials from a Secret.
//!
//! Manifests are typed structs (`kube`, and one module per tool) serialised through
//! serde_json into the project's YAML 1.1-safe writer: YAML is what people review in
//! Git, and the writer quotes every string a YAML 1.1 or 1.2 reader (Helm, kubectl,
//! Argo CD, Flux) would otherwise read as something else. Two parts are JSON by
//! nature, not by shortcut: the chart's values (`valuesObject`, a values tree) and the
//! ExternalSecret templates' `data` (a map the user's chart keys decide).

pub mod argocd;
pub mod bootstrap_job;
pub mod external_secrets;
pub mod flux;
pub mod genesys;
pub mod kube;
pub mod readme;
pub mod seed;

use super::secrets::{secret_specs, SecretSpec};
use super::values_yaml::{values_tree, values_yaml, ValuesOptions};
use crate::model::release_name;
use crate::model::{Config, Delivery, Effective, SecretsFrom, Value};
use crate::registry::{keys, KEYS};
use crate::yaml::{to_yaml, EmitOptions, Node};
use serde::Serialize;
use serde_json::Value as Json;
use std::borrow::Cow;

/// The file that holds the secrets, kept out of the Git tree.
pub const SEED_FILE: &str = "seed-secret-store.sh";

/// One file of the Git tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct GitFile {
    /// Its path from the repository's root, `/`-separated.
    pub path: String,
    /// Its content.
    pub text: String,
    /// A script (mode 0755 in the download).
    pub executable: bool,
}

/// What one delivery mode makes: the Git tree, and the secret-bearing seed script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Tree {
    /// Files to commit, with their paths in the repository.
    pub files: Vec<GitFile>,
    /// `seed-secret-store.sh`: run once, never committed.
    pub seed: String,
}

impl Tree {
    /// The file at this path.
    pub fn file(&self, path: &str) -> Option<&GitFile> {
        self.files.iter().find(|f| f.path == path)
    }
}

/// Why several tenants cannot share one Git tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchError {
    /// No tenant given.
    Empty,
    /// Two tenants would write the same folder (`index`es from 0).
    SameFolder {
        /// The folder both would write.
        folder: String,
        /// The first tenant's index.
        first: usize,
        /// The second tenant's index.
        second: usize,
    },
    /// Two tenants would make the same Helm release in one namespace.
    SameRelease {
        /// The release name.
        release: String,
        /// The namespace.
        namespace: String,
        /// The first tenant's index.
        first: usize,
        /// The second tenant's index.
        second: usize,
    },
}

impl std::fmt::Display for BatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BatchError::Empty => f.write_str("no tenant to deploy"),
            BatchError::SameFolder { folder, first, second } => {
                write!(f, "tenants {} and {} would both write the folder {folder}", first + 1, second + 1)
            }
            BatchError::SameRelease { release, namespace, first, second } => write!(
                f,
                "tenants {} and {} are both the release {release} in namespace {namespace}",
                first + 1,
                second + 1
            ),
        }
    }
}

impl std::error::Error for BatchError {}

/// Checks that no two tenants, given as (folder, release, namespace) in order, write
/// the same folder or make the same release in one namespace.
pub fn distinct<'a>(tenants: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> Result<(), BatchError> {
    let mut folders: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut releases: std::collections::HashMap<(&str, &str), usize> = std::collections::HashMap::new();
    let mut n = 0;
    for (i, (folder, release, namespace)) in tenants.enumerate() {
        n += 1;
        if let Some(&first) = folders.get(folder) {
            return Err(BatchError::SameFolder { folder: folder.to_string(), first, second: i });
        }
        folders.insert(folder, i);
        if let Some(&first) = releases.get(&(release, namespace)) {
            return Err(BatchError::SameRelease {
                release: release.to_string(),
                namespace: namespace.to_string(),
                first,
                second: i,
            });
        }
        releases.insert((release, namespace), i);
    }
    if n == 0 {
        return Err(BatchError::Empty);
    }
    Ok(())
}

/// A tenant's Git view: one tenant as the GitOps generators see it, the answers
/// adjusted for Git (no placeholders, DB secrets outside the chart), and what the
/// generators share. (Not a row of a tenants file: that is [`crate::batch::Row`].)
#[derive(Debug, Clone)]
pub struct GitView {
    /// The answers, adjusted (secrets kept: the seed script needs them).
    pub cfg: Config,
    /// The effective values of `cfg`.
    pub real: Effective,
    /// The Helm release name.
    pub release: String,
    /// A name safe in paths and as a Kubernetes object name prefix: the release when
    /// it is a DNS label, else `ixn`.
    pub name: String,
    /// The namespace.
    pub namespace: String,
    /// Its folder in the repository, no leading or trailing `/`.
    pub folder: String,
    /// The values, as Helm reads them (no secret in them).
    pub values: Node,
    /// The same as the values file Script mode writes for these answers.
    pub values_yaml: String,
    /// The Secrets the deployment needs, with their real data.
    pub specs: Vec<SecretSpec>,
    /// In a batch: the store keys of the namespace's shared Secrets are the namespace's
    /// (`<namespace>-shared-…`), not the tenant's own.
    pub batch: bool,
    /// In a batch: the namespace's shared Secrets an earlier row declares (name, row),
    /// which this tenant's files leave out.
    pub shared_by: Vec<(String, usize)>,
}

/// Text that is safe as a path segment and an object name: a DNS-1123 label.
pub(crate) fn is_safe_name(s: &str) -> bool {
    crate::model::not_dns1123_label(s, 53).is_none()
}

/// The tenant's folder in the Git tree: `gitops.path` when it can be one (see
/// [`crate::model::git_folder`], the same rule the field's check uses), else
/// `ixn/<release>` (`ixn/ixn` when the release is not a DNS label).
pub fn folder_of(cfg: &Config) -> String {
    let git = for_git(cfg);
    match crate::model::git_folder(&git.deploy.git.path) {
        Ok(Some(folder)) => folder.to_string(),
        _ => {
            let release = release_name(&git);
            format!("ixn/{}", if is_safe_name(&release) { release.as_str() } else { "ixn" })
        }
    }
}

/// The answers as Git delivery uses them: real values (no controller runs envsubst),
/// the DB secrets made outside the chart, and no credential in the values.
pub fn for_git(cfg: &Config) -> Config {
    let mut g = cfg.clone();
    g.deploy.placeholders = false;
    g.deploy.envsubst_vars.clear();
    g.deploy.chart_makes_db_secrets = false;
    g
}

/// The values-file answers: [`for_git`] with every credential key left out and the
/// chart's own DB secrets off even if a file turned them on.
pub fn values_config(git: &Config) -> Config {
    let mut v = git.clone();
    for def in KEYS.iter().filter(|k| k.secret()) {
        v.values.unset(def);
    }
    for def in [keys::IXN_SERVICE_IXN_SERVER_SECRETS_DB_ENABLED, keys::IXN_SERVICE_IXN_NODE_SECRETS_DB_ENABLED] {
        if v.values.get(def).is_some() {
            v.values.set(def, Value::Bool(false));
        }
    }
    v
}

/// The answers a delivery is made from: in Script mode `cfg` as it is; in a Git
/// delivery [`for_git`] of it (real values, the DB secrets made outside the chart).
/// The commands, the secrets and the values views all follow it, so that a Git
/// delivery shows one story.
pub fn delivery_answers(cfg: &Config) -> Cow<'_, Config> {
    if cfg.deploy.delivery == Delivery::Script {
        Cow::Borrowed(cfg)
    } else {
        Cow::Owned(for_git(cfg))
    }
}

/// The answers the values file of `cfg`'s delivery is written from: in Script mode
/// `cfg` as it is; in a Git delivery [`values_config`] of [`for_git`], the values that
/// go to Git, with no credential. Every view of the values (the preview, its Copy and
/// Download, the Changes view and `ixn-portal diff`, the Git tree) is written from
/// it, so no values file a Git delivery offers holds a secret.
pub fn values_answers(cfg: &Config) -> Cow<'_, Config> {
    if cfg.deploy.delivery == Delivery::Script {
        Cow::Borrowed(cfg)
    } else {
        Cow::Owned(values_config(&for_git(cfg)))
    }
}

impl GitView {
    /// The tenant for `cfg`.
    pub fn of(cfg: &Config, opts: ValuesOptions) -> GitView {
        let git = for_git(cfg);
        let real = Effective::of(&git);
        let vcfg = values_config(&git);
        let veff = Effective::of(&vcfg);
        let release = release_name(&git);
        let name = if is_safe_name(&release) { release.clone() } else { "ixn".to_string() };
        let folder = folder_of(&git);
        let values = values_tree(&vcfg, &veff, ValuesOptions { comments: false, ..opts });
        let values_yaml = values_yaml(&vcfg, &veff, opts);
        let specs = secret_specs(&git, &real);
        GitView {
            namespace: git.deploy.namespace.clone(),
            cfg: git,
            real,
            release,
            name,
            folder,
            values,
            values_yaml,
            specs,
            batch: false,
            shared_by: Vec::new(),
        }
    }

    /// The tenant as one row of a batch: `shared_by` are the namespace's shared Secrets
    /// an earlier row declares (see [`crate::batch::RowReport::shared_by`]).
    pub fn in_batch(mut self, shared_by: &[(String, usize)]) -> GitView {
        self.batch = true;
        self.shared_by = shared_by.to_vec();
        self
    }

    /// The row that declares the Secret `name` for this tenant, if not this tenant.
    pub fn declared_by(&self, name: &str) -> Option<usize> {
        self.shared_by.iter().find(|(n, _)| n == name).map(|(_, row)| *row)
    }

    /// External Secrets makes the Secrets.
    pub fn eso(&self) -> bool {
        self.cfg.deploy.git.secrets_from == SecretsFrom::ExternalSecrets
    }
}

/// A manifest as YAML, with a first comment line saying what it is.
pub fn yaml_doc(what: &str, manifest: &impl Serialize) -> String {
    let json = serde_json::to_value(manifest).expect("manifests serialize");
    json_doc(what, &json)
}

/// A JSON manifest as YAML, with a comment line.
pub fn json_doc(what: &str, json: &Json) -> String {
    let mut out = format!("# {}\n", super::shell::comment_text(what));
    out.push_str(&to_yaml(&crate::profile::from_json(json), EmitOptions::default()));
    out
}

/// The file name of a manifest about object `name`: the name when it is safe in a
/// path, else the fallback (names come from what the user typed).
pub(crate) fn file_name(prefix: &str, name: &str, fallback: usize) -> String {
    if is_safe_name(name) {
        format!("{prefix}{name}.yaml")
    } else {
        format!("{prefix}{fallback}.yaml")
    }
}

/// Where a manifest belongs in the deployment's order: the store and the app's
/// Secrets before the chart, and the database bootstrap (its Secret, SQL and Job)
/// before the release too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The SecretStore.
    Store,
    /// An ExternalSecret of a Secret the chart mounts.
    Secret,
    /// The ExternalSecret of the bootstrap Job's credentials.
    BootstrapSecret,
    /// The bootstrap SQL (a ConfigMap).
    BootstrapSql,
    /// The bootstrap Job.
    BootstrapJob,
}

impl Stage {
    /// Part of the database bootstrap.
    pub fn bootstrap(self) -> bool {
        matches!(self, Stage::BootstrapSecret | Stage::BootstrapSql | Stage::BootstrapJob)
    }
}

/// One manifest file the modes place in their own folders.
#[derive(Debug, Clone, PartialEq)]
pub struct Manifest {
    /// Its order.
    pub stage: Stage,
    /// File name (no folder).
    pub file: String,
    /// What it is, for the first comment line.
    pub what: String,
    /// The object.
    pub json: Json,
}

impl Manifest {
    /// A manifest of a typed object.
    pub fn of(stage: Stage, file: String, what: String, object: &impl Serialize) -> Manifest {
        Manifest { stage, file, what, json: serde_json::to_value(object).expect("manifests serialize") }
    }

    /// As a YAML document.
    pub fn yaml(&self) -> String {
        json_doc(&self.what, &self.json)
    }

    /// With this annotation.
    pub fn annotate(&mut self, key: &str, value: &str) {
        let meta = &mut self.json["metadata"];
        if meta.get("annotations").is_none() {
            meta["annotations"] = Json::Object(serde_json::Map::new());
        }
        meta["annotations"][key] = Json::String(value.into());
    }
}

/// Every manifest besides the chart's: External Secrets (when chosen) and the
/// database bootstrap (when on), in order.
pub fn manifests(t: &GitView) -> Vec<Manifest> {
    let mut out = if t.eso() { external_secrets::manifests(t) } else { Vec::new() };
    out.extend(bootstrap_job::manifests(t));
    out
}

/// A batch of tenants for Argo CD: one `ApplicationSet` and each tenant's folder (what
/// the command line's batch writes). Each configuration keeps its own settings.
pub fn argocd_batch(cfgs: &[Config], opts: ValuesOptions) -> Result<Tree, BatchError> {
    let tenants: Vec<GitView> = cfgs.iter().map(|c| GitView::of(c, opts)).collect();
    argocd::application_set(&tenants)
}
