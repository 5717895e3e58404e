//! The notice banner: what the portal did on its own (a link loaded, a preset, another
//! tab's change), with a way back when it replaced answers.

use crate::state::{ui, Notice, WayBack};
use ixn_core::model::Location;
use leptos::prelude::*;

/// The notice banner.
#[component]
pub fn NoticeBanner() -> impl IntoView {
    let ui = ui();
    move || {
        ui.notice.get().map(|Notice { problem, text, way_back, fields }| {
            // Each field named, as a link that opens its step and focuses it.
            let links = (!fields.is_empty()).then(|| view! {
                <ul class="notice-fields">
                    {fields.into_iter().map(|at| {
                        let step = at.step();
                        let label = match &at {
                            Location::Context(c) => c.label.to_string(),
                            Location::Key(k) => k.title.to_string(),
                            other => other.to_string(),
                        };
                        let id = crate::components::form::field_id(&at.to_string());
                        view! {
                            <li><a href=format!("#/{}", step.slug()) on:click=move |_| {
                                ui.step.set(step);
                                crate::browser::focus_soon(id.clone());
                            }>{label}</a>{format!(" ({})", step.title())}</li>
                        }
                    }).collect_view()}
                </ul>
            });
            let back = way_back.map(|WayBack { label, answers }| {
                let answers = StoredValue::new(answers);
                view! {
                    <button type="button" on:click=move |_| {
                        ui.set_answers(answers.get_value());
                        ui.notice.set(None);
                    }>{label}</button>
                }
            });
            view! {
                <div class=if problem { "notice problem" } else { "notice" } role=if problem { "alert" } else { "status" } id="notice">
                    <div class="notice-text"><span>{text}</span>{links}</div>
                    <span class="actions">
                        {back}
                        <button type="button" class="secondary" on:click=move |_| ui.notice.set(None)>"Dismiss"</button>
                    </span>
                </div>
            }
        })
    }
}
