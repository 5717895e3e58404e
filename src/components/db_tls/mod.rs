//! PostgreSQL TLS for IXN Node: off, on with defaults, or custom Node.js TLS options.

use crate::components::form::{effective_value, use_field_ids, FieldIds};
use crate::state::ui;
use ixn_core::model::{DbTls, Input, Value};
use ixn_core::registry::KeyDef;
use leptos::prelude::*;

/// What the options box starts with when nothing custom was ever set.
const FIRST_OPTIONS: &str = "rejectUnauthorized: true";

/// A choice and, for custom options, a YAML text area.
#[component]
pub fn DbTlsField(
    /// The registry row.
    def: &'static KeyDef,
) -> impl IntoView {
    let ui = ui();
    let path = def.path;
    let current = effective_value(def);
    let tls = move || match current() {
        Some(Value::DbTls(t)) => t,
        _ => DbTls::Off,
    };
    // The box renders from the model: the custom options set, else the last ones set
    // before switching mode (the model keeps them), so an import, undo or link shows.
    let custom = move || match tls() {
        DbTls::Custom(i) => i.raw().to_string(),
        _ => ui.config.with(|c| c.values.draft(def).unwrap_or(FIRST_OPTIONS).to_string()),
    };
    let mode = move || match tls() {
        DbTls::Off => "off",
        DbTls::On => "on",
        DbTls::Custom(_) => "custom",
    };
    let set = move |t: DbTls| {
        ui.config.update(|c| {
            c.values.set(def, Value::DbTls(t));
        })
    };
    let FieldIds { input: id, label: labelled, help, .. } = use_field_ids();
    view! {
        <div class="choice">
            // prop:value as well as `selected`: once the user picks an option, the
            // browser no longer follows its `selected` attribute.
            <select id=id.clone() name=format!("{path}.mode") aria-labelledby=labelled aria-describedby=help
                prop:value=mode
                on:change=move |ev| match event_target_value(&ev).as_str() {
                    "on" => set(DbTls::On),
                    "custom" => set(DbTls::Custom(Input::new(custom()))),
                    _ => set(DbTls::Off),
                }>
                <option value="off" selected=move || mode() == "off">"Off (ssl: empty)"</option>
                <option value="on" selected=move || mode() == "on">"On with defaults (ssl: {})"</option>
                <option value="custom" selected=move || mode() == "custom">"Custom TLS options"</option>
            </select>
            <textarea name=path rows="4" aria-label="TLS options (YAML)" spellcheck="false" hidden=move || mode() != "custom"
                prop:value=custom
                on:input=move |ev| set(DbTls::Custom(Input::new(event_target_value(&ev))))></textarea>
        </div>
    }
}
