//! The stand-in IXN chart (tests/charts/ixn, written from the guide) with the values the
//! portal writes: `helm lint --strict` passes in Helm 3 and Helm 4, `helm template`
//! renders the same in both, kubectl's decoder reads every object, every built-in
//! object is valid against the Kubernetes 1.37 schemas (kubernetes-validate), and the
//! user's text reaches the annotations, volumes, env and ports unchanged.

mod common;

/// The registry row of a path the test names (it must exist).
fn def(path: &str) -> &'static ixn_core::registry::KeyDef {
    ixn_core::registry::key(path).unwrap_or_else(|| panic!("no key {path}"))
}

use common::{helm, kubectl, kubernetes_validate, HelmHome, HELM_MAJORS};
use ixn_core::artifacts::artifacts;
use ixn_core::generate::values_yaml::{Form, ValuesOptions};
use ixn_core::model::{Config, ConsulHost, DbTls, Input, Value, VolumeMount};
use ixn_core::registry::keys;
use serde_json::Value as Json;
use std::path::{Path, PathBuf};
use std::process::Command;

fn chart() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/charts/ixn")
}

/// The values file Helm gets for `cfg`: the portal's file, after the script's own
/// envsubst when it holds placeholders.
fn values_file(home: &HelmHome, cfg: &Config, opts: ValuesOptions, tag: &str) -> PathBuf {
    let a = artifacts(cfg, opts);
    let dir = home.dir.join(tag);
    std::fs::create_dir_all(&dir).unwrap();
    let block = a.commands.block("values").unwrap();
    let out =
        Command::new("bash").args(["-euo", "pipefail", "-c"]).arg(&block.script).current_dir(&dir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let file = ixn_core::generate::commands::values_file_for(cfg, &a.effective);
    dir.join(file)
}

/// lint --strict and template in both majors; returns each major's rendered manifests
/// (Helm 4 drops the chart's own null defaults where Helm 3 keeps them, so they may differ).
fn lint_and_render(home: &HelmHome, values: &Path, release: &str, what: &str) -> Vec<(u8, String)> {
    let mut rendered = Vec::new();
    for major in HELM_MAJORS {
        let h = helm(major);
        let lint = home.run(
            &h,
            &[
                std::ffi::OsStr::new("lint"),
                "--strict".as_ref(),
                chart().as_os_str(),
                "-f".as_ref(),
                values.as_os_str(),
            ],
            "",
            &home.dir,
        );
        let text = String::from_utf8_lossy(&lint.stdout).into_owned() + &String::from_utf8_lossy(&lint.stderr);
        assert!(
            lint.status.success(),
            "{what}: helm {major} lint --strict failed:\n{text}\n{}",
            std::fs::read_to_string(values).unwrap()
        );
        assert!(!text.contains("[WARNING]") && !text.contains("[ERROR]"), "{what}: helm {major} lint:\n{text}");
        let t = home.run(
            &h,
            &[
                std::ffi::OsStr::new("template"),
                release.as_ref(),
                chart().as_os_str(),
                "--namespace".as_ref(),
                "ixn".as_ref(),
                "-f".as_ref(),
                values.as_os_str(),
            ],
            "",
            &home.dir,
        );
        assert!(t.status.success(), "{what}: helm {major} template: {}", String::from_utf8_lossy(&t.stderr));
        let stderr = String::from_utf8_lossy(&t.stderr);
        assert!(stderr.trim().is_empty(), "{what}: helm {major} template warned: {stderr}");
        rendered.push((major, String::from_utf8(t.stdout).unwrap()));
    }
    rendered
}

/// Every rendered object as kubectl's decoder reads it (`label --local`, as `apply -f`
/// decodes, no server), and kubernetes-validate --strict on the built-in kinds.
fn decode_and_validate(home: &HelmHome, manifests: &str, what: &str) -> Vec<Json> {
    let out = home.run(
        &kubectl(),
        &["label", "--local", "-f", "-", "ixn-portal-check=ok", "-o", "json"],
        manifests,
        &home.dir,
    );
    assert!(
        out.status.success(),
        "{what}: kubectl could not read the manifests: {}\n{manifests}",
        String::from_utf8_lossy(&out.stderr)
    );
    let objects: Vec<Json> =
        serde_json::Deserializer::from_slice(&out.stdout).into_iter().collect::<Result<_, _>>().unwrap();
    let file = home.dir.join("rendered.yaml");
    std::fs::write(&file, manifests).unwrap();
    let v = Command::new(kubernetes_validate()).args(["--strict", "-k", "1.37.0"]).arg(&file).output().unwrap();
    let text = String::from_utf8_lossy(&v.stdout).into_owned() + &String::from_utf8_lossy(&v.stderr);
    assert!(v.status.success(), "{what}: kubernetes-validate:\n{text}\n{manifests}");
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        // Only the Prometheus operator's PodMonitor has no schema there; checked by hand below.
        assert!(
            line.contains(" passed for resource ") || line.contains("Couldn't find schema for kind PodMonitor"),
            "{what}: {line}"
        );
    }
    objects
}

