//! Requests and limits as a table per container, with per-pod and namespace totals
//! added exactly by the core.

use crate::components::key_field::{field_id, Findings};
use crate::state::ui;
use ixn_core::generate::sizing::Totals;
use ixn_core::model::{chart_default, Value};
use leptos::prelude::*;

const CONTAINERS: [(&str, &str); 4] = [
    ("ixnService.ixnServer.resources", "IXN Server"),
    ("ixnService.ixnNode.resources", "IXN Node"),
    ("ixnService.logSidecar.resources", "Log sidecar"),
    ("ixnVQNode.resources", "VQ Node"),
];
const COLUMNS: [(&str, &str); 4] = [
    ("requests.cpu", "CPU request"),
    ("requests.memory", "Memory request"),
    ("limits.cpu", "CPU limit"),
    ("limits.memory", "Memory limit"),
];

fn cell(path: String) -> impl IntoView {
    let ui = ui();
    let id = field_id(&path);
    let placeholder = chart_default(&path).and_then(Value::text).unwrap_or("").to_string();
    let p2 = path.clone();
    let p3 = path.clone();
    view! {
        <td>
            <input id=id.clone() type="text" name=path.clone() autocomplete="off" spellcheck="false" placeholder=placeholder
                aria-label=path.clone() aria-describedby=format!("{id}-msg")
                prop:value=move || ui.config.with(|c| c.values.get(&p2).and_then(|v| v.text()).unwrap_or("").to_string())
                on:input=move |ev| { let t = event_target_value(&ev); ui.config.update(|c| { let _ = c.values.set_text(&p3, &t); }); }/>
            <Findings name=path/>
        </td>
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
    view! {
        <div class="table-wrap">
            <table class="resources">
                <caption>"Requests and limits (empty cells use the chart default shown)"</caption>
                <thead>
                    <tr><th scope="col">"Container"</th>{COLUMNS.iter().map(|(_, l)| view! { <th scope="col">{*l}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {CONTAINERS.iter().map(|(prefix, name)| view! {
                        <tr>
                            <th scope="row">{*name}</th>
                            {COLUMNS.iter().map(|(col, _)| cell(format!("{prefix}.{col}"))).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
                <tbody aria-live="polite">
                    {move || {
                        let s = sizing();
                        let pods = s.pods.clone().into_iter().map(|(p, t)| totals_row(format!("Pod {p}"), t)).collect_view();
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
