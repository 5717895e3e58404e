//! Import: the three real values files, Helm's merge order, unknown keys, YAML 1.1,
//! round trips, and hostile input.

mod common;

use ixn_core::artifacts::artifacts;
use ixn_core::generate::values_yaml::{Form, ValuesOptions};
use ixn_core::import::{import, SourceFile};
use ixn_core::model::{Config, Value};
use ixn_core::registry::keys;
use ixn_core::yaml::{read_yaml, Limits, Node};
use proptest::prelude::*;
use std::time::{Duration, Instant};

/// The three real files in the order their README gives; `None` (the test skips) in a
/// clone without `../shared`.
fn real_files() -> Option<Vec<(String, String)>> {
    ["override_values.yaml", "release_override_values.yaml", "override_values_openshift.yaml"]
        .iter()
        .map(|n| Some((n.to_string(), common::shared(&format!("reference/genesys-multicloud-services/{n}"))?)))
        .collect()
}

fn import_real() -> Option<(Config, ixn_core::import::ImportReport)> {
    let files = real_files()?;
    let sources: Vec<SourceFile> = files.iter().map(|(n, t)| SourceFile { name: n, text: t }).collect();
    Some(import(&Config::chart_defaults(), &sources).unwrap())
}

#[test]
fn the_three_real_files_import_together() {
    let Some((cfg, report)) = import_real() else { return };
    let counts: Vec<(usize, usize, usize)> =
        report.files.iter().map(|f| (f.known.len(), f.unknown.len(), f.nulls.len())).collect();
    eprintln!("per file (known, unknown, nulls): {counts:?}; merged known {}", report.known);
    assert_eq!(report.files.len(), 3);
    assert!(report.files[0].known.len() > 40);
    // The OpenShift nulls are inside securityContext, a known key: each is named all
    // the same, as each unsets a chart default (issue 23.4: it said nothing of them).
    assert_eq!(
        report.files[2].nulls,
        [
            "ixnService.securityContext.fsGroup",
            "ixnService.securityContext.runAsUser",
            "ixnVQNode.securityContext.fsGroup",
            "ixnVQNode.securityContext.runAsUser"
        ]
    );
    assert_eq!(report.files[2].summary(), "override_values_openshift.yaml: 2 keys, 4 set to null");
    // Known keys fill the form.
    assert_eq!(cfg.values.get(keys::IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT).and_then(Value::text), Some("7120"));
    assert_eq!(cfg.values.get(keys::TENANT_SID), Some(&Value::Str("$TENANT_SID".into())));
    assert_eq!(
        cfg.values.get(keys::IXN_SERVICE_IMAGE_IXN_SERVER_TAG),
        Some(&Value::Str("100.0.007.0400".into())),
        "YAML 1.1: not a number, kept as text"
    );
    assert!(
        matches!(cfg.values.get(keys::IXN_SERVICE_IXN_NODE_REDIS), Some(Value::Redis(n)) if n[0].host == "$REDIS_ADDR")
    );
    // Unknown keys are listed with near-miss suggestions, and kept.
    let unknown: Vec<(&str, Option<&str>)> =
        report.unknown.iter().map(|u| (u.path.as_str(), u.suggestion.as_deref())).collect();
    eprintln!("unknown: {unknown:?}");
    assert!(unknown.contains(&("ixnService.ixnServer.serviceq", Some("serviceAccount"))));
    assert!(unknown.iter().any(|(p, _)| *p == "ixnService.image.logSidecar.registry"));
    assert_eq!(cfg.unknown.len(), report.unknown.len());
    // Placeholders are found and offered.
    for v in
        ["IMAGE_REGISTRY", "TENANT_UUID", "TENANT_SID", "ixn_db_user", "ixn_db_password", "POSTGRES_ADDR", "REDIS_ADDR"]
    {
        assert!(report.placeholders.iter().any(|p| p == v), "{v} not offered: {:?}", report.placeholders);
    }
    // What the user reads first.
    assert_eq!(report.summary(), "Imported 3 files: 85 known keys set, 2 unknown keys kept.");
    assert_eq!(report.files[0].summary(), "override_values.yaml: 59 keys, 1 unknown, 3 set to null");
}

