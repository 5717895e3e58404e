//! Each generator's output for the cases a user meets, and no panic on any input.

mod common;

use ixn_core::artifacts::{artifacts, operations};
use ixn_core::generate::sizing::sizing;
use ixn_core::generate::topology::{connections, Class};
use ixn_core::generate::values_yaml::{values_yaml, Form, ValuesOptions};
use ixn_core::model::release_name;
use ixn_core::model::{Config, ConsulHost, DbTls, Effective, GkeLocationKind, Input, Platform, SecretStyle, Value};
use ixn_core::registry::keys;
use ixn_core::registry::KEYS;
use ixn_core::yaml::{read_yaml, Limits, Node};
use proptest::prelude::*;

fn yaml_of(cfg: &Config, opts: ValuesOptions) -> Node {
    read_yaml(&values_yaml(cfg, &Effective::of(cfg), opts), Limits::default()).unwrap()
}

#[test]
fn minimal_holds_only_changes_and_required_keys() {
    let mut cfg = Config::chart_defaults();
    cfg.deploy.consul_connect = false;
    cfg.deploy.mount_secrets = false;
    cfg.values.set(keys::TENANT_SID, Value::Str("100".into()));
    cfg.values.set_text(keys::IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT, "13130").unwrap(); // = chart default
    cfg.values.set_text(keys::IXN_VQNODE_PORTS_HEALTH, "9102").unwrap();
    let n = yaml_of(&cfg, ValuesOptions::default());
    assert_eq!(n.get(keys::IXN_VQNODE_PORTS_HEALTH.path), Some(&Node::Int(9102)));
    assert_eq!(n.get(keys::IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT.path), None, "equal to the chart default");
    assert_eq!(n.get(keys::TENANT_SID.path).and_then(Node::as_str), Some("100"));
    assert_eq!(n.get(keys::IXN_SERVICE_IXN_SERVER_DB_NAME.path).and_then(Node::as_str), Some("ixn-100"), "derived");
    // Missing required values are visible, never empty.
    assert_eq!(n.get(keys::TENANT_ID.path).and_then(Node::as_str), Some("<required: tenant.id>"));
    assert_eq!(n.get(keys::IXN_SERVICE_ANNOTATIONS.path), None, "Consul connect off");
    assert_eq!(n.get(keys::IXN_SERVICE_VOLUMES.path), None, "secret mounts off");
}

#[test]
fn full_holds_every_documented_key() {
    let cfg = Config::guide_sample();
    let text = values_yaml(
        &cfg,
        &Effective::of(&cfg),
        ValuesOptions { form: Form::Full, comments: false, schema_line: false },
    );
    let n = read_yaml(&text, Limits::default()).unwrap();
    for k in KEYS {
        if k.default_text().is_some() || cfg.values.get(k).is_some() {
            assert!(n.get(k.path).is_some(), "{} missing from the full file", k.path);
        }
    }
    assert!(!text.contains("# --"), "comments off");
    let commented =
        values_yaml(&cfg, &Effective::of(&cfg), ValuesOptions { form: Form::Full, comments: true, schema_line: false });
    assert!(commented.contains("# -- Interaction Server default port (IXN protocol).\n      default: 7120"));
}

