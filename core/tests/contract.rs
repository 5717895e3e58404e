//! The contract (core/src/contract) over what the real Helm 3 and Helm 4 render of the
//! stand-in chart (tests/charts/ixn) with the values the portal writes: no finding for
//! the guide's sample, the hostile profiles and every delivery mode; each mutation of a
//! clean rendering caught at its field; a Secret's data never in any finding.

mod common;

use common::{helm, HelmHome, HELM_MAJORS};
use ixn_core::artifacts::artifacts;
use ixn_core::contract::{check_stream, not_ready, read_stream, CLAUSES};
use ixn_core::generate::values_yaml::ValuesOptions;
use ixn_core::model::{Config, ConsulHost, DbTls, Delivery, Input, Value, VolumeMount};
use ixn_core::registry::keys;
use ixn_core::validate::{Finding, Severity};
use std::path::PathBuf;
use std::process::Command;

fn def(path: &str) -> &'static ixn_core::registry::KeyDef {
    ixn_core::registry::key(path).unwrap_or_else(|| panic!("no key {path}"))
}

fn chart() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/charts/ixn")
}

/// The values file Helm gets for `cfg` in its delivery mode: in Script mode the
/// portal's file after the script's envsubst; in a Git delivery the file Git holds.
fn values_file(home: &HelmHome, cfg: &Config, tag: &str) -> PathBuf {
    let dir = home.dir.join(tag);
    std::fs::create_dir_all(&dir).unwrap();
    if cfg.deploy.delivery != Delivery::Script {
        let t = ixn_core::generate::gitops::GitView::of(cfg, ValuesOptions::default());
        let file = dir.join("values.yaml");
        std::fs::write(&file, t.values_yaml).unwrap();
        return file;
    }
    let a = artifacts(cfg, ValuesOptions::default());
    let block = a.commands.block("values").unwrap();
    let out =
        Command::new("bash").args(["-euo", "pipefail", "-c"]).arg(&block.script).current_dir(&dir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    dir.join(ixn_core::generate::commands::values_file_for(cfg, &a.effective))
}

/// `helm template` of the stand-in chart with `cfg`'s values, by the real Helm `major`.
fn render(home: &HelmHome, cfg: &Config, major: u8, tag: &str) -> String {
    let values = values_file(home, cfg, tag);
    let release = ixn_core::model::release_name(cfg);
    let ns = if cfg.deploy.namespace.is_empty() { "ixn".to_string() } else { cfg.deploy.namespace.clone() };
    let out = home.run(
        &helm(major),
        &[
            std::ffi::OsStr::new("template"),
            release.as_ref(),
            chart().as_os_str(),
            "--namespace".as_ref(),
            ns.as_ref(),
            "-f".as_ref(),
            values.as_os_str(),
        ],
        "",
        &home.dir,
    );
    assert!(out.status.success(), "{tag}: helm {major} template: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

const HOSTILE: &str = "a'b\"c$d`e\\f!g h ü 😀 $(x) ${HOME} *?[x] #c ;& | on yes ~ 0100 12:30 ---";

/// The profiles of the chart rendering tests (chart_render.rs): the guide's sample, a
/// numeric tenant, hostile text, monitoring on, a log PVC, DB secrets made outside.
fn profiles() -> Vec<(String, Config)> {
    let mut hostile = Config::guide_sample();
    hostile.deploy.placeholders = false;
    for (k, v) in [
        ("tenant.sid", "100"),
        ("tenant.id", "9350e2fc-a1dd-4c65-8d40-1f75a2e080dd"),
        ("ixnService.ixnServer.db.host", HOSTILE),
        ("ixnService.ixnServer.confServer.appName", HOSTILE),
        ("ixnService.ixnServer.db.connectionString", HOSTILE),
        ("ixnService.ixnServer.secrets.db.password", HOSTILE),
        ("ixnService.ixnServer.secrets.db.username", HOSTILE),
        ("ixnService.ixnNode.db.name", HOSTILE),
    ] {
        hostile.values.set(def(k), Value::Str(v.into()));
    }
    hostile.values.set(
        keys::POD_ANNOTATIONS,
        Value::Map(vec![("example.com/on".into(), HOSTILE.into()), ("yes".into(), "on".into())]),
    );
    hostile.values.set(
        keys::IXN_SERVICE_IXN_SERVER_VOLUME_MOUNTS,
        Value::Mounts(vec![VolumeMount {
            name: "kafka-shared-secret".into(),
            mount_path: format!("/mnt/{HOSTILE}"),
            read_only: true,
        }]),
    );
    hostile.values.set(
        keys::IXN_SERVICE_IXN_NODE_REDIS,
        Value::Redis(vec![ixn_core::model::RedisNode {
            host: HOSTILE.into(),
            port: Input::new("7000"),
            cluster: Some(false),
        }]),
    );
    hostile.values.set_text(keys::IXN_SERVICE_IXN_SERVER_PORTS_HEALTH, "9200").unwrap();

    let mut monitored = Config::guide_sample();
    for k in [
        "ixnService.prometheus.podMonitor.enabled",
        "ixnVQNode.prometheus.podMonitor.enabled",
        "ixnService.logSidecar.settings.enableHealthPort",
    ] {
        monitored.values.set(def(k), Value::Bool(true));
    }
    monitored
        .values
        .set(keys::IXN_SERVICE_PROMETHEUS_POD_MONITOR_TARGET_LABELS, Value::Map(vec![("team".into(), "".into())]));
    monitored
        .values
        .set(keys::IXN_SERVICE_IXN_NODE_CONSUL_HOST, Value::ConsulHost(ConsulHost::Literal("consul.infra".into())));
    monitored.values.set(keys::IXN_SERVICE_IXN_NODE_DB_OPTIONS_SSL, Value::DbTls(DbTls::On));

    let mut pvc = Config::guide_sample();
    pvc.values.set(keys::IXN_SERVICE_IXN_SERVER_LOG_STORAGE_STORAGE_CLASS_NAME, Value::Str("fast".into()));
    pvc.values.set_text(keys::IXN_SERVICE_IXN_SERVER_LOG_STORAGE_VOLUME, "").unwrap();

    let mut external = Config::guide_sample();
    external.deploy.chart_makes_db_secrets = false;
    external.deploy.consul_connect = false;
    external.deploy.mount_secrets = false;

    let mut numeric = Config::guide_sample();
    numeric.values.set(keys::TENANT_ID, Value::Str("4242".into()));

    let mut out = vec![
        ("guide sample".to_string(), Config::guide_sample()),
        ("numeric tenant ID".into(), numeric),
        ("hostile text".into(), hostile.clone()),
        ("monitoring on".into(), monitored),
        ("log PVC".into(), pvc),
        ("external DB secrets".into(), external),
    ];
    // Every delivery mode's values, for the sample and the hostile profile.
    for d in [Delivery::Argocd, Delivery::Flux, Delivery::Genesys] {
        for (what, base) in [("guide sample", Config::guide_sample()), ("hostile text", hostile.clone())] {
            let mut c = base;
            c.deploy.delivery = d;
            out.push((format!("{what}, {d:?} delivery"), c));
        }
    }
    out
}

fn shown(fs: &[Finding]) -> String {
    fs.iter().map(|f| format!("  {}: {:?}: {}\n", f.path, f.severity, f.message)).collect()
}

#[test]
fn the_table_has_a_row_per_clause_and_unique_names() {
    let mut ids: Vec<&str> = CLAUSES.iter().map(|c| c.id).collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "clause ids repeat");
    assert!(n >= 60, "{n} clauses");
}

#[test]
fn a_clean_rendering_by_helm_3_and_4_gives_no_finding() {
    let home = HelmHome::new("contract-clean");
    for (i, (what, cfg)) in profiles().into_iter().enumerate() {
        for major in HELM_MAJORS {
            let text = render(&home, &cfg, major, &format!("c{i}-{major}"));
            let fs = check_stream(&cfg, &text).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert!(fs.is_empty(), "{what}, Helm {major}: findings on a clean rendering:\n{}", shown(&fs));
        }
    }
}

/// One broken assumption: `from` replaced by `to` once, caught at `at`.
struct Mutation {
    what: &'static str,
    from: &'static str,
    to: &'static str,
    at: &'static str,
    severity: Severity,
}

const fn err(what: &'static str, from: &'static str, to: &'static str, at: &'static str) -> Mutation {
    Mutation { what, from, to, at, severity: Severity::Error }
}
const fn warn(what: &'static str, from: &'static str, to: &'static str, at: &'static str) -> Mutation {
    Mutation { what, from, to, at, severity: Severity::Warning }
}

const MUTATIONS: &[Mutation] = &[
    err("IXN Server's port off by one", "containerPort: 7120", "containerPort: 7121", "ixnService.ixnServer.ports.default"),
    err("IXN Server's health port off by one", "containerPort: 9100", "containerPort: 9101", "ixnService.ixnServer.ports.health"),
    err("IXN Node's port off by one", "containerPort: 6120", "containerPort: 6121", "ixnService.ixnNode.ports.default"),
    err("VQ Node's port off by one", "containerPort: 7122", "containerPort: 7123", "ixnVQNode.ports.default"),
    err("VQ Node's health port off by one", "containerPort: 9102", "containerPort: 9103", "ixnVQNode.ports.health"),
    err("the Service's port off by one", "port: 7120\n", "port: 7121\n", "ixnService.ixnServer.ports.default"),
    err("a probe on the wrong port", "path: /health\n              port: server-health", "path: /health\n              port: server-default", "ixnService.ixnServer.ports.health"),
    err("the replicas", "replicas: 1", "replicas: 2", "replicaCount"),
    err("an image tag", "fluent/fluent-bit:1.8.5", "fluent/fluent-bit:1.8.6", "ixnService.image.logSidecar.tag"),
    err("an image repository", "fluent/fluent-bit:", "fluent/fluentd:", "ixnService.image.logSidecar.repository"),
    err("an image from another registry", "pureengage-docker-staging.jfrog.io/", "docker.io/", "image.registry"),
    err("the pull policy", "imagePullPolicy: \"Always\"", "imagePullPolicy: \"IfNotPresent\"", "image.pullPolicy"),
    err("the pull secret", "- name: pullsecret", "- name: pull-secret", "image.imagePullSecrets"),
    err("a renamed Secret key", "stringData:\n  username:", "stringData:\n  user:", "ixnService.ixnServer.secrets.db.secretName"),
    err("a Secret key read under another name", "key: password", "key: pass", "ixnService.ixnServer.secrets.db.secretName"),
    err("a missing mount", "            - name: \"kafka-shared-secret\"\n              mountPath: \"/mnt/env-secrets/kafka-secrets\"\n              readOnly: true\n", "", "ixnService.ixnServer.volumeMounts"),
    err("a mount at the wrong path", "/mnt/env-secrets/redis-secrets", "/mnt/env-secrets/redis", "ixnService.ixnNode.volumeMounts"),
    err("a writable secret mount", "mountPath: \"/mnt/env-secrets/redis-secrets\"\n              readOnly: true", "mountPath: \"/mnt/env-secrets/redis-secrets\"\n              readOnly: false", "ixnService.ixnNode.volumeMounts"),
    err("a secret volume from another Secret", "secretName: redis-ors-secret", "secretName: redis-secret", "secrets.mount"),
    err("a dropped annotation", "        \"consul.hashicorp.com/connect-inject\": \"true\"\n", "", "ixnService.annotations"),
    err("the Consul service name", "connect-service\": \"ixn-server-100\"", "connect-service\": \"ixn-server-101\"", "ixnService.annotations"),
    err("the Consul service port", "connect-service-port\": server-default", "connect-service-port\": server-health", "ixnService.ixnServer.ports.default"),
    err("the Consul upstream port", "voice-config:11100", "voice-config:11101", "ixnService.ixnNode.configNode.port"),
    err("the database name", "value: \"ixn-100\"", "value: \"ixn-101\"", "ixnService.ixnServer.db.name"),
    err("the IXN Node database name", "\\\"name\\\":\\\"ixn-node-100\\\"", "\\\"name\\\":\\\"ixn-node-101\\\"", "ixnService.ixnNode.db.name"),
    err("the database port", "name: DB_PORT\n              value: \"5432\"", "name: DB_PORT\n              value: \"5433\"", "ixnService.ixnServer.db.port"),
    err("a CPU request", "cpu: 100m", "cpu: 101m", "ixnService.ixnServer.resources.requests.cpu"),
    err("a memory limit", "memory: 2Gi", "memory: 3Gi", "ixnService.ixnServer.resources.limits.memory"),
    err("the service account", "serviceAccountName: \"ixn-server-ixn-100\"", "serviceAccountName: \"ixn-100\"", "ixnService.ixnServer.serviceAccount.name"),
    err("the log volume", "- name: log-storage\n          emptyDir: {}", "- name: log-storage\n          hostPath: {path: /var/log}", "ixnService.ixnServer.logStorage.volume"),
    err("the log mount path", "mountPath: \"/mnt/logs\"", "mountPath: \"/mnt/log\"", "ixnService.ixnServer.logStorage.mountPath"),
    err("the workload's name", "kind: StatefulSet\nmetadata:\n  name: \"ixn-100-sts\"", "kind: StatefulSet\nmetadata:\n  name: \"ixn-100\"", "deploy.release"),
    err("the tenant ID", "name: TENANT_ID\n              value: \"9350e2fc", "name: TENANT_ID\n              value: \"0350e2fc", "tenant.id"),
    err("the metrics Service's port", "port: 9100\n", "port: 9109\n", "ixnService.ixnServer.ports.health"),
    warn("a container the portal does not know", "      containers:\n", "      containers:\n        - name: debug\n          image: busybox\n", "deploy.chart"),
    warn("a port the portal does not know", "          ports:\n            - name: node-default\n", "          ports:\n            - name: debug\n              containerPort: 5005\n            - name: node-default\n", "deploy.chart"),
    warn("a Secret the portal does not know", "      volumes:\n", "      volumes:\n        - name: extra\n          secret:\n            secretName: unknown-secret\n", "deploy.chart"),
];

/// `m` applied to the first of its text in the StatefulSet's document when it is there
/// (Helm 3 and 4 order the documents differently), else in the first document with it.
fn mutate(clean: &str, m: &Mutation) -> String {
    let docs: Vec<&str> = clean.split("\n---\n").collect();
    let at = docs
        .iter()
        .position(|d| d.contains("\nkind: StatefulSet\n") && d.contains(m.from))
        .or_else(|| docs.iter().position(|d| d.contains(m.from)))
        .unwrap_or_else(|| panic!("{}: the rendering has no {:?}\n{clean}", m.what, m.from));
    let out: Vec<String> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| if i == at { d.replacen(m.from, m.to, 1) } else { d.to_string() })
        .collect();
    out.join("\n---\n")
}

#[test]
fn each_mutation_of_a_clean_rendering_is_caught_at_its_field() {
    let home = HelmHome::new("contract-mutations");
    let mut cfg = Config::guide_sample();
    // Real values in the file, as the mutations name them (the sample's placeholders
    // are filled by the script's envsubst anyway).
    cfg.deploy.placeholders = false;
    cfg.values.set(def("ixnService.image.logSidecar.enabled"), Value::Bool(true));
    let mut report = String::new();
    for major in HELM_MAJORS {
        let clean = render(&home, &cfg, major, &format!("m{major}"));
        assert!(check_stream(&cfg, &clean).unwrap().is_empty(), "Helm {major}: the clean rendering has findings");
        for m in MUTATIONS {
            let mutated = mutate(&clean, m);
            let fs = check_stream(&cfg, &mutated).unwrap_or_else(|e| panic!("{}: {e}", m.what));
            let hit = fs.iter().find(|f| f.path == m.at && f.severity == m.severity);
            let Some(hit) = hit else {
                panic!(
                    "Helm {major}, {}: not caught at {} ({:?}); findings:\n{}",
                    m.what,
                    m.at,
                    m.severity,
                    shown(&fs)
                );
            };
            if major == 4 {
                report.push_str(&format!("{}: {}: {}\n", m.what, hit.path, hit.message));
            }
        }
    }
    assert!(MUTATIONS.len() >= 30);
    println!("{report}");
}

#[test]
fn a_secrets_data_never_reaches_a_finding() {
    use proptest::prelude::*;
    let mut cfg = Config::guide_sample();
    cfg.deploy.placeholders = false;
    let release = ixn_core::model::release_name(&cfg);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(64));
    runner
        .run(&("[A-Za-z0-9+/=]{12,40}", common::any_text()), |(b64, text)| {
            let secret_value = format!("S3CRET{b64}");
            let text_value = format!("S3CRET{text}");
            // A Secret with data, stringData and kubectl's last-applied annotation, read
            // by a pod under a key it lacks, and a workload missing: findings about the
            // Secret and around it.
            let stream = format!(
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: ixn-db-secret-100\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: {}\ndata:\n  password: {}\nstringData:\n  other: {}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {release}-vqnode-deploy\nspec:\n  template:\n    spec:\n      containers:\n      - name: ixn-vq-node\n        image: {}\n        env:\n        - name: X\n          valueFrom:\n            secretKeyRef: {{name: ixn-db-secret-100, key: username}}\n        - name: DB_HOST\n          value: {}\n",
                serde_json::to_string(&format!("{{\"data\":{{\"password\":\"{secret_value}\"}}}}")).unwrap(),
                serde_json::to_string(&secret_value).unwrap(),
                serde_json::to_string(&text_value).unwrap(),
                serde_json::to_string("busybox").unwrap(),
                serde_json::to_string("h").unwrap(),
            );
            let objects = read_stream(&stream).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let fs = check_stream(&cfg, &stream).unwrap();
            prop_assert!(!fs.is_empty());
            let all = format!("{fs:?}{}{objects:?}", serde_json::to_string(&fs).unwrap());
            prop_assert!(!all.contains("S3CRET"), "a Secret's data shows: {}", all);
            Ok(())
        })
        .unwrap();
}

#[test]
fn what_is_running_says_which_pods_are_not_ready() {
    let cfg = Config::guide_sample();
    let list = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: StatefulSet\n  metadata: {name: ixn-100-sts}\n  spec: {replicas: 1}\n  status: {replicas: 1, readyReplicas: 0}\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: ixn-100-vqnode-deploy}\n  spec: {replicas: 1}\n  status: {replicas: 1, readyReplicas: 1}\n";
    let fs = not_ready(&cfg, &read_stream(list).unwrap());
    assert_eq!(fs.len(), 1, "{}", shown(&fs));
    assert!(fs[0].message.contains("ixn-100-sts-0"), "{}", fs[0].message);
    assert_eq!(fs[0].path, "deploy.release");
}