#[test]
fn a_one_file_report_speaks_in_the_singular() {
    let one = "tenant:\n  sid: \"100\"\nextra: 1\n";
    let (_, report) = import(&Config::default(), &[SourceFile { name: "one.yaml", text: one }]).unwrap();
    assert_eq!(report.summary(), "Imported 1 file: 1 known key set, 1 unknown key kept.");
    assert_eq!(report.files[0].summary(), "one.yaml: 1 key, 1 unknown");
}

#[test]
fn the_output_means_the_same_to_helm_and_keeps_unknowns_and_nulls() {
    let (Some((cfg, _)), Some(files)) = (import_real(), real_files()) else { return };
    // What Helm would see: the three files merged.
    let mut helm = Node::map();
    for (_, t) in &files {
        ixn_core::import::merge(&mut helm, read_yaml(t, Limits::default()).unwrap());
    }
    let out = artifacts(&cfg, ValuesOptions { form: Form::Minimal, comments: false, schema_line: false }).values_yaml;
    let written = read_yaml(&out, Limits::default()).unwrap();
    for path in [
        "ixnService.ixnServer.serviceq.create",
        "ixnService.image.logSidecar.registry",
        "ixnService.securityContext.fsGroup",
        "ixnService.securityContext.runAsUser",
        "ixnService.securityContext.runAsGroup",
        "ixnVQNode.securityContext.runAsNonRoot",
        "ixnService.ixnNode.consul.host.valueFrom.fieldRef.fieldPath",
        "ixnService.ixnServer.volumeMounts.kafka-shared-secret.mountPath",
        "ixnService.image.ixnServer.tag",
        "ixnService.ixnNode.redis",
        "tenant.sid",
        "image.imagePullSecrets",
        "ixnService.ixnServer.ports.health",
    ] {
        let (h, w) = (helm.get(path), written.get(path));
        let same = match (h, w) {
            (Some(Node::Float(a)), Some(Node::Str(b))) => a == b, // 100.0.007.0400: text both ways for go-yaml
            (Some(Node::Block(a)), Some(Node::Str(b))) | (Some(Node::Str(a)), Some(Node::Block(b))) => a == b,
            (a, b) => a == b,
        };
        assert!(same, "{path}: Helm sees {h:?}, the portal writes {w:?}\n{out}");
    }
    assert_eq!(written.get("ixnService.securityContext.fsGroup"), Some(&Node::Null), "explicit null kept");
}

#[test]
fn a_second_import_of_the_output_is_a_fixed_point() {
    let Some((cfg, _)) = import_real() else { return };
    let out = artifacts(&cfg, ValuesOptions { form: Form::Full, comments: true, schema_line: false }).values_yaml;
    let (again, report) = import(&Config::chart_defaults(), &[SourceFile { name: "out.yaml", text: &out }]).unwrap();
    let out2 = artifacts(&again, ValuesOptions { form: Form::Full, comments: true, schema_line: false }).values_yaml;
    assert_eq!(out, out2);
    assert!(report.unknown.iter().any(|u| u.path == "ixnService.ixnServer.serviceq"));
}

#[test]
fn yaml_11_meaning_is_kept() {
    let text = "tenant:\n  sid: 0100\n  id: yes\nixnService:\n  image:\n    ixnServer:\n      tag: 1.10\n  service:\n    enabled: on\n";
    let (cfg, report) = import(&Config::chart_defaults(), &[SourceFile { name: "a.yaml", text }]).unwrap();
    assert_eq!(cfg.values.get(keys::TENANT_SID), Some(&Value::Str("64".into())), "0100 is octal 64 to Helm");
    assert_eq!(cfg.values.get(keys::TENANT_ID), Some(&Value::Str("true".into())), "yes is true to Helm");
    assert_eq!(cfg.values.get(keys::IXN_SERVICE_SERVICE_ENABLED), Some(&Value::Bool(true)));
    assert!(report.notes.iter().any(|n| n.contains("ixnService.image.ixnServer.tag") && n.contains("number")));
}

