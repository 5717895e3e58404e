//! External Secrets: the `SecretStore` for the platform's store, one `ExternalSecret`
//! per Secret the deployment needs, and the store entries `seed-secret-store.sh` puts.
//!
//! Each secret value is its own store entry; the JSON the guide's secrets hold
//! (`voice-redis-ors-stream`, `kafka-secrets`, `.dockerconfigjson`) is assembled in the
//! cluster by `target.template` (ESO's Go text/template with Sprig), each value through
//! `toJson`, so every value is a JSON string whatever it holds.

use super::kube::{Meta, NameRef, Object, Spec};
use super::{GitView, Manifest, Stage};
use crate::generate::secrets::{self, KAFKA_KEY, KAFKA_SECRET, REDIS_KEY, REDIS_SECRET};
use crate::model::SecretStoreKind;
use serde::Serialize;
use serde_json::{Map, Value as Json};

/// The API version of every External Secrets kind written here.
pub const API: &str = "external-secrets.io/v1";

/// One value to put into the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreEntry {
    /// Its name in the store (Vault: the path under the mount).
    pub key: String,
    /// The secret.
    pub value: String,
    /// What it is, for a comment.
    pub what: String,
}

/// `SecretStore.spec`.
#[derive(Debug, Clone, Serialize)]
pub struct SecretStoreSpec {
    /// `provider`: exactly one of its fields.
    pub provider: Provider,
}

/// `spec.provider`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Provider {
    /// Google Secret Manager.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gcpsm: Option<Gcpsm>,
    /// Azure Key Vault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub azurekv: Option<AzureKv>,
    /// HashiCorp Vault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vault: Option<VaultProvider>,
}

/// `provider.gcpsm`.
#[derive(Debug, Clone, Serialize)]
pub struct Gcpsm {
    /// The project of the secrets.
    #[serde(rename = "projectID", skip_serializing_if = "String::is_empty")]
    pub project_id: String,
    /// Workload identity.
    pub auth: GcpAuth,
}

/// `gcpsm.auth`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GcpAuth {
    /// `workloadIdentity`.
    pub workload_identity: WorkloadIdentity,
}

/// `gcpsm.auth.workloadIdentity`; the cluster fields are read from GKE's metadata
/// server when left out.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkloadIdentity {
    /// Zone or region of the cluster.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub cluster_location: String,
    /// The cluster.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub cluster_name: String,
    /// The cluster's project.
    #[serde(rename = "clusterProjectID", skip_serializing_if = "String::is_empty")]
    pub cluster_project_id: String,
    /// The Kubernetes service account bound to a Google service account.
    pub service_account_ref: NameRef,
}

/// `provider.azurekv` with workload identity.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AzureKv {
    /// `WorkloadIdentity`.
    pub auth_type: &'static str,
    /// `https://<name>.vault.azure.net`.
    pub vault_url: String,
    /// The service account federated with the managed identity.
    pub service_account_ref: NameRef,
}

/// `provider.vault`: KV v2 with Kubernetes auth.
#[derive(Debug, Clone, Serialize)]
pub struct VaultProvider {
    /// Vault's URL.
    pub server: String,
    /// The KV mount.
    pub path: String,
    /// `v2`.
    pub version: &'static str,
    /// Kubernetes auth.
    pub auth: VaultAuth,
}

/// `vault.auth`.
#[derive(Debug, Clone, Serialize)]
pub struct VaultAuth {
    /// `kubernetes`.
    pub kubernetes: VaultKubernetes,
}

/// `vault.auth.kubernetes`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VaultKubernetes {
    /// Where the auth method is mounted.
    pub mount_path: String,
    /// The role.
    pub role: String,
    /// The service account whose token logs in.
    pub service_account_ref: NameRef,
}

/// `ExternalSecret.spec`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExternalSecretSpec {
    /// How often the Secret is refreshed from the store.
    pub refresh_interval: &'static str,
    /// The store.
    pub secret_store_ref: StoreRef,
    /// The Secret made.
    pub target: Target,
    /// Store entries, each under a key the template reads (none when the template
    /// holds only literal text, as Kafka without credentials).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<EsData>,
}

/// `secretStoreRef`.
#[derive(Debug, Clone, Serialize)]
pub struct StoreRef {
    /// `SecretStore`.
    pub kind: &'static str,
    /// Its name.
    pub name: String,
}

/// `target`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Target {
    /// The Secret's name.
    pub name: String,
    /// `Owner`: the Secret goes with the ExternalSecret.
    pub creation_policy: &'static str,
    /// How its data is built, when it is not the store values as they are.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<Template>,
}

