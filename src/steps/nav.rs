//! The step list, with each step's state: not started, complete, warnings or errors.

use crate::state::ui;
use ixn_core::registry::Step;
use ixn_core::validate::Tally;
use ixn_core::wording::count;
use leptos::prelude::*;

/// The navigation.
#[component]
pub fn StepNav() -> impl IntoView {
    let ui = ui();
    // On narrow screens the list scrolls sideways: keep the current step in sight. Not
    // for the first step on load, which is in sight anyway: scrolling forces a layout
    // of the whole page in the middle of the first render (30 ms of a cold load).
    Effect::new(move |ran_before: Option<()>| {
        let step = ui.step.get();
        if ran_before.is_some() || step != Step::ALL[0] {
            crate::browser::reveal(&format!("nav.steps a[href=\"#/{}\"]", step.slug()));
        }
    });
    let state = move |step: Step| ui.findings.with(|fs| Tally::of(fs.iter().filter(|f| f.path.step() == step)));
    view! {
        <nav class="steps" aria-label="Wizard steps">
            <ol>
                {Step::ALL.into_iter().enumerate().map(|(i, step)| {
                    // Not judged before it is visited: "complete" needs both.
                    let status = move || match state(step) {
                        _ if step == Step::Review => ("", String::new()),
                        _ if !ui.was_visited(step) => ("", "not started".to_string()),
                        Tally { errors: 0, warnings: 0 } => ("ok", "complete".to_string()),
                        Tally { errors: 0, warnings } => ("warn", count(warnings, "warning")),
                        Tally { errors, .. } => ("err", count(errors, "error")),
                    };
                    view! {
                        <li>
                            <a href=format!("#/{}", step.slug()) class=move || format!("step-link {}", status().0)
                                on:click=move |_| {
                                    ui.step.set(step);
                                    crate::browser::focus_soon(format!("step-{}-title", step.slug()));
                                }
                                aria-current=move || (ui.step.get() == step).then_some("step")>
                                <span class="num">{i + 1}</span>
                                <span class="title">{step.title()}</span>
                                <span class="state">{move || status().1}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </nav>
    }
}
