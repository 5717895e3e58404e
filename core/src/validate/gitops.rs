//! The checks of the Git delivery settings: what Argo CD, Flux, the Genesys pipeline
//! and the secret store need, said at the field that needs it.

use super::Finding;
use crate::model::{ctx, ContextDef};
use crate::model::{ChartSource, Config, SecretStoreKind, SecretsFrom};

fn need(out: &mut Vec<Finding>, path: &'static ContextDef, v: &str, what: &str) {
    if v.trim().is_empty() {
        out.push(Finding::error(path, format!("Enter {what}.")));
    }
}

/// Store key names: Azure Key Vault allows letters, digits and `-`; Google Secret
/// Manager also `_`; Vault paths take them all.
fn store_name_ok(s: &str) -> bool {
    !s.is_empty() && s.len() <= 100 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// The findings for the Git delivery settings (none in Script mode).
pub fn gitops(cfg: &Config, out: &mut Vec<Finding>) {
    let d = &cfg.deploy;
    // What each mode shows, needs and pulls is its form's (`crate::model::ModeForm`).
    let mode = d.delivery.form();
    if !mode.git {
        return;
    }
    if mode.pulls_chart {
        // The chart source's own checks (rules.rs) cover its URL; the controller can only
        // pull what is published.
        if d.chart_source == ChartSource::Local {
            out.push(Finding::error(
                ctx::DEPLOY_CHART_SOURCE,
                "Argo CD and Flux pull the chart themselves, from a chart repository or an OCI registry: a chart on this disk never reaches them",
            ));
        }
    }
    if mode.shows(ctx::GITOPS_PATH.name) {
        if let Err(e) = crate::model::git_folder(&d.git.path) {
            out.push(Finding::error(ctx::GITOPS_PATH, e.to_string()));
        }
    }
    for &(name, what) in mode.needs {
        let field = crate::model::context_field(name).expect("a mode needs context fields (tested)");
        need(out, field, &(field.get)(d), what);
    }
    if d.chart_version.trim().is_empty() {
        out.push(Finding::warning(ctx::DEPLOY_CHART_VERSION, format!("{}; pin one in Git", mode.unpinned)));
    }
    if d.placeholders {
        out.push(Finding::warning(
            ctx::DEPLOY_PLACEHOLDERS,
            "Git delivery writes the real values: no controller runs envsubst, so placeholders are not used",
        ));
    }
    if d.chart_makes_db_secrets {
        out.push(Finding::warning(
            ctx::DB_CHART_SECRETS,
            "in Git delivery the chart does not make the DB secrets (secrets.db.enabled: false), so no password sits in Git; they are made outside it",
        ));
    }
    if d.db_bootstrap {
        // `\getenv` (the bootstrap SQL reads the owner's password with it) came in psql 15.
        let old = d
            .psql_image
            .rsplit_once(':')
            .and_then(|(_, tag)| tag.split(['.', '-']).next()?.parse::<u32>().ok())
            .is_some_and(|v| v < 15);
        if old {
            out.push(Finding::error(
                ctx::DB_PSQL_IMAGE,
                "the bootstrap Job needs psql 15 or later (it reads the password with \\getenv)",
            ));
        }
    }
    if d.git.secrets_from != SecretsFrom::ExternalSecrets {
        return;
    }
    let prefix = d.store.prefix.trim();
    if !prefix.is_empty() && !store_name_ok(prefix) {
        out.push(Finding::error(
            ctx::STORE_PREFIX,
            "store key names take letters, digits and - only (Azure Key Vault's rule)",
        ));
    }
    need(
        out,
        ctx::STORE_SERVICE_ACCOUNT,
        &d.store.service_account,
        "the service account the SecretStore authenticates as",
    );
    match d.store.kind {
        SecretStoreKind::GcpSecretManager => {
            if d.store.gcp_project.trim().is_empty() && d.gke_project.trim().is_empty() {
                out.push(Finding::error(
                    ctx::STORE_GCP_PROJECT,
                    "Enter the Google Cloud project of the secrets, or the GKE project.",
                ));
            }
        }
        SecretStoreKind::AzureKeyVault => {
            let kv = d.store.key_vault.trim();
            need(out, ctx::STORE_KEY_VAULT, kv, "the Key Vault's name");
            let ok = (3..=24).contains(&kv.len()) && kv.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
            if !kv.is_empty() && !ok {
                out.push(Finding::error(ctx::STORE_KEY_VAULT, "a Key Vault name is 3 to 24 letters, digits and -"));
            }
        }
        SecretStoreKind::Vault => {
            need(
                out,
                ctx::STORE_VAULT_SERVER,
                &d.store.vault_server,
                "Vault's URL, e.g. https://vault.example.com:8200",
            );
            need(out, ctx::STORE_VAULT_MOUNT, &d.store.vault_mount, "the KV version 2 mount");
            need(out, ctx::STORE_VAULT_AUTH_MOUNT, &d.store.vault_auth_mount, "the Kubernetes auth mount");
            need(out, ctx::STORE_VAULT_ROLE, &d.store.vault_role, "the Vault role");
        }
    }
}
