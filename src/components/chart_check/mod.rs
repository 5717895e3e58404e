//! "Check the chart's output" (Review): the chart the user has, rendered with this
//! tenant's values (the section gives the exact command for the chosen Helm major), or
//! what the cluster runs (`kubectl get … -o yaml`), pasted or uploaded and checked
//! against the answers by the core's contract in the worker. The findings show at their
//! fields, as the validation's do, and here with links.
//!
//! The text never reaches the DOM, storage, a link or a profile: the paste target is not
//! an input (the paste event's text goes straight to the worker), an uploaded file is
//! read into memory and handed over, and only the findings come back (a Secret's data is
//! dropped as the worker reads the stream, so they cannot hold it).

use crate::browser;
use crate::components::form::field_id;
use crate::state::ui;
use crate::worker_bridge::{chart_for, profile_text, request};
use ixn_core::protocol::{Answer, Job};
use ixn_core::validate::{Finding, Severity};
use ixn_portal::highlight::escape;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The largest rendering read (the worker's reader refuses more anyway).
const MAX_BYTES: f64 = 16.0 * 1024.0 * 1024.0;

/// The report of the last check as HTML: the summary and one line per finding, each
/// with its field in data attributes (one click handler for the list, as the Changes
/// view does: a component per line would weigh on the first load), or why the text did
/// not read.
fn report_html(objects: usize, findings: &[Finding]) -> String {
    let t = ixn_core::validate::Tally::of(findings);
    let mut out = format!(
        "<p class=\"summary\">{} read: {}.</p><ul class=\"finding-list\">",
        ixn_core::wording::count(objects, "object"),
        t.summary()
    );
    for f in findings {
        let step = f.path.step();
        out += &format!(
            "<li class=\"finding {}\"><a href=\"#/{slug}\" data-step=\"{slug}\" data-field=\"{}\">{}</a> ({}): {}</li>",
            if f.severity == Severity::Error { "error" } else { "warning" },
            escape(&field_id(f.path.field_name())),
            escape(&f.path.to_string()),
            escape(step.title()),
            escape(&f.message),
            slug = step.slug(),
        );
    }
    out + "</ul>"
}

fn failed_html(message: &str) -> String {
    format!("<p class=\"finding error\" role=\"alert\">{}</p>", escape(message))
}

/// The section.
#[component]
pub fn ChartCheck() -> impl IntoView {
    let ui = ui();
    let report = RwSignal::new(String::new());
    // Findings hold for the answers they were made from: a change clears them. Only
    // when there is something to clear: a set notifies every field that shows
    // findings, and this runs on every keystroke.
    Effect::new(move |first: Option<()>| {
        ui.config.track();
        if first.is_some() {
            if ui.chart_findings.with_untracked(|f| !f.is_empty()) {
                ui.chart_findings.set(Vec::new());
            }
            if report.with_untracked(|r| !r.is_empty()) {
                report.set(String::new());
            }
        }
    });
    let check = move |text: String| {
        report.set("<p class=\"help\">Checking…</p>".into());
        let (profile, chart) = ui.config.with_untracked(|c| (profile_text(c), chart_for(c)));
        request(Job::Contract { profile, text: Some(text) }, chart, move |answer, _| {
            let Answer::Contract { objects, findings } = answer else {
                let why = match answer {
                    Answer::Error(e) => e.as_str(),
                    _ => "The worker gave no findings.",
                };
                ui.chart_findings.set(Vec::new());
                report.set(failed_html(why));
                return;
            };
            let findings: Vec<Finding> = findings
                .iter()
                .map(|f| {
                    let path = ixn_core::contract::location_named(&f.path);
                    if f.error {
                        Finding::error(path, f.message.clone())
                    } else {
                        Finding::warning(path, f.message.clone())
                    }
                })
                .collect();
            // Every step shows them: they were asked for.
            ui.visited.set(u16::MAX);
            report.set(report_html(*objects, &findings));
            ui.chart_findings.set(findings);
        });
    };
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        ev.prevent_default();
        if let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text").ok()) {
            check(text);
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
        let file = input.files().and_then(|l| l.get(0));
        // The input keeps only the file's name, and not even that after this.
        input.set_value("");
        let Some(file) = file else { return };
        if file.size() > MAX_BYTES {
            report.set(failed_html(&format!(
                "{} is {} KB; the limit is 16384 KB.",
                file.name(),
                file.size() as u64 / 1024
            )));
            return;
        }
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(web_sys::Blob::from(file).text())
                .await
                .ok()
                .and_then(|t| t.as_string())
            {
                Some(text) => check(text),
                None => report.set(failed_html("The file could not be read.")),
            }
        });
    };
    // The commands that make what this checks, from the worker (not in the first load):
    // asked for while the section is open, again when the answers change.
    let open = RwSignal::new(false);
    let commands = RwSignal::new(String::new());
    Effect::new(move |_| {
        ui.config.track();
        if !open.get() {
            return;
        }
        let (profile, chart) = ui.config.with_untracked(|c| (profile_text(c), chart_for(c)));
        request(Job::Contract { profile, text: None }, chart, move |answer, _| {
            if let Answer::ChartCommands(html) = answer {
                commands.set(html.clone());
            }
        });
    });
    // A finding's link: go to its step and focus its field.
    let follow = move |ev: leptos::ev::MouseEvent| {
        let Some(a) = browser::closest(&ev, "a[data-field]") else { return };
        if let (Some(step), Some(id)) = (
            a.get_attribute("data-step").and_then(|s| ixn_core::registry::Step::from_slug(&s)),
            a.get_attribute("data-field"),
        ) {
            ui.step.set(step);
            ui.visit(step);
            browser::focus_soon(id);
        }
    };
    view! {
        <details class="chart-check" id="chart-check" on:toggle=move |ev| {
            let d: web_sys::Element = ev.target().unwrap().unchecked_into();
            open.set(d.has_attribute("open"));
        }>
            <summary>"Check the chart's output"</summary>
            <p class="help">"The portal knows the IXN chart second-hand. Render the chart you have with this tenant's values, or take what the cluster runs, then paste or upload it: every place it contradicts these answers shows at its field. The text is read in this tab's worker and dropped; only the findings come back, never a Secret's data."</p>
            <div id="chart-check-commands" inner_html=move || commands.get()></div>
            <div class="inline">
                <div id="chart-check-paste" class="paste-target" tabindex="0" role="textbox" aria-label="Paste the rendered output here"
                    on:paste=on_paste>"Click here, then paste (Ctrl+V or ⌘V)"</div>
                <label class="file">"or upload a file "
                    <input id="chart-check-file" type="file" name="chartCheck.file" accept=".yaml,.yml,.json,text/yaml,application/json" on:change=on_file/>
                </label>
            </div>
            <div id="chart-check-report" aria-live="polite" on:click=follow inner_html=move || report.get()></div>
        </details>
    }
}
