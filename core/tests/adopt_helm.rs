//! `adopt`'s proof, judged by the real Helm 3 and Helm 4: for each of the forty tenants,
//! in every source layout, `helm template` with the values re-rendered from what adopt
//! wrote gives exactly what `helm template` with the source's own files gives, both of
//! the stand-in IXN chart and of the probe chart (which prints every value Helm read).

mod common;
#[path = "adopt_support/mod.rs"]
mod support;

use common::{helm, HelmHome, HELM_MAJORS};
use ixn_core::adopt::{adopt, proof, InputFile};
use std::path::{Path, PathBuf};

fn chart(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/charts").join(name)
}

/// The stand-in chart's `Chart.yaml` and defaults with the probe's one template, which
/// prints every value Helm read (`.Values | toJson`): the values as Helm coalesces them
/// over the chart's own defaults, all of them, used by a template or not.
fn ixn_probe(home: &HelmHome) -> PathBuf {
    let dir = home.dir.join("ixn-probe");
    std::fs::create_dir_all(dir.join("templates")).unwrap();
    for f in ["Chart.yaml", "values.yaml"] {
        std::fs::copy(chart("ixn").join(f), dir.join(f)).unwrap();
    }
    std::fs::copy(chart("probe").join("templates/values.yaml"), dir.join("templates/values.yaml")).unwrap();
    dir
}

/// `helm template RELEASE CHART -f …` in one major: the manifests, or the failure.
fn template(home: &HelmHome, major: u8, chart: &Path, release: &str, values: &[PathBuf]) -> String {
    let mut args: Vec<std::ffi::OsString> =
        vec!["template".into(), release.into(), chart.into(), "--namespace".into(), "ixn".into()];
    for v in values {
        args.push("-f".into());
        args.push(v.into());
    }
    let out = home.run(&helm(major), &args, "", &home.dir);
    assert!(
        out.status.success(),
        "helm {major} template {release} {}: {}",
        chart.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Each tenant of `files`, re-rendered from what adopt wrote (read back from its text),
/// against its source files as Helm reads them: the same manifests in both majors.
fn reproduces_through_helm(home: &HelmHome, tag: &str, files: &[InputFile], charts: &[&Path]) {
    let a = adopt(files).unwrap_or_else(|e| panic!("{e}"));
    assert!(a.proof.all_exact(), "{tag}: {}", a.proof.text());
    let batch = proof::read_back(&a.adopted).unwrap();
    let dir = home.dir.join(tag);
    std::fs::create_dir_all(&dir).unwrap();
    // The sources as the client reads them: each tenant's layers, as written.
    support::write_all(&dir.join("src"), files);
    let work: Vec<usize> = (0..a.tenants.len()).collect();
    std::thread::scope(|s| {
        for part in work.chunks(a.tenants.len().div_ceil(2)) {
            let (a, batch, dir) = (&a, &batch, &dir);
            s.spawn(move || {
                for &i in part {
                    let t = &a.tenants[i];
                    // Inline values (valuesObject, spec.values) have no file of their own:
                    // each layer is written as Helm would get it.
                    let mut sources = Vec::new();
                    for (n, (_, node)) in t.layers.iter().enumerate() {
                        let p = dir.join(format!("layer-{i}-{n}.yaml"));
                        std::fs::write(&p, ixn_core::yaml::to_yaml(node, Default::default())).unwrap();
                        sources.push(p);
                    }
                    if tag == "genesys" {
                        // The repository's own files, unchanged.
                        sources = t.layers.iter().map(|(name, _)| dir.join("src").join(name)).collect();
                    }
                    let again = dir.join(format!("again-{i}.yaml"));
                    std::fs::write(&again, proof::rendered(batch, &a.adopted, i).unwrap()).unwrap();
                    let release = t.release.clone().unwrap_or_else(|| format!("ixn-{}", 101 + i));
                    for major in HELM_MAJORS {
                        for c in charts {
                            let want = template(home, major, c, &release, &sources);
                            let got = template(home, major, c, &release, std::slice::from_ref(&again));
                            assert!(
                                same(&want, &got),
                                "{tag}: {} does not reproduce through helm {major} ({}):\n--- source\n{}\n--- re-rendered\n{}",
                                t.name,
                                c.display(),
                                decoded(&want),
                                decoded(&got)
                            );
                        }
                    }
                }
            });
        }
    });
}

/// Whether two outputs are the same: the stand-in chart's manifests byte for byte; the
/// probe's values the same JSON once nulls are left out. A null and a missing key are
/// both nil to a template. Where the chart's own default is null (`storageClassName:`)
/// and the source says null again, the minimal values file leaves it to the chart; the
/// majors then print the key differently (measured: Helm 3 keeps the chart's null and
/// drops the user's, Helm 4 the other way round), nil either way.
fn same(want: &str, got: &str) -> bool {
    fn strip(v: &mut serde_json::Value) {
        if let serde_json::Value::Object(m) = v {
            m.retain(|_, x| !x.is_null());
            m.values_mut().for_each(strip);
        }
    }
    if !want.contains("# Source: ixn/templates/values.yaml") {
        return want == got;
    }
    let read = |s: &str| {
        let mut v: serde_json::Value = serde_json::from_str(&decoded(s)).expect("the probe's JSON");
        strip(&mut v);
        v
    };
    read(want) == read(got)
}

/// The probe's base64 JSON decoded (other charts' output as it is), for a readable failure.
fn decoded(rendered: &str) -> String {
    use base64::Engine;
    match rendered.split_once("values: ") {
        Some((_, b64)) => base64::engine::general_purpose::STANDARD
            .decode(b64.trim())
            .ok()
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
            .map_or_else(|| rendered.to_string(), |v| serde_json::to_string_pretty(&v).unwrap()),
        None => rendered.to_string(),
    }
}

#[test]
fn every_tenant_of_every_source_reproduces_exactly_through_helm_3_and_4() {
    let Some(p) = support::published() else { return };
    let home = HelmHome::new("adopt-helm");
    let (ixn, probe) = (chart("ixn"), ixn_probe(&home));
    reproduces_through_helm(&home, "genesys", &support::genesys(&p, 40), &[&ixn, &probe]);
    reproduces_through_helm(&home, "argocd", &support::argocd(&p, 40), &[&probe]);
    reproduces_through_helm(&home, "applicationset", &support::application_set(&p, 40), &[&probe]);
    reproduces_through_helm(&home, "flux", &support::flux(&p, 40), &[&probe]);
    reproduces_through_helm(&home, "helm-values", &support::helm_values(&p, 40), &[&probe]);
}