#[test]
fn later_files_win_and_lists_replace() {
    let a = "ixnService:\n  ixnNode:\n    redis:\n      - {host: a, port: 1}\n      - {host: b, port: 2}\n  ixnServer:\n    ports: {default: 1000, health: 1001}\n";
    let b =
        "ixnService:\n  ixnNode:\n    redis:\n      - {host: c, port: 3}\n  ixnServer:\n    ports: {health: 2001}\n";
    let (cfg, _) =
        import(&Config::chart_defaults(), &[SourceFile { name: "a", text: a }, SourceFile { name: "b", text: b }])
            .unwrap();
    assert!(
        matches!(cfg.values.get(keys::IXN_SERVICE_IXN_NODE_REDIS), Some(Value::Redis(n)) if n.len() == 1 && n[0].host == "c")
    );
    assert_eq!(cfg.values.get(keys::IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT).and_then(Value::text), Some("1000"));
    assert_eq!(cfg.values.get(keys::IXN_SERVICE_IXN_SERVER_PORTS_HEALTH).and_then(Value::text), Some("2001"));
}

fn refused_fast(name: &str, text: &str, words: &str) {
    let base = Config::guide_sample();
    let t = Instant::now();
    let err = import(&base, &[SourceFile { name, text }]).unwrap_err();
    let took = t.elapsed();
    assert!(err.message.contains(words), "{name}: {err}");
    assert!(took < Duration::from_secs(1), "{name} took {took:?}");
    eprintln!("{name}: refused in {took:?}: {err}");
}

#[test]
fn hostile_input_is_refused_quickly() {
    refused_fast("big.yaml", &"a: b\n".repeat(4 * 1024 * 1024), "limit");
    refused_fast("deep.yaml", &format!("{}x{}", "[".repeat(10_000), "]".repeat(10_000)), "nesting");
    let mut deep_block = String::new();
    for i in 0..10_000 {
        deep_block.push_str(&" ".repeat(i));
        deep_block.push_str("k:\n");
    }
    refused_fast("deep-block.yaml", &deep_block[..deep_block.len().min(1024 * 1024 - 1)], "");
    let mut bomb = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..12 {
        let p = i - 1;
        bomb.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
    }
    refused_fast("bomb.yaml", &bomb, "alias");
    refused_fast("list.yaml", "- a\n- b\n", "mapping");
    refused_fast("scalar.yaml", "just text", "mapping");
}

