//! The banner over a file's preview while the form has errors: how many, a link to
//! the first, and what that means for the file a user is about to copy.

use crate::browser;
use crate::components::form::field_id;
use crate::state::ui;
use ixn_core::validate::{Severity, Tally};
use ixn_core::wording::count;
use leptos::prelude::*;

/// The banner; empty while there is no error.
#[component]
pub fn ErrorBanner(
    /// The file the preview shows, as the banner names it.
    file: &'static str,
) -> impl IntoView {
    let ui = ui();
    move || {
        let (n, first) = ui.findings.with(|fs| {
            (Tally::of(fs).errors, fs.iter().find(|f| f.severity == Severity::Error).map(|f| f.path.clone()))
        });
        let first = first?;
        let step = first.step();
        let id = field_id(&first.to_string());
        let what = match file {
            "deploy.sh" => " deploy.sh starts with a guard that names them and stops before running anything.",
            "override_values.yaml" => {
                " A value still missing reads <required: …> in the file: helm rejects it until you fill it in."
            }
            _ => " The secrets may be incomplete.",
        };
        Some(view! {
            <div class="error-banner" role="note">
                <strong>{format!("The form has {}: {file} is not ready to use.", count(n, "error"))}</strong>
                {what}" "
                <a href=format!("#/{}", step.slug()) on:click=move |_| {
                    ui.step.set(step);
                    browser::focus_soon(id.clone());
                }>{format!("Go to the first error ({first})")}</a>
            </div>
        })
    }
}
