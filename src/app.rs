//! The page: header, step navigation, the step panels, and the previews beside them
//! (`components::previews`). The URL fragment names the step, so back, forward and
//! reload work.

use crate::browser;
use crate::components::io_panel::IoPanel;
use crate::components::notice::NoticeBanner;
use crate::components::previews::Previews;
use crate::state::Ui;
use crate::steps::{StepNav, StepPanel};
use ixn_core::model::Config;
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
