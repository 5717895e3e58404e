//! Argo CD: an `Application` with the chart as a Helm source, and for a batch of
//! tenants one `ApplicationSet` with a list generator.
//!
//! The manifests beside the chart (SecretStore, ExternalSecrets, the bootstrap) sit in
//! the tenant's `manifests/` folder, a second source. Their order: the SecretStore
//! (sync wave -2) and the ExternalSecrets (-1) before the chart's objects (wave 0); the
//! database bootstrap runs as PreSync hooks (its own SecretStore, its ExternalSecret
//! and SQL, then the Job), so the databases exist before anything of the chart starts.
//! The hooks have their own SecretStore because PreSync runs before the Sync phase
//! creates the tenant's one on the first sync.

use super::external_secrets::{self, store_name};
use super::kube::{Meta, Object, Spec};
use super::{manifests, seed, yaml_doc, BatchError, GitFile, GitView, Manifest, Stage, Tree};
use crate::generate::commands::VALUES_FILE;
pub use crate::model::chart_name;
use crate::model::{SyncMode, ValuesIn};
use serde::Serialize;
use serde_json::Value as Json;

/// The API version of both kinds.
pub const API: &str = "argoproj.io/v1alpha1";
/// The in-cluster API server, as Argo CD names it.
pub const IN_CLUSTER: &str = "https://kubernetes.default.svc";
/// The `ref` of the Git source that holds the values file.
const VALUES_REF: &str = "values";

/// `Application.spec`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationSpec {
    /// The AppProject.
    pub project: String,
    /// The chart alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// The chart, and the Git folder (values file, manifests).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Where it goes.
    pub destination: Destination,
    /// Automated or manual.
    pub sync_policy: SyncPolicy,
}

/// One source.
#[derive(Debug, Clone, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// Helm repository (an OCI one without `oci://`) or Git repository.
    #[serde(rename = "repoURL")]
    pub repo_url: String,
    /// The chart, for a Helm source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chart: Option<String>,
    /// The folder, for a Git source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Chart version, or Git revision.
    pub target_revision: String,
    /// The Helm parameters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub helm: Option<HelmSource>,
    /// The name other sources use for this one's files (`$values/…`).
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Which files of the folder are manifests.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub directory: Option<Directory>,
}

/// `source.helm`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HelmSource {
    /// The Helm release name.
    pub release_name: String,
    /// Values files, `$values/<path>`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub value_files: Vec<String>,
    /// Inline values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values_object: Option<Json>,
}

/// `source.directory`.
#[derive(Debug, Clone, Serialize)]
pub struct Directory {
    /// Into subfolders.
    pub recurse: bool,
    /// Glob of the manifests.
    pub include: String,
}

/// `destination`.
#[derive(Debug, Clone, Serialize)]
pub struct Destination {
    /// The cluster.
    pub server: String,
    /// The namespace.
    pub namespace: String,
}

/// `syncPolicy`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncPolicy {
    /// Present: Argo CD syncs on its own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub automated: Option<Automated>,
    /// `CreateNamespace=true`.
    pub sync_options: Vec<String>,
}

/// `syncPolicy.automated`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Automated {
    /// Delete what left Git.
    pub prune: bool,
    /// Undo changes made in the cluster.
    pub self_heal: bool,
}

/// The chart's repository as Argo CD takes it: an OCI registry without its scheme
/// (the repository is declared in Argo CD with `enableOCI`), a Helm repository as is.
pub fn chart_repo(url: &str) -> String {
    url.trim().strip_prefix("oci://").unwrap_or(url.trim()).trim_end_matches('/').to_string()
}

/// The chart version, `*` (the latest) when none is given.
fn chart_version(t: &GitView) -> String {
    let v = t.cfg.deploy.chart_version.trim();
    if v.is_empty() {
        "*".into()
    } else {
        v.into()
    }
}

fn sync_policy(t: &GitView) -> SyncPolicy {
    SyncPolicy {
        automated: (t.cfg.deploy.git.sync == SyncMode::Automated).then_some(Automated { prune: true, self_heal: true }),
        sync_options: vec!["CreateNamespace=true".into()],
    }
}

