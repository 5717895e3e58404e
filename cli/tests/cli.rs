//! The `ixn-portal` binary end to end: what it writes is byte for byte what the
//! portal's "Download everything" gives (the same core function, `download`), its exit
//! codes say what happened, bad input is named by file, line and column, output is all
//! or nothing, and secrets never come from the command line.

use ixn_core::delivery::download;
use ixn_core::generate::values_yaml::ValuesOptions;
use ixn_core::model::{Config, SecretStyle, Value};
use ixn_core::profile::Profile;
use ixn_core::registry::keys;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ixn-portal"));
    // The tests decide which variables it sees.
    c.env_clear().env("PATH", std::env::var_os("PATH").unwrap_or_default());
    c
}

fn run(args: &[&str], dir: &Path) -> Output {
    bin().args(args).current_dir(dir).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[path = "../../core/tests/common/tenant.rs"]
mod tenant;

#[path = "../../core/tests/common/schemas.rs"]
mod schemas;

/// A complete tenant: the guide's sample with real values and every secret set.
fn sample() -> Config {
    tenant::complete_tenant()
}

/// Text that breaks naive YAML, shell, JSON and SQL writers, in every kind of field.
fn hostile() -> Config {
    let mut cfg = sample();
    let nasty = "it's \"quoted\" $(rm -rf /) `x` \\ ü 🎉 #: - yes";
    cfg.values.set(keys::TENANT_ID, Value::Str(nasty.into()));
    cfg.values.set(keys::IXN_SERVICE_IXN_SERVER_CONF_SERVER_APP_NAME, Value::Str("on".into()));
    cfg.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_HOST, Value::Str("0100".into()));
    cfg.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_NAME, Value::Str("db'; DROP TABLE x; --".into()));
    cfg.values.set(keys::POD_LABELS, Value::Map(vec![("team".into(), "a: b".into()), ("team".into(), "12:30".into())]));
    cfg.deploy.db_owner_password = "p'w\"d $HOME !x".into();
    cfg.deploy.redis_password = "r\\n'\"".into();
    cfg.deploy.secret_style = SecretStyle::Stdin;
    cfg.deploy.namespace = "tenant-ü".into();
    cfg
}

fn write_profile(dir: &Path, name: &str, cfg: &Config) -> PathBuf {
    let path = dir.join(name);
    let p = Profile::of(cfg, true);
    std::fs::write(&path, if name.ends_with(".json") { p.to_json_text() } else { p.to_yaml_text() }).unwrap();
    path
}

/// The files under `dir`, by relative path, with their bytes and whether executable.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>, bool)> {
    use std::os::unix::fs::PermissionsExt;
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let mode = std::fs::metadata(&p).unwrap().permissions().mode();
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.push((rel, std::fs::read(&p).unwrap(), mode & 0o111 != 0));
            }
        }
    }
    out.sort();
    out
}

/// The files of a `.tar`, extracted by the real tar (`folder` is where they sit in it).
fn untar(tar: &Path, folder: &str) -> Vec<(String, Vec<u8>, bool)> {
    let dir = tar.with_extension("extracted");
    std::fs::create_dir_all(&dir).unwrap();
    let ok = Command::new("tar").arg("-xf").arg(tar).current_dir(&dir).status().unwrap();
    assert!(ok.success(), "tar -xf {}", tar.display());
    let listed = tree(&dir);
    assert!(listed.iter().all(|(n, _, _)| n.starts_with(&format!("{folder}/"))), "all under {folder}/: {listed:?}");
    tree(&dir.join(folder))
}

/// Each file's mode under `dir`, by relative path.
fn modes(dir: &Path) -> Vec<(String, u32)> {
    use std::os::unix::fs::PermissionsExt;
    tree(dir)
        .into_iter()
        .map(|(n, _, _)| {
            let mode = std::fs::metadata(dir.join(&n)).unwrap().permissions().mode() & 0o777;
            (n, mode)
        })
        .collect()
}

/// The CRD schemas of ../shared, or a skip (a failure in CI).
fn crds() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/reference/crds");
    if p.is_dir() {
        return Some(p);
    }
    assert_ne!(std::env::var("CI").as_deref(), Ok("true"), "{} is missing; CI must have ../shared", p.display());
    eprintln!("skipped: {} is missing; it is the reference material beside a full checkout", p.display());
    None
}

/// A Git tree as written to disk, judged by the real clients: `kubectl kustomize` builds
/// every folder with a kustomization.yaml, and every manifest passes its schema.
fn judge_git_tree(git: &Path, what: &str) {
    let kubectl = Path::new(env!("CARGO_MANIFEST_DIR")).join("../.tools/kubectl/kubectl");
    assert!(kubectl.exists(), "{} is missing: run scripts/setup.sh --browser", kubectl.display());
    for (name, _, _) in tree(git).into_iter().filter(|(n, _, _)| n.ends_with("kustomization.yaml")) {
        let folder = git.join(&name).parent().unwrap().to_path_buf();
        let out = Command::new(&kubectl).arg("kustomize").arg(&folder).output().unwrap();
        assert!(out.status.success(), "{what}: kubectl kustomize {name}: {}", String::from_utf8_lossy(&out.stderr));
    }
    if let Some(crds) = crds() {
        schemas::python_ok();
        // Every manifest (the values files are not).
        let files: Vec<PathBuf> = tree(git)
            .into_iter()
            .filter(|(n, _, _)| n.ends_with(".yaml") && !n.ends_with("override_values.yaml"))
            .map(|(n, _, _)| git.join(n))
            .collect();
        assert!(!files.is_empty(), "{what}: no manifest");
        for s in schemas::validate_files(&crds, &files) {
            assert!(!s.starts_with("none") || s == "none kustomize.toolkit.fluxcd.io/v1/Kustomization", "{what}: {s}");
        }
    }
}

/// A complete tenant in `delivery`, with what a Git delivery needs.
fn in_delivery(delivery: ixn_core::model::Delivery) -> Config {
    let mut cfg = sample();
    cfg.deploy.delivery = delivery;
    cfg.deploy.chart_repo_url = "https://charts.example.com/genesys".into();
    cfg.deploy.argocd.repo_url = "https://git.example.com/ixn.git".into();
    if delivery == ixn_core::model::Delivery::Argocd {
        cfg.deploy.git.secrets_from = ixn_core::model::SecretsFrom::ExternalSecrets;
        cfg.deploy.store.gcp_project = "secrets-project".into();
    }
    cfg
}

/// What the portal downloads for the profile text: it loads a profile the same way.
fn portal_download(profile: &Path) -> ixn_core::artifacts::Download {
    let cfg = Profile::parse(&std::fs::read_to_string(profile).unwrap()).unwrap().to_config().unwrap();
    download(&cfg, ValuesOptions::default())
}

