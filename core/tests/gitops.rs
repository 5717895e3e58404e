//! GitOps delivery, judged by the real clients: every manifest against its kind's
//! published schema (the CRDs' openAPIV3Schema in ../shared/reference/crds through
//! Python's jsonschema, the core kinds through kubernetes-validate's 1.37 schemas,
//! kustomize files through `kubectl kustomize`), the ExternalSecret templates rendered
//! by the real Helm's `tpl`, the inline values read back by the real Helm, the scripts
//! through bash -n and shellcheck, and no secret anywhere in the Git tree.

mod common;

use common::schemas::{python_ok, validate_files};

use base64::Engine;
use ixn_core::artifacts::artifacts;
use ixn_core::generate::gitops::{self, argocd, external_secrets, genesys, GitView, Tree};
use ixn_core::generate::{secrets, values_yaml::ValuesOptions};
use ixn_core::model::{ChartSource, Config, Delivery, SecretStoreKind, SecretsFrom, Value, ValuesIn};
use ixn_core::registry::keys;
use serde_json::Value as Json;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Distinct, hostile secrets: quotes, `$`, backticks, template braces, backslashes,
/// `%`, HTML, newlines and non-ASCII, each long enough to be found only where it is.
const SECRETS: [(&str, &str); 7] = [
    ("registry", "Reg1stry-\"pw'$HOME`id`{{ .x }}\\%s<&>ü"),
    ("redis", "R3dis-pa$$word\"}}{{ end }}'\\n\nline2 é"),
    ("kafka", "K4fka-'\"${KAFKA}%%\\\\ \t</script>"),
    ("admin", "Adm1n-PG\"';DROP ROLE x;--$1 ☃"),
    ("owner", "0wner-pg'\"\\{{- toJson . -}}ü$((1+1))"),
    ("server-db", "S3rverDB-\"only in values' $X ${X} $$ \\y"),
    ("node-db", "N0deDB-'only in values\" `x` ${Y}$"),
];

fn secret(name: &str) -> &'static str {
    SECRETS.iter().find(|(n, _)| *n == name).unwrap().1
}

/// The guide's sample, real values, every secret field set, pull secret on.
fn hostile(delivery: Delivery, from: SecretsFrom, store: SecretStoreKind) -> Config {
    let mut cfg = common::bootstrapped_sample();
    let d = &mut cfg.deploy;
    d.placeholders = false;
    d.delivery = delivery;
    d.git.secrets_from = from;
    d.store.kind = store;
    d.pull_secret_create = true;
    d.registry_server = "registry.example.com".into();
    d.registry_username = "robot$ixn\"{{".into();
    d.registry_email = "ops@example.com".into();
    d.registry_password = secret("registry").into();
    d.redis_password = secret("redis").into();
    d.redis_servername = "redis{{ .x }}\"\\.svc".into();
    d.kafka_bootstrap = "kafka-0.kafka:19092,kafka-1.kafka:19092".into();
    d.kafka_username = "ixn-user\"'".into();
    d.kafka_password = secret("kafka").into();
    d.db_admin_password = secret("admin").into();
    d.db_owner_password = secret("owner").into();
    d.chart_makes_db_secrets = true; // Git delivery must turn this off
    d.chart_repo_url = "https://charts.example.com/genesys".into();
    d.argocd.repo_url = "https://git.example.com/platform/ixn-deploy.git".into();
    d.chart_version = "100.0.008+02".into();
    d.gke_project = "my-project".into();
    d.gke_location = "europe-west1".into();
    d.store.key_vault = "ixn-kv".into();
    d.store.vault_server = "https://vault.example.com:8200".into();
    cfg.values.set(keys::TENANT_SID, Value::Str("100".into()));
    for (def, name) in [
        (keys::IXN_SERVICE_IXN_SERVER_SECRETS_DB_PASSWORD, "server-db"),
        (keys::IXN_SERVICE_IXN_NODE_SECRETS_DB_PASSWORD, "node-db"),
    ] {
        cfg.values.set(def, Value::Str(secret(name).into()));
    }
    cfg
}

/// Every combination of delivery, secrets and store (the store only with ESO), and
/// Argo CD with values inline and in a file.
fn every_mode() -> Vec<(String, Config)> {
    let mut out = Vec::new();
    for delivery in [Delivery::Argocd, Delivery::Flux, Delivery::Genesys] {
        for (from, stores) in [
            (SecretsFrom::Kubectl, &[SecretStoreKind::GcpSecretManager][..]),
            (
                SecretsFrom::ExternalSecrets,
                &[SecretStoreKind::GcpSecretManager, SecretStoreKind::AzureKeyVault, SecretStoreKind::Vault][..],
            ),
        ] {
            for &store in stores {
                let mut cfg = hostile(delivery, from, store);
                out.push((format!("{delivery:?}-{from:?}-{store:?}"), cfg.clone()));
                if delivery == Delivery::Argocd {
                    cfg.deploy.argocd.values_in = ValuesIn::File;
                    out.push((format!("{delivery:?}-file-{from:?}-{store:?}"), cfg.clone()));
                }
                if from == SecretsFrom::Kubectl {
                    cfg.deploy.db_bootstrap = false;
                    cfg.deploy.pull_secret_create = false;
                    out.push((format!("{delivery:?}-{from:?}-plain"), cfg));
                }
            }
        }
    }
    out
}

fn tree_of(cfg: &Config) -> Tree {
    ixn_core::delivery::tree(cfg, ValuesOptions::default()).expect("a Git delivery mode")
}

/// The reference data, or a skip (a plain clone has no ../shared); in CI a failure.
fn shared(rel: &str) -> Option<PathBuf> {
    common::shared_path(&format!("reference/{rel}"))
}

/// A client binary at the contract path; missing is a failure that says how to install.
fn tool(rel: &str) -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../.tools").join(rel);
    assert!(
        p.exists(),
        "{} is missing: run scripts/setup.sh --browser (it installs Helm 3, Helm 4 and kubectl under .tools/)",
        p.display()
    );
    p
}

fn program(name: &str, install: &str) -> PathBuf {
    common::on_path(name).unwrap_or_else(|| panic!("{name} is not installed: {install}"))
}

