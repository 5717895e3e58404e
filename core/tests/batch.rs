//! Batches: rows override the base by key path, each row is checked on its own with
//! findings placed at its cells, rows that would collide are errors, and the index and
//! the deploy-all script say what was rendered.

mod common;

use ixn_core::batch::{index, Batch, Pos, Tenants};
use ixn_core::delivery::download;
use ixn_core::generate::values_yaml::ValuesOptions;
use ixn_core::model::{Config, Value};
use ixn_core::registry::keys;
use ixn_core::validate::Severity;

/// A base every row completes: the shared complete tenant.
fn base() -> Config {
    common::tenant::complete_tenant()
}

fn batch(file: &str, text: &str) -> Batch {
    Batch::new(base(), Tenants::parse(file, text).unwrap())
}

/// A row's errors as the command line prints them, for `t.csv`.
fn error_lines(r: &ixn_core::batch::RowReport) -> Vec<String> {
    r.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| r.line("t.csv", f)).collect()
}

#[test]
fn each_row_overrides_the_base_by_key_path() {
    let b = batch("t.csv", "tenant.sid,deploy.namespace,ixnService.ixnServer.db.name,ixnService.ixnServer.ports.default\n101,t-101,,7001\n102,t-102,custom_db,\n");
    let one = b.config(0).unwrap();
    assert_eq!(one.values.get(keys::TENANT_SID), Some(&Value::Str("101".into())));
    assert_eq!(one.deploy.namespace, "t-101");
    let two = b.config(1).unwrap();
    assert_eq!(two.values.get(keys::IXN_SERVICE_IXN_SERVER_DB_NAME), Some(&Value::Str("custom_db".into())));
    // An empty cell keeps the base's value; the base itself is untouched.
    assert_eq!(
        two.values.get(keys::IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT),
        base().values.get(keys::IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT)
    );
    assert_eq!(b.base, base());
    let reports = b.check();
    for r in &reports {
        assert!(!r.failed(), "{:?}", r.findings);
    }
    assert_eq!(reports[0].folder, "ixn-101");
    assert_eq!(reports[0].databases, ["ixn-101".to_string(), "ixn-node-101".to_string()]);
    assert_eq!(reports[1].databases[0], "custom_db");
    // The seam for other outputs: every row's configuration.
    assert_eq!(b.configs().map(|(i, _)| i).collect::<Vec<_>>(), [0, 1]);
    // A row renders what the portal downloads for that configuration.
    let d = download(&one, ValuesOptions::default());
    assert_eq!(d.folder, "ixn-101");
    assert!(String::from_utf8_lossy(&d.files[0].data).contains("7001"));
}

#[test]
fn yaml_rows_read_as_helm_reads_values() {
    let b = batch(
        "t.yaml",
        "# one tenant per item\n- tenant.sid: \"201\"\n  deploy.namespace: t-201\n  podLabels: {team: blue}\n  consul.connect: false\n- tenant.sid: 202\n  deploy.namespace: t-202\n",
    );
    let one = b.config(0).unwrap();
    assert_eq!(one.values.get(keys::POD_LABELS), Some(&Value::Map(vec![("team".into(), "blue".into())])));
    assert!(!one.deploy.consul_connect);
    // An unquoted 202 is a number to Helm; the sid is text, as a values file gives it.
    assert_eq!(b.config(1).unwrap().values.get(keys::TENANT_SID), Some(&Value::Str("202".into())));
    assert!(b.check().iter().all(|r| !r.failed()));
}

#[test]
fn a_bad_cell_is_an_error_at_its_row_and_column() {
    let b = batch(
        "t.csv",
        "tenant.sid,deploy.namespace,consul.connect,deploy.platform\n101,t-101,maybe,gke\n1x2,Bad_NS,true,mars\n",
    );
    let reports = b.check();
    let one = &reports[0];
    assert!(one.failed());
    assert_eq!(one.findings[0].at, Pos { line: 2, column: 11 });
    assert_eq!(
        one.line("t.csv", &one.findings[0]),
        "t.csv:2:11: row 1, consul.connect: error: \"maybe\" is not true or false"
    );
    let two: Vec<String> = reports[1]
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| reports[1].line("t.csv", f))
        .collect();
    assert!(
        two.contains(&"t.csv:3:17: row 2, deploy.platform: error: \"mars\" is not one of gke, aks, other".to_string()),
        "{two:#?}"
    );
    assert!(
        two.contains(
            &"t.csv:3:1: row 2, tenant.sid: error: The tenant short ID must be digits only, such as 100.".to_string()
        ),
        "{two:#?}"
    );
    assert!(two.iter().any(|l| l.starts_with("t.csv:3:5: row 2, deploy.namespace: error: a namespace")), "{two:#?}");
}

