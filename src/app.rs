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
    // A share link opened in this tab (pasted into the address bar, or clicked) acts
    // as a fresh load of it does; any other fragment names a step.
    let handle = window_event_listener(ev::hashchange, move |_| {
        if browser::hash().starts_with(ixn_core::profile::link::PREFIX) {
            leptos::task::spawn_local(async move {
                if let Some(shared) = crate::state::shared_link().await {
                    state.open_link(shared);
                }
            });
        } else {
            state.step.set(step_from_hash());
        }
    });
    on_cleanup(move || handle.remove());
    // Leaving a step counts as having visited it: its findings show from then on.
    Effect::new(move |before: Option<Step>| {
        let now = state.step.get();
        if let Some(before) = before.filter(|b| *b != now) {
            state.visit(before);
        }
        now
    });
    let theme = RwSignal::new("auto".to_string());
    // Every finding, as the error banner and Review count them (one count everywhere),
    // and how many steps are not started yet (their fields show no finding until then).
    let tally = move || {
        let fresh = Step::ALL.iter().filter(|s| **s != Step::Review && !state.was_visited(**s)).count();
        let seen = state.findings.with(|fs| Tally::of(fs.iter()).summary());
        match fresh {
            0 => seen,
            n => format!("{seen}; {} not started", ixn_core::wording::count(n, "step")),
        }
    };
    let go = move |delta: isize| {
        let i = Step::ALL.iter().position(|s| *s == state.step.get_untracked()).unwrap_or(0) as isize + delta;
        if let Some(s) = Step::ALL.get(i.clamp(0, Step::ALL.len() as isize - 1) as usize) {
            state.step.set(*s);
            browser::set_hash(&format!("/{}", s.slug()));
            // The new step's heading takes focus (and scrolls into view), so keyboard
            // and screen-reader users start at its top.
            browser::focus_soon(format!("step-{}-title", s.slug()));
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
                <button type="button" on:click=move |_| {
                    state.replace(Config::guide_sample(), "Loaded the guide's sample in place of your answers.");
                    state.sample_loaded.set(true);
                }>"Load the guide's sample"</button>
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
