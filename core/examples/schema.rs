//! Writes the values.schema.json the registry makes, to keep the committed copy in step:
//! `cargo run -p ixn-core --example schema > core/src/chart/values.schema.json`.

fn main() {
    print!("{}", ixn_core::chart::values_schema_text());
}
