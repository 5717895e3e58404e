//! The Tenants panel's "Adopt running tenants": the files dropped (a repository's
//! files, a folder, or one `.tar`/`.zip`) adopted exactly as `ixn-portal adopt` adopts
//! them ([`ixn_core::adopt::adopt`]), in the worker. The reply carries the base profile,
//! the tenants file, the values files and the report as text (what the command writes),
//! the panel's HTML (the proof, the rows, the base, the report), and the `.tar` of the
//! files the command writes.

use crate::operations_html::escape;
use ixn_core::adopt::{adopt, archive, Adoption, InputFile};
use ixn_core::batch::{CellValue, Tenants};
use ixn_core::protocol::{AdoptFile, Answer};

/// Rows the table shows at most.
const SHOWN_ROWS: usize = 200;

/// The request's files, decoded; one archive is unpacked (the repository inside it).
fn files_of(list: Vec<AdoptFile>) -> Result<(Vec<InputFile>, Vec<String>), String> {
    let files: Vec<InputFile> = list.into_iter().map(|f| InputFile { path: f.path, data: f.data }).collect();
    // One archive: the repository inside it.
    if let [one] = files.as_slice() {
        if archive::is_archive(&one.path, &one.data) {
            return archive::unpack(&one.path, &one.data).map_err(|e| e.to_string());
        }
    }
    Ok((files, Vec::new()))
}

/// The panel's HTML of an adoption.
fn html(a: &Adoption) -> String {
    let mut s = String::new();
    let verdict = if a.proof.all_exact() { "finding ok" } else { "finding error" };
    let proof = a.proof.text();
    s.push_str(&format!(
        "<p class=\"{verdict}\" id=\"adopt-proof\">{}</p>",
        escape(proof.lines().next().unwrap_or_default())
    ));
    let rest: Vec<&str> = proof.lines().skip(1).collect();
    if !rest.is_empty() {
        s.push_str(&format!("<pre class=\"adopt-differs\">{}</pre>", escape(&rest.join("\n"))));
    }
    s.push_str(&format!(
        "<p class=\"help\">Adopted {} from {}.</p>",
        ixn_core::wording::count(a.tenants.len(), "tenant"),
        escape(a.kind.describe())
    ));
    if let Ok(t) = Tenants::parse(ixn_core::adopt::TENANTS_FILE, &a.adopted.tenants) {
        s.push_str(
            "<div class=\"table-scroll\"><table id=\"adopt-rows\" class=\"tenants-table\"><thead><tr><th>row</th>",
        );
        for c in &t.columns {
            s.push_str(&format!("<th><code>{}</code></th>", escape(c.field.name())));
        }
        s.push_str("</tr></thead><tbody>");
        for r in t.rows.iter().take(SHOWN_ROWS) {
            s.push_str(&format!("<tr><td>{}</td>", r.number));
            for (i, _) in t.columns.iter().enumerate() {
                let cell = r.cells.iter().find(|c| c.column == i).map(|c| match &c.value {
                    CellValue::Text(t) => t.clone(),
                    CellValue::Node(n) => n.as_str().unwrap_or_default().to_string(),
                });
                s.push_str(&format!("<td>{}</td>", escape(&cell.unwrap_or_default())));
            }
            s.push_str("</tr>");
        }
        s.push_str("</tbody></table></div>");
        if t.rows.len() > SHOWN_ROWS {
            s.push_str(&format!(
                "<p class=\"help\">The first {SHOWN_ROWS} of {} rows; the download has them all.</p>",
                t.rows.len()
            ));
        }
    }
    s.push_str(&format!(
        "<details><summary>Base profile ({})</summary><pre id=\"adopt-base\">{}</pre></details>",
        ixn_core::adopt::BASE_FILE,
        escape(&a.adopted.base)
    ));
    s.push_str(&format!(
        "<details><summary>Tenants file ({})</summary><pre id=\"adopt-tenants\">{}</pre></details>",
        ixn_core::adopt::TENANTS_FILE,
        escape(&a.adopted.tenants)
    ));
    s.push_str(&format!(
        "<details open><summary>Report ({})</summary><pre id=\"adopt-report\">{}</pre></details>",
        ixn_core::adopt::REPORT_FILE,
        escape(&a.text())
    ));
    s
}

/// The answer to [`ixn_core::protocol::Job::Adopt`], with the `.tar` of the files
/// `ixn-portal adopt` writes; or why nothing was adopted.
pub fn answer(files: Vec<AdoptFile>) -> Result<(Answer, Option<Vec<u8>>), String> {
    let (files, skipped) = files_of(files)?;
    let mut a = adopt(&files).map_err(|e| e.to_string())?;
    a.skipped.extend(skipped);
    let tar = ixn_core::generate::archive::tar_under("adopted", &a.files());
    Ok((Answer::Adopted { name: "adopted.tar".into(), html: html(&a) }, Some(tar)))
}
