//! The IXN configuration portal: a static Leptos app over the pure `ixn-core` engine.
//! Components only bind signals to the core; every artifact is a `Memo` of the model.

mod app;
mod browser;
mod components;
mod state;
mod steps;
mod worker_bridge;

use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    // The browser inflates a share link asynchronously: read it before the first
    // render, so that the page opens with the shared state rather than switching to it.
    wasm_bindgen_futures::spawn_local(async {
        let shared = state::shared_link().await;
        leptos::mount::mount_to_body(move || view! { <app::App shared/> });
    });
}
