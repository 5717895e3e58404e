//! The values file preview: form (minimal or full), comments, copy and download.

use super::error_banner::ErrorBanner;
use crate::components::code_block::{Code, CopyButtons, Lang};
use crate::state::ui;
use ixn_core::generate::values_yaml::Form;
use leptos::prelude::*;

/// `override_values.yaml`.
#[component]
pub fn ValuesPreview() -> impl IntoView {
    let ui = ui();
    // A memo: the preview re-renders only when its own text changes.
    let values = Memo::new(move |_| ui.shown.with(|a| a.values_yaml.clone()));
    let unmasked = Signal::derive(move || ui.unmasked.with(|a| a.values_yaml.clone()));
    // In a Git delivery the file is the one that goes to Git: it holds no secret.
    let holds_secrets = Signal::derive(move || ui.unmasked.with(|a| a.values_hold_secrets));
    view! {
        <ErrorBanner file="override_values.yaml"/>
        <div class="controls">
            <code class="file">"override_values.yaml"</code>
            <label for="ui-form" class="inline-label">"Form"</label>
            <select id="ui-form" name="ui.valuesForm" on:change=move |ev| ui.form.set(if event_target_value(&ev) == "full" { Form::Full } else { Form::Minimal })>
                <option value="minimal" selected=move || ui.form.get() == Form::Minimal>"Minimal (what differs from the chart)"</option>
                <option value="full" selected=move || ui.form.get() == Form::Full>"Full"</option>
            </select>
            <label class="check"><input type="checkbox" name="ui.comments" prop:checked=move || ui.comments.get()
                on:change=move |ev| ui.comments.set(event_target_checked(&ev))/>"Comments"</label>
            <CopyButtons what="values" file="override_values.yaml" mime="application/yaml" unmasked holds_secrets/>
        </div>
        <p class="help" id="values-git-note" hidden=move || ui.config.with(|c| c.deploy.delivery == ixn_core::model::Delivery::Script)>
            "The values that go to Git: no password in them; the Secrets are made outside it (GitOps tab)."</p>
        <Code id="preview-values" lang=Lang::Yaml text=values.into()/>
        <p class="help">"Comments in imported files are not carried over; the guide's help can be written as comments instead."</p>
    }
}
