//! `ixn-portal verify` end to end with the real Helm 3.17.2 and 4.3.1 (.tools/) and the
//! stand-in chart: --rendered FILE and stdin, --chart with the user's helm, the exit
//! codes and formats of `check`, and the post-renderer: Helm 3 by path, Helm 4 as the
//! installed postrenderer/v1 plugin, passing a clean rendering through unchanged and
//! refusing a mutated chart's.

use ixn_core::model::Config;
use ixn_core::profile::Profile;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

#[path = "../../core/tests/common/tenant.rs"]
mod tenant;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The real helm of a major; fails naming the installer when it is missing.
fn helm(major: u8) -> PathBuf {
    let p = root().join(format!(".tools/helm{major}/helm"));
    assert!(p.is_file(), "{} is missing: run `scripts/setup.sh --browser`", p.display());
    p
}

fn chart() -> PathBuf {
    root().join("core/tests/charts/ixn")
}

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_ixn-portal"))
}

/// A private Helm home under `dir` (config, cache, data; no kubeconfig of this machine).
fn helm_env(cmd: &mut Command, dir: &Path) {
    cmd.env_clear()
        .env("PATH", format!("{}:{}", bin().parent().unwrap().display(), std::env::var("PATH").unwrap_or_default()))
        .env("HOME", dir)
        .env("HELM_CONFIG_HOME", dir.join("config"))
        .env("HELM_CACHE_HOME", dir.join("cache"))
        .env("HELM_DATA_HOME", dir.join("data"))
        .env("KUBECONFIG", dir.join("no-kubeconfig"));
}

