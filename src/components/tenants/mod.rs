//! The Tenants panel: a tenants file (CSV or YAML, the same as `ixn-portal batch
//! --tenants`) over the current answers, a table of its rows with each row's findings
//! placed by line and column, and "Download all tenants": one `.tar` laid out like
//! `ixn-portal batch --keep-going --out DIR`.
//!
//! The rows are read, checked and rendered in the worker (`crate::worker_bridge`), in
//! chunks that report progress (the worker renders the table too), so typing stays responsive while a thousand tenants
//! render. The tenants text is kept in this browser like the answers; it holds no
//! secret (the reader refuses secret columns). Every tenant gets these answers'
//! credentials, or its own from a per-tenant secrets file (`batch --secrets-file`'s
//! format), which stays in this page's memory only (`Ui::tenant_secrets`).

mod adopt;

pub use adopt::AdoptPanel;

use crate::browser;
use crate::state::{ui, Ui, TENANTS_KEY};
use crate::worker_bridge::{chart_for, profile_text, request, Flight};
use ixn_core::batch::render::Stage;
use ixn_core::protocol::{Answer, Job};
use ixn_core::registry::Step;
use leptos::prelude::*;
use serde_json::{json, Value as Json};
use wasm_bindgen::JsCast;

/// A sample to start from.
const SAMPLE: &str = "tenant.sid,tenant.id,deploy.namespace,ixnService.ixnServer.db.name\n\
101,tenant-101,ixn-101,ixn_101\n\
102,tenant-102,ixn-102,ixn_102\n\
103,tenant-103,ixn-103,ixn_103\n";

/// What checking the file gave.
#[derive(Debug, Clone, PartialEq, Default)]
enum Checked {
    /// Nothing pasted.
    #[default]
    Empty,
    /// The file cannot be read at all.
    Unreadable(String),
    /// Every row's report, as the worker renders it (`worker/src/tenants_html.rs`),
    /// and how many rows are ready.
    Rows(String, u64),
}

/// The panel's signals, shared by its handlers.
#[derive(Clone, Copy)]
struct Panel {
    ui: Ui,
    text: RwSignal<String>,
    file: RwSignal<String>,
    checked: RwSignal<Checked>,
    progress: RwSignal<Option<(u64, u64, String)>>,
    rendering: RwSignal<bool>,
    status: RwSignal<String>,
    flight: Flight,
}

impl Panel {
    /// The base answers, the tenants file and its name, and the chart they are read against.
    fn inputs(&self) -> (String, String, String, Option<String>) {
        let (profile, chart) = self.ui.config.with_untracked(|c| (profile_text(c), chart_for(c)));
        (profile, self.text.get_untracked(), self.file_name(), chart)
    }

    /// The per-tenant secrets file, which goes to the worker with each request, from memory.
    fn secrets(&self) -> Option<(String, String)> {
        self.ui.tenant_secrets.get_untracked()
    }

    fn file_name(&self) -> String {
        let f = self.file.get_untracked();
        if f.is_empty() {
            "tenants".into()
        } else {
            f
        }
    }

    fn save(&self) {
        let saved = json!({"file": self.file.get_untracked(), "text": self.text.get_untracked()}).to_string();
        browser::save(TENANTS_KEY, &saved);
    }

    /// The file this browser keeps, or none (after Forget everything).
    fn restore(&self) {
        let saved = browser::load(TENANTS_KEY).and_then(|s| serde_json::from_str::<Json>(&s).ok()).unwrap_or_default();
        self.file.set(saved["file"].as_str().unwrap_or_default().into());
        self.text.set(saved["text"].as_str().unwrap_or_default().into());
    }