#[test]
fn structured_values_are_written_as_the_chart_expects() {
    let mut cfg = Config::guide_sample();
    cfg.values
        .set(keys::IXN_SERVICE_IXN_NODE_CONSUL_HOST, Value::ConsulHost(ConsulHost::Literal("consul.local".into())));
    cfg.values.set(keys::IXN_SERVICE_IXN_NODE_DB_OPTIONS_SSL, Value::DbTls(DbTls::On));
    let n = yaml_of(&cfg, ValuesOptions::default());
    assert_eq!(n.get(keys::IXN_SERVICE_IXN_NODE_CONSUL_HOST.path).and_then(Node::as_str), Some("consul.local"));
    assert_eq!(n.get(keys::IXN_SERVICE_IXN_NODE_DB_OPTIONS_SSL.path), Some(&Node::Map(vec![])));
    cfg.values.set(
        keys::IXN_SERVICE_IXN_NODE_DB_OPTIONS_SSL,
        Value::DbTls(DbTls::Custom(Input::new("rejectUnauthorized: false"))),
    );
    cfg.values.unset(keys::IXN_SERVICE_IXN_NODE_CONSUL_HOST);
    let n = yaml_of(&cfg, ValuesOptions::default());
    assert_eq!(n.get("ixnService.ixnNode.db.options.ssl.rejectUnauthorized"), Some(&Node::Bool(false)));
    // Unset, the consul host is required and shows as missing.
    assert!(n
        .get(keys::IXN_SERVICE_IXN_NODE_CONSUL_HOST.path)
        .and_then(Node::as_str)
        .unwrap()
        .starts_with("<required"));
    let sample = yaml_of(&Config::guide_sample(), ValuesOptions::default());
    assert_eq!(
        sample.get("ixnService.ixnNode.consul.host.valueFrom.fieldRef.fieldPath").and_then(Node::as_str),
        Some("status.hostIP")
    );
    assert_eq!(
        sample.get("ixnService.ixnServer.volumeMounts.kafka-shared-secret.mountPath").and_then(Node::as_str),
        Some("/mnt/env-secrets/kafka-secrets")
    );
    assert_eq!(sample.get("ixnService.ixnNode.volumeMounts.redis-ors-secret.readOnly"), Some(&Node::Bool(true)));
    assert_eq!(
        sample.get(keys::IMAGE_IMAGE_PULL_SECRETS.path),
        Some(&Node::Seq(vec![Node::Map(vec![ixn_core::yaml::Entry {
            key: "name".into(),
            value: Node::str("pullsecret"),
            comment: None
        }])]))
    );
}

#[test]
fn placeholder_mode_exports_the_real_values() {
    let mut cfg = Config::guide_sample();
    cfg.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_HOST, Value::Str("pg.infra".into()));
    let a = artifacts(&cfg, ValuesOptions::default());
    let values = a.commands.block("values").unwrap().script.clone();
    for line in [
        "export TENANT_ID=100",
        "export TENANT_UUID=9350e2fc-a1dd-4c65-8d40-1f75a2e080dd",
        "export POSTGRES_ADDR=pg.infra",
        "export POSTGRES_PASSWORD=password",
        "export REDIS_PORT=6379",
    ] {
        assert!(values.contains(line), "{line} missing:\n{values}");
    }
    assert!(a.values_yaml.contains("host: \"${POSTGRES_ADDR}\""));
    assert!(a.values_yaml.contains("port: ${REDIS_PORT}"), "a port stays a number after envsubst");
    // A second, different DB host gets its own variable.
    cfg.values.set(keys::IXN_SERVICE_IXN_NODE_DB_HOST, Value::Str("pg-node.infra".into()));
    let a = artifacts(&cfg, ValuesOptions::default());
    assert!(a.commands.script().contains("export POSTGRES_ADDR_2=pg-node.infra"));
    // Off: no placeholders, no envsubst.
    cfg.deploy.placeholders = false;
    let a = artifacts(&cfg, ValuesOptions::default());
    assert!(!a.values_yaml.contains("${"));
    assert!(!a.commands.script().contains("envsubst"));
    assert!(a.commands.script().replace(" \\\n  ", " ").contains("-f override_values.yaml --rollback-on-failure"));
}

