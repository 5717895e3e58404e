//! `ixn-portal adopt` end to end: forty Genesys tenants written as a base, a tenants
//! file and values files with the proof; a tenant that does not reproduce exits 1 and
//! names its paths; hostile sources exit 2 at their place and write nothing.

/// What the shared support needs of the core tests' helpers (which need proptest).
mod common {
    /// A file of `../shared`, or `None` with a message (a plain clone has none).
    pub fn shared(rel: &str) -> Option<String> {
        let p = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared").join(rel);
        match std::fs::read_to_string(&p) {
            Ok(t) => Some(t),
            Err(e) if std::env::var("CI").as_deref() == Ok("true") => panic!("{}: {e}", p.display()),
            Err(e) => {
                eprintln!("skipped: {} is not readable ({e})", p.display());
                None
            }
        }
    }

    /// A fresh, empty temporary folder.
    pub fn temp_dir(tag: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("ixn-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}
#[path = "../../core/tests/adopt_support/mod.rs"]
mod support;
#[path = "../../core/tests/common/tenant.rs"]
mod tenant;

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str], dir: &Path) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ixn-portal"));
    c.env_clear().env("PATH", std::env::var_os("PATH").unwrap_or_default());
    c.args(args).current_dir(dir).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn forty_genesys_tenants_are_adopted_with_the_proof_and_the_report() {
    let Some(p) = support::published() else { return };
    let dir = common::temp_dir("cli-adopt");
    support::write_all(&dir.join("repo"), &support::genesys(&p, 40));
    let o = run(&["adopt", "repo", "--out", "adopted"], &dir);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("40 of 40 tenants reproduce exactly"), "{err}");
    assert!(err.contains("ixn-107 (sid 107): ixnService.ixnServer.secrets.db.password"), "{err}");
    assert!(err.contains("Chart versions: 100.0.008+02 (40 tenants)"), "{err}");
    let out = dir.join("adopted");
    for f in ["base.yaml", "tenants.csv", "adopt-report.txt", "values/ixn-101.yaml", "values/custom-110.yaml"] {
        assert!(out.join(f).is_file(), "{f} is missing");
    }
    // No file holds the credential; the report is what was said.
    for e in walk(&out) {
        let text = std::fs::read_to_string(&e).unwrap();
        assert!(!text.contains("s3cr3t"), "{} holds the credential", e.display());
    }
    let report = std::fs::read_to_string(out.join("adopt-report.txt")).unwrap();
    assert!(report.contains("40 of 40 tenants reproduce exactly"));
    // The tenants file is one batch reads: every row names its values file, which it finds.
    let tenants = std::fs::read_to_string(out.join("tenants.csv")).unwrap();
    assert_eq!(tenants.lines().count(), 42, "{tenants}");
    // A second run to the same folder is refused without --force, and allowed with it.
    let o = run(&["adopt", "repo", "--out", "adopted"], &dir);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = run(&["adopt", "repo", "--out", "adopted", "--force", "--quiet"], &dir);
    assert!(o.status.success(), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn a_tenant_that_does_not_reproduce_exits_1_and_names_its_paths() {
    let Some(p) = support::published() else { return };
    let dir = common::temp_dir("cli-adopt-differs");
    let mut files = support::genesys(&p, 3);
    // Without a tenant.id, the portal writes a visible marker where Helm would take the
    // chart's: the render is not the source, and adopt says so.
    let f = files.iter_mut().find(|f| f.path.ends_with("02_release_ixn-102/override_values.yaml")).unwrap();
    let text = String::from_utf8(f.data.clone()).unwrap();
    f.data = text.replace("  id: \"9350e2fc-a1dd-4c65-8d40-1f75a2e08102\"\n", "").into_bytes();
    support::write_all(&dir.join("repo"), &files);
    let o = run(&["adopt", "repo", "--out", "adopted"], &dir);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("2 of 3 tenants reproduce exactly"), "{err}");
    assert!(err.contains("  ixn-102 differs at: tenant.id\n"), "{err}");
    assert!(err.contains("ixn-portal: 1 of 3 tenants do not reproduce exactly"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn hostile_sources_exit_2_at_their_place_and_write_nothing() {
    let Some(p) = support::published() else { return };
    let dir = common::temp_dir("cli-adopt-hostile");
    // An unreadable YAML file inside the repository.
    let mut files = support::genesys(&p, 3);
    let f = files.iter_mut().find(|f| f.path.ends_with("03_release_ixn-103/override_values.yaml")).unwrap();
    f.data = b"tenant:\n  sid: \"103\n".to_vec();
    support::write_all(&dir.join("repo"), &files);
    let o = run(&["adopt", "repo", "--out", "adopted"], &dir);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.starts_with("ixn-portal: repo/services/ixn/01_chart_ixn/03_release_ixn-103/override_values.yaml:"),
        "{err}"
    );
    assert!(!dir.join("adopted").exists());
    // A .zip with ../ paths: refused whole, nothing read or written.
    let zip = dir.join("repo.zip");
    let py = format!(
        "import zipfile\nz = zipfile.ZipFile({:?}, 'w', zipfile.ZIP_DEFLATED)\nz.writestr('r/services/ixn/01_chart_ixn/01_release_ixn-101/override_values.yaml', 'tenant: {{sid: \"101\"}}\\n')\nz.writestr('../evil.yaml', 'x: 1\\n')\nz.close()\n",
        zip.display().to_string()
    );
    assert!(Command::new("python3").arg("-c").arg(py).status().unwrap().success());
    let o = run(&["adopt", "repo.zip", "--out", "adopted"], &dir);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("repo.zip: the entry \"../evil.yaml\" leaves the archive"), "{err}");
    assert!(!dir.join("adopted").exists());
    assert!(!dir.parent().unwrap().join("evil.yaml").exists());
    // The same repository as a good .zip (deflated) reads.
    let py = format!(
        "import zipfile, os\nz = zipfile.ZipFile({:?}, 'w', zipfile.ZIP_DEFLATED)\nfor d, _, fs in os.walk('repo'):\n    for f in fs:\n        p = os.path.join(d, f)\n        z.write(p, os.path.relpath(p, 'repo'))\nz.close()\n",
        dir.join("good.zip").display().to_string()
    );
    let mut good = support::genesys(&p, 3);
    good.retain(|f| !f.path.contains("03_release"));
    let _ = std::fs::remove_dir_all(dir.join("repo"));
    support::write_all(&dir.join("repo"), &good);
    assert!(Command::new("python3").arg("-c").arg(py).current_dir(&dir).status().unwrap().success());
    let o = run(&["adopt", "good.zip", "--out", "adopted"], &dir);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("2 of 2 tenants reproduce exactly"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_rows_values_file_is_read_over_the_base_before_its_cells() {
    let dir = common::temp_dir("cli-values-column");
    let base = ixn_core::profile::Profile::of(&tenant::complete_tenant(), true).to_yaml_text();
    std::fs::create_dir_all(dir.join("t/values")).unwrap();
    std::fs::write(dir.join("base.yaml"), base).unwrap();
    std::fs::write(
        dir.join("t/values/a.yaml"),
        "podLabels: {team: blue}\nextraTenantKey: {list: [a, 1]}\ntenant: {sid: \"999\"}\n",
    )
    .unwrap();
    std::fs::write(dir.join("t/tenants.csv"), "tenant.sid,values\n101,values/a.yaml\n102,\n").unwrap();
    let o = run(&["batch", "--base", "base.yaml", "--tenants", "t/tenants.csv", "--out", "out"], &dir);
    assert!(o.status.success(), "{}", stderr(&o));
    let read = |p: &str| std::fs::read_to_string(dir.join("out").join(p)).unwrap();
    let one = read("ixn-101/override_values.yaml");
    // The file's keys, known and unknown, are in; the row's own sid cell wins over its sid.
    assert!(one.contains("team: blue") && one.contains("extraTenantKey:"), "{one}");
    assert!(one.contains("sid: \"101\""), "{one}");
    assert!(!read("ixn-102/override_values.yaml").contains("team: blue"));
    // A file that is not there, or does not read: at the cell, and at its own place.
    std::fs::write(dir.join("t/tenants.csv"), "tenant.sid,values\n101,values/none.yaml\n").unwrap();
    let o = run(&["batch", "--base", "base.yaml", "--tenants", "t/tenants.csv", "--out", "out2"], &dir);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("ixn-portal: t/tenants.csv:2:5: values: t/values/none.yaml: cannot read it"),
        "{}",
        stderr(&o)
    );
    std::fs::write(dir.join("t/values/bad.yaml"), "a: [\n").unwrap();
    std::fs::write(dir.join("t/tenants.csv"), "tenant.sid,values\n101,values/bad.yaml\n").unwrap();
    let o = run(&["batch", "--base", "base.yaml", "--tenants", "t/tenants.csv", "--out", "out2"], &dir);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("ixn-portal: t/values/bad.yaml:2:1:"), "{}", stderr(&o));
    assert!(!dir.join("out2").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn diff_of_each_batched_tenant_against_its_source_shows_no_change() {
    let Some(p) = support::published() else { return };
    let dir = common::temp_dir("cli-adopt-diff");
    // Thirteen: the custom release name (10), unknown keys (4, 8, 12), other resources
    // (5, 10), the credential (7), another image tag (13).
    let n = 13;
    support::write_all(&dir.join("repo"), &support::genesys(&p, n));
    let o = run(&["adopt", "repo", "--out", "adopted", "--quiet"], &dir);
    assert!(o.status.success(), "{}", stderr(&o));
    // The report says what the sources do not hold, before batch is tried.
    let report = std::fs::read_to_string(dir.join("adopted/adopt-report.txt")).unwrap();
    let before = &report[report.find("Before `ixn-portal batch` renders these tenants").expect(&report)..];
    for needed in ["deploy.chartRepoUrl: ", "gke.cluster: ", "kafka.bootstrap: ", "db.ownerPassword: "] {
        assert!(before.contains(&format!("\n  {needed}")), "{needed} in\n{before}");
    }
    // The credential the sources held (tenant 107's) is not asked for again.
    assert!(!before.contains("ixnService.ixnServer.secrets.db.password"), "{before}");
    // What the sources do not hold, the cluster side, completed as a user does; each
    // tenant in its own namespace (they use other Redis servers, and redis-ors-secret is
    // one per namespace).
    let base = std::fs::read_to_string(dir.join("adopted/base.yaml")).unwrap();
    let completed = base
        .replace("  chartRepoUrl: \"\"\n", "  chartRepoUrl: https://charts.example.com/ixn\n")
        .replace("  gkeCluster: \"\"\n", "  gkeCluster: cluster-1\n")
        .replace("  kafkaBootstrap: \"\"\n", "  kafkaBootstrap: kafka.kafka.svc:9092\n")
        .replace("  dbBootstrap: true\n", "  dbBootstrap: false\n");
    std::fs::write(dir.join("adopted/base.yaml"), completed).unwrap();
    let tenants = std::fs::read_to_string(dir.join("adopted/tenants.csv")).unwrap();
    let mut lines: Vec<String> = tenants.lines().map(str::to_string).collect();
    let header = lines.iter().position(|l| l.starts_with("tenant.sid,")).unwrap();
    lines[header].push_str(",deploy.namespace");
    for l in &mut lines[header + 1..] {
        let sid = l.split(',').next().unwrap().to_string();
        l.push_str(&format!(",ixn-{sid}"));
    }
    std::fs::write(dir.join("adopted/tenants.csv"), lines.join("\n") + "\n").unwrap();
    // The credential adopt did not write, given to batch as its report says (and the
    // database owner's, which the cluster side needs).
    std::fs::write(
        dir.join("secrets.json"),
        r#"{"db.ownerPassword": "0wner-Pw1", "tenants": {"107": {"ixnService.ixnServer.secrets.db.password": "s3cr3t-7'\"$x"}}}"#,
    )
    .unwrap();
    let o = run(
        &[
            "batch",
            "--base",
            "adopted/base.yaml",
            "--tenants",
            "adopted/tenants.csv",
            "--secrets-file",
            "secrets.json",
            "--out",
            "build",
            "--quiet",
        ],
        &dir,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let chart = "repo/services/ixn/01_chart_ixn";
    let diff = |i: usize| {
        let rendered = format!("build/{}/override_values.yaml", support::release(i));
        let own = format!("{chart}/{i:02}_release_{}/override_values.yaml", support::release(i));
        let common = format!("{chart}/override_values.yaml");
        run(&["diff", &rendered, "--as", "source", "--against", &common, "--against", &own], &dir)
    };
    for i in 1..=n {
        let o = diff(i);
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(o.status.success(), "tenant {i}: {out}{}", stderr(&o));
        assert_eq!(out, "# against the source, as Helm reads both: no change\n", "tenant {i}");
    }
    // One rendered tenant changed by hand: a value, and a key of its own dropped.
    let path = dir.join(format!("build/{}/override_values.yaml", support::release(8)));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("tenant 8") && text.contains("\"108\""), "{text}");
    let changed = text.replace("tenant 8", "tenant eight").replace("tenant.example.com/cost-centre: cc-8", "");
    assert_ne!(changed, text);
    std::fs::write(&path, changed).unwrap();
    let o = diff(8);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}{}", stderr(&o));
    assert!(out.starts_with("# against the source, as Helm reads both: "), "{out}");
    assert!(out.ends_with(" 2 key paths differ\n~ podAnnotations\n~ extraTenantKey.note\n"), "{out}");
    // A profile is rendered as `render` writes it: the base alone is not tenant 8.
    let own = format!("{chart}/08_release_{}/override_values.yaml", support::release(8));
    let common = format!("{chart}/override_values.yaml");
    let o = run(&["diff", "adopted/base.yaml", "--as", "source", "--against", &common, "--against", &own], &dir);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}{}", stderr(&o));
    assert!(out.contains("\n~ tenant.sid\n") && out.contains("\n~ extraTenantKey\n"), "{out}");
    // The source's order of files matters as Helm's does: the release's own file alone
    // lacks what the chart-level file gives every tenant.
    let rendered = format!("build/{}/override_values.yaml", support::release(2));
    let own = format!("{chart}/02_release_{}/override_values.yaml", support::release(2));
    let o = run(&["diff", &rendered, "--as", "source", "--against", &own, "--format", "json"], &dir);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["same"], false, "{out}");
    assert!(!json["differs"].as_array().unwrap().is_empty(), "{out}");
    // An unreadable source is said at its place, exit 2.
    std::fs::write(dir.join("bad.yaml"), "a: [\n").unwrap();
    let o = run(&["diff", &rendered, "--as", "source", "--against", "bad.yaml"], &dir);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).starts_with("ixn-portal: bad.yaml:2:1: "), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}
