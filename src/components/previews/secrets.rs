//! The secrets preview: every secret in one List manifest.

use super::error_banner::ErrorBanner;
use crate::components::code_block::{Code, CopyButtons, Lang};
use crate::state::ui;
use leptos::prelude::*;

/// `secrets.json`.
#[component]
pub fn SecretsPreview() -> impl IntoView {
    let ui = ui();
    let secrets = Memo::new(move |_| ui.shown.with(|a| a.secret_manifests.clone()));
    let unmasked = Signal::derive(move || ui.unmasked.with(|a| a.secret_manifests.clone()));
    view! {
        <ErrorBanner file="secrets.json"/>
        <div class="controls">
            <p class="help">"Every secret in one List manifest: kubectl apply -f secrets.json creates them all."</p>
            <CopyButtons what="secrets" file="secrets.json" mime="application/json" unmasked/>
        </div>
        <Code id="preview-secrets" lang=Lang::Json text=secrets.into()/>
    }
}
