//! Prints a Git delivery mode's files for the guide's sample (secrets set to `S3cret`):
//! `cargo run -p ixn-core --example gitops -- [argocd|flux|genesys] [kubectl|external-secrets] [gcp-secret-manager|azure-key-vault|vault]`.

use ixn_core::generate::{gitops, values_yaml::ValuesOptions};
use ixn_core::model::Config;
use ixn_core::registry::context_field;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut cfg = Config::guide_sample();
    cfg.deploy.placeholders = false;
    cfg.deploy.redis_password = "S3cret-redis".into();
    cfg.deploy.db_owner_password = "S3cret-owner".into();
    cfg.deploy.db_admin_password = "S3cret-admin".into();
    cfg.deploy.registry_password = "S3cret-registry".into();
    cfg.deploy.gitops_chart_repo = "https://charts.example.com/genesys".into();
    cfg.deploy.git_repo_url = "https://git.example.com/ixn.git".into();
    for (name, v) in ["deploy.delivery", "deploy.secretsFrom", "deploy.secretStore"].iter().zip(&args) {
        (context_field(name).expect("a context field").set)(&mut cfg.deploy, v);
    }
    let Some(tree) = gitops::tree(&cfg, ValuesOptions::default()) else {
        eprintln!("Script mode: see the dump example");
        return;
    };
    for f in &tree.files {
        println!("==== {}\n{}", f.path, f.text);
    }
    println!("==== {} (kept out of Git)\n{}", gitops::SEED_FILE, tree.seed);
}
