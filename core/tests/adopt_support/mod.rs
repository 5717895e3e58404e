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

/// Tenant `i`'s values as Helm merges them (the chart-level file, then its own).
pub fn merged(p: &Published, i: usize) -> ixn_core::yaml::Node {
    let read = |t: &str| ixn_core::yaml::read_yaml(t, ixn_core::yaml::Limits::default()).unwrap();
    let mut out = read(&p.chart);
    ixn_core::import::merge(&mut out, read(&tenant_values(p, i)));
    out
}

/// The chart-level values in Git beside the manifests.
pub const COMMON: &str = "values/common/override_values.yaml";

/// Tenant `i`'s own values file in Git beside the manifests.
pub fn tenant_file(i: usize) -> String {
    format!("values/tenants/{}.yaml", release(i))
}

/// The tenants as Argo CD Applications (multi-source, `ref: values`): the chart-level
/// file by `$values/…` for all; each odd tenant's own values by `$values/…` too, each
/// even tenant's inline in `valuesObject`.
pub fn argocd(p: &Published, n: usize) -> Vec<InputFile> {
    let mut files = vec![file(COMMON, &p.chart)];
    let mut apps = String::new();
    for i in 1..=n {
        let own = if i % 2 == 1 {
            files.push(file(&tenant_file(i), &tenant_values(p, i)));
            format!("        valueFiles:\n          - $values/{COMMON}\n          - $values/{}\n", tenant_file(i))
        } else {
            format!(
                "        valueFiles:\n          - $values/{COMMON}\n        valuesObject:\n{}",
                indent(&tenant_values(p, i), 10)
            )
        };
        apps.push_str(&format!(
            "---\napiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: {r}\n  namespace: argocd\nspec:\n  project: default\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: ixn\n  sources:\n    - repoURL: https://charts.example.com/ixn\n      chart: ixn\n      targetRevision: {CHART_VERSION}\n      helm:\n        releaseName: {r}\n{own}    - repoURL: https://git.example.com/tenants.git\n      targetRevision: main\n      ref: values\n",
            r = release(i)
        ));
    }
    files.push(file("argocd/applications.yaml", &apps));
    files
}

/// The tenants as one ApplicationSet (a list generator, Go templates), every tenant's
/// values in Git.
pub fn application_set(p: &Published, n: usize) -> Vec<InputFile> {
    let mut files = vec![file(COMMON, &p.chart)];
    let mut elements = String::new();
    for i in 1..=n {
        files.push(file(&tenant_file(i), &tenant_values(p, i)));
        elements.push_str(&format!("          - release: {}\n            namespace: ixn\n", release(i)));
    }
    let set = format!(
        "apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: ixn-tenants\n  namespace: argocd\nspec:\n  goTemplate: true\n  generators:\n    - list:\n        elements:\n{elements}  template:\n    metadata:\n      name: '{{{{.release}}}}'\n    spec:\n      project: default\n      destination:\n        server: https://kubernetes.default.svc\n        namespace: '{{{{.namespace}}}}'\n      sources:\n        - repoURL: https://charts.example.com/ixn\n          chart: ixn\n          targetRevision: {CHART_VERSION}\n          helm:\n            releaseName: '{{{{.release}}}}'\n            valueFiles:\n              - $values/{COMMON}\n              - $values/values/tenants/{{{{.release}}}}.yaml\n        - repoURL: https://git.example.com/tenants.git\n          targetRevision: main\n          ref: values\n"
    );
    files.push(file("argocd/applicationset.yaml", &set));
    files
}

/// The tenants as Flux HelmReleases: the chart-level values from a ConfigMap
/// (`valuesFrom`), each tenant's own in `spec.values`.
pub fn flux(p: &Published, n: usize) -> Vec<InputFile> {
    let mut text = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ixn-common\n  namespace: flux-system\ndata:\n  override_values.yaml: |\n{}",
        indent(&p.chart, 4)
    );
    for i in 1..=n {
        text.push_str(&format!(
            "---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: {r}\n  namespace: flux-system\nspec:\n  releaseName: {r}\n  targetNamespace: ixn\n  interval: 10m\n  chart:\n    spec:\n      chart: ixn\n      version: \"{CHART_VERSION}\"\n      sourceRef:\n        kind: HelmRepository\n        name: ixn\n  valuesFrom:\n    - kind: ConfigMap\n      name: ixn-common\n      valuesKey: override_values.yaml\n  values:\n{}",
            indent(&tenant_values(p, i), 4),
            r = release(i)
        ));
    }
    vec![file("flux/releases.yaml", &text)]
}

/// The tenants as `helm get values <release> -o yaml` outputs, one file per release.
pub fn helm_values(p: &Published, n: usize) -> Vec<InputFile> {
    (1..=n)
        .map(|i| {
            let text = ixn_core::yaml::to_yaml(&merged(p, i), ixn_core::yaml::EmitOptions::default());
            file(&format!("{}.yaml", release(i)), &text)
        })
        .collect()
}
