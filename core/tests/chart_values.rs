//! The user's own chart version (issue 15): a chart's values file as the baseline, the
//! minimal override against it, other chart keys, warnings for registry keys the chart
//! lacks, the profile's record of it, and the three diffs. The three real Genesys files
//! are baselines here (read from ../shared, never copied), and a synthetic "next
//! version" renames, drops and adds keys.

mod common;

use ixn_core::chart::{against_defaults, against_deployed, against_next, defaults_tree, diff, other_keys, ChangeKind};
use ixn_core::generate::values_yaml::{values_tree, values_yaml, Form, ValuesOptions};
use ixn_core::model::{Baseline, ChartValues, Config, Effective, Value};
use ixn_core::profile::Profile;
use ixn_core::registry::{keys, KEYS};
use ixn_core::validate::findings;
use ixn_core::yaml::{read_yaml, Limits, Node};

const STAND_IN: &str = include_str!("charts/ixn/values.yaml");
const GENESYS: [&str; 3] = ["override_values.yaml", "release_override_values.yaml", "override_values_openshift.yaml"];

fn genesys(name: &str) -> Option<String> {
    common::shared(&format!("reference/genesys-multicloud-services/{name}"))
}

fn minimal(cfg: &Config) -> Node {
    values_tree(cfg, &Effective::of(cfg), ValuesOptions { form: Form::Minimal, comments: false, schema_line: false })
}

fn y(s: &str) -> Node {
    read_yaml(s, Limits::default()).unwrap()
}

/// The guide's sample, with real values (no placeholders), as a user fills it in.
fn sample() -> Config {
    let mut cfg = Config::guide_sample();
    cfg.deploy.placeholders = false;
    cfg
}

#[test]
fn the_guide_sample_against_the_chart_defaults_as_the_portal_prints_it() {
    let cfg = sample();
    let chart = Baseline::read(STAND_IN).unwrap();
    let values = minimal(&cfg);
    let report = against_defaults(&chart.tree, &values);
    let text = report.text(false);
    println!("{text}");
    // Every key the minimal override writes that differs from the chart is a line, and
    // nothing else is.
    assert!(report.has_changes());
    for c in &report.changes {
        let set = values.get_path(&c.path).or_else(|| (1..c.path.len()).find_map(|n| values.get_path(&c.path[..n])));
        assert!(set.is_some(), "{} is a change the override does not make", c.dotted());
    }
    assert!(text.contains("~ image.registry: \"\" → pureengage-docker-staging.jfrog.io\n"), "{text}");
    assert!(text.contains("+ tenant.sid: \"100\"") || text.contains("~ tenant.sid: null → \"100\""), "{text}");
    // The database password is a secret: masked unless asked for.
    let pw =
        report.changes.iter().find(|c| c.dotted() == keys::IXN_SERVICE_IXN_SERVER_SECRETS_DB_PASSWORD.path).unwrap();
    assert!(pw.secret);
    assert!(pw.line(false).ends_with("••••••"), "{}", pw.line(false));
    assert!(pw.line(true).ends_with("password"), "{}", pw.line(true));
    // No override: nothing.
    assert!(!against_defaults(&chart.tree, &Node::map()).has_changes());
}

