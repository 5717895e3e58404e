//! The user's own chart version: its keys the registry does not know, the diffs an
//! admin reads before `helm upgrade`, and the `values.schema.json` of the IXN values.
//!
//! The chart's values file itself is read by [`crate::model::Baseline`] (the model
//! works against it); this module compares and describes.

pub mod compare;
pub mod diff;
pub mod other_keys;
pub mod schema;

pub use compare::{
    against_defaults, against_deployed, against_next, compared_values, defaults_tree, Against, Note, Report,
};
pub use diff::{coalesce, diff, inline, within, Change, ChangeKind, Piece, MASK};
pub use other_keys::{other_keys, ChartKey, TypedTextError, YamlType};
pub use schema::{values_schema, values_schema_text, SCHEMA_FILE, VALUES_SCHEMA};