#[test]
fn commands_follow_the_chosen_helm_major_and_chart_source() {
    use ixn_core::model::{ChartSource, HelmMajor};
    let mut cfg = Config::guide_sample();
    cfg.deploy.chart_repo_url = "https://charts.example.com/ixn".into();
    let ops = |cfg: &Config| {
        let a = artifacts(cfg, ValuesOptions::default());
        let sections = operations(cfg);
        let ops: String =
            sections.iter().flat_map(|s| &s.items).filter_map(|i| i.script.clone()).collect::<Vec<_>>().join("\n");
        // Long lines are wrapped; `=` is quoted.
        let flat = |s: String| {
            s.replace(" \\\n  ", " ")
                .replace("'--wait=watcher'", "--wait=watcher")
                .replace("'--dry-run=client'", "--dry-run=client")
        };
        (flat(a.commands.script()), flat(ops), sections)
    };
    // Helm 4 by default.
    let (script, ops4, sections) = ops(&cfg);
    assert!(script.contains("helm repo add --force-update ixn https://charts.example.com/ixn\nhelm repo update ixn"));
    assert!(script.contains("--rollback-on-failure --wait=watcher --timeout 10m0s") && !script.contains("--atomic"));
    assert!(ops4.contains("--wait=watcher") && ops4.contains("--dry-run=client --debug"));
    let pre = sections.iter().flat_map(|s| &s.items).find(|i| i.id == "preflight-helm").unwrap();
    assert_eq!(pre.title, "Helm 4");
    assert!(pre.note.contains("must start with v4"));
    // Helm 3.
    cfg.deploy.helm_major = HelmMajor::V3;
    let (script, ops3, sections) = ops(&cfg);
    assert!(script.contains("--atomic --timeout 10m0s") && !script.contains("rollback-on-failure"));
    assert!(ops3.contains("helm rollback ixn-100 \"$REVISION\" --namespace ixn --wait --timeout 10m0s"));
    assert!(sections
        .iter()
        .flat_map(|s| &s.items)
        .any(|i| i.id == "preflight-helm" && i.note.contains("must start with v3")));
    // Credentials on stdin, never as arguments.
    cfg.deploy.chart_username = "me".into();
    cfg.deploy.chart_password = "s3cret".into();
    let (script, _, _) = ops(&cfg);
    assert!(script.contains("printf '%s' s3cret | helm repo add --force-update ixn https://charts.example.com/ixn --username me --password-stdin"));
    // OCI: log in to the registry host; the reference goes to helm as it is.
    cfg.deploy.chart_source = ChartSource::Oci;
    cfg.deploy.chart = "oci://registry.example.com/charts/ixn".into();
    let (script, _, _) = ops(&cfg);
    assert!(
        script.contains("printf '%s' s3cret | helm registry login registry.example.com --username me --password-stdin")
    );
    assert!(script.contains("helm upgrade --install ixn-100 oci://registry.example.com/charts/ixn"));
    assert!(!script.contains("helm repo add"));
    // Masked previews hide the chart password too.
    assert!(!artifacts(&cfg.masked("••••"), ValuesOptions::default()).commands.script().contains("s3cret"));
}

#[test]
fn the_chart_source_is_checked_where_it_is_typed() {
    use ixn_core::model::ChartSource;
    use ixn_core::validate::validate;
    let at = |cfg: &Config, path: &str| -> Vec<String> {
        validate(cfg, &ixn_core::model::Effective::of(cfg))
            .into_iter()
            .filter(|f| f.path == path)
            .map(|f| f.message)
            .collect()
    };
    let mut cfg = Config::guide_sample();
    assert!(at(&cfg, "deploy.chartVersion")[0].contains("not pinned"), "a warning while the version is empty");
    assert!(at(&cfg, "deploy.chartRepoUrl")[0].contains("Enter the chart repository URL"));
    cfg.deploy.chart_version = "100.0.1".into();
    cfg.deploy.chart_repo_url = "oci://x/y".into();
    assert!(at(&cfg, "deploy.chartVersion").is_empty());
    assert!(at(&cfg, "deploy.chartRepoUrl")[0].contains("https://"));
    cfg.deploy.chart = "ixn".into();
    assert!(at(&cfg, "deploy.chart")[0].contains("REPO/CHART"));
    cfg.deploy.chart_source = ChartSource::Oci;
    assert!(at(&cfg, "deploy.chart")[0].contains("oci://host/path/chart"));
    cfg.deploy.chart_password = "pw".into();
    assert!(at(&cfg, "deploy.chartUser")[0].contains("required"));
    cfg.deploy.chart_source = ChartSource::Local;
    cfg.deploy.chart_password.clear();
    assert!(at(&cfg, "deploy.chart").is_empty() && at(&cfg, "deploy.chartUser").is_empty());
}

