//! The command line's files, byte for byte as recorded from `main` before delivery
//! modes became modules (issue 24): `render --out`, `render --tar`, `batch --out` and
//! `batch --tar`, for the sample and the hostile profiles in every delivery mode and
//! secret source. See `core/tests/common/golden.rs` for the format and re-recording.

use ixn_core::model::{Config, Delivery, SecretStoreKind, SecretStyle, SecretsFrom, Value, ValuesIn};
use ixn_core::profile::Profile;
use ixn_core::registry::keys;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

#[path = "../../core/tests/common/tenant.rs"]
mod tenant;

#[path = "../../core/tests/common/golden.rs"]
mod golden;

use golden::Golden;

/// The modes and secret sources, by the names the cases carry.
const MODES: [(&str, Delivery); 4] = [
    ("script", Delivery::Script),
    ("argocd", Delivery::Argocd),
    ("flux", Delivery::Flux),
    ("genesys", Delivery::Genesys),
];

/// What a Git delivery needs besides the sample's answers.
fn git_ready(cfg: &mut Config) {
    let d = &mut cfg.deploy;
    d.argocd.repo_url = "https://git.example.com/platform/ixn-deploy.git".into();
    d.gke_project = "my-project".into();
    d.gke_location = "europe-west1".into();
    d.store.key_vault = "ixn-kv".into();
    d.store.vault_server = "https://vault.example.com:8200".into();
}

