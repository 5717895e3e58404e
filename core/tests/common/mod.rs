//! Helpers the integration tests share: the real clients in `.tools/` (installed by
//! `scripts/setup.sh --browser`), a private Helm home, and an unreachable cluster.
#![allow(dead_code)] // each test file uses some of these

pub mod schemas;
pub mod tenant;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A program on PATH, if this machine has it.
pub fn on_path(program: &str) -> Option<PathBuf> {
    let out = Command::new("sh").arg("-c").arg(format!("command -v {program}")).output().ok()?;
    let p = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!p.is_empty()).then(|| PathBuf::from(p))
}

/// A file of `../shared`, the reference material beside a clone (`rel` under it), if it
/// is there. A plain clone of the repository has no `../shared`: the test then says
/// what is missing and passes without checking. CI (`CI=true`) has it, so there a
/// missing file fails the test instead of skipping it.
pub fn shared(rel: &str) -> Option<String> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared").join(rel);
    match std::fs::read_to_string(&p) {
        Ok(text) => Some(text),
        Err(e) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("{}: {e}; CI must have ../shared, so this test may not skip there", p.display())
        }
        Err(e) => {
            eprintln!(
                "skipped: {} is not readable ({e}); it is the reference material beside a full checkout",
                p.display()
            );
            None
        }
    }
}

/// A file or folder of `../shared` (`rel` under it), if it is there: [`shared`]'s rule
/// (a skip with a message in a plain clone, a failure in CI) for tests that hand the
/// path to a client.
pub fn shared_path(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared").join(rel);
    if p.exists() {
        return Some(p);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("{} is missing; CI must have ../shared, so this test may not skip there", p.display());
    }
    eprintln!("skipped: {} is missing; it is the reference material beside a full checkout", p.display());
    None
}

/// Free text for property tests: any printable Unicode, ASCII control characters, and
/// what YAML 1.1 or JSON would read as something else if it were written bare.
pub fn any_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![
        "\\PC{0,30}",
        "[\\x00-\\x7f]{0,12}",
        prop::sample::select(vec![
            "yes", "on", "n", "~", "null", "1_000", "12:30", "0x1F", "007", "1e3", " x", "x ", "-", "#", "'", "\"",
            "${X}", ""
        ])
        .prop_map(String::from),
    ]
}

/// Free text a values file can carry, for the tests that send it through Helm: as
/// [`any_text`] without NUL (no YAML file holds one), and with more of what YAML 1.1
/// reads as something else when bare (`.inf`, dates, `0o17`, a BOM, NEL).
pub fn values_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![
        "\\PC{0,16}",
        "[\\x01-\\x7f]{0,10}",
        // What YAML 1.1 reads as something else when bare.
        prop::sample::select(vec![
            "yes",
            "on",
            "n",
            "N",
            "~",
            "null",
            "1_000",
            "12:30",
            "0x1F",
            "0o17",
            "0100",
            "1e3",
            ".inf",
            "2001-12-14",
            " x",
            "x ",
            "-",
            "#",
            "'",
            "\"",
            "${X}",
            "{{ .x }}",
            "<<",
            "",
            "a: b",
            "\u{FEFF}x",
            "\u{85}"
        ])
        .prop_map(String::from),
    ]
}

/// The repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The command that installs the real clients.
pub const INSTALL: &str = "scripts/setup.sh --browser";

/// A real client from `.tools/` (`rel`, e.g. `helm4/helm`). Fails the test, naming the
/// install command, when it is missing: the tests never fall back to stubs.
pub fn tool(rel: &str) -> PathBuf {
    let p = repo_root().join(".tools").join(rel);
    assert!(
        p.is_file(),
        "{} is missing: run `{INSTALL}` at the repository root (it installs Helm 3, Helm 4, kubectl and kubernetes-validate into .tools/)",
        p.display()
    );
    p
}

/// The Helm majors the portal writes commands for.
pub const HELM_MAJORS: [u8; 2] = [3, 4];

/// The real `helm` of a major (3: v3.17.2, 4: v4.3.1).
pub fn helm(major: u8) -> PathBuf {
    tool(&format!("helm{major}/helm"))
}

/// The real kubectl (v1.37.1).
pub fn kubectl() -> PathBuf {
    tool("kubectl/kubectl")
}

/// `kubernetes-validate` (the Kubernetes 1.37 schemas, offline).
pub fn kubernetes_validate() -> PathBuf {
    tool("pyvenv/bin/kubernetes-validate")
}

/// A fresh, empty temporary folder for one test.
pub fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ixn-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A port on 127.0.0.1 where nothing listens (bound, then released).
pub fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A private Helm: its config, cache and data under `dir`, and a kubeconfig naming a
/// cluster on a closed loopback port, so nothing of this machine's is read or written
/// and whatever needs a cluster says "cluster unreachable".
pub struct HelmHome {
    /// The folder holding it all.
    pub dir: PathBuf,
}

impl HelmHome {
    /// Makes one under a fresh temporary folder.
    pub fn new(tag: &str) -> HelmHome {
        let dir = temp_dir(tag);
        for d in ["config", "cache", "data"] {
            std::fs::create_dir_all(dir.join(d)).unwrap();
        }
        let kubeconfig = format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: nowhere\n  cluster:\n    server: https://127.0.0.1:{}\ncontexts:\n- name: nowhere\n  context:\n    cluster: nowhere\n    user: nobody\n    namespace: default\ncurrent-context: nowhere\nusers:\n- name: nobody\n  user:\n    token: none\n",
            closed_port()
        );
        std::fs::write(dir.join("kubeconfig"), kubeconfig).unwrap();
        // kubectl and helm refuse a world-readable kubeconfig only with a warning; keep it private.
        Command::new("chmod").arg("600").arg(dir.join("kubeconfig")).status().unwrap();
        HelmHome { dir }
    }

    /// The environment a helm or kubectl run gets.
    pub fn env(&self) -> Vec<(&'static str, PathBuf)> {
        vec![
            ("HELM_CONFIG_HOME", self.dir.join("config")),
            ("HELM_CACHE_HOME", self.dir.join("cache")),
            ("HELM_DATA_HOME", self.dir.join("data")),
            ("KUBECONFIG", self.dir.join("kubeconfig")),
        ]
    }

    /// `program args…` in `cwd` with this home and `stdin`.
    pub fn run<S: AsRef<std::ffi::OsStr>>(&self, program: &Path, args: &[S], stdin: &str, cwd: &Path) -> Output {
        use std::io::Write;
        let mut cmd = Command::new(program);
        cmd.args(args).current_dir(cwd).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        for (k, v) in self.env() {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().unwrap_or_else(|e| panic!("{}: {e}", program.display()));
        // It may exit before reading all of it.
        let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
        child.wait_with_output().unwrap()
    }
}

impl Drop for HelmHome {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The guide's sample with the portal's database bootstrap on and no DB host, as the
/// sample was before it kept the guide's `${POSTGRES_ADDR}` and left the databases to
/// the chart (dbinit): the tests of the bootstrap pod and its secrets start from it.
pub fn bootstrapped_sample() -> ixn_core::model::Config {
    let mut cfg = ixn_core::model::Config::guide_sample();
    cfg.deploy.db_bootstrap = true;
    cfg.values.unset(ixn_core::registry::keys::IXN_SERVICE_IXN_SERVER_DB_HOST);
    cfg
}
