//! What the commands need that is not in the values file: where to deploy, and the
//! credentials that go into Kubernetes secrets and the database bootstrap.

use super::delivery::Delivery;
use super::delivery_settings::{ArgocdSettings, FluxSettings, GitSettings, StoreSettings};
use serde::{Deserialize, Serialize};

/// Which Kubernetes platform, for the cluster login command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Platform {
    /// Google Kubernetes Engine: `gcloud container clusters get-credentials`.
    #[default]
    Gke,
    /// Azure Kubernetes Service: `az aks get-credentials`.
    Aks,
    /// Any other cluster: kubectl must already point at it.
    Other,
}

/// Whether a GKE cluster is zonal or regional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GkeLocationKind {
    /// `--zone`.
    #[default]
    Zone,
    /// `--region`.
    Region,
}

/// How secrets are created by the generated commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SecretStyle {
    /// As the guide: `kubectl create secret … --from-literal`. The values appear on the
    /// command line (shell history, process list).
    #[default]
    Guide,
    /// A Secret manifest with `stringData`, applied from stdin.
    Stdin,
}

/// The text form of a choice, written once: the same names serde uses in profiles
/// (kebab-case), the form's option values and the links' fields.
macro_rules! choice_text {
    ($ty:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $ty {
            /// The choice as text (`gke`, `zone`, `stdin`…), as serde writes it.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $text),+
                }
            }

            /// The choice a text names; other text is the default choice, as a form
            /// with a fixed option list never sends it.
            pub fn parse(text: &str) -> $ty {
                match text {
                    $($text => $ty::$variant,)+
                    _ => $ty::default(),
                }
            }
        }
    };
}

choice_text!(Platform { Gke => "gke", Aks => "aks", Other => "other" });
choice_text!(GkeLocationKind { Zone => "zone", Region => "region" });
choice_text!(SecretStyle { Guide => "guide", Stdin => "stdin" });

/// Where the Kubernetes Secrets come from (`deploy.secretsFrom`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SecretsFrom {
    /// Made with kubectl (the commands, or `seed-secret-store.sh` in GitOps modes).
    #[default]
    Kubectl,
    /// Made in the cluster by the External Secrets Operator from a secret store.
    ExternalSecrets,
}

/// The store External Secrets reads (`deploy.secretStore`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SecretStoreKind {
    /// Google Secret Manager, through GKE workload identity.
    #[default]
    GcpSecretManager,
    /// Azure Key Vault, through AKS workload identity.
    AzureKeyVault,
    /// HashiCorp Vault (KV version 2), through its Kubernetes auth method.
    Vault,
}

/// Where an Argo CD Application takes the values from (`gitops.valuesIn`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ValuesIn {
    /// Inline, as `valuesObject`.
    #[default]
    Inline,
    /// A values file in the Git repository (`valueFiles` with a `ref` source).
    File,
}

/// Whether the GitOps controller applies changes by itself (`gitops.sync`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SyncMode {
    /// Applied as soon as Git changes (Argo CD `automated` with prune and self-heal;
    /// Flux reconciles on its interval).
    #[default]
    Automated,
    /// Applied when someone syncs (Argo CD); Flux resources start suspended.
    Manual,
}

choice_text!(SecretsFrom { Kubectl => "kubectl", ExternalSecrets => "external-secrets" });
choice_text!(SecretStoreKind { GcpSecretManager => "gcp-secret-manager", AzureKeyVault => "azure-key-vault", Vault => "vault" });
choice_text!(ValuesIn { Inline => "inline", File => "file" });
choice_text!(SyncMode { Automated => "automated", Manual => "manual" });

/// Which Helm major the commands are written for: their flags differ (Helm 4 renamed
/// `--atomic` to `--rollback-on-failure`, and `--wait` takes a strategy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum HelmMajor {
    /// Helm 3 (tested with v3.17).
    #[serde(rename = "3")]
    V3,
    /// Helm 4, what new users install (tested with v4.3).
    #[default]
    #[serde(rename = "4")]
    V4,
}

impl HelmMajor {
    /// `3` or `4`.
    pub fn number(self) -> u8 {
        match self {
            HelmMajor::V3 => 3,
            HelmMajor::V4 => 4,
        }
    }
}

/// Where helm gets the chart from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChartSource {
    /// A chart repository: `helm repo add NAME URL`, then `NAME/CHART`.
    #[default]
    Repo,
    /// An OCI registry: `oci://host/path/chart`, after `helm registry login` when it
    /// needs credentials.
    Oci,
    /// A chart folder or `.tgz` already on disk.
    Local,
}

choice_text!(HelmMajor { V3 => "3", V4 => "4" });
choice_text!(ChartSource { Repo => "repo", Oci => "oci", Local => "local" });