fn object<'a>(objects: &'a [Json], kind: &str, name: &str) -> &'a Json {
    objects.iter().find(|o| o["kind"] == kind && o["metadata"]["name"] == name).unwrap_or_else(|| {
        let have: Vec<String> = objects.iter().map(|o| format!("{}/{}", o["kind"], o["metadata"]["name"])).collect();
        panic!("no {kind} {name}: {have:?}")
    })
}

fn container<'a>(pod: &'a Json, name: &str) -> &'a Json {
    pod["spec"]["template"]["spec"]["containers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no container {name}"))
}

fn env<'a>(c: &'a Json, name: &str) -> Option<&'a str> {
    c["env"].as_array()?.iter().find(|e| e["name"] == name)?["value"].as_str()
}

fn port(c: &Json, name: &str) -> Option<i64> {
    c["ports"].as_array()?.iter().find(|p| p["name"] == name)?["containerPort"].as_i64()
}

/// Checks what a user would look for in the rendered objects of `cfg`.
fn check_objects(cfg: &Config, objects: &[Json], release: &str, what: &str) {
    let real = ixn_core::model::Effective::real(cfg);
    let sts = object(objects, "StatefulSet", &format!("{release}-sts"));
    let vq = object(objects, "Deployment", &format!("{release}-vqnode-deploy"));
    let server = container(sts, "ixn-server");
    let node = container(sts, "ixn-node");
    let sidecar = real.bool(keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_ENABLED) == Some(true);
    let containers = sts["spec"]["template"]["spec"]["containers"].as_array().unwrap().len();
    assert_eq!(
        containers,
        if sidecar { 3 } else { 2 },
        "{what}: + 2 Consul sidecars injected = the 4/4 or 5/5 the portal tells"
    );
    // Ports: the model's.
    let p = |k: &str| real.port(def(k)).map(i64::from);
    assert_eq!(port(server, "server-default"), p("ixnService.ixnServer.ports.default"), "{what}");
    assert_eq!(port(server, "server-health"), p("ixnService.ixnServer.ports.health"), "{what}");
    assert_eq!(port(node, "node-default"), p("ixnService.ixnNode.ports.default"), "{what}");
    assert_eq!(port(container(vq, "ixn-vq-node"), "vqnode-health"), p("ixnVQNode.ports.health"), "{what}");
    // Env: the user's text.
    for (var, key) in [
        ("DB_HOST", "ixnService.ixnServer.db.host"),
        ("CONF_SERVER_APP", "ixnService.ixnServer.confServer.appName"),
        ("DB_CONNECTION_STRING", "ixnService.ixnServer.db.connectionString"),
    ] {
        if let Some(v) = real.str(def(key)) {
            assert_eq!(env(server, var), Some(v), "{what}: {var} from {key}");
        }
    }
    // Annotations: podAnnotations on both pods, and the Consul annotations through tpl.
    let annotations = |w: &Json| w["spec"]["template"]["metadata"]["annotations"].clone();
    if let Some(Value::Map(rows)) = real.get(keys::POD_ANNOTATIONS) {
        for (k, v) in rows {
            assert_eq!(annotations(sts)[k].as_str(), Some(v.as_str()), "{what}: podAnnotations {k:?}");
            assert_eq!(annotations(vq)[k].as_str(), Some(v.as_str()), "{what}: podAnnotations {k:?}");
        }
    }
    if cfg.deploy.consul_connect {
        let sid = real.str(keys::TENANT_SID).unwrap();
        let a = annotations(sts);
        assert_eq!(a["consul.hashicorp.com/connect-inject"], "true", "{what}");
        assert_eq!(
            a["consul.hashicorp.com/connect-service"].as_str(),
            Some(format!("ixn-server-{sid}").as_str()),
            "{what}"
        );
        assert_eq!(a["consul.hashicorp.com/service-meta-tenant-sid"].as_str(), Some(sid), "{what}");
        let upstreams = a["consul.hashicorp.com/connect-service-upstreams"].as_str().unwrap();
        assert!(
            upstreams.starts_with(&format!(
                "voice-config:{},",
                real.port_text(keys::IXN_SERVICE_IXN_NODE_CONFIG_NODE_PORT).unwrap()
            )),
            "{what}: {upstreams}"
        );
        assert_eq!(
            annotations(vq)["consul.hashicorp.com/connect-service"].as_str(),
            Some(format!("ixn-vqnode-{sid}").as_str())
        );
        // The guide: the service account must start with ixn-server-.
        assert!(
            sts["spec"]["template"]["spec"]["serviceAccountName"].as_str().unwrap().starts_with("ixn-server-"),
            "{what}"
        );
    }
    // Volumes and mounts: every mount names a volume of the pod, at the typed path.
    let volumes: Vec<String> = sts["spec"]["template"]["spec"]["volumes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["name"].as_str().unwrap().to_string())
        .collect();
    let claims: Vec<String> = sts["spec"]["volumeClaimTemplates"]
        .as_array()
        .map(|a| a.iter().map(|v| v["metadata"]["name"].as_str().unwrap().to_string()).collect())
        .unwrap_or_default();
    for (c, key) in [(server, "ixnService.ixnServer.volumeMounts"), (node, "ixnService.ixnNode.volumeMounts")] {
        for m in c["volumeMounts"].as_array().unwrap() {
            let name = m["name"].as_str().unwrap();
            assert!(
                volumes.iter().chain(&claims).any(|v| v == name),
                "{what}: mount {name} has no volume in {volumes:?} {claims:?}"
            );
        }
        if let Some(Value::Mounts(ms)) = real.get(def(key)) {
            for want in ms {
                let got = c["volumeMounts"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|m| m["name"] == want.name.as_str())
                    .unwrap_or_else(|| panic!("{what}: {key} {}", want.name));
                assert_eq!(got["mountPath"].as_str(), Some(want.mount_path.as_str()), "{what}");
                assert_eq!(got["readOnly"].as_bool(), Some(want.read_only), "{what}");
            }
        }
    }
    // The Redis nodes and the IXN Node db block reach IXN Node's settings.
    let settings = object(objects, "ConfigMap", &format!("{release}-ixn-node-settings"));
    let file = real.str(keys::IXN_SERVICE_IXN_NODE_SETTINGS_FILE).unwrap_or("settings.json");
    let s: Json = serde_json::from_str(settings["data"][file].as_str().unwrap()).unwrap();
    if let Some(Value::Redis(nodes)) = real.get(keys::IXN_SERVICE_IXN_NODE_REDIS) {
        assert_eq!(s["redis"].as_array().unwrap().len(), nodes.len(), "{what}");
        assert_eq!(s["redis"][0]["host"].as_str(), Some(nodes[0].host.as_str()), "{what}");
    }
    assert_eq!(
        s["db"]["name"].as_str(),
        real.str(keys::IXN_SERVICE_IXN_NODE_DB_NAME),
        "{what}: the db block under ixnNode"
    );
    // The chart-made DB secrets carry the typed credentials.
    if real.bool(keys::IXN_SERVICE_IXN_SERVER_SECRETS_DB_ENABLED) == Some(true) {
        let name = real.str(keys::IXN_SERVICE_IXN_SERVER_SECRETS_DB_SECRET_NAME).unwrap();
        let secret = object(objects, "Secret", name);
        assert_eq!(
            secret["stringData"]["password"].as_str(),
            real.str(keys::IXN_SERVICE_IXN_SERVER_SECRETS_DB_PASSWORD),
            "{what}"
        );
    }
    // PodMonitors: select the pods and scrape named ports that exist.
    for pm in objects.iter().filter(|o| o["kind"] == "PodMonitor") {
        let sel = &pm["spec"]["selector"]["matchLabels"];
        let target = [sts, vq]
            .into_iter()
            .find(|w| w["spec"]["selector"]["matchLabels"] == *sel)
            .unwrap_or_else(|| panic!("{what}: PodMonitor selects nothing"));
        for ep in pm["spec"]["podMetricsEndpoints"].as_array().unwrap() {
            let name = ep["port"].as_str().unwrap();
            let found = target["spec"]["template"]["spec"]["containers"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| port(c, name).is_some());
            assert!(found, "{what}: PodMonitor port {name} is not a container port");
        }
    }
}

/// Text a shell, YAML, JSON or Go template could trip on (no `{{`: templates are the
/// user's own Go code, and object names follow DNS rules the form enforces).
const HOSTILE: &str = "a'b\"c$d`e\\f!g h ü 😀 $(x) ${HOME} *?[x] #c ;& | on yes ~ 0100 12:30 ---";

fn profiles() -> Vec<(&'static str, Config)> {
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
        // The hostile text is the value: as a key, the API server refuses it, and so do
        // the portal's checks and the schema since issue 23.12 (keys are qualified names).
        Value::Map(vec![
            ("example.com/on".into(), HOSTILE.into()),
            ("yes".into(), "on".into()),
            ("n".into(), "0x1F".into()),
        ]),
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
    // Emptying the field brings back the chart's `{}`: then the size makes a PVC.
    pvc.values.set_text(keys::IXN_SERVICE_IXN_SERVER_LOG_STORAGE_VOLUME, "").unwrap();

    let mut external = Config::guide_sample();
    external.deploy.chart_makes_db_secrets = false;
    external.deploy.consul_connect = false;
    external.deploy.mount_secrets = false;

    // A GWS tenant ID can be all digits.
    let mut numeric = Config::guide_sample();
    numeric.values.set(keys::TENANT_ID, Value::Str("4242".into()));

    vec![
        ("guide sample", Config::guide_sample()),
        ("numeric tenant ID", numeric),
        ("hostile text", hostile),
        ("monitoring on", monitored),
        ("log PVC", pvc),
        ("external DB secrets", external),
    ]
}

#[test]
fn the_stand_in_chart_lints_and_renders_what_the_portal_writes() {
    let home = HelmHome::new("chart-render");
    let mut n = 0;
    for (what, cfg) in profiles() {
        for opts in [
            ValuesOptions { form: Form::Minimal, comments: true, schema_line: false },
            ValuesOptions { form: Form::Full, comments: false, schema_line: false },
        ] {
            let what = format!("{what} {:?}", opts.form);
            let values = values_file(&home, &cfg, opts, &format!("case{n}"));
            n += 1;
            let release = ixn_core::generate::commands::release_name(&cfg);
            for (major, rendered) in lint_and_render(&home, &values, &release, &what) {
                let what = format!("{what}, Helm {major}");
                let objects = decode_and_validate(&home, &rendered, &what);
                check_objects(&cfg, &objects, &release, &what);
            }
        }
    }
}

#[test]
fn the_chart_defaults_render_with_the_required_values_given() {
    // The defaults alone leave tenant and database unset; the portal's minimal file
    // marks them, and a user fills them in.
    let home = HelmHome::new("chart-defaults");
    let mut cfg = Config::chart_defaults();
    cfg.deploy.db_owner_password = "pw".into();
    for (k, v) in [
        ("tenant.sid", "100"),
        ("tenant.id", "t-1"),
        ("ixnService.ixnServer.db.host", "pg"),
        ("ixnService.ixnNode.db.host", "pg"),
    ] {
        cfg.values.set(def(k), Value::Str(v.into()));
    }
    let values = values_file(&home, &cfg, ValuesOptions::default(), "defaults");
    for (major, rendered) in lint_and_render(&home, &values, "ixn-100", "chart defaults") {
        let what = format!("chart defaults, Helm {major}");
        let objects = decode_and_validate(&home, &rendered, &what);
        check_objects(&cfg, &objects, "ixn-100", &what);
    }
}

/// The stand-in chart with the portal's values.schema.json in it, under `home`.
fn chart_with_schema(home: &HelmHome) -> PathBuf {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let p = e.unwrap().path();
            let dest = to.join(p.file_name().unwrap());
            if p.is_dir() {
                copy(&p, &dest);
            } else {
                std::fs::copy(&p, &dest).unwrap();
            }
        }
    }
    let dir = home.dir.join("ixn-with-schema");
    copy(&chart(), &dir);
    std::fs::write(dir.join(ixn_core::chart::SCHEMA_FILE), ixn_core::chart::values_schema_text()).unwrap();
    dir
}

