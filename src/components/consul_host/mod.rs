//! Consul host: the node's IP (a Consul DaemonSet) or a fixed host.

use crate::components::form::{effective_value, use_field_ids, FieldIds};
use crate::state::ui;
use ixn_core::model::{ConsulHost, Value};
use ixn_core::registry::KeyDef;
use leptos::prelude::*;

/// Two radios and, for a fixed host, a text field.
#[component]
pub fn ConsulHostField(
    /// The registry row.
    def: &'static KeyDef,
) -> impl IntoView {
    let ui = ui();
    let path = def.path;
    let current = effective_value(def);
    let host = move || match current() {
        Some(Value::ConsulHost(h)) => Some(h),
        _ => None,
    };
    // The box renders from the model: the fixed host set, else the last one set before
    // switching to the node IP (the model keeps it), so an import, undo or link shows.
    let literal = move || match host() {
        Some(ConsulHost::Literal(h)) => h,
        _ => ui.config.with(|c| c.values.draft(def).unwrap_or_default().to_string()),
    };
    let set = move |h: ConsulHost| {
        ui.config.update(|c| {
            c.values.set(def, Value::ConsulHost(h));
        })
    };
    let FieldIds { input: id, label: labelled, help, .. } = use_field_ids();
    let is_node_ip = move || matches!(host(), Some(ConsulHost::NodeIp));
    let is_literal = move || matches!(host(), Some(ConsulHost::Literal(_)));
    view! {
        <div class="choice" role="radiogroup" aria-labelledby=labelled aria-describedby=help>
            <label class="check">
                <input type="radio" name=format!("{path}.mode") value="node-ip" id=id.clone() prop:checked=is_node_ip
                    on:change=move |_| set(ConsulHost::NodeIp)/>
                "The node's IP (valueFrom status.hostIP): a Consul agent DaemonSet"
            </label>
            <label class="check">
                <input type="radio" name=format!("{path}.mode") value="literal" prop:checked=is_literal
                    on:change=move |_| set(ConsulHost::Literal(literal()))/>
                "A fixed host"
            </label>
            <input type="text" name=path aria-label="Consul host" autocomplete="off" spellcheck="false"
                hidden=move || !is_literal()
                prop:value=literal
                on:input=move |ev| set(ConsulHost::Literal(event_target_value(&ev)))/>
        </div>
    }
}