/// The manifests beside the chart, annotated with their sync wave or hook.
pub fn annotated(t: &GitView) -> Vec<Manifest> {
    let mut out = Vec::new();
    let all = manifests(t);
    let hooks = all.iter().any(|m| m.stage.bootstrap());
    let hook_store = hooks && t.eso() && t.cfg.deploy.db_bootstrap;
    for mut m in all {
        if hook_store && m.json["kind"] == "ServiceAccount" {
            // The PreSync hooks' SecretStore authenticates as it: it must exist before
            // them, on the first sync too, so it is a PreSync hook itself (first).
            m.annotate("argocd.argoproj.io/hook", "PreSync");
            m.annotate("argocd.argoproj.io/hook-delete-policy", "BeforeHookCreation");
            m.annotate("argocd.argoproj.io/sync-wave", "-3");
        } else if m.stage.bootstrap() {
            if m.stage == Stage::BootstrapSecret {
                m.json["spec"]["secretStoreRef"]["name"] = Json::String(format!("{}-bootstrap", store_name(t)));
            }
            m.annotate("argocd.argoproj.io/hook", "PreSync");
            m.annotate("argocd.argoproj.io/hook-delete-policy", "BeforeHookCreation");
            m.annotate("argocd.argoproj.io/sync-wave", if m.stage == Stage::BootstrapJob { "0" } else { "-1" });
        } else {
            m.annotate("argocd.argoproj.io/sync-wave", if m.stage == Stage::Store { "-2" } else { "-1" });
        }
        out.push(m);
    }
    if hook_store {
        let name = format!("{}-bootstrap", store_name(t));
        let mut m = Manifest::of(
            Stage::Store,
            "secret-store-bootstrap.yaml".into(),
            "the SecretStore of the PreSync bootstrap hooks".into(),
            &external_secrets::secret_store(t, &name),
        );
        m.annotate("argocd.argoproj.io/hook", "PreSync");
        m.annotate("argocd.argoproj.io/hook-delete-policy", "BeforeHookCreation");
        m.annotate("argocd.argoproj.io/sync-wave", "-2");
        out.push(m);
    }
    out
}

/// The Application of one tenant.
pub fn application(t: &GitView, has_manifests: bool) -> Object<Spec<ApplicationSpec>> {
    let d = &t.cfg.deploy;
    let file = d.argocd.values_in == ValuesIn::File;
    let chart = Source {
        repo_url: chart_repo(&d.chart_repository().unwrap_or_default()),
        chart: Some(chart_name(&d.chart)),
        target_revision: chart_version(t),
        helm: Some(HelmSource {
            release_name: t.release.clone(),
            value_files: if file { vec![format!("${VALUES_REF}/{}/{VALUES_FILE}", t.folder)] } else { Vec::new() },
            values_object: (!file).then(|| crate::profile::to_json(&t.values)),
        }),
        ..Source::default()
    };
    let git = (file || has_manifests).then(|| Source {
        repo_url: d.argocd.repo_url.clone(),
        path: has_manifests.then(|| t.folder.clone()),
        target_revision: d.argocd.revision.clone(),
        reference: file.then(|| VALUES_REF.to_string()),
        directory: has_manifests.then(|| Directory { recurse: true, include: "manifests/*.yaml".into() }),
        ..Source::default()
    });
    let (source, sources) = match git {
        None => (Some(chart), Vec::new()),
        Some(g) => (None, vec![chart, g]),
    };
    Object {
        api_version: API,
        kind: "Application",
        metadata: Meta::named(&t.release, &d.argocd.namespace),
        body: Spec {
            spec: ApplicationSpec {
                project: d.argocd.project.clone(),
                source,
                sources,
                destination: Destination { server: IN_CLUSTER.into(), namespace: t.namespace.clone() },
                sync_policy: sync_policy(t),
            },
        },
    }
}

/// The tenant's folder without the Application: the values file (when in Git) and
/// the manifests.
fn folder_files(t: &GitView, values_file: bool) -> (Vec<GitFile>, bool) {
    let mut files = Vec::new();
    if values_file {
        files.push(GitFile {
            path: format!("{}/{VALUES_FILE}", t.folder),
            text: t.values_yaml.clone(),
            executable: false,
        });
    }
    let ms = annotated(t);
    for m in &ms {
        files.push(GitFile { path: format!("{}/manifests/{}", t.folder, m.file), text: m.yaml(), executable: false });
    }
    (files, !ms.is_empty())
}

/// One tenant's tree: `application.yaml` (apply it to Argo CD once, or keep it in an
/// app-of-apps folder), the values file when chosen, and `manifests/`.
pub fn tree(t: &GitView) -> Tree {
    let (mut files, has_manifests) = folder_files(t, t.cfg.deploy.argocd.values_in == ValuesIn::File);
    let app = application(t, has_manifests);
    files.insert(
        0,
        GitFile {
            path: format!("{}/application.yaml", t.folder),
            text: yaml_doc("Argo CD Application", &app),
            executable: false,
        },
    );
    files.push(super::readme::file(t, &t.folder, &super::readme::argocd(t, &t.folder)));
    Tree { files, seed: seed::script(std::slice::from_ref(t)) }
}

/// One list-generator element: everything that differs between tenants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Element {
    release: String,
    namespace: String,
    project: String,
    chart_repo: String,
    chart: String,
    chart_version: String,
    git_repo: String,
    git_revision: String,
    path: String,
}

/// The ApplicationSet name for a batch.
pub const APPLICATION_SET_FILE: &str = "applicationset.yaml";

