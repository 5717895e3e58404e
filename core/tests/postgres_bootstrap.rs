//! The database bootstrap SQL against a real PostgreSQL server: a throwaway cluster
//! (initdb, pg_ctl, psql from the machine's PostgreSQL) runs the generated SQL twice,
//! then the owner logs in over TCP with the password, to the database, by the names
//! typed: names and passwords full of quotes, backslashes, case and Unicode included.
//! The generated preflight, bootstrap and drop commands also run as pasted, in both
//! secret styles, with a stand-in for kubectl that runs the pod's psql here.
//! Skipped, and says so, where PostgreSQL's server programs are not installed.

mod common;

use ixn_core::artifacts::artifacts;
use ixn_core::generate::sql::{bootstrap_sql, quote_literal, Bootstrap};
use ixn_core::generate::values_yaml::ValuesOptions;
use ixn_core::model::{Config, Effective, SecretStyle, Value};
use ixn_core::registry::keys;
use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A program on PATH, or in Debian's versioned PostgreSQL directory.
fn program(name: &str) -> Option<PathBuf> {
    if let Some(p) = common::on_path(name) {
        return Some(p);
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .map(|d| d.path().join("bin").join(name))
        .filter(|p| p.exists())
        .collect();
    found.sort();
    found.pop()
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| o.stdout.starts_with(b"0\n")).unwrap_or(false)
}

/// A PostgreSQL server for one test, stopped (and its files removed) when dropped.
struct Server {
    dir: PathBuf,
    port: u16,
    pg_ctl: PathBuf,
    psql: PathBuf,
    root: bool,
}

impl Server {
    /// Runs a server program, as the `postgres` user when the test runs as root
    /// (PostgreSQL refuses to run as root).
    fn server_cmd(&self, program: &Path) -> Command {
        if self.root {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(program);
            c
        } else {
            Command::new(program)
        }
    }

