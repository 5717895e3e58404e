//! The wizard's steps: each panel is rendered from the registries, and every panel is
//! always in the DOM (only the current one is shown), so every field keeps its state.

mod nav;
mod review;

pub use nav::StepNav;

use crate::components::context_field::ContextField;
use crate::components::key_field::KeyField;
use crate::components::resources::ResourcesTable;
use crate::state::ui;
use ixn_core::model::CONTEXT;
use ixn_core::registry::{keys_of, Step};
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
        Step::Review => "Every finding, linked to its field, and everything to download.",
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
        .map(
            |def| view! { <ContextField def/> {(def.name == "deploy.delivery").then(|| view! { <ChartSourceLink/> })} },
        )
        .collect_view();
    let keys = keys_of(step).filter(|k| !resources(k)).map(|def| view! { <KeyField def/> }).collect_view();
    view! {
        <section id=format!("step-{}", step.slug()) class="step" hidden=move || ui.step.get() != step aria-labelledby=format!("step-{}-title", step.slug())>
            <h2 id=format!("step-{}-title", step.slug())>{step.title()}</h2>
            <p class="intro">{intro(step)}</p>
            {(step == Step::Resources).then(|| view! { <ResourcesTable/> })}
            {(step == Step::Review).then(|| view! { <Review/> })}
            {context}
            {keys}
        </section>
    }
}