#[test]
fn render_writes_the_portals_download_byte_for_byte() {
    for (name, cfg) in [("sample.yaml", sample()), ("hostile.json", hostile())] {
        let tmp = tempfile::tempdir().unwrap();
        let profile = write_profile(tmp.path(), name, &cfg);
        let o = run(&["render", profile.to_str().unwrap(), "--out", "out", "--allow-errors"], tmp.path());
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let expected = portal_download(&profile);
        let want: Vec<(String, Vec<u8>, bool)> = {
            let mut v: Vec<_> =
                expected.relative().map(|(n, f)| (n.to_string(), f.data.clone(), f.executable)).collect();
            v.sort();
            v
        };
        assert_eq!(tree(&tmp.path().join("out")), want, "{name}");
        // Each file has the mode the portal's .tar gives it: files that hold secrets are
        // for their owner only.
        for (rel, f) in expected.relative() {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(tmp.path().join("out").join(rel)).unwrap().permissions().mode() & 0o777;
            assert_eq!(u64::from(mode), f.mode(), "{name}: {rel}");
        }
        let secrets_mode = {
            use std::os::unix::fs::PermissionsExt;
            std::fs::metadata(tmp.path().join("out/secrets.json")).unwrap().permissions().mode() & 0o777
        };
        assert_eq!(secrets_mode, 0o600, "{name}: secrets.json");
        // With --allow-errors, deploy.sh carries the portal's guard: it names the errors
        // and stops there, as bash runs it.
        let deploy = std::fs::read_to_string(tmp.path().join("out/deploy.sh")).unwrap();
        let cfg_errors = ixn_core::validate::findings(&cfg)
            .into_iter()
            .filter(|f| f.severity == ixn_core::validate::Severity::Error)
            .count();
        if cfg_errors == 0 {
            assert!(!deploy.contains("NOT READY"), "{name}");
        } else {
            let n = ixn_core::wording::count(cfg_errors, "error");
            assert!(deploy.contains(&format!("# NOT READY: the configuration has {n}.")), "{name}");
            let ran = std::process::Command::new("bash")
                .arg(tmp.path().join("out/deploy.sh"))
                .current_dir(tmp.path())
                .output()
                .unwrap();
            assert_eq!(ran.status.code(), Some(1), "{name}");
            assert!(String::from_utf8_lossy(&ran.stderr).contains("not ready"), "{name}");
        }
        // --tar writes the very archive the portal's button gives.
        let o = run(&["render", profile.to_str().unwrap(), "--tar", "all.tar", "--allow-errors", "-q"], tmp.path());
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(std::fs::read(tmp.path().join("all.tar")).unwrap(), expected.tar(), "{name}");
        assert_eq!(stderr(&o), "", "--quiet prints nothing");
    }
}

#[test]
fn render_with_full_and_comments_matches_the_portals_toggles() {
    let tmp = tempfile::tempdir().unwrap();
    let profile = write_profile(tmp.path(), "p.yaml", &sample());
    let o = run(&["render", profile.to_str().unwrap(), "--out", "out", "--full", "--comments"], tmp.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let cfg = Profile::parse(&std::fs::read_to_string(&profile).unwrap()).unwrap().to_config().unwrap();
    let opts = ValuesOptions { form: ixn_core::generate::values_yaml::Form::Full, comments: true, schema_line: false };
    let d = download(&cfg, opts);
    let (_, values) = d.relative().next().unwrap();
    assert_eq!(std::fs::read(tmp.path().join("out/override_values.yaml")).unwrap(), values.data);
}

#[test]
fn render_refuses_errors_and_leaves_the_folder_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let mut cfg = sample();
    cfg.values.set(keys::TENANT_SID, Value::Str("1x".into()));
    let profile = write_profile(tmp.path(), "p.yaml", &cfg);
    let o = run(&["render", profile.to_str().unwrap(), "--out", "out"], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("tenant.sid: error: The tenant short ID must be digits only"), "{}", stderr(&o));
    assert!(stderr(&o).contains("nothing written"));
    assert!(!tmp.path().join("out").exists());
    // A folder with something in it is replaced only with --force, and a refused run
    // leaves it exactly as it was.
    std::fs::create_dir(tmp.path().join("out")).unwrap();
    std::fs::write(tmp.path().join("out/keep.txt"), "mine").unwrap();
    let good = write_profile(tmp.path(), "good.yaml", &sample());
    let o = run(&["render", good.to_str().unwrap(), "--out", "out"], tmp.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("out: exists and is not empty; --force replaces it"), "{}", stderr(&o));
    let o = run(&["render", profile.to_str().unwrap(), "--out", "out", "--force"], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(tree(&tmp.path().join("out")), [("keep.txt".to_string(), b"mine".to_vec(), false)]);
    let o = run(&["render", good.to_str().unwrap(), "--out", "out", "--force"], tmp.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!tmp.path().join("out/keep.txt").exists());
    assert!(tmp.path().join("out/deploy.sh").exists());
    // Nothing is left beside it.
    let names: Vec<String> =
        std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.starts_with(".ixn-portal")), "{names:?}");
}

#[test]
fn check_exits_by_severity_and_prints_json() {
    let tmp = tempfile::tempdir().unwrap();
    let clean = write_profile(tmp.path(), "clean.yaml", &sample());
    let o = run(&["check", clean.to_str().unwrap()], tmp.path());
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    // A warning only: 0, or 1 with --strict.
    let mut warn = sample();
    warn.deploy.redis_password.clear();
    let warn = write_profile(tmp.path(), "warn.yaml", &warn);
    let o = run(&["check", warn.to_str().unwrap()], tmp.path());
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        "redis.password: warning: There is no Redis password: that is fine only if Redis has no authentication.\n"
    );
    let o = run(&["check", warn.to_str().unwrap(), "--strict"], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    let o = run(&["check", warn.to_str().unwrap(), "--format", "json"], tmp.path());
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["warnings"], 1);
    assert_eq!(json["errors"], 0);
    assert_eq!(json["findings"][0]["path"], "redis.password");
    assert_eq!(json["findings"][0]["severity"], "warning");
    // An error: 1, and the findings are exactly the portal's.
    let mut bad = sample();
    bad.deploy.namespace = "Bad_NS".into();
    let path = write_profile(tmp.path(), "bad.yaml", &bad);
    let o = run(&["check", path.to_str().unwrap(), "--format", "json"], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let cfg = Profile::parse(&std::fs::read_to_string(&path).unwrap()).unwrap().to_config().unwrap();
    assert_eq!(json["findings"], serde_json::to_value(ixn_core::validate::findings(&cfg)).unwrap());
}

