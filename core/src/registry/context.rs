//! The deployment-context fields: what the commands need beyond the values file. A
//! table like the values registry, so the form renders both the same way.

use super::Step;
use crate::model::{ChartSource, Deployment, GkeLocationKind, HelmMajor, Platform, SecretStyle};

/// What widget a context field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// A line of text.
    Text,
    /// A credential: a password field, masked in previews.
    Secret,
    /// A checkbox (`"true"` / `"false"`).
    Bool,
    /// One of these (value, label) options.
    Select(&'static [(&'static str, &'static str)]),
}

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
    /// Whether it applies under the current answers (hidden otherwise, never lost).
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
    ($name:literal, $label:literal, $help:literal, $step:ident, $field:ident) => {
        text!($name, $label, $help, $step, $field, FieldKind::Text, always)
    };
    ($name:literal, $label:literal, $help:literal, $step:ident, $field:ident, $kind:expr, $applies:expr) => {
        ContextDef {
            name: $name,
            label: $label,
            help: $help,
            step: Step::$step,
            kind: $kind,
            get: |d| d.$field.clone(),
            set: |d, v| d.$field = v.to_string(),
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

const PLATFORMS: &[(&str, &str)] = &[("gke", "GKE (gcloud)"), ("aks", "AKS (az)"), ("other", "Other (kubectl already set up)")];
const LOCATIONS: &[(&str, &str)] = &[("zone", "Zone"), ("region", "Region")];
const HELM_MAJORS: &[(&str, &str)] = &[("4", "Helm 4"), ("3", "Helm 3")];
const CHART_SOURCES: &[(&str, &str)] =
    &[("repo", "Chart repository (helm repo add)"), ("oci", "OCI registry (oci://…)"), ("local", "A chart folder or .tgz on disk")];
const STYLES: &[(&str, &str)] = &[("guide", "kubectl create secret (as the guide)"), ("stdin", "Secret manifests from stdin")];

/// Every context field, in wizard order.
pub static CONTEXT: &[ContextDef] = &[
    text!("deploy.namespace", "Namespace", "Kubernetes namespace for the tenant; the guide uses ixn.", Tenant, namespace),
    text!("deploy.release", "Release name", "Helm release name. Empty means ixn-<sid>, as the guide names it.", Tenant, release),
    ContextDef {
        name: "deploy.helmMajor", label: "Helm version", help: "The Helm major you run: the commands use its flags (Helm 4 renamed --atomic and takes a --wait strategy), and the preflight checks it.",
        step: Step::Tenant, kind: FieldKind::Select(HELM_MAJORS),
        get: |d| d.helm_major.number().to_string(),
        set: |d, v| d.helm_major = if v == "3" { HelmMajor::V3 } else { HelmMajor::V4 },
        applies: always,
    },
    ContextDef {
        name: "deploy.chartSource", label: "Chart source", help: "Where helm gets the IXN chart: a chart repository, an OCI registry, or a chart already downloaded.",
        step: Step::Tenant, kind: FieldKind::Select(CHART_SOURCES),
        get: |d| match d.chart_source { ChartSource::Repo => "repo", ChartSource::Oci => "oci", ChartSource::Local => "local" }.into(),
        set: |d, v| d.chart_source = match v { "oci" => ChartSource::Oci, "local" => ChartSource::Local, _ => ChartSource::Repo },
        applies: always,
    },
    text!("deploy.chartRepoUrl", "Chart repository URL", "The URL helm repo add registers under the repository name of the chart reference (ixn in ixn/ixn).", Tenant, chart_repo_url, FieldKind::Text, |d| d.chart_source == ChartSource::Repo),
    text!("deploy.chart", "Chart", "Chart reference: REPO/ixn for a repository (REPO is the name given to helm repo add), oci://host/path/ixn for a registry, or a path to the downloaded chart.", Tenant, chart),
    text!("deploy.chartVersion", "Chart version", "Chart version for --version. Pin it: empty installs whatever is latest on the day.", Tenant, chart_version),
    text!("deploy.chartUser", "Chart repository user", "Only when the repository or registry needs a login; empty: none.", Tenant, chart_username, FieldKind::Text, |d| d.chart_source != ChartSource::Local),
    text!("deploy.chartPassword", "Chart repository password", "Its password or token: the commands pass it on stdin (--password-stdin), never as an argument.", Tenant, chart_password, FieldKind::Secret, |d| d.chart_source != ChartSource::Local),
    flag!("deploy.placeholders", "Placeholders for envsubst", "Write addresses and secrets as ${VAR} in the values file and export them in the commands, as the guide's envsubst flow does.", Tenant, placeholders),
    ContextDef {
        name: "deploy.platform", label: "Platform", help: "Where the cluster runs; decides the login command.",
        step: Step::Cluster, kind: FieldKind::Select(PLATFORMS),
        get: |d| match d.platform { Platform::Gke => "gke", Platform::Aks => "aks", Platform::Other => "other" }.into(),
        set: |d, v| d.platform = match v { "aks" => Platform::Aks, "other" => Platform::Other, _ => Platform::Gke },
        applies: always,
    },
    text!("gke.project", "GKE project", "Google Cloud project; empty uses gcloud's configured project.", Cluster, gke_project, FieldKind::Text, |d| d.platform == Platform::Gke),
    text!("gke.cluster", "GKE cluster", "GKE cluster name.", Cluster, gke_cluster, FieldKind::Text, |d| d.platform == Platform::Gke),
    ContextDef {
        name: "gke.locationKind", label: "Zonal or regional", help: "Whether the cluster is zonal or regional.",
        step: Step::Cluster, kind: FieldKind::Select(LOCATIONS),
        get: |d| match d.gke_location_kind { GkeLocationKind::Zone => "zone", GkeLocationKind::Region => "region" }.into(),
        set: |d, v| d.gke_location_kind = if v == "region" { GkeLocationKind::Region } else { GkeLocationKind::Zone },
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
    flag!("redis.rejectUnauthorized", "Reject unauthorized (secret)", "rejectUnauthorized in redis-ors-secret; only matters with TLS.", Redis, redis_reject_unauthorized),
    flag!("secrets.mount", "Mount the Redis and Kafka secrets", "Write the guide's volumes and volumeMounts for redis-ors-secret and kafka-shared-secret.", Redis, mount_secrets),
    text!("kafka.bootstrap", "Kafka bootstrap", "Bootstrap servers, host:port, comma-separated.", Kafka, kafka_bootstrap),
    text!("kafka.username", "Kafka user", "Only when Kafka needs authentication.", Kafka, kafka_username),
    text!("kafka.password", "Kafka password", "Only when Kafka needs authentication.", Kafka, kafka_password, FieldKind::Secret, always),
    flag!("consul.connect", "Consul connect injection", "Write the guide's Consul connect annotations for both pods, so Configuration Server and Voice Config are reached through localhost upstreams.", Consul, consul_connect),
    ContextDef {
        name: "secrets.style", label: "How commands create secrets", help: "As the guide (values on the command line) or as manifests from stdin (out of shell history and process lists).",
        step: Step::Review, kind: FieldKind::Select(STYLES),
        get: |d| match d.secret_style { SecretStyle::Guide => "guide", SecretStyle::Stdin => "stdin" }.into(),
        set: |d, v| d.secret_style = if v == "stdin" { SecretStyle::Stdin } else { SecretStyle::Guide },
        applies: always,
    },
];

/// The context field with this name.
pub fn context_field(name: &str) -> Option<&'static ContextDef> {
    CONTEXT.iter().find(|c| c.name == name)
}

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
    fn secret_fields_are_the_secret_kind() {
        for name in crate::model::SECRET_FIELDS {
            assert_eq!(context_field(name).unwrap().kind, FieldKind::Secret, "{name}");
        }
    }
}
