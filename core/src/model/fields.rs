//! The deployment-context fields: what the commands need beyond the values file. A
//! table like the values registry, so the form renders both the same way. It lives in
//! the model, beside [`Deployment`], because each row reads and writes it: the registry
//! below knows only the widget kinds ([`FieldKind`]).

use super::{
    ChartSource, Delivery, Deployment, GkeLocationKind, HelmMajor, Platform, SecretStoreKind, SecretStyle, SecretsFrom,
    SyncMode, ValuesIn,
};
use crate::registry::{FieldKind, Guide, Step};

/// One context field.
#[derive(Clone, Copy)]
pub struct ContextDef {
    /// The form name (a test contract), e.g. `deploy.namespace`.
    pub name: &'static str,
    /// Label.
    pub label: &'static str,
    /// Help text.
    pub help: &'static str,
    /// Wizard step.
    pub step: Step,
    /// Widget.
    pub kind: FieldKind,
    /// Reads the field as text.
    pub get: fn(&Deployment) -> String,
    /// Writes the field from text.
    pub set: fn(&mut Deployment, &str),
    /// Whether it applies under the current answers, besides the delivery mode
    /// ([`ContextDef::applies_to`] asks both); hidden otherwise, never lost.
    pub applies: fn(&Deployment) -> bool,
}

impl std::fmt::Debug for ContextDef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

fn always(_: &Deployment) -> bool {
    true
}

fn b(s: &str) -> bool {
    s == "true"
}

macro_rules! text {
    ($name:literal, $label:literal, $help:literal, $step:ident, $($field:ident).+) => {
        text!($name, $label, $help, $step, $($field).+, FieldKind::Text, always)
    };
    ($name:literal, $label:literal, $help:literal, $step:ident, $($field:ident).+, $kind:expr, $applies:expr) => {
        ContextDef {
            name: $name,
            label: $label,
            help: $help,
            step: Step::$step,
            kind: $kind,
            get: |d| d.$($field).+.clone(),
            set: |d, v| d.$($field).+ = v.to_string(),
            applies: $applies,
        }
    };
}

macro_rules! flag {
    ($name:literal, $label:literal, $help:literal, $step:ident, $field:ident) => {
        ContextDef {
            name: $name,
            label: $label,
            help: $help,
            step: Step::$step,
            kind: FieldKind::Bool,
            get: |d| d.$field.to_string(),
            set: |d, v| d.$field = b(v),
            applies: always,
        }
    };
}

const PLATFORMS: &[(&str, &str)] = &[
    (Platform::Gke.as_str(), "GKE (gcloud)"),
    (Platform::Aks.as_str(), "AKS (az)"),
    (Platform::Other.as_str(), "Other (kubectl already set up)"),
];
const LOCATIONS: &[(&str, &str)] =
    &[(GkeLocationKind::Zone.as_str(), "Zone"), (GkeLocationKind::Region.as_str(), "Region")];
const DELIVERIES: &[(&str, &str)] = &super::delivery::CHOICES;
const SECRETS_FROM: &[(&str, &str)] = &[
    (SecretsFrom::Kubectl.as_str(), "kubectl (Secrets made once, by hand)"),
    (SecretsFrom::ExternalSecrets.as_str(), "External Secrets Operator"),
];
const STORES: &[(&str, &str)] = &[
    (SecretStoreKind::GcpSecretManager.as_str(), "Google Secret Manager (GKE)"),
    (SecretStoreKind::AzureKeyVault.as_str(), "Azure Key Vault (AKS)"),
    (SecretStoreKind::Vault.as_str(), "HashiCorp Vault"),
];
const VALUES_IN: &[(&str, &str)] = &[
    (ValuesIn::Inline.as_str(), "Inline (valuesObject)"),
    (ValuesIn::File.as_str(), "A values file in the Git repository"),
];
const SYNCS: &[(&str, &str)] = &[(SyncMode::Automated.as_str(), "Automated"), (SyncMode::Manual.as_str(), "Manual")];

// Whether a field shows in the current delivery mode is the mode's
// ([`super::ModeForm::fields`]); a row's `applies` says only what else it depends on.
fn eso(d: &Deployment) -> bool {
    d.git.secrets_from == SecretsFrom::ExternalSecrets
}

