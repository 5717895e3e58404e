//! "Changes": the values file key by key against a baseline — the chart's defaults, the
//! deployed release (`helm get values`), or the next chart version — with secrets
//! masked unless "Show secrets", each line linking to its field. The worker compares
//! (the diffs are not in the first load); this view renders its report.

use crate::browser;
use crate::components::form::field_id;
use crate::state::ui;
use crate::worker_bridge::{chart_for, profile_text, Flight};
use ixn_core::chart::Against;
use ixn_core::import::{import, SourceFile};
use ixn_core::model::Config;
use ixn_core::protocol::{Answer, ChangesReport, Job};
use ixn_core::registry::Step;
use ixn_portal::highlight::escape;
use leptos::prelude::*;

/// The view.
#[component]
pub fn Changes() -> impl IntoView {
    let ui = ui();
    let open = RwSignal::new(false);
    let against = RwSignal::new(Against::Defaults);
    let pasted = RwSignal::new(String::new());
    // The worker's report (the diffs are not in the first load): asked for only while
    // the view is open, one request at a time, keystrokes folded into one.
    let report = RwSignal::new(None::<Result<ChangesReport, String>>);
    let flight = Flight::new();
    let make = move || -> Option<(Job, Option<String>)> {
        if !open.get_untracked() || ui.step.get_untracked() != Step::Review {
            return None;
        }
        let kind = against.get_untracked();
        let text = pasted.get_untracked();
        if kind != Against::Defaults && text.trim().is_empty() {
            return None;
        }
        let show = ui.show_secrets.get_untracked();
        Some(ui.config.with_untracked(|c| {
            (Job::Changes { profile: profile_text(c), against: kind, pasted: text, show }, chart_for(c))
        }))
    };
    let done = move |answer: &Answer| {
        report.set(Some(match answer {
            Answer::Changes(r) => Ok(r.clone()),
            Answer::Error(e) => Err(e.clone()),
            other => Err(format!("unexpected answer {other:?}")),
        }))
    };
    Effect::new(move |_| {
        ui.config.track();
        ui.show_secrets.track();
        let (o, step, kind, empty) = (open.get(), ui.step.get(), against.get(), pasted.with(|t| t.trim().is_empty()));
        if !o || step != Step::Review || (kind != Against::Defaults && empty) {
            report.set(None);
            return;
        }
        flight.ask(make, done);
    });
    let import_deployed = move |_| {
        let text = pasted.get_untracked();
        let start = ui.config.with_untracked(|c| Config {
            deploy: c.deploy.clone(),
            chart: c.chart.clone(),
            ..Config::default()
        });
        match import(&start, &[SourceFile { name: "deployed values", text: &text }]) {
            Ok((cfg, report)) => ui.replace(
                cfg,
                if report.unknown.is_empty() {
                    "Imported the deployed values as the starting point."
                } else {
                    "Imported the deployed values as the starting point (keys the portal does not know are kept)."
                },
            ),
            Err(e) => ui.notice.set(Some(crate::state::Notice::problem(e.to_string()))),
        }
    };
    // The next version's values become the chart the answers work against: said, with
    // Undo, and the view then compares against them as the chart defaults.
    let use_next = move |_| {
        let before = ui.config.get_untracked();
        let old = before.chart.digest.clone();
        ui.use_chart("next version", &pasted.get_untracked(), true, move |r| match r {
            Ok(()) => {
                let new = ui.config.with_untracked(|c| c.chart.digest.clone());
                let short = |d: &str| d.chars().take(19).collect::<String>() + "…";
                let was = if old.is_empty() {
                    "the guide's chart defaults".to_string()
                } else {
                    format!("your chart's values ({})", short(&old))
                };
                let text = format!(
                    "Now working against the next version's values ({}) in place of {was}. The Changes view compares with them as the chart defaults.",
                    short(&new)
                );
                against.set(Against::Defaults);
                let way_back = Some(crate::state::WayBack { label: "Undo", answers: before });
                ui.notice.set(Some(crate::state::Notice { way_back, ..crate::state::Notice::info(text) }));
            }
            Err(crate::state::Refused::Error(e)) => ui.notice.set(Some(crate::state::Notice::problem(e))),
            Err(crate::state::Refused::Override(_)) => {}
        });
    };
    // A line's link: go to its step and focus its field.
    let follow = move |ev: leptos::ev::MouseEvent| {
        let Some(a) = crate::browser::closest(&ev, "a[data-field]") else {
            return;
        };
        if let (Some(step), Some(id)) =
            (a.get_attribute("data-step").and_then(|s| Step::from_slug(&s)), a.get_attribute("data-field"))
        {
            ui.step.set(step);
            browser::focus_soon(id);
        }
    };
    let choice = move |value: Against, label: &'static str| {
        view! {
            <label class="check">
                <input type="radio" name="changes.against" value=value.as_str()
                    prop:checked=move || against.get() == value on:change=move |_| against.set(value)/>
                {label}
            </label>
        }
    };
    view! {
        <details class="changes" id="changes" on:toggle=move |ev| {
            use wasm_bindgen::JsCast;
            let d: web_sys::Element = ev.target().unwrap().unchecked_into();
            open.set(d.has_attribute("open"));
        }>
            <summary>"Changes"</summary>
            <fieldset class="inline">
                <legend>"Against"</legend>
                {choice(Against::Defaults, "the chart defaults")}
                {choice(Against::Deployed, "the deployed release")}
                {choice(Against::Next, "the next chart version")}
            </fieldset>
            <div hidden=move || against.get() == Against::Defaults>
                <label for="changes-text">{move || if against.get() == Against::Next {
                    "Paste the next version's helm show values ixn/ixn --version Y"
                } else {
                    "Paste helm get values RELEASE -o yaml (or with --all)"
                }}</label>
                <textarea id="changes-text" name="changes.text" rows="5" spellcheck="false" autocomplete="off"
                    prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                <div class="inline">
                    <button type="button" class="secondary" hidden=move || against.get() != Against::Deployed || pasted.with(|t| t.trim().is_empty())
                        on:click=import_deployed>"Import the deployed values as the starting point"</button>
                    <button type="button" class="secondary" hidden=move || against.get() != Against::Next || pasted.with(|t| t.trim().is_empty())
                        on:click=use_next>"Use the next version's values"</button>
                </div>
            </div>
            <label class="check"><input type="checkbox" name="changes.showSecrets" prop:checked=move || ui.show_secrets.get()
                on:change=move |ev| ui.show_secrets.set(event_target_checked(&ev))/>"Show secrets"</label>
            <div id="changes-report" aria-live="polite">
                {move || match report.get() {
                    None => ().into_any(),
                    Some(Err(e)) => view! { <p class="finding error" role="alert">{e}</p> }.into_any(),
                    Some(Ok(r)) => view! { <div on:click=follow inner_html=report_html(&r)></div> }.into_any(),
                }}
            </div>
        </details>
    }
}

