//! The portal's pure functions: no browser, no signals. They live beside the components
//! that use them (`#[path]`), the app takes them from this library, and `tests/` tests
//! them natively.

#[path = "components/io_panel/documents.rs"]
pub mod documents;
/// The highlighter, a crate of its own because the worker uses it too.
pub use ixn_highlight as highlight;
#[path = "components/arch_map/layout.rs"]
pub mod layout;
#[path = "steps/step_of.rs"]
pub mod step_of;
