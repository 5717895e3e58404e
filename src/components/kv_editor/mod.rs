//! A key/value editor for labels, annotations, nodeSelector and jvmOptions: rows are
//! kept as typed, even incomplete, so nothing entered is lost.

use crate::components::key_field::{field_id, ListBinding};
use ixn_core::model::{StringMap, Value};
use ixn_core::registry::{KeyDef, Kind};
use leptos::prelude::*;

/// The editor for one map key.
#[component]
pub fn KvEditor(
    /// The registry row (kind Map or Jvm).
    def: &'static KeyDef,
) -> impl IntoView {
    let path = def.path;
    fn extract(v: &Value) -> Option<&StringMap> {
        match v {
            Value::Map(m) | Value::Jvm(m) => Some(m),
            _ => None,
        }
    }
    let rows = if def.kind == Kind::Jvm {
        ListBinding::new(path, extract, Value::Jvm)
    } else {
        ListBinding::new(path, extract, Value::Map)
    };
    let edit = move |i: usize, key: bool, text: String| rows.edit(i, |row| if key { row.0 = text } else { row.1 = text });
    let (kname, vname) = if def.kind == Kind::Jvm { ("Order", "JVM option") } else { ("Name", "Value") };
    let id = field_id(path);
    let (labelled, help) = (format!("{id}-label"), format!("{id}-help"));
    // Rows are keyed by position so typing never rebuilds an input (focus stays).
    view! {
        <div class="kv" role="group" aria-labelledby=labelled aria-describedby=help>
            <For each=move || 0..rows.len() key=|i| *i children=move |i| view! {
                <div class="row">
                    <input type="text" name=format!("{path}[{i}].key") aria-label=format!("{kname} {}", i + 1)
                        autocomplete="off" spellcheck="false"
                        prop:value=move || rows.item(i).map(|r| r.0).unwrap_or_default()
                        on:input=move |ev| edit(i, true, event_target_value(&ev))/>
                    <input type="text" name=format!("{path}[{i}].value") aria-label=format!("{vname} {}", i + 1)
                        autocomplete="off" spellcheck="false"
                        prop:value=move || rows.item(i).map(|r| r.1).unwrap_or_default()
                        on:input=move |ev| edit(i, false, event_target_value(&ev))/>
                    <button type="button" class="icon" aria-label=format!("Remove row {}", i + 1)
                        on:click=move |_| rows.remove(i)>"×"</button>
                </div>
            }/>
            <button type="button" class="secondary" id=id
                on:click=move |_| {
                    // jvmOptions are numbered; suggest the next number.
                    let next = if def.kind == Kind::Jvm { (rows.len() + 1).to_string() } else { String::new() };
                    rows.push((next, String::new()));
                }>
                "Add a row"
            </button>
        </div>
    }
}