#[test]
fn cluster_login_per_platform() {
    let mut cfg = Config::guide_sample();
    cfg.deploy.gke_project = "proj".into();
    cfg.deploy.gke_location = "europe-west1".into();
    cfg.deploy.gke_location_kind = GkeLocationKind::Region;
    let login = |c: &Config| artifacts(c, ValuesOptions::default()).commands.block("login").unwrap().script.clone();
    assert_eq!(login(&cfg), "gcloud container clusters get-credentials gke1 --project proj --region europe-west1");
    cfg.deploy.platform = Platform::Aks;
    cfg.deploy.aks_resource_group = "rg".into();
    cfg.deploy.aks_cluster = "aks1".into();
    assert_eq!(login(&cfg), "az aks get-credentials --resource-group rg --name aks1");
    cfg.deploy.platform = Platform::Other;
    assert!(login(&cfg).ends_with("kubectl config current-context"));
}

#[test]
fn rollout_expectations_follow_the_log_sidecar() {
    let mut cfg = Config::guide_sample();
    let rollout = |c: &Config| artifacts(c, ValuesOptions::default()).commands.block("rollout").unwrap().script.clone();
    assert!(rollout(&cfg).contains("ixn-100-sts-0 READY 5/5"));
    assert!(rollout(&cfg).contains("ixn-100-vqnode-deploy-… READY 3/3"));
    assert!(rollout(&cfg).contains("--timeout=4m"));
    cfg.values.set(keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_ENABLED, Value::Bool(false));
    assert!(rollout(&cfg).contains("ixn-100-sts-0 READY 4/4"));
    cfg.deploy.release = "tenant-a".into();
    assert_eq!(release_name(&cfg), "tenant-a");
    assert!(rollout(&cfg).contains("statefulset/tenant-a-sts"));
}

#[test]
fn config_server_option_uses_the_health_port() {
    let mut cfg = Config::guide_sample();
    let block =
        |c: &Config| artifacts(c, ValuesOptions::default()).commands.block("config-server").unwrap().script.clone();
    assert!(block(&cfg).contains("soap-endpoint = http://localhost:9100/health"));
    cfg.values.unset(keys::IXN_SERVICE_IXN_SERVER_PORTS_HEALTH);
    assert!(block(&cfg).contains("http://localhost:13131/health"), "chart default");
}

#[test]
fn db_secrets_and_bootstrap_blocks_follow_the_settings() {
    let mut cfg = Config::guide_sample();
    let a = artifacts(&cfg, ValuesOptions::default());
    assert!(a.commands.block("db-secrets").is_none(), "the chart makes them");
    assert!(a.values_yaml.contains("password: \"${POSTGRES_PASSWORD}\""));
    cfg.deploy.chart_makes_db_secrets = false;
    cfg.deploy.secret_style = SecretStyle::Stdin;
    let a = artifacts(&cfg, ValuesOptions::default());
    let block = &a.commands.block("db-secrets").unwrap().script;
    assert!(block.contains("\"name\": \"ixn-db-secret-100\""));
    assert!(block.contains("\"name\": \"ixn-node-db-secret-100\""));
    assert!(!a.values_yaml.contains("POSTGRES_PASSWORD"), "no password in the values file");
    cfg.deploy.db_bootstrap = false;
    assert!(artifacts(&cfg, ValuesOptions::default()).commands.block("db-bootstrap").is_none());
}

