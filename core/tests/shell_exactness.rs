//! The generated script, executed by bash with kubectl, helm, gcloud and az replaced by
//! recording stubs: every argument and every stdin must carry the model's text exactly.
//! The real kubectl (v1.37, from `.tools/`) then runs the secret commands with
//! `--dry-run=client -o json`, decodes every manifest, and parses every kubectl line.

mod common;

use ixn_core::artifacts::artifacts;
use ixn_core::generate::{secrets, values_yaml::ValuesOptions};
use ixn_core::model::{ChartSource, Config, HelmMajor, Input, Platform, RedisNode, SecretStyle, Value};
use ixn_core::registry::keys;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

// The two ends of a pipeline (`kubectl create … --dry-run=client | kubectl apply -f -`)
// run at once and may count the same `n`: the process id keeps their records apart.
const STUB: &str = r#"#!/usr/bin/env bash
n=$(ls "$STUB_LOG" | wc -l)
f="$STUB_LOG/$(printf %04d "$n")-$$-$(basename "$0")"
printf '%s\0' "$@" > "$f.args"
cat > "$f.stdin"
"#;

/// One recorded call: the program, its arguments and its stdin.
#[derive(Debug)]
struct Call {
    program: String,
    args: Vec<String>,
    stdin: String,
}

fn run_script(script: &str, tag: &str) -> (Vec<Call>, PathBuf) {
    run_script_in(script, tag, &[], |_| {})
}

/// [`run_script`] with these variables exported.
fn run_script_with(script: &str, tag: &str, env: &[(&str, &str)]) -> (Vec<Call>, PathBuf) {
    run_script_in(script, tag, env, |_| {})
}

/// [`run_script`], with these variables exported and `prepare` called on the folder it
/// runs in (the script sits in another one) before it runs.
fn run_script_in(script: &str, tag: &str, env: &[(&str, &str)], prepare: impl FnOnce(&Path)) -> (Vec<Call>, PathBuf) {
    let dir = std::env::temp_dir().join(format!("ixn-shell-{tag}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let (bin, log, work) = (dir.join("bin"), dir.join("log"), dir.join("work"));
    for d in [&bin, &log, &work] {
        fs::create_dir_all(d).unwrap();
    }
    prepare(&work);
    for p in ["kubectl", "helm", "gcloud", "az", "psql", "curl", "sleep"] {
        let path = bin.join(p);
        fs::write(&path, STUB).unwrap();
        Command::new("chmod").arg("+x").arg(&path).status().unwrap();
    }
    fs::write(dir.join("deploy.sh"), script).unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let out = Command::new("bash")
        .arg(dir.join("deploy.sh"))
        .current_dir(&work)
        .env("PATH", path)
        .env("STUB_LOG", &log)
        .envs(env.iter().copied())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "script failed: {}\n{script}", String::from_utf8_lossy(&out.stderr));
    (read_calls(&log), work)
}

/// The calls the stubs recorded in `log`, in order.
fn read_calls(log: &Path) -> Vec<Call> {
    let mut names: Vec<_> = fs::read_dir(log).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    names
        .iter()
        .filter(|n| n.ends_with(".args"))
        .map(|n| {
            let stem = n.trim_end_matches(".args");
            let raw = fs::read(log.join(n)).unwrap();
            let mut args: Vec<String> =
                raw.split(|b| *b == 0).map(|a| String::from_utf8(a.to_vec()).unwrap()).collect();
            args.pop(); // after the last NUL
            Call {
                program: stem.rsplit_once('-').unwrap().1.to_string(),
                args,
                stdin: fs::read_to_string(log.join(format!("{stem}.stdin"))).unwrap(),
            }
        })
        .collect()
}

/// Every kind of character a shell or a YAML/JSON/SQL writer could trip on.
const NASTY: &str = "a'b\"c$d`e\\f!g h\ni ü 😀 $(touch pwned) ${HOME} *?[x] #c ;& | {a,b}";

/// A loopback port where nothing listens, for chart sources the replays may contact.
fn nowhere() -> u16 {
    static PORT: std::sync::OnceLock<u16> = std::sync::OnceLock::new();
    *PORT.get_or_init(common::closed_port)
}

/// The data of the Secret named `name` as it reached kubectl, in either style: the
/// `--from-literal` pairs of `kubectl create secret generic`, or the applied manifest.
fn made_secret(calls: &[Call], style: SecretStyle, name: &str) -> Vec<(String, String)> {
    match style {
        SecretStyle::Guide => find(calls, "kubectl", &["create", "secret", "generic", name])[0]
            .args
            .iter()
            .filter_map(|a| a.strip_prefix("--from-literal="))
            .map(|kv| {
                let (k, v) = kv.split_once('=').unwrap();
                (k.to_string(), v.to_string())
            })
            .collect(),
        SecretStyle::Stdin => {
            let c = calls
                .iter()
                .find(|c| {
                    c.program == "kubectl"
                        && c.args[0] == "apply"
                        && c.stdin.contains(&format!("\"name\": {}", serde_json::to_string(name).unwrap()))
                })
                .unwrap_or_else(|| panic!("no apply for {name}"));
            let m: serde_json::Value = serde_json::from_str(&c.stdin).unwrap();
            m["stringData"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
                .collect()
        }
    }
}

/// A throwaway pod that needs a credential reads it from the Secret named after it
/// (through `envFrom` in `--overrides`), never from its own command line, and the
/// script deletes that Secret after.
fn assert_pod_reads_secret(calls: &[Call], style: SecretStyle, pod: &str, key: &str, secret: &str) {
    let run = find(calls, "kubectl", &["run", pod])[0];
    assert!(
        !run.args.iter().any(|a| a.contains(secret) || a.starts_with("--env")),
        "{pod}: a secret on kubectl run's command line: {:?}",
        run.args
    );
    let overrides = run.args.iter().find_map(|a| a.strip_prefix("--overrides=")).expect("--overrides");
    let o: serde_json::Value = serde_json::from_str(overrides).unwrap();
    assert_eq!(o["spec"]["containers"][0]["envFrom"][0]["secretRef"]["name"].as_str(), Some(pod));
    assert_eq!(made_secret(calls, style, pod), [(key.to_string(), secret.to_string())], "{pod}");
    let at = calls.iter().position(|c| std::ptr::eq(c, run)).unwrap();
    assert!(
        calls[at..]
            .iter()
            .any(|c| c.program == "kubectl" && c.args.starts_with(&["delete".into(), "secret".into(), pod.into()])),
        "{pod}: its secret deleted after"
    );
}

fn nasty_config(style: SecretStyle, placeholders: bool) -> Config {
    let mut cfg = common::bootstrapped_sample();
    let d = &mut cfg.deploy;
    // Each style takes another chart source, with credentials, so all three are covered.
    d.chart_username = format!("chart-user{NASTY}");
    d.chart_password = format!("chart-pw{NASTY}");
    match (style, placeholders) {
        (SecretStyle::Guide, false) => {
            d.chart_source = ChartSource::Repo;
            d.chart_repo_url = format!("http://127.0.0.1:{}/charts/{NASTY}", nowhere());
        }
        (SecretStyle::Stdin, _) => d.chart_source = ChartSource::Oci,
        (SecretStyle::Guide, true) => d.chart_source = ChartSource::Local,
    }
    d.secret_style = style;
    d.placeholders = placeholders;
    d.platform = Platform::Gke;
    d.gke_cluster = format!("cluster {NASTY}");
    d.gke_project = format!("proj{NASTY}");
    d.gke_location = "europe-west1-b".into();
    d.chart_version = "100.0.008+02".into();
    d.chart = match d.chart_source {
        ChartSource::Repo => "nasty-repo/ixn".into(),
        ChartSource::Oci => format!("oci://127.0.0.1:{}/charts/ixn", nowhere()),
        ChartSource::Local => format!("./charts/ixn {NASTY}"),
    };
    d.registry_username = format!("user{NASTY}");
    d.registry_password = format!("pw{NASTY}");
    d.registry_email = "ops@example.com".into();
    d.redis_password = format!("redis{NASTY}");
    d.kafka_username = format!("k{NASTY}");
    d.kafka_password = format!("kp{NASTY}");
    d.kafka_bootstrap = "kafka.infra.svc:9092".into();
    d.db_admin_password = format!("admin{NASTY}");
    d.db_owner_password = format!("owner{NASTY}");
    d.db_owner_user = format!("ixn{NASTY}");
    d.chart_makes_db_secrets = false;
    cfg.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_HOST, Value::Str("pg.infra.svc".into()));
    cfg.values.set(keys::IXN_SERVICE_IXN_SERVER_CONF_SERVER_APP_NAME, Value::Str(format!("IXN{NASTY}")));
    cfg.values.set(keys::POD_ANNOTATIONS, Value::Map(vec![(NASTY.into(), NASTY.into())]));
    cfg.values.set(
        keys::IXN_SERVICE_IXN_NODE_REDIS,
        Value::Redis(vec![RedisNode { host: "redis.infra".into(), port: Input::new("6379"), cluster: Some(true) }]),
    );
    cfg
}

fn find<'a>(calls: &'a [Call], program: &str, first: &[&str]) -> Vec<&'a Call> {
    calls.iter().filter(|c| c.program == program && c.args.iter().zip(first).all(|(a, f)| a == f)).collect()
}