    /// Checks the rows in the worker; one check at a time, the latest input next.
    fn check(self) {
        if self.text.with_untracked(|t| t.trim().is_empty()) {
            self.checked.set(Checked::Empty);
            return;
        }
        let make = move || {
            // Emptied since: said by `check`, nothing to ask.
            if self.text.with_untracked(|t| t.trim().is_empty()) {
                return None;
            }
            let (profile, tenants, file, chart) = self.inputs();
            Some((Job::Check { profile, tenants, file, secrets: self.secrets() }, chart))
        };
        self.flight.ask(make, move |answer| {
            if let Answer::Progress { done, total, .. } = answer {
                if !self.rendering.get_untracked() {
                    self.progress.set(Some((*done as u64, *total as u64, "Checking".into())));
                }
                return;
            }
            if !self.rendering.get_untracked() {
                self.progress.set(None);
            }
            self.checked.set(match answer {
                Answer::Checked { html, ready } => Checked::Rows(html.clone(), *ready as u64),
                Answer::Error(e) => Checked::Unreadable(e.clone()),
                _ => Checked::Unreadable("The tenants file could not be checked.".into()),
            });
        });
    }

    /// Renders every good row in the worker and downloads the `.tar`.
    fn download(self) {
        if self.rendering.get_untracked() {
            return;
        }
        self.rendering.set(true);
        self.status.set(String::new());
        self.progress.set(Some((0, 0, "Checking".into())));
        let (profile, tenants, file, chart) = self.inputs();
        let job = Job::Batch { profile, tenants, file, options: self.ui.values_options(), secrets: self.secrets() };
        request(job, chart, move |answer, bytes| {
            if let Answer::Progress { stage, done, total } = answer {
                let stage = if *stage == Stage::Rendering { "Rendering" } else { "Checking" };
                self.progress.set(Some((*done as u64, *total as u64, stage.into())));
                return;
            }
            self.rendering.set(false);
            self.progress.set(None);
            match (answer, bytes) {
                (Answer::File { name, rendered, failed }, Some(b)) => {
                    browser::download(name, "application/x-tar", &b);
                    let (rendered, failed) = (*rendered, *failed);
                    self.status.set(if failed == 0 {
                        format!("Downloaded {name}: {}.", ixn_core::wording::count(rendered, "tenant"))
                    } else {
                        format!(
                            "Downloaded {name}: {} rendered; {} with errors left out (tenants.csv lists them).",
                            ixn_core::wording::count(rendered, "tenant"),
                            ixn_core::wording::count(failed, "row")
                        )
                    });
                }
                (Answer::Error(e), _) => self.status.set(e.clone()),
                _ => self.status.set("The tenants could not be rendered.".into()),
            }
        });
    }
}

