//! What the command reads, read as a hostile user writes it: profiles, tenants files,
//! secrets files and values files. Nothing given is dropped without a word, and every
//! refusal names the file, line and column.

use ixn_core::model::Config;
use ixn_core::profile::Profile;
use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str], dir: &Path) -> Output {
    run_env(args, dir, &[])
}

fn run_env(args: &[&str], dir: &Path, env: &[(&str, &std::ffi::OsStr)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ixn-portal"));
    // The tests decide which variables it sees.
    c.env_clear().env("PATH", std::env::var_os("PATH").unwrap_or_default());
    for (k, v) in env {
        c.env(k, v);
    }
    c.args(args).current_dir(dir).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[path = "../../core/tests/common/tenant.rs"]
mod tenant;

fn sample() -> Config {
    tenant::complete_tenant()
}

/// The sample's profile text, without credentials.
fn profile_text() -> String {
    Profile::of(&sample(), false).to_yaml_text()
}

#[test]
fn a_profile_version_that_is_not_a_whole_number_is_refused_with_its_place() {
    let tmp = tempfile::tempdir().unwrap();
    let text = profile_text();
    assert!(text.contains("\nversion: 1\n"), "{text}");
    let line = text.lines().position(|l| l == "version: 1").unwrap() + 1;
    for bad in ["version: 1.0", "version: null", "version: '1.0'"] {
        std::fs::write(tmp.path().join("p.yaml"), text.replace("\nversion: 1\n", &format!("\n{bad}\n"))).unwrap();
        let o = run(&["render", "p.yaml", "--out", "out", "--allow-errors"], tmp.path());
        assert_eq!(o.status.code(), Some(2), "{bad}: {}", stderr(&o));
        assert!(stderr(&o).starts_with(&format!("ixn-portal: p.yaml:{line}:1: version: ")), "{bad}: {}", stderr(&o));
        assert!(!tmp.path().join("out").exists());
    }
    // Without a version, nested values are refused at `values:`.
    std::fs::write(tmp.path().join("p.yaml"), text.replace("\nversion: 1\n", "\n")).unwrap();
    let o = run(&["check", "p.yaml"], tmp.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("p.yaml:") && stderr(&o).contains(": values: the profile has no version"),
        "{}",
        stderr(&o)
    );
    // `"1"` says one thing only: read as version 1, every value kept.
    std::fs::write(tmp.path().join("p.yaml"), text.replace("\nversion: 1\n", "\nversion: \"1\"\n")).unwrap();
    std::fs::write(tmp.path().join("q.yaml"), &text).unwrap();
    let a = run(&["render", "p.yaml", "--tar", "a.tar", "--allow-errors", "-q"], tmp.path());
    let b = run(&["render", "q.yaml", "--tar", "b.tar", "--allow-errors", "-q"], tmp.path());
    assert_eq!(a.status.code(), Some(0), "{}", stderr(&a));
    assert_eq!(b.status.code(), Some(0), "{}", stderr(&b));
    assert_eq!(std::fs::read(tmp.path().join("a.tar")).unwrap(), std::fs::read(tmp.path().join("b.tar")).unwrap());
}

#[test]
fn a_malformed_secrets_file_never_echoes_a_secret_and_says_where() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("p.yaml"), profile_text()).unwrap();
    for (text, place) in [
        ("redis.password:hunter2: x\n", "s.yaml:1:1: "),
        ("db.adminPassword: a\nredis.password hunter2: x\n", "s.yaml:2:1: "),
        ("{redis.password:hunter2}\n", "s.yaml:1:2: "),
        ("tenants:\n  \"100\":\n    hunter2: x\n", "s.yaml:3:5: "),
        ("redis.password: !!hunter2 x\n", "s.yaml:1:27: "),
        ("redis.password: [hunter2]\n", "s.yaml:1:1: "),
    ] {
        std::fs::write(tmp.path().join("s.yaml"), text).unwrap();
        let o = run(&["check", "p.yaml", "--secrets-file", "s.yaml"], tmp.path());
        assert_eq!(o.status.code(), Some(2), "{text:?}: {}", stderr(&o));
        assert!(!stderr(&o).contains("hunter2"), "{text:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(place), "{text:?}: {}", stderr(&o));
    }
    // A misspelt field name is no secret: it is named, with the field it meant.
    std::fs::write(tmp.path().join("s.yaml"), "redis.pasword: x\n").unwrap();
    let o = run(&["check", "p.yaml", "--secrets-file", "s.yaml"], tmp.path());
    assert!(
        stderr(&o).contains("s.yaml:1:1: redis.pasword is not a credential field; did you mean redis.password?"),
        "{}",
        stderr(&o)
    );
}

#[cfg(unix)]
#[test]
fn a_credential_variable_that_is_not_utf8_is_an_error_not_skipped() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("p.yaml"), profile_text()).unwrap();
    std::fs::write(tmp.path().join("s.yaml"), "redis.password: from-the-file\n").unwrap();
    let bad = std::ffi::OsStr::from_bytes(b"s3cr\xffet");
    let args = ["render", "p.yaml", "--out", "out", "--secrets-file", "s.yaml", "--secrets-env", "IXN_"];
    let o = run_env(&args, tmp.path(), &[("IXN_REDIS_PASSWORD", bad)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("IXN_REDIS_PASSWORD is not UTF-8 text"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("s3cr"), "{}", stderr(&o));
    assert!(!tmp.path().join("out").exists());
}

#[test]
fn render_refuses_secrets_file_credentials_for_another_tenant_as_batch_does() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("p.yaml"), profile_text()).unwrap();
    let sid = sample().values.get(ixn_core::registry::keys::TENANT_SID).and_then(|v| v.text().map(str::to_string));
    assert_eq!(sid.as_deref(), Some("100"));
    std::fs::write(tmp.path().join("s.yaml"), "redis.password: p\ntenants:\n  \"101\":\n    db.adminPassword: a\n")
        .unwrap();
    for cmd in
        [&["render", "p.yaml", "--out", "out"][..], &["check", "p.yaml"], &["diff", "p.yaml", "--against", "p.yaml"]]
    {
        let o = run(&[cmd, &["--secrets-file", "s.yaml"]].concat(), tmp.path());
        assert_eq!(o.status.code(), Some(2), "{cmd:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("s.yaml:3:3: tenants.101 is not this profile's tenant.sid (100)"),
            "{cmd:?}: {}",
            stderr(&o)
        );
    }
    assert!(!tmp.path().join("out").exists());
    // Its own sid is fine.
    std::fs::write(tmp.path().join("s.yaml"), "redis.password: p\ntenants:\n  \"100\":\n    db.adminPassword: a\n")
        .unwrap();
    let o = run(&["render", "p.yaml", "--out", "out", "--secrets-file", "s.yaml", "--allow-errors"], tmp.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn import_keeps_a_placeholder_credential_and_leaves_a_password_out() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("v.yaml"),
        "tenant:\n  sid: \"100\"\nixnService:\n  ixnServer:\n    secrets:\n      db:\n        password: \"${ixn_db_password}\"\n  ixnNode:\n    secrets:\n      db:\n        password: hunter2\n",
    )
    .unwrap();
    let o = run(&["import", "v.yaml", "-o", "p.yaml"], tmp.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o)
            .contains("kept in the profile (placeholders, not credentials): ixnService.ixnServer.secrets.db.password"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains(
            "left out of the profile (credentials; --with-secrets keeps them): ixnService.ixnNode.secrets.db.password"
        ),
        "{}",
        stderr(&o)
    );
    let written = std::fs::read_to_string(tmp.path().join("p.yaml")).unwrap();
    assert!(written.contains("${ixn_db_password}") && !written.contains("hunter2"), "{written}");
}

