//! The profile's `deploy` as version 1 of the layout writes it: one flat mapping of
//! camelCase fields. [`Deployment`] holds the delivery settings in typed groups
//! ([`super::delivery_settings`]); profiles, share links and browser storage keep this
//! flat layout, so that every profile and link ever written loads as it did, and what
//! is written now reads in an older portal. Serde reads and writes a `Deployment`
//! through it (`#[serde(from, into)]`).

use super::context::{ChartSource, Deployment, GkeLocationKind, HelmMajor, Platform, SecretStyle};
use super::delivery_settings::{ArgocdSettings, FluxSettings, GitSettings, StoreSettings};
use super::{Delivery, SecretStoreKind, SecretsFrom, SyncMode, ValuesIn};
use serde::{Deserialize, Serialize};

/// The flat layout: the fields in the order profiles have always written them.
#[derive(Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct DeploymentV1 {
    /// Kubernetes namespace (`deploy.namespace`).
    namespace: String,
    /// Helm release name (`deploy.release`); empty means `ixn-<sid>`.
    release: String,
    /// Chart reference (`deploy.chart`): `REPO/CHART` for a repository (REPO is the
    /// name `helm repo add` gives it), `oci://…` for a registry, or a path.
    chart: String,
    /// Chart version (`deploy.chartVersion`); empty means the latest (warned about).
    chart_version: String,
    /// Where the chart comes from (`deploy.chartSource`).
    chart_source: ChartSource,
    /// The chart repository URL for `helm repo add` (`deploy.chartRepoUrl`); Argo CD
    /// and Flux pull the chart from it too (see [`Deployment::chart_repository`]).
    chart_repo_url: String,
    /// User for the chart repository or OCI registry (`deploy.chartUser`); empty: none.
    chart_username: String,
    /// Its password or token (`deploy.chartPassword`), passed on stdin, never as an argument.
    chart_password: String,
    /// The Helm major the commands are for (`deploy.helmMajor`).
    helm_major: HelmMajor,
    /// Platform (`deploy.platform`).
    platform: Platform,
    /// GKE project (`gke.project`); empty means gcloud's configured project.
    gke_project: String,
    /// GKE cluster name (`gke.cluster`).
    gke_cluster: String,
    /// Zone or region (`gke.locationKind`).
    gke_location_kind: GkeLocationKind,
    /// The zone or region (`gke.location`).
    gke_location: String,
    /// AKS resource group (`aks.resourceGroup`).
    aks_resource_group: String,
    /// AKS cluster name (`aks.cluster`).
    aks_cluster: String,
    /// Create a docker-registry pull secret (`registry.create`).
    pull_secret_create: bool,
    /// Its name (`registry.secretName`).
    pull_secret_name: String,
    /// Registry server (`registry.server`); empty means `image.registry`.
    registry_server: String,
    /// Registry user (`registry.username`).
    registry_username: String,
    /// Registry password (`registry.password`).
    registry_password: String,
    /// Registry e-mail (`registry.email`).
    registry_email: String,
    /// Redis password for `redis-ors-secret` (`redis.password`).
    redis_password: String,
    /// Redis TLS servername (`redis.servername`); empty means the first Redis host.
    redis_servername: String,
    /// Redis port for the secret (`redis.port`); empty means the first Redis port.
    redis_port: String,
    /// `rejectUnauthorized` in the secret (`redis.rejectUnauthorized`).
    redis_reject_unauthorized: bool,
    /// Kafka bootstrap servers, `host:port[,host:port]` (`kafka.bootstrap`).
    kafka_bootstrap: String,
    /// Kafka user, if Kafka needs authentication (`kafka.username`).
    kafka_username: String,
    /// Kafka password (`kafka.password`).
    kafka_password: String,
    /// Bootstrap the databases with psql (`db.bootstrap`).
    db_bootstrap: bool,
    /// PostgreSQL admin user for the bootstrap (`db.adminUser`).
    db_admin_user: String,
    /// PostgreSQL admin password (`db.adminPassword`).
    db_admin_password: String,
    /// The IXN database owner role (`db.ownerUser`).
    db_owner_user: String,
    /// Its password (`db.ownerPassword`).
    db_owner_password: String,
    /// Image that runs psql for the bootstrap (`db.psqlImage`).
    psql_image: String,
    /// The chart makes the two DB secrets (`db.chartSecrets`); otherwise the commands do.
    chart_makes_db_secrets: bool,
    /// Write the guide's Consul connect annotations (`consul.connect`).
    consul_connect: bool,
    /// Mount `redis-ors-secret` and `kafka-shared-secret` (`secrets.mount`).
    mount_secrets: bool,
    /// How the commands create secrets (`secrets.style`).
    secret_style: SecretStyle,
    /// `helm template` and `helm upgrade --install` run `ixn-portal verify` as their
    /// post-renderer (`deploy.verifyChart`): Helm installs nothing the profile contradicts.
    verify_chart: bool,
    /// How the tenant reaches the cluster (`deploy.delivery`).
    delivery: Delivery,
    /// Where the Secrets come from (`deploy.secretsFrom`).
    secrets_from: SecretsFrom,
    /// The store External Secrets reads (`deploy.secretStore`).
    secret_store: SecretStoreKind,
    /// The Git repository the GitOps controller reads (`gitops.repoUrl`).
    git_repo_url: String,
    /// Its branch, tag or commit (`gitops.revision`).
    git_revision: String,
    /// The folder of this tenant in that repository (`gitops.path`); empty means
    /// `ixn/<release>`.
    git_path: String,
    /// Argo CD: values inline or as a file in Git (`gitops.valuesIn`).
    values_in: ValuesIn,
    /// Automated or manual sync (`gitops.sync`).
    sync: SyncMode,
    /// Argo CD's namespace (`argocd.namespace`).
    argocd_namespace: String,
    /// The Argo CD project (`argocd.project`).
    argocd_project: String,
    /// The Flux GitRepository that holds this repository (`flux.source`), in
    /// `flux-system`.
    flux_source: String,
    /// The prefix of every store key (`store.prefix`); empty means the release name.
    store_prefix: String,
    /// The Kubernetes service account External Secrets authenticates as, bound to a
    /// cloud identity by workload identity or to a Vault role (`store.serviceAccount`).
    store_service_account: String,
    /// Google Cloud project of the Secret Manager (`store.gcpProject`); empty means
    /// the GKE project.
    store_gcp_project: String,
    /// Azure Key Vault name (`store.keyVault`).
    store_key_vault: String,
    /// Vault server URL (`store.vaultServer`).
    store_vault_server: String,
    /// Vault KV v2 mount (`store.vaultMount`).
    store_vault_mount: String,
    /// Vault Kubernetes auth mount (`store.vaultAuthMount`).
    store_vault_auth_mount: String,
    /// Vault role for that auth (`store.vaultRole`).
    store_vault_role: String,
    /// Write addresses and secrets as `${VAR}` for envsubst (`deploy.placeholders`).
    placeholders: bool,
    /// Placeholders found in imported values that the user chose to fill in with
    /// envsubst (`$NAME` elsewhere stays literal text).
    envsubst_vars: Vec<String>,
    /// Include the destructive "drop the databases and the role" step in the
    /// uninstall commands (`ops.dropDatabases`); off by default.
    drop_databases: bool,
}

