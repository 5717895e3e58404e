//! The delivery modes' settings, as typed groups of [`super::Deployment`]: each group
//! belongs to the modes that read it (listed on each), and every group is kept whatever
//! the mode, so switching modes loses nothing typed.
//!
//! They live in the model, not beside the modes in `crate::delivery`: the deployment
//! context holds them, and the model sits below the modes (a mode's module imports the
//! model; the model importing it back would make a circle).

use super::{SecretStoreKind, SecretsFrom, SyncMode, ValuesIn};

/// What the Git modes (Argo CD, Flux, the Genesys pipeline) share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitSettings {
    /// Where the Secrets come from, in every Git mode (`deploy.secretsFrom`).
    pub secrets_from: SecretsFrom,
    /// The folder of this tenant in the repository, for Argo CD and Flux
    /// (`gitops.path`); empty means `ixn/<release>`.
    pub path: String,
    /// Automated or manual sync, for Argo CD and Flux (`gitops.sync`).
    pub sync: SyncMode,
}

impl Default for GitSettings {
    fn default() -> Self {
        GitSettings { secrets_from: SecretsFrom::Kubectl, path: String::new(), sync: SyncMode::Automated }
    }
}

/// Argo CD's own settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArgocdSettings {
    /// The Git repository Argo CD reads (`gitops.repoUrl`).
    pub repo_url: String,
    /// Its branch, tag or commit (`gitops.revision`).
    pub revision: String,
    /// Values inline or as a file in Git (`gitops.valuesIn`).
    pub values_in: ValuesIn,
    /// Argo CD's namespace (`argocd.namespace`).
    pub namespace: String,
    /// The Argo CD project (`argocd.project`).
    pub project: String,
}

impl Default for ArgocdSettings {
    fn default() -> Self {
        ArgocdSettings {
            repo_url: String::new(),
            revision: "HEAD".into(),
            values_in: ValuesIn::Inline,
            namespace: "argocd".into(),
            project: "default".into(),
        }
    }
}

/// Flux's own settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FluxSettings {
    /// The Flux GitRepository that holds this repository (`flux.source`), in
    /// `flux-system`.
    pub source: String,
}

impl Default for FluxSettings {
    fn default() -> Self {
        FluxSettings { source: "flux-system".into() }
    }
}

/// The secret store External Secrets reads, in any Git mode whose Secrets come from it
/// ([`GitSettings::secrets_from`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreSettings {
    /// Which store (`deploy.secretStore`).
    pub kind: SecretStoreKind,
    /// The prefix of every store key (`store.prefix`); empty means the release name.
    pub prefix: String,
    /// The Kubernetes service account External Secrets authenticates as, bound to a
    /// cloud identity by workload identity or to a Vault role (`store.serviceAccount`).
    pub service_account: String,
    /// Google Cloud project of the Secret Manager (`store.gcpProject`); empty means
    /// the GKE project.
    pub gcp_project: String,
    /// Azure Key Vault name (`store.keyVault`).
    pub key_vault: String,
    /// Vault server URL (`store.vaultServer`).
    pub vault_server: String,
    /// Vault KV v2 mount (`store.vaultMount`).
    pub vault_mount: String,
    /// Vault Kubernetes auth mount (`store.vaultAuthMount`).
    pub vault_auth_mount: String,
    /// Vault role for that auth (`store.vaultRole`).
    pub vault_role: String,
}

impl Default for StoreSettings {
    fn default() -> Self {
        StoreSettings {
            kind: SecretStoreKind::GcpSecretManager,
            prefix: String::new(),
            service_account: "ixn-external-secrets".into(),
            gcp_project: String::new(),
            key_vault: String::new(),
            vault_server: String::new(),
            vault_mount: "secret".into(),
            vault_auth_mount: "kubernetes".into(),
            vault_role: "ixn".into(),
        }
    }
}
