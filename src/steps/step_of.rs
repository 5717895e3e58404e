//! Which wizard step a field is on.

use ixn_core::model::context_field;
use ixn_core::registry::{key, Step};

/// The step a finding's field is on.
pub fn step_of(path: &str) -> Step {
    let base = path.split('[').next().unwrap_or(path);
    key(base).map(|k| k.step).or_else(|| context_field(base).map(|c| c.step)).unwrap_or(Step::Review)
}