/// `target.template`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Template {
    /// `v2` (Sprig functions).
    pub engine_version: &'static str,
    /// The Secret's `type`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Key → Go template.
    pub data: Map<String, Json>,
}

/// One `data` item.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EsData {
    /// The name templates read it by.
    pub secret_key: String,
    /// Where it is in the store.
    pub remote_ref: RemoteRef,
}

/// `remoteRef`.
#[derive(Debug, Clone, Serialize)]
pub struct RemoteRef {
    /// The store entry.
    pub key: String,
    /// Vault: the field of the entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub property: Option<String>,
}

/// Literal text inside a Go template: `{{` would open an action, so it is written
/// as an action printing `{{`.
pub fn template_text(s: &str) -> String {
    s.replace("{{", "{{ \"{{\" }}")
}

/// One field of a JSON object assembled by a template.
enum Field<'a> {
    /// A JSON string known now (not secret).
    Lit(&'a str),
    /// A store value, by its `secretKey`.
    Store(&'a str),
    /// Raw template text producing a JSON value.
    Raw(String),
}

/// A Go template that prints a JSON object: literal parts JSON-encoded by serde_json,
/// store values through `toJson`.
fn json_object(fields: &[(&str, Field<'_>)]) -> String {
    let mut out = String::from("{");
    for (i, (k, v)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&template_text(&serde_json::to_string(k).expect("json")));
        out.push(':');
        match v {
            Field::Lit(s) => out.push_str(&template_text(&serde_json::to_string(s).expect("json"))),
            Field::Store(key) => out.push_str(&format!("{{{{ .{key} | toJson }}}}")),
            Field::Raw(t) => out.push_str(t),
        }
    }
    out.push('}');
    out
}

/// The entries and templates: which store keys each Secret reads.
#[derive(Debug, Clone)]
pub struct Plan {
    /// What the seed puts into the store.
    pub entries: Vec<StoreEntry>,
    /// The ExternalSecrets, with the stage each belongs to.
    pub externals: Vec<(Stage, Object<Spec<ExternalSecretSpec>>)>,
}

/// The store-key prefix: `store.prefix`, else the release (if safe), else `ixn`.
fn prefix(t: &GitView) -> String {
    let p = t.cfg.deploy.store.prefix.trim();
    if p.is_empty() {
        t.name.clone()
    } else {
        p.to_string()
    }
}

/// The name of the tenant's SecretStore.
pub fn store_name(t: &GitView) -> String {
    format!("{}-secrets", t.name)
}

/// The bootstrap Secret's name (admin and owner passwords for the Job).
pub fn bootstrap_secret(t: &GitView) -> String {
    format!("{}-db-bootstrap", t.name)
}

struct Builder<'t> {
    t: &'t GitView,
    entries: Vec<StoreEntry>,
}

impl Builder<'_> {
    /// The store entry `suffix` holding `value` (added once), as a `data` item.
    fn entry(&mut self, secret_key: &str, suffix: &str, value: &str, what: &str) -> EsData {
        self.entry_at(&prefix(self.t), secret_key, suffix, value, what)
    }

    /// The store entry of a value of the namespace's shared Secrets: in a batch, one
    /// entry for the namespace (`<namespace>-shared-…`), which every tenant there shares.
    fn shared_entry(&mut self, secret_key: &str, suffix: &str, value: &str, what: &str) -> EsData {
        let p = if self.t.batch { format!("{}-shared", self.t.namespace) } else { prefix(self.t) };
        self.entry_at(&p, secret_key, suffix, value, what)
    }

    fn entry_at(&mut self, prefix: &str, secret_key: &str, suffix: &str, value: &str, what: &str) -> EsData {
        let vault = self.t.cfg.deploy.store.kind == SecretStoreKind::Vault;
        let key = if vault { format!("{prefix}/{suffix}") } else { format!("{prefix}-{suffix}") };
        if !self.entries.iter().any(|e| e.key == key) {
            self.entries.push(StoreEntry { key: key.clone(), value: value.into(), what: what.into() });
        }
        EsData {
            secret_key: secret_key.into(),
            remote_ref: RemoteRef { key, property: vault.then(|| "value".to_string()) },
        }
    }

    fn external(
        &self,
        secret: &str,
        template: Option<Template>,
        data: Vec<EsData>,
    ) -> Object<Spec<ExternalSecretSpec>> {
        Object {
            api_version: API,
            kind: "ExternalSecret",
            metadata: Meta::named(secret, &self.t.namespace),
            body: Spec {
                spec: ExternalSecretSpec {
                    refresh_interval: "1h",
                    secret_store_ref: StoreRef { kind: "SecretStore", name: store_name(self.t) },
                    target: Target { name: secret.into(), creation_policy: "Owner", template },
                    data,
                },
            },
        }
    }
}

