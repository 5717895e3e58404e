//! Prints every artifact for the guide's sample: `cargo run -p ixn-core --example dump`.
use ixn_core::artifacts::artifacts;
use ixn_core::generate::values_yaml::{Form, ValuesOptions};
use ixn_core::model::Config;

fn main() {
    let full = std::env::args().any(|a| a == "--full");
    let cfg = Config::guide_sample();
    let a = artifacts(
        &cfg,
        ValuesOptions { form: if full { Form::Full } else { Form::Minimal }, comments: full, schema_line: false },
    );
    println!("{}", a.commands.script());
    println!("---- secrets\n{}", a.secret_manifests);
}