/// `helm lint --strict` and `helm template` of `chart` with `values`, in each major:
/// `Ok` when both accept in both, else what the first refusal said.
fn helm_checks(home: &HelmHome, chart: &Path, values: &Path) -> Vec<(u8, Result<(), String>)> {
    let mut out = Vec::new();
    for major in HELM_MAJORS {
        let h = helm(major);
        let mut result = Ok(());
        for args in [
            vec!["lint".as_ref(), "--strict".as_ref(), chart.as_os_str(), "-f".as_ref(), values.as_os_str()],
            vec![
                std::ffi::OsStr::new("template"),
                "ixn-100".as_ref(),
                chart.as_os_str(),
                "-f".as_ref(),
                values.as_os_str(),
            ],
        ] {
            let o = home.run(&h, &args, "", &home.dir);
            if !o.status.success() {
                result = Err(String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr));
                break;
            }
        }
        out.push((major, result));
    }
    out
}

#[test]
fn with_the_schema_in_the_chart_helm_accepts_every_values_file_the_portal_writes() {
    let home = HelmHome::new("schema-accepts");
    let chart = chart_with_schema(&home);
    let mut defaults = Config::chart_defaults();
    for (k, v) in [
        ("tenant.sid", "100"),
        ("tenant.id", "t-1"),
        ("ixnService.ixnServer.db.host", "pg"),
        ("ixnService.ixnNode.db.host", "pg"),
    ] {
        defaults.values.set(def(k), Value::Str(v.into()));
    }
    let mut cases = profiles();
    cases.push(("chart defaults", defaults));
    let mut n = 0;
    for (what, cfg) in cases {
        for opts in [
            ValuesOptions { form: Form::Minimal, comments: true, schema_line: true },
            ValuesOptions { form: Form::Full, comments: false, schema_line: false },
        ] {
            let values = values_file(&home, &cfg, opts, &format!("accept{n}"));
            n += 1;
            for (major, r) in helm_checks(&home, &chart, &values) {
                if let Err(e) = r {
                    panic!(
                        "{what} {:?}: Helm {major} refused it with the schema:\n{e}\n{}",
                        opts.form,
                        std::fs::read_to_string(&values).unwrap()
                    );
                }
            }
        }
    }
}