#[test]
fn the_map_has_19_connections_with_ports_from_the_values() {
    let mut cfg = Config::guide_sample(); // placeholder mode: the map still shows real ports
    let cs = artifacts(&cfg, ValuesOptions::default()).connections;
    assert_eq!(cs.len(), 19);
    assert_eq!(cs.iter().map(|c| c.n).collect::<Vec<_>>(), (1..=19).collect::<Vec<_>>());
    let by = |n: u8| cs.iter().find(|c| c.n == n).unwrap().clone();
    assert_eq!(by(2).port, "7120");
    assert_eq!(by(2).key, Some("ixnService.ixnServer.ports.default"));
    assert_eq!(by(8).port, "7122");
    assert_eq!(by(12).port, "9100");
    assert_eq!(by(12).class, Class::Ingress);
    assert_eq!(by(6).port, "9092", "from the Kafka bootstrap");
    assert_eq!(by(6).class, Class::Egress);
    assert_eq!(by(14).port, "11100");
    assert_eq!(by(15).port, "6379");
    assert_eq!(by(19).port, "2060");
    assert!(by(12).active, "monitoring service on in the sample");
    // Chart defaults: the map follows.
    cfg.values.unset(keys::IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT);
    cfg.values.set(keys::IXN_SERVICE_PROMETHEUS_MONITORING_SERVICE_ENABLED, Value::Bool(false));
    cfg.values.set(keys::IXN_SERVICE_IXN_NODE_STORING_SESSIONS_ENABLED, Value::Bool(false));
    let cs = connections(&cfg, &Effective::real(&cfg));
    assert_eq!(cs[1].port, "13130");
    assert!(!cs[11].active, "Prometheus -> IXN off without monitoring");
    assert!(!cs[16].active, "IXN Node DB unused without stored sessions");
}

#[test]
fn sizing_adds_exactly() {
    let cfg = Config::guide_sample(); // log sidecar on, chart default sidecar resources
    let s = sizing(&Effective::of(&cfg));
    assert_eq!(s.containers.len(), 4);
    let (pod, ixn) = &s.pods[0];
    assert_eq!(*pod, "ixn-<sid>-sts-0");
    // 100m + 40m + 40m; 512Mi + 128Mi + 128Mi; 200m + 300m + 300m; 2Gi + 320Mi + 320Mi
    assert_eq!(ixn.cpu_request.as_str(), "180m");
    assert_eq!(ixn.memory_request.as_str(), "768Mi");
    assert_eq!(ixn.cpu_limit.as_str(), "800m");
    assert_eq!(ixn.memory_limit.as_str(), "2688Mi");
    assert_eq!(s.namespace.cpu_request.as_str(), "210m");
    assert_eq!(s.namespace.memory_limit.as_str(), "2848Mi");
    let mut cfg = cfg;
    cfg.values.set_text(keys::IXN_SERVICE_IXN_SERVER_RESOURCES_LIMITS_CPU, "1.25").unwrap();
    cfg.values.set_text(keys::REPLICA_COUNT, "0").unwrap();
    let s = sizing(&Effective::of(&cfg));
    assert_eq!(s.pods[0].1.cpu_limit.as_str(), "1850m");
    assert_eq!(s.namespace.cpu_limit.as_str(), "0", "replicaCount 0 runs nothing");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Whatever is typed into any field, the core answers with artifacts and findings.
    #[test]
    fn no_panic_on_any_input(texts in prop::collection::vec(common::any_text(), 40), placeholders: bool, stdin: bool) {
        let mut cfg = Config::guide_sample();
        cfg.deploy.placeholders = placeholders;
        cfg.deploy.secret_style = if stdin { SecretStyle::Stdin } else { SecretStyle::Guide };
        cfg.deploy.chart_makes_db_secrets = !stdin;
        let mut t = texts.iter().cycle();
        for k in KEYS {
            if let Some(v) = Value::from_text(k.kind, t.next().unwrap()) {
                cfg.values.set(k, v);
            }
        }
        let d = &mut cfg.deploy;
        for f in [&mut d.namespace, &mut d.release, &mut d.chart, &mut d.chart_version, &mut d.gke_cluster,
                  &mut d.registry_password, &mut d.redis_password, &mut d.redis_port, &mut d.kafka_bootstrap,
                  &mut d.db_owner_user, &mut d.db_owner_password, &mut d.db_admin_password] {
            *f = t.next().unwrap().clone();
        }
        let a = artifacts(&cfg, ValuesOptions { form: Form::Full, comments: true, schema_line: false });
        let _ = ixn_core::validate::validate(&cfg, &a.effective);
        prop_assert!(a.values_yaml.ends_with('\n'));
        prop_assert!(read_yaml(&a.values_yaml, Limits::default()).is_ok(), "{}", a.values_yaml);
    }
}

