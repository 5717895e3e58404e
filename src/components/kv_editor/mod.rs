//! A key/value editor for labels, annotations, nodeSelector and jvmOptions: rows are
//! kept as typed, even incomplete, so nothing entered is lost. An imported map can
//! hold thousands of entries: past the first rows the editor says how many there
//! are and shows them on request (they are in the values all along).

use crate::components::form::{use_field_ids, FieldIds, ListBinding};
use ixn_core::model::{StringMap, Value};
use ixn_core::registry::{KeyDef, Kind};
use leptos::prelude::*;

/// Rows shown before "Show all".
const FIRST_ROWS: usize = 100;

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
        ListBinding::new(def, extract, Value::Jvm)
    } else {
        ListBinding::new(def, extract, Value::Map)
    };
    let edit =
        move |i: usize, key: bool, text: String| rows.edit(i, |row| if key { row.0 = text } else { row.1 = text });
    let (kname, vname) = if def.kind == Kind::Jvm { ("Order", "JVM option") } else { ("Name", "Value") };
    let FieldIds { input: id, label: labelled, help, .. } = use_field_ids();
    // Building thousands of rows is most of what a large import costs.
    let show_all = RwSignal::new(false);
    let shown = move || if show_all.get() { rows.len() } else { rows.len().min(FIRST_ROWS) };
    // Rows are keyed by position so typing never rebuilds an input (focus stays).
    view! {
        // jvmOptions keys are order numbers: their column is narrow, the options wide.
        <div class=if def.kind == Kind::Jvm { "kv jvm" } else { "kv" } role="group" aria-labelledby=labelled aria-describedby=help>
            <For each=move || 0..shown() key=|i| *i children=move |i| view! {
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
            {move || (shown() < rows.len()).then(|| view! {
                <p class="more">
                    {format!("Showing the first {} of {} rows. ", shown(), rows.len())}
                    <button type="button" class="link" on:click=move |_| show_all.set(true)>{format!("Show all {} rows", rows.len())}</button>
                </p>
            })}
            <button type="button" class="secondary" id=id
                on:click=move |_| {
                    // jvmOptions are numbered; suggest the next number.
                    let next = if def.kind == Kind::Jvm { (rows.len() + 1).to_string() } else { String::new() };
                    rows.push((next, String::new()));
                    // The new row is the last one: show it.
                    show_all.set(true);
                }>
                "Add a row"
            </button>
        </div>
    }
}
