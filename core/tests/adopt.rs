//! `adopt`: forty tenants from the published Genesys files, in each source layout, split
//! into a base, rows and values files that render every tenant back exactly.

mod common;
#[path = "adopt_support/mod.rs"]
mod support;

use ixn_core::adopt::{adopt, SourceKind};

#[test]
fn forty_genesys_tenants_reproduce_exactly() {
    let Some(p) = support::published() else { return };
    let files = support::genesys(&p, 40);
    let a = adopt(&files).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a.kind, SourceKind::Genesys);
    assert_eq!(a.tenants.len(), 40);
    assert!(a.proof.all_exact(), "{}", a.proof.text());
    assert!(a.text().contains("40 of 40 tenants reproduce exactly"), "{}", a.text());
    // The credential found is listed for its tenant and written nowhere; the
    // placeholders of the others stay.
    assert_eq!(a.adopted.credentials.len(), 1);
    assert_eq!(a.adopted.credentials[0].sid, "107");
    for f in a.files() {
        let text = String::from_utf8(f.data).unwrap();
        assert!(!text.contains("s3cr3t"), "{} holds the credential", f.name);
    }
    assert!(a.adopted.values_files.iter().any(|(_, t)| t.contains("$ixn_db_password")));
    // What varies is in columns; the shared values are in the base.
    let header = a.adopted.tenants.lines().nth(1).unwrap();
    assert!(header.starts_with("tenant.sid,deploy.release,tenant.id,"), "{header}");
    assert!(header.contains("ixnService.ixnServer.db.name") && header.ends_with(",values"), "{header}");
    assert!(a.adopted.base.contains("chartVersion: 100.0.008+02"), "{}", a.adopted.base);
    // The report names the drift: the other image tag, the outliers, the chart version.
    let report = a.report.text();
    assert!(report.contains("ixnService.image.ixnServer.tag: 2 values; the most common held by 37 of 40"), "{report}");
    assert!(report.contains("  ixn-113: ixnService.image.ixnServer.tag\n"), "{report}");
    assert!(report.contains("Chart versions: 100.0.008+02 (40 tenants)"), "{report}");
}

/// Adopts `files`: every tenant reproduces, and its source values are the Genesys
/// tenant's (the same tenants, another layout).
fn adopts_the_same_tenants(p: &support::Published, files: &[ixn_core::adopt::InputFile], kind: SourceKind) {
    let a = adopt(files).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a.kind, kind);
    assert_eq!(a.tenants.len(), 40);
    assert!(a.proof.all_exact(), "{}", a.proof.text());
    // (`helm get values` outputs come in file name order.)
    for t in &a.tenants {
        let i = (1..=40).find(|&i| support::release(i) == t.name).unwrap_or_else(|| panic!("{}", t.name));
        assert_eq!(t.merged(), support::merged(p, i), "{}", t.name);
    }
}

#[test]
fn the_same_tenants_as_argocd_applications_inline_and_by_values_files_reproduce() {
    let Some(p) = support::published() else { return };
    adopts_the_same_tenants(&p, &support::argocd(&p, 40), SourceKind::ArgoCd);
    adopts_the_same_tenants(&p, &support::application_set(&p, 40), SourceKind::ArgoCd);
}

#[test]
fn the_same_tenants_as_flux_helmreleases_reproduce() {
    let Some(p) = support::published() else { return };
    adopts_the_same_tenants(&p, &support::flux(&p, 40), SourceKind::Flux);
}

#[test]
fn the_same_tenants_as_helm_get_values_outputs_reproduce() {
    let Some(p) = support::published() else { return };
    adopts_the_same_tenants(&p, &support::helm_values(&p, 40), SourceKind::HelmValues);
}

/// The error adopting `files`, as the command says it.
fn refused(files: &[ixn_core::adopt::InputFile]) -> String {
    adopt(files).map(|_| ()).unwrap_err().to_string()
}

#[test]
fn hostile_sources_are_refused_at_their_place() {
    let Some(p) = support::published() else { return };
    // A tenant folder with no values.
    let mut files = support::genesys(&p, 6);
    files.retain(|f| !f.path.contains("05_release_") || !f.path.ends_with("override_values.yaml"));
    assert_eq!(
        refused(&files),
        "services/ixn/01_chart_ixn/05_release_ixn-105/: a tenant folder with no override_values.yaml: every release folder holds its tenant's values"
    );
    // An empty release folder (given as a folder) is one too.
    let mut files = support::genesys(&p, 2);
    files.push(support::file("services/ixn/01_chart_ixn/03_release_ixn-103/", ""));
    assert!(refused(&files).starts_with("services/ixn/01_chart_ixn/03_release_ixn-103/: a tenant folder with no"));

    // An unreadable YAML file inside the repository: its line and column.
    let mut files = support::genesys(&p, 3);
    let f = files.iter_mut().find(|f| f.path.ends_with("02_release_ixn-102/override_values.yaml")).unwrap();
    f.data = b"tenant:\n  id: [unclosed\n  sid: \"102\"\n".to_vec();
    let e = refused(&files);
    assert!(e.starts_with("services/ixn/01_chart_ixn/02_release_ixn-102/override_values.yaml:3:"), "{e}");
    assert!(e.contains("does not read as YAML"), "{e}");
    let mut files = support::genesys(&p, 2);
    files[1].data = b"image:\n  registry: \xff\n".to_vec();
    assert_eq!(refused(&files), "services/ixn/01_chart_ixn/override_values.yaml:2:13: not UTF-8 text");

    // Two Applications for one release: at the second.
    let mut files = support::argocd(&p, 3);
    let apps = files.iter_mut().find(|f| f.path == "argocd/applications.yaml").unwrap();
    let text = String::from_utf8(apps.data.clone()).unwrap();
    let second = text.match_indices("---\n").nth(1).unwrap().0;
    let first_app = &text[..second];
    let doubled = format!("{text}{first_app}");
    let line = doubled[..text.len()].matches('\n').count() + 2;
    apps.data = doubled.into_bytes();
    let e = refused(&files);
    assert!(e.starts_with(&format!("argocd/applications.yaml:{line}:1: the release \"ixn-101\" in namespace \"ixn\" is also defined at argocd/applications.yaml:2")), "{e}");

    // A HelmRelease whose valuesFrom is missing: at its name.
    let mut files = support::flux(&p, 2);
    let text = String::from_utf8(files[0].data.clone()).unwrap();
    let without = &text[text.find("---\n").unwrap()..];
    let line = without.lines().position(|l| l.trim() == "name: ixn-common").unwrap() + 1;
    files[0].data = without.as_bytes().to_vec();
    assert_eq!(
        refused(&files),
        format!("flux/releases.yaml:{line}:7: valuesFrom names the ConfigMap \"ixn-common\" in namespace \"flux-system\", which is not among the files given: give its manifest too")
    );

    // An Argo CD value file that is not there.
    let mut files = support::argocd(&p, 1);
    files.retain(|f| !f.path.starts_with("values/tenants/"));
    let e = refused(&files);
    assert!(e.contains("the value file \"$values/values/tenants/ixn-101.yaml\" is not among the files given"), "{e}");
}
