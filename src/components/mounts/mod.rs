//! volumeMounts: volume name, mount path and read-only per row.

use crate::components::form::{use_field_ids, FieldIds, ListBinding};
use ixn_core::model::{Value, VolumeMount};
use ixn_core::registry::KeyDef;
use leptos::prelude::*;

/// The mounts editor.
#[component]
pub fn MountsField(
    /// The registry row.
    def: &'static KeyDef,
) -> impl IntoView {
    let path = def.path;
    let mounts =
        ListBinding::new(def, |v: &Value| if let Value::Mounts(m) = v { Some(m) } else { None }, Value::Mounts);
    let FieldIds { input: id, label: labelled, help, .. } = use_field_ids();
    view! {
        <div class="kv mounts" role="group" aria-labelledby=labelled aria-describedby=help>
            <For each=move || 0..mounts.len() key=|i| *i children=move |i| view! {
                <div class="row">
                    <input type="text" name=format!("{path}[{i}].name") aria-label=format!("Volume {}", i + 1) autocomplete="off" spellcheck="false"
                        prop:value=move || mounts.item(i).map(|m| m.name).unwrap_or_default()
                        on:input=move |ev| { let t = event_target_value(&ev); mounts.edit(i, |m| m.name = t); }/>
                    <input type="text" name=format!("{path}[{i}].mountPath") aria-label=format!("Mount path {}", i + 1) autocomplete="off" spellcheck="false"
                        prop:value=move || mounts.item(i).map(|m| m.mount_path).unwrap_or_default()
                        on:input=move |ev| { let t = event_target_value(&ev); mounts.edit(i, |m| m.mount_path = t); }/>
                    <label class="check">
                        <input type="checkbox" name=format!("{path}[{i}].readOnly")
                            prop:checked=move || mounts.item(i).is_some_and(|m| m.read_only)
                            on:change=move |ev| { let on = event_target_checked(&ev); mounts.edit(i, |m| m.read_only = on); }/>
                        "read-only"
                    </label>
                    <button type="button" class="icon" aria-label=format!("Remove mount {}", i + 1)
                        on:click=move |_| mounts.remove(i)>"×"</button>
                </div>
            }/>
            <button type="button" class="secondary" id=id
                on:click=move |_| mounts.push(VolumeMount { name: String::new(), mount_path: String::new(), read_only: true })>
                "Add a mount"
            </button>
        </div>
    }
}