#[test]
fn malformed_yaml_says_where_and_changes_nothing() {
    let base = Config::guide_sample();
    let good = SourceFile { name: "good.yaml", text: "tenant: {sid: \"7\"}\n" };
    let bad = SourceFile { name: "bad.yaml", text: "tenant:\n  sid: 7\n bad indent: x\n" };
    let err = import(&base, &[good, bad]).unwrap_err();
    assert_eq!(err.file, "bad.yaml");
    assert!(err.message.contains("line 3"), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Random text never panics the importer.
    #[test]
    fn random_text_never_panics(text in "\\PC{0,200}") {
        let _ = import(&Config::chart_defaults(), &[SourceFile { name: "r", text: &text }]);
    }

    /// Random YAML built from the registry's own paths and odd scalars never panics,
    /// and what imports writes a values file that reads back.
    #[test]
    fn random_yaml_never_panics(
        picks in prop::collection::vec((0usize..135, prop_oneof![
            Just("~".to_string()), Just("yes".to_string()), Just("0x1F".to_string()), Just("[]".to_string()),
            Just("{}".to_string()), Just("{a: 1}".to_string()), Just("[{host: h, port: p}]".to_string()),
            Just("\"$X\"".to_string()), Just("12:30".to_string()), "[a-z0-9 ]{0,8}",
        ]), 0..12)
    ) {
        let mut text = String::new();
        for (i, v) in &picks {
            let path = ixn_core::registry::KEYS[*i % ixn_core::registry::KEYS.len()].path;
            let segs: Vec<&str> = path.split('.').collect();
            for (d, s) in segs.iter().enumerate() {
                text.push_str(&"  ".repeat(d));
                text.push_str(s);
                text.push(':');
                if d + 1 == segs.len() { text.push(' '); text.push_str(v); }
                text.push('\n');
            }
        }
        if let Ok((cfg, _)) = import(&Config::chart_defaults(), &[SourceFile { name: "r", text: &text }]) {
            let out = artifacts(&cfg, ValuesOptions { form: Form::Full, comments: false, schema_line: false }).values_yaml;
            prop_assert!(read_yaml(&out, Limits::default()).is_ok());
        }
    }
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_read_as_usual() {
    let text = "\u{feff}tenant:\r\n  sid: \"100\"\r\n  id: 9350e2fc-a1dd-4c65-8d40-1f75a2e080dd\r\npodLabels:\r\n  team: ixn\r\n";
    let (cfg, report) = import(&Config::default(), &[SourceFile { name: "windows.yaml", text }]).unwrap();
    assert_eq!(cfg.values.get(keys::TENANT_SID), Some(&Value::Str("100".into())));
    assert_eq!(cfg.values.get(keys::TENANT_ID).and_then(Value::text), Some("9350e2fc-a1dd-4c65-8d40-1f75a2e080dd"));
    assert!(report.unknown.iter().all(|u| !u.path.contains('\r')), "{:?}", report.unknown);
}

#[test]
fn text_where_a_mapping_belongs_goes_to_the_field_and_is_said() {
    let text = "ixnService:\n  securityContext: runAsUser 500\nixnVQNode:\n  securityContext: \"runAsUser: 500\"\n";
    let (cfg, report) = import(&Config::chart_defaults(), &[SourceFile { name: "a.yaml", text }]).unwrap();
    assert_eq!(cfg.values.get(keys::IXN_SERVICE_SECURITY_CONTEXT).and_then(Value::text), Some("runAsUser 500"));
    assert_eq!(cfg.values.get(keys::IXN_VQNODE_SECURITY_CONTEXT).and_then(Value::text), Some("runAsUser: 500"));
    assert!(cfg.unknown.is_empty(), "{:?}", cfg.unknown);
    for path in ["ixnService.securityContext", "ixnVQNode.securityContext"] {
        assert!(
            report.notes.iter().any(|n| n.starts_with(path) && n.contains("text where Helm expects a mapping")),
            "{:?}",
            report.notes
        );
    }
    let findings = ixn_core::validate::validate(&cfg, &ixn_core::model::Effective::of(&cfg));
    assert!(
        findings.iter().any(|f| f.path == "ixnService.securityContext" && f.message.contains("mapping")),
        "{findings:?}"
    );
}

#[test]
fn row_fields_the_form_does_not_hold_are_listed_as_not_kept() {
    let text = "ixnService:\n  ixnNode:\n    redis:\n      - host: r1\n        port: 6379\n        password: hunter2\n        tls: true\n        weight: 2\n      - host: r2\n        port: 6380\n    volumeMounts:\n      data:\n        mountPath: /data\n        readOnly: \"true\"\n        subPath: x\nimage:\n  imagePullSecrets:\n    - name: pull\n      namespace: other\npodLabels:\n  team: null\n";
    let (_, report) = import(&Config::chart_defaults(), &[SourceFile { name: "v.yaml", text }]).unwrap();
    assert_eq!(
        report.not_kept,
        [
            "ixnService.ixnNode.redis[0]: password, tls, weight not kept: a Redis node holds host, port and is_redis_cluster",
            "ixnService.ixnNode.volumeMounts.data: subPath not kept: a mount holds readOnly and mountPath",
            "ixnService.ixnNode.volumeMounts.data.readOnly: \"true\" is not true or false; read as false",
            "image.imagePullSecrets[0]: namespace not kept: a pull secret holds its name",
            "podLabels.team: null is read as empty text (\"\"); Helm would delete the key",
        ]
    );
    assert!(report.not_kept.iter().all(|n| report.notes.contains(n)), "each is a note the portal and the CLI show");
    // A profile holding them says so on loading.
    let p = format!(
        "format: ixn-portal-profile\nversion: 1\nvalues:\n{}",
        text.lines().map(|l| format!("  {l}\n")).collect::<String>()
    );
    let (_, notes) = ixn_core::profile::Profile::parse(&p).unwrap().to_config_noted().unwrap();
    assert_eq!(notes, report.not_kept);
}
