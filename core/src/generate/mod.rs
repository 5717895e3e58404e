//! The generators of the install artifacts, each a pure, deterministic function of the
//! model. [`crate::artifacts`] assembles them with the operations runbook.

pub mod archive;
pub mod commands;
pub mod gitops;
pub mod helm;
pub mod secrets;
pub mod shell;
pub mod sizing;
pub mod sql;
pub mod topology;
pub mod values_yaml;