#[test]
fn bad_input_is_named_by_file_line_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("broken.yaml"), "format: ixn-portal-profile\nvalues:\n  tenant: [1,\n").unwrap();
    let o = run(&["check", "broken.yaml"], tmp.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("ixn-portal: broken.yaml:"), "{}", stderr(&o));
    assert!(regex_like_position(&stderr(&o), "broken.yaml"), "{}", stderr(&o));
    std::fs::write(tmp.path().join("values.yaml"), "tenant:\n  sid: \"1\"\n   bad: x\n").unwrap();
    let o = run(&["import", "values.yaml", "-o", "p.yaml"], tmp.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(regex_like_position(&stderr(&o), "values.yaml"), "{}", stderr(&o));
    assert!(!tmp.path().join("p.yaml").exists());
    std::fs::write(tmp.path().join("plain.yaml"), "tenant:\n  sid: \"1\"\n").unwrap();
    let o = run(&["render", "plain.yaml", "--out", "o"], tmp.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("plain.yaml: not a portal profile"), "{}", stderr(&o));
    let o = run(&["render", "missing.yaml", "--out", "o"], tmp.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.yaml: cannot read it"), "{}", stderr(&o));
}

/// Whether `text` holds `file:LINE:COLUMN: `.
fn regex_like_position(text: &str, file: &str) -> bool {
    text.split(&format!("{file}:")).skip(1).any(|rest| {
        let mut parts = rest.splitn(3, ':');
        let (l, c) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        !l.is_empty() && l.chars().all(|c| c.is_ascii_digit()) && !c.is_empty() && c.chars().all(|c| c.is_ascii_digit())
    })
}

#[test]
fn import_writes_a_profile_with_the_portals_report_and_renders_the_same() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("a.yaml"), "tenant:\n  sid: \"100\"\n  id: x\nimage:\n  pullPolicey: Always\n")
        .unwrap();
    std::fs::write(tmp.path().join("b.yaml"), "tenant:\n  sid: \"101\"\nixnVQNode:\n  serviceAccount:\n    name: null\nixnService:\n  ixnServer:\n    secrets:\n      db:\n        password: S3cret-values\n").unwrap();
    let o = run(&["import", "a.yaml", "b.yaml", "-o", "p.yaml"], tmp.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("Imported 2 files: "), "{err}");
    assert!(err.contains("unknown key, kept: image.pullPolicey: did you mean pullPolicy?"), "{err}");
    assert!(err.contains("null: ixnVQNode.serviceAccount.name"), "{err}");
    assert!(err.contains("left out of the profile (credentials; --with-secrets keeps them): ixnService.ixnServer.secrets.db.password"), "{err}");
    let text = std::fs::read_to_string(tmp.path().join("p.yaml")).unwrap();
    assert!(!text.contains("S3cret-values"));
    let cfg = Profile::parse(&text).unwrap().to_config().unwrap();
    assert_eq!(cfg.values.get(keys::TENANT_SID), Some(&Value::Str("101".into())), "later files win");
    // Refuses to overwrite unless asked; --with-secrets keeps them; .json writes JSON.
    let o = run(&["import", "a.yaml", "-o", "p.yaml"], tmp.path());
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["import", "a.yaml", "b.yaml", "-o", "p.json", "--with-secrets", "-q"], tmp.path());
    assert!(o.status.success());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(tmp.path().join("p.json")).unwrap()).unwrap();
    assert_eq!(json["values"]["ixnService"]["ixnServer"]["secrets"]["db"]["password"], "S3cret-values");
}

