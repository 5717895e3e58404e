//! The notice banner: what the portal did on its own (a link loaded, a preset, another
//! tab's change), with a way back when it replaced answers.

use crate::state::{ui, Notice, WayBack};
use ixn_core::model::Location;
use leptos::prelude::*;

/// How long a "Copied" or "Downloaded" note stays beside its button.
const FLASH: std::time::Duration = std::time::Duration::from_secs(5);

/// Says `text` in `status` (shown in a `role="status"` element beside the buttons, so
/// screen readers announce it), then clears it after a few seconds (CSS fades it out
/// first): a note must not outlive its action and read as the state of the page. A
/// newer note is left alone by an older one's timer.
pub fn flash(status: RwSignal<String>, text: impl Into<String>) {
    let text = text.into();
    FLASHED.with(|f| {
        if !f.borrow().contains(&text) {
            f.borrow_mut().push(text.clone());
        }
    });
    status.set(text.clone());
    set_timeout(
        move || {
            if status.try_get_untracked().is_some_and(|now| now == text) {
                status.set(String::new());
            }
        },
        FLASH,
    );
}

thread_local! {
    // The few texts `flash` has said ("Copied", "Downloaded values.yaml …"): those fade;
    // a failure said in the same place ("Copy failed: …") stays until the next action.
    static FLASHED: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Whether `text` is a note [`flash`] said, for the element's `fades` class (CSS fades
/// it out before it is cleared).
pub fn fades(text: &str) -> bool {
    !text.is_empty() && FLASHED.with(|f| f.borrow().iter().any(|t| t == text))
}

/// Adds or removes the `fades` class of a status element written directly.
pub fn set_fades(el: &web_sys::Element, on: bool) {
    let others: Vec<String> = el.class_name().split_whitespace().filter(|c| *c != "fades").map(String::from).collect();
    let mut class = others.join(" ");
    if on {
        class.push_str(" fades");
    }
    el.set_class_name(class.trim());
}

/// [`flash`] for a status element written directly (a worker-rendered view's).
pub fn flash_element(el: web_sys::Element, text: String) {
    el.set_text_content(Some(&text));
    set_fades(&el, true);
    set_timeout(
        move || {
            if el.text_content().is_some_and(|now| now == text) {
                el.set_text_content(Some(""));
            }
        },
        FLASH,
    );
}

/// The notice banner.
#[component]
pub fn NoticeBanner() -> impl IntoView {
    let ui = ui();
    move || {
        ui.notice.get().map(|Notice { problem, text, way_back, fields, device }| {
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
                let device = StoredValue::new(device);
                view! {
                    <button type="button" on:click=move |_| {
                        if let Some(kept) = device.get_value() {
                            ui.put_back(kept);
                        }
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