    /// A fresh server; `tag` keeps tests running side by side apart.
    fn start(tag: &str) -> Option<Server> {
        let (initdb, pg_ctl, psql) = (program("initdb")?, program("pg_ctl")?, program("psql")?);
        let root = is_root();
        let dir = std::env::temp_dir().join(format!("ixn-pg-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        if root {
            assert!(Command::new("chown").args(["postgres:postgres"]).arg(&dir).status().unwrap().success());
        }
        // A free port, as the system hands it out.
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let server = Server { dir, port, pg_ctl, psql, root };
        let data = server.dir.join("data");
        let out = server
            .server_cmd(&initdb)
            .arg("-D")
            .arg(&data)
            .args(["-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale"])
            .output()
            .unwrap();
        assert!(out.status.success(), "initdb: {}", String::from_utf8_lossy(&out.stderr));
        let opts =
            format!("-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={}", server.dir.display());
        let out = server
            .server_cmd(&server.pg_ctl)
            .arg("-D")
            .arg(&data)
            .args(["-o", &opts, "-l"])
            .arg(server.dir.join("log"))
            .args(["-w", "start"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "pg_ctl start: {}{}",
            String::from_utf8_lossy(&out.stderr),
            std::fs::read_to_string(server.dir.join("log")).unwrap_or_default()
        );
        Some(server)
    }

    /// `sql` on psql's stdin, as the superuser over the local socket (as the bootstrap
    /// pod's psql reads it).
    fn admin(&self, sql: &str) -> Output {
        let mut child = Command::new(&self.psql)
            .args(["-X", "-q", "-At", "-h"])
            .arg(&self.dir)
            .args(["-p", &self.port.to_string(), "-U", "postgres", "-d", "postgres"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(sql.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    }

    /// Logs in over TCP as `user` with `password` to `db`, and says who and where it is.
    fn login(&self, user: &str, password: &str, db: &str) -> Output {
        Command::new(&self.psql)
            .args(["-X", "-At", "-h", "127.0.0.1", "-p", &self.port.to_string(), "-U", user, "-d", db])
            .args(["-c", "SELECT current_user || '|' || current_database()"])
            .env("PGPASSWORD", password)
            .env("PGCONNECT_TIMEOUT", "10")
            .output()
            .unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self
            .server_cmd(&self.pg_ctl.clone())
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(["-m", "immediate", "-w", "stop"])
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn the_bootstrap_creates_what_was_typed_and_the_owner_logs_in() {
    let Some(server) = Server::start("names") else {
        eprintln!("PostgreSQL's server programs (initdb, pg_ctl) are not installed: skipped");
        return;
    };
    let cases: [(&str, &str, [&str; 2]); 4] = [
        // The guide's names.
        ("ixn", "Ixn-Secret-1", ["ixn-100", "ixn-node-100"]),
        // Case, quotes, backslashes, percent signs (format()'s own syntax) and Unicode.
        ("IXN O'Brien \"q\" \\ %I", "p'w\"\\ %L $1 :x ; -- ü", ["Db \"One\" 'x' \\n %s", "ünïcödé-データ"]),
        // Exactly 63 bytes: PostgreSQL's longest name.
        (&"o".repeat(63), "pw", [&"d".repeat(63), &"e".repeat(63)]),
        // A keyword, and names that look like SQL.
        ("user", "x';DROP ROLE postgres;--", ["select", "ixn; DROP DATABASE postgres"]),
    ];
    for (owner, password, databases) in cases {
        let sql = bootstrap_sql(&Bootstrap { databases: databases.to_vec(), owner, password });
        // Twice: the bootstrap only creates what is missing.
        for run in 1..=2 {
            let out = server.admin(&sql);
            assert!(
                out.status.success(),
                "run {run} for owner {owner:?}: {}\n{sql}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        for db in databases {
            let out = server.login(owner, password, db);
            assert!(out.status.success(), "{owner:?} into {db:?}: {}", String::from_utf8_lossy(&out.stderr));
            assert_eq!(String::from_utf8_lossy(&out.stdout).trim_end_matches('\n'), format!("{owner}|{db}"));
        }
        // A wrong password is refused: the password was set, not just accepted.
        assert!(!server.login(owner, "not-the-password", databases[0]).status.success());
    }
    let long = "l".repeat(64);
    let sql = bootstrap_sql(&Bootstrap { databases: vec!["long-db"], owner: &long, password: "pw" });
    // A name over 63 bytes: PostgreSQL cuts it short, consistently (creating, comparing,
    // logging in), so it works, but what the database shows is not what was typed.
    // Hence a warning in validation, not an error.
    for _ in 0..2 {
        let out = server.admin(&sql);
        assert!(out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("will be truncated"));
    }
    let out = server.login(&long, "pw", "long-db");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim_end(), format!("{}|long-db", &long[..63]));
    // Nothing the names held was run as SQL.
    let check = server.admin("SELECT (SELECT count(*) FROM pg_roles WHERE rolname = 'postgres') || ' ' || (SELECT count(*) FROM pg_database WHERE datname = 'postgres');\n");
    assert_eq!(String::from_utf8_lossy(&check.stdout).trim(), "1 1", "the postgres role and database are still there");
}

/// A stand-in for kubectl that runs a `kubectl run` pod's program here, as the pod
/// would: the args after `--` or in `--overrides`, with the `--env=K=V` variables and
/// those of the secrets its `envFrom` names, which `kubectl apply -f -` or
/// `kubectl create secret generic … --from-literal` stored. Other
/// commands (deleting the secret) do nothing. Python, for the JSON.
const KUBECTL: &str = r#"#!/usr/bin/env python3
import json, os, sys
state = os.path.join(os.path.dirname(os.path.abspath(__file__)), "secrets")
os.makedirs(state, exist_ok=True)
args = sys.argv[1:]
if args[:1] == ["apply"] and "-" in args:
    m = json.load(sys.stdin)
    if m.get("kind") == "Secret":
        with open(os.path.join(state, m["metadata"]["name"]), "w") as f:
            json.dump(m.get("stringData", {}), f)
    sys.exit(0)
if args[:3] == ["create", "secret", "generic"]:
    data = dict(a[len("--from-literal="):].split("=", 1) for a in args if a.startswith("--from-literal="))
    with open(os.path.join(state, args[3]), "w") as f:
        json.dump(data, f)
    sys.exit(0)
if args[:1] != ["run"]:
    sys.exit(0)
env, program = dict(os.environ), []
if "--" in args:
    program = args[args.index("--") + 1:]
    args = args[:args.index("--")]
for a in args:
    if a.startswith("--env="):
        k, v = a[len("--env="):].split("=", 1)
        env[k] = v
    if a.startswith("--overrides="):
        c = json.loads(a[len("--overrides="):])["spec"]["containers"][0]
        program = program or c.get("args", [])
        for src in c.get("envFrom", []):
            with open(os.path.join(state, src["secretRef"]["name"])) as f:
                env.update(json.load(f))
os.execvpe(program[0], program, env)
"#;

/// Runs a generated bash snippet as pasted, with `kubectl run` standing in for the pod.
fn paste(snippet: &str, dir: &Path) -> Output {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::write(bin.join("kubectl"), KUBECTL).unwrap();
    Command::new("chmod").arg("+x").arg(bin.join("kubectl")).status().unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let mut child = Command::new("bash")
        .current_dir(dir)
        .env("PATH", path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(format!("set -euo pipefail\n{snippet}\n").as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn the_generated_bootstrap_and_drop_commands_work_as_pasted() {
    // In both styles the admin password is in a short-lived secret the pod reads: made
    // as the guide makes secrets (kubectl create secret), or applied from stdin.
    for style in [SecretStyle::Guide, SecretStyle::Stdin] {
        bootstrap_and_drop_as_pasted(style);
    }
}

fn bootstrap_and_drop_as_pasted(style: SecretStyle) {
    let Some(server) = Server::start(&format!("pasted-{style:?}")) else {
        eprintln!("PostgreSQL's server programs (initdb, pg_ctl) are not installed: skipped");
        return;
    };
    let admin_password = r#"Adm'in "pw" \ $HOME ü"#;
    let set = server.admin(&format!("ALTER ROLE postgres PASSWORD {};\n", quote_literal(admin_password)));
    assert!(set.status.success(), "{}", String::from_utf8_lossy(&set.stderr));
    let (server_db, node_db) = (r#"ixn "server" 'db'"#, "ixn-node-ünï");

    let mut cfg = Config::guide_sample();
    let d = &mut cfg.deploy;
    d.secret_style = style;
    d.placeholders = false;
    d.db_bootstrap = true;
    d.drop_databases = true;
    d.db_admin_user = "postgres".into();
    d.db_admin_password = admin_password.into();
    d.db_owner_user = "IXN O'Brien $(touch pwned)".into();
    d.db_owner_password = r#"own'er "pw" \ %L ${HOME}"#.into();
    cfg.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_HOST, Value::Str("127.0.0.1".into()));
    cfg.values.set_text(keys::IXN_SERVICE_IXN_SERVER_DB_PORT, &server.port.to_string()).unwrap();
    cfg.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_NAME, Value::Str(server_db.into()));
    cfg.values.set(keys::IXN_SERVICE_IXN_NODE_DB_NAME, Value::Str(node_db.into()));

    // The preflight check answers with the server's version.
    let (eff, real) = (Effective::of(&cfg), Effective::real(&cfg));
    let item = |id: &str| {
        ixn_core::operations::operations(&cfg, &eff, &real)
            .into_iter()
            .flat_map(|s| s.items)
            .find(|i| i.id == id)
            .and_then(|i| i.script)
            .unwrap_or_else(|| panic!("no {id}"))
    };
    let out = paste(&item("preflight-postgres"), &server.dir);
    assert!(String::from_utf8_lossy(&out.stdout).contains("PostgreSQL 1"), "{out:?}");

    let commands = artifacts(&cfg, ValuesOptions::default()).commands;
    let bootstrap = &commands.blocks.iter().find(|b| b.id == "db-bootstrap").expect("a bootstrap block").script;
    for script in [bootstrap.as_str(), &item("preflight-postgres"), &item("drop-databases")] {
        let run = &script[script.find("kubectl run").expect("a kubectl run")..];
        let run = &run[..run.find("<<").expect("SQL on stdin")];
        assert!(!run.contains("--env") && run.contains("\"envFrom\""), "the pod reads a secret: {run}");
    }
    for run in 1..=2 {
        let out = paste(bootstrap, &server.dir);
        assert!(out.status.success(), "bootstrap run {run}: {}\n{bootstrap}", String::from_utf8_lossy(&out.stderr));
    }
    let d = &cfg.deploy;
    for db in [server_db, node_db] {
        let out = server.login(&d.db_owner_user, &d.db_owner_password, db);
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim_end(),
            format!("{}|{db}", d.db_owner_user),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(!server.dir.join("pwned").exists(), "nothing in a name ran");

    // The destructive uninstall step drops both databases and the owner, and nothing else.
    let drop = item("drop-databases");
    let out = paste(&drop, &server.dir);
    assert!(out.status.success(), "drop: {}\n{drop}", String::from_utf8_lossy(&out.stderr));
    let left = server.admin(&format!(
        "SELECT (SELECT count(*) FROM pg_database WHERE datname IN ({}, {})) || ' ' || (SELECT count(*) FROM pg_roles WHERE rolname = {}) || ' ' || (SELECT count(*) FROM pg_roles WHERE rolname = 'postgres');\n",
        quote_literal(server_db),
        quote_literal(node_db),
        quote_literal(&d.db_owner_user)
    ));
    assert_eq!(String::from_utf8_lossy(&left.stdout).trim(), "0 0 1", "databases and owner gone, postgres kept");
}

/// The Git delivery's bootstrap Job runs this SQL with the owner's password in its
/// environment (from a Secret): the SQL holds no secret, and the owner logs in with
/// exactly the password the variable held. Without the variable it stops with a message.
#[test]
fn the_jobs_sql_reads_the_owners_password_from_the_environment() {
    use ixn_core::generate::sql::bootstrap_sql_from_env;
    let Some(server) = Server::start("getenv") else {
        eprintln!("PostgreSQL's server programs (initdb, pg_ctl) are not installed: skipped");
        return;
    };
    let (owner, password, dbs) = ("IXN 'job' \"q\"", "p'w\"\\ %L $1 :x ; -- ü {{ .x }}", ["job-db 'a'", "job-node-db"]);
    let sql = bootstrap_sql_from_env(&dbs, owner, "IXN_OWNER_PASSWORD");
    assert!(!sql.contains(password));
    let run = |env: Option<&str>| {
        let mut cmd = Command::new(&server.psql);
        cmd.args(["-X", "-q", "-At", "-h"]).arg(&server.dir).args([
            "-p",
            &server.port.to_string(),
            "-U",
            "postgres",
            "-d",
            "postgres",
        ]);
        cmd.env_remove("IXN_OWNER_PASSWORD");
        if let Some(p) = env {
            cmd.env("IXN_OWNER_PASSWORD", p);
        }
        let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        child.stdin.take().unwrap().write_all(sql.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    let missing = run(None);
    assert!(!missing.status.success());
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("IXN_OWNER_PASSWORD is not set"),
        "{}",
        String::from_utf8_lossy(&missing.stderr)
    );
    for _ in 0..2 {
        let out = run(Some(password));
        assert!(out.status.success(), "{}\n{sql}", String::from_utf8_lossy(&out.stderr));
    }
    for db in dbs {
        let out = server.login(owner, password, db);
        assert!(out.status.success(), "{db}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim_end(), format!("{owner}|{db}"));
    }
}
