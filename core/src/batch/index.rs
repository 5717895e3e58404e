//! What a batch writes beside the tenants' folders: `tenants.csv`, the index of every
//! row with its status and findings, and `deploy-all.sh`, which deploys every rendered
//! tenant in order and stops at the first failure.

use super::RowReport;
use crate::generate::shell::quote;
use crate::validate::Severity;

/// The index file's name.
pub const INDEX_FILE: &str = "tenants.csv";
/// The script's name.
pub const SCRIPT_FILE: &str = "deploy-all.sh";

/// `tenants.csv`: one line per row, `rendered` or `failed`, with its findings.
/// `rendered` says which rows have a folder.
pub fn index_csv(reports: &[RowReport], rendered: &[bool]) -> String {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    let header =
        ["row", "status", "folder", "sid", "release", "namespace", "databases", "errors", "warnings", "findings"];
    w.write_record(header).expect("in memory");
    for (r, &done) in reports.iter().zip(rendered) {
        let errors = r.findings.iter().filter(|f| f.severity == Severity::Error).count();
        let warnings = r.findings.len() - errors;
        let findings = r
            .findings
            .iter()
            .map(|f| format!("{} ({}): {}", f.path, f.severity.word(), f.message))
            .collect::<Vec<_>>()
            .join("; ");
        let row = r.row.to_string();
        let (e, wn) = (errors.to_string(), warnings.to_string());
        let databases = r.databases.join(" ");
        let status = if done { "rendered" } else { "failed" };
        let folder = if done { r.folder.as_str() } else { "" };
        w.write_record([&row, status, folder, &r.sid, &r.release, &r.namespace, &databases, &e, &wn, &findings])
            .expect("in memory");
    }
    String::from_utf8(w.into_inner().expect("in memory")).expect("UTF-8 in, UTF-8 out")
}

/// `deploy-all.sh`: runs each rendered tenant's `deploy.sh` in its folder, in row
/// order, and stops at the first that fails, saying which.
pub fn deploy_all(reports: &[RowReport], rendered: &[bool]) -> String {
    let mut out = String::from(
        "#!/usr/bin/env bash\n\
         # Deploys every tenant of this batch in row order, each with its own deploy.sh,\n\
         # and stops at the first failure. Written by ixn-portal batch.\n\
         set -euo pipefail\n\
         cd \"$(dirname \"$0\")\"\n\
         deploy() {\n  \
           echo \"==> row $2: $1\" >&2\n  \
           if ! (cd \"$1\" && bash ./deploy.sh); then\n    \
             echo \"==> row $2: $1 failed; the tenants after it were not deployed\" >&2\n    \
             exit 1\n  \
           fi\n\
         }\n",
    );
    let mut n = 0;
    for (r, _) in reports.iter().zip(rendered).filter(|(_, &done)| done) {
        out.push_str(&format!("deploy {} {}\n", quote(&r.folder), r.row));
        n += 1;
    }
    out.push_str(&format!("echo \"==> all {n} tenants deployed\" >&2\n"));
    out
}
