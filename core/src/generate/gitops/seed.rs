//! `seed-secret-store.sh`: the one file that holds the secrets, kept out of Git. It
//! puts each value where the cluster reads it, once: into the cloud store for External
//! Secrets (`gcloud secrets … --data-file=-`, `az keyvault secret set … --file
//! /dev/stdin`, `vault kv put … value=-`), or straight into Kubernetes Secrets with
//! kubectl. Every value reaches its command on stdin from `printf`, a bash builtin, so
//! no process list or audit log shows it in an argument.

use super::bootstrap_job::{ADMIN_KEY, OWNER_KEY};
use super::external_secrets::{bootstrap_secret, plan};
use super::Tenant;
use crate::generate::commands::apply_manifest;
use crate::generate::secrets::SecretSpec;
use crate::generate::shell::{command, comment_text, quote};
use crate::model::SecretStoreKind;

/// The script's head: what it is and that it must not be committed.
pub fn head() -> String {
    "#!/usr/bin/env bash\n\
     # IXN secrets, written by the IXN configuration portal. THIS FILE HOLDS SECRETS:\n\
     # run it once, keep it out of Git, then delete it. Each value reaches its command on\n\
     # stdin (printf is a bash builtin), never in an argument.\n\
     set -euo pipefail\n"
        .to_string()
}

/// `printf '%s' VALUE | <cmd>`: the value exactly, without a trailing newline.
fn piped(value: &str, cmd: &str) -> String {
    format!("printf '%s' {} | {cmd}", quote(value))
}

/// The store commands of one tenant.
fn store_lines(t: &Tenant) -> String {
    let d = &t.cfg.deploy;
    let mut out = String::new();
    match d.secret_store {
        SecretStoreKind::GcpSecretManager => {
            let project =
                if d.store_gcp_project.is_empty() { d.gke_project.as_str() } else { d.store_gcp_project.as_str() };
            let mut p: Vec<&str> = Vec::new();
            if !project.is_empty() {
                p.extend(["--project", project]);
            }
            let extra = |words: &[&str]| {
                let mut w = words.to_vec();
                w.extend(p.iter().copied());
                command(&w)
            };
            // The helper's own argument, expanded: `"$1"` where `quote` wrote it literal.
            let arg = |cmd: String| cmd.replace(&format!(" {}", quote("$1")), " \"$1\"");
            out.push_str(&format!(
                "# Google Secret Manager{}: a new secret, or a new version of one that exists.\nput() {{\n  if {} </dev/null >/dev/null 2>&1; then\n    {}\n  else\n    {}\n  fi\n}}\n",
                if project.is_empty() { String::new() } else { format!(" (project {})", comment_text(project)) },
                arg(extra(&["gcloud", "secrets", "describe", "$1"])),
                arg(extra(&["gcloud", "secrets", "versions", "add", "$1", "--data-file=-"])),
                arg(extra(&["gcloud", "secrets", "create", "$1", "--replication-policy=automatic", "--data-file=-"])),
            ));
            for e in plan(t).entries {
                out.push_str(&format!(
                    "# {}\n{}\n",
                    comment_text(&e.what),
                    piped(&e.value, &command(&["put", &e.key]))
                ));
            }
        }
        SecretStoreKind::AzureKeyVault => {
            out.push_str(&format!("# Azure Key Vault {}\n", comment_text(&d.store_key_vault)));
            for e in plan(t).entries {
                let set = command(&[
                    "az",
                    "keyvault",
                    "secret",
                    "set",
                    "--vault-name",
                    &d.store_key_vault,
                    "--name",
                    &e.key,
                    "--file",
                    "/dev/stdin",
                    "--output",
                    "none",
                ]);
                out.push_str(&format!("# {}\n{}\n", comment_text(&e.what), piped(&e.value, &set)));
            }
        }
        SecretStoreKind::Vault => {
            out.push_str(&format!(
                "# HashiCorp Vault {}, KV v2 mount {}: one entry per value, in its field \"value\".\nexport VAULT_ADDR={}\n",
                comment_text(&d.store_vault_server),
                comment_text(&d.store_vault_mount),
                quote(&d.store_vault_server)
            ));
            for e in plan(t).entries {
                let put =
                    command(&["vault", "kv", "put", &format!("-mount={}", d.store_vault_mount), &e.key, "value=-"]);
                out.push_str(&format!("# {}\n{}\n", comment_text(&e.what), piped(&e.value, &put)));
            }
        }
    }
    out
}

/// The Secret the bootstrap Job reads, for kubectl mode.
fn bootstrap_spec(t: &Tenant) -> SecretSpec {
    let d = &t.cfg.deploy;
    SecretSpec {
        name: bootstrap_secret(t),
        kind: "Opaque",
        purpose: "the PostgreSQL admin and owner passwords for the bootstrap Job",
        data: vec![(ADMIN_KEY.into(), d.db_admin_password.clone()), (OWNER_KEY.into(), d.db_owner_password.clone())],
    }
}

/// The kubectl commands of one tenant: the namespace, then each Secret applied as a
/// manifest from stdin.
fn kubectl_lines(t: &Tenant) -> String {
    let ns = t.namespace.as_str();
    let mut out = format!(
        "# The namespace, if missing, then each Secret as a manifest on kubectl's stdin.\n{} | {}\n",
        command(&["kubectl", "create", "namespace", ns, "--dry-run=client", "--output=json"]),
        command(&["kubectl", "apply", "-f", "-"])
    );
    let mut specs = t.specs.clone();
    if t.cfg.deploy.db_bootstrap {
        specs.push(bootstrap_spec(t));
    }
    for s in &specs {
        match t.declared_by(&s.name) {
            Some(row) => out.push_str(&format!(
                "# {}: shared by the namespace's tenants, made above with row {row}'s.\n",
                comment_text(&s.name)
            )),
            None => {
                out.push_str(&apply_manifest(s, ns));
                out.push('\n');
            }
        }
    }
    out
}

/// The lines of one tenant, after a comment naming it.
pub fn tenant_lines(t: &Tenant) -> String {
    let body = if t.eso() { store_lines(t) } else { kubectl_lines(t) };
    format!("\n# ---- {} (namespace {})\n{body}", comment_text(&t.release), comment_text(&t.namespace))
}

/// The whole script for these tenants.
pub fn script(tenants: &[Tenant]) -> String {
    let mut out = head();
    for t in tenants {
        out.push_str(&tenant_lines(t));
    }
    out
}
