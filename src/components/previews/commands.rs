//! The commands preview: the secret style in use, the whole script, and one block at a time.

use super::error_banner::ErrorBanner;
use crate::browser;
use crate::components::preview::{Code, CopyButtons, Lang};
use crate::state::ui;
use ixn_core::model::SecretStyle;
use ixn_core::registry::Step;
use leptos::prelude::*;

/// `deploy.sh`, and its blocks.
#[component]
pub fn CommandsPreview() -> impl IntoView {
    let ui = ui();
    let commands = Memo::new(move |_| ui.shown.with(|a| a.commands.script()));
    let blocks =
        Memo::new(move |_| ui.shown.with(|a| a.commands.blocks.iter().map(|b| (b.id, b.title)).collect::<Vec<_>>()));
    let unmasked = Signal::derive(move || ui.unmasked.with(|a| a.commands.script()));
    let block_status = RwSignal::new(String::new());
    let block_copy = move |id: &'static str, title: &'static str| {
        let text = ui.unmasked.with_untracked(|a| a.commands.block(id).map(|b| b.script.clone()).unwrap_or_default());
        leptos::task::spawn_local(async move {
            let ok = browser::copy(text).await;
            if ok {
                crate::components::notice::flash(block_status, format!("Copied: {title}"));
            } else {
                block_status.set("Copy failed: select the text and copy it".into());
            }
        });
    };
    view! {
        <ErrorBanner file="deploy.sh"/>
        <div class="controls">
            // The secret style has one home, on Review: here it is only said.
            <p class="help">{move || ui.config.with(|c| match c.deploy.secret_style {
                SecretStyle::Guide => "Secrets: kubectl create secret, as the guide does. ",
                SecretStyle::Stdin => "Secrets: manifests from stdin. ",
            })}<a href="#/review" on:click=move |_| {
                ui.step.set(Step::Review);
                browser::focus_soon("f-secrets-style".into());
            }>"Change how secrets are created"</a></p>
            <CopyButtons what="commands" file="deploy.sh" mime="text/x-shellscript" unmasked/>
        </div>
        <div class="blocks" role="group" aria-label="Copy one block">
            {move || blocks.get().into_iter().map(|(id, title)| {
                view! { <button type="button" class="chip" on:click=move |_| block_copy(id, title) aria-label=format!("Copy block: {title}")>{title}</button> }
            }).collect_view()}
            <span class="copied" class:fades=move || block_status.with(|s| crate::components::notice::fades(s)) role="status">{move || block_status.get()}</span>
        </div>
        <Code id="preview-commands" lang=Lang::Bash text=commands.into()/>
    }
}