#[test]
fn secrets_come_from_the_environment_or_a_file_never_from_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let mut cfg = sample();
    cfg.deploy.redis_password.clear();
    let profile = write_profile(tmp.path(), "p.yaml", &cfg);
    // From the environment.
    let o = bin()
        .args(["render", "p.yaml", "--out", "env", "--secrets-env", "IXN_"])
        .env("IXN_REDIS_PASSWORD", "Env-S3cret")
        .env("IXN_REDIS_PASWORD", "typo")
        // For the profile's own tenant (sid 100) only.
        .env("IXN_DB_ADMIN_PASSWORD__100", "Env-Admin-100")
        .env("IXN_DB_OWNER_PASSWORD__999", "Env-Owner-999")
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(tmp.path().join("env/secrets.json")).unwrap().contains("Env-S3cret"));
    let script = std::fs::read_to_string(tmp.path().join("env/deploy.sh")).unwrap();
    assert!(script.contains("Env-Admin-100") && !script.contains("Env-Owner-999"));
    assert!(
        stderr(&o).contains("IXN_REDIS_PASWORD (from --secrets-env IXN_) names no credential field"),
        "{}",
        stderr(&o)
    );
    // From a file; the environment wins over it.
    std::fs::write(tmp.path().join("s.yaml"), "redis.password: File-S3cret\ndb.adminPassword: File-Admin\n").unwrap();
    let o = run(&["render", "p.yaml", "--out", "file", "--secrets-file", "s.yaml"], tmp.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let secrets = std::fs::read_to_string(tmp.path().join("file/secrets.json")).unwrap();
    assert!(secrets.contains("File-S3cret"));
    assert!(std::fs::read_to_string(tmp.path().join("file/deploy.sh")).unwrap().contains("File-Admin"));
    std::fs::write(tmp.path().join("bad.yaml"), "redis.pasword: x\n").unwrap();
    let o = run(&["render", "p.yaml", "--out", "bad", "--secrets-file", "bad.yaml"], tmp.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.yaml:1:1: redis.pasword is not a credential field"), "{}", stderr(&o));
    // No option takes a secret: the only options any subcommand has are these.
    let allowed = [
        "--values",
        "--out",
        "--tar",
        "--force",
        "--allow-errors",
        "--full",
        "--comments",
        "--schema-line",
        "--chart",
        "--secrets-env",
        "--secrets-file",
        "--quiet",
        "--help",
        "--version",
        "--format",
        "--strict",
        "--output",
        "--with-secrets",
        "--base",
        "--tenants",
        "--keep-going",
    ];
    for sub in ["render", "check", "import", "batch"] {
        let help = stdout(&run(&[sub, "--help"], tmp.path()));
        for word in help.split_whitespace().filter(|w| w.starts_with("--")) {
            let flag = word.trim_end_matches([',', '.', ')', ';', ':']).split(['=', '[', '<']).next().unwrap();
            assert!(allowed.contains(&flag), "{sub} has {flag}");
        }
    }
    let o = run(&["render", "p.yaml", "--out", "x", "--redis-password", "x"], tmp.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(!profile.with_file_name("x").exists());
}

fn tenants_base(dir: &Path) -> PathBuf {
    let mut cfg = sample();
    cfg.deploy.redis_password.clear();
    cfg.deploy.db_admin_password.clear();
    write_profile(dir, "base.yaml", &cfg)
}

#[test]
fn batch_renders_a_folder_per_tenant_an_index_and_a_deploy_all_script() {
    let tmp = tempfile::tempdir().unwrap();
    tenants_base(tmp.path());
    std::fs::write(tmp.path().join("t.csv"), "tenant.sid,deploy.namespace\n101,t-101\n102,t-102\n").unwrap();
    std::fs::write(
        tmp.path().join("s.yaml"),
        "db.adminPassword: Admin-S3cret\ntenants:\n  \"102\":\n    redis.password: Only-102\n",
    )
    .unwrap();
    let o = bin()
        .args([
            "batch",
            "--base",
            "base.yaml",
            "--tenants",
            "t.csv",
            "--out",
            "out",
            "--secrets-file",
            "s.yaml",
            "--secrets-env",
            "IXN_",
        ])
        .env("IXN_REDIS_PASSWORD", "All-S3cret")
        .env("IXN_DB_OWNER_PASSWORD__101", "Owner-101")
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    // Not a terminal: no progress bar, only the summary.
    assert_eq!(stderr(&o), "rendered 2 of 2 tenants into out\n");
    let files: Vec<String> =
        tree(&tmp.path().join("out")).into_iter().map(|(n, _, x)| format!("{n}{}", if x { "*" } else { "" })).collect();
    assert_eq!(
        files,
        [
            "deploy-all.sh*",
            "ixn-101/deploy.sh*",
            "ixn-101/override_values.yaml",
            "ixn-101/secrets.json",
            "ixn-101/values.schema.json",
            "ixn-102/deploy.sh*",
            "ixn-102/override_values.yaml",
            "ixn-102/secrets.json",
            "ixn-102/values.schema.json",
            "tenants.csv",
        ]
    );
    let read = |p: &str| std::fs::read_to_string(tmp.path().join("out").join(p)).unwrap();
    // Each folder is exactly what render (and the portal) gives for that tenant.
    let mut one = sample();
    one.values.set(keys::TENANT_SID, Value::Str("101".into()));
    one.deploy.namespace = "t-101".into();
    one.deploy.redis_password = "All-S3cret".into();
    one.deploy.db_admin_password = "Admin-S3cret".into();
    one.deploy.db_owner_password = "Owner-101".into();
    let profile = Profile::of(&one, true).to_yaml_text();
    let cfg = Profile::parse(&profile).unwrap().to_config().unwrap();
    for (name, f) in download(&cfg, ValuesOptions::default()).relative() {
        assert_eq!(read(&format!("ixn-101/{name}")).as_bytes(), f.data.as_slice(), "{name}");
    }
    assert!(read("ixn-102/secrets.json").contains("Only-102"));
    assert!(!read("ixn-102/deploy.sh").contains("Owner-101"), "one tenant's secret stays with it");
    let index = read("tenants.csv");
    assert!(index.starts_with("row,status,folder,sid,release,namespace,databases,errors,warnings,findings\n1,rendered,ixn-101,101,ixn-101,t-101,"), "{index}");
    for secret in ["All-S3cret", "Admin-S3cret", "Only-102", "Owner-101"] {
        assert!(
            !index.contains(secret) && !read("deploy-all.sh").contains(secret),
            "{secret} is in the index or the script"
        );
    }
}

#[test]
fn batch_is_all_or_nothing_and_keep_going_writes_the_good_rows() {
    let tmp = tempfile::tempdir().unwrap();
    tenants_base(tmp.path());
    std::fs::write(tmp.path().join("s.yaml"), "db.adminPassword: a\nredis.password: r\n").unwrap();
    // Row 2 repeats row 1's sid; row 3 has a bad cell.
    std::fs::write(
        tmp.path().join("t.csv"),
        "tenant.sid,deploy.namespace,consul.connect\n101,a,true\n101,b,true\n103,c,perhaps\n104,d,false\n",
    )
    .unwrap();
    std::fs::create_dir(tmp.path().join("out")).unwrap();
    std::fs::write(tmp.path().join("out/previous.txt"), "old").unwrap();
    let args =
        ["batch", "--base", "base.yaml", "--tenants", "t.csv", "--out", "out", "--secrets-file", "s.yaml", "--force"];
    let o = run(&args, tmp.path());
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(
            "t.csv:3:1: row 2, tenant.sid: error: the tenant sid \"101\" is also row 1's; two tenants cannot share it"
        ),
        "{err}"
    );
    assert!(err.contains("t.csv:4:7: row 3, consul.connect: error: \"perhaps\" is not true or false"), "{err}");
    assert!(
        err.contains("ixn-portal: nothing written: 2 of 4 rows have errors (--keep-going writes the others)"),
        "{err}"
    );
    assert_eq!(
        tree(&tmp.path().join("out")),
        [("previous.txt".to_string(), b"old".to_vec(), false)],
        "the folder is as it was"
    );

    let mut keep = args.to_vec();
    keep.push("--keep-going");
    let o = run(&keep, tmp.path());
    assert_eq!(o.status.code(), Some(1), "a failed row fails the run even with --keep-going");
    assert!(stderr(&o).contains("rendered 2 of 4 tenants into out; 2 failed (see tenants.csv)"), "{}", stderr(&o));
    let out = tmp.path().join("out");
    assert!(out.join("ixn-101/deploy.sh").exists() && out.join("ixn-104/deploy.sh").exists());
    assert!(!out.join("ixn-103").exists() && !out.join("previous.txt").exists());
    let index = std::fs::read_to_string(out.join("tenants.csv")).unwrap();
    let status: Vec<&str> = index.lines().skip(1).map(|l| l.split(',').nth(1).unwrap()).collect();
    assert_eq!(status, ["rendered", "failed", "failed", "rendered"]);
    let script = std::fs::read_to_string(out.join("deploy-all.sh")).unwrap();
    assert!(script.contains("deploy ixn-101 1\ndeploy ixn-104 4\n"), "{script}");
}

#[test]
fn batch_refuses_secrets_in_the_tenants_file_and_names_bad_files_by_line() {
    let tmp = tempfile::tempdir().unwrap();
    tenants_base(tmp.path());
    std::fs::write(tmp.path().join("t.csv"), "tenant.sid,db.ownerPassword\n101,hunter2\n").unwrap();
    let o = run(&["batch", "--base", "base.yaml", "--tenants", "t.csv", "--out", "out"], tmp.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("t.csv:1:12: db.ownerPassword is a credential; secrets never go in the tenants file"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("hunter2"));
    std::fs::write(tmp.path().join("t.yaml"), "- tenant.sid: \"101\"\n  deploy.namespace: [a\n").unwrap();
    let o = run(&["batch", "--base", "base.yaml", "--tenants", "t.yaml", "--out", "out"], tmp.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(regex_like_position(&stderr(&o), "t.yaml"), "{}", stderr(&o));
    // Credentials for a tenant that is not in the file are a mistake worth stopping for.
    std::fs::write(tmp.path().join("t.csv"), "tenant.sid\n101\n").unwrap();
    std::fs::write(tmp.path().join("s.yaml"), "tenants:\n  \"1O1\":\n    redis.password: x\n").unwrap();
    let o = run(
        &["batch", "--base", "base.yaml", "--tenants", "t.csv", "--out", "out", "--secrets-file", "s.yaml"],
        tmp.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--secrets-file: tenants.1O1 matches no row's tenant.sid"), "{}", stderr(&o));
    assert!(!tmp.path().join("out").exists());
}

#[test]
fn gitops_batches_write_the_portals_batch_tar_layout_byte_for_byte() {
    use ixn_core::batch::{render, Batch, Tenants};
    use ixn_core::model::Delivery;
    for delivery in [Delivery::Script, Delivery::Argocd, Delivery::Flux, Delivery::Genesys] {
        let tmp = tempfile::tempdir().unwrap();
        let mut cfg = sample();
        cfg.deploy.delivery = delivery;
        cfg.deploy.chart_repo_url = "https://charts.example.com/genesys".into();
        cfg.deploy.argocd.repo_url = "https://git.example.com/ixn.git".into();
        let base = write_profile(tmp.path(), "base.yaml", &cfg);
        let csv = "tenant.sid,deploy.namespace\n101,t-101\n102,t-102\n103,t-103\n";
        std::fs::write(tmp.path().join("t.csv"), csv).unwrap();
        let o = run(&["batch", "--base", "base.yaml", "--tenants", "t.csv", "--out", "out", "--quiet"], tmp.path());
        assert!(o.status.success(), "{delivery:?}: {}", stderr(&o));
        // What the portal's "Download all tenants" holds for the same base and rows.
        let cfg = Profile::parse(&std::fs::read_to_string(&base).unwrap()).unwrap().to_config().unwrap();
        let batch = Batch::new(cfg, Tenants::parse("t.csv", csv).unwrap());
        let files = render::all(&batch, &batch.check(), ValuesOptions::default(), &|_| {}).unwrap();
        let o = run(&["batch", "--base", "base.yaml", "--tenants", "t.csv", "--tar", "all.tar", "-q"], tmp.path());
        assert!(o.status.success(), "{delivery:?}: {}", stderr(&o));
        let tar = render::tree(files.clone()).tar();
        assert!(std::fs::read(tmp.path().join("all.tar")).unwrap() == tar, "{delivery:?}: the portal's batch .tar");
        let mut want: Vec<(String, Vec<u8>, bool)> =
            files.iter().map(|f| (f.name.clone(), f.data.clone(), f.executable)).collect();
        want.sort();
        assert_eq!(tree(&tmp.path().join("out")), want, "{delivery:?}");
        let names: Vec<&str> = want.iter().map(|(n, _, _)| n.as_str()).collect();
        match delivery {
            Delivery::Script => assert!(names.contains(&"deploy-all.sh") && names.contains(&"ixn-101/deploy.sh")),
            Delivery::Argocd => {
                assert!(names.contains(&"git/applicationset.yaml") && names.contains(&"git/README.md"), "{names:?}")
            }
            Delivery::Flux => assert!(names.contains(&"git/kustomization.yaml"), "{names:?}"),
            Delivery::Genesys => {
                assert!(names.contains(&"git/services/ixn/01_chart_ixn/02_release_ixn-102/override_values.yaml"))
            }
        }
        if delivery != Delivery::Script {
            assert!(names.contains(&"seed-secret-store.sh") && !names.contains(&"deploy-all.sh"), "{names:?}");
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(tmp.path().join("out/seed-secret-store.sh")).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "the seed holds secrets: its owner's only");
        }
    }
}

// `render --out` made no folders under git/ (exit 3 in every Git delivery) while
// `--tar` and `batch` did: all of them now write one tree through the core's writer.
#[test]
fn every_delivery_writes_one_tree_to_a_folder_a_tar_and_a_batch() {
    use ixn_core::model::Delivery;
    for delivery in [Delivery::Script, Delivery::Argocd, Delivery::Flux, Delivery::Genesys] {
        let what = format!("{delivery:?}");
        let tmp = tempfile::tempdir().unwrap();
        let profile = write_profile(tmp.path(), "p.yaml", &in_delivery(delivery));
        let o = run(&["render", profile.to_str().unwrap(), "--out", "out"], tmp.path());
        assert!(o.status.success(), "{what}: render --out: {}", stderr(&o));
        let expected = portal_download(&profile);
        let mut want: Vec<(String, Vec<u8>, bool)> =
            expected.relative().map(|(n, f)| (n.to_string(), f.data.clone(), f.executable)).collect();
        want.sort();
        let out = tmp.path().join("out");
        assert_eq!(tree(&out), want, "{what}: render --out is the portal's download");
        let o = run(&["render", profile.to_str().unwrap(), "--tar", "one.tar"], tmp.path());
        assert!(o.status.success(), "{what}: render --tar: {}", stderr(&o));
        let tar = tmp.path().join("one.tar");
        assert_eq!(std::fs::read(&tar).unwrap(), expected.tar(), "{what}: render --tar is the portal's .tar");
        assert_eq!(untar(&tar, &expected.folder), want, "{what}: the .tar holds the folder's files");
        let want_modes: Vec<(String, u32)> = {
            let mut v: Vec<_> = expected.relative().map(|(n, f)| (n.to_string(), f.mode() as u32)).collect();
            v.sort();
            v
        };
        assert_eq!(modes(&out), want_modes, "{what}: the folder's modes are the .tar's");
        assert_eq!(modes(&tar.with_extension("extracted").join(&expected.folder)), want_modes, "{what}");

        // A batch: the same tree into a folder and into the portal's batch .tar.
        std::fs::write(tmp.path().join("t.csv"), "tenant.sid,deploy.namespace\n101,t-101\n102,t-102\n").unwrap();
        let o = run(&["batch", "--base", "p.yaml", "--tenants", "t.csv", "--out", "many", "-q"], tmp.path());
        assert!(o.status.success(), "{what}: batch --out: {}", stderr(&o));
        let o = run(&["batch", "--base", "p.yaml", "--tenants", "t.csv", "--tar", "many.tar", "-q"], tmp.path());
        assert!(o.status.success(), "{what}: batch --tar: {}", stderr(&o));
        let many = tree(&tmp.path().join("many"));
        assert_eq!(untar(&tmp.path().join("many.tar"), ixn_core::batch::render::TAR_FOLDER), many, "{what}");
        assert_eq!(
            modes(&tmp.path().join("many.tar").with_extension("extracted").join("ixn-tenants")),
            modes(&tmp.path().join("many")),
            "{what}"
        );
        if delivery == Delivery::Script {
            // Each row's folder is what render writes for that tenant.
            assert!(many.iter().any(|(n, _, _)| n == "ixn-101/deploy.sh"), "{what}: {many:?}");
        } else {
            judge_git_tree(&out.join("git"), &format!("{what}: render --out"));
            judge_git_tree(&tmp.path().join("many/git"), &format!("{what}: batch --out"));
        }
    }
}

/// The stand-in chart's defaults: what `helm show values` gives for the guide's chart.
const CHART_VALUES: &str = include_str!("../../core/tests/charts/ixn/values.yaml");

#[test]
fn diff_prints_each_changed_key_masks_secrets_and_exits_as_git_diff_does() {
    let tmp = tempfile::tempdir().unwrap();
    let profile = write_profile(tmp.path(), "sample.yaml", &sample());
    std::fs::write(tmp.path().join("chart.yaml"), CHART_VALUES).unwrap();
    let p = profile.to_str().unwrap();
    let o = run(&["diff", p, "--against", "chart.yaml"], tmp.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("# against the chart defaults: "), "{out}");
    assert!(out.lines().any(|l| l == "~ image.registry: \"\" → pureengage-docker-staging.jfrog.io"), "{out}");
    assert!(out.lines().any(|l| l == "~ ixnService.ixnServer.secrets.db.password: null → ••••••"), "{out}");
    assert!(!out.contains("password\n"), "a secret leaked:\n{out}");
    // --exit-code: 1 with changes.
    let o = run(&["diff", p, "--against", "chart.yaml", "--exit-code"], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    // JSON, secrets shown on request.
    let o = run(&["diff", p, "--against", "chart.yaml", "--format", "json", "--show-secrets"], tmp.path());
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["against"], "defaults");
    let pw = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["path"] == "ixnService.ixnServer.secrets.db.password")
        .unwrap();
    assert_eq!(pw["secret"], true);
    assert_eq!(pw["new"], "password");
    assert_eq!(pw["field"], "ixnService.ixnServer.secrets.db.password");
}

#[test]
fn diff_against_the_deployed_release_warns_of_dropped_keys_and_refuses_bad_input_with_a_position() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = sample();
    let profile = write_profile(tmp.path(), "sample.yaml", &cfg);
    let p = profile.to_str().unwrap();
    // Deployed with what the profile writes now, plus a key it drops.
    let eff = ixn_core::model::Effective::of(&cfg);
    let now = ixn_core::generate::values_yaml::values_yaml(&cfg, &eff, ValuesOptions::default());
    std::fs::write(tmp.path().join("same.yaml"), &now).unwrap();
    let o = run(&["diff", p, "--against", "same.yaml", "--as", "deployed", "--exit-code"], tmp.path());
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    std::fs::write(tmp.path().join("deployed.yaml"), format!("{now}extraKey: 1\n")).unwrap();
    let o = run(&["diff", p, "--against", "deployed.yaml", "--as", "deployed", "--exit-code"], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("- extraKey: 1\n"), "{out}");
    assert!(out.contains("warning: extraKey: the deployed release sets this key and the new values drop it"), "{out}");
    // Bad input: exit 2, file:line:column.
    std::fs::write(tmp.path().join("bad.yaml"), "a: b\n  c: d\n").unwrap();
    let o = run(&["diff", p, "--against", "bad.yaml"], tmp.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.yaml:2:"), "{}", stderr(&o));
    let o = run(&["diff", p, "--against", "missing.yaml"], tmp.path());
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_profile_made_against_a_chart_file_needs_that_file_again() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("chart.yaml"), CHART_VALUES).unwrap();
    std::fs::write(tmp.path().join("other.yaml"), format!("{CHART_VALUES}extra: 1\n")).unwrap();
    let cfg = sample();
    let eff = ixn_core::model::Effective::of(&cfg);
    std::fs::write(
        tmp.path().join("values.yaml"),
        ixn_core::generate::values_yaml::values_yaml(&cfg, &eff, ValuesOptions::default()),
    )
    .unwrap();
    // `import --chart` records the file's digest.
    let o = run(&["import", "values.yaml", "--chart", "chart.yaml", "-o", "pinned.yaml", "--with-secrets"], tmp.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let pinned = std::fs::read_to_string(tmp.path().join("pinned.yaml")).unwrap();
    let digest = ixn_core::model::digest_of(CHART_VALUES);
    assert!(pinned.contains(&digest), "{pinned}");
    let o = run(&["check", "pinned.yaml"], tmp.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("give that file with --chart"), "{}", stderr(&o));
    let o = run(&["check", "pinned.yaml", "--chart", "other.yaml"], tmp.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not the chart values"), "{}", stderr(&o));
    let o =
        run(&["render", "pinned.yaml", "--chart", "chart.yaml", "--out", "out", "--allow-errors", "-q"], tmp.path());
    assert!(o.status.success(), "{}", stderr(&o));
}

/// A batch of `rows` tenants under `dir` (base.yaml, t.csv, s.yaml), big enough to be
/// caught half way through writing.
fn big_batch(dir: &Path, rows: usize) -> Vec<String> {
    tenants_base(dir);
    std::fs::write(dir.join("s.yaml"), "db.adminPassword: Admin-S3cret\nredis.password: Redis-S3cret\n").unwrap();
    let mut csv = String::from("tenant.sid,deploy.namespace\n");
    for i in 0..rows {
        csv.push_str(&format!("{},t-{i}\n", 1000 + i));
    }
    std::fs::write(dir.join("t.csv"), csv).unwrap();
    ["batch", "--base", "base.yaml", "--tenants", "t.csv", "--secrets-file", "s.yaml", "--out", "out"]
        .map(String::from)
        .to_vec()
}

/// The `.ixn-portal-new-*` folder in `dir`, once it holds at least `files` files.
fn staged(dir: &Path, files: usize) -> Option<PathBuf> {
    let stage = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(".ixn-portal-new-") && p.is_dir())?;
    let mut n = 0;
    let mut stack = vec![stage.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().filter_map(|e| e.ok()) {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                n += 1;
            }
        }
    }
    (n >= files).then_some(stage)
}

/// Starts `args` in `dir` and waits until it is writing (its temporary folder holds
/// files); fails if it ends first.
fn start_writing(args: &[String], dir: &Path) -> std::process::Child {
    let mut child = bin()
        .args(args)
        .current_dir(dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while staged(dir, 40).is_none() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the batch ended ({status}) before it could be caught writing: make it bigger");
        }
        assert!(start.elapsed().as_secs() < 120, "the batch never started writing");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child
}

/// What beside `out` the run made: temporary folders, files and lock files.
fn beside(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

// SIGINT or SIGTERM during a --force batch kept the old output but left the temporary
// folder beside it, full of plaintext secrets.json files.
#[test]
fn an_interrupted_batch_leaves_the_old_output_and_nothing_beside_it() {
    for (signal, code) in [(libc::SIGINT, 130), (libc::SIGTERM, 143)] {
        let tmp = tempfile::tempdir().unwrap();
        let mut args = big_batch(tmp.path(), 3000);
        args.push("--force".into());
        std::fs::create_dir(tmp.path().join("out")).unwrap();
        std::fs::write(tmp.path().join("out/previous.txt"), "old").unwrap();
        let child = start_writing(&args, tmp.path());
        // SAFETY: a plain kill(2) of the child this test started.
        assert_eq!(unsafe { libc::kill(child.id() as i32, signal) }, 0);
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(code), "signal {signal}: {}", stderr(&o));
        assert!(stderr(&o).contains("interrupted"), "{}", stderr(&o));
        assert_eq!(tree(&tmp.path().join("out")), [("previous.txt".to_string(), b"old".to_vec(), false)]);
        assert_eq!(beside(tmp.path()), Vec::<String>::new(), "signal {signal}: left beside the output");
    }
}

// SIGKILL cannot be caught: what it leaves is its owner's only.
#[test]
fn a_killed_batch_leaves_nothing_another_user_can_read() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let args = big_batch(tmp.path(), 3000);
    let mut child = start_writing(&args, tmp.path());
    child.kill().unwrap();
    child.wait().unwrap();
    let stage = staged(tmp.path(), 1).expect("SIGKILL leaves the temporary folder");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&stage), 0o700);
    let (mut files, mut secrets) = (0, 0);
    let mut stack = vec![stage.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                assert_eq!(mode(&p), 0o700, "{}", p.display());
                stack.push(p);
            } else {
                assert_eq!(mode(&p), 0o600, "{}", p.display());
                files += 1;
                secrets += usize::from(p.ends_with("secrets.json"));
            }
        }
    }
    assert!(files > 0 && secrets > 0, "{files} files, {secrets} secrets.json");
}

