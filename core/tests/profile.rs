//! Profiles and share links: round trips, versions, tampering, and no secrets.

mod common;

use ixn_core::artifacts::artifacts;
use ixn_core::generate::values_yaml::{Form, ValuesOptions};
use ixn_core::import::{import, SourceFile};
use ixn_core::model::{Config, DbTls, Input, Value};
use ixn_core::profile::{decode_link, encode_link, fragment, link_json, load, migrate, Profile, FORMAT};
use ixn_core::registry::keys;

const SECRETS: [&str; 6] =
    ["Reg-S3cret", "Redis-S3cret", "Kafka-S3cret", "Admin-S3cret", "Owner-S3cret", "Node-S3cret"];

fn with_secrets() -> Config {
    let mut c = Config::guide_sample();
    c.deploy.registry_password = SECRETS[0].into();
    c.deploy.redis_password = SECRETS[1].into();
    c.deploy.kafka_password = SECRETS[2].into();
    c.deploy.db_admin_password = SECRETS[3].into();
    c.deploy.db_owner_password = SECRETS[4].into();
    c.values.set(keys::IXN_SERVICE_IXN_NODE_SECRETS_DB_PASSWORD, Value::Str(SECRETS[5].into()));
    c.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_HOST, Value::Str("pg.infra".into()));
    c.values.set(keys::POD_LABELS, Value::Map(vec![("team".into(), "cc".into())]));
    c
}

fn same_artifacts(a: &Config, b: &Config) {
    let (x, y) = (artifacts(a, ValuesOptions::default()), artifacts(b, ValuesOptions::default()));
    assert_eq!(x.values_yaml, y.values_yaml);
    assert_eq!(x.commands.script(), y.commands.script());
}

#[test]
fn json_and_yaml_profiles_round_trip_with_secrets_when_asked() {
    let cfg = with_secrets();
    for text in [Profile::of(&cfg, true).to_json_text(), Profile::of(&cfg, true).to_yaml_text()] {
        let back = load(&text).unwrap();
        same_artifacts(&cfg, &back);
        assert_eq!(back.deploy.redis_password, SECRETS[1]);
    }
}

#[test]
fn profiles_leave_secrets_out_by_default() {
    let cfg = with_secrets();
    for text in [Profile::of(&cfg, false).to_json_text(), Profile::of(&cfg, false).to_yaml_text()] {
        for s in SECRETS {
            assert!(!text.contains(s), "{s} in\n{text}");
        }
        let back = load(&text).unwrap();
        assert_eq!(back.deploy.redis_password, "");
        assert_eq!(back.deploy.namespace, cfg.deploy.namespace);
        assert_eq!(back.values.get(keys::POD_LABELS), cfg.values.get(keys::POD_LABELS));
    }
}

#[test]
fn imported_unknown_keys_survive_a_profile() {
    let (cfg, _) = import(
        &Config::chart_defaults(),
        &[SourceFile { name: "a", text: "ixnService:\n  ixnServer:\n    serviceq: {create: true}\n" }],
    )
    .unwrap();
    let back = load(&Profile::of(&cfg, false).to_json_text()).unwrap();
    assert_eq!(back.unknown, cfg.unknown);
}

#[test]
fn versions_foreign_data_and_migration() {
    let future = format!("{{\"format\": \"{FORMAT}\", \"version\": 99}}");
    assert!(Profile::parse(&future).unwrap_err().to_string().contains("newer portal"));
    assert!(Profile::parse("{\"some\": \"other app\"}").unwrap_err().to_string().contains("not an IXN portal profile"));
    assert!(Profile::parse("[1, 2]").unwrap_err().to_string().contains("not a portal profile"));
    assert!(Profile::parse("{{{").is_err());
    // Version 0 kept values flat by dotted path.
    let v0 = serde_json::json!({"format": FORMAT, "values": {"tenant.sid": "42", "ixnVQNode.ports.health": 9102, "nonsense.key": 1}});
    let cfg = migrate(v0).unwrap().to_config().unwrap();
    assert_eq!(cfg.values.get(keys::TENANT_SID), Some(&Value::Str("42".into())));
    assert_eq!(cfg.values.get(keys::IXN_VQNODE_PORTS_HEALTH).and_then(Value::text), Some("9102"));
}

