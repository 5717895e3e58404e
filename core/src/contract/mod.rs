//! The contract between the portal's model and the chart: given a configuration and the
//! Kubernetes objects the chart rendered (or the cluster runs), the findings where the
//! objects contradict the model (errors) or hold what the model does not describe
//! (warnings), in the portal's own form: a typed location, a severity, a sentence.
//!
//! Each clause is one row of [`CLAUSES`]: what it reads from the model, what it looks for
//! in the objects, and the field a finding points at. A Secret's data is dropped as the
//! stream is read ([`stream`]), so no finding can ever show it.

mod clauses;
mod look;
mod running;
pub mod stream;

pub use clauses::{Clause, Look, Want, CLAUSES};
pub use look::Workload;
pub use running::not_ready;
pub use stream::{read_stream, Object, StreamError};

use crate::generate::gitops::delivery_answers;
use crate::generate::secrets::secret_specs;
use crate::model::{release_name, Config, Effective};
use crate::validate::Finding;

/// What the contract knows of the model: the configuration, its effective values (real
/// text, not placeholders: the objects hold what envsubst made), and the release.
pub struct Model {
    /// The answers the delivery is made from (in a Git delivery the DB Secrets are made
    /// outside the chart, and the values are real).
    pub cfg: Config,
    /// Its effective values, with real text in place of placeholders.
    pub real: Effective,
    /// The release name (`ixn-<sid>`).
    pub release: String,
    /// Every Secret the portal's commands, manifests or ExternalSecrets make: name and
    /// key names (never their values).
    pub made_secrets: Vec<(String, Vec<String>)>,
}

impl Model {
    /// The model of `cfg`, as its delivery mode makes it.
    pub fn of(cfg: &Config) -> Model {
        let cfg = delivery_answers(cfg).into_owned();
        let real = Effective::real(&cfg);
        // Only the names: a Secret's values never enter the contract.
        let made_secrets = secret_specs(&cfg, &real)
            .into_iter()
            .map(|s| (s.name, s.data.into_iter().map(|(k, _)| k).collect()))
            .collect();
        let release = release_name(&cfg);
        Model { cfg, real, release, made_secrets }
    }
}

/// Every finding of the contract for `cfg` over `objects`, clause by clause in table
/// order, without repeats.
pub fn check_objects(cfg: &Config, objects: &[Object]) -> Vec<Finding> {
    let model = Model::of(cfg);
    let view = look::View::new(&model, objects);
    let mut out: Vec<Finding> = Vec::new();
    for clause in CLAUSES {
        for f in clause.run(&model, &view) {
            if !out.contains(&f) {
                out.push(f);
            }
        }
    }
    out
}

/// Reads `stream` and checks it: [`read_stream`] then [`check_objects`].
pub fn check_stream(cfg: &Config, stream: &str) -> Result<Vec<Finding>, StreamError> {
    Ok(check_objects(cfg, &read_stream(stream)?))
}

/// The field a finding's text names (`tenant.sid`, `ixnService.ixnNode.redis[0].host`,
/// `deploy.namespace`), as a [`Location`]: how a face that got findings as JSON (the
/// portal, from its worker) puts them back at their fields. Text that names no field of
/// the registry or the context is a key of the user's chart.
pub fn location_named(text: &str) -> crate::model::Location {
    use crate::model::{context_field, Location, Part};
    if let Some(k) = crate::registry::key(text) {
        return Location::Key(k);
    }
    if let Some(c) = context_field(text) {
        return Location::Context(c);
    }
    let item = text.split_once('[').and_then(|(key, rest)| {
        let (i, part) = rest.split_once("].")?;
        let part = match part {
            "host" => Part::Host,
            "port" => Part::Port,
            _ => return None,
        };
        Some(Location::Item { key: crate::registry::key(key)?, index: i.parse().ok()?, part })
    });
    item.unwrap_or_else(|| Location::ChartKey(text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::location_named;

    #[test]
    fn a_findings_text_names_its_field_again() {
        for t in ["tenant.sid", "ixnService.ixnNode.redis[2].port", "deploy.verifyChart", "extraEnv"] {
            assert_eq!(location_named(t).to_string(), t);
        }
        assert!(matches!(location_named("ixnService.ixnNode.redis[0].host"), crate::model::Location::Item { .. }));
        assert!(matches!(location_named("extraEnv"), crate::model::Location::ChartKey(_)));
    }
}