// Two runs to the same new --out both exited 0, the last silently replacing the
// other's output: the second now refuses, and says so.
#[test]
fn a_second_run_to_the_same_output_refuses_while_the_first_writes() {
    let tmp = tempfile::tempdir().unwrap();
    let args = big_batch(tmp.path(), 3000);
    let first = start_writing(&args, tmp.path());
    // The same output from a one-row file: it gets to writing while the first writes.
    std::fs::write(tmp.path().join("one.csv"), "tenant.sid\n1\n").unwrap();
    let mut one = args.clone();
    one[4] = "one.csv".into();
    let second = bin().args(&one).current_dir(tmp.path()).output().unwrap();
    let first = first.wait_with_output().unwrap();
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(second.status.code(), Some(3), "{}", stderr(&second));
    assert_eq!(
        stderr(&second),
        "ixn-portal: out: another ixn-portal run is writing it now (it holds ./.out.ixn-portal-lock); nothing written: run this again when it is done\n"
    );
    assert!(tmp.path().join("out/ixn-1000/deploy.sh").exists() && !tmp.path().join("out/ixn-1").exists());
    assert_eq!(beside(tmp.path()), Vec::<String>::new(), "no lock file nor temporary folder left");
    // A lock file a SIGKILL left does not stop the next run: the kernel released the
    // lock with the process.
    std::fs::write(tmp.path().join(".out.ixn-portal-lock"), "").unwrap();
    one.push("--force".into());
    let o = bin().args(&one).current_dir(tmp.path()).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(tmp.path().join("out/ixn-1/deploy.sh").exists());
    assert_eq!(beside(tmp.path()), Vec::<String>::new());
}

