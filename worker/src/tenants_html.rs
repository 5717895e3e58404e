//! The Tenants panel's report as HTML, made here with the check: the page sets it as
//! the report's content (it carries no per-row components). Findings the current
//! answers (the base profile) cause are said once, above the table, as the command line
//! says them; each row lists and counts only its own.

use crate::operations_html::escape;
use ixn_core::batch::{from_base, rows_with, RowFinding, RowReport};
use ixn_core::validate::Severity;
use ixn_core::wording::count;

/// Rows the table lists at most (rows with findings first come in row order).
const SHOWN_ROWS: usize = 200;

/// `path (error): message`.
fn what(f: &RowFinding) -> String {
    format!("{} ({}): {}", f.path, f.severity.word(), f.message)
}

fn class(f: &RowFinding) -> &'static str {
    if f.severity == Severity::Error {
        "finding error"
    } else {
        "finding warning"
    }
}

/// The summary, the findings of the current answers (the base profile: said once, as
/// the command line says them), and the table of rows of `file`, each with its own.
pub fn report(file: &str, reports: &[RowReport]) -> String {
    let total = reports.len();
    let failed = reports.iter().filter(|r| r.failed()).count();
    let common = from_base(reports);
    fn own(r: &RowReport) -> Vec<&RowFinding> {
        r.findings.iter().filter(|f| f.in_row).collect()
    }
    // Rows whose own findings are warnings: the current answers' are counted apart.
    let warned = reports.iter().filter(|r| !r.failed() && !own(r).is_empty()).count();
    let listed: Vec<&RowReport> = if total <= SHOWN_ROWS {
        reports.iter().collect()
    } else {
        reports.iter().filter(|r| !own(r).is_empty()).take(SHOWN_ROWS).collect()
    };
    let unlisted = total - listed.len();
    let mut out = format!(
        "<p class=\"tenants-summary\" id=\"tenants-summary\">{}: {} ready, {failed} with errors{}.</p>",
        count(total, "row"),
        total - failed,
        if warned > 0 { format!(", {warned} with warnings only") } else { String::new() }
    );
    if !common.is_empty() {
        out += "<p class=\"help\">From the current answers (fix them in the form):</p><ul class=\"row-findings common\" id=\"tenants-common\">";
        for (f, n) in &common {
            out += &format!("<li class=\"{}\">{} ({})</li>", class(f), escape(&what(f)), rows_with(*n, total));
        }
        out += "</ul>";
    }
    out += "<div class=\"table-scroll\"><table class=\"tenants-table\" id=\"tenants-table\"><caption class=\"sr-only\">The tenants file's rows</caption><thead><tr><th scope=\"col\">Row</th><th scope=\"col\">Tenant sid</th><th scope=\"col\">Release</th><th scope=\"col\">Namespace</th><th scope=\"col\">Status</th><th scope=\"col\">Findings</th></tr></thead><tbody>";
    for r in listed {
        let findings = own(r);
        let status = if r.failed() {
            "errors"
        } else if findings.is_empty() {
            "ready"
        } else {
            "warnings"
        };
        out += &format!(
            "<tr class=\"tenant-row {status}\" data-row=\"{row}\"><td>{row}<span class=\"line\"> (line {line})</span></td><td>{}</td><td>{}</td><td>{}</td><td>{status}</td><td><ul class=\"row-findings\">",
            escape(&r.sid),
            escape(&r.release),
            escape(&r.namespace),
            row = r.row,
            line = r.at.line,
        );
        if r.failed() && !findings.iter().any(|f| f.severity == Severity::Error) {
            out += "<li class=\"finding error\">the current answers' errors (above)</li>";
        }
        for f in findings {
            out += &format!(
                "<li class=\"{}\">{}</li>",
                class(f),
                escape(&format!("{file}:{}:{}: {}", f.at.line, f.at.column, what(f)))
            );
        }
        out += "</ul></td></tr>";
    }
    out += "</tbody></table></div>";
    if unlisted > 0 {
        out += &format!(
            "<p class=\"help\">{} without findings {} not listed.</p>",
            count(unlisted, "row"),
            if unlisted == 1 { "is" } else { "are" }
        );
    }
    out
}