/// The deployment context. Every field is text as typed; empty means "not given".
// Serde reads and writes it in the flat layout every profile has (see `deployment_v1`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "super::deployment_v1::DeploymentV1", into = "super::deployment_v1::DeploymentV1")]
pub struct Deployment {
    /// Kubernetes namespace (`deploy.namespace`).
    pub namespace: String,
    /// Helm release name (`deploy.release`); empty means `ixn-<sid>`.
    pub release: String,
    /// Chart reference (`deploy.chart`): `REPO/CHART` for a repository (REPO is the
    /// name `helm repo add` gives it), `oci://…` for a registry, or a path.
    pub chart: String,
    /// Chart version (`deploy.chartVersion`); empty means the latest (warned about).
    pub chart_version: String,
    /// Where the chart comes from (`deploy.chartSource`).
    pub chart_source: ChartSource,
    /// The chart repository URL for `helm repo add` (`deploy.chartRepoUrl`); Argo CD
    /// and Flux pull the chart from it too (see [`Deployment::chart_repository`]).
    pub chart_repo_url: String,
    /// User for the chart repository or OCI registry (`deploy.chartUser`); empty: none.
    pub chart_username: String,
    /// Its password or token (`deploy.chartPassword`), passed on stdin, never as an argument.
    pub chart_password: String,
    /// The Helm major the commands are for (`deploy.helmMajor`).
    pub helm_major: HelmMajor,
    /// Platform (`deploy.platform`).
    pub platform: Platform,
    /// GKE project (`gke.project`); empty means gcloud's configured project.
    pub gke_project: String,
    /// GKE cluster name (`gke.cluster`).
    pub gke_cluster: String,
    /// Zone or region (`gke.locationKind`).
    pub gke_location_kind: GkeLocationKind,
    /// The zone or region (`gke.location`).
    pub gke_location: String,
    /// AKS resource group (`aks.resourceGroup`).
    pub aks_resource_group: String,
    /// AKS cluster name (`aks.cluster`).
    pub aks_cluster: String,
    /// Create a docker-registry pull secret (`registry.create`).
    pub pull_secret_create: bool,
    /// Its name (`registry.secretName`).
    pub pull_secret_name: String,
    /// Registry server (`registry.server`); empty means `image.registry`.
    pub registry_server: String,
    /// Registry user (`registry.username`).
    pub registry_username: String,
    /// Registry password (`registry.password`).
    pub registry_password: String,
    /// Registry e-mail (`registry.email`).
    pub registry_email: String,
    /// Redis password for `redis-ors-secret` (`redis.password`).
    pub redis_password: String,
    /// Redis TLS servername (`redis.servername`); empty means the first Redis host.
    pub redis_servername: String,
    /// Redis port for the secret (`redis.port`); empty means the first Redis port.
    pub redis_port: String,
    /// `rejectUnauthorized` in the secret (`redis.rejectUnauthorized`).
    pub redis_reject_unauthorized: bool,
    /// Kafka bootstrap servers, `host:port[,host:port]` (`kafka.bootstrap`).
    pub kafka_bootstrap: String,
    /// Kafka user, if Kafka needs authentication (`kafka.username`).
    pub kafka_username: String,
    /// Kafka password (`kafka.password`).
    pub kafka_password: String,
    /// Bootstrap the databases with psql (`db.bootstrap`).
    pub db_bootstrap: bool,
    /// PostgreSQL admin user for the bootstrap (`db.adminUser`).
    pub db_admin_user: String,
    /// PostgreSQL admin password (`db.adminPassword`).
    pub db_admin_password: String,
    /// The IXN database owner role (`db.ownerUser`).
    pub db_owner_user: String,
    /// Its password (`db.ownerPassword`).
    pub db_owner_password: String,
    /// Image that runs psql for the bootstrap (`db.psqlImage`).
    pub psql_image: String,
    /// The chart makes the two DB secrets (`db.chartSecrets`); otherwise the commands do.
    pub chart_makes_db_secrets: bool,
    /// Write the guide's Consul connect annotations (`consul.connect`).
    pub consul_connect: bool,
    /// Mount `redis-ors-secret` and `kafka-shared-secret` (`secrets.mount`).
    pub mount_secrets: bool,
    /// How the commands create secrets (`secrets.style`).
    pub secret_style: SecretStyle,
    /// `helm template` and `helm upgrade --install` run `ixn-portal verify` as their
    /// post-renderer (`deploy.verifyChart`): Helm installs nothing the profile contradicts.
    pub verify_chart: bool,
    /// How the tenant reaches the cluster (`deploy.delivery`).
    pub delivery: Delivery,
    /// What the Git modes share (`deploy.secretsFrom`, `gitops.path`, `gitops.sync`).
    pub git: GitSettings,
    /// Argo CD's settings (`gitops.repoUrl`, `gitops.revision`, `gitops.valuesIn`, `argocd.*`).
    pub argocd: ArgocdSettings,
    /// Flux's settings (`flux.source`).
    pub flux: FluxSettings,
    /// The External Secrets store (`deploy.secretStore`, `store.*`).
    pub store: StoreSettings,
    /// Write addresses and secrets as `${VAR}` for envsubst (`deploy.placeholders`).
    pub placeholders: bool,
    /// Placeholders found in imported values that the user chose to fill in with
    /// envsubst (`$NAME` elsewhere stays literal text).
    pub envsubst_vars: Vec<String>,
    /// Include the destructive "drop the databases and the role" step in the
    /// uninstall commands (`ops.dropDatabases`); off by default.
    pub drop_databases: bool,
    /// What an old profile's `gitopsChartRepo` held when it differed from the chart
    /// source it was folded into: never saved, reported as a warning at load.
    pub dropped_chart_repo: String,
}