// The check before the work found the target free; something wrote it meanwhile: the
// write refuses instead of replacing it without --force.
#[test]
fn a_target_that_appears_while_a_batch_works_is_not_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let args = big_batch(tmp.path(), 1);
    // The tenants file is a pipe: the run opens it after checking its target.
    std::fs::remove_file(tmp.path().join("t.csv")).unwrap();
    assert!(Command::new("mkfifo").arg(tmp.path().join("t.csv")).status().unwrap().success());
    let child = bin()
        .args(&args)
        .current_dir(tmp.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = std::fs::OpenOptions::new().write(true).open(tmp.path().join("t.csv")).unwrap();
    std::fs::create_dir(tmp.path().join("out")).unwrap();
    std::fs::write(tmp.path().join("out/theirs.txt"), "theirs").unwrap();
    std::io::Write::write_all(&mut pipe, b"tenant.sid\n101\n").unwrap();
    drop(pipe);
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stderr(&o).contains("out: appeared while this run was working"), "{}", stderr(&o));
    assert_eq!(tree(&tmp.path().join("out")), [("theirs.txt".to_string(), b"theirs".to_vec(), false)]);
    assert_eq!(beside(tmp.path()), Vec::<String>::new());
}

// `cargo build --release` at the workspace root built two binaries named ixn-portal
// (the web app's native stub and this command), one overwriting the other.
#[test]
fn the_workspace_has_one_binary_named_ixn_portal() {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--no-deps", "--format-version", "1", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut bins: Vec<(String, String)> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| {
            p["targets"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|t| t["kind"].as_array().unwrap().iter().any(|k| k == "bin"))
                .map(|t| (t["name"].as_str().unwrap().to_string(), p["name"].as_str().unwrap().to_string()))
                .collect::<Vec<_>>()
        })
        .collect();
    bins.sort();
    let names: Vec<&str> = bins.iter().map(|(n, _)| n.as_str()).collect();
    let mut distinct = names.clone();
    distinct.dedup();
    assert_eq!(names, distinct, "two binaries share a name: {bins:?}");
    assert!(bins.contains(&("ixn-portal".into(), "ixn-portal-cli".into())), "{bins:?}");
}