/// A values file breaking one rule: the guide sample's file with one key replaced.
struct Breaks {
    rule: &'static str,
    path: &'static str,
    yaml: &'static str,
}

const BREAKS: &[Breaks] = &[
    Breaks { rule: "port above 65535", path: "ixnService.ixnServer.ports.default", yaml: "70000" },
    Breaks { rule: "port 0", path: "ixnVQNode.ports.health", yaml: "0" },
    Breaks { rule: "a port as text", path: "ixnService.ixnNode.ports.default", yaml: "http" },
    Breaks { rule: "replicaCount 0 or 1", path: "replicaCount", yaml: "2" },
    Breaks { rule: "tenant short ID digits", path: "tenant.sid", yaml: "abc" },
    Breaks { rule: "required tenant ID", path: "tenant.id", yaml: "null" },
    Breaks { rule: "DNS-1123 secret name", path: "ixnService.ixnServer.secrets.db.secretName", yaml: "Bad_Name" },
    Breaks { rule: "quantity", path: "ixnService.ixnServer.resources.limits.cpu", yaml: "lots" },
    Breaks { rule: "negative quantity", path: "ixnService.ixnServer.resources.requests.memory", yaml: "-1Gi" },
    Breaks { rule: "probe timing positive", path: "ixnVQNode.livenessProbe.periodSeconds", yaml: "0" },
    Breaks { rule: "a boolean", path: "ixnService.service.enabled", yaml: "maybe" },
    Breaks { rule: "pull secrets need names", path: "image.imagePullSecrets", yaml: "[{}]" },
    Breaks { rule: "Redis port", path: "ixnService.ixnNode.redis", yaml: "[{host: r, port: 99999}]" },
    Breaks { rule: "labels are text", path: "podLabels", yaml: "{team: {a: b}}" },
    Breaks { rule: "one of a fixed set", path: "image.pullPolicy", yaml: "Sometimes" },
];

