//! Flux: a `HelmRepository` (HTTPS or OCI) and a `HelmRelease`
//! (helm.toolkit.fluxcd.io/v2) with the values, ordered behind the Secrets and the
//! database bootstrap.
//!
//! A HelmRelease's `dependsOn` names only other HelmReleases, so the order is Flux's
//! own mechanism for the rest: three Flux `Kustomization`s (kustomize.toolkit.fluxcd.io/v1),
//! `<name>-secrets` (namespace, SecretStore, ExternalSecrets), `<name>-db-bootstrap`
//! (SQL and Job; `wait` makes it Ready only when the Job has completed, `force`
//! recreates the Job when it changes, as Jobs are immutable) and `<name>-release`
//! (HelmRepository, HelmRelease), each `dependsOn` the one before. The tenant folder's
//! `kustomization.yaml` lists only those three, so a Flux Kustomization that reaches the
//! folder applies them and nothing twice.

use super::argocd::chart_name;
use super::kube::{namespace, Meta, Object, Spec};
use super::{manifests, seed, yaml_doc, GitFile, GitView, Stage, Tree};
use crate::model::SyncMode;
use serde::Serialize;
use serde_json::Value as Json;

/// Where Flux runs.
pub const FLUX_NAMESPACE: &str = "flux-system";

/// `HelmRepository.spec`.
#[derive(Debug, Clone, Serialize)]
pub struct HelmRepositorySpec {
    /// `https://…` or `oci://…`.
    pub url: String,
    /// How often the index is read.
    pub interval: &'static str,
    /// `oci` for an OCI registry.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
}

/// `HelmRelease.spec`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HelmReleaseSpec {
    /// How often it is reconciled.
    pub interval: &'static str,
    /// The Helm release name.
    pub release_name: String,
    /// The chart.
    pub chart: ChartTemplate,
    /// Install: retries, then give up.
    pub install: Remediated,
    /// Upgrade: retries, then roll back.
    pub upgrade: Remediated,
    /// The values.
    pub values: Json,
}

/// `spec.chart`.
#[derive(Debug, Clone, Serialize)]
pub struct ChartTemplate {
    /// `spec`.
    pub spec: ChartSpec,
}

/// `spec.chart.spec`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChartSpec {
    /// The chart's name.
    pub chart: String,
    /// A version or semver range; `*` the latest.
    pub version: String,
    /// The HelmRepository.
    pub source_ref: SourceRef,
}

/// A reference to a Flux source.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRef {
    /// Its kind.
    pub kind: &'static str,
    /// Its name.
    pub name: String,
    /// Its namespace, when not the referrer's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
}

/// `install` / `upgrade`.
#[derive(Debug, Clone, Serialize)]
pub struct Remediated {
    /// `remediation`.
    pub remediation: Remediation,
}

/// `remediation`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Remediation {
    /// Retries.
    pub retries: u32,
    /// Upgrade: roll back the last failure too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remediate_last_failure: Option<bool>,
}

/// A Flux `Kustomization.spec`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KustomizationSpec {
    /// How often it is reconciled.
    pub interval: &'static str,
    /// The folder, from the repository root.
    pub path: String,
    /// Delete what left Git.
    pub prune: bool,
    /// Ready only when everything it applied is ready (a Job: completed).
    pub wait: bool,
    /// Recreate what cannot be changed in place (a Job).
    pub force: bool,
    /// How long `wait` waits.
    pub timeout: &'static str,
    /// The Git repository.
    pub source_ref: SourceRef,
    /// What must be Ready first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<DependsOn>,
    /// Manual sync: nothing is applied until `flux resume`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub suspend: bool,
}

/// `dependsOn` item.
#[derive(Debug, Clone, Serialize)]
pub struct DependsOn {
    /// The Kustomization.
    pub name: String,
}

/// A kustomize `kustomization.yaml` (kustomize.config.k8s.io/v1beta1): which files.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KustomizeFile {
    /// `kustomize.config.k8s.io/v1beta1`.
    pub api_version: &'static str,
    /// `Kustomization`.
    pub kind: &'static str,
    /// The files.
    pub resources: Vec<String>,
}

/// A kustomize `kustomization.yaml` listing `files` (files or folders).
pub fn kustomize_file(files: &[String]) -> String {
    yaml_doc(
        "kustomize: the files Flux applies from this folder",
        &KustomizeFile {
            api_version: "kustomize.config.k8s.io/v1beta1",
            kind: "Kustomization",
            resources: files.to_vec(),
        },
    )
}

/// The HelmRepository.
pub fn helm_repository(t: &GitView) -> Object<Spec<HelmRepositorySpec>> {
    let url = t.cfg.deploy.chart_repository().unwrap_or_default();
    let oci = url.starts_with("oci://");
    Object {
        api_version: "source.toolkit.fluxcd.io/v1",
        kind: "HelmRepository",
        metadata: Meta::named(&t.name, &t.namespace),
        body: Spec { spec: HelmRepositorySpec { url, interval: "1h", kind: oci.then_some("oci") } },
    }
}