#[test]
fn share_links_are_short_and_carry_no_secret() {
    let cfg = with_secrets();
    let link = encode_link(&cfg);
    eprintln!("share link for the guide sample: {} characters", link.len() + 1);
    assert!(link.len() < 2000, "{} characters", link.len());
    assert!(link.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_=".contains(&b)), "URL-safe");
    let back = decode_link(&format!("#{link}")).unwrap();
    assert_eq!(back.deploy.redis_password, "");
    assert_eq!(back.values.get(keys::IXN_SERVICE_IXN_NODE_SECRETS_DB_PASSWORD), None);
    let mut expected = cfg.clone();
    expected.deploy = expected.deploy.masked("");
    expected.values.unset(keys::IXN_SERVICE_IXN_NODE_SECRETS_DB_PASSWORD);
    same_artifacts(&expected, &back);
    // The decoded bytes hold none of the secrets either.
    use base64::Engine;
    let packed = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(&link[2..]).unwrap();
    let json = String::from_utf8(miniz_oxide::inflate::decompress_to_vec(&packed).unwrap()).unwrap();
    for s in SECRETS {
        assert!(!json.contains(s));
    }
}

// The portal compresses with the browser's CompressionStream, not miniz: any raw
// DEFLATE stream of the link JSON, stored or compressed, must make the same link.
#[test]
fn links_decode_whatever_compressed_them() {
    let cfg = with_secrets();
    let reference = decode_link(&encode_link(&cfg)).unwrap();
    for level in [0, 1, 6, 10] {
        let link = fragment(&miniz_oxide::deflate::compress_to_vec(&link_json(&cfg), level));
        assert_eq!(decode_link(&link).unwrap(), reference, "level {level}");
    }
}

#[test]
fn broken_or_tampered_links_load_nothing_and_say_why() {
    let link = encode_link(&Config::guide_sample());
    let mut flipped = link.clone().into_bytes();
    let i = flipped.len() / 2;
    flipped[i] = if flipped[i] == b'A' { b'B' } else { b'A' };
    for bad in [
        String::from_utf8(flipped).unwrap(),
        link[..link.len() / 2].to_string(),
        "s=!!!".into(),
        "s=".into(),
        "x=abc".into(),
    ] {
        let err = decode_link(&bad).unwrap_err();
        let err = err.to_string();
        assert!(err.contains("broken or was changed") || err.contains("profile"), "{bad}: {err}");
    }
    // A link claiming to carry secrets is refused.
    let mut p = Profile::of(&Config::guide_sample(), false);
    p.secrets = true;
    let packed = miniz_oxide::deflate::compress_to_vec(&serde_json::to_vec(&p).unwrap(), 9);
    use base64::Engine;
    let forged = format!("s={}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed));
    assert!(decode_link(&forged).is_err());
    // A deflate bomb is refused.
    let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 10 * 1024 * 1024], 9);
    assert!(decode_link(&format!("s={}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bomb))).is_err());
}

/// Text the values tree alone would change: comments and layout in a mapping, a
/// mapping half written, a port with a leading zero. It comes back as typed.
#[test]
fn fields_come_back_as_typed_not_as_reformatted() {
    let typed = [
        (keys::IXN_SERVICE_SECURITY_CONTEXT, "runAsUser: 500   # the IXN user\nrunAsGroup: 500"),
        (keys::IXN_VQNODE_SECURITY_CONTEXT, "runAsUser 500"),
        (keys::IXN_SERVICE_IXN_SERVER_LOG_STORAGE_VOLUME, "{emptyDir: {}}"),
        (keys::IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT, "07120"),
    ];
    let mut cfg = Config::guide_sample();
    for (key, text) in typed {
        cfg.values.set_text(key, text).unwrap();
    }
    let tls = Value::DbTls(DbTls::Custom(Input::new("rejectUnauthorized: false # self-signed CA")));
    cfg.values.set(keys::IXN_SERVICE_IXN_NODE_DB_OPTIONS_SSL, tls.clone());
    let link = decode_link(&encode_link(&cfg)).unwrap();
    for (how, text) in
        [("json", Profile::of(&cfg, true).to_json_text()), ("yaml", Profile::of(&cfg, true).to_yaml_text())]
    {
        let back = load(&text).unwrap();
        for back in [&back, &link] {
            for (key, typed) in typed {
                assert_eq!(back.values.get(key).and_then(Value::text), Some(typed), "{how}: {}", key.path);
            }
            assert_eq!(back.values.get(keys::IXN_SERVICE_IXN_NODE_DB_OPTIONS_SSL), Some(&tls), "{how}");
        }
        // The values tree stays a values file: the mapping as a mapping.
        assert!(text.contains("runAsGroup"), "{text}");
        same_artifacts(&cfg, &back);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 200, ..Default::default() })]

    /// Whatever was typed, in any field, comes back exactly from the saved answers
    /// (autosave and profile files, JSON and YAML), and, secrets aside, from a share link.
    #[test]
    fn anything_typed_survives_save_and_share(texts in proptest::collection::vec(common::any_text(), 48)) {
        use ixn_core::registry::KEYS;
        let mut cfg = Config::guide_sample();
        let mut t = texts.iter().cycle();
        // As the form types: set_text (an emptied field is unset); non-text keys refuse.
        for k in KEYS {
            let _ = cfg.values.set_text(k, t.next().unwrap());
        }
        let tls = t.next().unwrap();
        if !tls.is_empty() {
            cfg.values.set(keys::IXN_SERVICE_IXN_NODE_DB_OPTIONS_SSL, Value::DbTls(DbTls::Custom(Input::new(tls.clone()))));
        }
        let d = &mut cfg.deploy;
        for f in [&mut d.namespace, &mut d.release, &mut d.chart, &mut d.chart_version, &mut d.gke_project, &mut d.gke_cluster,
                  &mut d.gke_location, &mut d.registry_server, &mut d.registry_username, &mut d.registry_password,
                  &mut d.redis_password, &mut d.redis_port, &mut d.kafka_bootstrap, &mut d.kafka_password,
                  &mut d.db_owner_user, &mut d.db_owner_password, &mut d.db_admin_password, &mut d.psql_image] {
            *f = t.next().unwrap().clone();
        }
        for text in [Profile::of(&cfg, true).to_json_text(), Profile::of(&cfg, true).to_yaml_text()] {
            let back = load(&text).unwrap();
            for k in KEYS {
                proptest::prop_assert_eq!(back.values.get(k), cfg.values.get(k), "{} in\n{}", k.path, text);
            }
            proptest::prop_assert_eq!(&back.deploy, &cfg.deploy);
        }
        // A link leaves out what equals the chart default, so it is compared by what
        // it makes: the same files as the answers without their secrets.
        let shared = decode_link(&encode_link(&cfg)).unwrap();
        let mut expected = cfg.clone();
        expected.deploy = expected.deploy.masked("");
        for k in KEYS.iter().filter(|k| k.secret()) {
            expected.values.unset(k);
        }
        proptest::prop_assert_eq!(&shared.deploy, &expected.deploy);
        for form in [Form::Minimal, Form::Full] {
            let opts = ValuesOptions { form, comments: false, schema_line: false };
            let (x, y) = (artifacts(&expected, opts), artifacts(&shared, opts));
            proptest::prop_assert_eq!(x.values_yaml, y.values_yaml);
            proptest::prop_assert_eq!(x.commands.script(), y.commands.script());
            proptest::prop_assert_eq!(x.secret_manifests, y.secret_manifests);
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 200, ..Default::default() })]

    /// The row editors keep rows as typed, even incomplete or repeated: so do saved
    /// answers and links.
    #[test]
    fn rows_as_typed_survive_save_and_share(texts in proptest::collection::vec(common::any_text(), 16), n in 0usize..4) {
        use ixn_core::model::{ConsulHost, RedisNode, VolumeMount};
        let mut t = texts.iter().cycle().cloned();
        let mut next = move || t.next().unwrap();
        let rows: Vec<(String, String)> = (0..n).map(|_| (next(), next())).collect();
        let mut cfg = Config::guide_sample();
        let set = [
            (keys::POD_LABELS, Value::Map(rows.clone())),
            (keys::IXN_SERVICE_IXN_SERVER_JVM_OPTIONS, Value::Jvm(rows)),
            (keys::IMAGE_IMAGE_PULL_SECRETS, Value::PullSecrets((0..n).map(|_| next()).collect())),
            (keys::IXN_SERVICE_IXN_NODE_REDIS, Value::Redis((0..n).map(|i| RedisNode { host: next(), port: Input::new(next()), cluster: [None, Some(true), Some(false)][i % 3] }).collect())),
            (keys::IXN_SERVICE_IXN_SERVER_VOLUME_MOUNTS, Value::Mounts((0..n).map(|i| VolumeMount { name: next(), mount_path: next(), read_only: i % 2 == 0 }).collect())),
            (keys::IXN_SERVICE_IXN_NODE_CONSUL_HOST, Value::ConsulHost(ConsulHost::Literal(next()))),
        ];
        for (key, v) in &set {
            cfg.values.set(key, v.clone());
        }
        let shared = decode_link(&encode_link(&cfg)).unwrap();
        for (how, text) in [("json", Profile::of(&cfg, true).to_json_text()), ("yaml", Profile::of(&cfg, true).to_yaml_text())] {
            let back = load(&text).unwrap();
            for (key, v) in &set {
                proptest::prop_assert_eq!(back.values.get(key), Some(v), "{} ({}) in\n{}", key.path, how, text);
                proptest::prop_assert_eq!(shared.values.get(key).or(ixn_core::model::chart_default(key)), Some(v), "{} from a link", key.path);
            }
        }
    }
}