const HELM_MAJORS: &[(&str, &str)] = &[(HelmMajor::V4.as_str(), "Helm 4"), (HelmMajor::V3.as_str(), "Helm 3")];
const CHART_SOURCES: &[(&str, &str)] = &[
    (ChartSource::Repo.as_str(), "Chart repository (helm repo add)"),
    (ChartSource::Oci.as_str(), "OCI registry (oci://…)"),
    (ChartSource::Local.as_str(), "A chart folder or .tgz on disk"),
];
const STYLES: &[(&str, &str)] = &[
    (SecretStyle::Guide.as_str(), "kubectl create secret (as the guide)"),
    (SecretStyle::Stdin.as_str(), "Secret manifests from stdin"),
];

/// The context fields that hold credentials: masked in previews, left out of links
/// and, unless asked, of profiles and storage.
pub fn secret_fields() -> impl Iterator<Item = &'static ContextDef> {
    CONTEXT.iter().filter(|f| f.kind == FieldKind::Secret)
}

/// Every context field, in wizard order.
pub static CONTEXT: &[ContextDef] = &ROWS;

/// The rows, in a static of their own: [`super::ctx`]'s constants point into it, so
/// every crate shares this one copy (a constant's table would be copied into each
/// crate that uses one of its rows).
pub(super) static ROWS: [ContextDef; TABLE.len()] = rows(TABLE);

const fn rows<const N: usize>(table: &[ContextDef]) -> [ContextDef; N] {
    let mut out = [table[0]; N];
    let mut i = 0;
    while i < N {
        out[i] = table[i];
        i += 1;
    }
    out
}