#[test]
fn chart_defaults_and_the_minimal_override_come_from_the_users_chart() {
    // A chart whose defaults differ from the guide's: replicaCount 0, pullPolicy Always,
    // no logSidecar at all, and a key of its own.
    let text = STAND_IN
        .replace("replicaCount: 1", "replicaCount: 0")
        .replace("pullPolicy: IfNotPresent", "pullPolicy: Always")
        + "# -- Extra environment for IXN Server.\nextraEnv: []\n";
    let chart = Baseline::read(&text).unwrap();
    let mut cfg = sample();
    cfg.deploy.chart_version = "100.0.009".into();
    cfg.chart = ChartValues::of(chart.clone());
    let eff = Effective::of(&cfg);
    // Unset keys take the chart's own default.
    cfg.values.unset(keys::REPLICA_COUNT);
    let eff2 = Effective::of(&cfg);
    assert_eq!(eff2.get(keys::REPLICA_COUNT).map(|v| v.to_node()), Some(Node::Int(0)));
    // The sample sets pullPolicy Always: the chart's default now, so the override leaves it out.
    assert_eq!(eff.get(keys::IMAGE_PULL_POLICY).map(|v| v.to_node()), Some(Node::str("Always")));
    let values = minimal(&cfg);
    assert_eq!(values.get("image.pullPolicy"), None, "{}", values_yaml(&cfg, &eff, ValuesOptions::default()));
    assert_eq!(values.get("replicaCount"), None, "unset: the chart's 0 applies");
    // Against the guide's chart it is written.
    let mut guide = sample();
    guide.values.unset(keys::REPLICA_COUNT);
    assert_eq!(minimal(&guide).get("image.pullPolicy"), Some(&Node::str("Always")));
    // Other chart keys: typed, with the comment as help; setting one writes it.
    let others = other_keys(&chart);
    let env = others.iter().find(|k| k.dotted() == "extraEnv").unwrap();
    assert_eq!(env.ty.as_str(), "list");
    assert_eq!(env.help.as_deref(), Some("Extra environment for IXN Server."));
    env.set(&mut cfg, y("[{name: A, value: b}]"));
    assert_eq!(minimal(&cfg).get("extraEnv"), Some(&y("[{name: A, value: b}]")));
    // The wrong type for it is a warning at its field.
    env.set(&mut cfg, Node::str("x"));
    let f = findings(&cfg);
    assert!(f.iter().any(|f| f.path == "extraEnv" && f.message.contains("has a list here")), "{f:?}");
}

#[test]
fn registry_keys_the_chart_lacks_are_warned_at_their_field_and_left_out_unless_kept() {
    // A chart without the log sidecar.
    let mut tree = y(STAND_IN);
    if let Node::Map(top) = &mut tree {
        let svc = top.iter_mut().find(|e| e.key == "ixnService").unwrap();
        if let Node::Map(m) = &mut svc.value {
            let image = m.iter_mut().find(|e| e.key == "image").unwrap();
            if let Node::Map(i) = &mut image.value {
                i.retain(|e| e.key != "logSidecar");
            }
        }
    }
    let text = ixn_core::yaml::to_yaml(&tree, Default::default());
    let chart = Baseline::read(&text).unwrap();
    let mut cfg = sample();
    cfg.deploy.chart_version = "100.0.009".into();
    cfg.values.set(keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_ENABLED, Value::Bool(true));
    cfg.chart = ChartValues::of(chart);
    let f = findings(&cfg);
    let at =
        f.iter().find(|f| f.path == keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_ENABLED.path).expect("a warning at the field");
    assert_eq!(
        at.message,
        "chart 100.0.009 has no key ixnService.image.logSidecar.enabled; it is left out of the values file unless you keep it"
    );
    assert_eq!(minimal(&cfg).get("ixnService.image.logSidecar.enabled"), None);
    cfg.chart.keep.push(keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_ENABLED.path.into());
    assert_eq!(minimal(&cfg).get("ixnService.image.logSidecar.enabled"), Some(&Node::Bool(true)));
    assert!(findings(&cfg).iter().any(
        |f| f.path == keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_ENABLED.path && f.message.contains("because you keep it")
    ));
}

#[test]
fn the_profile_and_the_link_record_the_chart_by_digest_and_ask_for_the_file_again() {
    let chart = Baseline::read(STAND_IN).unwrap();
    let mut cfg = sample();
    cfg.chart = ChartValues::of(chart.clone());
    cfg.chart.keep.push("ixnService.image.logSidecar.enabled".into());
    for text in [Profile::of(&cfg, false).to_yaml_text(), Profile::of(&cfg, false).to_json_text()] {
        let back = Profile::parse(&text).unwrap().to_config().unwrap();
        assert_eq!(back.chart.digest, chart.digest);
        assert_eq!(back.chart.keep, cfg.chart.keep);
        assert!(back.chart.wanted(), "the file itself is not in the profile");
        assert!(findings(&back).iter().any(|f| f.path == "deploy.chartVersion" && f.message.contains(&chart.digest)));
        let mut again = back.clone();
        again.chart = ChartValues { keep: back.chart.keep.clone(), ..ChartValues::of(chart.clone()) };
        assert!(!again.chart.wanted());
    }
    let link = ixn_core::profile::encode_link(&cfg);
    assert!(link.len() < 2000, "{} bytes", link.len());
    let back = ixn_core::profile::decode_link(&link).unwrap();
    assert_eq!(back.chart.digest, chart.digest);
    // The file, 168 lines, is not in the link: only its digest.
    assert!(Baseline::read(STAND_IN).unwrap().digest.starts_with("sha256:"));
}

