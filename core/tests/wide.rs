//! Wide input is read in linear time: a values file, a profile or a tenants row of tens
//! of thousands of keys goes through every reader (import, profile, check, diff,
//! tenants) in time proportional to its size. Timed against itself at two sizes, with
//! a generous ratio, so that a loaded machine does not make it flaky: four times the
//! keys may take up to ten times as long (a quadratic reader takes sixteen). The
//! absolute times are the benchmark's (`cargo run --release -p ixn-portal-cli --example
//! bench`).

use ixn_core::batch::Tenants;
use ixn_core::chart::{against_defaults, defaults_tree};
use ixn_core::generate::values_yaml::{values_tree, Form, ValuesOptions};
use ixn_core::import::{import, SourceFile, LIMITS};
use ixn_core::model::{Config, Effective};
use ixn_core::profile::Profile;
use ixn_core::yaml::read_yaml;
use std::time::{Duration, Instant};

/// A values file of `n` flat keys, as wide files come.
fn wide(n: usize) -> String {
    (0..n).map(|i| format!("k{i:06}: v{i}\n")).collect()
}

/// Every reader over `n` keys.
fn read_everything(n: usize) {
    let text = wide(n);
    let (cfg, report) = import(&Config::chart_defaults(), &[SourceFile { name: "wide.yaml", text: &text }]).unwrap();
    assert_eq!(report.unknown.len(), n);
    let profile = Profile::of(&cfg, false).to_yaml_text();
    let cfg = Profile::parse(&profile).unwrap().to_config().unwrap();
    assert_eq!(cfg.unknown.len(), n);
    let _ = ixn_core::validate::findings(&cfg);
    let values = values_tree(
        &cfg,
        &Effective::of(&cfg),
        ValuesOptions { form: Form::Minimal, comments: false, schema_line: false },
    );
    let report = against_defaults(&defaults_tree(&cfg), &values);
    assert!(report.changes.len() >= n);
    let row: String =
        std::iter::once("- tenant.sid: \"1\"\n".to_string()).chain((0..n).map(|i| format!("  k{i}: {i}\n"))).collect();
    assert!(Tenants::parse("t.yaml", &row).is_err(), "k0 is no field");
}

fn best_of_3(n: usize) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            read_everything(n);
            t.elapsed()
        })
        .min()
        .unwrap()
}

#[test]
fn every_reader_is_linear_in_the_keys() {
    read_everything(100); // warm up
    let (small, large) = (best_of_3(2_500), best_of_3(10_000));
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    eprintln!("2,500 keys: {small:?}; 10,000 keys: {large:?}; ratio {ratio:.1} (linear: 4, quadratic: 16)");
    assert!(ratio < 10.0, "4 times the keys took {ratio:.1} times as long: something reads them in quadratic time");
}

#[test]
fn a_big_file_is_not_an_alias_bomb_and_an_alias_bomb_still_is() {
    // 60,000 keys (120,000 nodes) under the import's limit of 100,000 nodes from aliases.
    let text = wide(60_000);
    assert!(text.len() < LIMITS.max_bytes);
    read_yaml(&text, LIMITS).unwrap();
    let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..8 {
        let p = i - 1;
        bomb.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
    }
    let e = read_yaml(&bomb, LIMITS).unwrap_err();
    assert!(e.message.contains("an alias bomb?"), "{e}");
    assert!(e.line.is_some(), "at the alias that goes over: {e:?}");
}
