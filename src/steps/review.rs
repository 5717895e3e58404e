//! Review: every finding with a link to its field, and the downloads.

use crate::browser;
use crate::components::changes::Changes;
use crate::components::form::field_id;
use crate::state::ui;
use ixn_core::validate::Severity;
use leptos::prelude::*;

/// The review list.
#[component]
pub fn Review() -> impl IntoView {
    let ui = ui();
    // The one core function `ixn-portal render` calls too: the same bytes.
    let download_all = move |_| crate::worker_bridge::download_everything(ui);
    view! {
        <div class="review">
            <Changes/>
            <crate::components::chart_check::ChartCheck/>
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
                            let step = f.path.step();
                            let id = field_id(&f.path.to_string());
                            let href = format!("#/{}", step.slug());
                            let class = if f.severity == Severity::Error { "finding error" } else { "finding warning" };
                            view! {
                                <li class=class>
                                    <a href=href on:click=move |_| {
                                        ui.step.set(step);
                                        ui.visit(step);
                                        browser::focus_soon(id.clone());
                                    }>{f.path.to_string()}</a>
                                    {format!(" ({}): {}", step.title(), f.message)}
                                    {crate::components::form::leaves_to_you(ui, &f.path).then_some(view! { <em class="left-to-you">" The guide's sample leaves this to you."</em> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <crate::components::tenants::TenantsPanel/>
        </div>
    }
}

/// Under the delivery setting: Argo CD and Flux read the chart source of the Helm
/// step, which is shown there only, so this names it and links to it.
#[component]
pub fn ChartSourceLink() -> impl IntoView {
    use ixn_core::model::{ctx, ChartSource, Delivery};
    use ixn_core::registry::Step;
    let ui = ui();
    let field = move || {
        ui.config.with(|c| {
            if c.deploy.chart_source == ChartSource::Repo {
                ctx::DEPLOY_CHART_REPO_URL.name
            } else {
                ctx::DEPLOY_CHART_SOURCE.name
            }
        })
    };
    view! {
        <p class="help" hidden=move || ui.config.with(|c| !matches!(c.deploy.delivery, Delivery::Argocd | Delivery::Flux))>
            "Argo CD and Flux pull the chart from the "
            <a id="chart-source-link" href="#/tenant" on:click=move |_| {
                ui.step.set(Step::Tenant);
                browser::focus_soon(field_id(field()));
            }>"chart source"</a>
            {format!(" on the {} step.", Step::Tenant.title())}
        </p>
    }
}
