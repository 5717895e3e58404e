//! The folder layout genesys/multicloud-services' workflow deploys:
//! `services/ixn/01_chart_ixn/chart.ver` (the chart version) and, per release,
//! `01_release_ixn/override_values.yaml` and `pre-release-script.sh`.
//!
//! The workflow (`services/deployment.sh`) sources `pre-release-script.sh` in the
//! release folder, then runs `envsubst` over every `override_values.yaml` and
//! `helm upgrade --install $RELEASE helm_repo/ixn -n $NS -f … --version=$(chart.ver)`.
//! So the script here sets `RELEASE` and checks `NS`; it writes no secret (that
//! repository's own script builds the Secrets' JSON by hand, which breaks on `"`, `$` and
//! a Kafka port other than 9092): the Secrets come from `seed-secret-store.sh` or External
//! Secrets, and the bootstrap is the Job. Because envsubst would eat every `$NAME` in the
//! values, each `$` is written `${IXN_PORTAL_DOLLAR}` and the script exports that as `$`.

use super::bootstrap_job::job_name;
use super::{manifests, seed, GitFile, GitView, Tree};
use crate::generate::commands::VALUES_FILE;
use crate::generate::shell::{command, comment_text, quote};

/// The chart's folder.
pub const CHART_DIR: &str = "services/ixn/01_chart_ixn";
/// The release's folder (the workflow names the release `ixn-$TENANT_SID`; the script
/// sets the configured one).
pub const RELEASE_DIR: &str = "services/ixn/01_chart_ixn/01_release_ixn";
/// What each `$` of the values becomes, for the workflow's envsubst.
pub const DOLLAR_VAR: &str = "IXN_PORTAL_DOLLAR";

/// The values text with every `$` hidden from envsubst.
pub fn escape_dollars(yaml: &str) -> String {
    yaml.replace('$', &format!("${{{DOLLAR_VAR}}}"))
}

fn pre_release(t: &GitView, manifest_files: &[String]) -> String {
    let ns = t.namespace.as_str();
    let mut s = String::from(
        "# shellcheck shell=bash\n\
         # IXN pre-release script, written by the IXN configuration portal. The workflow\n\
         # sources it in this folder before helm; it holds no secret.\n\n\
         # The workflow runs envsubst over override_values.yaml: each $ there is written\n\
         # ${IXN_PORTAL_DOLLAR}, which comes back as $.\n",
    );
    s.push_str(&format!("export {DOLLAR_VAR}='$'\n"));
    s.push_str(&format!(
        "if [[ \"${{NS:-}}\" != {q} ]]; then\n  echo {msg} >&2\n  return 1\nfi\n",
        q = quote(ns),
        msg = quote(&format!("This release is configured for namespace {ns}: run the workflow with that namespace."))
    ));
    s.push_str(&format!(
        "# The release name as configured (the workflow would use ixn-$TENANT_SID).\nexport RELEASE={}\n",
        quote(&t.release)
    ));
    if t.cfg.deploy.verify_chart {
        s.push_str(&verify_params(t));
    }
    s.push_str("if [[ \"${PARAMS:-}\" == *--dry-run* ]]; then\n  echo 'validate: nothing applied before helm'\nelse\n");
    let mut body = String::new();
    if t.eso() {
        let names: Vec<String> = t.specs.iter().map(|x| x.name.clone()).collect();
        if !manifest_files.is_empty() {
            let mut w = vec!["kubectl".to_string(), "apply".into(), "--namespace".into(), ns.into()];
            for f in manifest_files {
                w.extend(["-f".into(), format!("manifests/{f}")]);
            }
            body.push_str("# The SecretStore, the ExternalSecrets and the bootstrap SQL, then their Secrets.\n");
            body.push_str(&command(&w.iter().map(String::as_str).collect::<Vec<_>>()));
            body.push('\n');
        }
        let mut w = vec![
            "kubectl".to_string(),
            "wait".into(),
            "--namespace".into(),
            ns.into(),
            "--for=condition=Ready".into(),
            "--timeout=2m".into(),
        ];
        w.extend(names.iter().map(|n| format!("externalsecret/{n}")));
        if t.cfg.deploy.db_bootstrap {
            w.push(format!("externalsecret/{}", super::external_secrets::bootstrap_secret(t)));
        }
        body.push_str(&command(&w.iter().map(String::as_str).collect::<Vec<_>>()));
        body.push('\n');
    } else {
        let mut w = vec!["kubectl".to_string(), "get".into(), "secret".into(), "--namespace".into(), ns.into()];
        w.extend(t.specs.iter().map(|x| x.name.clone()));
        if t.cfg.deploy.db_bootstrap {
            w.push(super::external_secrets::bootstrap_secret(t));
        }
        body.push_str("# The Secrets come from seed-secret-store.sh, run once; stop here if it was not.\n");
        body.push_str(&format!(
            "if ! {} >/dev/null; then\n  echo 'Run seed-secret-store.sh first: the Secrets are missing.' >&2\n  return 1\nfi\n",
            command(&w.iter().map(String::as_str).collect::<Vec<_>>())
        ));
        if !manifest_files.is_empty() {
            let mut w = vec!["kubectl".to_string(), "apply".into(), "--namespace".into(), ns.into()];
            for f in manifest_files {
                w.extend(["-f".into(), format!("manifests/{f}")]);
            }
            body.push_str(&command(&w.iter().map(String::as_str).collect::<Vec<_>>()));
            body.push('\n');
        }
    }
    if t.cfg.deploy.db_bootstrap {
        let job = job_name(t);
        body.push_str(&format!(
            "# The database bootstrap: the Job runs again (its SQL creates only what is missing).\n{}\n{}\n{}\n",
            command(&["kubectl", "delete", "job", &job, "--namespace", ns, "--ignore-not-found", "--wait=true"]),
            command(&["kubectl", "apply", "--namespace", ns, "-f", "manifests/db-bootstrap-job.yaml"]),
            command(&[
                "kubectl",
                "wait",
                "--namespace",
                ns,
                "--for=condition=complete",
                "--timeout=5m",
                &format!("job/{job}")
            ]),
        ));
    }
    for line in body.lines() {
        if line.is_empty() {
            s.push('\n');
        } else {
            s.push_str("  ");
            s.push_str(line);
            s.push('\n');
        }
    }
    s.push_str("fi\n");
    s
}

