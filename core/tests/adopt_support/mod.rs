//! The synthetic sources the adopt tests read: forty tenants built from the published
//! Genesys files in `../shared/reference/genesys-multicloud-services/` (read from there,
//! never copied), with per-tenant variations, laid out four ways (Genesys, Argo CD,
//! Flux, `helm get values`).
#![allow(dead_code)]

use ixn_core::adopt::InputFile;

/// The published files: the chart-level and the release-level values.
pub struct Published {
    /// `services/ixn/01_chart_ixn/override_values.yaml`.
    pub chart: String,
    /// `services/ixn/01_chart_ixn/01_release_ixn/override_values.yaml`.
    pub release: String,
}

/// The published files, or `None` (the test skips, saying why) without `../shared`.
pub fn published() -> Option<Published> {
    let dir = "reference/genesys-multicloud-services";
    Some(Published {
        chart: super::common::shared(&format!("{dir}/override_values.yaml"))?,
        release: super::common::shared(&format!("{dir}/release_override_values.yaml"))?,
    })
}

/// The chart version of the published layout.
pub const CHART_VERSION: &str = "100.0.008+02";

/// Tenant `i` (1-based): its sid.
pub fn sid(i: usize) -> String {
    (100 + i).to_string()
}

/// Tenant `i`'s release name: `ixn-<sid>` (the portal's default) but every tenth.
pub fn release(i: usize) -> String {
    if i.is_multiple_of(10) {
        format!("custom-{}", sid(i))
    } else {
        format!("ixn-{}", sid(i))
    }
}

/// Tenant `i`'s own values: the published release file with its IDs, DB names and
/// Redis host filled in, and variations: other resources for some, an unknown key for
/// every fourth, another image tag for every thirteenth, a real DB password for the
/// seventh (a credential that must not be written).
pub fn tenant_values(p: &Published, i: usize) -> String {
    let sid = sid(i);
    let mut t = p
        .release
        .replace("$TENANT_UUID", &format!("9350e2fc-a1dd-4c65-8d40-1f75a2e08{sid}"))
        .replace("$TENANT_SID", &sid)
        .replace("$ixn_db_name", &format!("ixn_{sid}"))
        .replace("$ixn_node_db_name", &format!("ixn_node_{sid}"))
        .replace("$REDIS_ADDR", &format!("redis-{}.redis.svc", i % 3));
    if i.is_multiple_of(13) {
        t = t.replace("tag: 100.0.007.0400", "tag: 100.0.007.0500");
    }
    if i.is_multiple_of(5) {
        t = t.replace(
            "ixnVQNode:\n  image:",
            &format!("ixnVQNode:\n  resources:\n    limits:\n      memory: \"{}Mi\"\n  image:", 160 + i * 8),
        );
    }
    if i.is_multiple_of(4) {
        t.push_str(&format!("podAnnotations:\n  tenant.example.com/cost-centre: \"cc-{i}\"\nextraTenantKey:\n  note: tenant {i}\n  list: [a, {i}]\n"));
    }
    if i == 7 {
        t = t.replace("password: \"$ixn_db_password\"", "password: \"s3cr3t-7'\\\"$x\"");
    }
    t
}

/// The Genesys layout of `n` tenants.
pub fn genesys(p: &Published, n: usize) -> Vec<InputFile> {
    let chart = "services/ixn/01_chart_ixn";
    let mut files = vec![
        file(&format!("{chart}/chart.ver"), &format!("{CHART_VERSION}\n")),
        file(&format!("{chart}/override_values.yaml"), &p.chart),
        file("README.md", "# the repository\n"),
    ];
    for i in 1..=n {
        let dir = format!("{chart}/{i:02}_release_{}", release(i));
        files.push(file(&format!("{dir}/override_values.yaml"), &tenant_values(p, i)));
        files.push(file(&format!("{dir}/pre-release-script.sh"), "# nothing\n"));
    }
    files
}

/// An input file.
pub fn file(path: &str, text: &str) -> InputFile {
    InputFile { path: path.into(), data: text.as_bytes().to_vec() }
}

/// `text` indented by `n` spaces (every line).
pub fn indent(text: &str, n: usize) -> String {
    let pad = " ".repeat(n);
    text.lines()
        .map(|l| if l.trim().is_empty() { String::new() } else { format!("{pad}{l}") })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Writes `files` under `dir`.
pub fn write_all(dir: &std::path::Path, files: &[InputFile]) {
    for f in files {
        let p = dir.join(&f.path);
        if f.path.ends_with('/') {
            std::fs::create_dir_all(&p).unwrap();
            continue;
        }
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, &f.data).unwrap();
    }
}
