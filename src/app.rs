//! The page: header, step navigation, the step panels, and the previews beside them
//! (tabs). The URL fragment names the step, so back, forward and reload work.

use crate::browser;
use crate::components::arch_map::ArchMap;
use crate::components::gitops::GitopsFiles;
use crate::components::io_panel::IoPanel;
use crate::components::notice::NoticeBanner;
use crate::components::operations::Operations;
use crate::components::preview::{Code, CopyButtons, Lang};
use crate::state::{ui, Ui};
use crate::steps::{StepNav, StepPanel};
use ixn_core::generate::values_yaml::Form;
use ixn_core::model::{Config, SecretStyle};
use ixn_core::profile::ProfileError;
use ixn_core::registry::Step;
use ixn_core::validate::Tally;
use leptos::ev;
use leptos::prelude::*;

fn step_from_hash() -> Step {
    Step::from_slug(browser::hash().trim_start_matches('/')).unwrap_or(Step::Tenant)
}

/// The portal.
#[component]
pub fn App(
    /// The share link in the URL, already read (see [`crate::state::shared_link`]).
    shared: Option<Result<Config, ProfileError>>,
) -> impl IntoView {
    let state = Ui::new();
    provide_context(state);
    state.load_start(shared);
    state.step.set(step_from_hash());
    state.keep_saved();
    let handle = window_event_listener(ev::hashchange, move |_| state.step.set(step_from_hash()));
    on_cleanup(move || handle.remove());
    let theme = RwSignal::new("auto".to_string());
    let tally = move || state.findings.with(|f| Tally::of(f).summary());
    let go = move |delta: isize| {
        let i = Step::ALL.iter().position(|s| *s == state.step.get_untracked()).unwrap_or(0) as isize + delta;
        if let Some(s) = Step::ALL.get(i.clamp(0, Step::ALL.len() as isize - 1) as usize) {
            browser::set_hash(&format!("/{}", s.slug()));
        }
    };
    view! {
        <a class="skip" href="#main">"Skip to the form"</a>
        <header class="top">
            <div class="brand">
                <h1>"IXN configuration portal"</h1>
                <p class="tagline">"Genesys Interaction Server on Kubernetes, one tenant at a time. Everything is computed in your browser; nothing you type leaves it."</p>
            </div>
            <div class="tools">
                <button type="button" on:click=move |_| state.replace(Config::guide_sample(), "Loaded the guide's sample in place of your answers.")>"Load the guide's sample"</button>
                <button type="button" class="secondary" on:click=move |_| state.replace(Config::chart_defaults(), "Reset every answer to the chart defaults.")>"Reset to chart defaults"</button>
                <label class="check">
                    <input type="checkbox" name="ui.showSecrets" prop:checked=move || state.show_secrets.get()
                        on:change=move |ev| state.show_secrets.set(event_target_checked(&ev))/>
                    "Show secrets"
                </label>
                <label for="ui-theme" class="inline-label">"Theme"</label>
                <select id="ui-theme" name="ui.theme" on:change=move |ev| { let t = event_target_value(&ev); browser::set_theme(&t); theme.set(t); }>
                    <option value="auto" selected=move || theme.get() == "auto">"System"</option>
                    <option value="light" selected=move || theme.get() == "light">"Light"</option>
                    <option value="dark" selected=move || theme.get() == "dark">"Dark"</option>
                </select>
            </div>
        </header>
        <div class="shell">
            <StepNav/>
            <main id="main" class="form" tabindex="-1">
                <NoticeBanner/>
                <IoPanel/>
                <p class="status" role="status">{tally}</p>
                <form on:submit=|ev| ev.prevent_default() aria-label="IXN deployment">
                    {Step::ALL.into_iter().map(|step| view! { <StepPanel step/> }).collect_view()}
                </form>
                <div class="pager">
                    <button type="button" class="secondary" disabled=move || state.step.get() == Step::Tenant on:click=move |_| go(-1)>"← Previous"</button>
                    <button type="button" disabled=move || state.step.get() == Step::Review on:click=move |_| go(1)>"Next →"</button>
                </div>
            </main>
            <Previews/>
        </div>
    }
}

