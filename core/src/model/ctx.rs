//! One typed constant per deployment-context field (`deploy.namespace` →
//! `DEPLOY_NAMESPACE`), as [`crate::registry::keys`] has per values key: code names
//! a context field through these, so that a wrong name fails to compile.

use super::fields::{ContextDef, ROWS};

/// The row named `name`, found at compile time (a wrong name stops the build).
const fn field_at(name: &str) -> &'static ContextDef {
    let mut i = 0;
    while i < ROWS.len() {
        if crate::registry::same_text(ROWS[i].name, name) {
            return &ROWS[i];
        }
        i += 1;
    }
    panic!("not a context field");
}

/// `deploy.namespace`.
pub const DEPLOY_NAMESPACE: &ContextDef = field_at("deploy.namespace");
/// `deploy.release`.
pub const DEPLOY_RELEASE: &ContextDef = field_at("deploy.release");
/// `deploy.helmMajor`.
pub const DEPLOY_HELM_MAJOR: &ContextDef = field_at("deploy.helmMajor");
/// `deploy.chartSource`.
pub const DEPLOY_CHART_SOURCE: &ContextDef = field_at("deploy.chartSource");
/// `deploy.chartRepoUrl`.
pub const DEPLOY_CHART_REPO_URL: &ContextDef = field_at("deploy.chartRepoUrl");
/// `deploy.chart`.
pub const DEPLOY_CHART: &ContextDef = field_at("deploy.chart");
/// `deploy.chartVersion`.
pub const DEPLOY_CHART_VERSION: &ContextDef = field_at("deploy.chartVersion");
/// `deploy.chartUser`.
pub const DEPLOY_CHART_USER: &ContextDef = field_at("deploy.chartUser");
/// `deploy.chartPassword`.
pub const DEPLOY_CHART_PASSWORD: &ContextDef = field_at("deploy.chartPassword");
/// `deploy.placeholders`.
pub const DEPLOY_PLACEHOLDERS: &ContextDef = field_at("deploy.placeholders");
/// `deploy.platform`.
pub const DEPLOY_PLATFORM: &ContextDef = field_at("deploy.platform");
/// `gke.project`.
pub const GKE_PROJECT: &ContextDef = field_at("gke.project");
/// `gke.cluster`.
pub const GKE_CLUSTER: &ContextDef = field_at("gke.cluster");
/// `gke.locationKind`.
pub const GKE_LOCATION_KIND: &ContextDef = field_at("gke.locationKind");
/// `gke.location`.
pub const GKE_LOCATION: &ContextDef = field_at("gke.location");
/// `aks.resourceGroup`.
pub const AKS_RESOURCE_GROUP: &ContextDef = field_at("aks.resourceGroup");
/// `aks.cluster`.
pub const AKS_CLUSTER: &ContextDef = field_at("aks.cluster");
/// `registry.create`.
pub const REGISTRY_CREATE: &ContextDef = field_at("registry.create");
/// `registry.secretName`.
pub const REGISTRY_SECRET_NAME: &ContextDef = field_at("registry.secretName");
/// `registry.server`.
pub const REGISTRY_SERVER: &ContextDef = field_at("registry.server");
/// `registry.username`.
pub const REGISTRY_USERNAME: &ContextDef = field_at("registry.username");
/// `registry.password`.
pub const REGISTRY_PASSWORD: &ContextDef = field_at("registry.password");
/// `registry.email`.
pub const REGISTRY_EMAIL: &ContextDef = field_at("registry.email");
/// `db.chartSecrets`.
pub const DB_CHART_SECRETS: &ContextDef = field_at("db.chartSecrets");
/// `db.ownerUser`.
pub const DB_OWNER_USER: &ContextDef = field_at("db.ownerUser");
/// `db.ownerPassword`.
pub const DB_OWNER_PASSWORD: &ContextDef = field_at("db.ownerPassword");
/// `db.bootstrap`.
pub const DB_BOOTSTRAP: &ContextDef = field_at("db.bootstrap");
/// `db.adminUser`.
pub const DB_ADMIN_USER: &ContextDef = field_at("db.adminUser");
/// `db.adminPassword`.
pub const DB_ADMIN_PASSWORD: &ContextDef = field_at("db.adminPassword");
/// `db.psqlImage`.
pub const DB_PSQL_IMAGE: &ContextDef = field_at("db.psqlImage");
/// `redis.password`.
pub const REDIS_PASSWORD: &ContextDef = field_at("redis.password");
/// `redis.servername`.
pub const REDIS_SERVERNAME: &ContextDef = field_at("redis.servername");
/// `redis.port`.
pub const REDIS_PORT: &ContextDef = field_at("redis.port");
/// `redis.rejectUnauthorized`.
pub const REDIS_REJECT_UNAUTHORIZED: &ContextDef = field_at("redis.rejectUnauthorized");
/// `secrets.mount`.
pub const SECRETS_MOUNT: &ContextDef = field_at("secrets.mount");
/// `kafka.bootstrap`.
pub const KAFKA_BOOTSTRAP: &ContextDef = field_at("kafka.bootstrap");
/// `kafka.username`.
pub const KAFKA_USERNAME: &ContextDef = field_at("kafka.username");
/// `kafka.password`.
pub const KAFKA_PASSWORD: &ContextDef = field_at("kafka.password");
/// `consul.connect`.
pub const CONSUL_CONNECT: &ContextDef = field_at("consul.connect");
/// `deploy.delivery`.
pub const DEPLOY_DELIVERY: &ContextDef = field_at("deploy.delivery");
/// `deploy.secretsFrom`.
pub const DEPLOY_SECRETS_FROM: &ContextDef = field_at("deploy.secretsFrom");
/// `deploy.secretStore`.
pub const DEPLOY_SECRET_STORE: &ContextDef = field_at("deploy.secretStore");
/// `gitops.repoUrl`.
pub const GITOPS_REPO_URL: &ContextDef = field_at("gitops.repoUrl");
/// `gitops.revision`.
pub const GITOPS_REVISION: &ContextDef = field_at("gitops.revision");
/// `gitops.path`.
pub const GITOPS_PATH: &ContextDef = field_at("gitops.path");
/// `gitops.valuesIn`.
pub const GITOPS_VALUES_IN: &ContextDef = field_at("gitops.valuesIn");
/// `gitops.sync`.
pub const GITOPS_SYNC: &ContextDef = field_at("gitops.sync");
/// `argocd.namespace`.
pub const ARGOCD_NAMESPACE: &ContextDef = field_at("argocd.namespace");
/// `argocd.project`.
pub const ARGOCD_PROJECT: &ContextDef = field_at("argocd.project");
/// `flux.source`.
pub const FLUX_SOURCE: &ContextDef = field_at("flux.source");
/// `store.prefix`.
pub const STORE_PREFIX: &ContextDef = field_at("store.prefix");
/// `store.serviceAccount`.
pub const STORE_SERVICE_ACCOUNT: &ContextDef = field_at("store.serviceAccount");
/// `store.gcpProject`.
pub const STORE_GCP_PROJECT: &ContextDef = field_at("store.gcpProject");
/// `store.keyVault`.
pub const STORE_KEY_VAULT: &ContextDef = field_at("store.keyVault");
/// `store.vaultServer`.
pub const STORE_VAULT_SERVER: &ContextDef = field_at("store.vaultServer");
/// `store.vaultMount`.
pub const STORE_VAULT_MOUNT: &ContextDef = field_at("store.vaultMount");
/// `store.vaultAuthMount`.
pub const STORE_VAULT_AUTH_MOUNT: &ContextDef = field_at("store.vaultAuthMount");
/// `store.vaultRole`.
pub const STORE_VAULT_ROLE: &ContextDef = field_at("store.vaultRole");
/// `secrets.style`.
pub const SECRETS_STYLE: &ContextDef = field_at("secrets.style");
/// `deploy.verifyChart`.
pub const DEPLOY_VERIFY_CHART: &ContextDef = field_at("deploy.verifyChart");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Deployment, CONTEXT};
    use crate::registry::FieldKind;

    #[test]
    fn every_row_has_its_constant_named_after_it() {
        let all = [
            DEPLOY_NAMESPACE,
            DEPLOY_RELEASE,
            DEPLOY_HELM_MAJOR,
            DEPLOY_CHART_SOURCE,
            DEPLOY_CHART_REPO_URL,
            DEPLOY_CHART,
            DEPLOY_CHART_VERSION,
            DEPLOY_CHART_USER,
            DEPLOY_CHART_PASSWORD,
            DEPLOY_PLACEHOLDERS,
            DEPLOY_PLATFORM,
            GKE_PROJECT,
            GKE_CLUSTER,
            GKE_LOCATION_KIND,
            GKE_LOCATION,
            AKS_RESOURCE_GROUP,
            AKS_CLUSTER,
            REGISTRY_CREATE,
            REGISTRY_SECRET_NAME,
            REGISTRY_SERVER,
            REGISTRY_USERNAME,
            REGISTRY_PASSWORD,
            REGISTRY_EMAIL,
            DB_CHART_SECRETS,
            DB_OWNER_USER,
            DB_OWNER_PASSWORD,
            DB_BOOTSTRAP,
            DB_ADMIN_USER,
            DB_ADMIN_PASSWORD,
            DB_PSQL_IMAGE,
            REDIS_PASSWORD,
            REDIS_SERVERNAME,
            REDIS_PORT,
            REDIS_REJECT_UNAUTHORIZED,
            SECRETS_MOUNT,
            KAFKA_BOOTSTRAP,
            KAFKA_USERNAME,
            KAFKA_PASSWORD,
            CONSUL_CONNECT,
            DEPLOY_DELIVERY,
            DEPLOY_SECRETS_FROM,
            DEPLOY_SECRET_STORE,
            GITOPS_REPO_URL,
            GITOPS_REVISION,
            GITOPS_PATH,
            GITOPS_VALUES_IN,
            GITOPS_SYNC,
            ARGOCD_NAMESPACE,
            ARGOCD_PROJECT,
            FLUX_SOURCE,
            STORE_PREFIX,
            STORE_SERVICE_ACCOUNT,
            STORE_GCP_PROJECT,
            STORE_KEY_VAULT,
            STORE_VAULT_SERVER,
            STORE_VAULT_MOUNT,
            STORE_VAULT_AUTH_MOUNT,
            STORE_VAULT_ROLE,
            SECRETS_STYLE,
            DEPLOY_VERIFY_CHART,
        ];
        assert_eq!(all.len(), CONTEXT.len());
        for (c, row) in all.iter().zip(CONTEXT) {
            assert_eq!(c.name, row.name);
        }
    }

    #[test]
    fn every_option_of_a_choice_reads_back_as_written() {
        for f in CONTEXT {
            if let FieldKind::Select(options) = f.kind {
                for (value, _) in options {
                    let mut d = Deployment::default();
                    (f.set)(&mut d, value);
                    assert_eq!((f.get)(&d), *value, "{}", f.name);
                }
            }
        }
    }
}