#[test]
fn unknown_profile_fields_are_warnings_that_check_strict_fails_on() {
    let tmp = tempfile::tempdir().unwrap();
    let text = Profile::of(&sample(), true).to_yaml_text();
    let line = text.lines().position(|l| l == "deploy:").unwrap() + 2;
    std::fs::write(tmp.path().join("p.yaml"), text.replace("\ndeploy:\n", "\ndeploy:\n  namepsace: t-100\n")).unwrap();
    let o = run(&["check", "p.yaml"], tmp.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let warning = format!(
        "p.yaml:{line}:3: warning: deploy.namepsace is not a field of a profile; it is ignored; did you mean deploy.namespace?"
    );
    assert!(stderr(&o).contains(&warning), "{}", stderr(&o));
    let o = run(&["check", "p.yaml", "--strict"], tmp.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = run(&["check", "p.yaml", "--strict", "--format", "json"], tmp.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["warnings"], 1);
    assert_eq!(json["profileWarnings"][0], warning.as_str());
    let o = run(&["render", "p.yaml", "--out", "out"], tmp.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains(&warning), "{}", stderr(&o));
}

#[test]
fn a_profile_field_of_the_wrong_type_is_named_with_its_line_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    let text = profile_text();
    let line = text.lines().position(|l| l.starts_with("  namespace: ")).unwrap() + 1;
    let bad = text
        .lines()
        .map(|l| if l.starts_with("  namespace: ") { "  namespace: [a, b]" } else { l })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(tmp.path().join("p.yaml"), bad).unwrap();
    let o = run(&["check", "p.yaml"], tmp.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        format!("ixn-portal: p.yaml:{line}:3: deploy.namespace: invalid type: sequence, expected a string\n")
    );
}

#[test]
fn a_csv_cell_whose_quote_never_closes_fails_the_batch_at_that_cell() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("base.yaml"), Profile::of(&sample(), true).to_yaml_text()).unwrap();
    std::fs::write(
        tmp.path().join("t.csv"),
        "tenant.sid,deploy.namespace,ixnService.annotations\n101,t-101,\"a: b\n102,t-102,\n103,t-103,\n",
    )
    .unwrap();
    let o = run(&["batch", "--base", "base.yaml", "--tenants", "t.csv", "--out", "out"], tmp.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).starts_with("ixn-portal: t.csv:2:11: the quote that opens this cell"), "{}", stderr(&o));
    assert!(!tmp.path().join("out").exists());
}

