//! One tenant's whole configuration: its values and its deployment context.

use super::context::Deployment;
use super::values::Values;

/// Everything the user answered for one IXN tenant. Every artifact is a pure function
/// of this.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The Helm values the user set.
    pub values: Values,
    /// Where and how to deploy.
    pub deploy: Deployment,
}