fn run(program: &Path, args: &[&str], dir: &Path, stdin: &[u8], env: &[(&str, &str)]) -> Output {
    use std::io::Write;
    let mut cmd = Command::new(program);
    helm_env(&mut cmd, dir);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.args(args).current_dir(dir).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The complete tenant, written as a profile with its credentials.
fn setup() -> (tempfile::TempDir, Config) {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = tenant::complete_tenant();
    std::fs::write(tmp.path().join("tenant.yaml"), Profile::of(&cfg, true).to_yaml_text()).unwrap();
    (tmp, cfg)
}

/// `helm template` of `chart` with the profile's real values, as `verify --chart` runs it.
fn rendered(major: u8, dir: &Path, cfg: &Config, chart: &Path, extra: &[&str]) -> Output {
    let mut real = cfg.clone();
    real.deploy.placeholders = false;
    let eff = ixn_core::model::Effective::of(&real);
    let values = dir.join("values.yaml");
    std::fs::write(&values, ixn_core::generate::values_yaml::values_yaml(&real, &eff, Default::default())).unwrap();
    let release = ixn_core::model::release_name(cfg);
    let mut args = vec!["template", &release, chart.to_str().unwrap(), "--namespace", "ixn", "-f", "values.yaml"];
    args.extend_from_slice(extra);
    run(&helm(major), &args, dir, b"", &[])
}

/// The stand-in chart with IXN Server's port off by one, under `dir`.
fn mutated_chart(dir: &Path) -> PathBuf {
    let to = dir.join("ixn-mutated");
    std::fs::create_dir_all(to.join("templates")).unwrap();
    for f in ["Chart.yaml", "values.yaml"] {
        std::fs::copy(chart().join(f), to.join(f)).unwrap();
    }
    for e in std::fs::read_dir(chart().join("templates")).unwrap() {
        let p = e.unwrap().path();
        let mut t = std::fs::read_to_string(&p).unwrap();
        if p.ends_with("statefulset.yaml") {
            let from = "containerPort: {{ $srv.ports.default }}";
            assert!(t.contains(from));
            t = t.replace(from, "containerPort: {{ add1 $srv.ports.default }}");
        }
        std::fs::write(to.join("templates").join(p.file_name().unwrap()), t).unwrap();
    }
    to
}

#[test]
fn verify_reads_a_rendering_from_a_file_or_stdin_and_says_each_finding_at_its_field() {
    let (tmp, cfg) = setup();
    let dir = tmp.path();
    let clean = rendered(4, dir, &cfg, &chart(), &[]);
    assert!(clean.status.success(), "{}", text(&clean.stderr));
    std::fs::write(dir.join("clean.yaml"), &clean.stdout).unwrap();
    let o = run(&bin(), &["verify", "tenant.yaml", "--rendered", "clean.yaml"], dir, b"", &[]);
    assert_eq!(o.status.code(), Some(0), "{}{}", text(&o.stdout), text(&o.stderr));
    assert_eq!(text(&o.stdout), "");
    assert!(text(&o.stderr).contains("0 errors, 0 warnings"), "{}", text(&o.stderr));

    let mutated = text(&clean.stdout).replacen("containerPort: 7120", "containerPort: 7121", 1);
    let o = run(&bin(), &["verify", "tenant.yaml", "--rendered", "-"], dir, mutated.as_bytes(), &[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.contains("ixnService.ixnServer.ports.default: error: Port server-default of container ixn-server of StatefulSet ixn-100-sts is 7121; the profile says 7120."),
        "{out}"
    );
    println!("{out}");

    let o =
        run(&bin(), &["verify", "tenant.yaml", "--rendered", "-", "--format", "json"], dir, mutated.as_bytes(), &[]);
    assert_eq!(o.status.code(), Some(1));
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // The port itself, and the Consul annotation that names it.
    assert_eq!(j["errors"], 2, "{j}");
    for f in j["findings"].as_array().unwrap() {
        assert_eq!(f["path"], "ixnService.ixnServer.ports.default", "{j}");
    }

    // A warning fails only with --strict.
    let extra = text(&clean.stdout).replacen(
        "      containers:\n",
        "      containers:\n        - name: debug\n          image: busybox\n",
        1,
    );
    let o = run(&bin(), &["verify", "tenant.yaml", "--rendered", "-"], dir, extra.as_bytes(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    assert!(text(&o.stdout).contains("deploy.chart: warning: "), "{}", text(&o.stdout));
    let o = run(&bin(), &["verify", "tenant.yaml", "--rendered", "-", "--strict"], dir, extra.as_bytes(), &[]);
    assert_eq!(o.status.code(), Some(1));

    // Unreadable input: exit 2, at file, line and column.
    std::fs::write(dir.join("bad.yaml"), "kind: A\nmetadata: {name: a}\n---\nkind: B\n  x: : y\n").unwrap();
    let o = run(&bin(), &["verify", "tenant.yaml", "--rendered", "bad.yaml"], dir, b"", &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).starts_with("ixn-portal: bad.yaml:5:"), "{}", text(&o.stderr));
}

#[test]
fn verify_runs_the_users_own_helm_template_with_the_profiles_values() {
    let (tmp, _) = setup();
    let dir = tmp.path();
    let tmpdir = dir.join("tmp");
    std::fs::create_dir_all(&tmpdir).unwrap();
    let env = [("TMPDIR", tmpdir.to_str().unwrap())];
    for major in [3, 4] {
        let h = helm(major);
        let chart = chart();
        let o = run(
            &bin(),
            &["verify", "tenant.yaml", "--chart", chart.to_str().unwrap(), "--helm", h.to_str().unwrap()],
            dir,
            b"",
            &env,
        );
        assert_eq!(o.status.code(), Some(0), "Helm {major}: {}{}", text(&o.stdout), text(&o.stderr));
        let bad = mutated_chart(dir);
        let o = run(
            &bin(),
            &["verify", "tenant.yaml", "--chart", bad.to_str().unwrap(), "--helm", h.to_str().unwrap()],
            dir,
            b"",
            &env,
        );
        assert_eq!(o.status.code(), Some(1), "Helm {major}: {}", text(&o.stderr));
        assert!(text(&o.stdout).contains("ixnService.ixnServer.ports.default: error: "), "{}", text(&o.stdout));
        // No values file is left behind (they may hold the chart's DB credentials).
        assert_eq!(std::fs::read_dir(&tmpdir).unwrap().count(), 0, "Helm {major}: left in TMPDIR");
    }
}

#[test]
fn the_post_renderer_passes_a_clean_rendering_through_unchanged_and_refuses_a_contradiction() {
    let (tmp, cfg) = setup();
    let dir = tmp.path();
    // Directly: byte for byte, also without a final newline.
    let clean = rendered(4, dir, &cfg, &chart(), &[]);
    let mut bytes = clean.stdout.clone();
    bytes.extend_from_slice(b"# trailing comment, no newline");
    let o = run(&bin(), &["verify", "--post-renderer", "tenant.yaml"], dir, &bytes, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(o.stdout, bytes);

    let script = root().join("helm-plugin/ixn-verify/ixn-verify.sh");
    let plugin = root().join("helm-plugin/ixn-verify");
    let bad = mutated_chart(dir);
    for major in [3u8, 4] {
        let (renderer, install) = if major == 3 {
            (script.to_str().unwrap().to_string(), None)
        } else {
            // Helm 4: a postrenderer/v1 plugin, installed from the repository's folder.
            (
                "ixn-verify".to_string(),
                Some(run(&helm(4), &["plugin", "install", plugin.to_str().unwrap()], dir, b"", &[])),
            )
        };
        if let Some(i) = install {
            assert!(i.status.success(), "helm 4 plugin install: {}{}", text(&i.stdout), text(&i.stderr));
            let list = run(&helm(4), &["plugin", "list"], dir, b"", &[]);
            assert!(text(&list.stdout).contains("ixn-verify"), "{}", text(&list.stdout));
        }
        let plain = rendered(major, dir, &cfg, &chart(), &[]);
        let post = rendered(
            major,
            dir,
            &cfg,
            &chart(),
            &["--post-renderer", &renderer, "--post-renderer-args", "tenant.yaml"],
        );
        assert!(post.status.success(), "Helm {major}: {}", text(&post.stderr));
        if major == 3 {
            assert_eq!(text(&post.stdout), text(&plain.stdout), "Helm 3: the post-renderer changed the rendering");
        } else {
            // Helm 4 writes any post-renderer's output out again in its own layout (lists
            // indented otherwise): the same objects, which the direct test above shows
            // pass through byte for byte.
            let objects = |o: &Output| {
                let all = ixn_core::contract::read_stream(&text(&o.stdout)).unwrap();
                all.into_iter().map(|o| (o.kind, o.name, o.body)).collect::<Vec<_>>()
            };
            assert_eq!(objects(&post), objects(&plain), "Helm 4: the post-renderer changed the objects");
        }

        let report = dir.join(format!("report-{major}.txt"));
        let refused = {
            let values = dir.join("values.yaml");
            let release = ixn_core::model::release_name(&cfg);
            run(
                &helm(major),
                &[
                    "template",
                    &release,
                    bad.to_str().unwrap(),
                    "--namespace",
                    "ixn",
                    "-f",
                    values.to_str().unwrap(),
                    "--post-renderer",
                    &renderer,
                    "--post-renderer-args",
                    "tenant.yaml",
                ],
                dir,
                b"",
                &[("IXN_VERIFY_REPORT", report.to_str().unwrap())],
            )
        };
        assert!(!refused.status.success(), "Helm {major} took a contradicting rendering");
        assert!(text(&refused.stdout).is_empty(), "Helm {major} printed: {}", text(&refused.stdout));
        let said = std::fs::read_to_string(&report).unwrap();
        assert!(said.contains("ixnService.ixnServer.ports.default: error: Port server-default"), "{said}");
        assert!(said.contains("refused, nothing installed"), "{said}");
        println!("Helm {major}: {}\n{said}", text(&refused.stderr));
    }
}

/// A script as bash reads it: `\`-newline continuations joined.
fn joined(script: &str) -> String {
    let mut out = String::new();
    let mut rest = script;
    while let Some(i) = rest.find(" \\\n") {
        out.push_str(&rest[..i]);
        out.push(' ');
        rest = rest[i + 3..].trim_start_matches(' ');
    }
    out.push_str(rest);
    out
}

/// shellcheck, every check on, if this machine has it (CI installs it).
fn shellcheck(script: &str, what: &str) {
    let Ok(o) = Command::new("shellcheck")
        .args(["--enable=all", "--shell=bash", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(script.as_bytes()).unwrap();
            c.wait_with_output()
        })
    else {
        eprintln!("skipped shellcheck: not installed");
        return;
    };
    assert!(o.status.success(), "{what}: shellcheck:\n{}\n{script}", text(&o.stdout));
}

#[test]
fn deploy_sh_with_verify_chart_renders_through_the_post_renderer_in_both_majors() {
    use ixn_core::generate::values_yaml::ValuesOptions;
    use ixn_core::model::{ChartSource, HelmMajor};
    let (tmp, mut cfg) = setup();
    let dir = tmp.path();
    cfg.deploy.verify_chart = true;
    cfg.deploy.chart_source = ChartSource::Local;
    for (major, m) in [(3u8, HelmMajor::V3), (4, HelmMajor::V4)] {
        let work = dir.join(format!("h{major}"));
        std::fs::create_dir_all(&work).unwrap();
        let mut cfg = cfg.clone();
        cfg.deploy.helm_major = m;
        for (what, chart) in [("clean", chart()), ("mutated", mutated_chart(&work))] {
            cfg.deploy.chart = chart.to_str().unwrap().to_string();
            let a = ixn_core::artifacts::artifacts(&cfg, ValuesOptions::default());
            let script = a.commands.script();
            let helm_block = &joined(&a.commands.block("helm").unwrap().script);
            let flags = ixn_core::generate::helm::post_renderer_flags(m, "ixn-100.profile.yaml");
            let flags =
                joined(&ixn_core::generate::shell::command(&flags.iter().map(String::as_str).collect::<Vec<_>>()));
            assert!(helm_block.contains(&flags), "Helm {major}: {flags:?} not in {helm_block}");
            shellcheck(&script, &format!("Helm {major} deploy.sh"));
            // The values, the profile and its checks, then the render line: real helm,
            // real ixn-portal (helm upgrade needs a cluster; none here).
            let render = helm_block.lines().find(|l| l.contains("helm template")).unwrap();
            let run_script = format!(
                "set -euo pipefail\n{}\n{}\n{render}\n",
                a.commands.block("values").unwrap().script,
                a.commands.block("verify-chart").unwrap().script
            );
            let helm_dir = helm(major).parent().unwrap().to_path_buf();
            if major == 4 {
                let i = run(
                    &helm(4),
                    &["plugin", "install", root().join("helm-plugin/ixn-verify").to_str().unwrap()],
                    &work,
                    b"",
                    &[],
                );
                assert!(i.status.success() || text(&i.stderr).contains("already exists"), "{}", text(&i.stderr));
            }
            let path = format!(
                "{}:{}:{}",
                helm_dir.display(),
                bin().parent().unwrap().display(),
                std::env::var("PATH").unwrap()
            );
            let report = work.join("report.txt");
            let o = run(
                Path::new("/bin/bash"),
                &["-c", &run_script],
                &work,
                b"",
                &[("PATH", &path), ("IXN_VERIFY_REPORT", report.to_str().unwrap())],
            );
            let rendered = work.join("ixn-100-rendered.yaml");
            if what == "clean" {
                assert!(o.status.success(), "Helm {major}: {}{}", text(&o.stdout), text(&o.stderr));
                assert!(std::fs::read_to_string(&rendered).unwrap().contains("kind: StatefulSet"));
            } else {
                assert!(!o.status.success(), "Helm {major}: the mutated chart went through");
                let said = std::fs::read_to_string(&report).unwrap();
                assert!(said.contains("ixnService.ixnServer.ports.default: error:"), "{said}");
            }
            let _ = std::fs::remove_file(&report);
        }
    }
}

// Genesys' workflow (services/deployment.sh) sources pre-release-script.sh in the release
// folder with PARAMS set, then runs `helm $CMD $RELEASE $PARAMS`: with deploy.verifyChart
// the script adds the post-renderer to PARAMS. Here bash sources the generated script as
// the workflow does (validate: `--dry-run`, so no kubectl), envsubst writes the values as
// the workflow does, and the real helm renders with the flags the script added (helm
// upgrade needs a cluster; none here), through the real ixn-portal.
#[test]
fn the_genesys_pre_release_script_with_verify_chart_adds_the_post_renderer_in_both_majors() {
    use ixn_core::generate::values_yaml::ValuesOptions;
    use ixn_core::model::{Delivery, HelmMajor};
    let (tmp, mut cfg) = setup();
    cfg.deploy.verify_chart = true;
    cfg.deploy.delivery = Delivery::Genesys;
    for (major, m) in [(3u8, HelmMajor::V3), (4, HelmMajor::V4)] {
        let work = tmp.path().join(format!("g{major}"));
        let mut cfg = cfg.clone();
        cfg.deploy.helm_major = m;
        let tree = ixn_core::delivery::tree(&cfg, ValuesOptions::default()).expect("a Genesys tree");
        for f in &tree.files {
            let p = work.join(&f.path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, &f.text).unwrap();
        }
        let rel = work.join(ixn_core::generate::gitops::genesys::RELEASE_DIR);
        let script = std::fs::read_to_string(rel.join("pre-release-script.sh")).unwrap();
        assert!(rel.join("ixn.profile.yaml").is_file(), "the profile beside the script");
        shellcheck(&script, &format!("Helm {major} pre-release-script.sh"));
        if major == 4 {
            let i = run(
                &helm(4),
                &["plugin", "install", root().join("helm-plugin/ixn-verify").to_str().unwrap()],
                // The Helm home the workflow's run below has (run() puts it in the folder).
                &rel,
                b"",
                &[],
            );
            assert!(i.status.success() || text(&i.stderr).contains("already exists"), "{}", text(&i.stderr));
        }
        let helm_dir = helm(major).parent().unwrap().to_path_buf();
        let path =
            format!("{}:{}:{}", helm_dir.display(), bin().parent().unwrap().display(), std::env::var("PATH").unwrap());
        for (what, chart) in [("clean", chart()), ("mutated", mutated_chart(&work))] {
            let workflow = format!(
                "set -euo pipefail\nCMD=upgrade NS=ixn PARAMS=--dry-run\nsource pre-release-script.sh\n\
                 envsubst < override_values.yaml > override_values.yaml_\n\
                 # shellcheck disable=SC2086\nhelm template \"$RELEASE\" {} -n \"$NS\" -f override_values.yaml_ ${{PARAMS#--dry-run}} > rendered.yaml\n",
                chart.display()
            );
            let report = work.join("report.txt");
            let o = run(
                Path::new("/bin/bash"),
                &["-c", &workflow],
                &rel,
                b"",
                &[("PATH", &path), ("IXN_VERIFY_REPORT", report.to_str().unwrap())],
            );
            if what == "clean" {
                assert!(o.status.success(), "Helm {major}: {}{}", text(&o.stdout), text(&o.stderr));
                assert!(std::fs::read_to_string(rel.join("rendered.yaml")).unwrap().contains("kind: StatefulSet"));
            } else {
                assert!(!o.status.success(), "Helm {major}: the mutated chart went through");
                let said = std::fs::read_to_string(&report).unwrap();
                assert!(said.contains("ixnService.ixnServer.ports.default: error:"), "{said}");
            }
            let _ = std::fs::remove_file(&report);
        }
        // Uninstall gets no post-renderer.
        let o = run(
            Path::new("/bin/bash"),
            &["-c", "set -euo pipefail\nCMD=uninstall NS=ixn PARAMS=--dry-run\nsource pre-release-script.sh\necho \"$PARAMS\""],
            &rel,
            b"",
            &[("PATH", &path)],
        );
        assert_eq!(text(&o.stdout).lines().last(), Some("--dry-run"), "{}", text(&o.stderr));
    }
}
