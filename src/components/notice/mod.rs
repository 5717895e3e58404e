//! The notice banner: what the portal did on its own (a link loaded, a preset, another
//! tab's change), with a way back when it replaced answers.

use crate::state::{ui, Notice, WayBack};
use leptos::prelude::*;

/// The notice banner.
#[component]
pub fn NoticeBanner() -> impl IntoView {
    let ui = ui();
    move || {
        ui.notice.get().map(|Notice { problem, text, way_back }| {
            let back = way_back.map(|WayBack { label, answers }| {
                let answers = StoredValue::new(answers);
                view! {
                    <button type="button" on:click=move |_| {
                        ui.config.set(answers.get_value());
                        ui.notice.set(None);
                    }>{label}</button>
                }
            });
            view! {
                <div class=if problem { "notice problem" } else { "notice" } role=if problem { "alert" } else { "status" } id="notice">
                    <span>{text}</span>
                    <span class="actions">
                        {back}
                        <button type="button" class="secondary" on:click=move |_| ui.notice.set(None)>"Dismiss"</button>
                    </span>
                </div>
            }
        })
    }
}
