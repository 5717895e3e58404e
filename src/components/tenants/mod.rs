//! The Tenants panel: a tenants file (CSV or YAML, the same as `ixn-portal batch
//! --tenants`) over the current answers, a table of its rows with each row's findings
//! placed by line and column, and "Download all tenants": one `.tar` laid out like
//! `ixn-portal batch --keep-going --out DIR`.
//!
//! The rows are read, checked and rendered in the worker (`crate::worker_bridge`), in
//! chunks that report progress, so typing stays responsive while a thousand tenants
//! render. The tenants text is kept in this browser like the answers; it holds no
//! secret (the reader refuses secret columns: every tenant gets these answers' ones).

use crate::browser;
use crate::state::{ui, Ui, TENANTS_KEY};
use crate::worker_bridge::{profile_text, request, with_chart, with_options};
use ixn_core::generate::values_yaml::ValuesOptions;
use ixn_core::registry::Step;
use leptos::prelude::*;
use serde_json::{json, Value as Json};
use wasm_bindgen::JsCast;

/// Rows the table lists at most (rows with findings first come in row order).
const SHOWN_ROWS: usize = 200;
/// A sample to start from.
const SAMPLE: &str = "tenant.sid,tenant.id,deploy.namespace,ixnService.ixnServer.db.name\n\
101,tenant-101,ixn-101,ixn_101\n\
102,tenant-102,ixn-102,ixn_102\n\
103,tenant-103,ixn-103,ixn_103\n";

/// One finding of a row, as the table shows it.
#[derive(Debug, Clone, PartialEq)]
struct FindingView {
    /// `file:line:column: `.
    at: String,
    /// `path (error): message`.
    what: String,
    error: bool,
    /// The row's own cell causes it (else the current answers do).
    in_row: bool,
}

impl FindingView {
    fn text(&self) -> String {
        let from = if self.in_row { "" } else { " (from the current answers)" };
        format!("{}{}{from}", self.at, self.what)
    }
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq)]
struct RowView {
    row: u64,
    line: u64,
    sid: String,
    release: String,
    namespace: String,
    failed: bool,
    findings: Vec<FindingView>,
}

