//! YAML as Helm reads it: a tree, a 1.1-aware reader, and a writer whose scalars mean
//! the same to YAML 1.1 and 1.2 readers.

mod comments;
mod emit;
mod node;
mod places;
mod read;
mod read_error;
mod resolve;
mod scalar;
mod web_space;

pub use comments::{key_comments, KeyComments};
pub use emit::{is_placeholder, to_yaml, EmitOptions};
pub use node::{Entry, Node, TreeBuilder};
pub use places::{key_places, Place};
pub(crate) use read::resolve_plain;
pub use read::{read_yaml, Limits};
pub use read_error::ReadError;
pub use resolve::{is_decimal_number, resolve_yaml11, resolve_yaml12, Resolved};
pub use scalar::{double_quoted, is_plain_safe, scalar};
