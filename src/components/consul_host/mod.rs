//! Consul host: the node's IP (a Consul DaemonSet) or a fixed host.

use crate::components::key_field::{effective_value, field_id};
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
    let current = effective_value(path);
    let host = move || match current() {
        Some(Value::ConsulHost(h)) => Some(h),
        _ => None,
    };
    // The literal typed before switching to the node IP is kept for switching back.
    let literal = RwSignal::new(match host() {
        Some(ConsulHost::Literal(h)) => h,
        _ => String::new(),
    });
    let set = move |h: ConsulHost| ui.config.update(|c| {
        let _ = c.values.set(path, Value::ConsulHost(h));
    });
    let id = field_id(path);
    let (labelled, help) = (format!("{id}-label"), format!("{id}-help"));
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
                    on:change=move |_| set(ConsulHost::Literal(literal.get_untracked()))/>
                "A fixed host"
            </label>
            <input type="text" name=path aria-label="Consul host" autocomplete="off" spellcheck="false"
                hidden=move || !is_literal()
                prop:value=move || literal.get()
                on:input=move |ev| { let t = event_target_value(&ev); literal.set(t.clone()); set(ConsulHost::Literal(t)); }/>
        </div>
    }
}