impl Default for DeploymentV1 {
    fn default() -> Self {
        Deployment::default().into()
    }
}

impl From<DeploymentV1> for Deployment {
    // One copy for every serde instantiation that calls it (first-load size).
    #[inline(never)]
    fn from(f: DeploymentV1) -> Deployment {
        Deployment {
            namespace: f.namespace,
            release: f.release,
            chart: f.chart,
            chart_version: f.chart_version,
            chart_source: f.chart_source,
            chart_repo_url: f.chart_repo_url,
            chart_username: f.chart_username,
            chart_password: f.chart_password,
            helm_major: f.helm_major,
            platform: f.platform,
            gke_project: f.gke_project,
            gke_cluster: f.gke_cluster,
            gke_location_kind: f.gke_location_kind,
            gke_location: f.gke_location,
            aks_resource_group: f.aks_resource_group,
            aks_cluster: f.aks_cluster,
            pull_secret_create: f.pull_secret_create,
            pull_secret_name: f.pull_secret_name,
            registry_server: f.registry_server,
            registry_username: f.registry_username,
            registry_password: f.registry_password,
            registry_email: f.registry_email,
            redis_password: f.redis_password,
            redis_servername: f.redis_servername,
            redis_port: f.redis_port,
            redis_reject_unauthorized: f.redis_reject_unauthorized,
            kafka_bootstrap: f.kafka_bootstrap,
            kafka_username: f.kafka_username,
            kafka_password: f.kafka_password,
            db_bootstrap: f.db_bootstrap,
            db_admin_user: f.db_admin_user,
            db_admin_password: f.db_admin_password,
            db_owner_user: f.db_owner_user,
            db_owner_password: f.db_owner_password,
            psql_image: f.psql_image,
            chart_makes_db_secrets: f.chart_makes_db_secrets,
            consul_connect: f.consul_connect,
            mount_secrets: f.mount_secrets,
            secret_style: f.secret_style,
            verify_chart: f.verify_chart,
            delivery: f.delivery,
            git: GitSettings { secrets_from: f.secrets_from, path: f.git_path, sync: f.sync },
            argocd: ArgocdSettings {
                repo_url: f.git_repo_url,
                revision: f.git_revision,
                values_in: f.values_in,
                namespace: f.argocd_namespace,
                project: f.argocd_project,
            },
            flux: FluxSettings { source: f.flux_source },
            store: StoreSettings {
                kind: f.secret_store,
                prefix: f.store_prefix,
                service_account: f.store_service_account,
                gcp_project: f.store_gcp_project,
                key_vault: f.store_key_vault,
                vault_server: f.store_vault_server,
                vault_mount: f.store_vault_mount,
                vault_auth_mount: f.store_vault_auth_mount,
                vault_role: f.store_vault_role,
            },
            placeholders: f.placeholders,
            envsubst_vars: f.envsubst_vars,
            drop_databases: f.drop_databases,
            dropped_chart_repo: String::new(),
        }
    }
}