#[test]
fn diff_against_defaults_says_nothing_of_a_null_both_sides_hold() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("v.yaml"), "tenant:\n  sid: \"100\"\nextraSecurity: null\nextraOther: null\n")
        .unwrap();
    let o = run(&["import", "v.yaml", "-o", "p.yaml", "-q"], tmp.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    std::fs::write(tmp.path().join("chart.yaml"), "extraSecurity: null\nextraOther: 1\n").unwrap();
    let o = run(&["diff", "p.yaml", "--against", "chart.yaml"], tmp.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!out.contains("extraSecurity"), "{out}");
    assert!(out.contains("- extraOther: 1"), "{out}");
}

#[test]
fn redis_node_fields_the_form_does_not_hold_are_reported_not_dropped_silently() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("v.yaml"),
        "tenant:\n  sid: \"100\"\nixnService:\n  ixnNode:\n    redis:\n      - host: r1\n        port: 6379\n        password: hunter2\n        tls: true\n",
    )
    .unwrap();
    let o = run(&["import", "v.yaml", "-o", "p.yaml"], tmp.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let note =
        "ixnService.ixnNode.redis[0]: password, tls not kept: a Redis node holds host, port and is_redis_cluster";
    assert!(stderr(&o).contains(&format!("note: {note}")), "{}", stderr(&o));
    // A profile written by hand with them: render says so too.
    let text = Profile::of(&sample(), true).to_yaml_text();
    let hand = text
        .replace("\n      redis:\n", "\n      redis:\n        - host: extra\n          port: 1\n          weight: 2\n");
    assert_ne!(hand, text);
    std::fs::write(tmp.path().join("p.yaml"), hand).unwrap();
    let o = run(&["render", "p.yaml", "--out", "out", "--allow-errors"], tmp.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("p.yaml: warning: values: ixnService.ixnNode.redis[0]: weight not kept"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_genesys_batch_whose_rows_differ_in_chart_version_names_the_cell() {
    let tmp = tempfile::tempdir().unwrap();
    let mut cfg = sample();
    cfg.deploy.delivery = ixn_core::model::Delivery::Genesys;
    cfg.deploy.chart_repo_url = "https://charts.example.com/genesys".into();
    cfg.deploy.argocd.repo_url = "https://git.example.com/ixn.git".into();
    std::fs::write(tmp.path().join("base.yaml"), Profile::of(&cfg, true).to_yaml_text()).unwrap();
    let csv = "tenant.sid,deploy.namespace,deploy.chartVersion\n101,t-101,\n102,t-102,100.0.2\n";
    std::fs::write(tmp.path().join("t.csv"), csv).unwrap();
    let o = run(&["batch", "--base", "base.yaml", "--tenants", "t.csv", "--out", "out", "-q"], tmp.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).starts_with("ixn-portal: t.csv:3:11: row 2: the Genesys pipeline installs one chart version"),
        "{}",
        stderr(&o)
    );
    assert!(!tmp.path().join("out").exists());
}

#[test]
fn an_unquoted_infinity_or_nan_is_refused_where_helm_refuses_the_file() {
    // Helm 3 and 4 fail such a values file ("json: unsupported value: +Inf"); importing,
    // adopting or batching it must not turn it into text without a word.
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("v.yaml"), "tenant:\n  id: abc\nextra:\n  weird: -.Inf\n").unwrap();
    let o = run(&["import", "v.yaml", "--output", "p.yaml"], tmp.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("v.yaml:4:10: -.Inf is infinity"), "{}", stderr(&o));
    assert!(!tmp.path().join("p.yaml").exists());
    std::fs::create_dir(tmp.path().join("src")).unwrap();
    std::fs::write(tmp.path().join("src/t1.yaml"), "tenant:\n  sid: \"1\"\nx: .nan\n").unwrap();
    let o = run(&["adopt", "src", "--out", "adopted"], tmp.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("src/t1.yaml:3:4: ") && stderr(&o).contains(".nan is NaN in YAML 1.1"),
        "{}",
        stderr(&o)
    );
    assert!(!tmp.path().join("adopted").exists());
}