fn temp(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ixn-gitops-{tag}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes the tree under `dir/git` and the seed beside it.
fn write_tree(tree: &Tree, dir: &Path) {
    for f in &tree.files {
        let p = dir.join("git").join(&f.path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(&p, &f.text).unwrap();
    }
    fs::write(dir.join(gitops::SEED_FILE), &tree.seed).unwrap();
}

/// Every form a secret could take in a file.
fn forms(s: &str) -> Vec<String> {
    let json = serde_json::to_string(s).unwrap();
    let mut out =
        vec![s.to_string(), base64::engine::general_purpose::STANDARD.encode(s), json[1..json.len() - 1].to_string()];
    // The YAML writer's double-quoted form of it, and shell single-quoting.
    out.push(ixn_core::yaml::double_quoted(s));
    out.push(shell_words::quote(s).into_owned());
    out.push(ixn_core::generate::shell::quote(s).into_owned());
    // Inside a JSON blob inside a JSON document (voice-redis-ors-stream in a manifest).
    let twice = serde_json::to_string(&json[1..json.len() - 1]).unwrap();
    out.push(twice[1..twice.len() - 1].to_string());
    out
}

/// Every string scalar of a YAML text, read as Helm reads it.
fn strings_of(text: &str, out: &mut Vec<String>) {
    fn walk(n: &ixn_core::yaml::Node, out: &mut Vec<String>) {
        use ixn_core::yaml::Node;
        match n {
            Node::Str(s) | Node::Block(s) | Node::Placeholder(s) | Node::Float(s) => out.push(s.clone()),
            Node::Seq(items) => items.iter().for_each(|i| walk(i, out)),
            Node::Map(entries) => entries.iter().for_each(|e| {
                out.push(e.key.clone());
                walk(&e.value, out)
            }),
            _ => {}
        }
    }
    let node =
        ixn_core::yaml::read_yaml(text, ixn_core::import::LIMITS).unwrap_or_else(|e| panic!("not YAML: {e}\n{text}"));
    walk(&node, out);
}

/// Fails when `text`, a YAML file, holds one of [`SECRETS`] in any form (raw, escaped,
/// or decoded from a YAML string).
fn assert_holds_no_secret(tag: &str, what: &str, text: &str) {
    let mut scalars = Vec::new();
    strings_of(text, &mut scalars);
    for (name, s) in SECRETS {
        for form in forms(s) {
            assert!(!text.contains(&form), "{tag}: {what} holds the {name} secret as {form:?}");
        }
        assert!(!scalars.iter().any(|x| x.contains(s)), "{tag}: {what} holds the {name} secret in a YAML string");
    }
}

// Issue 23.1: the Values tab's preview, Copy and Download, the Changes view (and
// `ixn-portal diff`) give the values file of the delivery: in a Git delivery the one
// that goes to Git, for every secret source, secret style and placeholder choice.
#[test]
fn every_values_view_of_a_git_delivery_gives_the_values_that_go_to_git() {
    use ixn_core::generate::values_yaml::Form;
    use ixn_core::model::SecretStyle;
    let full = ValuesOptions { form: Form::Full, comments: true, schema_line: true };
    for (tag, base) in every_mode() {
        for style in [SecretStyle::Guide, SecretStyle::Stdin] {
            for placeholders in [false, true] {
                for opts in [ValuesOptions::default(), full] {
                    let mut cfg = base.clone();
                    cfg.deploy.secret_style = style;
                    cfg.deploy.placeholders = placeholders;
                    let tag = format!("{tag}-{style:?}-placeholders={placeholders}-{:?}", opts.form);
                    // What the Values tab shows with secrets shown, copies and downloads.
                    let a = artifacts(&cfg, opts);
                    let t = GitView::of(&cfg, opts);
                    assert_eq!(a.values_yaml, t.values_yaml, "{tag}");
                    assert!(!a.values_hold_secrets, "{tag}");
                    assert_holds_no_secret(&tag, "the values preview", &a.values_yaml);
                    // The Changes view and `ixn-portal diff`.
                    let compared = ixn_core::chart::compared_values(&cfg);
                    assert_eq!(
                        compared,
                        ixn_core::generate::values_yaml::values_tree(
                            &gitops::values_config(&gitops::for_git(&cfg)),
                            &ixn_core::model::Effective::of(&gitops::values_config(&gitops::for_git(&cfg))),
                            ValuesOptions::default()
                        ),
                        "{tag}"
                    );
                    let compared_text = ixn_core::yaml::to_yaml(&compared, Default::default());
                    assert_holds_no_secret(&tag, "the Changes view", &compared_text);
                    // The Git tree's own values file, when there is one, is the same text.
                    if let Some(f) = ixn_core::delivery::tree(&cfg, opts)
                        .unwrap()
                        .files
                        .iter()
                        .find(|f| f.path.ends_with("override_values.yaml"))
                    {
                        if cfg.deploy.delivery != Delivery::Genesys {
                            assert_eq!(f.text, a.values_yaml, "{tag}");
                        }
                    }
                }
            }
        }
        // Script mode, same answers: the chart makes the DB secrets, their passwords in
        // the values file (the file is private in the download).
        let mut script = base.clone();
        script.deploy.delivery = Delivery::Script;
        let a = artifacts(&script, ValuesOptions::default());
        assert!(a.values_hold_secrets, "{tag}");
        assert!(a.values_yaml.contains("S3rverDB"), "{tag}");
    }
}

#[test]
fn no_secret_is_written_into_git() {
    for (tag, cfg) in every_mode() {
        let tree = tree_of(&cfg);
        assert!(!tree.files.is_empty());
        for f in &tree.files {
            let mut scalars = Vec::new();
            if f.path.ends_with(".yaml") {
                strings_of(&f.text, &mut scalars);
            }
            for (name, s) in SECRETS {
                for form in forms(s) {
                    assert!(!f.text.contains(&form), "{tag}: {} holds the {name} secret as {form:?}", f.path);
                }
                // Decoded: a YAML escape the raw scan could miss.
                assert!(
                    !scalars.iter().any(|x| x.contains(s)),
                    "{tag}: {} holds the {name} secret in a YAML string",
                    f.path
                );
            }
        }
        // The one place they pass: the seed script, outside the tree.
        // Shell-quoted for a store command, JSON-escaped in a Secret manifest on stdin.
        let seed_has = |s: &str| forms(s).iter().skip(1).any(|f| tree.seed.contains(f.as_str()));
        let d = &cfg.deploy;
        for (name, needed) in [
            ("redis", true),
            ("kafka", true),
            ("server-db", true),
            ("node-db", true),
            ("registry", d.pull_secret_create),
            ("admin", d.db_bootstrap),
            ("owner", d.db_bootstrap),
        ] {
            assert_eq!(seed_has(secret(name)), needed, "{tag}: the seed has the {name} secret");
        }
        assert!(!tree.files.iter().any(|f| f.path.ends_with(gitops::SEED_FILE)), "{tag}: the seed is out of the tree");
    }
}

#[test]
fn the_download_holds_the_tree_and_marks_the_seed_secret() {
    let cfg = hostile(Delivery::Flux, SecretsFrom::ExternalSecrets, SecretStoreKind::Vault);
    // The page's artifacts leave the tree to the worker.
    assert!(artifacts(&cfg, ValuesOptions::default()).gitops.is_none());
    let a = ixn_core::delivery::with_gitops(&cfg, ValuesOptions::default());
    let files = a.files("ixn-100");
    let tree = a.gitops.as_ref().unwrap();
    assert_eq!(files.len(), tree.files.len() + 1);
    for f in &files {
        if f.name == format!("ixn-100/{}", gitops::SEED_FILE) {
            assert_eq!(f.mode(), 0o700);
        } else {
            assert!(f.name.starts_with("ixn-100/git/"), "{}", f.name);
            assert_eq!(f.mode(), 0o644, "{}", f.name);
        }
    }
    // Script mode: unchanged files, the secret-bearing ones private.
    let mut script = cfg.clone();
    script.deploy.delivery = Delivery::Script;
    let a = ixn_core::delivery::with_gitops(&script, ValuesOptions::default());
    assert!(a.gitops.is_none());
    let modes: Vec<(String, u64)> = a.files("ixn-100").iter().map(|f| (f.name.clone(), f.mode())).collect();
    assert_eq!(
        modes,
        [
            ("ixn-100/override_values.yaml".into(), 0o600),
            ("ixn-100/deploy.sh".into(), 0o700),
            ("ixn-100/secrets.json".into(), 0o600),
            ("ixn-100/values.schema.json".into(), 0o644)
        ]
    );
}

#[test]
fn every_manifest_validates_against_its_schema() {
    let Some(crds) = shared("crds") else { return };
    python_ok();
    let kubectl = tool("kubectl/kubectl");
    let mut kinds = std::collections::BTreeSet::new();
    let mut modes: Vec<(String, Tree)> = every_mode().into_iter().map(|(t, c)| (t, tree_of(&c))).collect();
    // A batch too, and OCI charts.
    let batch: Vec<GitView> = ["100", "200"]
        .iter()
        .map(|sid| {
            let mut c = hostile(Delivery::Argocd, SecretsFrom::ExternalSecrets, SecretStoreKind::GcpSecretManager);
            c.values.set(keys::TENANT_SID, Value::Str((*sid).into()));
            c.deploy.chart_source = ChartSource::Oci;
            c.deploy.chart = "oci://europe-docker.pkg.dev/p/charts/ixn".into();
            GitView::of(&c, ValuesOptions::default())
        })
        .collect();
    modes.push(("batch".into(), argocd::application_set(&batch).unwrap()));
    let mut oci = hostile(Delivery::Flux, SecretsFrom::Kubectl, SecretStoreKind::GcpSecretManager);
    oci.deploy.chart_source = ChartSource::Oci;
    oci.deploy.chart = "oci://europe-docker.pkg.dev/p/charts/ixn".into();
    modes.push(("flux-oci".into(), tree_of(&oci)));
    // One validator run for every file of every mode (loading the CRDs is the slow part).
    let root = temp("schema");
    let mut files = Vec::new();
    for (i, (tag, tree)) in modes.iter().enumerate() {
        let dir = root.join(i.to_string());
        write_tree(tree, &dir);
        files.extend(
            tree.files
                .iter()
                .filter(|f| f.path.ends_with(".yaml") && !f.path.ends_with("override_values.yaml"))
                .map(|f| dir.join("git").join(&f.path)),
        );
        // kubectl's own kustomize builds each kustomization folder.
        for f in tree.files.iter().filter(|f| f.path.ends_with("kustomization.yaml")) {
            let folder = dir.join("git").join(&f.path).parent().unwrap().to_path_buf();
            let out = Command::new(&kubectl).arg("kustomize").arg(&folder).output().unwrap();
            assert!(
                out.status.success(),
                "{tag}: kubectl kustomize {}: {}",
                f.path,
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    for s in validate_files(&crds, &files) {
        // The Flux Kustomization's CRD is not in the reference set: its fields are
        // checked by `flux_kustomizations_chain_the_folders` below.
        assert!(
            !s.starts_with("none") || s == "none kustomize.toolkit.fluxcd.io/v1/Kustomization",
            "no schema for {s}"
        );
        kinds.insert(s);
    }
    let _ = fs::remove_dir_all(&root);
    for kind in [
        "crd argoproj.io/v1alpha1/Application",
        "crd argoproj.io/v1alpha1/ApplicationSet",
        "crd helm.toolkit.fluxcd.io/v2/HelmRelease",
        "crd source.toolkit.fluxcd.io/v1/HelmRepository",
        "crd external-secrets.io/v1/ExternalSecret",
        "crd external-secrets.io/v1/SecretStore",
        "core batch/v1/Job",
        "core v1/ConfigMap",
        "core v1/Namespace",
        "core v1/ServiceAccount",
        "kustomize",
    ] {
        assert!(kinds.contains(kind), "{kind} was never validated: {kinds:?}");
    }
}

#[test]
fn flux_kustomizations_chain_the_folders() {
    let cfg = hostile(Delivery::Flux, SecretsFrom::ExternalSecrets, SecretStoreKind::AzureKeyVault);
    let tree = tree_of(&cfg);
    let read = |p: &str| {
        let f = tree
            .file(p)
            .unwrap_or_else(|| panic!("{p} missing: {:?}", tree.files.iter().map(|f| &f.path).collect::<Vec<_>>()));
        ixn_core::profile::to_json(&ixn_core::yaml::read_yaml(&f.text, ixn_core::import::LIMITS).unwrap())
    };
    let secrets = read("ixn/ixn-100/flux/secrets.yaml");
    let boot = read("ixn/ixn-100/flux/db-bootstrap.yaml");
    let release = read("ixn/ixn-100/flux/release.yaml");
    assert_eq!(secrets["spec"]["path"], "./ixn/ixn-100/secrets");
    assert_eq!(boot["spec"]["dependsOn"][0]["name"], "ixn-100-secrets");
    assert_eq!(boot["spec"]["wait"], true);
    assert_eq!(boot["spec"]["force"], true);
    assert_eq!(release["spec"]["dependsOn"][0]["name"], "ixn-100-db-bootstrap");
    for k in [&secrets, &boot, &release] {
        assert_eq!(k["apiVersion"], "kustomize.toolkit.fluxcd.io/v1");
        assert_eq!(k["spec"]["sourceRef"]["kind"], "GitRepository");
        assert_eq!(k["spec"]["sourceRef"]["name"], "flux-system");
        assert_eq!(k["spec"]["prune"], true);
    }
    let root = read("ixn/ixn-100/kustomization.yaml");
    assert_eq!(
        root["resources"],
        serde_json::json!(["flux/secrets.yaml", "flux/db-bootstrap.yaml", "flux/release.yaml"])
    );
}

/// A throwaway chart whose one template prints `.Values` as base64 JSON, or each
/// template of `.Values.es` rendered by `tpl` with its data.
fn probe_chart(dir: &Path) -> PathBuf {
    let chart = dir.join("probe");
    fs::create_dir_all(chart.join("templates")).unwrap();
    fs::write(chart.join("Chart.yaml"), "apiVersion: v2\nname: probe\nversion: 0.1.0\n").unwrap();
    fs::write(
        chart.join("templates/out.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: probe\ndata:\n  values: {{ toJson .Values | b64enc | quote }}\n{{- range $i, $es := .Values.es }}\n{{- range $k, $t := $es.templates }}\n  {{ printf \"%d-%s\" $i $k | b64enc | quote }}: {{ tpl $t $es.data | b64enc | quote }}\n{{- end }}\n{{- end }}\n",
    )
    .unwrap();
    chart
}

fn helm_template(helm: &Path, chart: &Path, values: &[&Path]) -> serde_json::Map<String, Json> {
    let mut cmd = Command::new(helm);
    cmd.args(["template", "probe"]).arg(chart);
    for v in values {
        cmd.arg("-f").arg(v);
    }
    let out = cmd
        .env("HELM_CACHE_HOME", chart.join(".cache"))
        .env("HELM_CONFIG_HOME", chart.join(".config"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{} template: {}", helm.display(), String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let doc = ixn_core::profile::to_json(&ixn_core::yaml::read_yaml(&text, ixn_core::import::LIMITS).unwrap());
    let mut decoded = serde_json::Map::new();
    for (k, v) in doc["data"].as_object().unwrap() {
        let b = |s: &str| String::from_utf8(base64::engine::general_purpose::STANDARD.decode(s).unwrap()).unwrap();
        let key = if k == "values" { k.clone() } else { b(k) };
        decoded.insert(key, Json::String(b(v.as_str().unwrap())));
    }
    decoded
}

/// Helm's values: what `toJson .Values` gives, minus the probe's own key.
fn helm_values(helm: &Path, chart: &Path, file: &Path) -> Json {
    let m = helm_template(helm, chart, &[file]);
    serde_json::from_str(m["values"].as_str().unwrap()).unwrap()
}

#[test]
fn values_in_git_read_back_in_helm_as_the_script_values_file() {
    let helms = [tool("helm3/helm"), tool("helm4/helm")];
    let dir = temp("values");
    let chart = probe_chart(&dir);
    for (tag, cfg) in every_mode() {
        let tree = tree_of(&cfg);
        let t = GitView::of(&cfg, ValuesOptions::default());
        // The Script mode's values file for the same answers as Git delivery takes them.
        let mut script = gitops::values_config(&gitops::for_git(&cfg));
        script.deploy.delivery = Delivery::Script;
        let script_yaml = artifacts(&script, ValuesOptions::default()).values_yaml;
        assert_eq!(t.values_yaml, script_yaml, "{tag}");
        fs::write(dir.join("script.yaml"), &script_yaml).unwrap();
        let inline: Option<Json> = tree.files.iter().find_map(|f| {
            let doc = ixn_core::profile::to_json(&ixn_core::yaml::read_yaml(&f.text, ixn_core::import::LIMITS).ok()?);
            match doc["kind"].as_str()? {
                "Application" => {
                    let src = if doc["spec"]["source"].is_object() {
                        &doc["spec"]["source"]
                    } else {
                        &doc["spec"]["sources"][0]
                    };
                    src["helm"].get("valuesObject").cloned()
                }
                "HelmRelease" => Some(doc["spec"]["values"].clone()),
                _ => None,
            }
        });
        let git_values = tree.files.iter().find(|f| f.path.ends_with("override_values.yaml"));
        match (inline, git_values) {
            (Some(values), None) => {
                fs::write(dir.join("git.yaml"), serde_json::to_string(&values).unwrap()).unwrap();
                for helm in &helms {
                    assert_eq!(
                        helm_values(helm, &chart, &dir.join("git.yaml")),
                        helm_values(helm, &chart, &dir.join("script.yaml")),
                        "{tag}: {}",
                        helm.display()
                    );
                }
            }
            (None, Some(f)) if cfg.deploy.delivery == Delivery::Genesys => {
                // The workflow's envsubst, with the script's export, gives the file back.
                let out = Command::new(program("envsubst", "apt-get install gettext-base"))
                    .env(genesys::DOLLAR_VAR, "$")
                    .stdin(std::process::Stdio::piped())
                    .stdout(std::process::Stdio::piped())
                    .spawn()
                    .and_then(|mut c| {
                        use std::io::Write;
                        c.stdin.take().unwrap().write_all(f.text.as_bytes())?;
                        c.wait_with_output()
                    })
                    .unwrap();
                assert_eq!(String::from_utf8(out.stdout).unwrap(), script_yaml, "{tag}");
            }
            (None, Some(f)) => assert_eq!(f.text, script_yaml, "{tag}"),
            other => panic!("{tag}: values in neither or both places: {other:?}"),
        }
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn external_secret_templates_render_the_guides_json() {
    // ESO renders target.template with Go's text/template and Sprig. The real Helm's
    // `tpl` is the same engine (text/template, Sprig's functions, toJson and b64enc
    // as ESO's), so it stands in for ESO here, with the hostile store values.
    let helms = [tool("helm3/helm"), tool("helm4/helm")];
    let dir = temp("tpl");
    let chart = probe_chart(&dir);
    for store in [SecretStoreKind::GcpSecretManager, SecretStoreKind::Vault] {
        let cfg = hostile(Delivery::Argocd, SecretsFrom::ExternalSecrets, store);
        let t = GitView::of(&cfg, ValuesOptions::default());
        let plan = external_secrets::plan(&t);
        let mut es_values = Vec::new();
        let mut expected = Vec::new();
        for (i, (_, es)) in plan.externals.iter().enumerate() {
            let spec = &es.body.spec;
            let mut data = serde_json::Map::new();
            for item in &spec.data {
                let entry = plan.entries.iter().find(|e| e.key == item.remote_ref.key).unwrap();
                data.insert(item.secret_key.clone(), Json::String(entry.value.clone()));
            }
            let Some(tpl) = &spec.target.template else { continue };
            es_values.push(serde_json::json!({"templates": tpl.data, "data": data}));
            let real = t.specs.iter().find(|s| s.name == es.metadata.name).unwrap();
            for (k, v) in &real.data {
                expected.push((format!("{}-{k}", es_values.len() - 1), v.clone(), i));
            }
        }
        assert!(expected.len() >= 5, "pull, Redis, Kafka and two DB secrets: {expected:?}");
        fs::write(dir.join("es.yaml"), serde_json::to_string(&serde_json::json!({"es": es_values})).unwrap()).unwrap();
        for helm in &helms {
            let rendered = helm_template(helm, &chart, &[&dir.join("es.yaml")]);
            for (key, want, _) in &expected {
                let got = rendered[key].as_str().unwrap();
                if want.starts_with('{') {
                    // The same JSON, key for key and in order, every value a string.
                    let parse = |s: &str| serde_json::from_str::<Json>(s).unwrap_or_else(|e| panic!("{key}: {e}: {s}"));
                    let (g, w) = (parse(got), parse(want));
                    assert_eq!(g, w, "{key} ({})", helm.display());
                    assert_eq!(
                        serde_json::to_string(&g).unwrap(),
                        serde_json::to_string(&w).unwrap(),
                        "{key}: key order"
                    );
                } else {
                    assert_eq!(got, want, "{key} ({})", helm.display());
                }
            }
            // The guide's blobs are exactly these.
            let redis = expected.iter().find(|(k, ..)| k.ends_with(secrets::REDIS_KEY)).unwrap();
            assert_eq!(redis.1, secrets::redis_json(&t.cfg));
            assert!(serde_json::from_str::<Json>(&redis.1).unwrap().as_object().unwrap().values().all(Json::is_string));
        }
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn generated_scripts_pass_bash_and_shellcheck() {
    let shellcheck = program("shellcheck", "apt-get install shellcheck (scripts/setup.sh --browser)");
    let dir = temp("sh");
    for (tag, cfg) in every_mode() {
        let tree = tree_of(&cfg);
        let mut scripts: Vec<(String, &str)> = tree
            .files
            .iter()
            .filter(|f| f.path.ends_with(".sh"))
            .map(|f| (f.path.replace('/', "_"), f.text.as_str()))
            .collect();
        scripts.push((gitops::SEED_FILE.into(), &tree.seed));
        for (name, text) in scripts {
            let p = dir.join(&name);
            fs::write(&p, text).unwrap();
            let n = Command::new("bash").arg("-n").arg(&p).output().unwrap();
            assert!(n.status.success(), "{tag} {name}: bash -n: {}", String::from_utf8_lossy(&n.stderr));
            // Every check, SC2016 included: a `$` of any value is escaped outside the quotes.
            let sc = Command::new(&shellcheck).args(["--shell=bash"]).arg(&p).output().unwrap();
            assert!(sc.status.success(), "{tag} {name}: shellcheck:\n{}\n{text}", String::from_utf8_lossy(&sc.stdout));
        }
    }
    let _ = fs::remove_dir_all(&dir);
}

const STUB: &str = r#"#!/usr/bin/env bash
n=$(ls "$STUB_LOG" | wc -l)
f="$STUB_LOG/$(printf %04d "$n")-$(basename "$0")"
printf '%s\0' "$@" > "$f.args"
cat > "$f.stdin"
# gcloud secrets describe: the secret does not exist yet.
[[ "$(basename "$0") $1 $2" == "gcloud secrets describe" ]] && exit 1
exit 0
"#;

/// Runs `script` with recording stubs; every call's program, arguments and stdin.
fn run_stubbed(script: &str, dir: &Path) -> Vec<(String, Vec<String>, String)> {
    let (bin, log) = (dir.join("bin"), dir.join("log"));
    for d in [&bin, &log] {
        let _ = fs::remove_dir_all(d);
        fs::create_dir_all(d).unwrap();
    }
    for p in ["kubectl", "gcloud", "az", "vault"] {
        fs::write(bin.join(p), STUB).unwrap();
        Command::new("chmod").arg("+x").arg(bin.join(p)).status().unwrap();
    }
    fs::write(dir.join("seed.sh"), script).unwrap();
    let out = Command::new("bash")
        .arg(dir.join("seed.sh"))
        .env("PATH", format!("{}:{}", bin.display(), std::env::var("PATH").unwrap()))
        .env("STUB_LOG", &log)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "seed failed: {}\n{script}", String::from_utf8_lossy(&out.stderr));
    let mut names: Vec<String> = fs::read_dir(&log)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".args"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|n| {
            let stem = n.trim_end_matches(".args");
            let raw = fs::read(log.join(n)).unwrap();
            let mut args: Vec<String> =
                raw.split(|b| *b == 0).map(|a| String::from_utf8(a.to_vec()).unwrap()).collect();
            args.pop();
            let program = stem.split_once('-').unwrap().1.to_string();
            (program, args, fs::read_to_string(log.join(format!("{stem}.stdin"))).unwrap())
        })
        .collect()
}

#[test]
fn the_seed_passes_every_secret_on_stdin_only() {
    let dir = temp("seed");
    for store in [SecretStoreKind::GcpSecretManager, SecretStoreKind::AzureKeyVault, SecretStoreKind::Vault] {
        let cfg = hostile(Delivery::Argocd, SecretsFrom::ExternalSecrets, store);
        let t = GitView::of(&cfg, ValuesOptions::default());
        let calls = run_stubbed(&tree_of(&cfg).seed, &dir);
        let plan = external_secrets::plan(&t);
        for e in &plan.entries {
            let call = calls
                .iter()
                .find(|(_, args, stdin)| {
                    args.iter().any(|a| a == &e.key) && !stdin.is_empty()
                        || (args.iter().any(|a| a == &e.key) && e.value.is_empty())
                })
                .unwrap_or_else(|| panic!("{store:?}: no call put {}: {calls:?}", e.key));
            assert_eq!(call.2, e.value, "{store:?} {}: the value exactly, on stdin", e.key);
        }
        for (_, args, _) in &calls {
            for (name, s) in SECRETS {
                assert!(!args.iter().any(|a| a.contains(s)), "{store:?}: the {name} secret in an argument: {args:?}");
            }
        }
        let stored: Vec<&str> = plan.entries.iter().map(|e| e.value.as_str()).collect();
        for name in ["registry", "redis", "kafka", "admin", "owner", "server-db", "node-db"] {
            assert!(stored.contains(&secret(name)), "{store:?}: {name} is not stored");
        }
    }
    // kubectl mode: Secret manifests on stdin, read back as the Secrets the chart needs.
    let cfg = hostile(Delivery::Flux, SecretsFrom::Kubectl, SecretStoreKind::GcpSecretManager);
    let t = GitView::of(&cfg, ValuesOptions::default());
    let calls = run_stubbed(&tree_of(&cfg).seed, &dir);
    for spec in &t.specs {
        let call = calls
            .iter()
            .find(|(p, _, stdin)| {
                p == "kubectl" && stdin.contains(&format!("\"name\": {}", serde_json::to_string(&spec.name).unwrap()))
            })
            .unwrap();
        let m: Json = serde_json::from_str(&call.2).unwrap();
        for (k, v) in &spec.data {
            assert_eq!(m["stringData"][k].as_str(), Some(v.as_str()), "{} {k}", spec.name);
        }
        for (_, s) in SECRETS {
            assert!(!call.1.iter().any(|a| a.contains(s)));
        }
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_batch_is_one_application_set_with_an_element_per_tenant() {
    let tenants: Vec<GitView> = ["100", "200", "300"]
        .iter()
        .map(|sid| {
            let mut c = hostile(Delivery::Argocd, SecretsFrom::ExternalSecrets, SecretStoreKind::AzureKeyVault);
            c.values.set(keys::TENANT_SID, Value::Str((*sid).into()));
            GitView::of(&c, ValuesOptions::default())
        })
        .collect();
    let tree = argocd::application_set(&tenants).unwrap();
    let set = tree.file(argocd::APPLICATION_SET_FILE).unwrap();
    let doc = ixn_core::profile::to_json(&ixn_core::yaml::read_yaml(&set.text, ixn_core::import::LIMITS).unwrap());
    let elements = doc["spec"]["generators"][0]["list"]["elements"].as_array().unwrap();
    assert_eq!(
        elements.iter().map(|e| e["release"].as_str().unwrap()).collect::<Vec<_>>(),
        ["ixn-100", "ixn-200", "ixn-300"]
    );
    // Beside it, outside every tenant folder: how it gets applied.
    let readme = &tree.file("README.md").unwrap().text;
    assert!(readme.contains("kubectl apply -n argocd -f applicationset.yaml"), "{readme}");
    for sid in ["100", "200", "300"] {
        assert!(tree.file(&format!("ixn/ixn-{sid}/override_values.yaml")).is_some());
        assert!(tree.seed.contains(&format!("# ---- ixn-{sid}")));
    }
    // The same from configurations, as the command line calls it.
    let cfgs: Vec<Config> = tenants.iter().map(|t| t.cfg.clone()).collect();
    assert_eq!(gitops::argocd_batch(&cfgs, ValuesOptions::default()).unwrap(), tree);
    // Two tenants in one folder are refused, saying which.
    let err = argocd::application_set(&[tenants[0].clone(), tenants[0].clone()]).unwrap_err();
    assert_eq!(err.to_string(), "tenants 1 and 2 would both write the folder ixn/ixn-100");
    assert!(argocd::application_set(&[]).is_err());
}

#[test]
fn profiles_keep_the_delivery_settings_under_their_contract_names() {
    let mut cfg = hostile(Delivery::Flux, SecretsFrom::ExternalSecrets, SecretStoreKind::AzureKeyVault);
    cfg.deploy.git.path = "clusters/prod/ixn-100".into();
    let p = ixn_core::profile::Profile::of(&cfg, false);
    let yaml = p.to_yaml_text();
    for line in [
        "  delivery: flux\n",
        "  secretsFrom: external-secrets\n",
        "  secretStore: azure-key-vault\n",
        "  gitPath: clusters/prod/ixn-100\n",
    ] {
        assert!(yaml.contains(line), "{line:?} in\n{yaml}");
    }
    let back = ixn_core::profile::load(&yaml).unwrap();
    assert_eq!(back.deploy, cfg.deploy.masked(""));
    // The form's fields carry the same names and values.
    for (name, v) in [
        ("deploy.delivery", "flux"),
        ("deploy.secretsFrom", "external-secrets"),
        ("deploy.secretStore", "azure-key-vault"),
    ] {
        assert_eq!((ixn_core::model::context_field(name).unwrap().get)(&back.deploy), v);
    }
}

#[test]
fn bad_delivery_settings_are_reported_at_their_field() {
    let mut cfg = hostile(Delivery::Argocd, SecretsFrom::ExternalSecrets, SecretStoreKind::AzureKeyVault);
    cfg.deploy.chart_repo_url = "charts.example.com".into();
    cfg.deploy.argocd.repo_url.clear();
    cfg.deploy.git.path = "../etc".into();
    cfg.deploy.store.key_vault = "kv_with_underscore".into();
    cfg.deploy.psql_image = "postgres:13".into();
    let findings = ixn_core::validate::validate(&cfg, &ixn_core::model::Effective::of(&cfg));
    for path in
        ["deploy.chartRepoUrl", "gitops.repoUrl", "gitops.path", "store.keyVault", "db.psqlImage", "db.chartSecrets"]
    {
        assert!(findings.iter().any(|f| f.path == path), "{path}: {findings:?}");
    }
    // An unsafe folder never reaches a path.
    let tree = tree_of(&cfg);
    assert!(
        tree.files.iter().all(|f| f.path.starts_with("ixn/ixn-100/")),
        "{:?}",
        tree.files.iter().map(|f| &f.path).collect::<Vec<_>>()
    );
}

/// `cfg` with what a row needs to render: the DB host and the chart's repository.
fn complete(mut cfg: Config) -> Config {
    cfg.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_HOST, Value::Str("pg.example".into()));
    cfg.deploy.chart_repo_url = "https://charts.example.com/ixn".into();
    cfg
}

/// A batch of three tenants over the hostile base in `delivery`, rendered as
/// `ixn-portal batch` writes it, under `dir`.
fn write_batch(delivery: Delivery, from: SecretsFrom, dir: &Path) -> Vec<ixn_core::generate::archive::File> {
    use ixn_core::batch::{render, Batch, Tenants};
    let base = complete(hostile(delivery, from, SecretStoreKind::GcpSecretManager));
    let csv = "tenant.sid,deploy.namespace\n100,ixn-a\n200,ixn-b\n300,ixn-c\n";
    let batch = Batch::new(base, Tenants::parse("tenants.csv", csv).unwrap());
    let reports = batch.check();
    assert!(reports.iter().all(|r| !r.failed()), "{reports:?}");
    let files = render::all(&batch, &reports, ValuesOptions::default(), &|_| {}).unwrap();
    for f in &files {
        let p = dir.join(&f.name);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(&p, &f.data).unwrap();
    }
    files
}

#[test]
fn gitops_batches_validate_build_and_hold_no_secret() {
    let crds = shared("crds");
    let kubectl = tool("kubectl/kubectl");
    let root = temp("batch");
    let mut yaml = Vec::new();
    for delivery in [Delivery::Argocd, Delivery::Flux, Delivery::Genesys] {
        for from in [SecretsFrom::Kubectl, SecretsFrom::ExternalSecrets] {
            let dir = root.join(format!("{delivery:?}-{from:?}"));
            let files = write_batch(delivery, from, &dir);
            let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
            // The seed and the index beside git/, every other file inside it.
            assert!(names.contains(&gitops::SEED_FILE) && names.contains(&"tenants.csv"), "{names:?}");
            for f in files.iter().filter(|f| f.name != gitops::SEED_FILE && f.name != "tenants.csv") {
                assert!(f.name.starts_with("git/"), "{}", f.name);
                let text = String::from_utf8_lossy(&f.data);
                for (name, s) in SECRETS {
                    for form in forms(s) {
                        assert!(!text.contains(&form), "{delivery:?}: {} holds the {name} secret", f.name);
                    }
                }
                if f.name.ends_with(".yaml") && !f.name.ends_with("override_values.yaml") {
                    yaml.push(dir.join(&f.name));
                }
            }
            let seed = files.iter().find(|f| f.name == gitops::SEED_FILE).unwrap();
            assert_eq!(seed.mode(), 0o700);
            let seed = String::from_utf8_lossy(&seed.data);
            for sid in ["100", "200", "300"] {
                assert!(seed.contains(&format!("# ---- ixn-{sid}")), "{seed}");
            }
            match delivery {
                Delivery::Argocd => {
                    let set = fs::read_to_string(dir.join("git").join(argocd::APPLICATION_SET_FILE)).unwrap();
                    let doc =
                        ixn_core::profile::to_json(&ixn_core::yaml::read_yaml(&set, ixn_core::import::LIMITS).unwrap());
                    let elements = doc["spec"]["generators"][0]["list"]["elements"].as_array().unwrap();
                    let ns: Vec<&str> = elements.iter().map(|e| e["namespace"].as_str().unwrap()).collect();
                    assert_eq!(ns, ["ixn-a", "ixn-b", "ixn-c"]);
                    for sid in ["100", "200", "300"] {
                        assert!(dir.join(format!("git/ixn/ixn-{sid}/override_values.yaml")).exists());
                    }
                }
                Delivery::Flux => {
                    // One Kustomization at git/ reads every tenant: kubectl builds it.
                    let out = Command::new(&kubectl).arg("kustomize").arg(dir.join("git")).output().unwrap();
                    assert!(out.status.success(), "kubectl kustomize git: {}", String::from_utf8_lossy(&out.stderr));
                    let built = String::from_utf8_lossy(&out.stdout);
                    for sid in ["100", "200", "300"] {
                        assert!(built.contains(&format!("name: ixn-{sid}-release")), "{built}");
                    }
                }
                _ => {
                    let chart = dir.join("git").join(genesys::CHART_DIR);
                    assert_eq!(fs::read_to_string(chart.join("chart.ver")).unwrap(), "100.0.008+02\n");
                    for (n, sid) in [(1, "100"), (2, "200"), (3, "300")] {
                        let rel = chart.join(format!("{n:02}_release_ixn-{sid}"));
                        assert!(rel.join("override_values.yaml").exists(), "{}", rel.display());
                        assert!(rel.join("pre-release-script.sh").exists());
                    }
                }
            }
            // Every kustomization folder builds.
            for f in files.iter().filter(|f| f.name.ends_with("kustomization.yaml")) {
                let folder = dir.join(&f.name).parent().unwrap().to_path_buf();
                let out = Command::new(&kubectl).arg("kustomize").arg(&folder).output().unwrap();
                assert!(out.status.success(), "kubectl kustomize {}: {}", f.name, String::from_utf8_lossy(&out.stderr));
            }
        }
    }
    if let Some(crds) = crds {
        python_ok();
        for s in validate_files(&crds, &yaml) {
            assert!(
                !s.starts_with("none") || s == "none kustomize.toolkit.fluxcd.io/v1/Kustomization",
                "no schema for {s}"
            );
        }
    }
    let _ = fs::remove_dir_all(&root);
}

#[test]
fn a_genesys_batch_needs_one_chart_version_and_rows_keep_the_base_delivery() {
    use ixn_core::batch::{render, Batch, Tenants};
    let base = complete(hostile(Delivery::Genesys, SecretsFrom::Kubectl, SecretStoreKind::GcpSecretManager));
    let csv = "tenant.sid,deploy.chartVersion\n100,1.0.0\n200,2.0.0\n";
    let batch = Batch::new(base.clone(), Tenants::parse("t.csv", csv).unwrap());
    let err = render::all(&batch, &batch.check(), ValuesOptions::default(), &|_| {}).unwrap_err();
    assert!(err.to_string().starts_with("row 2: the Genesys pipeline installs one chart version"), "{err}");
    // A row cannot choose another delivery: the batch has the base's.
    let csv = "tenant.sid,deploy.delivery\n100,genesys\n200,flux\n";
    let batch = Batch::new(base, Tenants::parse("t.csv", csv).unwrap());
    let reports = batch.check();
    assert!(!reports[0].failed());
    let f = &reports[1].findings[0];
    assert_eq!((f.path.to_string().as_str(), f.at.line, f.at.column), ("deploy.delivery", 3, 5));
    assert!(f.message.contains("one delivery, the base profile's (genesys)"), "{}", f.message);
}

// A Git tree ready to commit: a README says how its entry point is applied (and that
// the tools leave it and the entry point out of what they sync); the SecretStore's
// service account is made, with its workload identity, and the seed binds it; the
// Kafka ExternalSecret pulls its values from the store.
#[test]
fn a_tree_says_how_it_is_applied_makes_the_stores_service_account_and_pulls_every_secret() {
    let root = temp("ready");
    for (tag, cfg) in every_mode() {
        let tree = tree_of(&cfg);
        let readme =
            tree.files.iter().find(|f| f.path.ends_with("/README.md")).unwrap_or_else(|| panic!("{tag}: no README"));
        let folder = readme.path.trim_end_matches("/README.md");
        match cfg.deploy.delivery {
            Delivery::Argocd => {
                assert!(
                    readme.text.contains(&format!("kubectl apply -n argocd -f {folder}/application.yaml")),
                    "{tag}"
                );
                let app: Json =
                    serde_yaml::from_str(&tree.file(&format!("{folder}/application.yaml")).unwrap().text).unwrap();
                // What the Git source syncs: manifests/*.yaml only, never the entry point.
                for s in app["spec"]["sources"].as_array().into_iter().flatten() {
                    if let Some(include) = s["directory"]["include"].as_str() {
                        assert_eq!(include, "manifests/*.yaml", "{tag}");
                        assert_eq!(s["path"], folder, "{tag}");
                    }
                }
                assert!(readme.text.contains("never applied as manifests"), "{tag}");
            }
            Delivery::Flux => {
                assert!(readme.text.contains(&format!("kubectl apply -k {folder}")), "{tag}");
                let k = &tree.file(&format!("{folder}/kustomization.yaml")).unwrap().text;
                assert!(!k.contains("README"), "{tag}: {k}");
            }
            _ => assert!(readme.text.contains("pre-release-script.sh"), "{tag}"),
        }
        // Kafka, and every other ExternalSecret, reads at least one value from the store.
        let mut kafka = false;
        for f in tree.files.iter().filter(|f| f.path.contains("external-secret-")) {
            let es: Json = serde_yaml::from_str(&f.text).unwrap();
            assert!(es["spec"]["data"].as_array().is_some_and(|d| !d.is_empty()), "{tag}: {} has no data", f.path);
            kafka |= es["metadata"]["name"] == secrets::KAFKA_SECRET;
        }
        if cfg.deploy.git.secrets_from != SecretsFrom::ExternalSecrets {
            assert!(!tree.files.iter().any(|f| f.path.ends_with("service-account.yaml")), "{tag}");
            continue;
        }
        assert!(kafka, "{tag}: no Kafka ExternalSecret");
        let sa_file =
            tree.files.iter().find(|f| f.path.ends_with("/service-account.yaml")).unwrap_or_else(|| panic!("{tag}"));
        let sa: Json = serde_yaml::from_str(&sa_file.text).unwrap();
        let store: Json =
            serde_yaml::from_str(&tree.files.iter().find(|f| f.path.ends_with("/secret-store.yaml")).unwrap().text)
                .unwrap();
        let provider = store["spec"]["provider"].as_object().unwrap().values().next().unwrap().clone();
        let wanted = provider["auth"]["workloadIdentity"]["serviceAccountRef"]["name"]
            .as_str()
            .or(provider["serviceAccountRef"]["name"].as_str())
            .or(provider["auth"]["kubernetes"]["serviceAccountRef"]["name"].as_str())
            .unwrap();
        assert_eq!(sa["metadata"]["name"], wanted, "{tag}");
        assert_eq!(sa["metadata"]["namespace"], store["metadata"]["namespace"], "{tag}");
        let calls = run_stubbed(&tree.seed, &root.join(&tag));
        let called = |program: &str, words: &[&str]| {
            calls.iter().any(|(p, args, _)| p == program && words.iter().all(|w| args.iter().any(|a| a == w)))
        };
        match cfg.deploy.store.kind {
            SecretStoreKind::GcpSecretManager => {
                let gsa = "ixn-external-secrets@my-project.iam.gserviceaccount.com";
                assert_eq!(sa["metadata"]["annotations"]["iam.gke.io/gcp-service-account"], gsa, "{tag}");
                assert!(
                    called(
                        "gcloud",
                        &[
                            "add-iam-policy-binding",
                            gsa,
                            "--role=roles/iam.workloadIdentityUser",
                            "--member=serviceAccount:my-project.svc.id.goog[ixn/ixn-external-secrets]"
                        ]
                    ),
                    "{tag}: {calls:?}"
                );
                assert!(
                    called(
                        "gcloud",
                        &["add-iam-policy-binding", "my-project", "--role=roles/secretmanager.secretAccessor"]
                    ),
                    "{tag}"
                );
            }
            SecretStoreKind::AzureKeyVault => {
                // The stubs say the identity and its credential exist: the script only
                // makes them when they do not.
                assert!(
                    called("az", &["federated-credential", "show", "ixn-external-secrets-ixn"]),
                    "{tag}: {calls:?}"
                );
                assert!(tree.seed.contains("--subject=system:serviceaccount:ixn:ixn-external-secrets"), "{tag}");
                assert!(called("az", &["role", "assignment", "Key Vault Secrets User"]), "{tag}");
            }
            SecretStoreKind::Vault => {
                assert!(called("vault", &["policy", "write", "ixn"]), "{tag}: {calls:?}");
                assert!(
                    called(
                        "vault",
                        &[
                            "auth/kubernetes/role/ixn",
                            "bound_service_account_names=ixn-external-secrets",
                            "bound_service_account_namespaces=ixn"
                        ]
                    ),
                    "{tag}"
                );
            }
        }
    }
    let _ = fs::remove_dir_all(&root);
}

#[test]
fn forty_tenants_in_one_namespace_declare_its_shared_secrets_once() {
    use ixn_core::batch::{render, Batch, Tenants};
    let mut csv = String::from("tenant.sid,deploy.namespace\n");
    for i in 0..40 {
        csv.push_str(&format!("{},ixn\n", 100 + i));
    }
    let shared = ["redis-ors-secret", "kafka-shared-secret", "pullsecret"];
    for delivery in [Delivery::Argocd, Delivery::Flux, Delivery::Genesys] {
        for from in [SecretsFrom::Kubectl, SecretsFrom::ExternalSecrets] {
            let base = complete(hostile(delivery, from, SecretStoreKind::GcpSecretManager));
            let batch = Batch::new(base, Tenants::parse("tenants.csv", &csv).unwrap());
            let reports = batch.check();
            assert!(reports.iter().all(|r| !r.failed()), "{reports:?}");
            let files = render::all(&batch, &reports, ValuesOptions::default(), &|_| {}).unwrap();
            let text = |f: &ixn_core::generate::archive::File| String::from_utf8_lossy(&f.data).into_owned();
            for name in shared {
                // ExternalSecrets: one per shared Secret in the whole tree.
                let declared = files
                    .iter()
                    .filter(|f| f.name.starts_with("git/"))
                    .filter(|f| {
                        text(f).contains("kind: ExternalSecret") && text(f).contains(&format!("name: {name}\n"))
                    })
                    .count();
                let want = usize::from(from == SecretsFrom::ExternalSecrets);
                assert_eq!(declared, want, "{delivery:?} {from:?}: {name}");
            }
            let seed = text(files.iter().find(|f| f.name == gitops::SEED_FILE).unwrap());
            match from {
                SecretsFrom::Kubectl => {
                    for name in shared {
                        assert_eq!(
                            seed.matches(&format!("\"name\": \"{name}\"")).count(),
                            1,
                            "{delivery:?}: {name}\n{seed}"
                        );
                    }
                }
                SecretsFrom::ExternalSecrets => {
                    // One store entry of the namespace for each shared value, put once.
                    for key in
                        ["ixn-shared-redis-password", "ixn-shared-kafka-password", "ixn-shared-registry-password"]
                    {
                        assert_eq!(seed.matches(&format!("put {key}\n")).count(), 1, "{delivery:?}: {key}\n{seed}");
                    }
                    assert!(!seed.contains("ixn-101-redis-password"), "{delivery:?}");
                    let es = files
                        .iter()
                        .find(|f| f.name.ends_with("external-secret-redis-ors-secret.yaml"))
                        .map(text)
                        .unwrap();
                    assert!(es.contains("key: ixn-shared-redis-password"), "{es}");
                }
            }
        }
    }
    // Script mode: no tenant's deploy.sh deletes a Secret the namespace's tenants share.
    let mut base = complete(hostile(Delivery::Script, SecretsFrom::Kubectl, SecretStoreKind::GcpSecretManager));
    for style in [ixn_core::model::SecretStyle::Guide, ixn_core::model::SecretStyle::Stdin] {
        base.deploy.secret_style = style;
        let batch = Batch::new(base.clone(), Tenants::parse("tenants.csv", &csv).unwrap());
        let reports = batch.check();
        let files = render::all(&batch, &reports, ValuesOptions::default(), &|_| {}).unwrap();
        let scripts: Vec<_> = files.iter().filter(|f| f.name.ends_with("/deploy.sh")).collect();
        assert_eq!(scripts.len(), 40);
        for f in scripts {
            let s = String::from_utf8_lossy(&f.data);
            for name in shared {
                assert!(!s.contains(&format!("kubectl delete secret {name}")), "{style:?}: {}", f.name);
                assert!(s.contains(&format!("# {name}:")), "{style:?}: {} makes {name}", f.name);
            }
        }
    }
}