// A Git delivery's .tar: `<release>/git/` is the repository's files from its root and
// the seed sits beside it, out of it. Extracted into a clone as the README says, the
// tree is committed as it is: every file lands where the manifests name it, and
// nothing else (no seed) is added.
#[test]
fn a_git_deliverys_tar_is_committed_as_it_is() {
    use ixn_core::model::Delivery;
    for delivery in [Delivery::Argocd, Delivery::Flux, Delivery::Genesys] {
        let what = format!("{delivery:?}");
        let tmp = tempfile::tempdir().unwrap();
        let profile = write_profile(tmp.path(), "p.yaml", &in_delivery(delivery));
        let o = run(&["render", profile.to_str().unwrap(), "--tar", "one.tar", "-q"], tmp.path());
        assert!(o.status.success(), "{what}: {}", stderr(&o));
        let repo = tmp.path().join("repo");
        let git = |args: &[&str]| Command::new("git").arg("-C").arg(&repo).args(args).output().unwrap();
        std::fs::create_dir(&repo).unwrap();
        assert!(git(&["init", "-q"]).status.success());
        let ok = Command::new("tar")
            .args(["-xf", "one.tar", "-C", "repo", "--strip-components=2", "ixn-100/git"])
            .current_dir(tmp.path())
            .status()
            .unwrap();
        assert!(ok.success(), "{what}");
        assert!(git(&["add", "-A"]).status.success());
        let listed = String::from_utf8(git(&["diff", "--cached", "--name-only"]).stdout).unwrap();
        let listed: Vec<&str> = listed.lines().collect();
        let expected = portal_download(&profile);
        let mut want: Vec<&str> = expected.relative().filter_map(|(n, _)| n.strip_prefix("git/")).collect();
        want.sort();
        assert_eq!(listed, want, "{what}");
        assert!(!listed.iter().any(|n| n.contains("seed")), "{what}: the seed stays out");
        // Each tool's entry point names paths that are there as committed.
        let folder = listed.iter().find_map(|n| n.strip_suffix("/README.md")).unwrap();
        if delivery == Delivery::Argocd {
            let app = std::fs::read_to_string(repo.join(folder).join("application.yaml")).unwrap();
            assert!(app.contains(&format!("path: {folder}\n")), "{what}: {app}");
            assert!(repo.join(folder).join("manifests").is_dir(), "{what}");
        }
        if delivery == Delivery::Flux {
            let k = std::fs::read_to_string(repo.join(folder).join("flux/release.yaml")).unwrap();
            assert!(k.contains(&format!("path: ./{folder}/release\n")), "{what}: {k}");
        }
    }
}

