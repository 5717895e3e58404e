//! UI components, one folder each.

pub mod context_field;
pub mod preview;
pub mod value_field;