/// A tenant's list-generator element and its folder in a batch (values in Git).
pub fn batch_part(t: &GitView) -> (Element, Vec<GitFile>) {
    let (files, _) = folder_files(t, true);
    let d = &t.cfg.deploy;
    let element = Element {
        release: t.release.clone(),
        namespace: t.namespace.clone(),
        project: d.argocd.project.clone(),
        chart_repo: chart_repo(&d.chart_repository().unwrap_or_default()),
        chart: chart_name(&d.chart),
        chart_version: chart_version(t),
        git_repo: d.argocd.repo_url.clone(),
        git_revision: d.argocd.revision.clone(),
        path: t.folder.clone(),
    };
    (element, files)
}

/// What the ApplicationSet takes from the batch's first tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchHead {
    /// Its Argo CD namespace.
    pub namespace: String,
    /// Its sync policy.
    pub sync_policy: SyncPolicy,
}

/// What the ApplicationSet takes from the batch's first tenant: its Argo CD namespace
/// and its sync policy.
pub fn batch_head(t: &GitView) -> BatchHead {
    BatchHead { namespace: t.cfg.deploy.argocd.namespace.clone(), sync_policy: sync_policy(t) }
}

/// An `ApplicationSet` (argoproj.io/v1alpha1).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ApplicationSet {
    api_version: &'static str,
    kind: &'static str,
    metadata: SetMeta,
    spec: SetSpec,
}

/// The ApplicationSet's `metadata`.
#[derive(Debug, Serialize)]
struct SetMeta {
    name: &'static str,
    namespace: String,
}

/// The ApplicationSet's `spec`: Go templates over a list generator.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct SetSpec {
    go_template: bool,
    go_template_options: Vec<&'static str>,
    generators: Vec<ListGenerator>,
    template: SetTemplate,
}

/// `{list: {elements}}`.
#[derive(Debug, Serialize)]
struct ListGenerator {
    list: Elements,
}

/// The list generator's elements, one per tenant.
#[derive(Debug, Serialize)]
struct Elements {
    elements: Vec<Element>,
}

/// The Application each element makes.
#[derive(Debug, Serialize)]
struct SetTemplate {
    metadata: TemplateMeta,
    spec: ApplicationSpec,
}

/// The templated Application's `metadata`.
#[derive(Debug, Serialize)]
struct TemplateMeta {
    name: String,
}

/// `applicationset.yaml`: one Application per element, in the namespace and with the
/// sync policy of `head` ([`batch_head`] of the first tenant).
pub fn application_set_file(head: &BatchHead, elements: Vec<Element>) -> GitFile {
    // Go templates (goTemplate: true): element values are data, never parsed as
    // templates, so any text in them arrives as typed.
    let v = |field: &str| format!("{{{{ .{field} }}}}");
    let spec = ApplicationSpec {
        project: v("project"),
        source: None,
        sources: vec![
            Source {
                repo_url: v("chartRepo"),
                chart: Some(v("chart")),
                target_revision: v("chartVersion"),
                helm: Some(HelmSource {
                    release_name: v("release"),
                    value_files: vec![format!("${VALUES_REF}/{}/{VALUES_FILE}", v("path"))],
                    values_object: None,
                }),
                ..Source::default()
            },
            Source {
                repo_url: v("gitRepo"),
                path: Some(v("path")),
                target_revision: v("gitRevision"),
                reference: Some(VALUES_REF.into()),
                directory: Some(Directory { recurse: true, include: "manifests/*.yaml".into() }),
                ..Source::default()
            },
        ],
        destination: Destination { server: IN_CLUSTER.into(), namespace: v("namespace") },
        sync_policy: head.sync_policy.clone(),
    };
    let set = ApplicationSet {
        api_version: API,
        kind: "ApplicationSet",
        metadata: SetMeta { name: "ixn-tenants", namespace: head.namespace.clone() },
        spec: SetSpec {
            go_template: true,
            go_template_options: vec!["missingkey=error"],
            generators: vec![ListGenerator { list: Elements { elements } }],
            template: SetTemplate { metadata: TemplateMeta { name: v("release") }, spec },
        },
    };
    GitFile {
        path: APPLICATION_SET_FILE.into(),
        text: yaml_doc("Argo CD ApplicationSet: one Application per IXN tenant", &set),
        executable: false,
    }
}

/// A batch of tenants: one ApplicationSet with a list generator (one element per
/// tenant) and each tenant's folder, values in Git. Tenants keep their own chart,
/// version, repository and project; the ApplicationSet lives in the first tenant's
/// Argo CD namespace and uses its sync policy.
pub fn application_set(tenants: &[GitView]) -> Result<Tree, BatchError> {
    let first = tenants.first().ok_or(BatchError::Empty)?;
    super::distinct(tenants.iter().map(|t| (t.folder.as_str(), t.release.as_str(), t.namespace.as_str())))?;
    let mut files = Vec::new();
    let mut elements = Vec::new();
    for t in tenants {
        let (element, f) = batch_part(t);
        files.extend(f);
        elements.push(element);
    }
    files.insert(0, application_set_file(&batch_head(first), elements));
    files.insert(1, super::readme::application_set(&first.cfg.deploy.argocd.namespace));
    Ok(Tree { files, seed: seed::script(tenants) })
}
