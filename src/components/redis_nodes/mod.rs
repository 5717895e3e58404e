//! The Redis node list: host, port and cluster mode per node, with add and remove.

use crate::components::form::{field_id, FieldIds, ListBinding};
use ixn_core::model::{Input, RedisNode, Value};
use ixn_core::registry::KeyDef;
use leptos::prelude::*;

/// The node list editor. Inputs are named `ixnService.ixnNode.redis[0].host` etc.
#[component]
pub fn RedisNodesField(
    /// The registry row.
    def: &'static KeyDef,
) -> impl IntoView {
    let path = def.path;
    let nodes = ListBinding::new(def, |v: &Value| if let Value::Redis(n) = v { Some(n) } else { None }, Value::Redis);
    let cluster = move |i: usize| nodes.item(i).and_then(|n| n.cluster);
    let FieldIds { input: id, label: labelled, help, .. } = FieldIds::of(path);
    view! {
        <div class="nodes" role="group" aria-labelledby=labelled aria-describedby=help>
            <For each=move || 0..nodes.len() key=|i| *i children=move |i| {
                let base = format!("{path}[{i}]");
                let hid = field_id(&format!("{base}.host"));
                let pid = field_id(&format!("{base}.port"));
                let cid = field_id(&format!("{base}.is_redis_cluster"));
                view! {
                    <fieldset class="node">
                        <legend>{format!("Redis node {}", i + 1)}</legend>
                        <label for=hid.clone()>"Host"</label>
                        <input id=hid type="text" name=format!("{base}.host") autocomplete="off" spellcheck="false"
                            prop:value=move || nodes.item(i).map(|n| n.host).unwrap_or_default()
                            on:input=move |ev| { let t = event_target_value(&ev); nodes.edit(i, |n| n.host = t); }/>
                        <label for=pid.clone()>"Port"</label>
                        <input id=pid type="text" inputmode="numeric" name=format!("{base}.port") autocomplete="off"
                            prop:value=move || nodes.item(i).map(|n| n.port.raw().to_string()).unwrap_or_default()
                            on:input=move |ev| { let t = event_target_value(&ev); nodes.edit(i, |n| n.port = Input::new(t)); }/>
                        <label for=cid.clone()>"Cluster mode (is_redis_cluster)"</label>
                        <select id=cid name=format!("{base}.is_redis_cluster")
                            prop:value=move || match cluster(i) { Some(true) => "true", Some(false) => "false", None => "" }
                            on:change=move |ev| { let v = event_target_value(&ev); nodes.edit(i, |n| n.cluster = match v.as_str() { "true" => Some(true), "false" => Some(false), _ => None }); }>
                            <option value="" selected=move || cluster(i).is_none()>"not set"</option>
                            <option value="true" selected=move || cluster(i) == Some(true)>"true: a Redis cluster"</option>
                            <option value="false" selected=move || cluster(i) == Some(false)>"false: a single Redis"</option>
                        </select>
                        <button type="button" class="secondary" on:click=move |_| nodes.remove(i)>
                            {format!("Remove node {}", i + 1)}
                        </button>
                    </fieldset>
                }
            }/>
            <button type="button" class="secondary" id=id on:click=move |_| nodes.push(RedisNode::default())>"Add a Redis node"</button>
        </div>
    }
}