#[test]
fn dropping_never_touches_the_admin_or_postgres_role() {
    let mut cfg = Config::guide_sample(); // owner role "postgres", as in the guide
    cfg.deploy.drop_databases = true;
    let ops = operations(&cfg);
    let drop = ops.iter().flat_map(|s| &s.items).find(|i| i.destructive).unwrap();
    let script = drop.script.as_deref().unwrap();
    assert!(script.contains("DROP DATABASE IF EXISTS \"ixn-100\";"));
    assert!(!script.contains("DROP ROLE"), "{script}");
    cfg.deploy.db_owner_user = "ixn".into();
    let ops = operations(&cfg);
    let drop = ops.iter().flat_map(|s| &s.items).find(|i| i.destructive).unwrap();
    assert!(drop.script.as_deref().unwrap().contains("DROP ROLE IF EXISTS \"ixn\";"));
}

#[test]
fn downloads_never_turn_typed_text_into_a_path() {
    let a = artifacts(&Config::guide_sample(), ValuesOptions::default());
    for (release, folder) in [
        ("ixn-100", "ixn-100"),
        ("..", "ixn"),
        ("../../etc", "ixn"),
        ("a/b", "ixn"),
        ("ixn-<sid>", "ixn"),
        ("", "ixn"),
        ("Ixn", "ixn"),
    ] {
        assert_eq!(ixn_core::artifacts::download_folder(release), folder, "{release:?}");
        for f in a.files(release) {
            assert!(f.name.starts_with(&format!("{folder}/")) && !f.name.contains(".."), "{release:?}: {}", f.name);
        }
    }
}

#[test]
fn the_maps_labels_come_from_its_connections() {
    use ixn_core::generate::topology::COMPONENTS;
    let mut cfg = Config::guide_sample();
    cfg.deploy.kafka_bootstrap.clear();
    let cs = connections(&cfg, &Effective::real(&cfg));
    let by = |n: u8| cs.iter().find(|c| c.n == n).unwrap().clone();
    // Every end of every connection is a component the layout can place.
    for c in &cs {
        assert!(COMPONENTS.contains(&c.source) && COMPONENTS.contains(&c.destination), "#{}", c.n);
    }
    assert_eq!(by(2).short_port(), "7120");
    assert_eq!(by(2).port_note(), "Port set by ixnService.ixnServer.ports.default.");
    assert_eq!(by(6).short_port(), "(bootstrap)");
    assert_eq!(by(7).port_note(), "Set by kafka.bootstrap (the Kafka bootstrap servers).");
    assert_eq!(by(13).short_port(), "(RQ)");
    assert_eq!(by(13).port_note(), "Port defined outside these values.");
    assert_eq!(by(15).short_port(), "6379");
    cfg.values.set(keys::IXN_SERVICE_IXN_NODE_REDIS, Value::Redis(Vec::new()));
    let cs = connections(&cfg, &Effective::real(&cfg));
    assert_eq!(cs.iter().find(|c| c.n == 15).unwrap().short_port(), "(Redis)");
}