fn secret_data(cfg: &Config, name: &str) -> Vec<(String, String)> {
    secrets::secret_specs(cfg, &ixn_core::model::Effective::real(cfg))
        .into_iter()
        .find(|s| s.name == name)
        .unwrap()
        .data
}

/// The deploy script without its guard: the nasty text is an error in some fields (a
/// line break), so the script would stop at its guard (tested on its own below); these
/// tests check what every command does with any text.
fn unguarded(cfg: &Config) -> String {
    let mut commands = artifacts(cfg, ValuesOptions::default()).commands;
    commands.errors.clear();
    commands.script()
}

fn check(style: SecretStyle, placeholders: bool, tag: &str) {
    let cfg = nasty_config(style, placeholders);
    let a = artifacts(&cfg, ValuesOptions::default());
    let script = unguarded(&cfg);
    let (calls, work) = run_script(&script, tag);
    assert!(!work.join("pwned").exists(), "command substitution ran");

    // Cluster login: every word exact.
    let gcloud = find(&calls, "gcloud", &["container"]);
    assert_eq!(
        gcloud[0].args,
        [
            "container",
            "clusters",
            "get-credentials",
            &cfg.deploy.gke_cluster,
            "--project",
            &cfg.deploy.gke_project,
            "--zone",
            "europe-west1-b"
        ]
    );

    // The values file on disk is the generated YAML, byte for byte.
    let written = fs::read_to_string(work.join("override_values.yaml")).unwrap();
    assert_eq!(written, a.values_yaml);
    if placeholders {
        let substituted = fs::read_to_string(work.join("override_values.yaml_")).unwrap();
        let v: serde_yaml::Value = serde_yaml::from_str(&substituted).unwrap();
        assert_eq!(v["tenant"]["sid"].as_str(), Some("100"));
        assert_eq!(v["ixnService"]["ixnNode"]["redis"][0]["port"].as_i64(), Some(6379));
        assert_eq!(v["ixnService"]["ixnNode"]["redis"][0]["host"].as_str(), Some("redis.infra"));
        // Everything else kept its `$`, including the nasty annotation.
        assert_eq!(v["podAnnotations"][NASTY].as_str(), Some(NASTY));
    }

    // Helm: release, chart, version and file exact.
    let helm = find(&calls, "helm", &["upgrade"]);
    let file = if placeholders { "override_values.yaml_" } else { "override_values.yaml" };
    assert_eq!(
        helm[0].args,
        [
            "upgrade",
            "--install",
            "ixn-100",
            &cfg.deploy.chart,
            "--version",
            "100.0.008+02",
            "--namespace",
            "ixn",
            "-f",
            file,
            "--rollback-on-failure",
            "--wait=watcher",
            "--timeout",
            "10m0s"
        ]
    );
    assert_eq!(find(&calls, "helm", &["template"]).len(), 1);
    // The chart source: credentials on stdin only, exactly as typed.
    let (user, pw) = (&cfg.deploy.chart_username, &cfg.deploy.chart_password);
    assert!(calls.iter().all(|c| !c.args.iter().any(|a| a.contains("chart-pw"))), "a chart password on a command line");
    match cfg.deploy.chart_source {
        ChartSource::Repo => {
            let add = find(&calls, "helm", &["repo", "add"])[0];
            assert_eq!(
                add.args,
                [
                    "repo",
                    "add",
                    "--force-update",
                    "nasty-repo",
                    &cfg.deploy.chart_repo_url,
                    "--username",
                    user,
                    "--password-stdin"
                ]
            );
            assert_eq!(&add.stdin, pw);
            assert_eq!(find(&calls, "helm", &["repo", "update"])[0].args, ["repo", "update", "nasty-repo"]);
        }
        ChartSource::Oci => {
            let login = find(&calls, "helm", &["registry", "login"])[0];
            assert_eq!(
                login.args,
                ["registry", "login", &format!("127.0.0.1:{}", nowhere()), "--username", user, "--password-stdin"]
            );
            assert_eq!(&login.stdin, pw);
        }
        ChartSource::Local => {
            assert!(find(&calls, "helm", &["repo"]).is_empty() && find(&calls, "helm", &["registry"]).is_empty())
        }
    }

    // Secrets: whatever the style, the data that reaches kubectl is the model's.
    for name in
        [secrets::REDIS_SECRET, secrets::KAFKA_SECRET, "ixn-db-secret-100", "ixn-node-db-secret-100", "pullsecret"]
    {
        let expected = secret_data(&cfg, name);
        let got: Vec<(String, String)> = match style {
            SecretStyle::Guide if name == "pullsecret" => {
                let c = find(&calls, "kubectl", &["create", "secret", "docker-registry", name])[0];
                assert!(c.args.contains(&format!("--docker-password={}", cfg.deploy.registry_password)));
                assert!(c.args.contains(&format!("--docker-username={}", cfg.deploy.registry_username)));
                continue;
            }
            style => made_secret(&calls, style, name),
        };
        let (mut got, mut expected) = (got, expected);
        got.sort();
        expected.sort();
        assert_eq!(got, expected, "{name}");
    }
    // The namespace's shared Secrets are applied, never deleted: another tenant of the
    // namespace may be using them (the guide's own commands rendered by kubectl).
    for name in [secrets::REDIS_SECRET, secrets::KAFKA_SECRET, "pullsecret"] {
        assert!(find(&calls, "kubectl", &["delete", "secret", name]).is_empty(), "{name} deleted");
        if style == SecretStyle::Guide {
            let kind = if name == "pullsecret" { "docker-registry" } else { "generic" };
            let c = find(&calls, "kubectl", &["create", "secret", kind, name])[0];
            assert!(c.args.ends_with(&["--dry-run=client".into(), "--output=yaml".into()]), "{:?}", c.args);
        }
    }
    assert!(script.contains("--dry-run=client --output=yaml | kubectl apply -f -") || style == SecretStyle::Stdin);
    // And the JSON inside is the user's text, every value a string.
    let redis: serde_json::Value = serde_json::from_str(&secret_data(&cfg, secrets::REDIS_SECRET)[0].1).unwrap();
    assert_eq!(redis["password"].as_str(), Some(cfg.deploy.redis_password.as_str()));
    assert_eq!(redis["port"].as_str(), Some("6379"));
    assert_eq!(redis["rejectUnauthorized"].as_str(), Some("false"));
    let kafka: serde_json::Value = serde_json::from_str(&secret_data(&cfg, secrets::KAFKA_SECRET)[0].1).unwrap();
    assert_eq!(kafka["password"].as_str(), Some(cfg.deploy.kafka_password.as_str()));

    // Database bootstrap: psql gets the SQL on stdin, with the owner and password quoted.
    let run = find(&calls, "kubectl", &["run", "ixn-db-bootstrap"])[0];
    assert!(run.stdin.contains(&ixn_core::generate::sql::quote_literal(&cfg.deploy.db_owner_password)));
    assert!(run.stdin.contains("CREATE DATABASE %I OWNER %I', 'ixn-100'"));
    assert_pod_reads_secret(&calls, style, "ixn-db-bootstrap", "PGPASSWORD", &cfg.deploy.db_admin_password);

    // Rollout checks.
    assert_eq!(find(&calls, "kubectl", &["rollout", "status", "statefulset/ixn-100-sts"]).len(), 1);
    assert_eq!(find(&calls, "kubectl", &["rollout", "status", "deployment/ixn-100-vqnode-deploy"]).len(), 1);
    let _ = fs::remove_dir_all(work.parent().unwrap());
}

