//! image.imagePullSecrets as a list of secret names.

use crate::components::key_field::{effective_value, field_id};
use crate::state::ui;
use ixn_core::model::Value;
use ixn_core::registry::KeyDef;
use leptos::prelude::*;

/// The list editor.
#[component]
pub fn PullSecretsField(
    /// The registry row.
    def: &'static KeyDef,
) -> impl IntoView {
    let ui = ui();
    let path = def.path;
    let current = effective_value(path);
    let names = move || match current() {
        Some(Value::PullSecrets(n)) => n,
        _ => Vec::new(),
    };
    let write = move |n: Vec<String>| ui.config.update(|c| {
        let _ = c.values.set(path, Value::PullSecrets(n));
    });
    let id = field_id(path);
    let (labelled, help) = (format!("{id}-label"), format!("{id}-help"));
    view! {
        <div class="kv" role="group" aria-labelledby=labelled aria-describedby=help>
            <For each=move || 0..names().len() key=|i| *i children=move |i| view! {
                <div class="row">
                    <input type="text" name=format!("{path}[{i}].name") aria-label=format!("Pull secret {}", i + 1)
                        autocomplete="off" spellcheck="false"
                        prop:value=move || names().get(i).cloned().unwrap_or_default()
                        on:input=move |ev| { let mut all = names(); if let Some(x) = all.get_mut(i) { *x = event_target_value(&ev); } write(all); }/>
                    <button type="button" class="icon" aria-label=format!("Remove pull secret {}", i + 1)
                        on:click=move |_| { let mut all = names(); if i < all.len() { all.remove(i); } write(all); }>"×"</button>
                </div>
            }/>
            <button type="button" class="secondary" id=id on:click=move |_| { let mut all = names(); all.push(String::new()); write(all); }>"Add a pull secret"</button>
        </div>
    }
}
