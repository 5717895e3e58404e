//! UI components, one folder each. They bind signals to the core and nothing more.

pub mod arch_map;
pub mod changes;
pub mod chart_check;
pub mod chart_values;
pub mod code_block;
pub mod consul_host;
pub mod context_field;
pub mod db_tls;
pub mod field_keys;
pub mod form;
pub mod gitops;
pub mod io_panel;
pub mod key_field;
pub mod kv_editor;
pub mod mounts;
pub mod notice;
pub mod operations;
pub mod previews;
pub mod pull_secrets;
pub mod redis_nodes;
pub mod resources;
pub mod tenants;
