//! The commands to run, as separate blocks and as one bash script: cluster login,
//! namespace, secrets, database bootstrap, values file, helm, rollout checks, and the
//! Configuration Server option.

use super::secrets::{secret_specs, SecretSpec, KAFKA_SECRET, REDIS_SECRET};
use super::shell::{command, command_filling, comment_text, heredoc, quote, quote_filling};
use super::sql::{bootstrap_sql, Bootstrap};
use crate::model::{Config, Effective, GkeLocationKind, Platform, SecretStyle};
use crate::registry::keys;
use serde_json::json;

/// One block of commands with a title, to copy on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Stable id, e.g. `namespace`.
    pub id: &'static str,
    /// Title for the UI.
    pub title: &'static str,
    /// Bash text; comments say what to expect.
    pub script: String,
}

/// All blocks, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commands {
    /// The blocks.
    pub blocks: Vec<Block>,
    /// The configuration's errors, one `path: message` each. While there are any, the
    /// script starts with a guard that names them and stops (see [`Commands::script`]).
    pub errors: Vec<String>,
}

/// The values file name the commands write and pass to helm.
pub const VALUES_FILE: &str = "override_values.yaml";

impl Commands {
    /// One bash script that runs every block, stopping at the first failure. With
    /// errors, it starts with a guard: a comment naming them, then `exit 1`, so that a
    /// broken configuration cannot be run by accident.
    pub fn script(&self) -> String {
        let mut out = String::from("#!/usr/bin/env bash\n# IXN deployment, written by the IXN configuration portal.\n");
        if !self.errors.is_empty() {
            let n = crate::wording::count(self.errors.len(), "error");
            // The directive, before the first command, covers the file: what follows the
            // guard is unreachable on purpose.
            out.push_str(&format!(
                "# shellcheck disable=SC2317\n#\n# NOT READY: the configuration has {n}. Fix them, then make this file again;\n# until then it stops here and runs nothing.\n"
            ));
            for e in &self.errors {
                out.push_str(&format!("#   - {}\n", comment_text(e)));
            }
            out.push_str(&format!("echo 'deploy.sh: not ready, the configuration has {n} (listed at the top of this file)' >&2\nexit 1\n\n"));
        }
        out.push_str("set -euo pipefail\n");
        for b in &self.blocks {
            out.push_str(&format!("\n# ---- {}\n{}\n", b.title, b.script));
        }
        out
    }

    /// The block with this id.
    pub fn block(&self, id: &str) -> Option<&Block> {
        self.blocks.iter().find(|b| b.id == id)
    }
}

// The release name belongs to the model (validation needs it too); kept here for callers.
pub use crate::model::release_name;

fn login(cfg: &Config) -> String {
    let d = &cfg.deploy;
    match d.platform {
        Platform::Gke => {
            let mut w = vec!["gcloud", "container", "clusters", "get-credentials", d.gke_cluster.as_str()];
            if !d.gke_project.is_empty() {
                w.extend(["--project", d.gke_project.as_str()]);
            }
            if !d.gke_location.is_empty() {
                let flag = match d.gke_location_kind {
                    GkeLocationKind::Zone => "--zone",
                    GkeLocationKind::Region => "--region",
                };
                w.extend([flag, d.gke_location.as_str()]);
            }
            command(&w)
        }
        Platform::Aks => command(&[
            "az",
            "aks",
            "get-credentials",
            "--resource-group",
            &d.aks_resource_group,
            "--name",
            &d.aks_cluster,
        ]),
        Platform::Other => format!(
            "# kubectl must already point at the target cluster; check which one:\n{}",
            command(&["kubectl", "config", "current-context"])
        ),
    }
}

fn namespace(cfg: &Config) -> String {
    let ns = cfg.deploy.namespace.as_str();
    let manifest = json!({
        "apiVersion": "v1",
        "kind": "Namespace",
        "metadata": {"name": ns, "labels": {"name": ns}},
    });
    let body = serde_json::to_string_pretty(&manifest).expect("json");
    let file = "create-ixn-namespace.json";
    format!(
        "{}\n{}\n{}",
        heredoc(&format!("cat > {}", quote(file)), &body, "EOF"),
        command(&["kubectl", "apply", "-f", file]),
        command(&["kubectl", "describe", "namespace", ns]),
    )
}

