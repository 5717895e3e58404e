//! The command line's benchmark: `ixn-portal batch` over 1, 100 and 1,000 tenants of
//! the guide's sample (native, release), with the wall time and the peak memory (max
//! resident set) of each run, against the target of 1,000 tenants in under 1 s.
//!
//! Then wide input: a 49,000-key values file through import, check and diff, a tenants
//! row of 150,000 keys and an alias bomb, each against 0.5 s.
//!
//! `cargo run --release -p ixn-portal-cli --example bench [-- N…]` (after building the
//! binary: `cargo build --release -p ixn-portal-cli`; `-- --wide`: the wide input
//! alone); `scripts/bench.sh` runs it.

use ixn_core::model::Config;
use ixn_core::profile::Profile;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The binary beside this example: `target/release/ixn-portal`.
fn binary() -> PathBuf {
    let exe = std::env::current_exe().expect("exe");
    let dir = exe.parent().and_then(Path::parent).expect("target/release");
    let bin = dir.join("ixn-portal");
    assert!(bin.exists(), "build it first: cargo build --release -p ixn-portal-cli ({} is missing)", bin.display());
    bin
}

#[path = "../../core/tests/common/tenant.rs"]
mod tenant;

/// The base profile: the shared complete tenant (its credentials stay out of the file).
fn base() -> Config {
    tenant::complete_tenant()
}

/// The children waited for: peak resident set of the largest, in KiB, and their CPU
/// time (user + system), in seconds.
fn children_usage() -> (i64, f64) {
    // SAFETY: getrusage writes into the struct we hand it, nothing else.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    (usage.ru_maxrss, secs(usage.ru_utime) + secs(usage.ru_stime))
}

fn tenants_csv(n: usize) -> String {
    let mut csv = String::from("tenant.sid,tenant.id,deploy.namespace\n");
    for i in 0..n {
        csv.push_str(&format!("{},{:08x}-a1dd-4c65-8d40-1f75a2e080dd,tenant-{}\n", 1000 + i, i, 1000 + i));
    }
    csv
}

/// The core's share, in this process on one thread: checking every row, and computing
/// every tenant's download (no files written), in seconds.
fn in_process(n: usize) -> (f64, f64) {
    use ixn_core::batch::{Batch, Tenants};
    let cfg = tenant::every_secret_set();
    let batch = Batch::new(cfg, Tenants::parse("tenants.csv", &tenants_csv(n)).unwrap());
    let start = Instant::now();
    let reports = batch.check();
    let check = start.elapsed().as_secs_f64();
    assert!(reports.iter().all(|r| !r.failed()));
    let start = Instant::now();
    let mut bytes = 0;
    for (_, c) in batch.configs() {
        bytes += ixn_core::delivery::download(&c, Default::default()).files.iter().map(|f| f.data.len()).sum::<usize>();
    }
    assert!(bytes > 0);
    (check, start.elapsed().as_secs_f64())
}

/// One measured run for `n` tenants, in this process's only child: (wall seconds,
/// peak KiB, CPU seconds).
fn one(n: usize) -> (f64, i64, f64) {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("base.yaml"), Profile::of(&base(), false).to_yaml_text()).unwrap();
    std::fs::write(dir.path().join("tenants.csv"), tenants_csv(n)).unwrap();
    let start = Instant::now();
    let out = Command::new(binary())
        .args([
            "batch",
            "--base",
            "base.yaml",
            "--tenants",
            "tenants.csv",
            "--out",
            "out",
            "--secrets-env",
            "BENCH_",
            "-q",
        ])
        .env("BENCH_REGISTRY_PASSWORD", "r")
        .env("BENCH_DB_ADMIN_PASSWORD", "a")
        .env("BENCH_DB_OWNER_PASSWORD", "o")
        .env("BENCH_REDIS_PASSWORD", "p")
        .current_dir(dir.path())
        .output()
        .expect("run");
    let secs = start.elapsed().as_secs_f64();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let folders = std::fs::read_dir(dir.path().join("out")).unwrap().count();
    assert_eq!(folders, n + 2, "a folder per tenant, the index and the script");
    let (kib, cpu) = children_usage();
    (secs, kib, cpu)
}

