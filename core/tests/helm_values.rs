//! The real Helm 3 and Helm 4 read every values file the portal writes and give back
//! exactly the model: `helm template` of a probe chart (tests/charts/probe) whose one
//! template prints `.Values | toJson`. This is the judge; the crate's own YAML 1.1
//! resolver (tests/yaml_exactness.rs) is only the fast first check.

mod common;

use common::{helm, HelmHome, HELM_MAJORS};
use ixn_core::artifacts::artifacts;
use ixn_core::generate::values_yaml::{values_tree, Form, ValuesOptions};
use ixn_core::import::{import, SourceFile};
use ixn_core::model::{Config, Effective, Value};
use ixn_core::registry::keys;
use ixn_core::yaml::Node;
use serde_json::Value as Json;
use std::path::{Path, PathBuf};

fn probe_chart() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/charts/probe")
}

/// What Helm `major` reads from these values files (`-f a -f b …`), as JSON, or its error.
fn helm_reads(home: &HelmHome, major: u8, files: &[&Path]) -> Result<Json, String> {
    let mut args: Vec<std::ffi::OsString> = vec!["template".into(), "probe".into(), probe_chart().into()];
    for f in files {
        args.push("-f".into());
        args.push(f.into());
    }
    let out = home.run(&helm(major), &args, "", &home.dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return Err(format!("helm {major} failed: {stderr}"));
    }
    // Helm 4 must not warn about anything in a file the portal wrote either.
    if !stderr.trim().is_empty() {
        return Err(format!("helm {major} warned: {stderr}"));
    }
    let json = stdout
        .split_once("# Source: probe/templates/values.yaml\n")
        .map(|(_, j)| j)
        .ok_or_else(|| format!("no output: {stdout}"))?;
    use base64::Engine;
    let json = json.trim().strip_prefix("values: ").ok_or_else(|| format!("no values: {json}"))?;
    let json = base64::engine::general_purpose::STANDARD.decode(json).map_err(|e| format!("{e}: {json}"))?;
    serde_json::from_slice(&json).map_err(|e| format!("{e}: {}", String::from_utf8_lossy(&json)))
}

/// What Helm reads from `yaml`, in both majors (the same in each).
fn helm_reads_text(home: &HelmHome, yaml: &str) -> Json {
    let file = home.dir.join("values.yaml");
    std::fs::write(&file, yaml).unwrap();
    let mut seen = None;
    for major in HELM_MAJORS {
        let got = helm_reads(home, major, &[&file]).unwrap_or_else(|e| panic!("{e}\n{yaml}"));
        if let Some(prev) = &seen {
            assert_eq!(prev, &got, "Helm 3 and Helm 4 read it differently:\n{yaml}");
        }
        seen = Some(got);
    }
    seen.unwrap()
}

/// A values tree as the JSON Helm gives back: numbers as Go's float64.
fn tree_json(node: &Node) -> Json {
    match node {
        Node::Null => Json::Null,
        Node::Bool(b) => Json::Bool(*b),
        Node::Int(i) => num(*i as f64),
        Node::Float(s) => num(s.replace('_', "").parse::<f64>().unwrap_or_else(|_| panic!("float {s}"))),
        Node::Str(s) | Node::Block(s) | Node::Placeholder(s) => Json::String(s.clone()),
        Node::Seq(items) => Json::Array(items.iter().map(tree_json).collect()),
        Node::Map(entries) => {
            let mut m = serde_json::Map::new();
            for e in entries {
                assert!(
                    m.insert(e.key.clone(), tree_json(&e.value)).is_none(),
                    "the portal wrote the key {:?} twice",
                    e.key
                );
            }
            Json::Object(m)
        }
    }
}

fn num(f: f64) -> Json {
    Json::Number(serde_json::Number::from_f64(f).expect("finite"))
}

/// Every number as a float64, as Go holds them, so `1` and `1.0` compare equal.
fn normalized(v: Json) -> Json {
    match v {
        Json::Number(n) => num(n.as_f64().unwrap()),
        Json::Array(a) => Json::Array(a.into_iter().map(normalized).collect()),
        Json::Object(o) => Json::Object(o.into_iter().map(|(k, v)| (k, normalized(v))).collect()),
        other => other,
    }
}

