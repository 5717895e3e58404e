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