fn row_of(file: &str, j: &Json) -> RowView {
    let s = |k: &str| j[k].as_str().unwrap_or_default().to_string();
    let findings = j["findings"]
        .as_array()
        .map(|fs| {
            fs.iter()
                .map(|f| {
                    let error = f["error"] == true;
                    FindingView {
                        at: format!("{file}:{}:{}: ", f["line"], f["column"]),
                        what: format!(
                            "{} ({}): {}",
                            f["path"].as_str().unwrap_or_default(),
                            if error { "error" } else { "warning" },
                            f["message"].as_str().unwrap_or_default()
                        ),
                        error,
                        in_row: f["inRow"] == true,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    RowView {
        row: j["row"].as_u64().unwrap_or(0),
        line: j["line"].as_u64().unwrap_or(0),
        sid: s("sid"),
        release: s("release"),
        namespace: s("namespace"),
        failed: j["failed"] == true,
        findings,
    }
}

/// What checking the file gave.
#[derive(Debug, Clone, PartialEq, Default)]
enum Checked {
    /// Nothing pasted.
    #[default]
    Empty,
    /// The file cannot be read at all.
    Unreadable(String),
    /// Every row's report.
    Rows(Vec<RowView>),
}

/// Whether a check is on its way, and whether the input changed since it left.
#[derive(Debug, Clone, Copy, Default)]
struct Flight {
    busy: bool,
    again: bool,
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
    flight: StoredValue<Flight>,
}

impl Panel {
    fn options(&self) -> ValuesOptions {
        self.ui.values_options()
    }

    fn request_of(&self, op: &str) -> Json {
        let req = json!({
            "op": op,
            "profile": self.ui.config.with_untracked(profile_text),
            "tenants": self.text.get_untracked(),
            "file": self.file_name(),
        });
        with_options(self.ui.config.with_untracked(|c| with_chart(req, c)), self.options())
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

    fn restore(&self) {
        if let Some(saved) = browser::load(TENANTS_KEY).and_then(|s| serde_json::from_str::<Json>(&s).ok()) {
            self.file.set(saved["file"].as_str().unwrap_or_default().into());
            self.text.set(saved["text"].as_str().unwrap_or_default().into());
        }
    }

    /// Checks the rows in the worker; one check at a time, the latest input next.
    fn check(self) {
        if self.text.with_untracked(|t| t.trim().is_empty()) {
            self.checked.set(Checked::Empty);
            return;
        }
        if self.flight.get_value().busy {
            self.flight.update_value(|f| f.again = true);
            return;
        }
        self.flight.set_value(Flight { busy: true, again: false });
        let file = self.file_name();
        request(self.request_of("check"), move |reply, _| {
            if let Some(p) = reply["progress"].as_array() {
                if !self.rendering.get_untracked() {
                    let (done, total) = (p[0].as_u64().unwrap_or(0), p[1].as_u64().unwrap_or(0));
                    self.progress.set(Some((done, total, "Checking".into())));
                }
                return;
            }
            if !self.rendering.get_untracked() {
                self.progress.set(None);
            }
            self.checked.set(match (reply["rows"].as_array(), reply["error"].as_str()) {
                (Some(rows), _) => Checked::Rows(rows.iter().map(|r| row_of(&file, r)).collect()),
                (None, e) => Checked::Unreadable(e.unwrap_or("The tenants file could not be checked.").into()),
            });
            let again = self.flight.get_value().again;
            self.flight.set_value(Flight::default());
            if again {
                self.check();
            }
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
        request(self.request_of("batch"), move |reply, bytes| {
            if let Some(p) = reply["progress"].as_array() {
                let stage = if reply["stage"] == "rendering" { "Rendering" } else { "Checking" };
                self.progress.set(Some((p[0].as_u64().unwrap_or(0), p[1].as_u64().unwrap_or(0), stage.into())));
                return;
            }
            self.rendering.set(false);
            self.progress.set(None);
            match (reply["name"].as_str(), bytes) {
                (Some(name), Some(b)) => {
                    browser::download(name, "application/x-tar", &b);
                    let (rendered, failed) =
                        (reply["rendered"].as_u64().unwrap_or(0), reply["failed"].as_u64().unwrap_or(0));
                    self.status.set(if failed == 0 {
                        format!("Downloaded {name}: {}.", ixn_core::wording::count(rendered as usize, "tenant"))
                    } else {
                        format!(
                            "Downloaded {name}: {} rendered; {} with errors left out (tenants.csv lists them).",
                            ixn_core::wording::count(rendered as usize, "tenant"),
                            ixn_core::wording::count(failed as usize, "row")
                        )
                    });
                }
                _ => self.status.set(reply["error"].as_str().unwrap_or("The tenants could not be rendered.").into()),
            }
        });
    }
}

/// The table of rows. Findings the current answers cause in every row are said once,
/// above it; each row lists its own.
fn table(mut rows: Vec<RowView>) -> impl IntoView {
    let total = rows.len();
    let failed = rows.iter().filter(|r| r.failed).count();
    let warned = rows.iter().filter(|r| !r.failed && !r.findings.is_empty()).count();
    let common: Vec<FindingView> = rows
        .first()
        .map(|first| {
            first
                .findings
                .iter()
                .filter(|f| !f.in_row && rows.iter().all(|r| r.findings.iter().any(|g| !g.in_row && g.what == f.what)))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    for r in &mut rows {
        r.findings.retain(|f| f.in_row || !common.iter().any(|c| c.what == f.what));
    }
    let listed: Vec<RowView> = if total <= SHOWN_ROWS {
        rows
    } else {
        rows.into_iter().filter(|r| !r.findings.is_empty()).take(SHOWN_ROWS).collect()
    };
    let unlisted = total - listed.len();
    let summary = format!(
        "{}: {} ready, {} with errors{}.",
        ixn_core::wording::count(total, "row"),
        total - failed,
        failed,
        if warned > 0 { format!(", {warned} with warnings only") } else { String::new() }
    );
    let common_view = (!common.is_empty()).then(|| {
        view! {
            <p class="help">"From the current answers, in every row (fix them in the form):"</p>
            <ul class="row-findings common" id="tenants-common">
                {common.into_iter().map(|f| view! {
                    <li class=if f.error { "finding error" } else { "finding warning" }>{f.what}</li>
                }).collect_view()}
            </ul>
        }
    });
    view! {
        <p class="tenants-summary" id="tenants-summary">{summary}</p>
        {common_view}
        <div class="table-scroll">
            <table class="tenants-table" id="tenants-table">
                <caption class="sr-only">"The tenants file's rows"</caption>
                <thead><tr>
                    <th scope="col">"Row"</th><th scope="col">"Tenant sid"</th><th scope="col">"Release"</th>
                    <th scope="col">"Namespace"</th><th scope="col">"Status"</th><th scope="col">"Findings"</th>
                </tr></thead>
                <tbody>
                    {listed.into_iter().map(|r| {
                        let status = if r.failed { "errors" } else if r.findings.is_empty() { "ready" } else { "warnings" };
                        view! {
                            <tr class=format!("tenant-row {status}") data-row=r.row.to_string()>
                                <td>{r.row.to_string()}<span class="line">{format!(" (line {})", r.line)}</span></td>
                                <td>{r.sid}</td>
                                <td>{r.release}</td>
                                <td>{r.namespace}</td>
                                <td>{status}</td>
                                <td><ul class="row-findings">{r.findings.into_iter().map(|f| view! {
                                    <li class=if f.error { "finding error" } else { "finding warning" }>{f.text()}</li>
                                }).collect_view()}</ul></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {(unlisted > 0).then(|| view! {
            <p class="help">{format!("{} without findings {} not listed.", ixn_core::wording::count(unlisted, "row"), if unlisted == 1 { "is" } else { "are" })}</p>
        })}
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
        flight: StoredValue::new(Flight::default()),
    };
    p.restore();
    // Checked while the Review step is shown: a saved file does not start the worker
    // on a visit that never comes here. The answers are the base, so they count too.
    Effect::new(move |_| {
        ui.config.track();
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
    let can_download = move || p.checked.with(|c| matches!(c, Checked::Rows(rows) if rows.iter().any(|r| !r.failed)));
    view! {
        <section class="tenants" aria-labelledby="tenants-heading">
            <h3 id="tenants-heading">"Tenants: many at once from these answers"</h3>
            <p class="help">"A tenants file, as " <code>"ixn-portal batch --tenants"</code> " reads it: CSV with a header of field names (" <code>"tenant.sid"</code> ", " <code>"deploy.namespace"</code> ", " <code>"ixnService.ixnServer.db.name"</code> " …) or YAML, a list of mappings. Each row overrides these answers; secrets are not allowed in it, every tenant gets these answers' ones."</p>
            <label for="tenants-text">"Tenants file"</label>
            <textarea id="tenants-text" name="tenants.text" rows="6" spellcheck="false" autocomplete="off"
                prop:value=move || p.text.get() on:input=on_input></textarea>
            <div class="inline">
                <label for="tenants-file" class="inline-label">"Upload:"</label>
                <input id="tenants-file" type="file" name="tenants.file" accept=".csv,.yaml,.yml,.json,text/csv,text/yaml,application/json" on:change=on_file/>
                <button type="button" class="secondary" on:click=sample>"Use a sample"</button>
            </div>
            <div id="tenants-report" aria-live="polite">
                {move || match p.checked.get() {
                    Checked::Empty => view! { <p class="help">"Paste or upload a tenants file to see its rows."</p> }.into_any(),
                    Checked::Unreadable(e) => view! { <p class="finding error" role="alert">{e}</p> }.into_any(),
                    Checked::Rows(rows) => table(rows).into_any(),
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
    }
}
