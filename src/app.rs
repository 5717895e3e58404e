//! The page: a few fields of the first steps beside live previews. The full wizard is
//! built on the same pieces.

use crate::components::context_field::ContextField;
use crate::components::preview::Preview;
use crate::components::value_field::ValueField;
use ixn_core::generate::{artifacts, values_yaml::ValuesOptions};
use ixn_core::model::{Config, Effective};
use ixn_core::validate::{validate, Finding, Severity};
use leptos::prelude::*;

/// What previews show instead of a secret.
const MASK: &str = "••••••••";

/// The portal.
#[component]
pub fn App() -> impl IntoView {
    let config = RwSignal::new(Config::chart_defaults());
    let findings: Memo<Vec<Finding>> = Memo::new(move |_| config.with(|c| validate(c, &Effective::of(c))));
    // Previews never show secrets; copy and download (later) use the real config.
    let shown = Memo::new(move |_| config.with(|c| artifacts(&c.masked(MASK), ValuesOptions::default())));
    let values = Signal::derive(move || shown.with(|a| a.values_yaml.clone()));
    let commands = Signal::derive(move || shown.with(|a| a.commands.script()));
    let errors = move || findings.with(|f| f.iter().filter(|f| f.severity == Severity::Error).count());
    let warnings = move || findings.with(|f| f.iter().filter(|f| f.severity == Severity::Warning).count());

    view! {
        <header class="top">
            <h1>"IXN configuration portal"</h1>
            <p class="tagline">"Genesys Interaction Server on Kubernetes: values, commands and checks, computed in your browser. Nothing you type leaves it."</p>
        </header>
        <main class="layout">
            <form class="form" on:submit=|ev| ev.prevent_default() aria-label="Tenant and release">
                <div class="actions">
                    <button type="button" on:click=move |_| config.set(Config::guide_sample())>"Load the guide's sample"</button>
                    <button type="button" on:click=move |_| config.set(Config::chart_defaults())>"Reset to chart defaults"</button>
                </div>
                <p class="status" role="status">
                    {move || format!("{} errors, {} warnings", errors(), warnings())}
                </p>
                <fieldset>
                    <legend>"Tenant & release"</legend>
                    <ValueField path="tenant.id" label="Tenant ID" config findings/>
                    <ValueField path="tenant.sid" label="Tenant short ID" config findings/>
                    <ContextField name="deploy.namespace" label="Namespace" help="Kubernetes namespace for this tenant."
                        get=|d| &d.namespace set=|d, v| d.namespace = v config findings/>
                    <ContextField name="deploy.release" label="Release name" help="Helm release; empty means ixn-<sid>."
                        get=|d| &d.release set=|d, v| d.release = v config findings/>
                </fieldset>
                <fieldset>
                    <legend>"Databases & Kafka"</legend>
                    <ValueField path="ixnService.ixnServer.db.host" label="PostgreSQL host" config findings/>
                    <ContextField name="kafka.bootstrap" label="Kafka bootstrap" help="host:port of the Kafka bootstrap servers, comma-separated."
                        get=|d| &d.kafka_bootstrap set=|d, v| d.kafka_bootstrap = v config findings/>
                    <ContextField name="redis.password" label="Redis password" help="Goes into redis-ors-secret." secret=true
                        get=|d| &d.redis_password set=|d, v| d.redis_password = v config findings/>
                </fieldset>
                <fieldset>
                    <legend>"Ports"</legend>
                    <ValueField path="ixnService.ixnServer.ports.default" label="IXN Server port" config findings/>
                    <ValueField path="ixnService.ixnServer.ports.health" label="IXN Server health port" config findings/>
                </fieldset>
            </form>
            <div class="previews">
                <Preview id="preview-values" title="override_values.yaml" text=values/>
                <Preview id="preview-commands" title="Commands" text=commands/>
            </div>
        </main>
    }
}
