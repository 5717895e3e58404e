//! The values the portal writes pass the `values.schema.json` it writes beside them,
//! `$VAR` placeholders included (an editor following the `$schema` line checks the file
//! as written), and a placeholder's value is still checked once envsubst has filled it
//! in, as Helm sees it. Judged by Python's jsonschema (Draft 7) over the values read by
//! PyYAML (YAML 1.1, as Helm reads them): values written from Genesys' own files
//! imported, and the guide's sample with the portal's placeholders.

mod common;

use ixn_core::artifacts::artifacts;
use ixn_core::chart::VALUES_SCHEMA;
use ixn_core::generate::values_yaml::{Form, ValuesOptions};
use ixn_core::import::{import, SourceFile};
use ixn_core::model::Config;
use std::path::Path;
use std::process::Command;

/// Validates each `(name, values YAML)` against the schema; `Err` lists what failed.
fn validate(files: &[(String, String)]) -> Result<(), String> {
    static RUN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = RUN.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("ixn-schema-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("values.schema.json"), VALUES_SCHEMA).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let script = r#"
import json, sys, yaml, jsonschema
schema = json.load(open("values.schema.json"))
v = jsonschema.Draft7Validator(schema)
bad = []
for name in sys.argv[1:]:
    for e in v.iter_errors(yaml.safe_load(open(name))):
        bad.append(f"{name}: {'.'.join(map(str, e.absolute_path))}: {e.message}")
print("\n".join(bad))
sys.exit(1 if bad else 0)
"#;
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(&names)
        .current_dir(&dir)
        .output()
        .expect("python3 (scripts/setup.sh installs jsonschema and PyYAML)");
    let _ = std::fs::remove_dir_all(&dir);
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
    }
}

fn python_ok() {
    let ok = Command::new("python3").args(["-c", "import jsonschema, yaml"]).status().is_ok_and(|s| s.success());
    assert!(ok, "Python jsonschema and PyYAML are needed: python3 -m pip install jsonschema pyyaml (scripts/setup.sh --browser does it)");
}

/// Genesys' three published files, imported in Helm's order; `None` without ../shared.
fn genesys() -> Option<Config> {
    let names = ["override_values.yaml", "release_override_values.yaml", "override_values_openshift.yaml"];
    let texts = names
        .iter()
        .map(|n| {
            let rel = format!("reference/genesys-multicloud-services/{n}");
            // IXN_SHARED: where ../shared is, for a checkout elsewhere (a worktree).
            common::shared(&rel)
                .or_else(|| std::fs::read_to_string(Path::new(&std::env::var("IXN_SHARED").ok()?).join(&rel)).ok())
        })
        .collect::<Option<Vec<String>>>()?;
    let sources: Vec<SourceFile> = names.iter().zip(&texts).map(|(n, t)| SourceFile { name: n, text: t }).collect();
    Some(import(&Config::chart_defaults(), &sources).unwrap().0)
}

fn written(cfg: &Config) -> Vec<String> {
    [Form::Minimal, Form::Full]
        .into_iter()
        .map(|form| artifacts(cfg, ValuesOptions { form, comments: true, schema_line: true }).values_yaml)
        .collect()
}

#[test]
fn the_values_written_pass_their_schema_placeholders_included() {
    python_ok();
    let mut files = Vec::new();
    let sample = Config::guide_sample();
    assert!(sample.deploy.placeholders, "the guide's sample writes the portal's ${{VAR}}s");
    for (i, text) in written(&sample).into_iter().enumerate() {
        assert!(text.contains("${"), "{text}");
        files.push((format!("sample-{i}.yaml"), text));
    }
    match genesys() {
        Some(cfg) => {
            for (i, text) in written(&cfg).into_iter().enumerate() {
                assert!(text.contains("ixn-db-secret-$TENANT_SID"), "{text}");
                files.push((format!("genesys-{i}.yaml"), text));
            }
        }
        None => eprintln!("skipped Genesys' files: ../shared is not here (set IXN_SHARED)"),
    }
    validate(&files).unwrap();
}

#[test]
fn a_placeholders_value_is_checked_after_envsubst_as_helm_sees_it() {
    python_ok();
    let mut cfg = Config::guide_sample();
    cfg.deploy.placeholders = false;
    let text = artifacts(&cfg, ValuesOptions { form: Form::Minimal, comments: false, schema_line: false }).values_yaml;
    let line = text.lines().find(|l| l.trim_start().starts_with("port: ") && l.trim_end().ends_with(char::is_numeric));
    let line = line.expect("a port in the values").to_string();
    let indent = &line[..line.len() - line.trim_start().len()];
    let with = |v: &str| text.replacen(&line, &format!("{indent}port: {v}"), 1);
    // As written: a placeholder passes; filled in, the number is checked.
    validate(&[("placeholder.yaml".into(), with("${REDIS_PORT}")), ("filled.yaml".into(), with("6380"))]).unwrap();
    assert!(validate(&[("wrong.yaml".into(), with("70000"))]).is_err(), "a port out of range still fails");
    assert!(validate(&[("text.yaml".into(), with("abc"))]).is_err(), "text without a placeholder still fails");
}