/// The HelmRelease, with the values inline.
pub fn helm_release(t: &GitView) -> Object<Spec<HelmReleaseSpec>> {
    let v = t.cfg.deploy.chart_version.trim();
    Object {
        api_version: "helm.toolkit.fluxcd.io/v2",
        kind: "HelmRelease",
        metadata: Meta::named(&t.name, &t.namespace),
        body: Spec {
            spec: HelmReleaseSpec {
                interval: "10m",
                release_name: t.release.clone(),
                chart: ChartTemplate {
                    spec: ChartSpec {
                        chart: chart_name(&t.cfg.deploy.chart),
                        version: if v.is_empty() { "*".into() } else { v.into() },
                        source_ref: SourceRef { kind: "HelmRepository", name: t.name.clone(), namespace: None },
                    },
                },
                install: Remediated { remediation: Remediation { retries: 3, remediate_last_failure: None } },
                upgrade: Remediated { remediation: Remediation { retries: 3, remediate_last_failure: Some(true) } },
                values: crate::profile::to_json(&t.values),
            },
        },
    }
}

/// A Flux Kustomization of one of the tenant's subfolders.
fn kustomization(t: &GitView, part: &str, depends: Option<&str>, force: bool) -> Object<Spec<KustomizationSpec>> {
    Object {
        api_version: "kustomize.toolkit.fluxcd.io/v1",
        kind: "Kustomization",
        metadata: Meta::named(&format!("{}-{part}", t.name), FLUX_NAMESPACE),
        body: Spec {
            spec: KustomizationSpec {
                interval: "10m",
                path: format!("./{}/{part}", t.folder),
                prune: true,
                wait: true,
                force,
                timeout: "5m",
                source_ref: SourceRef {
                    kind: "GitRepository",
                    name: t.cfg.deploy.flux.source.clone(),
                    namespace: Some(FLUX_NAMESPACE.into()),
                },
                depends_on: depends.map(|d| DependsOn { name: format!("{}-{d}", t.name) }).into_iter().collect(),
                suspend: t.cfg.deploy.git.sync == SyncMode::Manual,
            },
        },
    }
}

/// The tenant's tree: `kustomization.yaml` and `flux/` (the three Kustomizations), and
/// the folders `secrets/`, `db-bootstrap/` and `release/` they apply.
pub fn tree(t: &GitView) -> Tree {
    let dir = &t.folder;
    let mut files = Vec::new();
    let mut put = |sub: &str, name: &str, text: String| {
        files.push(GitFile { path: format!("{dir}/{sub}/{name}"), text, executable: false });
    };
    let all = manifests(t);
    let mut secrets = vec!["namespace.yaml".to_string()];
    put("secrets", "namespace.yaml", yaml_doc("the tenant's namespace", &namespace(&t.namespace)));
    let mut bootstrap = Vec::new();
    for m in &all {
        // The bootstrap's ExternalSecret goes with the others: the Job's folder waits
        // for them all.
        let sub =
            if matches!(m.stage, Stage::BootstrapSql | Stage::BootstrapJob) { &mut bootstrap } else { &mut secrets };
        sub.push(m.file.clone());
        put(
            if matches!(m.stage, Stage::BootstrapSql | Stage::BootstrapJob) { "db-bootstrap" } else { "secrets" },
            &m.file,
            m.yaml(),
        );
    }
    put(
        "release",
        "helm-repository.yaml",
        yaml_doc("Flux HelmRepository: where the chart comes from", &helm_repository(t)),
    );
    put("release", "helm-release.yaml", yaml_doc("Flux HelmRelease: the IXN release and its values", &helm_release(t)));
    put("secrets", "kustomization.yaml", kustomize_file(&secrets));
    let has_bootstrap = !bootstrap.is_empty();
    if has_bootstrap {
        put("db-bootstrap", "kustomization.yaml", kustomize_file(&bootstrap));
    }
    put("release", "kustomization.yaml", kustomize_file(&["helm-repository.yaml".into(), "helm-release.yaml".into()]));
    let mut flux = vec![("secrets", kustomization(t, "secrets", None, false))];
    if has_bootstrap {
        flux.push(("db-bootstrap", kustomization(t, "db-bootstrap", Some("secrets"), true)));
    }
    flux.push((
        "release",
        kustomization(t, "release", Some(if has_bootstrap { "db-bootstrap" } else { "secrets" }), false),
    ));
    let mut listed = Vec::new();
    for (part, k) in &flux {
        let name = format!("flux/{part}.yaml");
        files.push(GitFile {
            path: format!("{dir}/{name}"),
            text: yaml_doc(&format!("Flux Kustomization: applies {part}/"), k),
            executable: false,
        });
        listed.push(name);
    }
    files.insert(
        0,
        GitFile { path: format!("{dir}/kustomization.yaml"), text: kustomize_file(&listed), executable: false },
    );
    files.push(super::readme::file(t, dir, &super::readme::flux(t, dir)));
    Tree { files, seed: seed::script(std::slice::from_ref(t)) }
}
