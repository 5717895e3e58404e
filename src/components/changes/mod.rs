//! "Changes": the values file key by key against a baseline — the chart's defaults, the
//! deployed release (`helm get values`), or the next chart version — with secrets
//! masked unless "Show secrets", each line linking to its field.

use crate::browser;
use crate::components::form::field_id;
use crate::state::ui;
use ixn_core::chart::{against_defaults, against_deployed, against_next, defaults_tree, Against, Change, Report};

use ixn_core::generate::values_yaml::{values_tree, Form, ValuesOptions};
use ixn_core::import::{import, SourceFile};
use ixn_core::model::{Baseline, Config, Effective};
use ixn_core::registry::Step;
use leptos::prelude::*;

/// The step and field a change links to: its registry key's, else the other chart key's.
fn target(c: &Change) -> (Step, String) {
    match c.key {
        Some(k) => (k.step, field_id(k.path)),
        // A key the registry does not know: an other chart key, edited in "Your chart".
        None => (Step::Chart, field_id(&c.dotted())),
    }
}

/// The view.
#[component]
pub fn Changes() -> impl IntoView {
    let ui = ui();
    let open = RwSignal::new(false);
    let against = RwSignal::new(Against::Defaults);
    let pasted = RwSignal::new(String::new());
    // Computed only while the view is open: it is not on every keystroke's path.
    let report = Memo::new(move |_| -> Option<Result<Report, String>> {
        if !open.get() || ui.step.get() != Step::Review {
            return None;
        }
        let kind = against.get();
        let other = match kind {
            Against::Defaults => None,
            _ => {
                let t = pasted.get();
                if t.trim().is_empty() {
                    return None;
                }
                match Baseline::read(&t) {
                    Ok(b) => Some(b.tree),
                    Err(e) => return Some(Err(format!("The pasted values do not read: {e}"))),
                }
            }
        };
        Some(Ok(ui.config.with(|c| {
            let eff = Effective::of(c);
            let values =
                values_tree(c, &eff, ValuesOptions { form: Form::Minimal, comments: false, schema_line: false });
            let defaults = defaults_tree(c);
            match (kind, other) {
                (Against::Deployed, Some(d)) => against_deployed(&defaults, &values, &d),
                (Against::Next, Some(n)) => against_next(&defaults, &n, &values),
                _ => against_defaults(&defaults, &values),
            }
        })))
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
    // A line's link: go to its step and focus its field.
    let follow = move |ev: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        let Some(a) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[data-field]").ok().flatten())
        else {
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
                        on:click=move |_| { let _ = ui.use_chart("next version", &pasted.get_untracked()); }>"Use the next version's values"</button>
                </div>
            </div>
            <label class="check"><input type="checkbox" name="changes.showSecrets" prop:checked=move || ui.show_secrets.get()
                on:change=move |ev| ui.show_secrets.set(event_target_checked(&ev))/>"Show secrets"</label>
            <div id="changes-report" aria-live="polite">
                {move || match report.get() {
                    None => ().into_any(),
                    Some(Err(e)) => view! { <p class="finding error" role="alert">{e}</p> }.into_any(),
                    Some(Ok(r)) => view! { <div on:click=follow inner_html=report_html(&r, ui.show_secrets.get())></div> }.into_any(),
                }}
            </div>
        </details>
    }
}

/// Text as HTML text.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

// The report as HTML text, one list item per line with its field in data attributes:
// one click handler for the whole list instead of a component per line keeps the
// first load small (this view is opened rarely).
fn report_html(r: &Report, show: bool) -> String {
    let (a, d, c) = r.counts();
    let mut out = format!(
        "<p class=\"summary\">Against {}: {a} added, {d} removed, {c} changed.</p><ul class=\"change-list\">",
        r.title()
    );
    for ch in &r.changes {
        let (step, id) = target(ch);
        let line = ch.line(show);
        let rest = &line[line.find(": ").unwrap_or(line.len())..];
        out += &format!(
            "<li class=\"change {kind}\"><span class=\"sign\" aria-hidden=\"true\">{sign} </span><a href=\"#/{slug}\" data-step=\"{slug}\" data-field=\"{id}\">{path}</a>{rest}</li>",
            kind = ch.kind.sign_word(),
            sign = ch.kind.sign(),
            slug = step.slug(),
            id = escape(&id),
            path = escape(&ch.dotted()),
            rest = escape(rest),
        );
    }
    out.push_str("</ul>");
    let notes = |title: &str, class: &str, notes: &[ixn_core::chart::Note]| {
        if notes.is_empty() {
            return String::new();
        }
        let items: String = notes.iter().map(|n| format!("<li class=\"{class}\">{}</li>", escape(&n.line()))).collect();
        format!("<p><strong>{title}</strong></p><ul class=\"notes\">{items}</ul>")
    };
    out += &notes("Keys the new values drop:", "finding warning", &r.warnings);
    out += &notes("To decide before moving to the next version:", "decide", &r.decisions);
    out += &format!(
        "<details><summary>As text</summary><pre class=\"changes-text\">{}</pre></details>",
        escape(&r.text(show))
    );
    out
}