#[test]
fn batch_refuses_tenants_of_one_namespace_with_other_redis_passwords_naming_both_rows() {
    let tmp = tempfile::tempdir().unwrap();
    tenants_base(tmp.path());
    std::fs::write(tmp.path().join("t.csv"), "tenant.sid,deploy.namespace\n101,ns\n102,ns\n103,other\n").unwrap();
    let o = bin()
        .args(["batch", "--base", "base.yaml", "--tenants", "t.csv", "--out", "out", "--secrets-env", "IXN_"])
        .env("IXN_REDIS_PASSWORD", "All-S3cret")
        .env("IXN_DB_ADMIN_PASSWORD", "Admin-S3cret")
        .env("IXN_REDIS_PASSWORD__102", "Other-S3cret")
        .env("IXN_REDIS_PASSWORD__103", "Other-S3cret")
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("t.csv:3:1: row 2, redis.password: error: redis-ors-secret is one Secret for every tenant in namespace ns, and row 1 gives it another Redis password; tenants of one namespace must agree on it\n"),
        "{err}"
    );
    // Row 3 is alone in its namespace; no password is shown; nothing is written.
    assert!(!err.contains("row 3,") && !err.contains("S3cret"), "{err}");
    assert!(err.contains("nothing written: 1 of 3 rows has errors"), "{err}");
    assert!(!tmp.path().join("out").exists());
}

#[test]
fn a_git_batch_names_rows_whose_folders_collide_before_writing_anything() {
    use ixn_core::model::Delivery;
    let tmp = tempfile::tempdir().unwrap();
    let mut cfg = sample();
    cfg.deploy.delivery = Delivery::Argocd;
    cfg.deploy.argocd.repo_url = "https://git.example.com/ixn.git".into();
    write_profile(tmp.path(), "base.yaml", &cfg);
    let long = "y".repeat(300);
    std::fs::write(
        tmp.path().join("t.csv"),
        format!("tenant.sid,gitops.path\n101,a\n102,a\n103,a/manifests\n104,{long}\n"),
    )
    .unwrap();
    let o = run(&["batch", "--base", "base.yaml", "--tenants", "t.csv", "--out", "out", "--keep-going"], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("t.csv:3:5: row 2, gitops.path: error: the Git folder \"a\" is also row 1's"), "{err}");
    assert!(
        err.contains("t.csv:4:5: row 3, gitops.path: error: the Git folder \"a/manifests\" is inside row 1's \"a\""),
        "{err}"
    );
    assert!(err.contains("t.csv:5:5: row 4, gitops.path: error: a folder name is at most 255 bytes"), "{err}");
    assert!(!err.contains("os error") && !err.contains("File name too long"), "{err}");
    // --keep-going writes the good row only, in its own folder.
    let out = tmp.path().join("out/git");
    assert!(out.join("a/override_values.yaml").exists());
    assert!(!out.join("a/manifests/override_values.yaml").exists());
}

#[test]
fn batch_says_a_finding_of_the_base_once_and_puts_a_row_s_under_the_cell_that_causes_it() {
    let tmp = tempfile::tempdir().unwrap();
    let mut cfg = sample();
    cfg.deploy.chart_version.clear(); // a warning of the base: the chart is not pinned
    cfg.deploy.db_admin_password = "a".into();
    cfg.deploy.redis_password = "r".into();
    write_profile(tmp.path(), "base.yaml", &cfg);
    std::fs::write(tmp.path().join("t.csv"), "deploy.namespace,tenant.sid\nt-1,101\nt-2,102\nt-3,2_X\n").unwrap();
    let o = run(&["batch", "--base", "base.yaml", "--tenants", "t.csv", "--out", "out"], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let base: Vec<&str> = err.lines().filter(|l| l.contains("deploy.chartVersion")).collect();
    assert_eq!(base.len(), 1, "said once: {err}");
    assert!(
        base[0].starts_with("t.csv: base profile, deploy.chartVersion: warning: ") && base[0].ends_with(" (every row)"),
        "{err}"
    );
    // Row 3's bad sid makes its release and database names wrong too: each of those
    // findings points at the sid's cell (line 4, column 5), as the row's own.
    let row3: Vec<&str> = err.lines().filter(|l| l.contains("row 3,")).collect();
    assert!(row3.len() > 1, "{err}");
    for l in &row3 {
        assert!(l.starts_with("t.csv:4:5: row 3, "), "{l}");
        assert!(!l.ends_with("(from the base profile)"), "{l}");
    }
    assert!(!err.contains("(from the base profile)"), "{err}");
}