#[test]
fn with_the_schema_in_the_chart_helm_rejects_each_rule_the_portal_validates() {
    use ixn_core::yaml::{read_yaml, to_yaml, Limits};
    let home = HelmHome::new("schema-rejects");
    let chart = chart_with_schema(&home);
    let mut cfg = Config::guide_sample();
    cfg.deploy.placeholders = false;
    let base = values_file(&home, &cfg, ValuesOptions::default(), "base");
    for (major, r) in helm_checks(&home, &chart, &base) {
        assert!(r.is_ok(), "the base file is refused by Helm {major}: {r:?}");
    }
    let base = read_yaml(&std::fs::read_to_string(&base).unwrap(), Limits::default()).unwrap();
    for (i, b) in BREAKS.iter().enumerate() {
        let mut tree = base.clone();
        let segs: Vec<&str> = b.path.split('.').collect();
        tree.insert(&segs, read_yaml(b.yaml, Limits::default()).unwrap(), None);
        let text = to_yaml(&tree, Default::default());
        // The portal refuses it too: an error at the field, or the field does not take it.
        let (imported, report) =
            ixn_core::import::import(&Config::default(), &[ixn_core::import::SourceFile { name: "v", text: &text }])
                .unwrap();
        let mut with_context = imported.clone();
        with_context.deploy = cfg.deploy.clone();
        let portal = ixn_core::validate::findings(&with_context)
            .into_iter()
            .any(|f| f.severity == ixn_core::validate::Severity::Error && f.path.to_string().starts_with(b.path))
            || report.notes.iter().any(|n| n.starts_with(b.path));
        assert!(portal, "{}: the portal does not refuse {}: {}", b.rule, b.path, b.yaml);
        let file = home.dir.join(format!("break{i}.yaml"));
        std::fs::write(&file, &text).unwrap();
        for (major, r) in helm_checks(&home, &chart, &file) {
            let e = r.expect_err(&format!("{}: Helm {major} accepted {} = {}", b.rule, b.path, b.yaml));
            assert!(e.contains("schema"), "{}: Helm {major} refused it, but not by the schema:\n{e}", b.rule);
        }
    }
}
