//! image.imagePullSecrets as a list of secret names.

use crate::components::form::{use_field_ids, FieldIds, ListBinding};
use ixn_core::model::Value;
use ixn_core::registry::KeyDef;
use leptos::prelude::*;

/// The list editor.
#[component]
pub fn PullSecretsField(
    /// The registry row.
    def: &'static KeyDef,
) -> impl IntoView {
    let path = def.path;
    let names = ListBinding::new(
        def,
        |v: &Value| if let Value::PullSecrets(n) = v { Some(n) } else { None },
        Value::PullSecrets,
    );
    let FieldIds { input: id, label: labelled, help, .. } = use_field_ids();
    view! {
        <div class="kv" role="group" aria-labelledby=labelled aria-describedby=help>
            <For each=move || 0..names.len() key=|i| *i children=move |i| view! {
                <div class="row">
                    <input type="text" name=format!("{path}[{i}].name") aria-label=format!("Pull secret {}", i + 1)
                        autocomplete="off" spellcheck="false"
                        prop:value=move || names.item(i).unwrap_or_default()
                        on:input=move |ev| { let t = event_target_value(&ev); names.edit(i, |x| *x = t); }/>
                    <button type="button" class="icon" aria-label=format!("Remove pull secret {}", i + 1)
                        on:click=move |_| names.remove(i)>"×"</button>
                </div>
            }/>
            <button type="button" class="secondary" id=id on:click=move |_| names.push(String::new())>"Add a pull secret"</button>
        </div>
    }
}
