//! The IXN configuration portal: a static Leptos app over the pure `ixn-core` engine.
//! Components only bind signals to the core; every artifact is a `Memo` of the model.

mod app;
mod browser;
mod components;
mod state;
mod steps;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