/// Rows keep their order through a profile, and the values tree itself keeps it (JSON
/// objects in insertion order), so only what it cannot hold goes under `typed`.
#[test]
fn rows_keep_their_order_in_the_values_tree() {
    let mut cfg = Config::guide_sample();
    let labels =
        Value::Map(vec![("zone".into(), "b".into()), ("app".into(), "ixn".into()), ("team".into(), "cc".into())]);
    cfg.values.set(keys::POD_LABELS, labels.clone());
    let p = Profile::of(&cfg, false);
    assert!(p.typed.is_null(), "{}", p.typed);
    let text = p.to_json_text();
    assert!(text.find("\"zone\"") < text.find("\"app\"") && text.find("\"app\"") < text.find("\"team\""), "{text}");
    for text in [text, p.to_yaml_text()] {
        assert_eq!(load(&text).unwrap().values.get(keys::POD_LABELS), Some(&labels));
    }
}

#[test]
fn profile_errors_are_typed_and_keep_the_readers_position() {
    use ixn_core::profile::ProfileError;
    let err = Profile::parse("format: ixn-portal-profile\nvalues: [\n").unwrap_err();
    let ProfileError::Unreadable(read) = &err else { panic!("{err:?}") };
    assert!(read.line.is_some(), "{read:?}");
    assert!(err.to_string().starts_with("not readable: line "), "{err}");
    // The reader's error is the source, as std::error::Error chains go.
    assert!(std::error::Error::source(&err).is_some());
    assert_eq!(Profile::parse("[1, 2]").unwrap_err(), ProfileError::NotAMapping);
    assert_eq!(Profile::parse("{\"some\": \"other app\"}").unwrap_err(), ProfileError::Foreign);
    let future = format!("format: {FORMAT}\nversion: 99\n");
    assert_eq!(Profile::parse(&future).unwrap_err(), ProfileError::Newer { version: 99 });
}