// The report as HTML text, one list item per line with its field in data attributes:
// one click handler for the whole list instead of a component per line keeps the
// first load small (this view is opened rarely).
fn report_html(r: &ChangesReport) -> String {
    let mut out = format!("<p class=\"summary\">{}</p><ul class=\"change-list\">", escape(&r.summary));
    for ch in &r.changes {
        // A text changed inside: the worker's word-by-word HTML (escaped there).
        let rest = match &ch.within {
            Some(html) => format!(": <span class=\"within\">{html}</span>"),
            None => escape(&ch.rest).to_string(),
        };
        out += &format!(
            "<li class=\"change {kind}\"><span class=\"sign\" aria-hidden=\"true\">{sign} </span><a href=\"#/{slug}\" data-step=\"{slug}\" data-field=\"{id}\">{path}</a>{rest}</li>",
            kind = ch.kind,
            sign = escape(&ch.sign),
            slug = escape(&ch.step),
            id = escape(&field_id(&ch.field)),
            path = escape(&ch.path),
            rest = rest,
        );
    }
    out.push_str("</ul>");
    let notes = |title: &str, class: &str, notes: &[String]| {
        let items: String = notes.iter().map(|n| format!("<li class=\"{class}\">{}</li>", escape(n))).collect();
        if items.is_empty() {
            return String::new();
        }
        format!("<p><strong>{title}</strong></p><ul class=\"notes\">{items}</ul>")
    };
    out += &notes("Keys the new values drop:", "finding warning", &r.warnings);
    out += &notes("To decide before moving to the next version:", "decide", &r.decisions);
    out +=
        &format!("<details><summary>As text</summary><pre class=\"changes-text\">{}</pre></details>", escape(&r.text));
    out
}
