//! Every finding points to a field the form renders: on broken configurations that
//! trigger nearly every rule, each finding's typed location resolves to a registry row,
//! a row of a list-valued key, a context row, or a key of the user's chart, and its
//! text is the name the form's element ids, links and `check` are made from.

mod common;

use ixn_core::batch::Field;
use ixn_core::chart::other_keys;
use ixn_core::model::{
    context_field, ctx, Baseline, ChartSource, ChartValues, Config, Delivery, Location, Part, Platform, RedisNode,
    SecretStoreKind, SecretsFrom, Value, VolumeMount, CONTEXT,
};
use ixn_core::registry::{key, keys, Kind, KEYS};
use ixn_core::validate::{findings, Finding};
use ixn_core::yaml::Node;
use std::collections::BTreeSet;

const STAND_IN: &str = include_str!("charts/ixn/values.yaml");

/// Configurations that break as many rules as possible, each in another way.
fn broken() -> Vec<Config> {
    let mut out = vec![Config::chart_defaults()];

    // Values: typed text that does not parse, ranges, patterns, rows, pods, resources.
    let mut c = common::tenant::complete_tenant();
    c.values.set_text(keys::IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT, "0").unwrap();
    c.values.set_text(keys::IXN_SERVICE_IXN_SERVER_PORTS_HEALTH, "x").unwrap();
    c.values.set_text(keys::IXN_VQNODE_PORTS_HEALTH, "9200").unwrap();
    c.values.set_text(keys::IXN_VQNODE_PORTS_DEFAULT, "9200").unwrap();
    c.values.set(keys::TENANT_ID, Value::Str("not-a-uuid".into()));
    c.values.set(keys::TENANT_SID, Value::Str("10a".into()));
    c.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_HOST, Value::Str("a\nb".into()));
    c.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_NAME, Value::Str("n".repeat(70)));
    let mut bad_port = RedisNode { host: "redis".into(), ..RedisNode::default() };
    bad_port.port = ixn_core::model::Input::new("99999");
    c.values.set(keys::IXN_SERVICE_IXN_NODE_REDIS, Value::Redis(vec![bad_port, RedisNode::default()]));
    c.values.set_text(keys::IXN_SERVICE_IXN_SERVER_RESOURCES_REQUESTS_CPU, "2").unwrap();
    c.values.set_text(keys::IXN_SERVICE_IXN_SERVER_RESOURCES_LIMITS_CPU, "1").unwrap();
    c.values.set_text(keys::IXN_SERVICE_IXN_SERVER_RESOURCES_LIMITS_MEMORY, "-1Gi").unwrap();
    c.values.set(keys::POD_LABELS, Value::Map(vec![("a".into(), "1".into()), ("a".into(), "2".into())]));
    c.values.set(
        keys::IXN_SERVICE_IXN_SERVER_VOLUME_MOUNTS,
        Value::Mounts(vec![VolumeMount { name: "v".into(), mount_path: "relative".into(), read_only: true }]),
    );
    c.values.set(keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_ENABLED, Value::Bool(true));
    c.values.set(keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_TAG, Value::Str(String::new()));
    c.values.set(keys::IXN_SERVICE_IXN_SERVER_SERVICE_ACCOUNT_NAME, Value::Str("other".into()));
    c.values.set(keys::IXN_SERVICE_IXN_NODE_REDIS_OPTIONS_TLS_REJECT_UNAUTHORIZED, Value::Bool(true));
    // Context: names, sources, platforms, the pull secret, Kafka, Redis, databases.
    let d = &mut c.deploy;
    d.namespace = "Bad_NS".into();
    d.release = "-x".into();
    d.redis_reject_unauthorized = true;
    d.chart_version.clear();
    d.chart_repo_url = "ftp://x".into();
    d.chart = "nochart".into();
    d.chart_password = "p\0".into();
    d.chart_username.clear();
    d.dropped_chart_repo = "https://old".into();
    d.platform = Platform::Aks;
    d.aks_cluster.clear();
    d.aks_resource_group.clear();
    d.pull_secret_create = true;
    d.pull_secret_name = "Bad Name".into();
    d.registry_username.clear();
    d.registry_password.clear();
    d.kafka_bootstrap = "nohost".into();
    d.kafka_username = "u".into();
    d.kafka_password.clear();
    d.redis_port = "x".into();
    d.redis_password.clear();
    d.db_bootstrap = true;
    d.db_admin_user = "a".repeat(70);
    d.db_owner_password.clear();
    d.psql_image.clear();
    out.push(c);

    // Placeholders: the redis servername, exports that would break the file.
    let mut c = common::tenant::complete_tenant();
    c.deploy.placeholders = true;
    c.deploy.platform = Platform::Gke;
    c.deploy.gke_cluster.clear();
    c.deploy.redis_servername.clear();
    c.deploy.chart_makes_db_secrets = false;
    c.values.set(
        keys::IXN_SERVICE_IXN_NODE_REDIS,
        Value::Redis(vec![RedisNode { host: "${R}".into(), ..RedisNode::default() }]),
    );
    c.values.set(keys::IXN_SERVICE_IXN_SERVER_SECRETS_DB_SECRET_NAME, Value::Str("${S}".into()));
    c.values.set(keys::TENANT_ID, Value::Str("a\"b".into()));
    out.push(c);

    // Git delivery: each controller and each secret store, with its fields empty.
    for (delivery, store) in [
        (Delivery::Argocd, SecretStoreKind::GcpSecretManager),
        (Delivery::Flux, SecretStoreKind::AzureKeyVault),
        (Delivery::Genesys, SecretStoreKind::Vault),
        (Delivery::Argocd, SecretStoreKind::AzureKeyVault),
    ] {
        let mut c = common::tenant::complete_tenant();
        let d = &mut c.deploy;
        d.delivery = delivery;
        d.chart_source = ChartSource::Local;
        d.git.path = "a/../b".into();
        d.argocd.repo_url.clear();
        d.argocd.namespace.clear();
        d.argocd.project.clear();
        d.argocd.revision.clear();
        d.flux.source.clear();
        d.chart_version.clear();
        d.placeholders = true;
        d.chart_makes_db_secrets = true;
        d.db_bootstrap = true;
        d.psql_image = "postgres:14".into();
        d.git.secrets_from = SecretsFrom::ExternalSecrets;
        d.store.kind = store;
        d.store.prefix = "bad_prefix".into();
        d.store.service_account.clear();
        d.store.gcp_project.clear();
        d.gke_project.clear();
        d.store.key_vault = if delivery == Delivery::Argocd { "x".into() } else { String::new() };
        d.store.vault_server.clear();
        d.store.vault_mount.clear();
        d.store.vault_auth_mount.clear();
        d.store.vault_role.clear();
        out.push(c);
    }

    // The user's chart: a key it lacks, another of its own keys set to the wrong type,
    // and a profile that names a chart file not loaded.
    let text = STAND_IN.replace("    logSidecar:\n", "    sidecarGone:\n") + "extraEnv: []\n";
    let chart = Baseline::read(&text).unwrap();
    let mut c = common::tenant::complete_tenant();
    c.deploy.chart_version = "100.0.009".into();
    c.values.set(keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_ENABLED, Value::Bool(true));
    c.chart = ChartValues::of(chart);
    let keys = other_keys(c.chart.baseline().unwrap());
    keys.iter().find(|k| k.dotted() == "extraEnv").unwrap().set(&mut c, Node::str("x"));
    out.push(c.clone());
    c.chart = ChartValues { baseline: None, ..c.chart.clone() };
    out.push(c);
    out
}

