//! What differs between the Helm majors the commands are written for, and the chart
//! source: `helm repo add`, or `helm registry login` for OCI, credentials on stdin.
//!
//! Helm 4 (November 2025) reads values as Helm 3 does but changed flags: `--atomic` is
//! `--rollback-on-failure`, `--force` is `--force-replace`, `--wait` takes
//! `watcher|hookOnly|legacy`, `--dry-run` takes `client|server|none`. The tests replay
//! every helm line with the real binary of each major.

use super::shell::{command, quote};
use crate::model::{ChartSource, Config, HelmMajor};

/// The flags `helm upgrade --install` gets: roll back a failed install or upgrade, and
/// wait for the workloads (up to 10 minutes).
pub fn install_flags(major: HelmMajor) -> &'static [&'static str] {
    match major {
        HelmMajor::V3 => &["--atomic", "--timeout", "10m0s"],
        HelmMajor::V4 => &["--rollback-on-failure", "--wait=watcher", "--timeout", "10m0s"],
    }
}

/// The name of the Helm 4 post-renderer plugin the repository ships
/// (`helm-plugin/ixn-verify`, a `postrenderer/v1` plugin).
pub const VERIFY_PLUGIN: &str = "ixn-verify";

/// The flags that make `helm template` / `helm upgrade --install` check the rendering
/// against `profile` with `ixn-portal verify`: Helm 3 runs an executable from PATH with
/// its arguments; Helm 4 runs a `postrenderer/v1` plugin by name. The `=` form keeps an
/// argument that starts with `--` an argument.
pub fn post_renderer_flags(major: HelmMajor, profile: &str) -> Vec<String> {
    match major {
        HelmMajor::V3 => vec![
            "--post-renderer".into(),
            "ixn-portal".into(),
            "--post-renderer-args=verify".into(),
            "--post-renderer-args=--post-renderer".into(),
            format!("--post-renderer-args={profile}"),
        ],
        HelmMajor::V4 => {
            vec!["--post-renderer".into(), VERIFY_PLUGIN.into(), format!("--post-renderer-args={profile}")]
        }
    }
}

/// A client-side dry run with verbose errors.
pub fn dry_run_flags(major: HelmMajor) -> &'static [&'static str] {
    match major {
        HelmMajor::V3 => &["--dry-run=client", "--debug"],
        HelmMajor::V4 => &["--dry-run=client", "--debug"],
    }
}

/// `helm rollback`'s wait for the workloads.
pub fn rollback_flags(major: HelmMajor) -> &'static [&'static str] {
    match major {
        HelmMajor::V3 => &["--wait", "--timeout", "10m0s"],
        HelmMajor::V4 => &["--wait=watcher", "--timeout", "10m0s"],
    }
}

/// The repository name of a `REPO/CHART` reference, when it is one.
pub fn repo_name(chart: &str) -> Option<&str> {
    let (repo, name) = chart.split_once('/')?;
    let ok = |s: &str| !s.is_empty() && !s.contains(['/', ' ', '\t', '\n']) && !s.starts_with('.');
    (ok(repo) && ok(name)).then_some(repo)
}

/// The registry host of an `oci://host/path` reference, for `helm registry login`.
pub fn oci_host(chart: &str) -> Option<&str> {
    let rest = chart.strip_prefix("oci://")?;
    let (host, path) = rest.split_once('/')?;
    (!host.is_empty() && !path.is_empty()).then_some(host)
}

/// `printf '%s' PASSWORD | <words> --username USER --password-stdin`: `printf` is a
/// bash builtin, so the password is on no command line.
fn with_password(words: &[&str], cfg: &Config) -> String {
    let d = &cfg.deploy;
    if d.chart_username.is_empty() {
        return command(words);
    }
    let mut w = words.to_vec();
    w.extend(["--username", d.chart_username.as_str(), "--password-stdin"]);
    format!("printf '%s' {} | {}", quote(&d.chart_password), command(&w))
}

/// The commands that make the chart reachable, before `helm template`.
pub fn chart_source_block(cfg: &Config) -> String {
    let d = &cfg.deploy;
    match d.chart_source {
        ChartSource::Repo => {
            let name = repo_name(&d.chart).unwrap_or("ixn");
            format!(
                "# The chart repository, as {name}; an existing entry of that name is replaced.\n{}\n{}",
                with_password(&["helm", "repo", "add", "--force-update", name, d.chart_repo_url.as_str()], cfg),
                command(&["helm", "repo", "update", name]),
            )
        }
        ChartSource::Oci => match oci_host(&d.chart) {
            Some(host) if !d.chart_username.is_empty() => format!(
                "# Log in to the chart's OCI registry (the password goes on stdin).\n{}",
                with_password(&["helm", "registry", "login", host], cfg)
            ),
            _ => "# The chart comes from an OCI registry that needs no login.".into(),
        },
        ChartSource::Local => "# The chart is read from disk: nothing to add.".into(),
    }
}
