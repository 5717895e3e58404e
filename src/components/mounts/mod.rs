//! volumeMounts: volume name, mount path and read-only per row.

use crate::components::key_field::{effective_value, field_id};
use crate::state::ui;
use ixn_core::model::{Value, VolumeMount};
use ixn_core::registry::KeyDef;
use leptos::prelude::*;

/// The mounts editor.
#[component]
pub fn MountsField(
    /// The registry row.
    def: &'static KeyDef,
) -> impl IntoView {
    let ui = ui();
    let path = def.path;
    let current = effective_value(path);
    let mounts = move || match current() {
        Some(Value::Mounts(m)) => m,
        _ => Vec::new(),
    };
    let write = move |m: Vec<VolumeMount>| ui.config.update(|c| {
        let _ = c.values.set(path, Value::Mounts(m));
    });
    let edit = move |i: usize, f: &dyn Fn(&mut VolumeMount)| {
        let mut all = mounts();
        if let Some(m) = all.get_mut(i) {
            f(m);
        }
        write(all);
    };
    let id = field_id(path);
    let (labelled, help) = (format!("{id}-label"), format!("{id}-help"));
    view! {
        <div class="kv" role="group" aria-labelledby=labelled aria-describedby=help>
            <For each=move || 0..mounts().len() key=|i| *i children=move |i| view! {
                <div class="row">
                    <input type="text" name=format!("{path}[{i}].name") aria-label=format!("Volume {}", i + 1) autocomplete="off" spellcheck="false"
                        prop:value=move || mounts().get(i).map(|m| m.name.clone()).unwrap_or_default()
                        on:input=move |ev| { let t = event_target_value(&ev); edit(i, &|m| m.name = t.clone()); }/>
                    <input type="text" name=format!("{path}[{i}].mountPath") aria-label=format!("Mount path {}", i + 1) autocomplete="off" spellcheck="false"
                        prop:value=move || mounts().get(i).map(|m| m.mount_path.clone()).unwrap_or_default()
                        on:input=move |ev| { let t = event_target_value(&ev); edit(i, &|m| m.mount_path = t.clone()); }/>
                    <label class="check">
                        <input type="checkbox" name=format!("{path}[{i}].readOnly")
                            prop:checked=move || mounts().get(i).is_some_and(|m| m.read_only)
                            on:change=move |ev| { let on = event_target_checked(&ev); edit(i, &|m| m.read_only = on); }/>
                        "read-only"
                    </label>
                    <button type="button" class="icon" aria-label=format!("Remove mount {}", i + 1)
                        on:click=move |_| { let mut all = mounts(); if i < all.len() { all.remove(i); } write(all); }>"×"</button>
                </div>
            }/>
            <button type="button" class="secondary" id=id
                on:click=move |_| { let mut all = mounts(); all.push(VolumeMount { name: String::new(), mount_path: String::new(), read_only: true }); write(all); }>
                "Add a mount"
            </button>
        </div>
    }
}
