//! The generated deploy script against a real chart repository on loopback: the
//! stand-in chart is packaged (`helm package`), indexed (`helm repo index`) and served by
//! a static server that this test starts and stops. The script's own `helm repo add`
//! (with credentials on stdin), `helm repo update` and `helm template` then run with the
//! real binary of each Helm major; only what needs a cluster (kubectl, and the
//! `helm upgrade --install`, which the replay test runs against an unreachable cluster)
//! is a stand-in.

mod common;

use common::{helm, HelmHome};
use ixn_core::artifacts::artifacts;
use ixn_core::generate::values_yaml::ValuesOptions;
use ixn_core::model::{ChartSource, Config, HelmMajor, Platform, SecretStyle};
use ixn_core::registry::keys;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A static file server on 127.0.0.1, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn serve(dir: &Path) -> Server {
        let port = common::closed_port();
        let child = Command::new("python3")
            .args(["-m", "http.server", &port.to_string(), "--bind", "127.0.0.1", "--directory"])
            .arg(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 serves the chart repository");
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(start.elapsed() < Duration::from_secs(10), "the chart repository server did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Server { child, port }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn chart() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/charts/ixn")
}

fn ok(out: std::process::Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const STUB: &str = "#!/usr/bin/env bash\ncat > /dev/null\n";

#[test]
fn the_deploy_script_adds_the_repository_and_renders_the_chart_with_real_helm() {
    let home = HelmHome::new("helm-repo");
    let repo = home.dir.join("repo");
    fs::create_dir_all(&repo).unwrap();
    let h4 = helm(4);
    ok(
        home.run(
            &h4,
            &[std::ffi::OsStr::new("package"), chart().as_os_str(), "--destination".as_ref(), repo.as_os_str()],
            "",
            &home.dir,
        ),
        "helm package",
    );
    let server = Server::serve(&repo);
    let url = format!("http://127.0.0.1:{}", server.port);
    ok(
        home.run(
            &h4,
            &[std::ffi::OsStr::new("repo"), "index".as_ref(), repo.as_os_str(), "--url".as_ref(), url.as_ref()],
            "",
            &home.dir,
        ),
        "helm repo index",
    );

    for major in [HelmMajor::V3, HelmMajor::V4] {
        for placeholders in [true, false] {
            let mut cfg = Config::guide_sample();
            let d = &mut cfg.deploy;
            d.helm_major = major;
            d.placeholders = placeholders;
            d.platform = Platform::Other;
            d.secret_style = SecretStyle::Stdin;
            d.chart_source = ChartSource::Repo;
            d.chart = "ixn-test/ixn".into();
            d.chart_repo_url = url.clone();
            d.chart_version = "100.0.0".into();
            d.chart_username = "reader".into();
            d.chart_password = "pa$$ 'w\"ord".into();
            // Complete, as an admin runs it (with errors the script stops at its guard).
            d.registry_username = "u".into();
            d.registry_password = "p".into();
            d.redis_password = "r".into();
            d.db_admin_password = "a".into();
            cfg.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_HOST, ixn_core::model::Value::Str("pg.infra.svc".into()));
            let script = artifacts(&cfg, ValuesOptions::default()).commands.script();
            assert!(!script.contains("NOT READY"), "{}", script.lines().take(12).collect::<Vec<_>>().join("\n"));

            // Its own Helm home per run: the repository is added from nothing each time.
            let run = HelmHome::new(&format!("helm-repo-{}-{placeholders}", major.number()));
            let (bin, work) = (run.dir.join("bin"), run.dir.join("work"));
            fs::create_dir_all(&bin).unwrap();
            fs::create_dir_all(&work).unwrap();
            for p in ["kubectl", "gcloud", "az", "psql"] {
                fs::write(bin.join(p), STUB).unwrap();
            }
            // helm itself is real; only `upgrade --install` (it needs a cluster) is recorded.
            let real = helm(major.number());
            fs::write(
                bin.join("helm"),
                format!("#!/usr/bin/env bash\nif [[ $1 == upgrade ]]; then printf '%s\\n' \"$*\" >> upgrade.log; exit 0; fi\nexec '{}' \"$@\"\n", real.display()),
            )
            .unwrap();
            ok(Command::new("chmod").arg("-R").arg("+x").arg(&bin).output().unwrap(), "chmod");
            fs::write(run.dir.join("deploy.sh"), &script).unwrap();
            let mut cmd = Command::new("bash");
            cmd.arg(run.dir.join("deploy.sh")).current_dir(&work).stdin(Stdio::null());
            cmd.env("PATH", format!("{}:{}", bin.display(), std::env::var("PATH").unwrap()));
            for (k, v) in run.env() {
                cmd.env(k, v);
            }
            let out = cmd.output().unwrap();
            let what = format!("Helm {} placeholders {placeholders}", major.number());
            let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
            assert!(out.status.success(), "{what}: the deploy script failed:\n{stderr}\n{script}");
            assert!(!stderr.contains("deprecated"), "{what}: {stderr}");
            // The repository is registered under the chart's repo name, at the URL.
            let list = ok(run.run(&real, &["repo", "list", "-o", "json"], "", &work), "helm repo list");
            let repos: serde_json::Value = serde_json::from_str(&list).unwrap();
            assert_eq!(repos[0]["name"], "ixn-test", "{what}");
            assert_eq!(repos[0]["url"].as_str(), Some(url.as_str()), "{what}");
            // helm template rendered the served chart, at the pinned version.
            let rendered =
                fs::read_to_string(work.join("ixn-100-rendered.yaml")).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert!(rendered.contains("kind: StatefulSet") && rendered.contains("name: \"ixn-100-sts\""), "{what}");
            assert!(rendered.contains("helm.sh/chart: \"ixn-100.0.0\""), "{what}");
            assert!(rendered.contains("\"pg.infra.svc\""), "{what}: the values reached the chart");
            let upgrade = fs::read_to_string(work.join("upgrade.log")).unwrap();
            assert!(
                upgrade.starts_with(
                    "upgrade --install ixn-100 ixn-test/ixn --version 100.0.0 --namespace ixn -f override_values.yaml"
                ),
                "{what}: {upgrade}"
            );
        }
    }
    drop(server);
}