/// Where `f` points, checked against the tables the form is rendered from.
fn resolves(cfg: &Config, f: &Finding) {
    let text = f.path.to_string();
    assert!(f.path == text.as_str(), "{text}: the text names the location");
    match &f.path {
        Location::Key(k) => {
            assert!(KEYS.iter().any(|r| r.path == k.path), "{text}: a registry row");
            assert!(matches!(Field::named(&text), Some(Field::Key(r)) if r.path == k.path), "{text}");
        }
        Location::Item { key: k, part, .. } => {
            assert_eq!(k.kind, Kind::RedisNodes, "{text}: rows are Redis nodes");
            assert!(matches!(part, Part::Host | Part::Port));
            assert!(
                key(f.path.field_name()).is_some_and(|r| r.path == k.path),
                "{text}: the row's key is a registry row"
            );
        }
        Location::Context(c) => {
            assert!(CONTEXT.iter().any(|r| r.name == c.name), "{text}: a context row");
            assert!(context_field(&text).is_some_and(|r| r.step == c.step), "{text}");
        }
        Location::ChartKey(p) => {
            let b = cfg.chart.baseline().expect("a chart key comes with the chart");
            assert!(other_keys(b).iter().any(|k| &k.dotted() == p), "{text}: a key of the chart");
            assert!(key(p).is_none() && context_field(p).is_none(), "{text}: not one of the portal's own");
        }
    }
}

#[test]
fn every_finding_points_to_a_field_the_form_renders() {
    let mut seen = BTreeSet::new();
    let mut kinds = BTreeSet::new();
    for cfg in broken() {
        for f in findings(&cfg) {
            resolves(&cfg, &f);
            kinds.insert(match f.path {
                Location::Key(_) => "key",
                Location::Item { .. } => "item",
                Location::Context(_) => "context",
                Location::ChartKey(_) => "chart key",
            });
            seen.insert(f.path.to_string());
        }
    }
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), ["chart key", "context", "item", "key"]);
    // Most of the rules fired: the fixtures are broken in many places.
    assert!(seen.len() >= 60, "{} locations: {seen:?}", seen.len());
    for name in ["ixnService.ixnNode.redis[0].port", "ixnService.ixnNode.redis[1].host", "extraEnv", "store.keyVault"] {
        assert!(seen.contains(name), "{name} not reached: {seen:?}");
    }
}

#[test]
fn context_constants_are_their_rows() {
    assert_eq!(ctx::DEPLOY_NAMESPACE.name, "deploy.namespace");
    assert_eq!(ctx::STORE_VAULT_AUTH_MOUNT.name, "store.vaultAuthMount");
    assert_eq!(ctx::SECRETS_STYLE.step, context_field("secrets.style").unwrap().step);
}
