//! The IXN deployment model, its validation and every artifact the portal generates.
//!
//! Pure Rust with no browser imports, so that it is exact, fast and tested natively.
//! - [`registry`]: the declarative table of every Helm values key; everything reads it.
//! - [`model`]: typed values ([`model::Values`]) and the deployment context.
//! - [`validate`]: findings a person can act on.
//! - [`generate`]: `override_values.yaml`, commands, secrets, topology and sizing.
//! - [`yaml`]: reading and writing YAML exactly as Helm reads it.
//! - [`batch`]: many tenants from one base profile and a tenants file.
//! - [`wording`]: how messages say counts.

pub mod yaml;
pub mod model;
pub mod operations;
pub mod profile;
pub mod registry;
pub mod generate;
pub mod import;
pub mod validate;
pub mod batch;
pub mod wording;