fn template(kind: &'static str, data: &[(&str, String)]) -> Option<Template> {
    let mut map = Map::new();
    for (k, v) in data {
        map.insert((*k).into(), Json::String(v.clone()));
    }
    Some(Template { engine_version: "v2", kind, data: map })
}

/// The store entries and ExternalSecrets for the tenant's Secrets.
pub fn plan(t: &GitView) -> Plan {
    let d = &t.cfg.deploy;
    let mut b = Builder { t, entries: Vec::new() };
    let mut externals = Vec::new();
    // Another row of the batch declares the namespace's shared Secrets it declares first.
    for spec in t.specs.iter().filter(|s| t.declared_by(&s.name).is_none()) {
        let es = if spec.kind == "kubernetes.io/dockerconfigjson" {
            let pw =
                b.shared_entry("password", "registry-password", &d.registry_password, "the image registry password");
            let server = secrets::registry_server(&t.cfg);
            let user = serde_json::to_string(&d.registry_username).expect("json");
            let mut entry =
                vec![("username", Field::Lit(&d.registry_username)), ("password", Field::Store("password"))];
            if !d.registry_email.is_empty() {
                entry.push(("email", Field::Lit(&d.registry_email)));
            }
            // `user` is a JSON string, which is also a Go string literal of the same text.
            entry.push(("auth", Field::Raw(format!("{{{{ printf \"%s:%s\" {user} .password | b64enc | toJson }}}}"))));
            let auths = json_object(&[(server.as_str(), Field::Raw(json_object(&entry)))]);
            let tpl = json_object(&[("auths", Field::Raw(auths))]);
            b.external(&spec.name, template("kubernetes.io/dockerconfigjson", &[(".dockerconfigjson", tpl)]), vec![pw])
        } else if spec.name == REDIS_SECRET {
            let pw = b.shared_entry("password", "redis-password", &d.redis_password, "the Redis password");
            // The non-secret fields as the Script mode's JSON has them.
            let full: Json = serde_json::from_str(&secrets::redis_json(&t.cfg)).expect("json");
            let s = |k: &str| full[k].as_str().unwrap_or_default().to_string();
            let (port, reject, server) = (s("port"), s("rejectUnauthorized"), s("servername"));
            let tpl = json_object(&[
                ("password", Field::Store("password")),
                ("port", Field::Lit(&port)),
                ("rejectUnauthorized", Field::Lit(&reject)),
                ("servername", Field::Lit(&server)),
            ]);
            b.external(REDIS_SECRET, template("Opaque", &[(REDIS_KEY, tpl)]), vec![pw])
        } else if spec.name == KAFKA_SECRET {
            // Every field from the store (a template alone would make a Secret with
            // nothing from it): the bootstrap servers too, so that there is always one.
            let (mut fields, mut data) = (Vec::new(), Vec::new());
            if !d.kafka_bootstrap.is_empty() {
                data.push(b.entry("bootstrap", "kafka-bootstrap", &d.kafka_bootstrap, "the Kafka bootstrap servers"));
                fields.push(("bootstrap", Field::Store("bootstrap")));
            } else {
                fields.push(("bootstrap", Field::Lit("")));
            }
            if !d.kafka_username.is_empty() {
                data.push(b.entry("username", "kafka-username", &d.kafka_username, "the Kafka user name"));
                fields.push(("username", Field::Store("username")));
            }
            if !d.kafka_password.is_empty() {
                data.push(b.shared_entry("password", "kafka-password", &d.kafka_password, "the Kafka password"));
                fields.push(("password", Field::Store("password")));
            }
            b.external(KAFKA_SECRET, template("Opaque", &[(KAFKA_KEY, json_object(&fields))]), data)
        } else {
            // A DB secret: username and password, as the chart reads them.
            let user = spec.data.iter().find(|(k, _)| k == "username").map(|(_, v)| v.as_str()).unwrap_or_default();
            let pw = spec.data.iter().find(|(k, _)| k == "password").map(|(_, v)| v.as_str()).unwrap_or_default();
            let item = if pw == d.db_owner_password {
                b.entry("password", "db-owner-password", pw, "the IXN database owner's password")
            } else {
                let suffix = format!("{}-password", spec.name);
                b.entry("password", &suffix, pw, "a database secret's password")
            };
            b.external(
                &spec.name,
                template("Opaque", &[("username", template_text(user)), ("password", "{{ .password }}".into())]),
                vec![item],
            )
        };
        externals.push((Stage::Secret, es));
    }
    if d.db_bootstrap {
        let admin = b.entry("PGPASSWORD", "db-admin-password", &d.db_admin_password, "the PostgreSQL admin password");
        let owner = b.entry(
            "IXN_OWNER_PASSWORD",
            "db-owner-password",
            &d.db_owner_password,
            "the IXN database owner's password",
        );
        let es = b.external(&bootstrap_secret(t), None, vec![admin, owner]);
        externals.push((Stage::BootstrapSecret, es));
    }
    Plan { entries: b.entries, externals }
}

