//! Review: every finding with a link to its field, and the downloads.

use crate::browser;
use crate::components::changes::Changes;
use crate::components::form::field_id;
use crate::state::ui;
use ixn_core::artifacts::download_with_schema;
use ixn_core::generate::values_yaml::ValuesOptions;
use ixn_core::validate::Severity;
use ixn_portal::step_of::step_of;
use leptos::prelude::*;

/// The review list.
#[component]
pub fn Review() -> impl IntoView {
    let ui = ui();
    let download_all = move |_| {
        // The one core function `ixn-portal render` calls too: the same bytes.
        let opts = ValuesOptions {
            form: ui.form.get_untracked(),
            comments: ui.comments.get_untracked(),
            schema_line: ui.schema_line.get_untracked(),
        };
        let cfg = ui.config.get_untracked();
        leptos::task::spawn_local(async move {
            // The schema is a file beside the page, fetched now: it is not in the first load.
            let Some(schema) = browser::fetch_text(ixn_core::chart::SCHEMA_FILE).await else {
                ui.notice.set(Some(crate::state::Notice::problem(
                    "Nothing was downloaded: values.schema.json could not be fetched from this site. Reload the page and try again.",
                )));
                return;
            };
            let d = download_with_schema(&cfg, opts, &schema);
            browser::download(&d.tar_name(), "application/x-tar", &d.tar());
        });
    };
    view! {
        <div class="review">
            <Changes/>
            <p>
                <button type="button" on:click=download_all>"Download everything (.tar)"</button>
                {move || if ui.config.with(|c| c.deploy.delivery == ixn_core::model::Delivery::Script) {
                    " override_values.yaml, deploy.sh, secrets.json (with the real secrets) and values.schema.json."
                } else {
                    " The Git tree under git/, as it sits in the repository, and seed-secret-store.sh beside it (holds the secrets: keep it out of Git)."
                }}
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