/// The command line's hostile profile (as `cli.rs` has it).
fn cli_hostile() -> Config {
    let mut cfg = tenant::complete_tenant();
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

/// The GitOps tests' hostile profile (as `core/tests/gitops.rs` has it).
fn gitops_hostile(delivery: Delivery, from: SecretsFrom, store: SecretStoreKind) -> Config {
    let mut cfg = Config::guide_sample();
    cfg.deploy.db_bootstrap = true;
    cfg.values.unset(keys::IXN_SERVICE_IXN_SERVER_DB_HOST);
    let d = &mut cfg.deploy;
    d.placeholders = false;
    d.delivery = delivery;
    d.git.secrets_from = from;
    d.store.kind = store;
    d.pull_secret_create = true;
    d.registry_server = "registry.example.com".into();
    d.registry_username = "robot$ixn\"{{".into();
    d.registry_email = "ops@example.com".into();
    d.registry_password = "Reg1stry-\"pw'$HOME`id`{{ .x }}\\%s<&>ü".into();
    d.redis_password = "R3dis-pa$$word\"}}{{ end }}'\\n\nline2 é".into();
    d.redis_servername = "redis{{ .x }}\"\\.svc".into();
    d.kafka_bootstrap = "kafka-0.kafka:19092,kafka-1.kafka:19092".into();
    d.kafka_username = "ixn-user\"'".into();
    d.kafka_password = "K4fka-'\"${KAFKA}%%\\\\ \t</script>".into();
    d.db_admin_password = "Adm1n-PG\"';DROP ROLE x;--$1 ☃".into();
    d.db_owner_password = "0wner-pg'\"\\{{- toJson . -}}ü$((1+1))".into();
    d.chart_makes_db_secrets = true;
    d.chart_repo_url = "https://charts.example.com/genesys".into();
    d.argocd.repo_url = "https://git.example.com/platform/ixn-deploy.git".into();
    d.chart_version = "100.0.008+02".into();
    d.gke_project = "my-project".into();
    d.gke_location = "europe-west1".into();
    d.store.key_vault = "ixn-kv".into();
    d.store.vault_server = "https://vault.example.com:8200".into();
    cfg.values.set(keys::TENANT_SID, Value::Str("100".into()));
    cfg.values.set(
        keys::IXN_SERVICE_IXN_SERVER_SECRETS_DB_PASSWORD,
        Value::Str("S3rverDB-\"only in values' $X ${X} $$ \\y".into()),
    );
    cfg.values
        .set(keys::IXN_SERVICE_IXN_NODE_SECRETS_DB_PASSWORD, Value::Str("N0deDB-'only in values\" `x` ${Y}$".into()));
    cfg
}

/// Every profile of the golden outputs, by case name (profile files with secrets).
pub fn profiles() -> Vec<(String, Config)> {
    let mut out = Vec::new();
    for (mode, delivery) in MODES {
        for (from_name, from) in [("kubectl", SecretsFrom::Kubectl), ("eso", SecretsFrom::ExternalSecrets)] {
            for (who, mut cfg) in [("sample", tenant::every_secret_set()), ("hostile", cli_hostile())] {
                git_ready(&mut cfg);
                cfg.deploy.delivery = delivery;
                cfg.deploy.git.secrets_from = from;
                out.push((format!("{who}-{mode}-{from_name}"), cfg));
            }
        }
    }
    for (mode, delivery) in &MODES[1..] {
        let stores: &[(&str, SecretsFrom, SecretStoreKind)] = &[
            ("kubectl", SecretsFrom::Kubectl, SecretStoreKind::GcpSecretManager),
            ("eso-gcp", SecretsFrom::ExternalSecrets, SecretStoreKind::GcpSecretManager),
            ("eso-azure", SecretsFrom::ExternalSecrets, SecretStoreKind::AzureKeyVault),
            ("eso-vault", SecretsFrom::ExternalSecrets, SecretStoreKind::Vault),
        ];
        for (name, from, store) in stores {
            out.push((format!("gitops-{mode}-{name}"), gitops_hostile(*delivery, *from, *store)));
        }
    }
    let mut file = gitops_hostile(Delivery::Argocd, SecretsFrom::ExternalSecrets, SecretStoreKind::Vault);
    file.deploy.argocd.values_in = ValuesIn::File;
    out.push(("gitops-argocd-file-eso-vault".into(), file));
    out
}

/// The tenants file of every batch: four rows, two sharing a namespace, the last
/// failing (a placeholder where the bootstrap needs the real value).
const TENANTS: &str = "tenant.sid,deploy.namespace,ixnService.ixnServer.db.name\n101,t-101,\"db'; DROP 101\"\n102,t-102,db-102\n103,t-101,\"db `x` 103\"\n104,t-104,\"db $(x) 104\"\n";

/// The profile a batch starts from: the hostile one without the label error (which
/// fails every row), so that the rows render.
fn batch_base(mut cfg: Config) -> Config {
    if cfg.values.get(keys::POD_LABELS).is_some() {
        cfg.values.set(keys::POD_LABELS, Value::Map(vec![("team".into(), "12.30".into())]));
    }
    if cfg.values.get(keys::IXN_SERVICE_IXN_SERVER_DB_HOST).is_none() {
        cfg.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_HOST, Value::Str("pg'\"x.example".into()));
        cfg.values.set(keys::IXN_SERVICE_IXN_NODE_DB_HOST, Value::Str("pg-node.example".into()));
    }
    cfg
}

/// The files under `dir`: path, mode, bytes.
fn files(dir: &Path) -> Vec<(String, u32, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
                out.push((
                    p.strip_prefix(dir).unwrap().to_string_lossy().into_owned(),
                    mode,
                    std::fs::read(&p).unwrap(),
                ));
            }
        }
    }
    out.sort();
    out
}

/// Runs the command in `dir`; the manifest of its exit code, stderr and output.
fn run(g: &Golden, dir: &Path, args: &[&str], out: &str) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_ixn-portal"))
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    let mut m = format!("exit {:?}\nstderr {}\n", o.status.code(), g.blob(&o.stderr));
    let path = dir.join(out);
    if path.is_dir() {
        for (name, mode, data) in files(&path) {
            m.push_str(&g.file_line(&name, mode, &data));
        }
    } else if path.is_file() {
        m.push_str(&g.tar(&std::fs::read(&path).unwrap()));
    }
    m
}