/// A profile as written before the one chart source: GitOps kept its own
/// `gitopsChartRepo` beside the Helm step's settings.
fn old_profile(deploy: serde_json::Value) -> serde_json::Value {
    serde_json::json!({"format": FORMAT, "version": 1, "values": {"tenant": {"sid": "100"}}, "deploy": deploy})
}

fn chart_warnings(cfg: &Config) -> Vec<String> {
    ixn_core::validate::findings(cfg)
        .into_iter()
        .filter(|f| {
            f.severity == ixn_core::validate::Severity::Warning && f.message.contains("GitOps chart repository")
        })
        .map(|f| format!("{}: {}", f.path, f.message))
        .collect()
}

#[test]
fn an_old_gitops_chart_repository_becomes_the_chart_source() {
    use ixn_core::model::ChartSource;
    // An https repository: the Helm step's repository URL, read by both.
    let https = old_profile(
        serde_json::json!({"delivery": "argocd", "gitopsChartRepo": "https://charts.example.com/genesys/"}),
    );
    let cfg = migrate(https.clone()).unwrap().to_config().unwrap();
    assert_eq!(cfg.deploy.chart_source, ChartSource::Repo);
    assert_eq!(cfg.deploy.chart_repo_url, "https://charts.example.com/genesys");
    assert_eq!(cfg.deploy.chart_repository().as_deref(), Some("https://charts.example.com/genesys"));
    assert!(chart_warnings(&cfg).is_empty());
    let script = artifacts(&cfg, ValuesOptions::default()).commands.script();
    assert!(script.contains("helm repo add --force-update ixn https://charts.example.com/genesys"), "{script}");
    // An OCI registry: the chart becomes oci://…/ixn, Flux gets type: oci.
    let oci =
        old_profile(serde_json::json!({"delivery": "flux", "gitopsChartRepo": "oci://europe-docker.pkg.dev/p/charts"}));
    let cfg = migrate(oci).unwrap().to_config().unwrap();
    assert_eq!(cfg.deploy.chart_source, ChartSource::Oci);
    assert_eq!(cfg.deploy.chart, "oci://europe-docker.pkg.dev/p/charts/ixn");
    assert_eq!(cfg.deploy.chart_repository().as_deref(), Some("oci://europe-docker.pkg.dev/p/charts"));
    assert!(chart_warnings(&cfg).is_empty());
    // A share link holding the old field loads the same way.
    let link = ixn_core::profile::link_config(https.to_string().as_bytes()).unwrap();
    assert_eq!(link.deploy.chart_repo_url, "https://charts.example.com/genesys");
    // Saved again, the profile has only the one setting.
    let saved = Profile::of(&link, false).to_json_text();
    assert!(!saved.contains("gitopsChartRepo"), "{saved}");
    assert_eq!(load(&saved).unwrap().deploy.chart_repo_url, "https://charts.example.com/genesys");
}

