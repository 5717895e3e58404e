//! `README.md` in each tenant's folder of the Git tree: what the folder holds, how its
//! entry point (Argo CD's `application.yaml`, Flux's `kustomization.yaml`, the Genesys
//! workflow's release folder) gets applied, which files the cluster reads and which it
//! does not, and where the secrets come from. It is committed with the folder; the
//! tools leave it out of what they apply (Argo CD reads `manifests/*.yaml` only, Flux
//! the files `kustomization.yaml` lists, the workflow its scripts and values).

use super::{GitFile, GitView, SEED_FILE};
use crate::model::{SecretStoreKind, SyncMode};

/// The file's name in the folder.
pub const README: &str = "README.md";

/// The secrets' paragraph, the same in every mode.
fn secrets(t: &GitView) -> String {
    let d = &t.cfg.deploy;
    let mut s = format!(
        "## Secrets\n\nNo secret is in this folder. `{SEED_FILE}` (in the download, beside the tree, never\ncommitted) puts them where the cluster reads them: run it once, then delete it.\n"
    );
    if t.eso() {
        let sa = &d.store.service_account;
        s.push_str(&format!(
            "\nThe External Secrets Operator makes the Secrets from the store. The `SecretStore`\nauthenticates as the Kubernetes service account `{sa}`, made from this folder\n(`service-account.yaml`)"
        ));
        s.push_str(match d.store.kind {
            SecretStoreKind::GcpSecretManager => ": it carries `iam.gke.io/gcp-service-account`, and the seed script\nbinds that Google service account to it (`roles/iam.workloadIdentityUser`) and lets it\nread the secrets (`roles/secretmanager.secretAccessor`).\n",
            SecretStoreKind::AzureKeyVault => ": AKS workload identity needs a managed identity that may read the Key Vault's\nsecrets (role Key Vault Secrets User) with a federated credential for that service\naccount. The seed script makes both and prints the identity's client ID: add it to\n`service-account.yaml` as the annotation `azure.workload.identity/client-id`, and commit.\n",
            SecretStoreKind::Vault => ": Vault's Kubernetes auth role must be bound to it (`bound_service_account_names`,\n`bound_service_account_namespaces`) with a policy that reads the KV entries; the seed\nscript writes both.\n",
        });
    }
    s
}

/// The tenant's `README.md`, in `folder` (the tenant's folder, or its Genesys release
/// folder), with `how`, the mode's "How it is applied" ([`argocd`], [`flux`],
/// [`genesys`]).
pub fn file(t: &GitView, folder: &str, how: &str) -> GitFile {
    let release = &t.name;
    let mut s = format!(
        "# IXN tenant {release}\n\nWritten by the IXN configuration portal. Commit this folder as it is, at\n`{folder}/` from the root of the repository: the files name that path.\n\n"
    );
    s.push_str(how);
    s.push_str(&secrets(t));
    GitFile { path: format!("{folder}/{README}"), text: s, executable: false }
}

/// Argo CD's "How it is applied", for the tenant's `folder`.
pub fn argocd(t: &GitView, folder: &str) -> String {
    let d = &t.cfg.deploy;
    let ns = crate::generate::shell::comment_text(&t.namespace);
    let argocd = crate::generate::shell::comment_text(&d.argocd.namespace);
    format!(
        "## How it is applied\n\n`application.yaml` is the Argo CD `Application`. Argo CD does not sync it from here:\napply it once, by hand, after the first commit\n\n```sh\nkubectl apply -n {argocd} -f {folder}/application.yaml\n```\n\nor keep a copy in your app-of-apps folder. The Application's Git source reads only\n`manifests/*.yaml` of this folder, so `application.yaml`, `override_values.yaml` (read as\na values file, `$values/{folder}/override_values.yaml`, when the values are in a file) and\nthis README are never applied as manifests.\n\n- `manifests/`: the SecretStore and ExternalSecrets (sync waves -2 and -1, before the\n  chart) and the database bootstrap (PreSync hooks), into namespace `{ns}`.\n- {}\n\n",
        if d.git.sync == SyncMode::Automated {
            "Sync is automated: a commit here is deployed."
        } else {
            "Sync is manual: `argocd app sync` (or the UI) deploys a commit."
        }
    )
}

/// Flux's "How it is applied", for the tenant's `folder`.
pub fn flux(t: &GitView, folder: &str) -> String {
    let d = &t.cfg.deploy;
    let source = crate::generate::shell::comment_text(&d.flux.source);
    format!(
        "## How it is applied\n\n`kustomization.yaml` is the entry point: it lists only `flux/*.yaml`, three Flux\n`Kustomization`s (in `flux-system`, reading the `GitRepository` `{source}`) that apply\n`secrets/`, `db-bootstrap/` and `release/` in that order. Have the Flux `Kustomization`\nthat syncs your cluster reach this folder (its `path` at or above it), or apply it once:\n\n```sh\nkubectl apply -k {folder}\n```\n\nEverything else here is applied by those three, not by that one; this README by none.\n{}\n",
        if d.git.sync == SyncMode::Manual {
            "They are written `suspend: true` (manual sync): `flux resume kustomization …`.\n"
        } else {
            ""
        }
    )
}

/// The Genesys pipeline's "How it is applied".
pub fn genesys() -> &'static str {
    "## How it is applied\n\nThe Genesys workflow (`services/deployment.sh` of genesys/multicloud-services) deploys\nevery `*_release_*` folder beside this one: it sources `pre-release-script.sh` (which\napplies `manifests/` and runs the database bootstrap), runs envsubst over\n`override_values.yaml` and installs the chart at the version of `../chart.ver`, then\nsources `post-release-script.sh`. This README is not read.\n\n"
}

/// A batch's `README.md` at the root of its Argo CD tree: how `applicationset.yaml`
/// gets applied (`namespace` is Argo CD's, from the first tenant).
pub fn application_set(namespace: &str) -> GitFile {
    let ns = crate::generate::shell::comment_text(namespace);
    let text = format!(
        "# IXN tenants\n\nWritten by the IXN configuration portal. Commit this tree as it is, from the root of\nthe repository: the files name their paths from there.\n\n## How it is applied\n\n`applicationset.yaml` is the Argo CD `ApplicationSet`: one `Application` per tenant,\neach reading the chart, its folder's `override_values.yaml` and its folder's\n`manifests/*.yaml`. Argo CD does not sync it from here: apply it once, by hand, after\nthe first commit, and again when a tenant is added\n\n```sh\nkubectl apply -n {ns} -f applicationset.yaml\n```\n\nIt and this README sit outside every tenant folder, so no Application applies them.\n\n## Secrets\n\nNo secret is in this tree. `{SEED_FILE}` (beside the tree, never committed) puts\nevery tenant's secrets where the cluster reads them: run it once, then delete it.\n"
    );
    GitFile { path: README.into(), text, executable: false }
}
