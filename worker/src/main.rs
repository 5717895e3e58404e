//! The portal's web worker: what most visits never open, in its own wasm, loaded by
//! the page on demand (the GitOps tab, a Git delivery's download, the Tenants panel,
//! the Operations tab, the Changes view, a chart values file). It runs the GitOps
//! generators, the batch rendering, the operations runbook, the diffs and the chart
//! file's comment reader and sha256 of `ixn-core` off the page's thread, so typing
//! stays responsive while a thousand tenants render, and the first load does not
//! carry them; it renders the Operations and Tenants views as HTML too. See `jobs` for
//! the requests.

mod adopt;
mod jobs;
mod operations_html;
mod tenants_html;

#[cfg(test)]
mod golden_tests;

use ixn_core::protocol::{from_wire, to_wire, Message, Request};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Posts `{msg, bytes}` to the page (`msg`: a [`Message`]'s wire bytes), handing the
/// bytes over without a copy.
fn post(scope: &web_sys::DedicatedWorkerGlobalScope, message: &Message, bytes: Option<Vec<u8>>) {
    let wire = js_sys::Uint8Array::from(to_wire(message).as_slice());
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"msg".into(), &wire);
    let transfer = js_sys::Array::of1(&wire.buffer());
    if let Some(b) = bytes {
        let array = js_sys::Uint8Array::from(b.as_slice());
        transfer.push(&array.buffer());
        let _ = js_sys::Reflect::set(&msg, &"bytes".into(), &array);
    }
    let _ = scope.post_message_with_transfer(&msg, &transfer);
}

fn main() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let out = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let wire = ev.data().dyn_into::<js_sys::Uint8Array>().map(|a| a.to_vec()).unwrap_or_default();
        // The page and this worker are built together from one protocol type: a request
        // that does not read is a bug, said to the console.
        match from_wire::<Request>(&wire) {
            Ok(request) => {
                let id = request.id;
                jobs::run(request, &mut |answer, bytes| post(&out, &Message::Answer { id, answer }, bytes));
            }
            Err(e) => web_sys::console::error_1(&format!("ixn-worker: a request that does not read: {e}").into()),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Lives as long as the worker.
    on_message.forget();
    // The page holds its requests until this arrives: a message posted before the
    // handler is set would be lost.
    post(&scope, &Message::Ready, None);
}
