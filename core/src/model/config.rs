//! One tenant's whole configuration: its values and its deployment context.

use super::context::Deployment;
use super::values::Values;
use crate::registry::keys;

/// Everything the user answered for one IXN tenant. Every artifact is a pure function
/// of this.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The Helm values the user set.
    pub values: Values,
    /// Where and how to deploy.
    pub deploy: Deployment,
    /// Keys from imported files that the registry does not know, kept verbatim and
    /// written back into the values file.
    pub unknown: Vec<UnknownKey>,
    /// The chart values it works against (the user's own chart version, or the guide's).
    pub chart: super::baseline::ChartValues,
}

/// A key the registry does not know, with its whole subtree.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownKey {
    /// Path segments from the root (segments, not a dotted string: keys may hold dots).
    pub path: Vec<String>,
    /// The value as read.
    pub value: crate::yaml::Node,
}

impl UnknownKey {
    /// The path written with dots, for messages.
    pub fn dotted(&self) -> String {
        self.path.join(".")
    }
}

/// The release name: `deploy.release`, else `ixn-<sid>`.
pub fn release_name(cfg: &Config) -> String {
    if !cfg.deploy.release.trim().is_empty() {
        return cfg.deploy.release.clone();
    }
    match cfg.values.get(keys::TENANT_SID) {
        Some(crate::model::Value::Str(s)) if !s.trim().is_empty() => format!("ixn-{}", s.trim()),
        _ => "ixn-<sid>".into(),
    }
}
