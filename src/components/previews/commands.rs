//! The commands preview: the secret style, the whole script, and one block at a time.

use super::error_banner::ErrorBanner;
use crate::browser;
use crate::components::preview::{Code, CopyButtons, Lang};
use crate::state::ui;
use ixn_core::model::SecretStyle;
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
            block_status.set(if ok {
                format!("Copied: {title}")
            } else {
                "Copy failed: select the text and copy it".into()
            });
        });
    };
    view! {
        <ErrorBanner file="deploy.sh"/>
        <div class="controls">
            <label for="ui-style" class="inline-label">"Secrets"</label>
            <select id="ui-style" name="ui.secretStyle"
                prop:value=move || ui.config.with(|c| c.deploy.secret_style.as_str())
                on:change=move |ev| {
                let style = SecretStyle::parse(&event_target_value(&ev));
                ui.config.update(|c| c.deploy.secret_style = style);
            }>
                <option value="guide" selected=move || ui.config.with(|c| c.deploy.secret_style == SecretStyle::Guide)>"kubectl create secret (guide)"</option>
                <option value="stdin" selected=move || ui.config.with(|c| c.deploy.secret_style == SecretStyle::Stdin)>"manifests from stdin"</option>
            </select>
            <CopyButtons what="commands" file="deploy.sh" mime="text/x-shellscript" unmasked/>
        </div>
        <div class="blocks" role="group" aria-label="Copy one block">
            {move || blocks.get().into_iter().map(|(id, title)| {
                view! { <button type="button" class="chip" on:click=move |_| block_copy(id, title) aria-label=format!("Copy block: {title}")>{title}</button> }
            }).collect_view()}
            <span class="copied" role="status">{move || block_status.get()}</span>
        </div>
        <Code id="preview-commands" lang=Lang::Bash text=commands.into()/>
    }
}
