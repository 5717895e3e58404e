//! Findings about a configuration, each tied to the field that causes it.

mod chart;
mod gitops;
mod rules;

// The name rules live in the model (generators need them too); kept here for callers.
pub use crate::model::{is_uuid, not_dns1123_label, not_dns1123_subdomain};
// Where a finding points lives in the model: the map's connections link to fields too.
pub use crate::model::{Location, Part};
pub use rules::validate;

use crate::model::{Config, Effective};
use crate::wording::count;
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

impl Severity {
    /// As messages and files say it: `error` or `warning`.
    pub fn word(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The field: a values key (`tenant.sid`), a row of one
    /// (`ixnService.ixnNode.redis[0].host`), a context field (`deploy.namespace`) or a
    /// key of the user's chart. It serializes as that text.
    pub path: Location,
    /// Error or warning.
    pub severity: Severity,
    /// A sentence a person understands.
    pub message: String,
}

impl Finding {
    /// An error at `path`.
    pub fn error(path: impl Into<Location>, message: impl Into<String>) -> Finding {
        Finding { path: path.into(), severity: Severity::Error, message: message.into() }
    }

    /// A warning at `path`.
    pub fn warning(path: impl Into<Location>, message: impl Into<String>) -> Finding {
        Finding { path: path.into(), severity: Severity::Warning, message: message.into() }
    }
}

/// Every finding the portal shows for `cfg`: what `check` prints and a batch row holds.
pub fn findings(cfg: &Config) -> Vec<Finding> {
    findings_given(cfg, &Effective::real(cfg))
}

/// [`findings`], given `real`, the effective values with real text in place of
/// placeholders (`Effective::real(cfg)`, which the portal has already).
pub fn findings_given(cfg: &Config, real: &Effective) -> Vec<Finding> {
    // In placeholder mode the check reads the values as the artifacts see them: they
    // carry the exports it checks. Otherwise they are the real ones.
    if cfg.deploy.placeholders {
        validate(cfg, &Effective::of(cfg))
    } else {
        validate(cfg, real)
    }
}

/// How many errors and warnings some findings hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    /// Findings of [`Severity::Error`].
    pub errors: usize,
    /// Findings of [`Severity::Warning`].
    pub warnings: usize,
}

impl Tally {
    /// Counts `findings`.
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Tally {
        let mut t = Tally::default();
        for f in findings {
            match f.severity {
                Severity::Error => t.errors += 1,
                Severity::Warning => t.warnings += 1,
            }
        }
        t
    }

    /// `5 errors, 1 warning`.
    pub fn summary(&self) -> String {
        format!("{}, {}", count(self.errors, "error"), count(self.warnings, "warning"))
    }
}

#[cfg(test)]
mod tests {
    use super::{Finding, Tally};
    use crate::registry::keys;

    #[test]
    fn a_tally_counts_each_severity_and_says_it_in_good_english() {
        let fs = [
            Finding::error(keys::TENANT_ID, "x"),
            Finding::error(keys::TENANT_SID, "y"),
            Finding::warning(keys::REPLICA_COUNT, "z"),
        ];
        let t = Tally::of(&fs);
        assert_eq!(t, Tally { errors: 2, warnings: 1 });
        assert_eq!(t.summary(), "2 errors, 1 warning");
        assert_eq!(Tally::of(&[]).summary(), "0 errors, 0 warnings");
    }
}
