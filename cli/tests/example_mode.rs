//! The test-only fifth delivery mode (cargo feature `example-mode`, which only this
//! test enables: `cargo test -p ixn-portal-cli --features example-mode --test
//! example_mode`). The mode is its variant of `Delivery` with its form
//! (core/src/model/delivery.rs), one module (core/src/delivery/example.rs) and one row
//! of `MODES`; the form, the validation, the batch and the command line pick it up
//! without naming it.
#![cfg(feature = "example-mode")]

use ixn_core::batch::{Batch, Tenants};
use ixn_core::model::{context_field, ctx, ChartSource, Delivery, Location};
use ixn_core::registry::FieldKind;
use ixn_core::validate::{findings, Severity};
use std::path::Path;
use std::process::Command;

/// A golden Flux profile (a complete tenant) switched to the fifth mode.
fn profile(name: &str) -> String {
    let path = format!("{}/tests/golden/inputs/{name}", env!("CARGO_MANIFEST_DIR"));
    let mut json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    json["deploy"]["delivery"] = "example".into();
    json["deploy"]["gitPath"] = "tenants/a".into();
    json.to_string()
}

fn files_under(dir: &Path, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p.to_string_lossy().replace('\\', "/"));
        }
    }
}

fn ixn_portal(dir: &Path, args: &[&str]) {
    let o = Command::new(env!("CARGO_BIN_EXE_ixn-portal")).current_dir(dir).args(args).output().unwrap();
    assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn the_form_validation_batch_and_command_line_pick_up_the_fifth_mode() {
    // The form: the delivery field offers it, and it shows the fields its form lists.
    let FieldKind::Select(choices) = context_field("deploy.delivery").unwrap().kind else { panic!("a select") };
    assert_eq!(choices.last(), Some(&("example", "Example (test only): the values file in Git")));
    assert!(ixn_core::delivery::TAB_CHOICES.contains(&(Delivery::Example, "Example")));
    let cfg = ixn_core::profile::load(&profile("sample-flux-kubectl.json")).unwrap();
    let d = &cfg.deploy;
    assert_eq!(d.delivery, Delivery::Example);
    for (field, shown) in [
        (ctx::GITOPS_PATH, true),
        (ctx::DEPLOY_SECRETS_FROM, true),
        (ctx::GITOPS_REPO_URL, false),
        (ctx::FLUX_SOURCE, false),
        (ctx::DEPLOY_VERIFY_CHART, false),
    ] {
        assert_eq!(field.applies_to(d), shown, "{}", field.name);
    }

    // Validation: what the form says it needs and pulls.
    let errors = |c: &ixn_core::model::Config| -> Vec<(Location, String)> {
        findings(c).into_iter().filter(|f| f.severity == Severity::Error).map(|f| (f.path, f.message)).collect()
    };
    assert_eq!(errors(&cfg), []);
    let mut bad = cfg.clone();
    bad.deploy.git.path.clear();
    bad.deploy.chart_source = ChartSource::Local;
    let errs = errors(&bad);
    assert!(
        errs.contains(&(ctx::GITOPS_PATH.into(), "Enter the folder of the tenant's values file.".into())),
        "{errs:?}"
    );
    assert!(errs.iter().any(|(at, _)| *at == Location::from(ctx::DEPLOY_CHART_SOURCE)), "{errs:?}");

    // The batch: its rows and the files every Git mode writes beside them.
    let base = ixn_core::profile::load(&profile("sample-flux-kubectl.batch.json")).unwrap();
    let tenants = "tenant.sid,deploy.namespace,gitops.path\n101,t-101,tenants/101\n102,t-102,tenants/102\n";
    let b = Batch::new(base, Tenants::parse("t.csv", tenants).unwrap());
    let reports = b.check();
    assert!(reports.iter().all(|r| !r.failed()), "{:?}", reports.iter().map(|r| &r.findings).collect::<Vec<_>>());
    let files = ixn_core::batch::render::all(&b, &reports, Default::default(), &|_| {}).unwrap();
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "git/tenants/101/override_values.yaml",
            "git/tenants/102/override_values.yaml",
            "seed-secret-store.sh",
            "tenants.csv"
        ]
    );

    // The command line: `render` and `batch` from the profile's deploy.delivery.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("p.json"), profile("sample-flux-kubectl.json")).unwrap();
    std::fs::write(dir.join("b.json"), profile("sample-flux-kubectl.batch.json")).unwrap();
    std::fs::write(dir.join("t.csv"), tenants).unwrap();
    ixn_portal(dir, &["render", "p.json", "--out", "out", "-q"]);
    ixn_portal(dir, &["batch", "--base", "b.json", "--tenants", "t.csv", "--out", "b", "-q"]);
    let mut out = Vec::new();
    files_under(&dir.join("out"), &mut out);
    assert!(out.iter().any(|f| f.ends_with("/git/tenants/a/override_values.yaml")), "{out:?}");
    assert!(out.iter().any(|f| f.ends_with("/seed-secret-store.sh")), "{out:?}");
    let mut batch = Vec::new();
    files_under(&dir.join("b"), &mut batch);
    let root = dir.join("b").to_string_lossy().replace('\\', "/");
    let mut rel: Vec<String> = batch.iter().map(|f| f.trim_start_matches(&root).to_string()).collect();
    rel.sort();
    assert_eq!(
        rel,
        [
            "/git/tenants/101/override_values.yaml",
            "/git/tenants/102/override_values.yaml",
            "/seed-secret-store.sh",
            "/tenants.csv"
        ]
    );
}
