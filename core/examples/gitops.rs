//! Prints a Git delivery mode's files for the guide's sample (secrets set to `S3cret`):
//! `cargo run -p ixn-core --example gitops -- [argocd|flux|genesys] [kubectl|external-secrets] [gcp-secret-manager|azure-key-vault|vault]`.

use ixn_core::generate::{gitops, values_yaml::ValuesOptions};
use ixn_core::model::context_field;

#[path = "../tests/common/tenant.rs"]
mod tenant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut cfg = tenant::every_secret_set();
    cfg.deploy.chart_repo_url = "https://charts.example.com/genesys".into();
    cfg.deploy.argocd.repo_url = "https://git.example.com/ixn.git".into();
    for (name, v) in ["deploy.delivery", "deploy.secretsFrom", "deploy.secretStore"].iter().zip(&args) {
        (context_field(name).expect("a context field").set)(&mut cfg.deploy, v);
    }
    let Some(tree) = ixn_core::delivery::tree(&cfg, ValuesOptions::default()) else {
        eprintln!("Script mode: see the dump example");
        return;
    };
    for f in &tree.files {
        println!("==== {}\n{}", f.path, f.text);
    }
    println!("==== {} (kept out of Git)\n{}", gitops::SEED_FILE, tree.seed);
}