#[test]
fn a_differing_old_gitops_chart_repository_is_reported_not_kept() {
    use ixn_core::model::ChartSource;
    // Both set, the same repository: nothing to say.
    let same = old_profile(serde_json::json!({
        "delivery": "argocd", "chartRepoUrl": "https://charts.example.com/ixn", "gitopsChartRepo": "https://charts.example.com/ixn"
    }));
    let cfg = migrate(same).unwrap().to_config().unwrap();
    assert_eq!(cfg.deploy.chart_repo_url, "https://charts.example.com/ixn");
    assert!(chart_warnings(&cfg).is_empty());
    // Both set and different: the Helm one stays, the GitOps one is a warning at it.
    let differ = old_profile(serde_json::json!({
        "delivery": "argocd", "chartRepoUrl": "https://charts.example.com/ixn", "gitopsChartRepo": "https://mirror.example.com/genesys"
    }));
    let cfg = load(&differ.to_string()).unwrap();
    assert_eq!(cfg.deploy.chart_repo_url, "https://charts.example.com/ixn");
    let warnings = chart_warnings(&cfg);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with("deploy.chartRepoUrl: ") && warnings[0].contains("https://mirror.example.com/genesys")
    );
    // An OCI chart on the Helm side and another repository in the old field.
    let oci = old_profile(serde_json::json!({
        "delivery": "flux", "chartSource": "oci", "chart": "oci://registry.example.com/charts/ixn",
        "gitopsChartRepo": "https://charts.example.com/genesys"
    }));
    let cfg = load(&oci.to_string()).unwrap();
    assert_eq!(
        (cfg.deploy.chart_source, cfg.deploy.chart.as_str()),
        (ChartSource::Oci, "oci://registry.example.com/charts/ixn")
    );
    let warnings = chart_warnings(&cfg);
    assert!(warnings.len() == 1 && warnings[0].starts_with("deploy.chartSource: "), "{warnings:?}");
    // The same OCI registry in both: folded silently.
    let oci_same = old_profile(serde_json::json!({
        "delivery": "flux", "chartSource": "oci", "chart": "oci://registry.example.com/charts/ixn",
        "gitopsChartRepo": "oci://registry.example.com/charts"
    }));
    assert!(chart_warnings(&load(&oci_same.to_string()).unwrap()).is_empty());
}

#[test]
fn a_local_chart_is_an_error_for_argo_cd_and_flux_at_the_chart_source() {
    use ixn_core::model::{ChartSource, Delivery};
    let mut cfg = Config::guide_sample();
    cfg.deploy.chart_source = ChartSource::Local;
    cfg.deploy.chart = "./charts/ixn".into();
    let at_source = |cfg: &Config| {
        ixn_core::validate::findings(cfg)
            .into_iter()
            .filter(|f| f.path == "deploy.chartSource" && f.severity == ixn_core::validate::Severity::Error)
            .map(|f| f.message)
            .collect::<Vec<_>>()
    };
    assert!(at_source(&cfg).is_empty(), "the commands take a chart on disk");
    for delivery in [Delivery::Argocd, Delivery::Flux] {
        cfg.deploy.delivery = delivery;
        let errors = at_source(&cfg);
        assert!(errors.len() == 1 && errors[0].contains("pull the chart themselves"), "{delivery:?}: {errors:?}");
    }
}