/// The preview tabs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Values,
    Commands,
    Secrets,
    Map,
    Ops,
    Gitops,
}

/// The previews, in tabs.
#[component]
fn Previews() -> impl IntoView {
    let ui = ui();
    let tab = RwSignal::new(Tab::Values);
    // Memos: a preview re-renders only when its own text changes.
    let values = Memo::new(move |_| ui.shown.with(|a| a.values_yaml.clone()));
    let commands = Memo::new(move |_| ui.shown.with(|a| a.commands.script()));
    let secrets = Memo::new(move |_| ui.shown.with(|a| a.secret_manifests.clone()));
    let blocks =
        Memo::new(move |_| ui.shown.with(|a| a.commands.blocks.iter().map(|b| (b.id, b.title)).collect::<Vec<_>>()));
    let unmasked_values = Signal::derive(move || ui.unmasked.with(|a| a.values_yaml.clone()));
    let unmasked_commands = Signal::derive(move || ui.unmasked.with(|a| a.commands.script()));
    let unmasked_secrets = Signal::derive(move || ui.unmasked.with(|a| a.secret_manifests.clone()));
    let tab_button = move |t: Tab, id: &'static str, label: &'static str| {
        view! {
            <button type="button" role="tab" id=format!("tab-{id}") aria-controls=format!("panel-{id}")
                aria-selected=move || (tab.get() == t).to_string() tabindex=move || if tab.get() == t { "0" } else { "-1" }
                on:click=move |_| tab.set(t)>{label}</button>
        }
    };
    let block_status = RwSignal::new(String::new());
    let block_copy = move |id: &'static str, title: &'static str| {
        let text = ui.unmasked.with_untracked(|a| a.commands.block(id).map(|b| b.script.clone()).unwrap_or_default());
        leptos::task::spawn_local(async move {
            let ok = browser::copy(text).await;
            block_status.set(if ok {
                format!("Copied: {title}")
            } else {
                "Copy failed: select the text and copy it".into()
            });
        });
    };
    // Arrow keys move between tabs (only the selected tab is in the Tab order).
    const ORDER: [(Tab, &str); 6] = [
        (Tab::Values, "values"),
        (Tab::Commands, "commands"),
        (Tab::Secrets, "secrets"),
        (Tab::Gitops, "gitops"),
        (Tab::Map, "map"),
        (Tab::Ops, "ops"),
    ];
    let on_tab_key = move |ev: leptos::ev::KeyboardEvent| {
        let delta: isize = match ev.key().as_str() {
            "ArrowRight" => 1,
            "ArrowLeft" => -1,
            _ => return,
        };
        ev.prevent_default();
        let i = ORDER.iter().position(|(t, _)| *t == tab.get_untracked()).unwrap_or(0) as isize;
        let (next, id) = ORDER[(i + delta).rem_euclid(ORDER.len() as isize) as usize];
        tab.set(next);
        browser::focus(&format!("tab-{id}"));
    };
    view! {
        <aside class="previews" aria-label="Previews">
            <div role="tablist" aria-label="Generated files" class="tabs" on:keydown=on_tab_key>
                {tab_button(Tab::Values, "values", "override_values.yaml")}
                {tab_button(Tab::Commands, "commands", "Commands")}
                {tab_button(Tab::Secrets, "secrets", "Secrets")}
                {tab_button(Tab::Gitops, "gitops", "GitOps")}
                {tab_button(Tab::Map, "map", "Architecture")}
                {tab_button(Tab::Ops, "ops", "Operations")}
            </div>
            <section role="tabpanel" id="panel-values" aria-labelledby="tab-values" hidden=move || tab.get() != Tab::Values class="panel">
                <div class="controls">
                    <label for="ui-form" class="inline-label">"Form"</label>
                    <select id="ui-form" name="ui.valuesForm" on:change=move |ev| ui.form.set(if event_target_value(&ev) == "full" { Form::Full } else { Form::Minimal })>
                        <option value="minimal" selected=move || ui.form.get() == Form::Minimal>"Minimal (what differs from the chart)"</option>
                        <option value="full" selected=move || ui.form.get() == Form::Full>"Full"</option>
                    </select>
                    <label class="check"><input type="checkbox" name="ui.comments" prop:checked=move || ui.comments.get()
                        on:change=move |ev| ui.comments.set(event_target_checked(&ev))/>"Comments"</label>
                    <label class="check" title="Opens the file with # yaml-language-server: $schema=values.schema.json, for editors that check it"><input type="checkbox" name="ui.schemaLine" prop:checked=move || ui.schema_line.get()
                        on:change=move |ev| ui.schema_line.set(event_target_checked(&ev))/>"$schema line"</label>
                    <CopyButtons what="values" file="override_values.yaml" mime="application/yaml" unmasked=unmasked_values/>
                </div>
                <Code id="preview-values" lang=Lang::Yaml text=values.into()/>
                <p class="help">"Comments in imported files are not carried over; the guide's help can be written as comments instead."</p>
            </section>
            <section role="tabpanel" id="panel-commands" aria-labelledby="tab-commands" hidden=move || tab.get() != Tab::Commands class="panel">
                <div class="controls">
                    <label for="ui-style" class="inline-label">"Secrets"</label>
                    <select id="ui-style" name="ui.secretStyle"
                        prop:value=move || ui.config.with(|c| c.deploy.secret_style.as_str())
                        on:change=move |ev| {
                        let style = SecretStyle::parse(&event_target_value(&ev));
                        ui.config.update(|c| c.deploy.secret_style = style);
                    }>
                        <option value="guide" selected=move || ui.config.with(|c| c.deploy.secret_style == SecretStyle::Guide)>"kubectl create secret (guide)"</option>
                        <option value="stdin" selected=move || ui.config.with(|c| c.deploy.secret_style == SecretStyle::Stdin)>"manifests from stdin"</option>
                    </select>
                    <CopyButtons what="commands" file="deploy.sh" mime="text/x-shellscript" unmasked=unmasked_commands/>
                </div>
                <div class="blocks" role="group" aria-label="Copy one block">
                    {move || blocks.get().into_iter().map(|(id, title)| {
                        view! { <button type="button" class="chip" on:click=move |_| block_copy(id, title) aria-label=format!("Copy block: {title}")>{title}</button> }
                    }).collect_view()}
                    <span class="copied" role="status">{move || block_status.get()}</span>
                </div>
                <Code id="preview-commands" lang=Lang::Bash text=commands.into()/>
            </section>
            <section role="tabpanel" id="panel-secrets" aria-labelledby="tab-secrets" hidden=move || tab.get() != Tab::Secrets class="panel">
                <div class="controls">
                    <p class="help">"Every secret in one List manifest: kubectl apply -f secrets.json creates them all."</p>
                    <CopyButtons what="secrets" file="secrets.json" mime="application/json" unmasked=unmasked_secrets/>
                </div>
                <Code id="preview-secrets" lang=Lang::Json text=secrets.into()/>
            </section>
            <section role="tabpanel" id="panel-gitops" aria-labelledby="tab-gitops" hidden=move || tab.get() != Tab::Gitops class="panel">
                <GitopsFiles/>
            </section>
            <section role="tabpanel" id="panel-map" aria-labelledby="tab-map" hidden=move || tab.get() != Tab::Map class="panel">
                <ArchMap/>
            </section>
            <section role="tabpanel" id="panel-ops" aria-labelledby="tab-ops" hidden=move || tab.get() != Tab::Ops class="panel">
                <Operations/>
            </section>
        </aside>
    }
}