/// A Secret manifest applied from stdin.
pub fn apply_manifest(spec: &SecretSpec, ns: &str) -> String {
    let body = serde_json::to_string_pretty(&spec.manifest(ns)).expect("json");
    format!(
        "# {}: {}\n{}",
        comment_text(&spec.name),
        spec.purpose,
        heredoc(&command(&["kubectl", "apply", "--namespace", ns, "-f", "-"]), &body, "EOF")
    )
}

fn guide_secret(spec: &SecretSpec, cfg: &Config, ns: &str) -> String {
    let d = &cfg.deploy;
    let delete = command(&["kubectl", "delete", "secret", &spec.name, "--namespace", ns, "--ignore-not-found"]);
    let create = if spec.kind == "kubernetes.io/dockerconfigjson" {
        let server = super::secrets::registry_server(cfg);
        let mut w = vec![
            "kubectl".to_string(),
            "create".into(),
            "secret".into(),
            "docker-registry".into(),
            spec.name.clone(),
            "--namespace".into(),
            ns.into(),
            format!("--docker-server={server}"),
            format!("--docker-username={}", d.registry_username),
            format!("--docker-password={}", d.registry_password),
        ];
        if !d.registry_email.is_empty() {
            w.push(format!("--docker-email={}", d.registry_email));
        }
        command(&w.iter().map(String::as_str).collect::<Vec<_>>())
    } else {
        let mut w = vec![
            "kubectl".to_string(),
            "create".into(),
            "secret".into(),
            "generic".into(),
            spec.name.clone(),
            "--namespace".into(),
            ns.into(),
        ];
        w.extend(spec.data.iter().map(|(k, v)| format!("--from-literal={k}={v}")));
        command(&w.iter().map(String::as_str).collect::<Vec<_>>())
    };
    if super::secrets::namespace_wide(cfg, &spec.name) {
        // Every IXN tenant of the namespace uses this Secret (see `namespace_wide`): one
        // tenant's script must not delete it from under the others, so it is applied,
        // which makes it or updates it in place, the guide's command rendered by kubectl.
        let apply = command(&["kubectl", "apply", "-f", "-"]);
        return format!(
            "# {}: {}\n# Shared by every IXN tenant in the namespace: applied (made or updated), never deleted.\n{create} --dry-run=client --output=yaml | {apply}",
            comment_text(&spec.name),
            spec.purpose
        );
    }
    format!("# {}: {}\n{delete}\n{create}", comment_text(&spec.name), spec.purpose)
}