impl Default for Deployment {
    fn default() -> Self {
        Deployment {
            namespace: "ixn".into(),
            release: String::new(),
            chart: "ixn/ixn".into(),
            chart_version: String::new(),
            chart_source: ChartSource::Repo,
            chart_repo_url: String::new(),
            chart_username: String::new(),
            chart_password: String::new(),
            helm_major: HelmMajor::V4,
            platform: Platform::Gke,
            gke_project: String::new(),
            gke_cluster: String::new(),
            gke_location_kind: GkeLocationKind::Zone,
            gke_location: String::new(),
            aks_resource_group: String::new(),
            aks_cluster: String::new(),
            pull_secret_create: false,
            pull_secret_name: "pullsecret".into(),
            registry_server: String::new(),
            registry_username: String::new(),
            registry_password: String::new(),
            registry_email: String::new(),
            redis_password: String::new(),
            redis_servername: String::new(),
            redis_port: String::new(),
            redis_reject_unauthorized: false,
            kafka_bootstrap: String::new(),
            kafka_username: String::new(),
            kafka_password: String::new(),
            db_bootstrap: true,
            db_admin_user: "postgres".into(),
            db_admin_password: String::new(),
            db_owner_user: "ixn".into(),
            db_owner_password: String::new(),
            psql_image: "postgres:15".into(),
            chart_makes_db_secrets: true,
            consul_connect: true,
            mount_secrets: true,
            secret_style: SecretStyle::Guide,
            verify_chart: false,
            delivery: Delivery::Script,
            git: GitSettings::default(),
            argocd: ArgocdSettings::default(),
            flux: FluxSettings::default(),
            store: StoreSettings::default(),
            placeholders: false,
            envsubst_vars: Vec::new(),
            drop_databases: false,
            dropped_chart_repo: String::new(),
        }
    }
}

/// The chart's name: the last segment of a chart reference (`ixn/ixn` → `ixn`).
pub fn chart_name(chart: &str) -> String {
    chart.trim().trim_end_matches('/').rsplit('/').next().unwrap_or("ixn").to_string()
}

impl Deployment {
    /// The one chart repository both the commands and the GitOps controllers read:
    /// the repository URL, or for an OCI chart `oci://host/path` without the chart's
    /// name; `None` for a chart on disk.
    pub fn chart_repository(&self) -> Option<String> {
        match self.chart_source {
            ChartSource::Repo => Some(self.chart_repo_url.trim().trim_end_matches('/').to_string()),
            ChartSource::Oci => Some(self.chart.trim().trim_end_matches('/').rsplit_once('/')?.0.to_string()),
            ChartSource::Local => None,
        }
    }

    /// The context with every credential (the context table's secret fields) replaced
    /// by `mask`, non-empty ones only, for previews that must not show secrets.
    pub fn masked(&self, mask: &str) -> Deployment {
        let mut d = self.clone();
        for f in super::secret_fields() {
            if !(f.get)(&d).is_empty() {
                (f.set)(&mut d, mask);
            }
        }
        d
    }
}

#[cfg(test)]
mod choice_tests {
    use super::*;

    #[test]
    fn a_choice_reads_back_from_its_text_which_is_its_serde_name() {
        fn check<T: Copy + PartialEq + std::fmt::Debug + Serialize>(
            all: &[T],
            text: fn(T) -> &'static str,
            parse: fn(&str) -> T,
        ) {
            for &c in all {
                assert_eq!(parse(text(c)), c);
                assert_eq!(serde_json::to_value(c).unwrap(), serde_json::Value::String(text(c).into()));
            }
        }
        check(&[Platform::Gke, Platform::Aks, Platform::Other], Platform::as_str, Platform::parse);
        check(&[GkeLocationKind::Zone, GkeLocationKind::Region], GkeLocationKind::as_str, GkeLocationKind::parse);
        check(&[SecretStyle::Guide, SecretStyle::Stdin], SecretStyle::as_str, SecretStyle::parse);
        assert_eq!(Platform::parse("nonsense"), Platform::Gke);
    }
}
