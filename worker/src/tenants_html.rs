//! The Tenants panel's report as HTML, made here with the check: the page sets it as
//! the report's content (it carries no per-row components). Findings the current
//! answers cause in every row are said once, above the table; each row lists its own.

use crate::operations_html::escape;
use ixn_core::batch::{RowFinding, RowReport};
use ixn_core::validate::Severity;
use ixn_core::wording::count;

/// Rows the table lists at most (rows with findings first come in row order).
const SHOWN_ROWS: usize = 200;

/// `path (error): message`.
fn what(f: &RowFinding) -> String {
    let severity = if f.severity == Severity::Error { "error" } else { "warning" };
    format!("{} ({severity}): {}", f.path, f.message)
}

fn class(f: &RowFinding) -> &'static str {
    if f.severity == Severity::Error {
        "finding error"
    } else {
        "finding warning"
    }
}

/// The summary, the findings common to every row, and the table of rows of `file`.
pub fn report(file: &str, reports: &[RowReport]) -> String {
    let total = reports.len();
    let failed = reports.iter().filter(|r| r.failed()).count();
    let warned = reports.iter().filter(|r| !r.failed() && !r.findings.is_empty()).count();
    let from_answers = |r: &RowReport, w: &str| r.findings.iter().any(|g| !g.in_row && what(g) == w);
    let common: Vec<&RowFinding> = reports
        .first()
        .map(|first| {
            first.findings.iter().filter(|f| !f.in_row && reports.iter().all(|r| from_answers(r, &what(f)))).collect()
        })
        .unwrap_or_default();
    fn own<'a>(r: &'a RowReport, common: &[&RowFinding]) -> Vec<&'a RowFinding> {
        r.findings.iter().filter(|f| f.in_row || !common.iter().any(|c| what(c) == what(f))).collect()
    }
    let listed: Vec<&RowReport> = if total <= SHOWN_ROWS {
        reports.iter().collect()
    } else {
        reports.iter().filter(|r| !own(r, &common).is_empty()).take(SHOWN_ROWS).collect()
    };
    let unlisted = total - listed.len();
    let mut out = format!(
        "<p class=\"tenants-summary\" id=\"tenants-summary\">{}: {} ready, {failed} with errors{}.</p>",
        count(total, "row"),
        total - failed,
        if warned > 0 { format!(", {warned} with warnings only") } else { String::new() }
    );
    if !common.is_empty() {
        out += "<p class=\"help\">From the current answers, in every row (fix them in the form):</p><ul class=\"row-findings common\" id=\"tenants-common\">";
        for f in &common {
            out += &format!("<li class=\"{}\">{}</li>", class(f), escape(&what(f)));
        }
        out += "</ul>";
    }
    out += "<div class=\"table-scroll\"><table class=\"tenants-table\" id=\"tenants-table\"><caption class=\"sr-only\">The tenants file's rows</caption><thead><tr><th scope=\"col\">Row</th><th scope=\"col\">Tenant sid</th><th scope=\"col\">Release</th><th scope=\"col\">Namespace</th><th scope=\"col\">Status</th><th scope=\"col\">Findings</th></tr></thead><tbody>";
    for r in listed {
        let findings = own(r, &common);
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
        for f in findings {
            let from = if f.in_row { "" } else { " (from the current answers)" };
            out += &format!(
                "<li class=\"{}\">{}</li>",
                class(f),
                escape(&format!("{file}:{}:{}: {}{from}", f.at.line, f.at.column, what(f)))
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
