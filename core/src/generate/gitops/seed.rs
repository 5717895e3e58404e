//! `seed-secret-store.sh`: the one file that holds the secrets, kept out of Git. It
//! puts each value where the cluster reads it, once: into the cloud store for External
//! Secrets (`gcloud secrets … --data-file=-`, `az keyvault secret set … --file
//! /dev/stdin`, `vault kv put … value=-`), or straight into Kubernetes Secrets with
//! kubectl. Every value reaches its command on stdin from `printf`, a bash builtin, so
//! no process list or audit log shows it in an argument.

use super::bootstrap_job::{ADMIN_KEY, OWNER_KEY};
use super::external_secrets::{self, bootstrap_secret, plan};
use super::GitView;
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

/// The commands that let the SecretStore's service account read the store (run where
/// gcloud, az or vault is logged in, as the store commands): GKE workload identity's
/// binding to the Google service account, AKS's managed identity and federated
/// credential, or Vault's policy and Kubernetes auth role. Each may run again.
fn identity_lines(t: &GitView) -> String {
    let d = &t.cfg.deploy;
    let (sa, ns) = (d.store.service_account.as_str(), t.namespace.as_str());
    let head = format!(
        "# The SecretStore authenticates as the service account {} in namespace {} (made\n# from Git, manifests' service-account.yaml): let it read the store.\n",
        comment_text(sa),
        comment_text(ns)
    );
    match d.store.kind {
        SecretStoreKind::GcpSecretManager => {
            let project = external_secrets::gcp_project(t);
            if project.is_empty() {
                return String::new();
            }
            let gsa = external_secrets::google_service_account(t);
            let pool = if d.gke_project.is_empty() { project } else { d.gke_project.as_str() };
            format!(
                "{head}{} >/dev/null 2>&1 ||\n  {}\n{}\n{}\n",
                command(&["gcloud", "iam", "service-accounts", "describe", &gsa, "--project", project]),
                command(&["gcloud", "iam", "service-accounts", "create", sa, "--project", project]),
                command(&[
                    "gcloud",
                    "projects",
                    "add-iam-policy-binding",
                    project,
                    &format!("--member=serviceAccount:{gsa}"),
                    "--role=roles/secretmanager.secretAccessor",
                    "--condition=None",
                ]),
                command(&[
                    "gcloud",
                    "iam",
                    "service-accounts",
                    "add-iam-policy-binding",
                    &gsa,
                    "--project",
                    project,
                    "--role=roles/iam.workloadIdentityUser",
                    &format!("--member=serviceAccount:{pool}.svc.id.goog[{ns}/{sa}]"),
                ]),
            )
        }
        SecretStoreKind::AzureKeyVault => {
            let rg = d.aks_resource_group.as_str();
            let credential = format!("{sa}-{ns}");
            format!(
                "{head}{} >/dev/null 2>&1 ||\n  {}\nclient_id=$({})\n{} >/dev/null 2>&1 ||\n  {} \\\n    --issuer \"$({})\"\n{} \\\n  --assignee \"$client_id\" --scope \"$({})\"\necho \"Add to service-account.yaml and commit: azure.workload.identity/client-id: $client_id\"\n",
                command(&["az", "identity", "show", "--name", sa, "--resource-group", rg, "--output", "none"]),
                command(&["az", "identity", "create", "--name", sa, "--resource-group", rg, "--output", "none"]),
                command(&["az", "identity", "show", "--name", sa, "--resource-group", rg, "--query", "clientId", "--output", "tsv"]),
                command(&["az", "identity", "federated-credential", "show", "--name", &credential, "--identity-name", sa, "--resource-group", rg, "--output", "none"]),
                command(&[
                    "az",
                    "identity",
                    "federated-credential",
                    "create",
                    "--name",
                    &credential,
                    "--identity-name",
                    sa,
                    "--resource-group",
                    rg,
                    &format!("--subject=system:serviceaccount:{ns}:{sa}"),
                    "--audiences=api://AzureADTokenExchange",
                    "--output",
                    "none",
                ]),
                command(&["az", "aks", "show", "--name", &d.aks_cluster, "--resource-group", rg, "--query", "oidcIssuerProfile.issuerUrl", "--output", "tsv"]),
                command(&["az", "role", "assignment", "create", "--role", "Key Vault Secrets User", "--output", "none"]),
                command(&["az", "keyvault", "show", "--name", &d.store.key_vault, "--query", "id", "--output", "tsv"]),
            )
        }
        SecretStoreKind::Vault => {
            let prefix = plan(t).entries.first().and_then(|e| e.key.rsplit_once('/')).map(|(p, _)| p.to_string());
            let Some(prefix) = prefix else { return String::new() };
            // HCL strings read JSON's escapes.
            let path = serde_json::to_string(&format!("{}/data/{prefix}/*", d.store.vault_mount)).expect("json");
            let role = d.store.vault_role.as_str();
            format!(
                "{head}{}\n{}\n",
                crate::generate::shell::heredoc(
                    &command(&["vault", "policy", "write", role, "-"]),
                    &format!("path {path} {{\n  capabilities = [\"read\"]\n}}"),
                    "EOF"
                ),
                command(&[
                    "vault",
                    "write",
                    &format!("auth/{}/role/{role}", d.store.vault_auth_mount),
                    &format!("bound_service_account_names={sa}"),
                    &format!("bound_service_account_namespaces={ns}"),
                    &format!("policies={role}"),
                    "ttl=1h",
                ]),
            )
        }
    }
}

/// The store commands of one tenant.
fn store_lines(t: &GitView) -> String {
    let d = &t.cfg.deploy;
    let mut out = String::new();
    match d.store.kind {
        SecretStoreKind::GcpSecretManager => {
            let project =
                if d.store.gcp_project.is_empty() { d.gke_project.as_str() } else { d.store.gcp_project.as_str() };
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
            out.push_str(&format!("# Azure Key Vault {}\n", comment_text(&d.store.key_vault)));
            for e in plan(t).entries {
                let set = command(&[
                    "az",
                    "keyvault",
                    "secret",
                    "set",
                    "--vault-name",
                    &d.store.key_vault,
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
                comment_text(&d.store.vault_server),
                comment_text(&d.store.vault_mount),
                quote(&d.store.vault_server)
            ));
            for e in plan(t).entries {
                let put =
                    command(&["vault", "kv", "put", &format!("-mount={}", d.store.vault_mount), &e.key, "value=-"]);
                out.push_str(&format!("# {}\n{}\n", comment_text(&e.what), piped(&e.value, &put)));
            }
        }
    }
    out.push_str(&identity_lines(t));
    out
}

/// The Secret the bootstrap Job reads, for kubectl mode.
fn bootstrap_spec(t: &GitView) -> SecretSpec {
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
fn kubectl_lines(t: &GitView) -> String {
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
pub fn tenant_lines(t: &GitView) -> String {
    let body = if t.eso() { store_lines(t) } else { kubectl_lines(t) };
    format!("\n# ---- {} (namespace {})\n{body}", comment_text(&t.release), comment_text(&t.namespace))
}

/// The whole script for these tenants.
pub fn script(tenants: &[GitView]) -> String {
    let mut out = head();
    for t in tenants {
        out.push_str(&tenant_lines(t));
    }
    out
}
