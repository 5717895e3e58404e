//! A text field bound to one deployment-context field (not a values key).

use crate::components::value_field::{field_id, findings_view};
use ixn_core::model::{Config, Deployment};
use ixn_core::validate::Finding;
use leptos::prelude::*;

/// A one-line field for a context value, read and written through plain functions.
#[component]
pub fn ContextField(
    /// The form name, e.g. `deploy.namespace`.
    name: &'static str,
    /// Its label.
    label: &'static str,
    /// Help text.
    help: &'static str,
    /// Reads the field.
    get: fn(&Deployment) -> &String,
    /// Writes the field.
    set: fn(&mut Deployment, String),
    /// A password: typed as one, never autocompleted.
    #[prop(optional)]
    secret: bool,
    /// The configuration.
    config: RwSignal<Config>,
    /// Current findings.
    findings: Memo<Vec<Finding>>,
) -> impl IntoView {
    let id = field_id(name);
    let text = move || config.with(|c| get(&c.deploy).clone());
    let on_input = move |ev| {
        let t = event_target_value(&ev);
        config.update(|c| set(&mut c.deploy, t));
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id.clone()
                name=name
                type=if secret { "password" } else { "text" }
                autocomplete="off"
                spellcheck="false"
                aria-describedby=format!("{id}-help {id}-msg")
                prop:value=text
                on:input=on_input
            />
            <p class="help" id=format!("{id}-help")>{help}" "<code class="key">{name}</code></p>
            {findings_view(name.to_string(), findings, id.clone())}
        </div>
    }
}