fn secrets_block(specs: &[SecretSpec], cfg: &Config, ns: &str, names: &[&str]) -> String {
    specs
        .iter()
        .filter(|s| names.is_empty() || names.contains(&s.name.as_str()))
        .map(|s| match cfg.deploy.secret_style {
            SecretStyle::Guide => guide_secret(s, cfg, ns),
            SecretStyle::Stdin => apply_manifest(s, ns),
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A throwaway pod in the namespace that runs psql as the admin with `sql` on stdin
/// (the database is usually reachable only from inside the cluster). The admin
/// password reaches it through a short-lived Secret (see [`secret_pod`]).
pub fn psql_pod(cfg: &Config, real: &Effective, pod: &str, sql: &str) -> String {
    let d = &cfg.deploy;
    let host = real.str(keys::IXN_SERVICE_IXN_SERVER_DB_HOST).unwrap_or_default();
    let port = real.port_text(keys::IXN_SERVICE_IXN_SERVER_DB_PORT).unwrap_or_else(|| "5432".into());
    let args = vec![
        "psql".to_string(),
        format!("--host={host}"),
        format!("--port={port}"),
        format!("--username={}", d.db_admin_user),
        "--dbname=postgres".into(),
        "--no-psqlrc".into(),
    ];
    let env = vec![("PGPASSWORD".to_string(), d.db_admin_password.clone())];
    secret_pod(
        cfg,
        pod,
        &d.psql_image,
        args,
        env,
        "the PostgreSQL admin password for this pod (deleted after)",
        Some(("SQL", sql)),
    )
}

/// A throwaway pod `pod` running `args` in `image`, with `stdin` (heredoc tag, text)
/// on its standard input. Credentials in `env` never go on a command line, in either
/// secret style: they go into a Secret named after the pod, made the way the chosen
/// style makes secrets, which the pod reads through `envFrom` and the script deletes
/// after. With no `env`, a plain `kubectl run`.
pub fn secret_pod(
    cfg: &Config,
    pod: &str,
    image: &str,
    args: Vec<String>,
    env: Vec<(String, String)>,
    purpose: &'static str,
    stdin: Option<(&str, &str)>,
) -> String {
    let ns = cfg.deploy.namespace.as_str();
    let image_flag = format!("--image={image}");
    let mut run: Vec<String> =
        ["kubectl", "run", pod, "--namespace", ns, "--rm", "--stdin", "--restart=Never", image_flag.as_str()]
            .map(String::from)
            .to_vec();
    if env.is_empty() {
        run.push("--".into());
        run.extend(args);
    } else {
        let overrides = json!({
            "apiVersion": "v1",
            "spec": {"containers": [{
                "name": pod,
                "image": image,
                "stdin": true,
                "stdinOnce": true,
                "args": args,
                "envFrom": [{"secretRef": {"name": pod}}],
            }]},
        });
        run.push(format!("--overrides={}", serde_json::to_string(&overrides).expect("json")));
    }
    let run = command(&run.iter().map(String::as_str).collect::<Vec<_>>());
    let run = match stdin {
        Some((tag, text)) => heredoc(&run, text, tag),
        None => run,
    };
    if env.is_empty() {
        return run;
    }
    let secret = SecretSpec { name: pod.into(), kind: "Opaque", purpose, data: env };
    let make = match cfg.deploy.secret_style {
        SecretStyle::Guide => guide_secret(&secret, cfg, ns),
        SecretStyle::Stdin => apply_manifest(&secret, ns),
    };
    let delete = command(&["kubectl", "delete", "secret", pod, "--namespace", ns, "--ignore-not-found"]);
    // Under `set -e` a failing pod (or Ctrl-C) ends the script before the delete: the
    // EXIT trap deletes this pod's own Secret then, and nothing else; bash keeps the
    // script's exit status. Cleared once the Secret is gone: it never outlives its step.
    format!(
        "# If this step fails or is interrupted, the pod's Secret is deleted on exit all the same.\n\
         trap {} EXIT\n{make}\n{run}\n{delete}\ntrap - EXIT",
        quote(&delete)
    )
}

/// The two database names, as the deployment will use them.
pub fn database_names(real: &Effective) -> [String; 2] {
    [
        real.str(keys::IXN_SERVICE_IXN_SERVER_DB_NAME).unwrap_or_default().to_string(),
        real.str(keys::IXN_SERVICE_IXN_NODE_DB_NAME).unwrap_or_default().to_string(),
    ]
}

fn db_bootstrap(cfg: &Config, real: &Effective) -> String {
    let [server_db, node_db] = database_names(real);
    let sql = bootstrap_sql(&Bootstrap {
        databases: vec![&server_db, &node_db],
        owner: &cfg.deploy.db_owner_user,
        password: &cfg.deploy.db_owner_password,
    });
    format!(
        "# Creates the two databases and the owner role if missing, then grants, from a\n\
         # throwaway pod in the namespace (the database is usually reachable only from there).\n{}",
        psql_pod(cfg, real, "ixn-db-bootstrap", &sql)
    )
}

/// `command`, writing `file`, in a subshell whose umask makes the file its owner's
/// only (0600): the values and what Helm renders from them can hold credentials. A file
/// left by an earlier run is removed first, so it does not keep a wider mode. The
/// umask stays inside the parentheses: a pasted block leaves the user's shell as it was.
fn private(file: &str, command: &str) -> String {
    private_quoted(&quote(file), command)
}

/// [`private`] with the file's name already quoted for the shell (a name with an
/// envsubst placeholder the shell fills in: [`quote_filling`]).
fn private_quoted(file: &str, command: &str) -> String {
    format!("(umask 077 && rm -f -- {file} && {command})")
}

fn values_block(yaml: &str, cfg: &Config, eff: &Effective) -> (String, &'static str) {
    let write =
        heredoc(&private(VALUES_FILE, &format!("cat > {}", quote(VALUES_FILE))), yaml.trim_end_matches('\n'), "EOF");
    let file = values_file_for(cfg, eff);
    if file == VALUES_FILE {
        return (write, file);
    }
    // Placeholders the user typed or imported: their values are not known here.
    let user = &cfg.deploy.envsubst_vars;
    let theirs: Vec<&String> = user.iter().filter(|n| !eff.exports.iter().any(|e| &e.name == *n)).collect();
    let mut exports: Vec<String> =
        eff.exports.iter().map(|e| format!("export {}={}", e.name, quote(&e.value))).collect();
    if !theirs.is_empty() {
        exports.push("# Export these yourself first; the script stops here if one is missing:".into());
        exports.extend(theirs.iter().map(|n| format!(": \"${{{n}:?export {n} before running this}}\"")));
    }
    let names: Vec<String> = eff
        .exports
        .iter()
        .map(|e| e.name.as_str())
        .chain(theirs.iter().map(|n| n.as_str()))
        .map(|n| format!("${{{n}}}"))
        .collect();
    let substituted = format!("{VALUES_FILE}_");
    // The list is envsubst's, so its `${NAME}`s are single-quoted on purpose: the one
    // place a script means `$` literally inside single quotes, said to shellcheck there.
    let subst = format!(
        "# Only these variables are substituted, so any other $ in the file is kept.\n# The names are for envsubst, not for this shell:\n# shellcheck disable=SC2016\n{}",
        private(
            &substituted,
            &format!(
                "envsubst {} < {} > {}",
                super::shell::single(&names.join(" ")),
                quote(VALUES_FILE),
                quote(&substituted)
            )
        )
    );
    (format!("{write}\n{}\n{subst}", exports.join("\n")), file)
}

/// Every command block for `cfg`, with `yaml` as the values file content. `eff` is
/// the effective values and `real` the same without placeholders
/// ([`Effective::real`]), for what talks to the cluster directly.
pub fn commands(cfg: &Config, eff: &Effective, real: &Effective, yaml: &str) -> Commands {
    let d = &cfg.deploy;
    let ns = d.namespace.as_str();
    let release = release_name(cfg);
    let specs = secret_specs(cfg, real);
    let mut blocks = vec![
        Block { id: "login", title: "Log in to the cluster", script: login(cfg) },
        Block { id: "namespace", title: "Create the namespace", script: namespace(cfg) },
    ];
    if d.pull_secret_create {
        blocks.push(Block {
            id: "pull-secret",
            title: "Create the image pull secret",
            script: secrets_block(&specs, cfg, ns, &[d.pull_secret_name.as_str()]),
        });
    }
    blocks.push(Block {
        id: "secrets",
        title: "Create the Redis and Kafka secrets",
        script: secrets_block(&specs, cfg, ns, &[REDIS_SECRET, KAFKA_SECRET]),
    });
    if !d.chart_makes_db_secrets {
        let names: Vec<&str> =
            specs.iter().skip_while(|s| s.name != KAFKA_SECRET).skip(1).map(|s| s.name.as_str()).collect();
        blocks.push(Block {
            id: "db-secrets",
            title: "Create the database secrets",
            script: format!(
                "# The chart does not make these (secrets.db.enabled: false); keys username and password.\n{}",
                secrets_block(&specs, cfg, ns, &names)
            ),
        });
    }
    if d.db_bootstrap {
        blocks.push(Block { id: "db-bootstrap", title: "Bootstrap the databases", script: db_bootstrap(cfg, real) });
    }
    blocks.push(Block { id: "chart", title: "Add the chart source", script: super::helm::chart_source_block(cfg) });
    let (values, values_file) = values_block(yaml, cfg, eff);
    blocks.push(Block { id: "values", title: "Write the values file", script: values });
    // The `$VAR`s the user chose to fill in with envsubst: the shell fills them in the
    // release name too (single quotes would keep `$VAR` literal forever).
    let fill = &d.envsubst_vars;
    let mut template = helm_words(cfg, &["helm", "template"], values_file);
    let rendered = format!("{release}-rendered.yaml");
    let mut upgrade = helm_words(cfg, &["helm", "upgrade", "--install"], values_file);
    upgrade.extend(super::helm::install_flags(d.helm_major).iter().map(|s| s.to_string()));
    if d.verify_chart {
        let (block, profile) = verify_block(cfg, &release);
        blocks.push(block);
        let flags = super::helm::post_renderer_flags(d.helm_major, &profile);
        template.extend(flags.iter().cloned());
        upgrade.extend(flags);
    }
    blocks.push(Block {
        id: "helm",
        title: "Validate and install the chart",
        script: format!(
            "# Render first: errors show here without touching the cluster (the file holds\n# the chart's Secrets: its owner's only).\n{}\n{}",
            private_quoted(
                &quote_filling(&rendered, fill),
                &format!(
                    "{} > {}",
                    command_filling(&template.iter().map(String::as_str).collect::<Vec<_>>(), fill),
                    quote_filling(&rendered, fill)
                )
            ),
            command_filling(&upgrade.iter().map(String::as_str).collect::<Vec<_>>(), fill)
        ),
    });
    let shown = comment_text(&release);
    let sidecar = eff.bool(keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_ENABLED) == Some(true);
    let ready = if sidecar { "5/5" } else { "4/4" };
    blocks.push(Block {
        id: "rollout",
        title: "Wait for the rollout",
        script: format!(
            "{}\n{}\n{}\n# Expect {shown}-sts-0 READY {ready}{} and {shown}-vqnode-deploy-… READY 3/3.\n# READY 1/1 usually means Consul sidecar injection failed: check the annotations\n# and that the service account name starts with ixn-server-.",
            command_filling(&["kubectl", "rollout", "status", &format!("statefulset/{release}-sts"), "--namespace", ns, "--timeout=4m"], fill),
            command_filling(&["kubectl", "rollout", "status", &format!("deployment/{release}-vqnode-deploy"), "--namespace", ns, "--timeout=2m"], fill),
            command(&["kubectl", "get", "pods", "--namespace", ns]),
            if sidecar { " (with the log sidecar)" } else { "" },
        ),
    });
    let health =
        comment_text(&eff.port_text(keys::IXN_SERVICE_IXN_SERVER_PORTS_HEALTH).unwrap_or_else(|| "13131".into()));
    let app = comment_text(eff.str(keys::IXN_SERVICE_IXN_SERVER_CONF_SERVER_APP_NAME).unwrap_or("<IXN application>"));
    blocks.push(Block {
        id: "config-server",
        title: "Configuration Server option",
        script: format!(
            "# In Configuration Server, application {app} > Options, section [health-service]:\n#   soap-endpoint = http://localhost:{health}/health"
        ),
    });
    Commands { blocks, errors: Vec::new() }
}

/// `deploy.verifyChart`: the profile (no credentials) written beside the script for the
/// post-renderer, and a stop when `ixn-portal` (or, for Helm 4, its plugin) is missing.
/// Returns the block and the profile's file name.
fn verify_block(cfg: &Config, release: &str) -> (Block, String) {
    let profile = format!("{}.profile.yaml", crate::artifacts::download_folder(release));
    let text = crate::profile::Profile::of(cfg, false).to_yaml_text();
    let mut script =
        String::from("# The profile the post-renderer checks the chart's output against (no credentials).\n");
    script.push_str(&heredoc(&format!("cat > {}", quote(&profile)), text.trim_end_matches('\n'), "EOF"));
    script.push_str(
        "\nif ! command -v ixn-portal >/dev/null; then\n  echo 'ixn-portal is not on PATH: install it (cargo install --path cli) or turn deploy.verifyChart off' >&2\n  exit 1\nfi",
    );
    if cfg.deploy.helm_major == crate::model::HelmMajor::V4 {
        script.push_str(&format!(
            "\nif ! helm plugin list | grep -q '^{p}[[:space:]]'; then\n  echo 'Install the {p} post-renderer plugin first: helm plugin install <ixn-portal checkout>/helm-plugin/{p}' >&2\n  exit 1\nfi",
            p = super::helm::VERIFY_PLUGIN
        ));
    }
    (Block { id: "verify-chart", title: "Check the chart's output against the profile", script }, profile)
}

/// `helm <verb…> <release> <chart> [--version V] --namespace NS -f <file>`.
pub fn helm_words(cfg: &Config, verb: &[&str], values_file: &str) -> Vec<String> {
    let d = &cfg.deploy;
    let mut w: Vec<String> = verb.iter().map(|s| s.to_string()).collect();
    w.push(release_name(cfg));
    w.push(d.chart.clone());
    if !d.chart_version.is_empty() {
        w.extend(["--version".into(), d.chart_version.clone()]);
    }
    w.extend(["--namespace".into(), d.namespace.clone(), "-f".into(), values_file.into()]);
    w
}

/// The file helm reads: the envsubst output when there are placeholders.
pub fn values_file_for(cfg: &Config, eff: &Effective) -> &'static str {
    if eff.exports.is_empty() && cfg.deploy.envsubst_vars.is_empty() {
        VALUES_FILE
    } else {
        "override_values.yaml_"
    }
}
