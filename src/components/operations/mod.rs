//! Operations: before and after the install, computed by the core from the same
//! answers, in the worker (the runbook and the metrics table are not in the first
//! load). The worker also renders them as HTML (`worker/src/operations_html.rs`): this
//! tab asks for them while shown, sets them as its content, and handles every Copy
//! and Download with one click handler. The metrics table is searchable. Scripts show
//! masked secrets (unless secrets are shown); copy and download carry the real ones,
//! as the other previews do.

use crate::browser;
use crate::state::{ui, MASK};
use crate::worker_bridge::{profile_text, with_chart, Flight};
use leptos::prelude::*;
use serde_json::{json, Value as Json};

/// What the worker made for the current answers.
#[derive(Debug, Clone, Default, PartialEq)]
struct Sections {
    /// The sections as HTML, masked.
    shown: String,
    /// The sections as HTML, with the real secrets (shown when secrets are).
    real: String,
    /// Each section's `id`, `script` and its items' texts, real: what Copy and
    /// Download carry.
    unmasked: Json,
    error: Option<String>,
}

/// The operations panel.
#[component]
pub fn Operations(
    /// Whether the tab is shown: the runbook is asked for only then.
    shown: Signal<bool>,
) -> impl IntoView {
    let ui = ui();
    let query = RwSignal::new(String::new());
    let sections = RwSignal::new(Sections::default());
    let flight = Flight::new();
    let make = move || {
        Some(ui.config.with_untracked(|c| {
            with_chart(
                json!({"op": "operations", "profile": profile_text(c), "masked": profile_text(&c.masked(MASK))}),
                c,
            )
        }))
    };
    let text = |j: &Json| j.as_str().unwrap_or_default().to_string();
    let done = move |reply: &Json| {
        sections.set(Sections {
            shown: text(&reply["shown"]),
            real: text(&reply["real"]),
            unmasked: reply["unmasked"].clone(),
            error: reply["error"].as_str().map(String::from),
        })
    };
    Effect::new(move |_| {
        ui.config.track();
        if shown.get() {
            flight.ask(make, done);
        }
    });
    // The metrics table matching the search.
    let metrics = RwSignal::new(String::new());
    let search = Flight::new();
    Effect::new(move |_| {
        query.track();
        search.ask(
            move || Some(json!({"op": "metrics", "query": query.get_untracked()})),
            move |reply| metrics.set(text(&reply["html"])),
        );
    });
    // The HTML is replaced only when it changes, not on every keystroke.
    let html =
        Memo::new(move |_| sections.with(|s| if ui.show_secrets.get() { s.real.clone() } else { s.shown.clone() }));
    // Copy and Download of any block: the real text of the section (and item) named by
    // the button's data attributes.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = crate::browser::closest(&ev, "button[data-copy], button[data-download]") else {
            return;
        };
        let real = |id: &str, f: &dyn Fn(&Json) -> String| {
            sections.with_untracked(|s| {
                s.unmasked.as_array().into_iter().flatten().find(|s| s["id"] == id).map(f).unwrap_or_default()
            })
        };
        if let Some(id) = button.get_attribute("data-download") {
            let script = real(&id, &|s| text(&s["script"]));
            browser::download(&format!("ixn-{id}.sh"), "text/x-shellscript", script.as_bytes());
            return;
        }
        let (Some(id), Some(n)) = (button.get_attribute("data-copy"), button.get_attribute("data-n")) else { return };
        let n: usize = n.parse().unwrap_or_default();
        let copied = real(&id, &|s| text(&s["items"][n]));
        let note = if ui.show_secrets.get_untracked() { "" } else { " (with the real secrets)" };
        let status = button.next_element_sibling();
        leptos::task::spawn_local(async move {
            let ok = browser::copy(copied).await;
            match status {
                Some(s) if ok => crate::components::notice::flash_element(s, format!("Copied{note}")),
                Some(s) => {
                    crate::components::notice::set_fades(&s, false);
                    s.set_text_content(Some("Copy failed"));
                }
                None => {}
            }
        });
    };
    view! {
        <div class="ops" on:click=on_click>
            <label class="check danger-toggle">
                <input type="checkbox" name="ops.dropDatabases" prop:checked=move || ui.config.with(|c| c.deploy.drop_databases)
                    on:change=move |ev| { let on = event_target_checked(&ev); ui.config.update(|c| c.deploy.drop_databases = on); }/>
                "Include the destructive step that drops both databases and the role on uninstall"
            </label>
            {move || sections.with(|s| s.error.clone()).map(|e| view! { <p class="finding error" role="alert">{e}</p> })}
            <div inner_html=move || html.get()></div>
            <section class="ops-section" id="ops-metrics" aria-labelledby="ops-metrics-title">
                <h3 id="ops-metrics-title">"Supported metrics"</h3>
                <label for="metrics-search">"Search by name, type, label or meaning"</label>
                <input id="metrics-search" type="search" name="ui.metricsSearch" autocomplete="off"
                    prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
                <div class="table-wrap" inner_html=move || metrics.get()></div>
            </section>
        </div>
    }
}
