//! Upgrade, rollback and uninstall.

use super::{Item, Section};
use crate::generate::commands::{database_names, helm_words, psql_pod, release_name, values_file_for};
use crate::generate::helm;
use crate::generate::secrets::{secret_specs, KAFKA_SECRET, REDIS_SECRET};
use crate::generate::shell::{command, comment_text, quote};
use crate::generate::sql::quote_ident;
use crate::model::{Config, Effective};

pub(super) fn section(cfg: &Config, eff: &Effective, real: &Effective) -> Section {
    let d = &cfg.deploy;
    let ns = d.namespace.as_str();
    let release = release_name(cfg);
    let mut upgrade = helm_words(cfg, &["helm", "upgrade", "--install"], values_file_for(cfg, eff));
    upgrade.extend(helm::install_flags(d.helm_major).iter().map(|s| s.to_string()));

    let mut items = vec![
        Item::check(
            "upgrade",
            "Upgrade",
            "Change the image tags in the values (Cluster & images step), or take a newer chart version, write the values file again, then run the same command as the install.",
            command(&upgrade.iter().map(String::as_str).collect::<Vec<_>>()),
        ),
        Item::check(
            "rollback",
            "Roll back",
            "helm history lists the revisions; set REVISION to the one to return to. Or set the previous image tags and upgrade again, as the guide says.",
            format!(
                "{}\nREVISION=1  # the revision to return to, from helm history\n{} \"$REVISION\" --namespace {}{}",
                command(&["helm", "history", &release, "--namespace", ns]),
                command(&["helm", "rollback", &release]),
                quote(ns),
                helm::rollback_flags(d.helm_major).iter().map(|f| format!(" {}", quote(f))).collect::<String>(),
            ),
        ),
    ];
    let mut secrets: Vec<String> = vec![REDIS_SECRET.into(), KAFKA_SECRET.into()];
    for s in secret_specs(cfg, real) {
        if !secrets.contains(&s.name) {
            secrets.push(s.name);
        }
    }
    let delete = |s: &String| command(&["kubectl", "delete", "secret", s, "--namespace", ns, "--ignore-not-found"]);
    // The namespace's shared Secrets stay: the other IXN tenants of the namespace mount
    // them (see `namespace_wide`). Their delete is written out, commented, for the last.
    let (shared, own): (Vec<&String>, Vec<&String>) =
        secrets.iter().partition(|s| crate::generate::secrets::namespace_wide(cfg, s));
    let mut lines: Vec<String> = own.into_iter().map(delete).collect();
    lines.push(format!(
        "# {} are shared by every IXN tenant of the namespace and stay. If this was the\n# last one, delete them too:",
        comment_text(&shared.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "))
    ));
    for s in shared {
        lines.extend(delete(s).lines().map(|l| format!("#   {}", comment_text(l))));
    }
    items.push(Item::check(
        "uninstall",
        "Uninstall",
        "Removes the release, then the secrets the portal's commands created outside the chart for this tenant (the guide: delete external secrets by hand); the namespace's shared Secrets stay for its other tenants.",
        format!("{}\n{}", command(&["helm", "uninstall", &release, "--namespace", ns]), lines.join("\n")),
    ));
    if d.drop_databases {
        let [a, b] = database_names(real);
        // Never drop the admin role, or PostgreSQL's own superuser, even if IXN used it.
        let keep_role =
            d.db_owner_user == d.db_admin_user || d.db_owner_user == "postgres" || d.db_owner_user.is_empty();
        let mut sql = format!(
            "\\set ON_ERROR_STOP on\nDROP DATABASE IF EXISTS {};\nDROP DATABASE IF EXISTS {};\n",
            quote_ident(&a),
            quote_ident(&b),
        );
        if !keep_role {
            sql.push_str(&format!("DROP ROLE IF EXISTS {};\n", quote_ident(&d.db_owner_user)));
        }
        items.push(Item {
            id: "drop-databases",
            title: "DESTRUCTIVE: drop both databases and the owner role".into(),
            note: if keep_role {
                format!("Deletes {a} and {b} with all their data. The role {} is the admin or PostgreSQL's own and is kept. There is no undo: take a backup first.", d.db_owner_user)
            } else {
                format!("Deletes {a} and {b} with all their data, and the role {}. There is no undo: take a backup first.", d.db_owner_user)
            },
            script: Some(format!(
                "# DESTRUCTIVE: deletes all IXN data of this tenant. Take a backup first.\n{}",
                psql_pod(cfg, real, "ixn-db-drop", &sql)
            )),
            query: None,
            manual: false,
            destructive: true,
        });
    }
    Section { id: "lifecycle", title: "Upgrade, rollback and uninstall", intro: "After the first install.", items }
}
