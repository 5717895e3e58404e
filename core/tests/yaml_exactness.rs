//! Every string a user can type comes back unchanged from a YAML 1.2 reader
//! (libyaml via yaml_serde) and from a YAML 1.1 reader (this crate's, which resolves
//! plain scalars by YAML 1.1 rules as Helm's go-yaml v2 does).

use ixn_core::artifacts::artifacts;
use ixn_core::generate::values_yaml::{Form, ValuesOptions};
use ixn_core::model::{Config, Value};
use ixn_core::registry::keys;
use ixn_core::yaml::{read_yaml, to_yaml, EmitOptions, Entry, Limits, Node};
use proptest::prelude::*;

const NASTY: &[&str] = &[
    "on",
    "off",
    "yes",
    "no",
    "y",
    "n",
    "Y",
    "N",
    "~",
    "null",
    "NULL",
    "true",
    "False",
    "0100",
    "0x1F",
    "0o17",
    "0b101",
    "1e3",
    "1E3",
    "1_000",
    "12:30",
    "1:30:00",
    "2001-12-14",
    "2001-12-14t21:59:43.10-05:00",
    "<<",
    "=",
    "- a",
    "-",
    "a: b",
    "a:b",
    "a #b",
    "#a",
    " lead",
    "trail ",
    "  ",
    "",
    "\"",
    "'",
    "\\",
    "a\\nb",
    "tab\there",
    "line\nbreak",
    "\n",
    "\r\n",
    "emoji \u{1F600}",
    "\u{FEFF}bom",
    "nel\u{85}",
    "ls\u{2028}",
    "ctrl\u{1}",
    "del\u{7F}",
    ".inf",
    "-.inf",
    ".nan",
    "+1",
    "-1",
    "1.",
    ".5",
    "100.0.007.0400",
    "${TENANT_ID}",
    "$HOME",
    "*alias",
    "&anchor",
    "!tag",
    "%dir",
    "@at",
    "`tick",
    "[a]",
    "{a: b}",
    "a, b",
    "?",
    "? x",
    "|",
    ">",
    "---",
    "...",
    "key:",
    "ünïcödé",
    "日本語",
    "a  b",
    "x\u{0}y",
    // Spaces from web pages, which the reader refuses where YAML needs a space.
    "\u{a0}lead",
    "trail\u{a0}",
    "a:\u{a0}b",
    ":\u{a0}",
    "-\u{a0}x",
    "\u{200b}",
    "\u{3000}x",
    "x\n\u{a0}y",
];

fn doc_of(s: &str) -> String {
    let node = Node::Map(vec![
        Entry { key: s.to_string(), value: Node::Str(s.to_string()), comment: None },
        Entry { key: "block".into(), value: Node::Block(s.to_string()), comment: None },
        Entry {
            key: "list".into(),
            value: Node::Seq(vec![Node::Str(s.to_string()), Node::Int(7), Node::Bool(false)]),
            comment: None,
        },
    ]);
    to_yaml(&node, EmitOptions::default())
}

fn check_both(s: &str) {
    let yaml = doc_of(s);
    // YAML 1.2, libyaml.
    let v: serde_yaml::Value = serde_yaml::from_str(&yaml).unwrap_or_else(|e| panic!("{s:?}: {e}\n{yaml}"));
    let map = v.as_mapping().expect("mapping");
    assert_eq!(map.len(), 3, "{s:?} keys collided:\n{yaml}");
    let key = serde_yaml::Value::String(s.to_string());
    assert_eq!(map.get(&key).and_then(|v| v.as_str()), Some(s), "1.2 value of {s:?}:\n{yaml}");
    assert_eq!(map.get("block").and_then(|v| v.as_str()), Some(s), "1.2 block of {s:?}:\n{yaml}");
    let list = map.get("list").and_then(|v| v.as_sequence()).expect("list");
    assert_eq!(list[0].as_str(), Some(s));
    assert_eq!(list[1].as_i64(), Some(7));
    assert_eq!(list[2].as_bool(), Some(false));
    // YAML 1.1 resolution.
    let n = read_yaml(&yaml, Limits::default()).unwrap_or_else(|e| panic!("{s:?}: {e}\n{yaml}"));
    let Node::Map(entries) = &n else { panic!() };
    assert_eq!(entries[0].key, s, "1.1 key of {s:?}:\n{yaml}");
    assert_eq!(entries[0].value.as_str(), Some(s), "1.1 value of {s:?}:\n{yaml}");
    assert_eq!(n.get("block").and_then(Node::as_str), Some(s), "1.1 block of {s:?}:\n{yaml}");
    let Some(Node::Seq(items)) = n.get("list") else { panic!() };
    assert_eq!(items[0].as_str(), Some(s));
    assert_eq!(items[1], Node::Int(7));
    assert_eq!(items[2], Node::Bool(false));
}

