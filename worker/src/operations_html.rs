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

/// Review's "Check the chart's output": the commands that make what it checks, for this
/// tenant and Helm major (`helm template` with its values file, `kubectl get` of what
/// runs, and the install through the post-renderer), as HTML.
pub fn chart_check_commands(cfg: &ixn_core::model::Config) -> String {
    use ixn_core::generate::{commands, helm, shell::command};
    use ixn_core::model::{Delivery, Effective};
    let eff = Effective::of(cfg);
    let script = cfg.deploy.delivery == Delivery::Script;
    let values = if script { commands::values_file_for(cfg, &eff) } else { commands::VALUES_FILE };
    let template = commands::helm_words(cfg, &["helm", "template"], values);
    let release = ixn_core::model::release_name(cfg);
    let profile = format!("{}.profile.yaml", ixn_core::artifacts::download_folder(&release));
    let mut post = template.clone();
    post.extend(helm::post_renderer_flags(cfg.deploy.helm_major, &profile));
    let words = |w: &[String]| command(&w.iter().map(String::as_str).collect::<Vec<_>>());
    let ns = cfg.deploy.namespace.as_str();
    let running = command(&[
        "kubectl",
        "get",
        "statefulset,deployment,service,secret,configmap,serviceaccount,podmonitor",
        "-n",
        ns,
        "-o",
        "yaml",
    ]);
    let major = cfg.deploy.helm_major.number();
    let after = if script && values != commands::VALUES_FILE { ", after the envsubst of deploy.sh" } else { "" };
    let plugin = if major == 4 { ", and helm plugin install helm-plugin/ixn-verify" } else { "" };
    format!(
        "<p>Render it (Helm {major}{after}):</p><pre tabindex=\"0\" class=\"code\" id=\"chart-check-template\">{}</pre>\
         <p>Or what is running (the check also reads the ready counts):</p><pre tabindex=\"0\" class=\"code\" id=\"chart-check-running\">{}</pre>\
         <p>At install, Helm {major} can refuse a contradicting rendering itself (ixn-portal on PATH{plugin}; the profile from Download profile):</p>\
         <pre tabindex=\"0\" class=\"code\" id=\"chart-check-post\">{}</pre>",
        escape(&words(&template)),
        escape(&running),
        escape(&words(&post)),
    )
}
