//! How long every artifact takes for the full model, natively: what the portal spends
//! per keystroke. `cargo bench -p ixn-core` prints the figures.

use ixn_core::artifacts::artifacts;
use ixn_core::generate::commands::commands;
use ixn_core::generate::sizing::sizing;
use ixn_core::generate::topology::connections;
use ixn_core::generate::values_yaml::values_yaml;
use ixn_core::generate::values_yaml::{Form, ValuesOptions};
use ixn_core::model::{Config, Effective, SecretStyle, Value};
use ixn_core::registry::keys;
use ixn_core::validate::validate;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn measure(name: &str, runs: usize, mut f: impl FnMut()) {
    for _ in 0..runs / 10 {
        f(); // warm up
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "{name:<48} p50 {:>8.1} µs   p95 {:>8.1} µs   max {:>8.1} µs   ({runs} runs)",
        percentile(&times, 0.5).as_secs_f64() * 1e6,
        percentile(&times, 0.95).as_secs_f64() * 1e6,
        times.last().unwrap().as_secs_f64() * 1e6,
    );
}

fn main() {
    let mut cfg = Config::guide_sample();
    cfg.deploy.secret_style = SecretStyle::Stdin;
    cfg.deploy.chart_makes_db_secrets = false;
    cfg.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_HOST, Value::Str("pg.infra.svc".into()));
    let labels: Vec<(String, String)> =
        (0..50).map(|i| (format!("team.example.com/label-{i}"), format!("value-{i}"))).collect();
    cfg.values.set(keys::POD_LABELS, Value::Map(labels));
    let full = ValuesOptions { form: Form::Full, comments: true, schema_line: false };
    let minimal = ValuesOptions::default();

    println!("ixn-core generators, native --release, guide sample + 50 labels");
    measure("all artifacts, full values with comments", 2000, || {
        black_box(artifacts(black_box(&cfg), full));
    });
    measure("all artifacts, minimal values", 2000, || {
        black_box(artifacts(black_box(&cfg), minimal));
    });
    measure("all artifacts + validation (one keystroke)", 2000, || {
        let a = artifacts(black_box(&cfg), full);
        black_box(validate(&cfg, &a.effective));
    });
    measure("effective values only", 2000, || {
        black_box(Effective::of(black_box(&cfg)));
    });
    let eff = Effective::of(&cfg);
    measure("  values YAML, full with comments", 2000, || {
        black_box(values_yaml(&cfg, &eff, full));
    });
    let yaml = values_yaml(&cfg, &eff, full);
    measure("  commands", 2000, || {
        black_box(commands(&cfg, &eff, &Effective::real(&cfg), &yaml));
    });
    measure("  connection map", 2000, || {
        black_box(connections(&cfg, &eff));
    });
    measure("  sizing", 2000, || {
        black_box(sizing(&eff));
    });
    // The benchmark's inflated model: 2,000 labels and 3,060 unknown keys, imported.
    let mut big = String::from("podLabels:\n");
    for i in 0..2000 {
        big.push_str(&format!("  team.example.com/label-{i}: value-{i}\n"));
    }
    big.push_str("extraSettings:\n");
    for g in 0..60 {
        big.push_str(&format!("  group{g}:\n"));
        for k in 0..50 {
            big.push_str(&format!("    key{k}: \"setting {g}-{k}\"\n"));
        }
    }
    let src = [ixn_core::import::SourceFile { name: "big", text: &big }];
    measure("import of the 5,060-key file", 50, || {
        black_box(ixn_core::import::import(&cfg, &src).unwrap());
    });
    let (inflated, _) = ixn_core::import::import(&cfg, &src).unwrap();
    measure("inflated: all artifacts + validation", 100, || {
        let a = artifacts(black_box(&inflated), minimal);
        black_box(validate(&inflated, &a.effective));
    });
    measure("inflated: validation only", 100, || {
        black_box(validate(&inflated, &Effective::of(&inflated)));
    });
    // What the autosave writes after each change (in the task after the render).
    measure("autosave (profile JSON), guide sample + 50 labels", 500, || {
        black_box(ixn_core::profile::Profile::of(black_box(&cfg), false).to_json_text());
    });
    measure("autosave (profile JSON), inflated", 50, || {
        black_box(ixn_core::profile::Profile::of(black_box(&inflated), false).to_json_text());
    });
    let a = artifacts(&cfg, full);
    println!(
        "output sizes: values {} B, script {} B, secrets {} B, {} connections",
        a.values_yaml.len(),
        a.commands.script().len(),
        a.secret_manifests.len(),
        a.connections.len()
    );
}
