//! The GitOps tab: the delivery mode's files one by one, as they sit in the Git
//! repository, and `seed-secret-store.sh`, which is kept out of it. The files come
//! from the worker (`crate::worker_bridge`): the page itself does not carry the GitOps
//! generators, and the worker starts only once a Git delivery is chosen.

use crate::browser;
use crate::components::code_block::{Code, Lang};
use crate::state::{ui, Ui, MASK};
use crate::worker_bridge::{chart_for, profile_text, Flight};
use ixn_core::generate::gitops::{Tree, SEED_FILE};
use ixn_core::model::Delivery;
use ixn_core::protocol::{Answer, Job};
use leptos::prelude::*;

/// The language a file is highlighted as.
fn lang_of(path: &str) -> Lang {
    if path.ends_with(".sh") {
        Lang::Bash
    } else {
        Lang::Yaml
    }
}

/// The trees the worker made for the current answers: masked (shown) and real.
#[derive(Debug, Clone, Default, PartialEq)]
struct Trees {
    shown: Option<Tree>,
    unmasked: Option<Tree>,
    error: Option<String>,
}

/// Asks the worker for the trees of the current answers; one request at a time, the
/// latest answers next (keystrokes in between are folded into one).
fn refresh(ui: Ui, trees: RwSignal<Trees>, flight: Flight) {
    let make = move || {
        let cfg = ui.config.get_untracked();
        if cfg.deploy.delivery == Delivery::Script {
            return None;
        }
        let masked = profile_text(&cfg.masked(MASK));
        let job = Job::Tree { profile: profile_text(&cfg), masked, options: ui.values_options() };
        Some((job, chart_for(&cfg)))
    };
    flight.ask(make, move |answer| {
        trees.set(match answer {
            Answer::Trees { shown, unmasked } => {
                Trees { shown: shown.clone(), unmasked: unmasked.clone(), error: None }
            }
            Answer::Error(e) => Trees { error: Some(e.clone()), ..Trees::default() },
            _ => Trees::default(),
        })
    });
}

/// The file list and the selected file.
#[component]
pub fn GitopsFiles() -> impl IntoView {
    let ui = ui();
    let delivery = Memo::new(move |_| ui.config.with(|c| c.deploy.delivery));
    let trees = RwSignal::new(Trees::default());
    let flight = Flight::new();
    Effect::new(move |_| {
        ui.config.track();
        ui.form.track();
        ui.comments.track();
        if delivery.get() != Delivery::Script {
            refresh(ui, trees, flight);
        }
    });
    // What the tab shows: the masked tree unless secrets are shown.
    let shown_tree =
        Memo::new(move |_| trees.with(|t| if ui.show_secrets.get() { t.unmasked.clone() } else { t.shown.clone() }));
    // Paths only: the list re-renders when a file comes or goes, not on each keystroke.
    let paths = Memo::new(move |_| {
        shown_tree.with(|t| {
            t.as_ref()
                .map(|t| t.files.iter().map(|f| f.path.clone()).chain([SEED_FILE.to_string()]).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let selected = RwSignal::new(String::new());
    let current = Memo::new(move |_| {
        let list = paths.get();
        let s = selected.get();
        if list.contains(&s) {
            s
        } else {
            list.first().cloned().unwrap_or_default()
        }
    });
    let text_of = move |t: &Option<Tree>, path: &str| -> String {
        let Some(t) = t else { return String::new() };
        if path == SEED_FILE {
            return t.seed.clone();
        }
        t.file(path).map(|f| f.text.clone()).unwrap_or_default()
    };
    let shown = Memo::new(move |_| {
        let p = current.get();
        shown_tree.with(|t| text_of(t, &p))
    });
    let lang = Signal::derive(move || lang_of(&current.get()));
    let status = RwSignal::new(String::new());
    let real = move || {
        let p = current.get_untracked();
        (p.clone(), trees.with_untracked(|t| text_of(&t.unmasked, &p)))
    };
    let copy = move |_| {
        let (_, text) = real();
        leptos::task::spawn_local(async move {
            let ok = browser::copy(text).await;
            if ok {
                crate::components::notice::flash(status, "Copied (with the real secrets)");
            } else {
                status.set("Copy failed: select the text and copy it".into());
            }
        });
    };
    let download = move |_| {
        let (path, text) = real();
        let name = path.rsplit('/').next().unwrap_or("file").to_string();
        browser::download(
            &name,
            if path.ends_with(".sh") { "text/x-shellscript" } else { "application/yaml" },
            text.as_bytes(),
        );
        crate::components::notice::flash(status, format!("Downloaded {name}"));
    };
    let set_delivery = move |ev| {
        let v = event_target_value(&ev);
        if let Some(f) = Some(ixn_core::model::ctx::DEPLOY_DELIVERY) {
            ui.config.update(|c| (f.set)(&mut c.deploy, &v));
        }
    };
    view! {
        <div class="controls">
            <label for="ui-delivery" class="inline-label">"Delivery"</label>
            <select id="ui-delivery" name="ui.delivery" on:change=set_delivery>
                // The choices of the delivery table, one per mode.
                // (`TAB_CHOICES`, not `MODES`: the table's generators stay in the worker.)
                {ixn_core::delivery::TAB_CHOICES.iter().map(|&(d, choice)| {
                    view! { <option value=d.as_str() selected=move || delivery.get() == d>{choice}</option> }
                }).collect_view()}
            </select>
        </div>
        <Show when=move || delivery.get() != Delivery::Script
            fallback=|| view! { <p class="help">"Choose a delivery for files to commit to Git: no secret goes into them. Its settings are on the Review step."</p> }>
            {move || trees.with(|t| t.error.clone()).map(|e| view! { <p class="finding error" role="alert">{e}</p> })}
            <p class="help">"Files as they sit in the Git repository; " <code>{SEED_FILE}</code> " holds the secrets and stays out of Git. Download everything on the Review step."</p>
            <div class="blocks" role="group" aria-label="Files">
                {move || paths.get().into_iter().map(|p| {
                    let label = p.clone();
                    let pressed = { let p = p.clone(); move || (current.get() == p).to_string() };
                    let class = if p == SEED_FILE { "chip secret-file" } else { "chip" };
                    view! { <button type="button" class=class aria-pressed=pressed on:click=move |_| selected.set(p.clone())>{label}</button> }
                }).collect_view()}
            </div>
            <div class="controls">
                <span class="inline-label">{move || current.get()}</span>
                <div class="buttons">
                    <button type="button" class="secondary" on:click=copy aria-label="Copy this file">"Copy"</button>
                    <button type="button" class="secondary" on:click=download aria-label="Download this file">"Download"</button>
                    <span class="copied" class:fades=move || status.with(|s| crate::components::notice::fades(s)) role="status">{move || status.get()}</span>
                </div>
            </div>
            {move || view! { <Code id="preview-gitops" lang=lang.get() text=shown.into()/> }}
        </Show>
    }
}