/// The first difference between what Helm read and what the model holds, by path.
fn diff(path: &str, helm: &Json, model: &Json) -> Option<String> {
    match (helm, model) {
        (Json::Object(a), Json::Object(b)) => {
            for k in a.keys().chain(b.keys()) {
                let p = format!("{path}.{k}");
                match (a.get(k), b.get(k)) {
                    (Some(x), Some(y)) => {
                        if let Some(d) = diff(&p, x, y) {
                            return Some(d);
                        }
                    }
                    (x, y) => return Some(format!("{p}: Helm {x:?}, model {y:?}")),
                }
            }
            None
        }
        (a, b) if a == b => None,
        (a, b) => Some(format!("{path}: Helm {a}, model {b}")),
    }
}

/// Helm reads `cfg`'s values file (`opts`) as exactly the model's tree.
fn helm_reads_the_model(home: &HelmHome, cfg: &Config, opts: ValuesOptions, what: &str) {
    let yaml = artifacts(cfg, opts).values_yaml;
    let helm = normalized(helm_reads_text(home, &yaml));
    let model = normalized(tree_json(&values_tree(cfg, &Effective::of(cfg), opts)));
    if let Some(d) = diff("", &helm, &model) {
        panic!("{what}: {d}\n{yaml}");
    }
}

const FORMS: [ValuesOptions; 4] = [
    ValuesOptions { form: Form::Minimal, comments: false, schema_line: false },
    ValuesOptions { form: Form::Minimal, comments: true, schema_line: false },
    ValuesOptions { form: Form::Full, comments: false, schema_line: false },
    ValuesOptions { form: Form::Full, comments: true, schema_line: false },
];

#[test]
fn helm_reads_the_sample_and_the_defaults_as_the_model() {
    let home = HelmHome::new("helm-values-presets");
    for (name, cfg) in [
        ("guide sample", Config::guide_sample()),
        ("chart defaults", Config::chart_defaults()),
        ("empty", Config::default()),
    ] {
        for opts in FORMS {
            helm_reads_the_model(&home, &cfg, opts, &format!("{name} {opts:?}"));
        }
    }
}

fn reference(name: &str) -> Option<PathBuf> {
    common::shared_path(&format!("reference/genesys-multicloud-services/{name}"))
}

#[test]
fn the_real_files_mean_the_same_to_helm_after_the_portal_writes_them_back() {
    let names = ["override_values.yaml", "release_override_values.yaml", "override_values_openshift.yaml"];
    let Some(paths) = names.iter().map(|n| reference(n)).collect::<Option<Vec<_>>>() else { return };
    let texts: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let sources: Vec<SourceFile> = names.iter().zip(&texts).map(|(n, t)| SourceFile { name: n, text: t }).collect();
    let (cfg, _) = import(&Config::chart_defaults(), &sources).unwrap();
    let home = HelmHome::new("helm-values-real");
    // The chart's defaults go first, as the chart's own values.yaml would: a minimal
    // file leaves out what equals them.
    let defaults = home.dir.join("chart-defaults.yaml");
    std::fs::write(
        &defaults,
        artifacts(&Config::chart_defaults(), ValuesOptions { form: Form::Full, comments: false, schema_line: false })
            .values_yaml,
    )
    .unwrap();
    let ours_file = home.dir.join("portal.yaml");
    for major in HELM_MAJORS {
        // What Helm makes of the three files together, and of the portal's one file.
        let theirs_files: Vec<&Path> =
            std::iter::once(defaults.as_path()).chain(paths.iter().map(PathBuf::as_path)).collect();
        let theirs = normalized(helm_reads(&home, major, &theirs_files).unwrap());
        for opts in FORMS {
            let yaml = artifacts(&cfg, opts).values_yaml;
            let ours = normalized(helm_reads_text(&home, &yaml));
            let model = normalized(tree_json(&values_tree(&cfg, &Effective::of(&cfg), opts)));
            if let Some(d) = diff("", &ours, &model) {
                panic!("Helm {major} {opts:?}: {d}\n{yaml}");
            }
            // Every key of the files reaches Helm with the same meaning.
            std::fs::write(&ours_file, &yaml).unwrap();
            let ours = normalized(helm_reads(&home, major, &[&defaults, &ours_file]).unwrap());
            if let Some(d) = diff("", &theirs, &ours) {
                panic!("Helm {major} {opts:?}: the imported files and the portal's file differ: {d}\n{yaml}");
            }
        }
    }
}

