//! The previews beside the form, in tabs: one file per preview. Only the selected
//! tab is in the Tab order; the arrow keys move between tabs.

mod commands;
mod error_banner;
mod secrets;
mod values;

use crate::browser;
use crate::components::arch_map::ArchMap;
use crate::components::gitops::GitopsFiles;
use crate::components::operations::Operations;
use commands::CommandsPreview;
use leptos::prelude::*;
use secrets::SecretsPreview;
use values::ValuesPreview;

/// A preview tab: its id (`tab-…`, `panel-…`) and its label, in the strip's order.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Tab {
    id: &'static str,
    label: &'static str,
}

/// The tabs, in order. Labels are short so that all fit on one row in the preview
/// column from 1280 px up, with room for more.
const TABS: [Tab; 6] = [
    Tab { id: "values", label: "Values" },
    Tab { id: "commands", label: "Commands" },
    Tab { id: "secrets", label: "Secrets" },
    Tab { id: "gitops", label: "GitOps" },
    Tab { id: "map", label: "Map" },
    Tab { id: "ops", label: "Operations" },
];

/// The previews, in tabs.
#[component]
pub fn Previews() -> impl IntoView {
    let tab = RwSignal::new(0usize);
    let on_tab_key = move |ev: leptos::ev::KeyboardEvent| {
        let delta: isize = match ev.key().as_str() {
            "ArrowRight" => 1,
            "ArrowLeft" => -1,
            _ => return,
        };
        ev.prevent_default();
        let next = (tab.get_untracked() as isize + delta).rem_euclid(TABS.len() as isize) as usize;
        tab.set(next);
        browser::focus(&format!("tab-{}", TABS[next].id));
    };
    // The Operations tab is mounted once first opened, and asks the worker for its
    // runbook only while shown: a first load that never opens it starts no worker.
    let ops_shown = Signal::derive(move || TABS[tab.get()].id == "ops");
    let ops_opened = Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || ops_shown.get());
    let panel = move |i: usize| match TABS[i].id {
        "values" => view! { <ValuesPreview/> }.into_any(),
        "commands" => view! { <CommandsPreview/> }.into_any(),
        "secrets" => view! { <SecretsPreview/> }.into_any(),
        "gitops" => view! { <GitopsFiles/> }.into_any(),
        "map" => view! { <ArchMap/> }.into_any(),
        _ => (move || ops_opened.get().then(|| view! { <Operations shown=ops_shown/> })).into_any(),
    };
    view! {
        <aside class="previews" aria-label="Previews">
            <div role="tablist" aria-label="Generated files" class="tabs" on:keydown=on_tab_key>
                {TABS.iter().enumerate().map(|(i, t)| view! {
                    <button type="button" role="tab" id=format!("tab-{}", t.id) aria-controls=format!("panel-{}", t.id)
                        aria-selected=move || (tab.get() == i).to_string() tabindex=move || if tab.get() == i { "0" } else { "-1" }
                        on:click=move |_| tab.set(i)>{t.label}</button>
                }).collect_view()}
            </div>
            {TABS.iter().enumerate().map(|(i, t)| view! {
                <section role="tabpanel" id=format!("panel-{}", t.id) aria-labelledby=format!("tab-{}", t.id)
                    hidden=move || tab.get() != i class="panel">
                    {panel(i)}
                </section>
            }).collect_view()}
        </aside>
    }
}
