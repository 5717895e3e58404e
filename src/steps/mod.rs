//! The wizard's steps: each panel is rendered from the registries, and every panel is
//! always in the DOM (only the current one is shown), so every field keeps its state.

mod nav;
mod review;

pub use nav::StepNav;

use crate::components::chart_values::ChartValues;
use crate::components::context_field::ContextField;
use crate::components::key_field::KeyField;
use crate::components::resources::ResourcesTable;
use crate::state::ui;
use ixn_core::model::CONTEXT;
use ixn_core::registry::{keys_of, KeyDef, Step};
use leptos::prelude::*;
use review::{ChartSourceLink, Review};

/// What each step is about, in a sentence.
fn intro(step: Step) -> &'static str {
    match step {
        Step::Tenant => {
            "Who this deployment is for and where it goes. The short ID names the release, the databases and the pods."
        }
        Step::Cluster => "How to reach the cluster, and where the images come from.",
        Step::Databases => "IXN uses two PostgreSQL 11+ databases per tenant: the IXN Server DB and the IXN Node DB.",
        Step::Redis => "IXN Node reaches ORS through a Redis 6 stream; the connection goes in redis-ors-secret.",
        Step::Kafka => {
            "IXN Server and VQ Node stream reporting events to Kafka 2.x; the connection goes in kafka-shared-secret."
        }
        Step::Consul => "IXN reaches Configuration Server and Voice Config through Consul 1.8 connect upstreams.",
        Step::Ports => "Ports of each container, and the probes that watch them. Ports must differ within a pod.",
        Step::Resources => "Requests and limits per container, with totals per pod and for the namespace.",
        Step::Observability => {
            "Prometheus monitoring (off by default) and logging, to files or through a fluent-bit sidecar."
        }
        Step::Scheduling => {
            "Where the pods run and as whom. The security context should not change unless Genesys says so."
        }
        Step::Chart => {
            "Your chart version's own values: its defaults replace the guide's, and its keys the portal does not know are edited here."
        }
        Step::Review => "Every finding, linked to its field, the changes against a baseline, and everything to download.",
    }
}

/// One step's panel.
#[component]
pub fn StepPanel(
    /// The step.
    step: Step,
) -> impl IntoView {
    let ui = ui();
    let resources = |k: &&ixn_core::registry::KeyDef| ixn_core::registry::containers::is_container_resource(k);
    let context = CONTEXT
        .iter()
        .filter(|c| c.step == step)
        .map(|def| {
            view! {
                <ContextField def/>
                {(def.name == ixn_core::model::ctx::DEPLOY_DELIVERY.name).then(|| view! { <ChartSourceLink/> })}
                {(def.name == ixn_core::model::ctx::DEPLOY_PLACEHOLDERS.name).then(|| view! { <EnvsubstVars/> })}
            }
        })
        .collect_view();
    let shown = |k: &&'static KeyDef| !resources(k) && !k.advanced();
    let keys = keys_of(step).filter(shown).map(|def| view! { <KeyField def/> }).collect_view();
    let advanced: Vec<&'static KeyDef> = keys_of(step).filter(|k| !resources(k) && k.advanced()).collect();
    // The fields most admins never touch, folded away, with how many are set.
    let advanced = (!advanced.is_empty()).then(|| {
        let fields = advanced.iter().map(|&def| view! { <KeyField def/> }).collect_view();
        let set = move || ui.config.with(|c| advanced.iter().filter(|k| c.values.get(k).is_some()).count());
        view! {
            <details class="advanced">
                <summary>"Advanced"<span class="count">{move || match set() {
                    0 => " (nothing set)".to_string(),
                    n => format!(" ({} set)", ixn_core::wording::count(n, "value")),
                }}</span></summary>
                {fields}
            </details>
        }
    });
    // The tenant comes first on its step: what the deployment is for, then the tools.
    let (first, then) = if step == Step::Tenant {
        (keys.into_any(), context.into_any())
    } else {
        (context.into_any(), keys.into_any())
    };
    let guide = step.guide();
    view! {
        <section id=format!("step-{}", step.slug()) class="step" hidden=move || ui.step.get() != step aria-labelledby=format!("step-{}-title", step.slug())
            on:input=move |_| ui.visit(step) on:change=move |_| ui.visit(step)>
            <h2 id=format!("step-{}-title", step.slug()) tabindex="-1">{step.title()}</h2>
            <p class="intro">{intro(step)}" "
                <a class="guide" href=guide.url() target="_blank" rel="noopener noreferrer">"Guide: "{guide.title()}<span class="sr-only">" (opens in a new tab)"</span></a>
            </p>
            {(step == Step::Resources).then(|| view! { <ResourcesTable/> })}
            {(step == Step::Chart).then(|| view! { <ChartValues/> })}
            {(step == Step::Review).then(|| view! { <Review/> })}
            {first}
            {then}
            {advanced}
        </section>
    }
}

/// Under the Placeholders box: the imported `$VAR`s the commands fill in with envsubst
/// (chosen in the import report), with a way to keep them as they are.
#[component]
fn EnvsubstVars() -> impl IntoView {
    let ui = ui();
    move || {
        let vars = ui.config.with(|c| c.deploy.envsubst_vars.clone());
        (!vars.is_empty()).then(|| {
            let names = vars.iter().map(|v| format!("${v}")).collect::<Vec<_>>().join(", ");
            view! {
                <p class="help" id="envsubst-vars">
                    {format!("Filled in with envsubst by the commands, from your environment: {names}. ")}
                    <button type="button" class="link" on:click=move |_| ui.config.update(|c| c.deploy.envsubst_vars.clear())>
                        "Keep them as they are"
                    </button>
                </p>
            }
        })
    }
}