#[test]
fn placeholder_mode_after_a_real_envsubst_is_the_model() {
    let home = HelmHome::new("helm-values-envsubst");
    for cfg in [Config::guide_sample(), {
        let mut c = Config::guide_sample();
        c.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_HOST, Value::Str("pg.infra.svc".into()));
        c.values.set(keys::POD_ANNOTATIONS, Value::Map(vec![("keep".into(), "$HOME ${NOT_OURS} 0100".into())]));
        c
    }] {
        let mut cfg = cfg;
        cfg.deploy.placeholders = true;
        for opts in FORMS {
            let a = artifacts(&cfg, opts);
            let dir = home.dir.join("work");
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            // The script's own values block: the heredoc, the exports and envsubst.
            let block = a.commands.block("values").unwrap();
            let out = std::process::Command::new("bash")
                .arg("-euo")
                .arg("pipefail")
                .arg("-c")
                .arg(&block.script)
                .current_dir(&dir)
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            let file = dir.join("override_values.yaml_");
            let mut seen = Vec::new();
            for major in HELM_MAJORS {
                seen.push(normalized(helm_reads(&home, major, &[&file]).unwrap()));
            }
            assert_eq!(seen[0], seen[1]);
            let real = Effective::real(&cfg);
            let model = normalized(tree_json(&values_tree(&cfg, &real, opts)));
            if let Some(d) = diff("", &seen[0], &model) {
                panic!("{opts:?}: {d}\n{}", std::fs::read_to_string(&file).unwrap());
            }
        }
    }
}

proptest::proptest! {
    // Each case runs both Helm majors (about 40 ms each): a modest count.
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, ..Default::default() })]

    /// Any text, in every string field, map key and value, and list row, reaches Helm as
    /// the model holds it.
    #[test]
    fn any_text_in_any_field_reaches_helm_unchanged(texts in proptest::collection::vec(common::values_text(), 64), n in 1usize..3) {
        use ixn_core::model::{ConsulHost, Input, RedisNode, VolumeMount};
        use ixn_core::registry::{Kind, KEYS};
        let mut t = texts.iter().cycle().cloned();
        let mut next = move || t.next().unwrap();
        let mut cfg = Config::guide_sample();
        for k in KEYS {
            match k.kind {
                Kind::Str => cfg.values.set(k, Value::Str(next())),
                Kind::Template => cfg.values.set(k, Value::Template(next())),
                // Two rows of one name are an error the form reports (validation tests).
                Kind::Map => {
                    let mut rows: Vec<(String, String)> = Vec::new();
                    for _ in 0..n {
                        let (key, value) = (next(), next());
                        if !rows.iter().any(|(k, _)| *k == key) {
                            rows.push((key, value));
                        }
                    }
                    cfg.values.set(k, Value::Map(rows))
                }
                Kind::Jvm => cfg.values.set(k, Value::Jvm((0..n).map(|i| (i.to_string(), next())).collect())),
                Kind::PullSecrets => cfg.values.set(k, Value::PullSecrets((0..n).map(|_| next()).collect())),
                Kind::RedisNodes => cfg.values.set(k, Value::Redis((0..n).map(|i| RedisNode { host: next(), port: Input::new("6379"), cluster: [None, Some(true)][i % 2] }).collect())),
                Kind::Mounts => cfg.values.set(k, Value::Mounts((0..n).map(|i| VolumeMount { name: format!("{i}{}", next()), mount_path: next(), read_only: i % 2 == 0 }).collect())),
                Kind::ConsulHost => cfg.values.set(k, Value::ConsulHost(ConsulHost::Literal(next()))),
                _ => (),
            }
        }
        let home = HelmHome::new("helm-values-prop");
        helm_reads_the_model(&home, &cfg, ValuesOptions { form: Form::Minimal, comments: true, schema_line: false }, "arbitrary text");
    }
}