#[test]
fn guide_style_carries_any_text() {
    check(SecretStyle::Guide, false, "guide");
}

#[test]
fn stdin_style_carries_any_text() {
    check(SecretStyle::Stdin, false, "stdin");
}

#[test]
fn placeholder_mode_substitutes_only_its_variables() {
    check(SecretStyle::Guide, true, "placeholders");
}

// The rendered chart holds its Secrets in plaintext, and the values file (and its
// envsubst output) the credentials: written 0600 whatever the umask, even over a
// wider file an earlier run left, and from whatever folder the script runs in.
#[test]
fn the_files_the_script_writes_are_its_owners_only() {
    use std::os::unix::fs::PermissionsExt;
    let files = ["override_values.yaml", "override_values.yaml_", "ixn-100-rendered.yaml"];
    for (placeholders, tag) in [(true, "private-subst"), (false, "private")] {
        let mut cfg = nasty_config(SecretStyle::Stdin, placeholders);
        cfg.deploy.chart_makes_db_secrets = true;
        let script = unguarded(&cfg);
        let (_, work) = run_script_in(&script, tag, &[], |work| {
            // Left 0644 by an earlier run.
            for f in files {
                fs::write(work.join(f), "old").unwrap();
                fs::set_permissions(work.join(f), fs::Permissions::from_mode(0o644)).unwrap();
            }
        });
        for f in files.iter().filter(|f| placeholders || !f.ends_with('_')) {
            let mode = fs::metadata(work.join(f)).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{tag}: {f}");
        }
        let values = fs::read_to_string(work.join("override_values.yaml")).unwrap();
        assert!(values.contains("enabled: true") && values.contains("password"), "{tag}: the values hold secrets");
        let _ = fs::remove_dir_all(work.parent().unwrap());
    }
}

/// A program on PATH (shellcheck), if this machine has it; says the test is skipped
/// if not (CI installs it: there it must run).
fn installed(program: &str) -> Option<PathBuf> {
    let found = common::on_path(program);
    assert!(found.is_some() || std::env::var("CI").is_err(), "{program} is missing: run `{}`", common::INSTALL);
    if found.is_none() {
        eprintln!("{program} not installed: skipped");
    }
    found
}

#[test]
fn real_kubectl_dry_run_decodes_to_the_model() {
    let kubectl = common::kubectl();
    let cfg = nasty_config(SecretStyle::Guide, false);
    for spec in secrets::secret_specs(&cfg, &ixn_core::model::Effective::real(&cfg)) {
        if spec.kind != "Opaque" {
            continue;
        }
        let mut args = vec![
            "create".to_string(),
            "secret".into(),
            "generic".into(),
            spec.name.clone(),
            "--dry-run=client".into(),
            "-o".into(),
            "json".into(),
        ];
        args.extend(spec.data.iter().map(|(k, v)| format!("--from-literal={k}={v}")));
        let out = kubectl_offline(&kubectl, &args, "", Path::new("."));
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let m: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        for (k, v) in &spec.data {
            let b64 = m["data"][k].as_str().unwrap();
            use base64::Engine;
            let decoded = base64::engine::general_purpose::STANDARD.decode(b64).unwrap();
            assert_eq!(String::from_utf8(decoded).unwrap(), *v, "{} {k}", spec.name);
        }
        // The stdin manifest too, read by kubectl's own decoder.
        let read = kubectl_reads(&kubectl, &serde_json::to_string(&spec.manifest("ixn")).unwrap());
        let [m] = read.as_slice() else { panic!("one object expected: {read:?}") };
        for (k, v) in &spec.data {
            assert_eq!(m["stringData"][k].as_str(), Some(v.as_str()));
        }
    }
}