#[test]
fn the_command_lines_files_are_those_recorded_before_delivery_modes_became_modules() {
    let mut g = Golden::new(env!("CARGO_MANIFEST_DIR"), "cli");
    let tenants = g.input("tenants.csv", || TENANTS.to_string());
    let names: Vec<String> = if golden::recording() {
        profiles().into_iter().map(|(n, _)| n).collect()
    } else {
        let list =
            std::fs::read_to_string(golden::root(env!("CARGO_MANIFEST_DIR")).join("inputs/profiles.txt")).unwrap();
        list.lines().map(String::from).collect()
    };
    if golden::recording() {
        g.input("profiles.txt", || names.iter().map(|n| format!("{n}\n")).collect());
    }
    let made: Vec<(String, Config)> = if golden::recording() { profiles() } else { Vec::new() };
    for name in &names {
        let text = g.input(&format!("{name}.json"), || {
            let cfg = &made.iter().find(|(n, _)| n == name).unwrap().1;
            Profile::of(cfg, true).to_json_text() + "\n"
        });
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        std::fs::write(dir.join("p.json"), &text).unwrap();
        std::fs::write(dir.join("t.csv"), &tenants).unwrap();
        let m = run(&g, dir, &["render", "p.json", "--out", "out", "--allow-errors", "-q"], "out");
        g.check(&format!("{name}.render-out"), &m);
        let m = run(&g, dir, &["render", "p.json", "--tar", "out.tar", "--allow-errors", "-q"], "out.tar");
        g.check(&format!("{name}.render-tar"), &m);
        let batch = g.input(&format!("{name}.batch.json"), || {
            let cfg = made.iter().find(|(n, _)| n == name).unwrap().1.clone();
            Profile::of(&batch_base(cfg), true).to_json_text() + "\n"
        });
        std::fs::write(dir.join("b.json"), &batch).unwrap();
        let m =
            run(&g, dir, &["batch", "--base", "b.json", "--tenants", "t.csv", "--out", "b", "--keep-going", "-q"], "b");
        g.check(&format!("{name}.batch-out"), &m);
        let batch_tar = ["batch", "--base", "b.json", "--tenants", "t.csv", "--tar", "b.tar", "--keep-going", "-q"];
        let m = run(&g, dir, &batch_tar, "b.tar");
        g.check(&format!("{name}.batch-tar"), &m);
    }
    // Credentials from a file, per tenant too, over a base without them.
    let secrets = g.input("secrets.yaml", || {
        "redis.password: File-Redis\ndb.adminPassword: File-Admin\nregistry.password: File-Reg\ndb.ownerPassword: File-Owner\ntenants:\n  \"102\":\n    redis.password: Only-102\n"
            .to_string()
    });
    for name in ["sample-script-kubectl", "sample-argocd-eso", "sample-flux-kubectl", "sample-genesys-kubectl"] {
        let base = g.input(&format!("{name}.nosecrets.json"), || {
            let cfg = &made.iter().find(|(n, _)| n == name).unwrap().1;
            Profile::of(cfg, false).to_json_text() + "\n"
        });
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        std::fs::write(dir.join("p.json"), &base).unwrap();
        std::fs::write(dir.join("t.csv"), &tenants).unwrap();
        std::fs::write(dir.join("s.yaml"), &secrets).unwrap();
        let args =
            ["batch", "--base", "p.json", "--tenants", "t.csv", "--secrets-file", "s.yaml", "--keep-going", "-q"];
        let m = run(&g, dir, &[&args[..], &["--out", "b"]].concat(), "b");
        g.check(&format!("{name}.secrets-file.batch-out"), &m);
        let m = run(&g, dir, &[&args[..], &["--tar", "b.tar"]].concat(), "b.tar");
        g.check(&format!("{name}.secrets-file.batch-tar"), &m);
    }
    g.finish();
}