/// `deploy.verifyChart`: the workflow's `helm upgrade` gets the post-renderer, which
/// checks the chart's output against [`PROFILE_FILE`] beside this script. The workflow
/// sources this script in the release folder with `PARAMS` set, then runs `helm $CMD
/// $RELEASE $PARAMS` (services/deployment.sh), so the flags go into `PARAMS`, unquoted
/// words there: none holds a space. Only `upgrade` (install, validate) gets them.
fn verify_params(t: &GitView) -> String {
    let major = t.cfg.deploy.helm_major;
    let flags = crate::generate::helm::post_renderer_flags(major, PROFILE_FILE).join(" ");
    let mut s = String::from(
        "# deploy.verifyChart: helm checks its output against ixn.profile.yaml (no credentials)\n\
         # and installs nothing it contradicts.\n\
         if [[ \"${CMD:-}\" == upgrade ]]; then\n  \
           if ! command -v ixn-portal >/dev/null; then\n    \
             echo 'ixn-portal is not on PATH: install it (cargo install --path cli) or turn deploy.verifyChart off' >&2\n    \
             return 1\n  \
           fi\n",
    );
    if major == crate::model::HelmMajor::V4 {
        let p = crate::generate::helm::VERIFY_PLUGIN;
        // Captured first: a pipe into grep would hide helm's own failure (SC2312).
        s.push_str(&format!(
            "  ixn_plugins=$(helm plugin list) || return 1\n  \
             if ! grep -q '^{p}[[:space:]]' <<<\"${{ixn_plugins}}\"; then\n    \
               echo 'Install the {p} post-renderer plugin first: helm plugin install <ixn-portal checkout>/helm-plugin/{p}' >&2\n    \
               return 1\n  \
             fi\n"
        ));
    }
    s.push_str(&format!("  PARAMS+=\" {flags}\"\nfi\n"));
    s
}

/// The profile the post-renderer checks against, in the release folder (the workflow
/// reads only `override_values*.yaml` there as values).
pub const PROFILE_FILE: &str = "ixn.profile.yaml";

fn post_release(t: &GitView) -> String {
    let ns = t.namespace.as_str();
    let r = &t.release;
    format!(
        "# shellcheck shell=bash\n# IXN post-release script, written by the IXN configuration portal: waits for the rollout.\n# Expect {shown}-sts-0 and {shown}-vqnode-deploy-… READY.\n{}\n{}\n",
        command(&["kubectl", "rollout", "status", &format!("deployment/{r}-vqnode-deploy"), "--namespace", ns, "--timeout=2m"]),
        command(&["kubectl", "rollout", "status", &format!("statefulset/{r}-sts"), "--namespace", ns, "--timeout=4m"]),
        shown = comment_text(r),
    )
}

/// `chart.ver`: the chart version the workflow installs.
pub fn chart_ver(t: &GitView) -> GitFile {
    GitFile {
        path: format!("{CHART_DIR}/chart.ver"),
        text: format!("{}\n", t.cfg.deploy.chart_version.trim()),
        executable: false,
    }
}

/// The release folder `dir`: values, the two scripts and `manifests/` (applied by
/// the pre-release script; the Job's file last).
pub fn release_files(t: &GitView, dir: &str) -> Vec<GitFile> {
    let ms = manifests(t);
    let before_job: Vec<String> =
        ms.iter().filter(|m| m.stage != super::Stage::BootstrapJob).map(|m| m.file.clone()).collect();
    let mut files = vec![
        GitFile { path: format!("{dir}/{VALUES_FILE}"), text: escape_dollars(&t.values_yaml), executable: false },
        GitFile { path: format!("{dir}/pre-release-script.sh"), text: pre_release(t, &before_job), executable: true },
        GitFile { path: format!("{dir}/post-release-script.sh"), text: post_release(t), executable: true },
    ];
    if t.cfg.deploy.verify_chart {
        let text = crate::profile::Profile::of(&t.cfg, false).to_yaml_text();
        files.push(GitFile { path: format!("{dir}/{PROFILE_FILE}"), text, executable: false });
    }
    for m in &ms {
        files.push(GitFile { path: format!("{dir}/manifests/{}", m.file), text: m.yaml(), executable: false });
    }
    files.push(super::readme::file(t, dir, super::readme::genesys()));
    files
}

/// A batch tenant's release folder: `NN_release_<name>` beside the others under the
/// one chart folder (the workflow deploys every `*_release_*` folder in name order).
/// `number` is the tenant's row, `width` the digits of the last row (at least 2).
pub fn batch_release_dir(t: &GitView, number: usize, width: usize) -> String {
    format!("{CHART_DIR}/{number:0width$}_release_{}", t.name)
}

/// The tree: `chart.ver` and the release folder.
pub fn tree(t: &GitView) -> Tree {
    let mut files = vec![chart_ver(t)];
    files.extend(release_files(t, RELEASE_DIR));
    Tree { files, seed: seed::script(std::slice::from_ref(t)) }
}