/// The tenant's SecretStore, named `name`.
pub fn secret_store(t: &GitView, name: &str) -> Object<Spec<SecretStoreSpec>> {
    let d = &t.cfg.deploy;
    let sa = NameRef { name: d.store.service_account.clone() };
    let provider = match d.store.kind {
        SecretStoreKind::GcpSecretManager => Provider {
            gcpsm: Some(Gcpsm {
                project_id: if d.store.gcp_project.is_empty() {
                    d.gke_project.clone()
                } else {
                    d.store.gcp_project.clone()
                },
                auth: GcpAuth {
                    workload_identity: WorkloadIdentity {
                        cluster_location: d.gke_location.clone(),
                        cluster_name: d.gke_cluster.clone(),
                        cluster_project_id: d.gke_project.clone(),
                        service_account_ref: sa,
                    },
                },
            }),
            ..Provider::default()
        },
        SecretStoreKind::AzureKeyVault => Provider {
            azurekv: Some(AzureKv {
                auth_type: "WorkloadIdentity",
                vault_url: format!("https://{}.vault.azure.net", d.store.key_vault),
                service_account_ref: sa,
            }),
            ..Provider::default()
        },
        SecretStoreKind::Vault => Provider {
            vault: Some(VaultProvider {
                server: d.store.vault_server.clone(),
                path: d.store.vault_mount.clone(),
                version: "v2",
                auth: VaultAuth {
                    kubernetes: VaultKubernetes {
                        mount_path: d.store.vault_auth_mount.clone(),
                        role: d.store.vault_role.clone(),
                        service_account_ref: sa,
                    },
                },
            }),
            ..Provider::default()
        },
    };
    Object {
        api_version: API,
        kind: "SecretStore",
        metadata: Meta::named(name, &t.namespace),
        body: Spec { spec: SecretStoreSpec { provider } },
    }
}

/// The project of the secrets in Google Secret Manager: `store.gcpProject`, else the
/// GKE project.
pub fn gcp_project(t: &GitView) -> &str {
    let d = &t.cfg.deploy;
    if d.store.gcp_project.is_empty() {
        &d.gke_project
    } else {
        &d.store.gcp_project
    }
}

/// The Google service account GKE workload identity binds the store's Kubernetes
/// service account to: the same name, in the secrets' project.
pub fn google_service_account(t: &GitView) -> String {
    format!("{}@{}.iam.gserviceaccount.com", t.cfg.deploy.store.service_account, gcp_project(t))
}

/// The Kubernetes service account the SecretStore authenticates as: on GKE annotated
/// with its Google service account (workload identity); on AKS the seed script adds
/// the managed identity's client ID, which only exists once it has made it.
pub fn service_account(t: &GitView) -> Object<super::kube::Empty> {
    let mut metadata = Meta::named(&t.cfg.deploy.store.service_account, &t.namespace);
    if t.cfg.deploy.store.kind == SecretStoreKind::GcpSecretManager {
        metadata = metadata.annotate("iam.gke.io/gcp-service-account", &google_service_account(t));
    }
    Object { api_version: "v1", kind: "ServiceAccount", metadata, body: super::kube::Empty {} }
}

/// The store's service account, the SecretStore and every ExternalSecret, as manifests.
pub fn manifests(t: &GitView) -> Vec<Manifest> {
    let mut out = vec![Manifest::of(
        Stage::Store,
        "service-account.yaml".into(),
        "the service account the SecretStore authenticates as".into(),
        &service_account(t),
    )];
    out.push(Manifest::of(
        Stage::Store,
        "secret-store.yaml".into(),
        "the SecretStore External Secrets reads".into(),
        &secret_store(t, &store_name(t)),
    ));
    for (i, (stage, es)) in plan(t).externals.iter().enumerate() {
        let name = &es.metadata.name;
        out.push(Manifest::of(
            *stage,
            super::file_name("external-secret-", name, i),
            format!("ExternalSecret: makes the Secret {name} from the store"),
            es,
        ));
    }
    out
}