/// The table as written, read only at compile time (into [`ROWS`]).
const TABLE: &[ContextDef] = &[
    text!("deploy.namespace", "Namespace", "Kubernetes namespace for the tenant; the guide uses ixn.", Tenant, namespace),
    text!("deploy.release", "Release name", "Helm release name. Empty means ixn-<sid>, as the guide names it.", Tenant, release),
    ContextDef {
        name: "deploy.helmMajor", label: "Helm version", help: "The Helm major you run: the commands use its flags (Helm 4 renamed --atomic and takes a --wait strategy), and the preflight checks it.",
        step: Step::Tenant, kind: FieldKind::Select(HELM_MAJORS),
        get: |d| d.helm_major.as_str().into(),
        set: |d, v| d.helm_major = HelmMajor::parse(v),
        applies: always,
    },
    ContextDef {
        name: "deploy.chartSource", label: "Chart source", help: "Where helm, Argo CD and Flux get the IXN chart: a chart repository, an OCI registry, or a chart already downloaded (for the commands only).",
        step: Step::Tenant, kind: FieldKind::Select(CHART_SOURCES),
        get: |d| d.chart_source.as_str().into(),
        set: |d, v| d.chart_source = ChartSource::parse(v),
        applies: always,
    },
    text!("deploy.chartRepoUrl", "Chart repository URL", "The URL helm repo add registers under the repository name of the chart reference (ixn in ixn/ixn); Argo CD and Flux pull from it too.", Tenant, chart_repo_url, FieldKind::Text, |d| d.chart_source == ChartSource::Repo),
    text!("deploy.chart", "Chart", "Chart reference: REPO/ixn for a repository (REPO is the name given to helm repo add), oci://host/path/ixn for a registry, or a path to the downloaded chart.", Tenant, chart),
    text!("deploy.chartVersion", "Chart version", "Chart version for --version. Pin it: empty installs whatever is latest on the day.", Tenant, chart_version),
    text!("deploy.chartUser", "Chart repository user", "Only when the repository or registry needs a login; empty: none.", Tenant, chart_username, FieldKind::Text, |d| d.chart_source != ChartSource::Local),
    text!("deploy.chartPassword", "Chart repository password", "Its password or token: the commands pass it on stdin (--password-stdin), never as an argument.", Tenant, chart_password, FieldKind::Secret, |d| d.chart_source != ChartSource::Local),
    flag!("deploy.placeholders", "Placeholders for envsubst", "Write addresses and secrets as ${VAR} in the values file and export them in the commands, as the guide's envsubst flow does.", Tenant, placeholders),
    ContextDef {
        name: "deploy.platform", label: "Platform", help: "Where the cluster runs; decides the login command.",
        step: Step::Cluster, kind: FieldKind::Select(PLATFORMS),
        get: |d| d.platform.as_str().into(),
        set: |d, v| d.platform = Platform::parse(v),
        applies: always,
    },
    text!("gke.project", "GKE project", "Google Cloud project; empty uses gcloud's configured project.", Cluster, gke_project, FieldKind::Text, |d| d.platform == Platform::Gke),
    text!("gke.cluster", "GKE cluster", "GKE cluster name.", Cluster, gke_cluster, FieldKind::Text, |d| d.platform == Platform::Gke),
    ContextDef {
        name: "gke.locationKind", label: "Zonal or regional", help: "Whether the cluster is zonal or regional.",
        step: Step::Cluster, kind: FieldKind::Select(LOCATIONS),
        get: |d| d.gke_location_kind.as_str().into(),
        set: |d, v| d.gke_location_kind = GkeLocationKind::parse(v),
        applies: |d| d.platform == Platform::Gke,
    },
    text!("gke.location", "Zone or region", "e.g. europe-west1-b or europe-west1; empty uses gcloud's default.", Cluster, gke_location, FieldKind::Text, |d| d.platform == Platform::Gke),
    text!("aks.resourceGroup", "AKS resource group", "Azure resource group of the cluster.", Cluster, aks_resource_group, FieldKind::Text, |d| d.platform == Platform::Aks),
    text!("aks.cluster", "AKS cluster", "AKS cluster name.", Cluster, aks_cluster, FieldKind::Text, |d| d.platform == Platform::Aks),
    flag!("registry.create", "Create a pull secret", "Create a docker-registry secret for the image registry and list it in image.imagePullSecrets.", Cluster, pull_secret_create),
    text!("registry.secretName", "Pull secret name", "Name of the docker-registry secret.", Cluster, pull_secret_name, FieldKind::Text, |d| d.pull_secret_create),
    text!("registry.server", "Registry server", "Registry to log in to; empty means image.registry.", Cluster, registry_server, FieldKind::Text, |d| d.pull_secret_create),
    text!("registry.username", "Registry user", "User for the registry.", Cluster, registry_username, FieldKind::Text, |d| d.pull_secret_create),
    text!("registry.password", "Registry password", "Password or token for the registry.", Cluster, registry_password, FieldKind::Secret, |d| d.pull_secret_create),
    text!("registry.email", "Registry e-mail", "Optional e-mail for the docker-registry secret.", Cluster, registry_email, FieldKind::Text, |d| d.pull_secret_create),
    flag!("db.chartSecrets", "The chart makes the DB secrets", "On: the chart creates both database secrets from the values (secrets.db.*). Off: the commands create them, and no password goes into the values file.", Databases, chart_makes_db_secrets),
    text!("db.ownerUser", "Database owner role", "The PostgreSQL role IXN connects as, and that owns both databases.", Databases, db_owner_user),
    text!("db.ownerPassword", "Owner role password", "Its password: goes into the DB secrets and the bootstrap.", Databases, db_owner_password, FieldKind::Secret, always),
    flag!("db.bootstrap", "Bootstrap the databases", "Create both databases and the owner role if missing, from a throwaway psql pod.", Databases, db_bootstrap),
    text!("db.adminUser", "PostgreSQL admin user", "A role that may create databases and roles.", Databases, db_admin_user, FieldKind::Text, |d| d.db_bootstrap),
    text!("db.adminPassword", "PostgreSQL admin password", "Used only by the bootstrap pod.", Databases, db_admin_password, FieldKind::Secret, |d| d.db_bootstrap),
    text!("db.psqlImage", "psql image", "Image for the bootstrap pod.", Databases, psql_image, FieldKind::Text, |d| d.db_bootstrap),
    text!("redis.password", "Redis password", "Goes into redis-ors-secret (voice-redis-ors-stream).", Redis, redis_password, FieldKind::Secret, always),
    text!("redis.servername", "Redis TLS servername", "Empty means the first Redis host.", Redis, redis_servername),
    text!("redis.port", "Redis port for the secret", "Empty means the first Redis node's port.", Redis, redis_port),
    flag!("redis.rejectUnauthorized", "The ORS stream verifies the Redis certificate (redis-ors-secret)", "rejectUnauthorized inside redis-ors-secret: the voice-redis-ors-stream connection IXN Node reads from the mounted secret, apart from its redisOptions in the values file. Only matters with TLS.", Redis, redis_reject_unauthorized),
    flag!("secrets.mount", "Mount the Redis and Kafka secrets", "Write the guide's volumes and volumeMounts for redis-ors-secret and kafka-shared-secret.", Redis, mount_secrets),
    text!("kafka.bootstrap", "Kafka bootstrap", "Bootstrap servers, host:port, comma-separated.", Kafka, kafka_bootstrap),
    text!("kafka.username", "Kafka user", "Only when Kafka needs authentication.", Kafka, kafka_username),
    text!("kafka.password", "Kafka password", "Only when Kafka needs authentication.", Kafka, kafka_password, FieldKind::Secret, always),
    flag!("consul.connect", "Consul connect injection", "Write the guide's Consul connect annotations for both pods, so Configuration Server and Voice Config are reached through localhost upstreams.", Consul, consul_connect),
    ContextDef {
        name: "deploy.delivery", label: "Delivery", help: "How the tenant reaches the cluster: the commands from a terminal, or files for Git that Argo CD, Flux or the Genesys pipeline apply. In Git no secret is written: the database secrets are made outside the chart.",
        step: Step::Review, kind: FieldKind::Select(DELIVERIES),
        get: |d| d.delivery.as_str().into(),
        set: |d, v| d.delivery = Delivery::parse(v),
        applies: always,
    },
    ContextDef {
        name: "deploy.secretsFrom", label: "Secrets from", help: "kubectl: seed-secret-store.sh (kept out of Git) creates the Secrets once. External Secrets: the operator makes them in the cluster from a secret store; seed-secret-store.sh fills the store.",
        step: Step::Review, kind: FieldKind::Select(SECRETS_FROM),
        get: |d| d.git.secrets_from.as_str().into(),
        set: |d, v| d.git.secrets_from = SecretsFrom::parse(v),
        applies: always,
    },
    ContextDef {
        name: "deploy.secretStore", label: "Secret store", help: "Google Secret Manager on GKE and Azure Key Vault on AKS (both through workload identity), or HashiCorp Vault (Kubernetes auth).",
        step: Step::Review, kind: FieldKind::Select(STORES),
        get: |d| d.store.kind.as_str().into(),
        set: |d, v| d.store.kind = SecretStoreKind::parse(v),
        applies: eso,
    },
    text!("gitops.repoUrl", "Git repository URL", "The repository these files are committed to, as Argo CD knows it (for the manifests and a values file).", Review, argocd.repo_url, FieldKind::Text, always),
    text!("gitops.revision", "Git revision", "Branch, tag or commit Argo CD follows.", Review, argocd.revision, FieldKind::Text, always),
    text!("gitops.path", "Folder in the repository", "Where this tenant's files sit in the repository; empty means ixn/<release>.", Review, git.path, FieldKind::Text, always),
    ContextDef {
        name: "gitops.valuesIn", label: "Values", help: "Inline in the Application (valuesObject), or a values file beside it in Git (a second source with ref: values).",
        step: Step::Review, kind: FieldKind::Select(VALUES_IN),
        get: |d| d.argocd.values_in.as_str().into(),
        set: |d, v| d.argocd.values_in = ValuesIn::parse(v),
        applies: always,
    },
    ContextDef {
        name: "gitops.sync", label: "Sync", help: "Automated: applied when Git changes (Argo CD prunes and self-heals). Manual: Argo CD waits for a sync; Flux resources start suspended (flux resume).",
        step: Step::Review, kind: FieldKind::Select(SYNCS),
        get: |d| d.git.sync.as_str().into(),
        set: |d, v| d.git.sync = SyncMode::parse(v),
        applies: always,
    },
    text!("argocd.namespace", "Argo CD namespace", "Where Argo CD runs and reads Applications.", Review, argocd.namespace, FieldKind::Text, always),
    text!("argocd.project", "Argo CD project", "The AppProject of the Application.", Review, argocd.project, FieldKind::Text, always),
    text!("flux.source", "Flux GitRepository", "The GitRepository in flux-system that holds this repository (flux bootstrap names it flux-system).", Review, flux.source, FieldKind::Text, always),
    text!("store.prefix", "Store key prefix", "Every store key starts with it; empty means the release name.", Review, store.prefix, FieldKind::Text, eso),
    text!("store.serviceAccount", "Service account", "The Kubernetes service account the SecretStore authenticates as: bound to a Google service account or an Azure managed identity by workload identity, or to the Vault role.", Review, store.service_account, FieldKind::Text, eso),
    text!("store.gcpProject", "Secret Manager project", "Google Cloud project of the secrets; empty means the GKE project.", Review, store.gcp_project, FieldKind::Text, |d| eso(d) && d.store.kind == SecretStoreKind::GcpSecretManager),
    text!("store.keyVault", "Key Vault name", "The Azure Key Vault (https://<name>.vault.azure.net).", Review, store.key_vault, FieldKind::Text, |d| eso(d) && d.store.kind == SecretStoreKind::AzureKeyVault),
    text!("store.vaultServer", "Vault server", "e.g. https://vault.example.com:8200.", Review, store.vault_server, FieldKind::Text, |d| eso(d) && d.store.kind == SecretStoreKind::Vault),
    text!("store.vaultMount", "Vault KV mount", "The KV version 2 secrets engine's mount.", Review, store.vault_mount, FieldKind::Text, |d| eso(d) && d.store.kind == SecretStoreKind::Vault),
    text!("store.vaultAuthMount", "Vault Kubernetes auth mount", "Where Vault's Kubernetes auth method is enabled.", Review, store.vault_auth_mount, FieldKind::Text, |d| eso(d) && d.store.kind == SecretStoreKind::Vault),
    text!("store.vaultRole", "Vault role", "The role of that auth method bound to the service account.", Review, store.vault_role, FieldKind::Text, |d| eso(d) && d.store.kind == SecretStoreKind::Vault),
    ContextDef {
        name: "secrets.style", label: "How commands create secrets", help: "As the guide (values on the command line) or as manifests from stdin (out of shell history and process lists).",
        step: Step::Review, kind: FieldKind::Select(STYLES),
        get: |d| d.secret_style.as_str().into(),
        set: |d, v| d.secret_style = SecretStyle::parse(v),
        applies: always,
    },
    ContextDef {
        name: "deploy.verifyChart", label: "Check the chart's output before installing", help: "helm template and helm upgrade --install run ixn-portal verify as their post-renderer: Helm installs nothing that contradicts this profile. deploy.sh writes the profile beside itself (the Genesys layout: ixn.profile.yaml in the release folder, and the pre-release script adds the flags to the workflow's helm); it needs ixn-portal on PATH and, for Helm 4, the ixn-verify plugin (helm plugin install helm-plugin/ixn-verify).",
        step: Step::Review, kind: FieldKind::Bool,
        get: |d| d.verify_chart.to_string(),
        set: |d, v| d.verify_chart = b(v),
        applies: always,
    },
];

