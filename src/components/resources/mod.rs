//! Requests and limits as a table per container, with per-pod and namespace totals
//! added exactly by the core.

use crate::components::form::{FieldIds, Findings};
use crate::state::ui;
use ixn_core::generate::sizing::Totals;
use ixn_core::model::{chart_default, Location, Value};
use ixn_core::registry::containers::{CONTAINERS, RESOURCES};
use ixn_core::registry::KeyDef;
use leptos::prelude::*;

fn cell(def: &'static KeyDef) -> impl IntoView {
    let ui = ui();
    let path = def.path;
    let FieldIds { input: id, msg, .. } = FieldIds::of(path);
    let placeholder = chart_default(def).and_then(Value::text).unwrap_or("").to_string();
    // The key's own signal, not the model (see `state::fields`).
    let seen = ui.fields.of(def);
    view! {
        <td>
            <input id=id.clone() type="text" name=path autocomplete="off" spellcheck="false" placeholder=placeholder
                aria-label=path aria-describedby=msg
                prop:value=move || seen.with(|s| s.text.clone())
                on:input=move |ev| { let t = event_target_value(&ev); ui.config.update(|c| { let _ = c.values.set_text(def, &t); }); }/>
        </td>
    }
}

/// The findings of one container's cells, in a row of their own beneath it (in a
/// cell, a sentence wraps over many lines); each names its column.
fn findings_row(keys: &'static [&'static KeyDef]) -> impl IntoView {
    let ui = ui();
    view! {
        <tr class="row-findings">
            <td colspan="5">
                {keys.iter().zip(RESOURCES.iter()).map(|(k, (_, label))| {
                    let at = Location::Key(k);
                    view! {
                        <div class="cell-findings">
                            {let at = at.clone(); move || (!ui.findings_at(&at).is_empty()).then(|| view! { <span class="col">{*label}": "</span> })}
                            <Findings at/>
                        </div>
                    }
                }).collect_view()}
            </td>
        </tr>
    }
}

fn totals_row(label: String, t: Totals) -> impl IntoView {
    view! {
        <tr class="total">
            <th scope="row">{label}</th>
            <td>{t.cpu_request.to_string()}</td>
            <td>{t.memory_request.to_string()}</td>
            <td>{t.cpu_limit.to_string()}</td>
            <td>{t.memory_limit.to_string()}</td>
        </tr>
    }
}

/// The table.
#[component]
pub fn ResourcesTable() -> impl IntoView {
    let ui = ui();
    // A memo: the totals re-render only when the sizing changes, not on every keystroke.
    let sizing = Memo::new(move |_| ui.shown.with(|a| a.sizing.clone()));
    let sizing = move || sizing.get();
    // Pods are named after the release once the short ID (or a release name) is known.
    let release = Memo::new(move |_| ui.config.with(ixn_core::model::release_name));
    view! {
        <div class="table-wrap">
            <table class="resources">
                <caption>"Requests and limits (empty cells use the chart default shown)"</caption>
                <thead>
                    <tr><th scope="col">"Container"</th>{RESOURCES.iter().map(|(_, l)| view! { <th scope="col">{*l}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {CONTAINERS.iter().map(|c| view! {
                        <tr>
                            <th scope="row">{c.label}</th>
                            {c.keys.iter().map(|k| cell(k)).collect_view()}
                        </tr>
                        {findings_row(&c.keys)}
                    }).collect_view()}
                </tbody>
                <tbody aria-live="polite">
                    {move || {
                        let s = sizing();
                        let pods = s.pods.clone().into_iter().map(|(p, t)| totals_row(format!("Pod {}", ixn_core::generate::sizing::pod_name(p, &release.get())), t)).collect_view();
                        view! {
                            {pods}
                            {totals_row(format!("Namespace (× replicaCount {})", s.replicas), s.namespace.clone())}
                        }
                    }}
                </tbody>
            </table>
            <p class="help">"The log sidecar counts only when it is enabled. Consul's injected sidecars are not in the values and are not counted."</p>
        </div>
    }
}
