//! Findings about a configuration, each tied to the field that causes it.

mod names;
mod rules;

pub use names::{dns1123_label, dns1123_subdomain, is_uuid};
pub use rules::validate;

use serde::Serialize;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The deployment will not work, or the output would be wrong.
    Error,
    /// Allowed, but probably not what you want.
    Warning,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The field: a values key (`tenant.sid`, `ixnService.ixnNode.redis[0].host`) or a
    /// context field (`deploy.namespace`).
    pub path: String,
    /// Error or warning.
    pub severity: Severity,
    /// A sentence a person understands.
    pub message: String,
}

impl Finding {
    /// An error at `path`.
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding { path: path.into(), severity: Severity::Error, message: message.into() }
    }

    /// A warning at `path`.
    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding { path: path.into(), severity: Severity::Warning, message: message.into() }
    }
}