#[test]
fn a_finding_the_base_causes_points_at_the_row_and_says_so() {
    let mut b = batch("t.csv", "tenant.sid\n101\n");
    b.base.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_HOST, Value::Str(String::new()));
    let r = &b.check()[0];
    let f = r.findings.iter().find(|f| f.path == "ixnService.ixnServer.db.host").unwrap();
    assert!(!f.in_row);
    assert!(
        r.line("t.csv", f).starts_with(
            "t.csv:2:1: row 1, ixnService.ixnServer.db.host: error: IXN Server database host is required."
        ),
        "{}",
        r.line("t.csv", f)
    );
    assert!(r.line("t.csv", f).ends_with("(from the base profile)"));
}

#[test]
fn rows_that_would_collide_are_errors() {
    // Row 2 repeats row 1's sid; row 3 takes row 1's release; row 4 names its database
    // like row 1's; row 5 is fine.
    let b = batch(
        "t.csv",
        "tenant.sid,deploy.release,ixnService.ixnServer.db.name,deploy.namespace\n\
         101,,,a\n\
         101,other-release,other_db,b\n\
         103,ixn-101,db_103,c\n\
         104,,ixn-101,d\n\
         105,,,e\n",
    );
    let reports = b.check();
    let errors = |i: usize| error_lines(&reports[i]);
    assert!(errors(0).is_empty(), "{:?}", errors(0));
    assert_eq!(
        errors(1),
        [
            "t.csv:3:1: row 2, tenant.sid: error: the tenant sid \"101\" is also row 1's; two tenants cannot share it",
            // Named after the sid: ixn-node-101.
            "t.csv:3:1: row 2, ixnService.ixnNode.db.name: error: the database name \"ixn-node-101\" is also row 1's; two tenants cannot share it",
        ]
    );
    assert_eq!(
        errors(2),
        [
            "t.csv:4:5: row 3, deploy.release: error: the release name \"ixn-101\" is also row 1's; two tenants cannot share it",
        ]
    );
    assert_eq!(errors(3), ["t.csv:5:6: row 4, ixnService.ixnServer.db.name: error: the database name \"ixn-101\" is also row 1's; two tenants cannot share it"]);
    assert!(errors(4).is_empty());
}

#[test]
fn the_same_namespace_and_release_collide_even_when_the_sids_differ() {
    let b = batch("t.csv", "tenant.sid,deploy.release,deploy.namespace,ixnService.ixnServer.db.name,ixnService.ixnNode.db.name\n1,shared,ns,d1,n1\n2,shared,ns,d2,n2\n");
    let r = &b.check()[1];
    let lines: Vec<String> = r.findings.iter().map(|f| r.line("t.csv", f)).collect();
    assert!(
        lines.iter().any(|l| l.contains("deploy.release: error: the release name \"shared\" is also row 1's")),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("deploy.namespace: error: the namespace and release \"ns/shared\" is also row 1's")),
        "{lines:#?}"
    );
}