impl From<Deployment> for DeploymentV1 {
    // One copy for every serde instantiation that calls it (first-load size).
    #[inline(never)]
    fn from(d: Deployment) -> DeploymentV1 {
        DeploymentV1 {
            namespace: d.namespace,
            release: d.release,
            chart: d.chart,
            chart_version: d.chart_version,
            chart_source: d.chart_source,
            chart_repo_url: d.chart_repo_url,
            chart_username: d.chart_username,
            chart_password: d.chart_password,
            helm_major: d.helm_major,
            platform: d.platform,
            gke_project: d.gke_project,
            gke_cluster: d.gke_cluster,
            gke_location_kind: d.gke_location_kind,
            gke_location: d.gke_location,
            aks_resource_group: d.aks_resource_group,
            aks_cluster: d.aks_cluster,
            pull_secret_create: d.pull_secret_create,
            pull_secret_name: d.pull_secret_name,
            registry_server: d.registry_server,
            registry_username: d.registry_username,
            registry_password: d.registry_password,
            registry_email: d.registry_email,
            redis_password: d.redis_password,
            redis_servername: d.redis_servername,
            redis_port: d.redis_port,
            redis_reject_unauthorized: d.redis_reject_unauthorized,
            kafka_bootstrap: d.kafka_bootstrap,
            kafka_username: d.kafka_username,
            kafka_password: d.kafka_password,
            db_bootstrap: d.db_bootstrap,
            db_admin_user: d.db_admin_user,
            db_admin_password: d.db_admin_password,
            db_owner_user: d.db_owner_user,
            db_owner_password: d.db_owner_password,
            psql_image: d.psql_image,
            chart_makes_db_secrets: d.chart_makes_db_secrets,
            consul_connect: d.consul_connect,
            mount_secrets: d.mount_secrets,
            secret_style: d.secret_style,
            verify_chart: d.verify_chart,
            delivery: d.delivery,
            secrets_from: d.git.secrets_from,
            secret_store: d.store.kind,
            git_repo_url: d.argocd.repo_url,
            git_revision: d.argocd.revision,
            git_path: d.git.path,
            values_in: d.argocd.values_in,
            sync: d.git.sync,
            argocd_namespace: d.argocd.namespace,
            argocd_project: d.argocd.project,
            flux_source: d.flux.source,
            store_prefix: d.store.prefix,
            store_service_account: d.store.service_account,
            store_gcp_project: d.store.gcp_project,
            store_key_vault: d.store.key_vault,
            store_vault_server: d.store.vault_server,
            store_vault_mount: d.store.vault_mount,
            store_vault_auth_mount: d.store.vault_auth_mount,
            store_vault_role: d.store.vault_role,
            placeholders: d.placeholders,
            envsubst_vars: d.envsubst_vars,
            drop_databases: d.drop_databases,
        }
    }
}
