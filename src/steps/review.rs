//! Review: every finding with a link to its field, and the downloads.

use super::nav::step_of;
use crate::browser;
use crate::components::key_field::field_id;
use crate::state::ui;
use ixn_core::generate::download;
use ixn_core::generate::values_yaml::ValuesOptions;
use ixn_core::validate::Severity;
use leptos::prelude::*;

/// The review list.
#[component]
pub fn Review() -> impl IntoView {
    let ui = ui();
    let download_all = move |_| {
        // The one core function `ixn-portal render` calls too: the same bytes.
        let opts = ValuesOptions { form: ui.form.get_untracked(), comments: ui.comments.get_untracked() };
        let d = ui.config.with_untracked(|c| download(c, opts));
        browser::download(&d.tar_name(), "application/x-tar", &d.tar());
    };
    view! {
        <div class="review">
            <p>
                <button type="button" on:click=download_all>"Download everything (.tar)"</button>
                " override_values.yaml, deploy.sh and secrets.json, with the real secrets."
            </p>
            {move || {
                let fs = ui.findings.get();
                if fs.is_empty() {
                    return view! { <p class="all-clear">"No findings: the configuration is complete."</p> }.into_any();
                }
                view! {
                    <ul class="finding-list">
                        {fs.into_iter().map(|f| {
                            let step = step_of(&f.path);
                            let id = field_id(&f.path);
                            let href = format!("#/{}", step.slug());
                            let class = if f.severity == Severity::Error { "finding error" } else { "finding warning" };
                            view! {
                                <li class=class>
                                    <a href=href on:click=move |_| {
                                        ui.step.set(step);
                                        browser::focus_soon(id.clone());
                                    }>{f.path.clone()}</a>
                                    {format!(" ({}): {}", step.title(), f.message)}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
    }
}