/// kubectl with `args`, no cluster configured (it falls back to an address where
/// nothing listens), `stdin` on its standard input, in `dir`.
fn kubectl_offline<S: AsRef<std::ffi::OsStr>>(
    kubectl: &Path,
    args: &[S],
    stdin: &str,
    dir: &Path,
) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(kubectl)
        .args(args)
        .current_dir(dir)
        .env("KUBECONFIG", Path::new("/nonexistent"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // kubectl may exit before reading all of it.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

/// What kubectl makes of `manifests`, offline: `kubectl label --local` decodes the file
/// as `apply -f` does (same builder, no server), and prints every object it read.
fn kubectl_reads(kubectl: &Path, manifests: &str) -> Vec<serde_json::Value> {
    let out = kubectl_offline(
        kubectl,
        &["label", "--local", "-f", "-", "ixn-portal-check=ok", "-o", "json"],
        manifests,
        Path::new("."),
    );
    assert!(out.status.success(), "kubectl could not read the manifests: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::Deserializer::from_slice(&out.stdout).into_iter().collect::<Result<_, _>>().unwrap()
}

#[test]
fn kubectl_reads_every_secret_of_secrets_json() {
    let kubectl = common::kubectl();
    let mut cfg = nasty_config(SecretStyle::Guide, false);
    cfg.deploy.chart_makes_db_secrets = false; // the DB secrets too
    cfg.deploy.pull_secret_create = true;
    let real = ixn_core::model::Effective::real(&cfg);
    let specs = secrets::secret_specs(&cfg, &real);
    assert!(specs.len() >= 4, "pull, Redis, Kafka and DB secrets: {}", specs.len());
    let file = artifacts(&cfg, ValuesOptions::default()).secret_manifests;
    let items = kubectl_reads(&kubectl, &file);
    assert_eq!(items.len(), specs.len(), "kubectl read every secret");
    for (item, spec) in items.iter().zip(&specs) {
        assert_eq!(item["kind"], "Secret");
        assert_eq!(item["metadata"]["name"].as_str(), Some(spec.name.as_str()));
        assert_eq!(item["metadata"]["namespace"].as_str(), Some(cfg.deploy.namespace.as_str()));
        for (k, v) in &spec.data {
            assert_eq!(item["stringData"][k].as_str(), Some(v.as_str()), "{} {k}", spec.name);
        }
    }
}

#[test]
fn operations_scripts_carry_any_text() {
    use ixn_core::operations::{operations, section_script};
    for style in [SecretStyle::Guide, SecretStyle::Stdin] {
        let mut cfg = nasty_config(style, false);
        cfg.deploy.drop_databases = true;
        cfg.deploy.kafka_bootstrap = "kafka-a.infra:9092,kafka-b.infra:9093".into();
        cfg.values.set_text(keys::IXN_SERVICE_IXN_SERVER_PORTS_HEALTH, "9100").unwrap();
        let eff = ixn_core::model::Effective::of(&cfg);
        let real = ixn_core::model::Effective::real(&cfg);
        let sections = operations(&cfg, &eff, &real);
        let ids: Vec<&str> = sections.iter().map(|s| s.id).collect();
        assert_eq!(ids, ["preflight", "verify", "troubleshoot", "lifecycle", "monitoring"]);
        let mut all = Vec::new();
        for s in &sections {
            let (calls, work) = run_script(&section_script(s), &format!("ops-{}-{style:?}", s.id));
            assert!(!work.join("pwned").exists());
            all.extend(calls);
        }
        // Preflight: psql gets the query on stdin; Redis the password through the environment.
        let pg = find(&all, "kubectl", &["run", "ixn-preflight-postgres"])[0];
        assert_eq!(pg.stdin, "select version();\n");
        let redis = find(&all, "kubectl", &["run", "ixn-preflight-redis"])[0];
        assert_pod_reads_secret(&all, style, "ixn-preflight-redis", "REDISCLI_AUTH", &cfg.deploy.redis_password);
        assert_pod_reads_secret(&all, style, "ixn-preflight-postgres", "PGPASSWORD", &cfg.deploy.db_admin_password);
        assert_pod_reads_secret(&all, style, "ixn-db-drop", "PGPASSWORD", &cfg.deploy.db_admin_password);
        let args = redis.args.iter().find_map(|a| a.strip_prefix("--overrides=")).unwrap();
        let args: serde_json::Value = serde_json::from_str(args).unwrap();
        let args = args["spec"]["containers"][0]["args"].as_array().unwrap();
        assert_eq!(args[args.len() - 2..], ["CLUSTER", "INFO"], "cluster mode in the sample");
        let kafka = find(&all, "kubectl", &["run", "ixn-preflight-kafka"])[0];
        assert_eq!(kafka.args.last().unwrap(), "nc -zv -w 5 kafka-a.infra 9092 && nc -zv -w 5 kafka-b.infra 9093");
        // Verify: port-forward and curl on the configured health port.
        let pf = find(&all, "kubectl", &["port-forward"]);
        assert!(pf
            .iter()
            .any(|c| c.args.contains(&"pod/ixn-100-sts-0".to_string()) && c.args.contains(&"9100:9100".to_string())));
        let curls = find(&all, "curl", &[]);
        assert!(curls.iter().any(|c| c.args.last().unwrap() == "http://127.0.0.1:9100/health/prometheus/all"));
        assert!(curls.iter().any(|c| c.args.last().unwrap() == "http://127.0.0.1:9102/metrics"));
        // Lifecycle: rollback to the chosen revision; uninstall removes the external secrets.
        assert_eq!(
            find(&all, "helm", &["rollback"])[0].args,
            ["rollback", "ixn-100", "1", "--namespace", "ixn", "--wait=watcher", "--timeout", "10m0s"]
        );
        assert_eq!(find(&all, "helm", &["uninstall"])[0].args, ["uninstall", "ixn-100", "--namespace", "ixn"]);
        for secret in ["ixn-db-secret-100", "ixn-node-db-secret-100"] {
            assert_eq!(find(&all, "kubectl", &["delete", "secret", secret]).len(), 1, "{secret}");
        }
        // The namespace's shared Secrets stay for its other tenants: their delete is a
        // comment, for when this was the last tenant.
        let lifecycle = section_script(sections.iter().find(|s| s.id == "lifecycle").unwrap());
        for secret in ["redis-ors-secret", "kafka-shared-secret", "pullsecret"] {
            assert!(find(&all, "kubectl", &["delete", "secret", secret]).is_empty(), "{secret}");
            assert!(
                lifecycle.contains(&format!("#   kubectl delete secret {secret} --namespace ixn --ignore-not-found")),
                "{lifecycle}"
            );
        }
        let drop = find(&all, "kubectl", &["run", "ixn-db-drop"])[0];
        assert!(drop.stdin.contains("DROP DATABASE IF EXISTS \"ixn-100\";"));
        assert!(drop.stdin.contains(&format!(
            "DROP ROLE IF EXISTS {};",
            ixn_core::generate::sql::quote_ident(&cfg.deploy.db_owner_user)
        )));
        // Troubleshooting: a dry run of the same helm command.
        let dry = find(&all, "helm", &["upgrade", "--install"]);
        assert!(dry.iter().any(|c| c.args.ends_with(&["--dry-run=client".to_string(), "--debug".to_string()])));
        // Monitoring: the suggested rules reach kubectl as YAML naming this release.
        let rules = all.iter().find(|c| c.program == "kubectl" && c.stdin.contains("PrometheusRule")).unwrap();
        let doc: serde_yaml::Value = serde_yaml::from_str(&rules.stdin).unwrap();
        assert_eq!(doc["metadata"]["name"].as_str(), Some("ixn-100-suggested-alerts"));
        assert_eq!(doc["spec"]["groups"][0]["rules"].as_sequence().unwrap().len(), 5);
        assert!(doc["spec"]["groups"][0]["rules"][0]["expr"]
            .as_str()
            .unwrap()
            .contains("namespace=\"ixn\", pod=~\"ixn-100-.*\""));
    }
    // Off by default: no destructive step.
    let cfg = common::bootstrapped_sample();
    let eff = ixn_core::model::Effective::of(&cfg);
    let sections = ixn_core::operations::operations(&cfg, &eff, &ixn_core::model::Effective::real(&cfg));
    assert!(sections.iter().flat_map(|s| &s.items).all(|i| !i.destructive));
}

#[test]
fn kubectl_reads_the_suggested_prometheus_rule_as_written() {
    let kubectl = common::kubectl();
    // Names YAML 1.1 would turn into booleans, numbers or null if left unquoted, and text
    // that needs escaping: kubectl's YAML reader must get them back exactly.
    for tricky in ["yes", "on", "~", "1_000", "12:30", "0x1F", "a: b", "it's \"quoted\" #not-a-comment"] {
        let mut cfg = common::bootstrapped_sample();
        cfg.deploy.namespace = tricky.into();
        cfg.deploy.release = tricky.into();
        let read = kubectl_reads(&kubectl, &ixn_core::operations::suggested_rules(&cfg));
        let [rule] = read.as_slice() else { panic!("one object expected: {read:?}") };
        assert_eq!(rule["kind"], "PrometheusRule");
        assert_eq!(rule["metadata"]["namespace"].as_str(), Some(tricky), "{tricky}");
        assert_eq!(rule["metadata"]["name"].as_str(), Some(format!("{tricky}-suggested-alerts").as_str()));
        let expr = rule["spec"]["groups"][0]["rules"][0]["expr"].as_str().unwrap();
        assert!(expr.starts_with("min by (pod, redis_client) (ixnnode_redis_client_status{namespace="), "{expr}");
    }
}

#[test]
fn the_pull_secret_matches_kubectl_create_secret_docker_registry() {
    let kubectl = common::kubectl();
    use base64::Engine;
    let cfg = nasty_config(SecretStyle::Stdin, false);
    let d = &cfg.deploy;
    let server = secrets::registry_server(&cfg);
    let args = [
        "create".to_string(),
        "secret".into(),
        "docker-registry".into(),
        "pull".into(),
        "--dry-run=client".into(),
        "-o".into(),
        "json".into(),
        format!("--docker-server={server}"),
        format!("--docker-username={}", d.registry_username),
        format!("--docker-password={}", d.registry_password),
        format!("--docker-email={}", d.registry_email),
    ];
    let out = kubectl_offline(&kubectl, &args, "", Path::new("."));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let m: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let theirs =
        base64::engine::general_purpose::STANDARD.decode(m["data"][".dockerconfigjson"].as_str().unwrap()).unwrap();
    let theirs: serde_json::Value = serde_json::from_slice(&theirs).unwrap();
    let ours: serde_json::Value = serde_json::from_str(&secrets::docker_config_json(&cfg)).unwrap();
    assert_eq!(ours, theirs, "the same registry credentials as kubectl writes them");
}

#[test]
fn shellcheck_finds_nothing_in_any_script() {
    use ixn_core::operations::{operations, section_script};
    let Some(shellcheck) = installed("shellcheck") else { return };
    for (style, placeholders) in [(SecretStyle::Guide, false), (SecretStyle::Stdin, false), (SecretStyle::Guide, true)]
    {
        for mut cfg in [common::bootstrapped_sample(), nasty_config(style, placeholders)] {
            cfg.deploy.secret_style = style;
            cfg.deploy.placeholders = placeholders;
            cfg.deploy.drop_databases = true;
            let mut scripts = vec![
                ("deploy.sh".to_string(), artifacts(&cfg, ValuesOptions::default()).commands.script()),
                ("deploy.sh (unguarded)".to_string(), unguarded(&cfg)),
            ];
            let (eff, real) = (ixn_core::model::Effective::of(&cfg), ixn_core::model::Effective::real(&cfg));
            scripts
                .extend(operations(&cfg, &eff, &real).iter().map(|s| (format!("ixn-{}.sh", s.id), section_script(s))));
            for (name, script) in scripts {
                let file = std::env::temp_dir().join(format!("ixn-shellcheck-{}-{name}", std::process::id()));
                fs::write(&file, &script).unwrap();
                // Every check, SC2016 included: no `$` of any value sits in single quotes.
                let out = Command::new(&shellcheck).args(["--shell=bash", "--format=gcc"]).arg(&file).output().unwrap();
                let _ = fs::remove_file(&file);
                assert!(
                    out.status.success(),
                    "{name} ({style:?}, placeholders {placeholders}):\n{}",
                    String::from_utf8_lossy(&out.stdout)
                );
            }
        }
    }
}

/// kubectl's words for a command line it refuses before reaching any server.
const USAGE_ERRORS: &[&str] = &[
    "unknown flag",
    "unknown shorthand",
    "unknown command",
    "Usage:",
    "required flag",
    "accepts ",
    "invalid argument",
    "flag needs an argument",
    "error: unknown",
];

#[test]
fn kubectl_accepts_every_command_line_the_scripts_run() {
    use ixn_core::operations::{operations, section_script};
    let kubectl = common::kubectl();
    let mut checked = 0;
    for (style, placeholders) in [(SecretStyle::Guide, false), (SecretStyle::Stdin, false), (SecretStyle::Guide, true)]
    {
        let mut cfg = nasty_config(style, placeholders);
        cfg.deploy.drop_databases = true;
        cfg.deploy.pull_secret_create = true;
        let (eff, real) = (ixn_core::model::Effective::of(&cfg), ixn_core::model::Effective::real(&cfg));
        let mut scripts = vec![("deploy".to_string(), unguarded(&cfg))];
        scripts.extend(operations(&cfg, &eff, &real).iter().map(|s| (s.id.to_string(), section_script(s))));
        for (name, script) in scripts {
            let (calls, work) = run_script(&script, &format!("replay-{name}-{style:?}-{placeholders}"));
            for call in calls.iter().filter(|c| c.program == "kubectl") {
                // The same words, with no cluster to reach: kubectl parses them first and
                // fails only on the connection.
                let args: Vec<&str> =
                    std::iter::once("--request-timeout=2s").chain(call.args.iter().map(String::as_str)).collect();
                let out = kubectl_offline(&kubectl, &args, &call.stdin, &work);
                let err = String::from_utf8_lossy(&out.stderr);
                assert!(
                    !USAGE_ERRORS.iter().any(|u| err.contains(u)),
                    "{name} ({style:?}): kubectl refused {:?}:\n{err}",
                    call.args
                );
                checked += 1;
            }
        }
    }
    eprintln!("{checked} kubectl command lines parsed");
    assert!(checked > 40, "{checked}");
}

/// The verify section against stand-ins: a port-forward that stays up until killed, and
/// a curl that prints `lines` lines or fails. Returns whether the script succeeded, its
/// output, and whether every port-forward was stopped.
fn verify_with(curl: &str, tag: &str) -> (bool, String, bool) {
    use ixn_core::operations::{operations, section_script};
    let cfg = common::bootstrapped_sample();
    let (eff, real) = (ixn_core::model::Effective::of(&cfg), ixn_core::model::Effective::real(&cfg));
    let verify = operations(&cfg, &eff, &real).into_iter().find(|s| s.id == "verify").unwrap();
    let dir = std::env::temp_dir().join(format!("ixn-verify-{tag}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let bin = dir.join("bin");
    fs::create_dir_all(&bin).unwrap();
    let pids = dir.join("pids");
    let stubs = [
        ("kubectl", format!("#!/usr/bin/env bash\nif [[ \" $* \" == *\" port-forward \"* ]]; then echo $$ >> '{}'; exec sleep 30; fi\n", pids.display())),
        ("curl", format!("#!/usr/bin/env bash\n{curl}\n")),
        // The script's `sleep 3` (the forward starting) takes a moment, not 3 s.
        ("sleep", "#!/usr/bin/env bash\n[[ $1 == 30 ]] && exec /bin/sleep 30\nexec /bin/sleep 0.3\n".to_string()),
    ];
    for (name, body) in stubs {
        fs::write(bin.join(name), body).unwrap();
        Command::new("chmod").arg("+x").arg(bin.join(name)).status().unwrap();
    }
    fs::write(dir.join("verify.sh"), section_script(&verify)).unwrap();
    let out = Command::new("bash")
        .arg(dir.join("verify.sh"))
        .env("PATH", format!("{}:{}", bin.display(), std::env::var("PATH").unwrap()))
        .output()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    let started = fs::read_to_string(&pids).unwrap_or_default();
    // Stopped: gone, or a zombie waiting for init to reap it.
    let running = |pid: &str| fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|st| !st.contains(") Z "));
    let all_stopped = !started.lines().any(running);
    let _ = fs::remove_dir_all(&dir);
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned(), all_stopped && !started.is_empty())
}

#[test]
fn verify_succeeds_on_long_metrics_and_always_stops_the_port_forward() {
    // Metrics longer than a pipe holds: the script shows the first lines and succeeds.
    let (ok, out, stopped) = verify_with("seq 200000", "long");
    assert!(ok, "a long answer failed the script");
    assert!(out.contains("\n20\n") && !out.contains("\n21\n"), "the first 20 lines of each");
    assert!(stopped, "a port-forward was left running");
    // curl fails: the script fails, and the port-forward is stopped all the same.
    let (ok, _, stopped) = verify_with("echo 'curl: (7) Failed to connect' >&2; exit 7", "fail");
    assert!(!ok, "a failed probe must fail the script");
    assert!(stopped, "a port-forward was left running after curl failed");
}

/// What a real helm says when it refuses a command line, or warns about one.
const HELM_REFUSALS: &[&str] = &[
    "unknown flag",
    "unknown shorthand",
    "unknown command",
    "Usage:",
    "required flag",
    "accepts ",
    "requires at least",
    "requires exactly",
    "invalid argument",
    "flag needs an argument",
    "deprecated",
    "Deprecated",
    "DEPRECATED",
];

/// Every helm line of every script (deploy and operations), for the sample and for
/// hostile input, run by the real helm of the chosen major against a cluster that
/// cannot be reached (and chart sources on a closed loopback port): each must get past
/// helm's own parsing, with no deprecation warning.
#[test]
fn the_real_helm_of_each_major_accepts_every_helm_line() {
    use ixn_core::operations::{operations, section_script};
    let mut checked = 0;
    for major in [HelmMajor::V3, HelmMajor::V4] {
        let helm = common::helm(major.number());
        let home = common::HelmHome::new(&format!("helm-replay-{}", major.number()));
        for (style, placeholders) in
            [(SecretStyle::Guide, false), (SecretStyle::Stdin, false), (SecretStyle::Guide, true)]
        {
            for mut cfg in [common::bootstrapped_sample(), nasty_config(style, placeholders)] {
                cfg.deploy.helm_major = major;
                cfg.deploy.drop_databases = true;
                let (eff, real) = (ixn_core::model::Effective::of(&cfg), ixn_core::model::Effective::real(&cfg));
                let mut scripts = vec![("deploy".to_string(), unguarded(&cfg))];
                scripts.extend(operations(&cfg, &eff, &real).iter().map(|s| (s.id.to_string(), section_script(s))));
                for (name, script) in scripts {
                    let (calls, work) =
                        run_script(&script, &format!("helm-replay-{}-{name}-{style:?}-{placeholders}", major.number()));
                    for call in calls.iter().filter(|c| c.program == "helm") {
                        // `helm template` needs the chart itself: the loopback repository test runs it.
                        if call.args[0] == "template" {
                            continue;
                        }
                        let mut args = vec!["30".to_string(), helm.display().to_string()];
                        args.extend(call.args.iter().cloned());
                        let out = home.run(std::path::Path::new("timeout"), &args, &call.stdin, &work);
                        let err = String::from_utf8_lossy(&out.stderr);
                        assert_ne!(
                            out.status.code(),
                            Some(124),
                            "helm {} timed out on {:?}",
                            major.number(),
                            call.args
                        );
                        assert!(
                            !HELM_REFUSALS.iter().any(|u| err.contains(u)),
                            "{name} ({style:?}): Helm {} refused {:?}:\n{err}",
                            major.number(),
                            call.args
                        );
                        if call.args[0] == "upgrade"
                            || call.args[0] == "rollback"
                            || call.args[0] == "history"
                            || call.args[0] == "uninstall"
                        {
                            assert!(
                                err.contains("cluster unreachable") || err.contains("connection refused"),
                                "Helm {} {:?}: {err}",
                                major.number(),
                                call.args
                            );
                        }
                        checked += 1;
                    }
                }
            }
        }
    }
    eprintln!("{checked} helm command lines parsed by the real Helm 3 and 4");
    assert!(checked > 30, "{checked}");
}

/// With errors in the form, deploy.sh starts with a guard: a comment naming every
/// error, then `exit 1`, so that bash runs nothing of it. Without errors, no guard.
#[test]
fn a_configuration_with_errors_makes_a_script_that_names_them_and_runs_nothing() {
    let mut cfg = complete();
    cfg.values.set(keys::TENANT_SID, Value::Str(String::new()));
    cfg.deploy.namespace = "Not A Namespace".into();
    let errors: Vec<_> = ixn_core::validate::findings(&cfg)
        .into_iter()
        .filter(|f| f.severity == ixn_core::validate::Severity::Error)
        .collect();
    assert!(errors.len() >= 2, "{errors:?}");
    let script = artifacts(&cfg, ValuesOptions::default()).commands.script();
    let head = script.split("\nexit 1\n").next().unwrap();
    assert!(head.contains(&format!("# NOT READY: the configuration has {} errors.", errors.len())), "{head}");
    for e in &errors {
        assert!(head.contains(&format!("#   - {}: ", e.path)), "{} not named:\n{head}", e.path);
    }
    let dir = std::env::temp_dir().join(format!("ixn-guard-{}", std::process::id()));
    let (bin, log) = (dir.join("bin"), dir.join("log"));
    for d in [&bin, &log] {
        fs::create_dir_all(d).unwrap();
    }
    for p in ["kubectl", "helm", "gcloud", "az"] {
        fs::write(bin.join(p), STUB).unwrap();
        Command::new("chmod").arg("+x").arg(bin.join(p)).status().unwrap();
    }
    fs::write(dir.join("deploy.sh"), &script).unwrap();
    let out = Command::new("bash")
        .arg(dir.join("deploy.sh"))
        .current_dir(&dir)
        .env("PATH", format!("{}:{}", bin.display(), std::env::var("PATH").unwrap()))
        .env("STUB_LOG", &log)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not ready"), "{out:?}");
    assert_eq!(fs::read_dir(&log).unwrap().count(), 0, "nothing ran");
    assert!(!dir.join(ixn_core::generate::commands::VALUES_FILE).exists(), "no file written");
    let _ = fs::remove_dir_all(&dir);
    // A complete configuration has no guard.
    let cfg = complete();
    assert!(ixn_core::validate::findings(&cfg).iter().all(|f| f.severity != ixn_core::validate::Severity::Error));
    assert!(!artifacts(&cfg, ValuesOptions::default()).commands.script().contains("NOT READY"));
}

/// The guide's sample, completed as an admin would: no errors.
fn complete() -> Config {
    let mut c = Config::guide_sample();
    let d = &mut c.deploy;
    d.placeholders = false;
    d.registry_username = "u".into();
    d.registry_password = "p".into();
    d.redis_password = "r".into();
    d.db_admin_password = "a".into();
    d.chart_repo_url = "https://charts.example.com/ixn".into();
    d.chart_version = "100.0.1".into();
    c.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_HOST, Value::Str("pg.infra.svc".into()));
    c
}

/// How the stubbed pod step ends in [`run_until_the_pod_fails`].
#[derive(Debug, Clone, Copy)]
enum PodEnd {
    /// `kubectl run` exits 3.
    Fails,
    /// The user presses Ctrl-C while the pod runs (SIGINT to the whole process group,
    /// as a terminal sends it).
    Interrupted,
}

/// Runs `script` under bash with recording stubs whose `kubectl run` of a pod that
/// reads a Secret (`--overrides`) fails or is interrupted; returns bash's exit code
/// (128 + the signal when a signal ended it) and the calls.
fn run_until_the_pod_fails(script: &str, tag: &str, end: PodEnd) -> (i32, Vec<Call>) {
    use std::os::unix::process::{CommandExt, ExitStatusExt};
    let dir = std::env::temp_dir().join(format!("ixn-podfail-{tag}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let (bin, log, work) = (dir.join("bin"), dir.join("log"), dir.join("work"));
    for d in [&bin, &log, &work] {
        fs::create_dir_all(d).unwrap();
    }
    let pod_step = match end {
        PodEnd::Fails => "exit 3",
        // Waits for the signal and then dies of it, as a real client does; `touch` says
        // the pod step has started. The trap (not a foreground `sleep`) takes the
        // signal: a SIGINT that lands while a foreground child exits normally is
        // ignored by bash, and the loop would then never end (seen under load).
        PodEnd::Interrupted => {
            "trap 'trap - INT; kill -INT $$' INT; touch \"$STUB_LOG/../running\"; while :; do /bin/sleep 0.05 & wait $!; done"
        }
    };
    let stub = format!(
        "{STUB}if [ \"$(basename \"$0\")\" = kubectl ] && [ \"$1\" = run ] && printf '%s\\n' \"$@\" | grep -q '^--overrides='; then {pod_step}; fi\n"
    );
    for p in ["kubectl", "helm", "gcloud", "az", "psql", "curl", "sleep"] {
        fs::write(bin.join(p), &stub).unwrap();
        Command::new("chmod").arg("+x").arg(bin.join(p)).status().unwrap();
    }
    fs::write(dir.join("script.sh"), script).unwrap();
    let mut child = Command::new("bash")
        .arg(dir.join("script.sh"))
        .current_dir(&work)
        .env("PATH", format!("{}:{}", bin.display(), std::env::var("PATH").unwrap()))
        .env("STUB_LOG", &log)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .process_group(0)
        .spawn()
        .unwrap();
    if let PodEnd::Interrupted = end {
        let started = std::time::Instant::now();
        while !dir.join("running").exists() {
            assert!(started.elapsed().as_secs() < 30, "{tag}: the pod step never started");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        // Past the `touch`: bash ignores a SIGINT that arrives while its child exits
        // normally, as a terminal user's shell would.
        std::thread::sleep(std::time::Duration::from_millis(300));
        assert!(Command::new("kill").args(["-INT", "--", &format!("-{}", child.id())]).status().unwrap().success());
    }
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed().as_secs() > 30 {
            let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", child.id())]).status();
            panic!("{tag}: the script did not end");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let code = status.code().unwrap_or_else(|| 128 + status.signal().unwrap());
    let calls = read_calls(&log);
    let _ = fs::remove_dir_all(&dir);
    (code, calls)
}

/// When a pod that reads a short-lived Secret fails under `set -e`, or the user presses
/// Ctrl-C while it runs, the script still deletes that Secret (its EXIT trap), deletes
/// nothing else the user keeps, and exits non-zero with the pod step's status.
#[test]
fn a_failing_or_interrupted_pod_still_deletes_its_secret() {
    use ixn_core::operations::{operations, section_script};
    for style in [SecretStyle::Guide, SecretStyle::Stdin] {
        let mut cfg = complete();
        cfg.deploy.db_bootstrap = true;
        cfg.deploy.drop_databases = true;
        cfg.deploy.secret_style = style;
        let (eff, real) = (ixn_core::model::Effective::of(&cfg), ixn_core::model::Effective::real(&cfg));
        let sections = operations(&cfg, &eff, &real);
        let section = |id: &str| section_script(sections.iter().find(|s| s.id == id).unwrap());
        // The first pod with a Secret in each script: the bootstrap in deploy.sh, the
        // PostgreSQL check in the preflight, the drop in the lifecycle.
        for (name, script, pod) in [
            ("deploy", artifacts(&cfg, ValuesOptions::default()).commands.script(), "ixn-db-bootstrap"),
            ("preflight", section("preflight"), "ixn-preflight-postgres"),
            ("lifecycle", section("lifecycle"), "ixn-db-drop"),
        ] {
            assert!(!script.contains("NOT READY"), "{name}: the configuration is complete");
            for end in [PodEnd::Fails, PodEnd::Interrupted] {
                let what = format!("{name} ({style:?}), the pod {end:?}");
                let (code, calls) = run_until_the_pod_fails(&script, &format!("{name}-{style:?}-{end:?}"), end);
                let expected = match end {
                    PodEnd::Fails => 3,
                    PodEnd::Interrupted => 130,
                };
                assert_eq!(code, expected, "{what}: the script's exit status");
                let run = calls
                    .iter()
                    .position(|c| c.program == "kubectl" && c.args.starts_with(&["run".into(), pod.into()]))
                    .unwrap_or_else(|| panic!("{what}: no kubectl run {pod}"));
                // Its Secret was made before the pod ran...
                made_secret(&calls[..run], style, pod);
                // ...and after the failure the one thing done is deleting it.
                let after: Vec<&Vec<String>> = calls[run + 1..].iter().map(|c| &c.args).collect();
                assert_eq!(
                    after,
                    [&["delete", "secret", pod, "--namespace", "ixn", "--ignore-not-found"].map(String::from).to_vec()],
                    "{what}: after the pod failed"
                );
            }
        }
    }
}

// Issue 23.5: a `$VAR` imported into the short ID names the release. Until the user
// chooses envsubst for it, the error is at its cause (tenant.sid), not at the empty
// release field; once chosen, the shell fills it in the commands too (no single
// quotes around it), and envsubst in the values file: checked with real bash and envsubst.
#[test]
fn an_imported_placeholder_in_the_release_is_filled_in_once_chosen() {
    use ixn_core::model::user_placeholders;
    use ixn_core::validate::{findings, Severity};
    let mut cfg = common::tenant::complete_tenant();
    cfg.deploy.placeholders = false;
    cfg.deploy.release = String::new();
    // The bootstrap's psql gets no envsubst: it needs the real database names.
    cfg.deploy.db_bootstrap = false;
    cfg.values.set(keys::TENANT_SID, Value::Str("$TENANT_SID".into()));
    let fs = findings(&cfg);
    assert!(!fs.iter().any(|f| f.path == "deploy.release"), "{fs:#?}");
    let first = fs.iter().find(|f| f.severity == Severity::Error).expect("an error");
    assert_eq!(first.path, keys::TENANT_SID.path, "{fs:#?}");
    assert!(first.message.contains("release name ixn-$TENANT_SID"), "{}", first.message);
    // Chosen: no error; the commands take the release from the environment.
    cfg.deploy.envsubst_vars = user_placeholders(&cfg);
    assert_eq!(cfg.deploy.envsubst_vars, ["TENANT_SID"]);
    let fs = findings(&cfg);
    assert!(!fs.iter().any(|f| f.severity == Severity::Error), "{fs:#?}");
    let script = artifacts(&cfg, ValuesOptions::default()).commands.script();
    assert!(script.contains("--install ixn-\"${TENANT_SID}\" "), "{script}");
    assert!(!script.contains("'ixn-$TENANT_SID'"), "{script}");
    let (calls, work) = run_script_with(&script, "envsubst-release", &[("TENANT_SID", "100")]);
    let helm: Vec<&Call> = calls.iter().filter(|c| c.program == "helm").collect();
    let upgrade = helm.iter().find(|c| c.args.starts_with(&["upgrade".into()])).expect("helm upgrade");
    assert_eq!(upgrade.args[2], "ixn-100", "{:?}", upgrade.args);
    assert!(work.join("ixn-100-rendered.yaml").exists());
    let rollout =
        calls.iter().find(|c| c.program == "kubectl" && c.args.first().is_some_and(|a| a == "rollout")).unwrap();
    assert_eq!(rollout.args[2], "statefulset/ixn-100-sts");
    // envsubst filled the values file helm reads.
    let values = fs::read_to_string(work.join("override_values.yaml_")).unwrap();
    assert!(values.contains("sid: \"100\"") || values.contains("sid: 100"), "{values}");
}

// Only the chosen names are filled in; every other character stays literal.
#[test]
fn quote_filling_expands_only_the_chosen_placeholders() {
    use ixn_core::generate::shell::quote_filling;
    let text = "a'b $X \"c\" $Y ${X}! `id` \\ ${Z";
    let word = quote_filling(text, &["X".to_string()]);
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!("printf %s {word}"))
        .env("X", "v a l")
        .env("Y", "no")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "a'b v a l \"c\" $Y v a l! `id` \\ ${Z", "{word}");
    assert_eq!(quote_filling("plain-$Y", &["X".to_string()]), ixn_core::generate::shell::quote("plain-$Y"));
}
