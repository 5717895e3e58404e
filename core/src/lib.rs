//! The IXN deployment model, its validation and every artifact the portal generates.
//!
//! Pure Rust with no browser imports, so that it is exact, fast and tested natively.
//! Data flows one way: registry → model → validate / generate / operations →
//! artifacts → the faces (the portal, the command line).
//! - [`registry`]: the declarative table of every Helm values key, with a typed
//!   constant per key ([`registry::keys`]), each key's constraint
//!   ([`registry::Constraint`]) and the containers' resource keys; everything reads it.
//! - [`model`]: typed values ([`model::Values`]), the deployment context and its form
//!   fields ([`model::CONTEXT`], a typed constant per field in [`model::ctx`]), where a
//!   finding or a map link points ([`model::Location`]), presets, the derivations of
//!   `DERIVED` keys, the effective values, name rules.
//! - [`validate`]: findings a person can act on, each at a typed [`model::Location`].
//! - [`generate`]: `override_values.yaml`, commands, secrets, SQL, topology, sizing, tar.
//! - [`operations`]: preflight, verification, troubleshooting, lifecycle, monitoring.
//! - [`artifacts`]: everything the portal shows for one configuration, computed together.
//! - [`import`]: values files onto the model, in Helm's merge order.
//! - [`profile`]: the portal's own answers: storage, share links, profile files.
//! - [`protocol`]: the page ↔ worker requests and answers (serde types both share).
//! - [`yaml`]: reading and writing YAML exactly as Helm reads it.
//! - [`batch`]: many tenants from one base profile and a tenants file.
//! - [`contract`]: the rendered chart (or the running objects) checked against the model.
//! - [`chart`]: the user's own chart version: other chart keys, diffs, values.schema.json.
//! - [`delivery`]: the delivery modes, one module per mode, and their table.
//! - [`wording`]: how messages say counts.

// The shared test fixture (tests/common/tenant.rs) names the crate `ixn_core`, also
// when the unit tests read it.
#[cfg(test)]
extern crate self as ixn_core;

pub mod adopt;
pub mod artifacts;
pub mod batch;
pub mod chart;
pub mod contract;
pub mod delivery;
pub mod generate;
pub mod import;
pub mod model;
pub mod operations;
pub mod profile;
pub mod protocol;
pub mod registry;
pub mod validate;
pub mod wording;
pub mod yaml;
