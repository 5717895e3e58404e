//! The Kubernetes object shapes the GitOps files share: metadata, and the core kinds
//! (Namespace, ConfigMap, Job) in the fields this portal writes, named as the API does.

use serde::Serialize;
use serde_json::{Map, Value as Json};

/// `metadata`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Meta {
    /// `name`.
    pub name: String,
    /// `namespace`, for namespaced kinds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// `labels`.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub labels: Map<String, Json>,
    /// `annotations`.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub annotations: Map<String, Json>,
}

impl Meta {
    /// A namespaced object's metadata.
    pub fn named(name: &str, namespace: &str) -> Meta {
        Meta { name: name.into(), namespace: Some(namespace.into()), ..Meta::default() }
    }

    /// With this annotation.
    pub fn annotate(mut self, key: &str, value: &str) -> Meta {
        self.annotations.insert(key.into(), Json::String(value.into()));
        self
    }
}

/// An object of any kind: `apiVersion`, `kind`, `metadata`, then the kind's own
/// fields (`spec`, `data`…).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Object<B: Serialize> {
    /// `apiVersion`.
    pub api_version: &'static str,
    /// `kind`.
    pub kind: &'static str,
    /// `metadata`.
    pub metadata: Meta,
    /// The rest.
    #[serde(flatten)]
    pub body: B,
}

/// A body that is only a `spec`.
#[derive(Debug, Clone, Serialize)]
pub struct Spec<S: Serialize> {
    /// `spec`.
    pub spec: S,
}

/// No body (a Namespace).
#[derive(Debug, Clone, Serialize)]
pub struct Empty {}

/// A Namespace, labelled `name: <ns>` as the guide's is.
pub fn namespace(ns: &str) -> Object<Empty> {
    let mut labels = Map::new();
    labels.insert("name".into(), Json::String(ns.into()));
    Object {
        api_version: "v1",
        kind: "Namespace",
        metadata: Meta { name: ns.into(), labels, ..Meta::default() },
        body: Empty {},
    }
}

/// A ConfigMap's `data`.
#[derive(Debug, Clone, Serialize)]
pub struct ConfigMapBody {
    /// `data`.
    pub data: Map<String, Json>,
}

/// `batch/v1` `JobSpec`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JobSpec {
    /// Retries before the Job fails.
    pub backoff_limit: u32,
    /// The pod.
    pub template: PodTemplate,
}

/// `PodTemplateSpec`.
#[derive(Debug, Clone, Serialize)]
pub struct PodTemplate {
    /// The pod's `spec`.
    pub spec: PodSpec,
}

/// `PodSpec`, the fields used here.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PodSpec {
    /// `Never` for a one-shot Job.
    pub restart_policy: &'static str,
    /// Pull secrets.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub image_pull_secrets: Vec<NameRef>,
    /// The containers.
    pub containers: Vec<Container>,
    /// The volumes.
    pub volumes: Vec<Volume>,
}

/// `{name}`, as `LocalObjectReference`.
#[derive(Debug, Clone, Serialize)]
pub struct NameRef {
    /// `name`.
    pub name: String,
}

/// `Container`, the fields used here.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Container {
    /// `name`.
    pub name: String,
    /// `image`.
    pub image: String,
    /// `command`.
    pub command: Vec<String>,
    /// `args`.
    pub args: Vec<String>,
    /// `env`.
    pub env: Vec<EnvVar>,
    /// `volumeMounts`.
    pub volume_mounts: Vec<VolumeMount>,
}

/// `EnvVar`: a literal value or a Secret key.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EnvVar {
    /// `name`.
    pub name: String,
    /// `value`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// `valueFrom`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_from: Option<EnvSource>,
}

impl EnvVar {
    /// A literal value.
    pub fn literal(name: &str, value: &str) -> EnvVar {
        EnvVar { name: name.into(), value: Some(value.into()), value_from: None }
    }

    /// A key of a Secret.
    pub fn secret(name: &str, secret: &str, key: &str) -> EnvVar {
        EnvVar {
            name: name.into(),
            value: None,
            value_from: Some(EnvSource { secret_key_ref: KeyRef { name: secret.into(), key: key.into() } }),
        }
    }
}

/// `EnvVarSource` with a `secretKeyRef`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EnvSource {
    /// `secretKeyRef`.
    pub secret_key_ref: KeyRef,
}

/// `{name, key}`.
#[derive(Debug, Clone, Serialize)]
pub struct KeyRef {
    /// The Secret.
    pub name: String,
    /// Its key.
    pub key: String,
}

/// `VolumeMount`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VolumeMount {
    /// `name`.
    pub name: String,
    /// `mountPath`.
    pub mount_path: String,
    /// `readOnly`.
    pub read_only: bool,
}

/// `Volume` from a ConfigMap.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Volume {
    /// `name`.
    pub name: String,
    /// `configMap`.
    pub config_map: NameRef,
}
