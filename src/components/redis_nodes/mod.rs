//! The Redis node list: host, port and cluster mode per node, with add and remove.

use crate::components::key_field::{effective_value, field_id};
use crate::state::ui;
use ixn_core::model::{Input, RedisNode, Value};
use ixn_core::registry::KeyDef;
use leptos::prelude::*;

/// The node list editor. Inputs are named `ixnService.ixnNode.redis[0].host` etc.
#[component]
pub fn RedisNodesField(
    /// The registry row.
    def: &'static KeyDef,
) -> impl IntoView {
    let ui = ui();
    let path = def.path;
    let current = effective_value(path);
    let nodes = move || match current() {
        Some(Value::Redis(n)) => n,
        _ => Vec::new(),
    };
    let write = move |n: Vec<RedisNode>| ui.config.update(|c| {
        let _ = c.values.set(path, Value::Redis(n));
    });
    let edit = move |i: usize, f: &dyn Fn(&mut RedisNode)| {
        let mut all = nodes();
        if let Some(n) = all.get_mut(i) {
            f(n);
        }
        write(all);
    };
    let cluster = move |i: usize| nodes().get(i).and_then(|n| n.cluster);
    let id = field_id(path);
    let (labelled, help) = (format!("{id}-label"), format!("{id}-help"));
    view! {
        <div class="nodes" role="group" aria-labelledby=labelled aria-describedby=help>
            <For each=move || 0..nodes().len() key=|i| *i children=move |i| {
                let base = format!("{path}[{i}]");
                let hid = field_id(&format!("{base}.host"));
                let pid = field_id(&format!("{base}.port"));
                let cid = field_id(&format!("{base}.is_redis_cluster"));
                view! {
                    <fieldset class="node">
                        <legend>{format!("Redis node {}", i + 1)}</legend>
                        <label for=hid.clone()>"Host"</label>
                        <input id=hid type="text" name=format!("{base}.host") autocomplete="off" spellcheck="false"
                            prop:value=move || nodes().get(i).map(|n| n.host.clone()).unwrap_or_default()
                            on:input=move |ev| { let t = event_target_value(&ev); edit(i, &|n| n.host = t.clone()); }/>
                        <label for=pid.clone()>"Port"</label>
                        <input id=pid type="text" inputmode="numeric" name=format!("{base}.port") autocomplete="off"
                            prop:value=move || nodes().get(i).map(|n| n.port.raw().to_string()).unwrap_or_default()
                            on:input=move |ev| { let t = event_target_value(&ev); edit(i, &|n| n.port = Input::new(t.clone())); }/>
                        <label for=cid.clone()>"Cluster mode (is_redis_cluster)"</label>
                        <select id=cid name=format!("{base}.is_redis_cluster")
                            on:change=move |ev| { let v = event_target_value(&ev); edit(i, &|n| n.cluster = match v.as_str() { "true" => Some(true), "false" => Some(false), _ => None }); }>
                            <option value="" selected=move || cluster(i).is_none()>"not set"</option>
                            <option value="true" selected=move || cluster(i) == Some(true)>"true: a Redis cluster"</option>
                            <option value="false" selected=move || cluster(i) == Some(false)>"false: a single Redis"</option>
                        </select>
                        <button type="button" class="secondary" on:click=move |_| { let mut all = nodes(); if i < all.len() { all.remove(i); } write(all); }>
                            {format!("Remove node {}", i + 1)}
                        </button>
                    </fieldset>
                }
            }/>
            <button type="button" class="secondary" id=id on:click=move |_| { let mut all = nodes(); all.push(RedisNode::default()); write(all); }>"Add a Redis node"</button>
        </div>
    }
}