#[test]
fn a_version_that_is_not_a_whole_number_is_refused_at_its_place_never_read_as_version_0() {
    use ixn_core::profile::ProfileError;
    let nested = "values:\n  tenant:\n    sid: \"100\"\n  ixnService:\n    ixnServer:\n      db:\n        name: ixn\n";
    // The unambiguous text of a whole number reads as that version: nothing dropped.
    let cfg = load(&format!("format: {FORMAT}\nversion: \"1\"\n{nested}")).unwrap();
    assert_eq!(cfg.values.get(keys::TENANT_SID), Some(&Value::Str("100".into())));
    assert_eq!(cfg.values.get(keys::IXN_SERVICE_IXN_SERVER_DB_NAME), Some(&Value::Str("ixn".into())));
    for (version, line, column) in [
        ("version: 1.0\n", 2, 1),
        ("version: null\n", 2, 1),
        ("version: \"1.0\"\n", 2, 1),
        ("version: -1\n", 2, 1),
        ("version: [1]\n", 2, 1),
        ("version: 0\n", 2, 1),
        // No version at all, with version 1's nested values: at `values`.
        ("", 2, 1),
    ] {
        let err = Profile::parse(&format!("format: {FORMAT}\n{version}{nested}")).unwrap_err();
        assert!(matches!(err, ProfileError::Field { .. }), "{version:?}: {err:?}");
        assert_eq!(err.place(), Some((line, column)), "{version:?}: {err}");
        assert!(err.to_string().starts_with(&format!("line {line}, column {column}: ")), "{err}");
    }
    // Version 0's flat layout still reads, and a key it did not know is kept, not dropped.
    let v0 = format!("format: {FORMAT}\nvalues:\n  tenant.sid: \"42\"\n  nonsense.key: 1\n");
    let cfg = load(&v0).unwrap();
    assert_eq!(cfg.values.get(keys::TENANT_SID), Some(&Value::Str("42".into())));
    let kept = cfg.unknown.iter().find(|u| u.path == ["nonsense"]).map(|u| &u.value);
    assert_eq!(kept.and_then(|v| v.get("key")), Some(&ixn_core::yaml::Node::Int(1)), "{:?}", cfg.unknown);
}

#[test]
fn a_placeholder_in_a_credential_is_kept_without_secrets_and_a_password_is_not() {
    let text = "ixnService:\n  ixnServer:\n    secrets:\n      db:\n        password: \"${ixn_db_password}\"\n  ixnNode:\n    secrets:\n      db:\n        password: hunter2\n";
    let (mut cfg, _) = import(&Config::chart_defaults(), &[SourceFile { name: "a", text }]).unwrap();
    cfg.deploy.redis_password = "$REDIS_PASSWORD".into();
    cfg.deploy.db_admin_password = "s3cret".into();
    let p = Profile::of(&cfg, false);
    for text in [p.to_yaml_text(), p.to_json_text()] {
        assert!(!text.contains("hunter2") && !text.contains("s3cret"), "{text}");
        let back = load(&text).unwrap();
        assert_eq!(
            back.values.get(keys::IXN_SERVICE_IXN_SERVER_SECRETS_DB_PASSWORD),
            Some(&Value::Str("${ixn_db_password}".into()))
        );
        assert_eq!(back.values.get(keys::IXN_SERVICE_IXN_NODE_SECRETS_DB_PASSWORD), None);
        assert_eq!(back.deploy.redis_password, "$REDIS_PASSWORD");
        assert_eq!(back.deploy.db_admin_password, "");
    }
}

#[test]
fn unknown_profile_fields_are_warned_at_with_did_you_mean() {
    let text = format!(
        "format: {FORMAT}\nversion: 1\nvalues:\n  tenant:\n    sid: \"100\"\ndeploy:\n  namepsace: t-100\n  chartVerison: 1.2.3\nvalue:\n  x: 1\nchart:\n  digset: x\n"
    );
    let (_, unknown) = Profile::parse_warned(&text).unwrap();
    let got: Vec<(String, Option<(usize, usize)>)> = unknown.iter().map(|u| (u.to_string(), u.at)).collect();
    assert_eq!(
        got,
        [
            ("value is not a field of a profile; it is ignored; did you mean values?".to_string(), Some((9, 1))),
            (
                "deploy.namepsace is not a field of a profile; it is ignored; did you mean deploy.namespace?".into(),
                Some((7, 3))
            ),
            (
                "deploy.chartVerison is not a field of a profile; it is ignored; did you mean deploy.chartVersion?"
                    .into(),
                Some((8, 3))
            ),
            (
                "chart.digset is not a field of a profile; it is ignored; did you mean chart.digest?".into(),
                Some((12, 3))
            ),
        ]
    );
    // What the portal writes has none.
    let (_, none) = Profile::parse_warned(&Profile::of(&with_secrets(), true).to_yaml_text()).unwrap();
    assert_eq!(none, []);
}