/// Wide input, read by each reader: a values file of 49,000 flat keys (about 430 KB)
/// imported, then its profile checked and diffed; a tenants row of 150,000 keys; and an
/// alias bomb of the same size class, which must be refused, as quickly. Best of 3
/// wall times, each against the budget of 0.5 s.
fn wide_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let wide: String = (0..49_000).map(|i| format!("k{i}: {}\n", i % 10)).collect();
    std::fs::write(dir.path().join("wide.yaml"), &wide).unwrap();
    let row: String = std::iter::once("- tenant.sid: \"1\"\n".to_string())
        .chain((0..150_000).map(|i| format!("  t{i}: 1\n")))
        .collect();
    std::fs::write(dir.path().join("row.yaml"), &row).unwrap();
    std::fs::write(dir.path().join("base.yaml"), Profile::of(&base(), false).to_yaml_text()).unwrap();
    let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..9 {
        let p = i - 1;
        bomb.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
    }
    std::fs::write(dir.path().join("bomb.yaml"), &bomb).unwrap();
    let time = |args: &[&str], ok: &dyn Fn(&std::process::Output) -> bool| -> f64 {
        (0..3)
            .map(|_| {
                let start = Instant::now();
                let out = Command::new(binary()).args(args).current_dir(dir.path()).output().expect("run");
                let secs = start.elapsed().as_secs_f64();
                assert!(ok(&out), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
                secs
            })
            .fold(f64::MAX, f64::min)
    };
    let code = |c: i32| move |o: &std::process::Output| o.status.code() == Some(c);
    let refused = |o: &std::process::Output| o.status.code() == Some(2);
    println!(
        "wide input (native, release; best of 3 wall times; a 49,000-key values file of {} KB):",
        wide.len() / 1024
    );
    let rows: [(&str, f64); 5] = [
        ("import", time(&["import", "wide.yaml", "-o", "wide-profile.yaml", "--force", "-q"], &code(0))),
        // The profile has errors (no tenant): check exits 1 having read it all.
        ("check", time(&["check", "wide-profile.yaml"], &code(1))),
        ("diff", time(&["diff", "wide-profile.yaml", "--against", "wide.yaml"], &code(0))),
        (
            "a tenants row of 150,000 keys, refused at its first",
            time(&["batch", "--base", "base.yaml", "--tenants", "row.yaml", "--out", "o"], &refused),
        ),
        (
            "an alias bomb, refused",
            time(&["import", "bomb.yaml", "-o", "bomb-profile.yaml"], &|o: &std::process::Output| {
                refused(o) && String::from_utf8_lossy(&o.stderr).contains("an alias bomb?")
            }),
        ),
    ];
    for (what, secs) in rows {
        let met = if secs < 0.5 { "met" } else { "NOT met" };
        println!("  {what}: {:>7.1} ms  (target < 500 ms: {met})", secs * 1000.0);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--wide") {
        wide_input();
        return;
    }
    if let [flag, n] = args.as_slice() {
        if flag == "--one" {
            // A fresh process per measurement, so the peak is this run's alone.
            let (secs, kib, cpu) = one(n.parse().expect("a count"));
            println!("{secs} {kib} {cpu}");
            return;
        }
    }
    let counts: Vec<usize> =
        if args.is_empty() { vec![1, 100, 1000] } else { args.iter().map(|a| a.parse().expect("a count")).collect() };
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    println!("ixn-portal batch (native, release, {cores} cores; best of 3 runs: wall time, CPU time, peak memory):");
    for &n in &counts {
        let mut best = (f64::MAX, 0, 0.0);
        for _ in 0..3 {
            let out =
                Command::new(std::env::current_exe().unwrap()).args(["--one", &n.to_string()]).output().expect("run");
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            let text = String::from_utf8_lossy(&out.stdout);
            let mut it = text.split_whitespace();
            let secs: f64 = it.next().unwrap().parse().unwrap();
            let kib: i64 = it.next().unwrap().parse().unwrap();
            let cpu: f64 = it.next().unwrap().parse().unwrap();
            if secs < best.0 {
                best = (secs, kib, cpu);
            }
        }
        let budget = if n == 1000 {
            if best.0 < 1.0 {
                "  (target < 1 s: met)"
            } else {
                "  (target < 1 s: NOT met)"
            }
        } else {
            ""
        };
        println!(
            "  {n:>5} tenants: {:>7.1} ms wall, {:>7.1} ms CPU, peak {:>5.1} MiB{budget}",
            best.0 * 1000.0,
            best.2 * 1000.0,
            best.1 as f64 / 1024.0
        );
    }
    wide_input();
    if let Some(&n) = counts.iter().max() {
        let (check, render) = in_process(n);
        println!("  of which the core alone, in process on one thread, {n} tenants: check {:.1} ms, render {:.1} ms wall (no files)", check * 1000.0, render * 1000.0);
    }
}