/// The panel.
#[component]
pub fn TenantsPanel() -> impl IntoView {
    let ui = ui();
    let p = Panel {
        ui,
        text: RwSignal::new(String::new()),
        file: RwSignal::new(String::new()),
        checked: RwSignal::new(Checked::Empty),
        progress: RwSignal::new(None),
        rendering: RwSignal::new(false),
        status: RwSignal::new(String::new()),
        flight: Flight::new(),
    };
    // Read again when what this browser keeps changed under the panel (Forget
    // everything, its Undo).
    Effect::new(move |_| {
        ui.kept.track();
        p.restore();
    });
    // Checked while the Review step is shown: a saved file does not start the worker
    // on a visit that never comes here. The answers are the base, so they count too.
    Effect::new(move |_| {
        ui.config.track();
        ui.tenant_secrets.track();
        p.text.track();
        if ui.step.get() == Step::Review {
            p.check();
        }
    });
    let on_input = move |ev| {
        p.text.set(event_target_value(&ev));
        p.save();
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
        let files = input.files().map(|f| browser::files_of(&f)).unwrap_or_default();
        input.set_value("");
        leptos::task::spawn_local(async move {
            if let Some((name, text)) = browser::read_files(files).await.into_iter().next() {
                match text {
                    Ok(t) => {
                        p.file.set(name);
                        p.text.set(t);
                        p.save();
                    }
                    Err(e) => p.status.set(format!("{name}: {e}")),
                }
            }
        });
    };
    let sample = move |_| {
        p.file.set("tenants.csv".into());
        p.text.set(SAMPLE.into());
        p.save();
    };
    let on_secrets = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
        let files = input.files().map(|f| browser::files_of(&f)).unwrap_or_default();
        input.set_value("");
        leptos::task::spawn_local(async move {
            if let Some((name, text)) = browser::read_files(files).await.into_iter().next() {
                match text {
                    Ok(t) => ui.tenant_secrets.set(Some((name, t))),
                    Err(e) => p.status.set(format!("{name}: {e}")),
                }
            }
        });
    };
    let can_download = move || p.checked.with(|c| matches!(c, Checked::Rows(_, ready) if *ready > 0));
    view! {
        <section class="tenants" aria-labelledby="tenants-heading">
            <h3 id="tenants-heading">"Tenants: many at once from these answers"</h3>
            <p class="help">"A tenants file, as " <code>"ixn-portal batch --tenants"</code> " reads it: CSV with a header of field names (" <code>"tenant.sid"</code> ", " <code>"deploy.namespace"</code> ", " <code>"ixnService.ixnServer.db.name"</code> " …) or YAML, a list of mappings. Each row overrides these answers; secrets are not allowed in it: every tenant gets these answers' ones, or its own from a secrets file below."</p>
            <label for="tenants-text">"Tenants file"</label>
            <textarea id="tenants-text" name="tenants.text" rows="6" spellcheck="false" autocomplete="off"
                prop:value=move || p.text.get() on:input=on_input></textarea>
            <div class="inline">
                <label for="tenants-file" class="inline-label">"Upload:"</label>
                <input id="tenants-file" type="file" name="tenants.file" accept=".csv,.yaml,.yml,.json,text/csv,text/yaml,application/json" on:change=on_file/>
                <button type="button" class="secondary" on:click=sample>"Use a sample"</button>
            </div>
            <div class="tenant-secrets">
                <label for="tenants-secrets" class="inline-label">"Per-tenant secrets file (optional):"</label>
                <input id="tenants-secrets" type="file" name="tenants.secrets" accept=".yaml,.yml,.json,text/yaml,application/json" on:change=on_secrets/>
                {move || ui.tenant_secrets.with(|s| s.as_ref().map(|(name, _)| name.clone())).map(|name| view! {
                    <span id="tenants-secrets-status">{format!("Using {name}. ")}</span>
                    <button type="button" class="secondary" on:click=move |_| ui.tenant_secrets.set(None)>"Stop using it"</button>
                })}
                <p class="help">"The format of " <code>"ixn-portal batch --secrets-file"</code> ": " <code>"redis.password: …"</code> " for every tenant, and under " <code>"tenants:"</code> " a tenant's sid with its own (" <code>"tenants: {\"101\": {redis.password: …}}"</code> "). Kept in this page's memory only: never saved in this browser, a share link or a profile; a reload forgets it."</p>
            </div>
            <div id="tenants-report" aria-live="polite">
                {move || match p.checked.get() {
                    Checked::Empty => view! { <p class="help">"Paste or upload a tenants file to see its rows."</p> }.into_any(),
                    Checked::Unreadable(e) => view! { <p class="finding error" role="alert">{e}</p> }.into_any(),
                    Checked::Rows(html, _) => view! { <div inner_html=html></div> }.into_any(),
                }}
            </div>
            <div class="inline">
                <button type="button" id="tenants-download" disabled=move || !can_download() || p.rendering.get()
                    on:click=move |_| p.download()>"Download all tenants (.tar)"</button>
                {move || p.progress.get().map(|(done, total, stage)| view! {
                    <progress id="tenants-progress" max=total.max(1).to_string() value=done.to_string()></progress>
                    <span class="copied">{format!("{stage} {done} of {total}")}</span>
                })}
                <span class="copied" role="status" id="tenants-status">{move || p.status.get()}</span>
            </div>
            <p class="help">"One folder per tenant (the files of Download everything), " <code>"tenants.csv"</code> " and " <code>"deploy-all.sh"</code> "; in a Git delivery one Git tree for every tenant and " <code>"seed-secret-store.sh"</code> ". Rows with errors are left out, as with " <code>"--keep-going"</code> "."</p>
        </section>
        <AdoptPanel/>
    }
}