#[test]
fn a_profile_field_of_the_wrong_type_is_named_at_its_place() {
    use ixn_core::profile::ProfileError;
    let text = format!("format: {FORMAT}\nversion: 1\ndeploy:\n  release: r\n  namespace: [a, b]\n");
    let err = Profile::parse(&text).unwrap_err();
    assert!(matches!(err, ProfileError::Field { .. }), "{err:?}");
    assert_eq!(err.place(), Some((5, 3)));
    assert_eq!(err.message(), "deploy.namespace: invalid type: sequence, expected a string");
    let err = Profile::parse(&format!("format: {FORMAT}\nversion: 1\nsecrets: maybe\n")).unwrap_err();
    assert_eq!(err.place(), Some((3, 1)), "{err}");
    assert!(err.message().starts_with("secrets: invalid type"), "{err}");
}

/// A placeholder or a number typed with spaces, tabs or a newline around it comes back
/// exactly, in a Redis row and in a field of its own, from saved answers and a link.
#[test]
fn spaces_around_a_typed_port_or_placeholder_are_kept() {
    use ixn_core::model::RedisNode;
    for text in ["\t$a", " $A ", "$A\n", "\r\n${REDIS_PORT}\t", " 6379", "007 ", "\t512Mi\n"] {
        let mut cfg = Config::guide_sample();
        let redis = Value::Redis(vec![RedisNode { host: "r".into(), port: Input::new(text), cluster: Some(true) }]);
        cfg.values.set(keys::IXN_SERVICE_IXN_NODE_REDIS, redis.clone());
        cfg.values.set_text(keys::IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT, text).unwrap();
        let port = cfg.values.get(keys::IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT).cloned();
        let link = decode_link(&encode_link(&cfg)).unwrap();
        for (how, saved) in
            [("json", Profile::of(&cfg, false).to_json_text()), ("yaml", Profile::of(&cfg, false).to_yaml_text())]
        {
            let back = load(&saved).unwrap();
            for (from, back) in [(how, &back), ("link", &link)] {
                assert_eq!(back.values.get(keys::IXN_SERVICE_IXN_NODE_REDIS), Some(&redis), "{text:?} {from}");
                assert_eq!(
                    back.values.get(keys::IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT),
                    port.as_ref(),
                    "{text:?} {from}"
                );
            }
        }
    }
}

/// Text with spaces around what it means: a placeholder, a number, a quantity, a
/// boolean word or an enum's choice.
fn padded_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let pad = || prop::sample::select(vec!["", " ", "  ", "\t", "\n", "\r\n", " \t"]);
    let core = prop_oneof![
        "\\$[A-Za-z_][A-Za-z0-9_]{0,6}",
        "\\$\\{[A-Za-z_][A-Za-z0-9_]{0,6}\\}",
        "[0-9]{1,6}",
        "[0-9]{1,4}(m|Mi|Gi|k|M)?",
        prop::sample::select(vec!["true", "false", "Always", "IfNotPresent", "Never", "", "-1", "0x1F", "1e3"])
            .prop_map(String::from),
    ];
    (pad(), core, pad()).prop_map(|(a, c, b)| format!("{a}{c}{b}"))
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 200, ..Default::default() })]

    /// Every typed field kind (port, whole number, quantity, a select's text, a
    /// boolean, a Redis row's port and cluster flag) comes back exactly as typed, spaces
    /// around a placeholder or number included, from saved answers and from a link.
    #[test]
    fn padded_typed_fields_survive_save_and_share(texts in proptest::collection::vec(padded_text(), 24), flags in proptest::collection::vec(proptest::bool::ANY, 8)) {
        use ixn_core::model::{chart_default, RedisNode};
        use ixn_core::registry::{Kind, KEYS};
        let mut cfg = Config::guide_sample();
        let mut t = texts.iter().cycle();
        let mut f = flags.iter().cycle();
        for k in KEYS {
            match k.kind {
                Kind::Port | Kind::Int | Kind::Quantity | Kind::Str => { let _ = cfg.values.set_text(k, t.next().unwrap()); }
                Kind::Bool => cfg.values.set(k, Value::Bool(*f.next().unwrap())),
                _ => {}
            }
        }
        let redis = Value::Redis((0..3).map(|i| RedisNode {
            host: t.next().unwrap().clone(),
            port: Input::new(t.next().unwrap().clone()),
            cluster: [None, Some(*f.next().unwrap()), Some(false)][i],
        }).collect());
        cfg.values.set(keys::IXN_SERVICE_IXN_NODE_REDIS, redis);
        let shared = decode_link(&encode_link(&cfg)).unwrap();
        for (how, text) in [("json", Profile::of(&cfg, true).to_json_text()), ("yaml", Profile::of(&cfg, true).to_yaml_text())] {
            let back = load(&text).unwrap();
            for k in KEYS {
                proptest::prop_assert_eq!(back.values.get(k), cfg.values.get(k), "{} ({}) in\n{}", k.path, how, text);
                if !k.secret() {
                    proptest::prop_assert_eq!(shared.values.get(k).or(chart_default(k)), cfg.values.get(k).or(chart_default(k)), "{} from a link", k.path);
                }
            }
        }
    }
}

