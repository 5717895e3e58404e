//! A key/value editor for labels, annotations, nodeSelector and jvmOptions: rows are
//! kept as typed, even incomplete, so nothing entered is lost.

use crate::components::key_field::{effective_value, field_id};
use crate::state::ui;
use ixn_core::model::{StringMap, Value};
use ixn_core::registry::{KeyDef, Kind};
use leptos::prelude::*;

/// The editor for one map key.
#[component]
pub fn KvEditor(
    /// The registry row (kind Map or Jvm).
    def: &'static KeyDef,
) -> impl IntoView {
    let ui = ui();
    let path = def.path;
    let current = effective_value(path);
    let rows = move || -> StringMap {
        match current() {
            Some(Value::Map(m)) | Some(Value::Jvm(m)) => m,
            _ => Vec::new(),
        }
    };
    let write = move |m: StringMap| {
        let v = if def.kind == Kind::Jvm { Value::Jvm(m) } else { Value::Map(m) };
        ui.config.update(|c| {
            let _ = c.values.set(path, v);
        });
    };
    let edit = move |i: usize, key: bool, text: String| {
        let mut m = rows();
        if let Some(row) = m.get_mut(i) {
            if key { row.0 = text } else { row.1 = text }
        }
        write(m);
    };
    let (kname, vname) = if def.kind == Kind::Jvm { ("Order", "JVM option") } else { ("Name", "Value") };
    let id = field_id(path);
    let (labelled, help) = (format!("{id}-label"), format!("{id}-help"));
    // Rows are keyed by position so typing never rebuilds an input (focus stays).
    view! {
        <div class="kv" role="group" aria-labelledby=labelled aria-describedby=help>
            <For each=move || 0..rows().len() key=|i| *i children=move |i| view! {
                <div class="row">
                    <input type="text" name=format!("{path}[{i}].key") aria-label=format!("{kname} {}", i + 1)
                        autocomplete="off" spellcheck="false"
                        prop:value=move || rows().get(i).map(|r| r.0.clone()).unwrap_or_default()
                        on:input=move |ev| edit(i, true, event_target_value(&ev))/>
                    <input type="text" name=format!("{path}[{i}].value") aria-label=format!("{vname} {}", i + 1)
                        autocomplete="off" spellcheck="false"
                        prop:value=move || rows().get(i).map(|r| r.1.clone()).unwrap_or_default()
                        on:input=move |ev| edit(i, false, event_target_value(&ev))/>
                    <button type="button" class="icon" aria-label=format!("Remove row {}", i + 1)
                        on:click=move |_| { let mut m = rows(); if i < m.len() { m.remove(i); } write(m); }>"×"</button>
                </div>
            }/>
            <button type="button" class="secondary" id=id
                on:click=move |_| {
                    let mut m = rows();
                    let next = if def.kind == Kind::Jvm { (m.len() + 1).to_string() } else { String::new() };
                    m.push((next, String::new()));
                    write(m);
                }>
                "Add a row"
            </button>
        </div>
    }
}
