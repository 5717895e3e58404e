//! The Redis node list: host and port per node, with add and remove, and the cluster
//! mode once: IXN Node reads it for the whole Redis, so every node carries the same.

use crate::components::form::{field_id, use_field_ids, FieldIds, ListBinding};
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
    let FieldIds { input: id, label: labelled, help, .. } = use_field_ids();
    // One setting for all nodes; "mixed" only when an imported file disagrees.
    let cluster = move || {
        let items = nodes.items();
        let first = items.first().and_then(|n| n.cluster);
        if items.iter().all(|n| n.cluster == first) {
            Some(first)
        } else {
            None
        }
    };
    let mode = move || match cluster() {
        Some(Some(true)) => "true",
        Some(Some(false)) => "false",
        Some(None) => "",
        None => "mixed",
    };
    let set_mode = move |v: String| {
        let c = match v.as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        };
        let mut items = nodes.items();
        items.iter_mut().for_each(|n| n.cluster = c);
        nodes.write(items);
    };
    let FieldIds { input: cid, help: cluster_help, .. } = FieldIds::of(&format!("{path}.is_redis_cluster"));
    view! {
        <div class="nodes" role="group" aria-labelledby=labelled aria-describedby=help>
            <div class="cluster-mode">
                <label for=cid.clone()>"Cluster mode, for all nodes"</label>
                <select id=cid name=format!("{path}.is_redis_cluster") aria-describedby=cluster_help.clone()
                    prop:value=mode on:change=move |ev| set_mode(event_target_value(&ev))>
                    <option value="" selected=move || mode().is_empty()>"not set"</option>
                    <option value="true" selected=move || mode() == "true">"a Redis cluster"</option>
                    <option value="false" selected=move || mode() == "false">"a single Redis"</option>
                    {move || (mode() == "mixed").then(|| view! { <option value="mixed" selected=true disabled=true>"differs between nodes (pick one)"</option> })}
                </select>
                <p class="help" id=cluster_help>"is_redis_cluster is written on every node, but IXN Node reads it for the whole Redis: the portal keeps all nodes the same."</p>
            </div>
            <For each=move || 0..nodes.len() key=|i| *i children=move |i| {
                let base = format!("{path}[{i}]");
                let hid = field_id(&format!("{base}.host"));
                let pid = field_id(&format!("{base}.port"));
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
                        <button type="button" class="secondary" on:click=move |_| nodes.remove(i)>
                            {format!("Remove node {}", i + 1)}
                        </button>
                    </fieldset>
                }
            }/>
            <button type="button" class="secondary" id=id on:click=move |_| {
                let cluster = nodes.item(0).and_then(|n| n.cluster);
                nodes.push(RedisNode { cluster, ..RedisNode::default() });
            }>"Add a Redis node"</button>
        </div>
    }
}
