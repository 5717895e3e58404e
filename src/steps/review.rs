//! Review: every finding with a link to its field, and the downloads.

use crate::browser;
use crate::components::changes::Changes;
use crate::components::form::field_id;
use crate::state::{ui, Notice, Ui};
use crate::worker_bridge::{chart_for, profile_text, request};
use ixn_core::protocol::{Answer, Job};
use ixn_core::validate::Severity;
use leptos::prelude::*;

/// "Download everything": Script mode's three files from the page's own artifacts, a
/// Git delivery's tree from the worker. Either way the same core function as
/// `ixn-portal render` made the bytes.
fn download_everything(ui: Ui) {
    let cfg = ui.config.get_untracked();
    let opts = ui.values_options();
    if cfg.deploy.delivery == ixn_core::model::Delivery::Script {
        leptos::task::spawn_local(async move {
            // The schema is a file beside the page, fetched now: it is not in the first load.
            let Some(schema) = browser::fetch_text(ixn_core::chart::SCHEMA_FILE).await else {
                ui.notice.set(Some(Notice::problem(
                    "Nothing was downloaded: values.schema.json could not be fetched from this site. Reload the page and try again.",
                )));
                return;
            };
            let d = ui.unmasked.with_untracked(|a| ixn_core::artifacts::Download::of(&cfg, a, &schema));
            browser::download(&d.tar_name(), "application/x-tar", &d.tar());
        });
        return;
    }
    let job = Job::Download { profile: profile_text(&cfg), options: opts };
    request(job, chart_for(&cfg), move |answer, bytes| match (answer, bytes) {
        (Answer::File { name, .. }, Some(b)) => browser::download(name, "application/x-tar", &b),
        (Answer::Error(e), _) => ui.notice.set(Some(Notice::problem(e.clone()))),
        _ => ui.notice.set(Some(Notice::problem("The download could not be made."))),
    });
}

/// The review list.
#[component]
pub fn Review() -> impl IntoView {
    let ui = ui();
    // The one core function `ixn-portal render` calls too: the same bytes.
    let download_all = move |_| download_everything(ui);
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
    use ixn_core::model::{ctx, ChartSource};
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
        <p class="help" hidden=move || ui.config.with(|c| !c.deploy.delivery.form().pulls_chart)>
            "Argo CD and Flux pull the chart from the "
            <a id="chart-source-link" href="#/tenant" on:click=move |_| {
                ui.step.set(Step::Tenant);
                browser::focus_soon(field_id(field()));
            }>"chart source"</a>
            {format!(" on the {} step.", Step::Tenant.title())}
        </p>
    }
}