#[test]
fn the_three_real_genesys_files_work_as_baselines() {
    for name in GENESYS {
        let Some(text) = genesys(name) else { return };
        let chart = Baseline::read(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut cfg = sample();
        cfg.chart = ChartValues::of(chart.clone());
        let values = minimal(&cfg);
        // Nothing the override writes equals the chart's own value, but required keys.
        for (def, node) in KEYS.iter().zip(chart.nodes()) {
            let (Some(node), Some(written)) = (node, values.get(def.path)) else { continue };
            assert!(
                def.required() || written != node,
                "{name}: {} is written though it is the chart's {node:?}",
                def.path
            );
        }
        // Registry keys the file lacks are left out, unless required.
        for def in chart.missing() {
            assert!(values.get(def.path).is_none(), "{name}: {} is not in the chart and yet written", def.path);
        }
        // Diff against the file as the chart defaults: each line is a key the override sets.
        let report = against_defaults(&chart.tree, &values);
        for c in &report.changes {
            assert!(c.kind != ChangeKind::Removed || values.get_path(&c.path).is_none(), "{name}: {}", c.line(false));
        }
        // As the deployed release: keys the new values drop are warned about.
        let deployed = against_deployed(&defaults_tree(&cfg), &values, &chart.tree);
        for w in &deployed.warnings {
            assert!(chart.tree.get_path(&w.path).is_some(), "{name}: {}", w.line());
        }
        let _ = other_keys(&chart);
    }
    // The shared overrides: their own keys (the serviceq typo, logSidecar.registry) are
    // other chart keys, with the comments the file has as help.
    let Some(text) = genesys("override_values.yaml") else { return };
    let chart = Baseline::read(&text).unwrap();
    let others: Vec<String> = other_keys(&chart).iter().map(|k| k.dotted()).collect();
    assert!(others.contains(&"ixnService.ixnServer.serviceq".to_string()), "{others:?}");
    assert!(chart.help_at(&["image".into()]).is_some_and(|h| h.contains("Global IXN parameters")), "{:?}", chart.help);
    // The release overrides, deployed, against a profile that drops their Redis list.
    let Some(release) = genesys("release_override_values.yaml") else { return };
    let deployed = Baseline::read(&release).unwrap();
    let cfg = Config::guide_sample();
    let report = against_deployed(&defaults_tree(&cfg), &minimal(&cfg), &deployed.tree);
    assert!(!report.computed);
    assert!(report.has_changes());
    for c in report.changes.iter().filter(|c| c.kind == ChangeKind::Removed) {
        assert!(report.warnings.iter().any(|w| w.path == c.path), "{}", c.line(false));
    }
}

/// The stand-in chart's next version: renames ports.health to ports.healthCheck, drops
/// nothing the sample sets, adds a key, changes a default.
fn next_version() -> String {
    STAND_IN
        .replace("      default: 13130\n      health: 13131\n", "      default: 13130\n      healthCheck: 13131\n")
        .replace("replicaCount: 1", "replicaCount: 1\nnewFeature:\n  enabled: false")
        .replace("pullPolicy: IfNotPresent", "pullPolicy: Always")
}

#[test]
fn the_next_chart_version_renames_drops_and_adds_keys_and_says_what_to_decide() {
    let next = Baseline::read(&next_version()).unwrap();
    let current = Baseline::read(STAND_IN).unwrap();
    let mut cfg = sample();
    cfg.values.set(keys::IXN_SERVICE_IXN_SERVER_PORTS_HEALTH, Value::Port(ixn_core::model::Input::new("9200")));
    cfg.values.unset(keys::IMAGE_PULL_POLICY);
    cfg.chart = ChartValues::of(current.clone());
    let values = minimal(&cfg);
    let report = against_next(&current.tree, &next.tree, &values);
    let text = report.text(false);
    println!("{text}");
    let line = |s: &str| assert!(text.lines().any(|l| l == s), "no line {s:?} in\n{text}");
    line("- ixnService.ixnServer.ports.health: 13131");
    line("+ ixnService.ixnServer.ports.healthCheck: 13131");
    line("+ newFeature: {enabled: false}");
    line("~ image.pullPolicy: IfNotPresent → Always");
    line("decide: ixnService.ixnServer.ports.health: you set this key (9200); the next version renames it to ixnService.ixnServer.ports.healthCheck: move your value there");
    line("decide: image.pullPolicy: the default changes from IfNotPresent to Always: keep the new default, or set IfNotPresent to keep today's");
    // A dropped key the user set.
    let dropped = next_version().replace("      healthCheck: 13131\n", "");
    let report = against_next(&current.tree, &Baseline::read(&dropped).unwrap().tree, &values);
    assert!(
        report
            .decisions
            .iter()
            .any(|d| d.path.join(".") == "ixnService.ixnServer.ports.health" && d.message.contains("drops it")),
        "{}",
        report.text(false)
    );
    let json = report.to_json(false);
    assert_eq!(json["against"], "next");
    assert!(json["decisions"].as_array().unwrap().len() >= 2);
}

#[test]
fn a_computed_deployed_release_is_told_apart_and_compared_with_the_merged_values() {
    let cfg = sample();
    let values = minimal(&cfg);
    let defaults = defaults_tree(&cfg);
    let merged = ixn_core::chart::coalesce(&defaults, &values);
    // `helm get values --all` of a release deployed with exactly these values: no changes.
    let r = against_deployed(&defaults, &values, &merged);
    assert!(r.computed);
    assert!(!r.has_changes(), "{}", r.text(true));
    // Supplied values only, with a key the new values drop.
    let mut deployed = values.clone();
    deployed.insert(&["ixnService", "extra"], Node::str("x"), None);
    let r = against_deployed(&defaults, &values, &deployed);
    assert!(!r.computed);
    assert_eq!(r.changes.len(), 1, "{}", r.text(true));
    assert_eq!(r.warnings[0].line(), "ixnService.extra: the deployed release sets this key and the new values drop it");
    let _ = diff(&values, &values);
}

mod free_text {
    use super::*;
    use common::any_text;
    use ixn_core::chart::{coalesce, Change, MASK};
    use ixn_core::yaml::{to_yaml, EmitOptions, Entry};
    use proptest::prelude::*;

    fn leaf() -> impl Strategy<Value = Node> {
        prop_oneof![
            any_text().prop_map(Node::Str),
            any::<i64>().prop_map(Node::Int),
            any::<bool>().prop_map(Node::Bool),
            Just(Node::Null),
            prop::collection::vec(any_text().prop_map(Node::Str), 0..3).prop_map(Node::Seq),
        ]
    }

    fn key() -> impl Strategy<Value = String> {
        prop_oneof![
            any_text(),
            prop::sample::select(vec!["image", "tenant", "password", "replicaCount", "ixnService", "sid", "id"])
                .prop_map(String::from),
        ]
    }

    fn tree() -> impl Strategy<Value = Node> {
        leaf().prop_recursive(3, 24, 4, |inner| {
            prop::collection::vec((key(), inner), 0..4).prop_map(|kv| {
                let mut entries: Vec<Entry> = Vec::new();
                for (k, v) in kv {
                    if !entries.iter().any(|e| e.key == k) {
                        entries.push(Entry { key: k, value: v, comment: None });
                    }
                }
                Node::Map(entries)
            })
        })
    }

    fn map_tree() -> impl Strategy<Value = Node> {
        tree().prop_map(|t| {
            if matches!(t, Node::Map(_)) {
                t
            } else {
                Node::Map(vec![Entry { key: "k".into(), value: t, comment: None }])
            }
        })
    }

    fn check_sides(c: &Change, a: &Node, b: &Node) {
        let (in_a, in_b) = (a.get_path(&c.path), b.get_path(&c.path));
        match c.kind {
            ChangeKind::Added => assert!(in_a.is_none() && in_b == c.new.as_ref(), "{}", c.line(true)),
            ChangeKind::Removed => assert!(in_b.is_none() && in_a == c.old.as_ref(), "{}", c.line(true)),
            ChangeKind::Changed => {
                assert!(in_a == c.old.as_ref() && in_b == c.new.as_ref() && in_a != in_b, "{}", c.line(true))
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        #[test]
        fn any_text_reads_as_a_baseline_or_is_refused_with_a_position(text in "\\PC{0,200}", more in any_text()) {
            let text = format!("{text}\n{more}: x\n  # c\n");
            match Baseline::read(&text) {
                Ok(b) => {
                    for (p, _) in &b.help {
                        prop_assert!(b.tree.get_path(p).is_some());
                    }
                    prop_assert_eq!(b.defaults().len(), KEYS.len());
                }
                Err(e) => prop_assert!(!e.message.is_empty()),
            }
        }

        #[test]
        fn a_diff_names_exactly_what_differs(a in map_tree(), b in map_tree()) {
            prop_assert!(diff(&a, &a).is_empty());
            let changes = diff(&a, &b);
            for c in &changes {
                check_sides(c, &a, &b);
                // Secrets stay masked in the text unless asked for.
                if c.path.iter().any(|s| s == "password") {
                    prop_assert!(c.secret);
                    for side in [c.old_text(false), c.new_text(false)].into_iter().flatten() {
                        prop_assert!(side == MASK || side == "null" || side == "\"\"", "{}", side);
                    }
                }
            }
            prop_assert_eq!(changes.is_empty(), a == b);
        }

        #[test]
        fn written_and_read_back_a_tree_has_no_diff_and_an_empty_override_changes_nothing(a in map_tree()) {
            let text = to_yaml(&a, EmitOptions::default());
            let b = Baseline::read(&text).unwrap();
            prop_assert!(diff(&a, &b.tree).is_empty(), "{}", text);
            prop_assert!(!against_defaults(&b.tree, &Node::map()).has_changes());
            // Helm's merge: every key of the override that is not null is in the result.
            let merged = coalesce(&Node::map(), &a);
            prop_assert!(diff(&merged, &coalesce(&merged, &Node::map())).is_empty());
        }
    }
}

#[test]
fn a_null_the_chart_defaults_and_the_override_both_hold_is_no_change() {
    let defaults = y("a: null\nb: 1\nc:\n  d: null\n  e: 2\nf: 3\n");
    let values = y("a: null\nc:\n  d: null\nf: null\n");
    let report = against_defaults(&defaults, &values);
    let lines: Vec<String> = report.changes.iter().map(|c| c.line(false)).collect();
    // `f: null` deletes a default that was set: that one is a change.
    assert_eq!(lines, ["- f: 3"]);
    assert!(!against_defaults(&defaults, &y("a: null\n")).has_changes());
}

// Issue 23.2: a chart's values file (the stand-in chart's values.yaml, as `helm show
// values` prints it) is told apart from an override file (Genesys' published files),
// which the portal asks about before using as a chart.
#[test]
fn an_override_file_is_told_apart_from_a_charts_values() {
    let chart = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/charts/ixn/values.yaml")).unwrap();
    let signs = Baseline::read(&chart).unwrap().override_signs();
    assert!(signs.is_empty(), "{signs:?}");
    for name in ["override_values.yaml", "release_override_values.yaml", "override_values_openshift.yaml"] {
        let Some(text) = genesys(name) else { return };
        let signs = Baseline::read(&text).unwrap().override_signs();
        assert!(!signs.is_empty(), "{name} reads as a chart's values");
        eprintln!("{name}: {signs:?}");
    }
    // The guide's own sample, written as an override by the portal, too.
    let sample =
        values_yaml(&Config::guide_sample(), &Effective::of(&Config::guide_sample()), ValuesOptions::default());
    assert!(!Baseline::read(&sample).unwrap().override_signs().is_empty());
}

// Issue 23.2: a required key the chart file lacks is an error until the user keeps it.
#[test]
fn a_required_key_the_chart_file_lacks_is_an_error_unless_kept() {
    use ixn_core::validate::Severity;
    let mut cfg = Config::guide_sample();
    cfg.chart = ChartValues::of(Baseline::read("image:\n  pullPolicy: Always\n").unwrap());
    let at_sid =
        |cfg: &Config| findings(cfg).into_iter().filter(|f| f.path == keys::TENANT_SID.path).collect::<Vec<_>>();
    let fs = at_sid(&cfg);
    assert!(fs.iter().any(|f| f.severity == Severity::Error && f.message.contains("has no key tenant.sid")), "{fs:#?}");
    cfg.chart.keep.push(keys::TENANT_SID.path.to_string());
    let fs = at_sid(&cfg);
    assert!(fs.iter().all(|f| f.severity == Severity::Warning), "{fs:#?}");
}