// The delivery settings are typed groups of `Deployment` (git, argocd, flux, store),
// while profiles and links keep the flat layout they always had. The profile, its
// link and the profile text the portal writes were recorded before the grouping
// (core/tests/profiles/delivery-v1.*): they load to the same answers and are written
// byte for byte as before.
#[test]
fn profiles_and_links_recorded_before_the_delivery_settings_were_grouped_load_and_write_as_before() {
    use ixn_core::model::{Delivery, SecretStoreKind, SecretsFrom, SyncMode, ValuesIn};
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/profiles/");
    let read = |name: &str| std::fs::read_to_string(format!("{dir}{name}")).unwrap();
    let cfg = load(&read("delivery-v1.yaml")).unwrap();
    let d = &cfg.deploy;
    assert_eq!(d.delivery, Delivery::Argocd);
    assert_eq!(
        (d.git.secrets_from, d.git.path.as_str(), d.git.sync),
        (SecretsFrom::ExternalSecrets, "tenants/a", SyncMode::Manual)
    );
    assert_eq!(d.argocd.repo_url, "https://git.example.com/platform/ixn-deploy.git");
    assert_eq!((d.argocd.revision.as_str(), d.argocd.values_in), ("release-1", ValuesIn::File));
    assert_eq!((d.argocd.namespace.as_str(), d.argocd.project.as_str()), ("argo", "ixn"));
    assert_eq!(d.flux.source, "platform-repo");
    let s = &d.store;
    assert_eq!(s.kind, SecretStoreKind::Vault);
    assert_eq!(
        [
            &s.prefix,
            &s.service_account,
            &s.gcp_project,
            &s.key_vault,
            &s.vault_server,
            &s.vault_mount,
            &s.vault_auth_mount,
            &s.vault_role
        ],
        ["tenant-a", "eso-a", "secrets-project", "ixn-kv", "https://vault.example.com:8200", "kv", "k8s", "tenant-a"]
    );
    let link = read("delivery-v1.link");
    assert_eq!(decode_link(link.trim()).unwrap(), cfg, "the recorded link loads the same answers");
    assert_eq!(encode_link(&cfg), link.trim(), "the link is written as before");
    assert_eq!(
        Profile::of(&cfg, false).to_yaml_text(),
        read("delivery-v1.written.yaml"),
        "the profile is written as before"
    );
}

// Every golden input profile (cli/tests/golden/inputs, recorded from main before the
// grouping) reads into the grouped settings and writes its `deploy` back key for key,
// in order (beside the fields added since it was recorded, `verifyChart`).
#[test]
fn the_golden_profiles_deploy_reads_and_writes_back_unchanged() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../cli/tests/golden/inputs");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let Some(deploy) = json.get("deploy").filter(|_| json.get("format").is_some()) else { continue };
        let profile = Profile::parse(&json.to_string()).unwrap();
        let mut back = serde_json::to_value(&profile.deploy).unwrap();
        back.as_object_mut().unwrap().retain(|k, _| deploy.get(k).is_some());
        assert_eq!(serde_json::to_string(&back).unwrap(), serde_json::to_string(deploy).unwrap(), "{}", path.display());
        seen += 1;
    }
    assert!(seen >= 20, "{seen} profiles");
}
