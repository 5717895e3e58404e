//! Profiles and share links: round trips, versions, tampering, and no secrets.

use ixn_core::generate::{artifacts, values_yaml::ValuesOptions};
use ixn_core::import::{import, SourceFile};
use ixn_core::model::{Config, Value};
use ixn_core::profile::{decode_link, encode_link, fragment, link_json, load, migrate, Profile, FORMAT};

const SECRETS: [&str; 6] = ["Reg-S3cret", "Redis-S3cret", "Kafka-S3cret", "Admin-S3cret", "Owner-S3cret", "Node-S3cret"];

fn with_secrets() -> Config {
    let mut c = Config::guide_sample();
    c.deploy.registry_password = SECRETS[0].into();
    c.deploy.redis_password = SECRETS[1].into();
    c.deploy.kafka_password = SECRETS[2].into();
    c.deploy.db_admin_password = SECRETS[3].into();
    c.deploy.db_owner_password = SECRETS[4].into();
    c.values.set("ixnService.ixnNode.secrets.db.password", Value::Str(SECRETS[5].into())).unwrap();
    c.values.set("ixnService.ixnServer.db.host", Value::Str("pg.infra".into())).unwrap();
    c.values.set("podLabels", Value::Map(vec![("team".into(), "cc".into())])).unwrap();
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
        assert_eq!(back.values.get("podLabels"), cfg.values.get("podLabels"));
    }
}

#[test]
fn imported_unknown_keys_survive_a_profile() {
    let (cfg, _) = import(&Config::chart_defaults(), &[SourceFile { name: "a", text: "ixnService:\n  ixnServer:\n    serviceq: {create: true}\n" }]).unwrap();
    let back = load(&Profile::of(&cfg, false).to_json_text()).unwrap();
    assert_eq!(back.unknown, cfg.unknown);
}

#[test]
fn versions_foreign_data_and_migration() {
    let future = format!("{{\"format\": \"{FORMAT}\", \"version\": 99}}");
    assert!(Profile::parse(&future).unwrap_err().0.contains("newer portal"));
    assert!(Profile::parse("{\"some\": \"other app\"}").unwrap_err().0.contains("not an IXN portal profile"));
    assert!(Profile::parse("[1, 2]").unwrap_err().0.contains("not a portal profile"));
    assert!(Profile::parse("{{{").is_err());
    // Version 0 kept values flat by dotted path.
    let v0 = serde_json::json!({"format": FORMAT, "values": {"tenant.sid": "42", "ixnVQNode.ports.health": 9102, "nonsense.key": 1}});
    let cfg = migrate(v0).unwrap().to_config().unwrap();
    assert_eq!(cfg.values.get("tenant.sid"), Some(&Value::Str("42".into())));
    assert_eq!(cfg.values.get("ixnVQNode.ports.health").and_then(Value::text), Some("9102"));
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
    assert_eq!(back.values.get("ixnService.ixnNode.secrets.db.password"), None);
    let mut expected = cfg.clone();
    expected.deploy = expected.deploy.masked("");
    expected.values.unset("ixnService.ixnNode.secrets.db.password");
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
        assert!(err.0.contains("broken or was changed") || err.0.contains("profile"), "{bad}: {err}");
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