/// The context field with this name.
pub fn context_field(name: &str) -> Option<&'static ContextDef> {
    CONTEXT.iter().find(|c| c.name == name)
}

impl ContextDef {
    /// Whether it applies to `d`: the delivery mode shows it ([`super::ModeForm::shows`])
    /// and its own condition holds. The form hides it otherwise (never clears it).
    pub fn applies_to(&self, d: &Deployment) -> bool {
        d.delivery.form().shows(self.name) && (self.applies)(d)
    }

    /// The page of the Genesys guide that documents this field, if one does.
    pub fn guide(&self) -> Option<Guide> {
        ON_THE_DEPLOY_PAGE.contains(&self.name).then_some(Guide::Deploy)
    }
}

/// The fields the guide's "Deploy" page documents (../shared/reference/ixn-chart.md,
/// "Secrets and commands"): the namespace, the cluster login, the pull secret, the DB,
/// Redis and Kafka secrets, the volume mounts, the Consul connection, and helm with
/// envsubst. The rest (Helm major, chart source and login, GitOps, the bootstrap pod)
/// are the portal's own: no page to send the admin to.
const ON_THE_DEPLOY_PAGE: &[&str] = &[
    "deploy.namespace",
    "deploy.release",
    "deploy.chart",
    "deploy.chartVersion",
    "deploy.placeholders",
    "deploy.platform",
    "gke.cluster",
    "aks.resourceGroup",
    "aks.cluster",
    "registry.create",
    "registry.secretName",
    "registry.server",
    "registry.username",
    "registry.password",
    "registry.email",
    "db.chartSecrets",
    "db.ownerUser",
    "db.ownerPassword",
    "redis.password",
    "redis.servername",
    "redis.port",
    "redis.rejectUnauthorized",
    "secrets.mount",
    "kafka.bootstrap",
    "kafka.username",
    "kafka.password",
    "consul.connect",
    "secrets.style",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_reads_back_what_it_writes() {
        let mut d = Deployment::default();
        for f in CONTEXT {
            let v = match f.kind {
                FieldKind::Bool => "true".to_string(),
                FieldKind::Select(opts) => opts[opts.len() - 1].0.to_string(),
                _ => format!("{} value", f.name),
            };
            (f.set)(&mut d, &v);
            assert_eq!((f.get)(&d), v, "{}", f.name);
        }
    }

    #[test]
    fn the_fields_the_deploy_page_documents_link_it_and_the_portals_own_link_nothing() {
        for name in ON_THE_DEPLOY_PAGE {
            assert_eq!(context_field(name).map(ContextDef::guide), Some(Some(Guide::Deploy)), "{name}");
        }
        for name in ["deploy.helmMajor", "deploy.chartSource", "db.bootstrap", "deploy.delivery", "store.vaultRole"] {
            assert_eq!(context_field(name).unwrap().guide(), None, "{name}");
        }
    }

    #[test]
    fn secret_fields_are_the_secret_kind() {
        let names: Vec<&str> = secret_fields().map(|f| f.name).collect();
        assert_eq!(
            names,
            [
                "deploy.chartPassword",
                "registry.password",
                "db.ownerPassword",
                "db.adminPassword",
                "redis.password",
                "kafka.password"
            ]
        );
        for name in names {
            assert_eq!(context_field(name).unwrap().kind, FieldKind::Secret, "{name}");
        }
    }

    #[test]
    fn masking_replaces_exactly_the_secret_fields_that_are_set() {
        let mut d = Deployment::default();
        for f in CONTEXT.iter().filter(|f| matches!(f.kind, FieldKind::Text | FieldKind::Secret)) {
            (f.set)(&mut d, "S3cret");
        }
        d.kafka_password.clear();
        let m = d.masked("••");
        for f in CONTEXT.iter().filter(|f| matches!(f.kind, FieldKind::Text | FieldKind::Secret)) {
            let expected = match (f.kind, f.name) {
                (FieldKind::Secret, "kafka.password") => "",
                (FieldKind::Secret, _) => "••",
                _ => "S3cret",
            };
            assert_eq!((f.get)(&m), expected, "{}", f.name);
        }
    }

    // The delivery fields show exactly where they did when each row decided by the
    // delivery itself (the rules as they were written before the modes listed their
    // fields).
    #[test]
    fn each_delivery_field_applies_where_it_did_before_the_modes_listed_them() {
        fn before(name: &str, d: &Deployment) -> Option<bool> {
            let gitops = d.delivery != Delivery::Script;
            let eso = gitops && d.git.secrets_from == SecretsFrom::ExternalSecrets;
            let argo = d.delivery == Delivery::Argocd;
            let argo_flux = matches!(d.delivery, Delivery::Argocd | Delivery::Flux);
            Some(match name {
                "deploy.secretsFrom" => gitops,
                "deploy.secretStore" | "store.prefix" | "store.serviceAccount" => eso,
                "store.gcpProject" => eso && d.store.kind == SecretStoreKind::GcpSecretManager,
                "store.keyVault" => eso && d.store.kind == SecretStoreKind::AzureKeyVault,
                "store.vaultServer" | "store.vaultMount" | "store.vaultAuthMount" | "store.vaultRole" => {
                    eso && d.store.kind == SecretStoreKind::Vault
                }
                "gitops.repoUrl" | "gitops.revision" | "gitops.valuesIn" | "argocd.namespace" | "argocd.project" => {
                    argo
                }
                "gitops.path" | "gitops.sync" => argo_flux,
                "flux.source" => d.delivery == Delivery::Flux,
                "deploy.verifyChart" => matches!(d.delivery, Delivery::Script | Delivery::Genesys),
                _ => return None,
            })
        }
        let mut checked = 0;
        // The four modes there were (a test-only fifth is not in these rules).
        for delivery in [Delivery::Script, Delivery::Argocd, Delivery::Flux, Delivery::Genesys] {
            for secrets_from in [SecretsFrom::Kubectl, SecretsFrom::ExternalSecrets] {
                for kind in [SecretStoreKind::GcpSecretManager, SecretStoreKind::AzureKeyVault, SecretStoreKind::Vault]
                {
                    let mut d = Deployment { delivery, ..Deployment::default() };
                    d.git.secrets_from = secrets_from;
                    d.store.kind = kind;
                    for f in CONTEXT {
                        match before(f.name, &d) {
                            Some(was) => {
                                assert_eq!(f.applies_to(&d), was, "{} in {delivery:?}", f.name);
                                checked += 1;
                            }
                            // Every other field decides as it did: by its own row.
                            None => assert_eq!(f.applies_to(&d), (f.applies)(&d), "{}", f.name),
                        }
                    }
                }
            }
        }
        assert_eq!(checked, 4 * 2 * 3 * 19);
    }
}