#[test]
fn nasty_corpus_round_trips() {
    for s in NASTY {
        if s.contains('\0') {
            continue; // libyaml rejects NUL even escaped in some builds; checked below
        }
        check_both(s);
    }
}

#[test]
fn nul_is_escaped_not_dropped() {
    let yaml = doc_of("x\u{0}y");
    assert!(yaml.contains("x\\0y"));
    let n = read_yaml(&yaml, Limits::default()).unwrap();
    assert_eq!(n.get("block").and_then(Node::as_str), Some("x\u{0}y"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode_round_trips(s in "\\PC*") {
        check_both(&s);
    }

    #[test]
    fn any_string_with_controls_round_trips(s in "[\\x01-\\x7f\u{80}-\u{a0}\u{2028}\u{feff}a-z :#'\"\\\\\n\t-]{0,24}") {
        check_both(&s);
    }

    #[test]
    fn user_values_reach_the_values_file_unchanged(s in "\\PC{1,40}") {
        // Through the real generator: a string key and a map key/value.
        let mut cfg = Config::default();
        cfg.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_CONNECTION_STRING, Value::Str(s.clone()));
        cfg.values.set(keys::POD_LABELS, Value::Map(vec![(s.clone(), s.clone())]));
        let a = artifacts(&cfg, ValuesOptions { form: Form::Minimal, comments: true, schema_line: false });
        let v: serde_yaml::Value = serde_yaml::from_str(&a.values_yaml).unwrap();
        prop_assert_eq!(v["ixnService"]["ixnServer"]["db"]["connectionString"].as_str(), Some(s.as_str()));
        let n = read_yaml(&a.values_yaml, Limits::default()).unwrap();
        prop_assert_eq!(n.get(keys::IXN_SERVICE_IXN_SERVER_DB_CONNECTION_STRING.path).and_then(Node::as_str), Some(s.as_str()));
        let Some(Node::Map(labels)) = n.get(keys::POD_LABELS.path) else { panic!() };
        prop_assert_eq!(&labels[0].key, &s);
        prop_assert_eq!(labels[0].value.as_str(), Some(s.as_str()));
    }
}

#[test]
fn numbers_and_bools_stay_typed() {
    let cfg = Config::guide_sample();
    let a = artifacts(&cfg, ValuesOptions { form: Form::Full, comments: true, schema_line: false });
    let v: serde_yaml::Value = serde_yaml::from_str(&a.values_yaml).unwrap();
    assert_eq!(v["ixnService"]["ixnServer"]["ports"]["default"].as_i64(), Some(7120));
    assert_eq!(v["ixnService"]["service"]["enabled"].as_bool(), Some(true));
    assert_eq!(v["replicaCount"].as_i64(), Some(1));
    assert_eq!(v["ixnService"]["ixnServer"]["resources"]["limits"]["cpu"].as_str(), Some("200m"));
    assert_eq!(v["ixnService"]["ixnServer"]["jvmOptions"]["1"].as_str(), Some("-XX:+UnlockExperimentalVMOptions"));
    assert_eq!(v["ixnService"]["ixnNode"]["redis"][0]["is_redis_cluster"].as_str(), Some("true"));
    assert_eq!(v["tenant"]["sid"].as_str(), Some("${TENANT_ID}"));
    let n = read_yaml(&a.values_yaml, Limits::default()).unwrap();
    assert_eq!(n.get(keys::IXN_SERVICE_IXN_SERVER_PORTS_HEALTH.path), Some(&Node::Int(9100)));
    assert_eq!(n.get(keys::IXN_SERVICE_IXN_NODE_CONSUL_SSL_MODE.path), Some(&Node::Bool(false)));
    assert_eq!(
        n.get(keys::IXN_SERVICE_ANNOTATIONS.path).and_then(Node::as_str),
        Some(ixn_core::registry::keys::IXN_SERVICE_ANNOTATIONS_TEXT),
        "the template reaches Helm as the guide's text"
    );
}
