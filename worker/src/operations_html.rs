//! The Operations tab as HTML, made here with the runbook: the page sets it as the
//! panel's content and handles Copy and Download with one click handler (data
//! attributes name the section and item), so the page carries no per-item components.
//! The markup is what the page's components would render: `.ops-section`, `.ops-item`,
//! the code blocks highlighted as `Code` highlights them.

use ixn_core::operations::metrics::Metric;
use ixn_core::operations::Section;
use ixn_highlight as highlight;

pub use highlight::escape;

/// A code block: its text content is exactly `text`, highlighted as the page's `Code`.
fn code(text: &str, yaml: bool) -> String {
    format!("<pre tabindex=\"0\" class=\"code\">{}</pre>", highlight::html(text, yaml))
}

/// Every section, each item with its badges, note, Copy button and code.
pub fn sections(sections: &[Section]) -> String {
    let mut out = String::new();
    for s in sections {
        let id = s.id;
        let file = format!("ixn-{id}.sh");
        out += &format!(
            "<section class=\"ops-section\" id=\"ops-{id}\" aria-labelledby=\"ops-{id}-title\"><div class=\"ops-head\"><h3 id=\"ops-{id}-title\">{}</h3><button type=\"button\" class=\"secondary\" aria-label=\"Download all: {file}\" data-download=\"{id}\">Download all</button></div><p class=\"help\">{}</p>",
            escape(s.title),
            escape(s.intro),
        );
        for (n, i) in s.items.iter().enumerate() {
            out += &format!(
                "<article class=\"ops-item{}\" data-item=\"{}\"><h4>{}{}{}</h4><p>{}</p>",
                if i.destructive { " destructive" } else { "" },
                i.id,
                escape(&i.title),
                if i.manual { "<span class=\"badge\">manual check</span>" } else { "" },
                if i.destructive { "<span class=\"badge danger\">destructive</span>" } else { "" },
                escape(&i.note),
            );
            if let Some(text) = i.script.as_ref().or(i.query.as_ref()) {
                let lang = if i.query.is_some() { "PromQL" } else { "bash" };
                out += &format!(
                    "<div class=\"buttons\"><button type=\"button\" class=\"secondary\" aria-label=\"Copy {lang}: {}\" data-copy=\"{id}\" data-n=\"{n}\">Copy</button><span class=\"copied\" role=\"status\"></span></div>{}",
                    escape(&i.title),
                    code(text, false),
                );
            }
            out.push_str("</article>");
        }
        out.push_str("</section>");
    }
    out
}

/// The metrics table, its caption counting the rows.
pub fn metrics(rows: &[&Metric]) -> String {
    let mut out = format!(
        "<table class=\"metrics\"><caption>{} metrics. Names marked * were pieced together from the guide's garbled table: check them against /metrics.</caption><thead><tr><th scope=\"col\">Metric</th><th scope=\"col\">Type</th><th scope=\"col\">Labels</th><th scope=\"col\">Indicates</th><th scope=\"col\">Meaning</th></tr></thead><tbody>",
        rows.len()
    );
    for m in rows {
        out += &format!(
            "<tr><td><code class=\"key\">{}</code>{}<br><span class=\"help\">{}</span></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(m.name),
            if m.reconstructed { " *" } else { "" },
            escape(m.source),
            escape(m.kind),
            escape(m.labels),
            escape(m.indicator),
            escape(m.help),
        );
    }
    out.push_str("</tbody></table>");
    out
}