#[test]
fn the_index_lists_every_row_and_the_script_deploys_the_rendered_ones_in_order() {
    let b = batch("t.csv", "tenant.sid,deploy.namespace\n101,a\n10x,b\n103,c\n");
    let reports = b.check();
    let rendered: Vec<bool> = reports.iter().map(|r| !r.failed()).collect();
    assert_eq!(rendered, [true, false, true]);
    let csv = index::index_csv(&reports, &rendered);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "row,status,folder,sid,release,namespace,databases,errors,warnings,findings");
    assert!(lines[1].starts_with("1,rendered,ixn-101,101,ixn-101,a,ixn-101 ixn-node-101,0,"), "{}", lines[1]);
    assert!(lines[2].starts_with("2,failed,,10x,ixn-10x,b,"), "{}", lines[2]);
    assert!(lines[2].contains("tenant.sid (error): The tenant short ID must be digits only"), "{}", lines[2]);
    assert_eq!(lines.len(), 4);

    let script = index::deploy_all(&reports, &rendered);
    assert!(script.contains("deploy ixn-101 1\ndeploy ixn-103 3\n"), "{script}");
    // Run it: each tenant's deploy.sh runs in its folder, in order, and the first
    // failure stops the rest.
    let dir = std::env::temp_dir().join(format!("ixn-deploy-all-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (folder, code) in [("ixn-101", 0), ("ixn-103", 0)] {
        std::fs::create_dir_all(dir.join(folder)).unwrap();
        std::fs::write(
            dir.join(folder).join("deploy.sh"),
            format!("echo \"$(basename \"$PWD\")\" >> ../ran\nexit {code}\n"),
        )
        .unwrap();
    }
    std::fs::write(dir.join(index::SCRIPT_FILE), &script).unwrap();
    let out = std::process::Command::new("bash").arg(dir.join(index::SCRIPT_FILE)).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(dir.join("ran")).unwrap(), "ixn-101\nixn-103\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("==> all 2 tenants deployed"));
    std::fs::remove_file(dir.join("ran")).unwrap();
    std::fs::write(dir.join("ixn-101/deploy.sh"), "echo ixn-101 >> ../ran\nexit 3\n").unwrap();
    let out = std::process::Command::new("bash").arg(dir.join(index::SCRIPT_FILE)).output().unwrap();
    assert!(!out.status.success());
    assert_eq!(
        std::fs::read_to_string(dir.join("ran")).unwrap(),
        "ixn-101\n",
        "the tenants after a failure do not run"
    );
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("==> row 1: ixn-101 failed; the tenants after it were not deployed"));
    if let Some(sc) = common::on_path("shellcheck") {
        let out = std::process::Command::new(sc).arg(dir.join(index::SCRIPT_FILE)).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    } else {
        assert!(std::env::var("CI").is_err(), "CI must run shellcheck on deploy-all.sh");
        eprintln!("shellcheck is not on PATH: deploy-all.sh not checked by it");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

mod csv_positions {
    use super::*;
    use ixn_core::batch::CellValue;
    use proptest::prelude::*;

    /// The 1-based line and character column of byte `at` in `text`.
    fn pos_of(text: &str, at: usize) -> Pos {
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        Pos { line, column: before[start..].chars().count() + 1 }
    }

    proptest! {
        // Any cell text (commas, quotes, line breaks, Unicode), written by the csv crate
        // and read back: the same text, and the place each cell starts at.
        #[test]
        fn any_cells_read_back_with_their_places(rows in prop::collection::vec(prop::collection::vec("[a-z,\"\n\r ü🎉#-]{0,6}", 2), 1..5)) {
            let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
            w.write_record(["tenant.id", "deploy.namespace"]).unwrap();
            w.flush().unwrap();
            // A row of empty cells or a comment-like first cell would be skipped; make
            // every row start with a letter.
            let rows: Vec<Vec<String>> = rows.into_iter().map(|r| vec![format!("x{}", r[0]), r[1].clone()]).collect();
            let mut starts = Vec::new();
            for r in &rows {
                let before = w.get_ref().len();
                w.write_record(r).unwrap();
                w.flush().unwrap();
                starts.push(before);
            }
            let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
            let t = Tenants::parse_csv("t.csv", &text).unwrap();
            prop_assert_eq!(t.rows.len(), rows.len());
            for ((row, want), start) in t.rows.iter().zip(&rows).zip(&starts) {
                prop_assert_eq!(row.at, pos_of(&text, *start));
                let first = &row.cells[0];
                prop_assert_eq!(&first.value, &CellValue::Text(want[0].clone()));
                let second: Vec<_> = row.cells.iter().filter(|c| c.column == 1).collect();
                if want[1].is_empty() {
                    prop_assert!(second.is_empty());
                } else {
                    prop_assert_eq!(&second[0].value, &CellValue::Text(want[1].clone()));
                    // The second cell starts after the first and its comma.
                    let raw_first = if want[0].contains([',', '"', '\n', '\r']) || want[0].starts_with(' ') || want[0].ends_with(' ') {
                        None
                    } else {
                        Some(want[0].len())
                    };
                    if let Some(len) = raw_first {
                        prop_assert_eq!(second[0].at, pos_of(&text, start + len + 1));
                    }
                }
            }
        }
    }
}

#[test]
fn tenants_of_one_namespace_that_give_its_shared_secrets_other_contents_collide() {
    // Rows 1-3 share namespace `ns`: row 2 has another Redis password (its own
    // credentials, as the command line's `__<sid>` variables give it), row 3 another
    // Kafka bootstrap and redis.rejectUnauthorized. Row 4 is alone in its namespace.
    let b = batch(
        "t.csv",
        "tenant.sid,deploy.namespace,kafka.bootstrap,redis.rejectUnauthorized\n\
         101,ns,,\n\
         102,ns,,\n\
         103,ns,kafka-2:9092,true\n\
         104,other,kafka-2:9092,true\n",
    );
    let own_password = |cfg: &mut Config| {
        if matches!(cfg.values.get(keys::TENANT_SID), Some(Value::Str(s)) if s == "102" || s == "104") {
            cfg.deploy.redis_password = "0ther-Pw$1".into();
        }
    };
    let reports = b.check_with(&own_password);
    let errors = |i: usize| error_lines(&reports[i]);
    assert!(errors(0).is_empty(), "{:?}", errors(0));
    assert_eq!(
        errors(1),
        ["t.csv:3:1: row 2, redis.password: error: redis-ors-secret is one Secret for every tenant in namespace ns, and row 1 gives it another Redis password; tenants of one namespace must agree on it"]
    );
    let three = errors(2);
    assert_eq!(three.len(), 2, "{three:#?}");
    assert!(three[0].starts_with("t.csv:4:21: row 3, redis.rejectUnauthorized: error: redis-ors-secret is one Secret for every tenant in namespace ns, and row 1 gives it another redis.rejectUnauthorized (\"false\" there, \"true\" here)"), "{three:#?}");
    assert!(
        three[1].starts_with("t.csv:4:8: row 3, kafka.bootstrap: error: kafka-shared-secret is one Secret"),
        "{three:#?}"
    );
    assert!(errors(3).is_empty(), "{:?}", errors(3));
    // No password in any message.
    assert!(reports
        .iter()
        .flat_map(|r| &r.findings)
        .all(|f| !f.message.contains("0ther") && !f.message.contains("S3cret")));
    // Nor in a report printed for debugging.
    assert!(!format!("{reports:?}").contains("0ther-Pw"));
}

#[test]
fn the_redis_port_and_servername_from_the_node_list_are_two_fields_not_one() {
    // Neither is set on its own: both come from the first Redis node, at one path. A row
    // agrees with itself, and with a row of the same Redis; another host is said once.
    let mut base = base();
    base.deploy.redis_servername.clear();
    base.deploy.redis_port.clear();
    let nodes = ixn_core::import::SourceFile {
        name: "nodes.yaml",
        text:
            "ixnService:\n  ixnNode:\n    redis:\n      - {host: redis-a.svc, port: 6379, is_redis_cluster: \"true\"}\n",
    };
    let (base, _) = ixn_core::import::import(&base, &[nodes]).unwrap();
    let text = "tenant.sid,deploy.namespace,values\n101,ns,\n102,ns,\n103,ns,other.yaml\n";
    let mut b = Batch::new(base, Tenants::parse("t.csv", text).unwrap());
    let other = ixn_core::yaml::read_yaml(
        "ixnService:\n  ixnNode:\n    redis:\n      - {host: redis-b.svc, port: 6379, is_redis_cluster: \"true\"}\n",
        ixn_core::yaml::Limits::default(),
    )
    .unwrap();
    b.set_values_file("other.yaml", other);
    let reports = b.check();
    assert!(error_lines(&reports[0]).is_empty(), "{:?}", error_lines(&reports[0]));
    assert!(error_lines(&reports[1]).is_empty(), "{:?}", error_lines(&reports[1]));
    let three = error_lines(&reports[2]);
    assert_eq!(three.len(), 1, "{three:#?}");
    assert!(
        three[0].contains("row 1 gives it another Redis servername (\"redis-a.svc\" there, \"redis-b.svc\" here)"),
        "{three:#?}"
    );
}

#[test]
fn the_same_pull_secret_in_one_namespace_must_hold_the_same_registry_login() {
    let mut base = base();
    base.deploy.pull_secret_create = true;
    base.deploy.registry_server = "registry.example.com".into();
    let text = "tenant.sid,deploy.namespace,registry.username,registry.secretName\n101,ns,,\n102,ns,robot2,\n103,ns,robot2,other-pull\n";
    let reports = Batch::new(base, Tenants::parse("t.csv", text).unwrap()).check();
    assert!(!reports[0].failed());
    let f = &reports[1].findings[0];
    assert_eq!(f.path, "registry.username");
    assert!(f.message.starts_with("pullsecret is one Secret for every tenant in namespace ns, and row 1 gives it another registry user (\"robot\" there, \"robot2\" here)"), "{}", f.message);
    // Another pull secret's name is another Secret: nothing to agree on.
    assert!(!reports[2].failed(), "{:?}", reports[2].findings);
}

#[test]
fn the_namespace_s_shared_secrets_are_declared_by_its_first_rendered_row() {
    let b = batch("t.csv", "tenant.sid,deploy.namespace\n101,ns\n10x,other\n103,other\n104,ns\n");
    let reports = b.check();
    let by: Vec<Vec<(String, usize)>> = reports.iter().map(|r| r.shared_by.clone()).collect();
    let both = |row| ["pullsecret", "redis-ors-secret", "kafka-shared-secret"].map(|s| (s.to_string(), row)).to_vec();
    // Row 2 fails, so row 3 declares `other`'s; row 4 leaves `ns`'s to row 1.
    assert_eq!(by, [vec![], vec![], vec![], both(1)]);
}

#[test]
fn two_rows_may_not_type_the_same_tenant_id() {
    let text = "tenant.sid,tenant.id\n101,9350e2fc-a1dd-4c65-8d40-1f75a2e08101\n102,9350E2FC-A1DD-4C65-8D40-1F75A2E08101\n103,\n104,\n";
    let reports = batch("t.csv", text).check();
    let line = |i: usize| reports[i].line("t.csv", &reports[i].findings[0]);
    assert_eq!(
        line(1),
        "t.csv:3:5: row 2, tenant.id: error: the tenant id \"9350e2fc-a1dd-4c65-8d40-1f75a2e08101\" is also row 1's; two tenants cannot share it"
    );
    // Rows without a tenant.id take the base's: not a collision between them.
    assert!(!reports[2].failed() && !reports[3].failed(), "{:?} {:?}", reports[2].findings, reports[3].findings);
}

#[test]
fn git_folders_that_are_the_same_or_nested_collide_before_anything_is_written() {
    let mut base = base();
    base.deploy.delivery = ixn_core::model::Delivery::Argocd;
    base.deploy.argocd.repo_url = "https://git.example.com/ixn.git".into();
    let long = "x".repeat(300);
    let text = format!(
        "tenant.sid,gitops.path\n101,a\n102,a\n103,a/manifests\n104,b/c\n105,b\n106,{long}\n107,kustomization.yaml/x\n108,\n"
    );
    let b = Batch::new(base.clone(), Tenants::parse("t.csv", &text).unwrap());
    let reports = b.check();
    let at = |i: usize| -> Vec<String> {
        reports[i].findings.iter().filter(|f| f.path == "gitops.path").map(|f| reports[i].line("t.csv", f)).collect()
    };
    assert!(at(0).is_empty(), "{:?}", at(0));
    assert_eq!(
        at(1),
        ["t.csv:3:5: row 2, gitops.path: error: the Git folder \"a\" is also row 1's; two tenants cannot share it"]
    );
    assert_eq!(at(2), ["t.csv:4:5: row 3, gitops.path: error: the Git folder \"a/manifests\" is inside row 1's \"a\": this tenant's files would land in that tenant's"]);
    assert!(at(3).is_empty(), "{:?}", at(3));
    assert_eq!(at(4), ["t.csv:6:5: row 5, gitops.path: error: the Git folder \"b\" holds row 4's \"b/c\": that tenant's files would land in this tenant's"]);
    // A 300-byte folder name is refused at its cell, by the field's own rule.
    assert_eq!(at(5).len(), 1, "{:?}", at(5));
    assert!(
        at(5)[0].starts_with("t.csv:7:5: row 6, gitops.path: error: a folder name is at most 255 bytes"),
        "{:?}",
        at(5)
    );
    assert_eq!(at(6), ["t.csv:8:5: row 7, gitops.path: error: the Git folder \"kustomization.yaml/x\" would be the batch's own kustomization.yaml, at the tree's root"]);
    // The default folder, ixn/ixn-108, is no one else's.
    assert!(at(7).is_empty(), "{:?}", at(7));
}
