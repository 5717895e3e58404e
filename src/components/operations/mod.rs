//! Operations: before and after the install, computed by the core from the same
//! answers, in the worker (the runbook and the metrics table are not in the first
//! load): this tab asks for them when it opens and renders what comes back. Every
//! block has copy and download; the metrics table is searchable. Scripts show masked
//! secrets (unless secrets are shown); copy and download carry the real ones, as the
//! other previews do.

use crate::browser;
use crate::components::preview::{Code, Lang};
use crate::state::{ui, MASK};
use crate::worker_bridge::{profile_text, with_chart, Flight};
use leptos::prelude::*;
use serde_json::{json, Value as Json};

/// A string field of a reply.
fn text(j: &Json) -> String {
    j.as_str().unwrap_or_default().to_string()
}

/// The sections the worker made: masked (shown) and real (copy and download).
#[derive(Debug, Clone, Default, PartialEq)]
struct Sections {
    shown: Json,
    unmasked: Json,
    error: Option<String>,
}

/// The real (unmasked) section `id`'s field `f`, read when a button is pressed.
fn real_section(sections: RwSignal<Sections>, id: &str, f: impl FnOnce(&Json) -> String) -> String {
    sections.with_untracked(|s| {
        s.unmasked.as_array().into_iter().flatten().find(|s| s["id"] == id).map(f).unwrap_or_default()
    })
}

/// "(with the real secrets)" when the preview masks them.
fn real_note() -> &'static str {
    if ui().show_secrets.get_untracked() {
        ""
    } else {
        " (with the real secrets)"
    }
}

fn copy_button(label: String, sections: RwSignal<Sections>, section: String, item: usize) -> impl IntoView {
    let status = RwSignal::new(String::new());
    view! {
        <button type="button" class="secondary" aria-label=label on:click=move |_| {
            let text = real_section(sections, &section, |s| {
                let i = &s["items"][item];
                i["script"].as_str().or(i["query"].as_str()).unwrap_or_default().to_string()
            });
            let note = real_note();
            leptos::task::spawn_local(async move {
                let ok = browser::copy(text).await;
                status.set(if ok { format!("Copied{note}") } else { "Copy failed".into() });
            });
        }>"Copy"</button>
        <span class="copied" role="status">{move || status.get()}</span>
    }
}

/// The operations panel.
#[component]
pub fn Operations(
    /// Whether the tab is shown: the runbook is asked for only then.
    shown: Signal<bool>,
) -> impl IntoView {
    let ui = ui();
    let query = RwSignal::new(String::new());
    let sections = RwSignal::new(Sections::default());
    let flight = Flight::new();
    let make = move || {
        Some(ui.config.with_untracked(|c| {
            with_chart(json!({"op": "operations", "profile": profile_text(c), "masked": profile_text(&c.masked(MASK))}), c)
        }))
    };
    let done = move |reply: &Json| {
        sections.set(Sections {
            shown: reply["shown"].clone(),
            unmasked: reply["unmasked"].clone(),
            error: reply["error"].as_str().map(String::from),
        })
    };
    Effect::new(move |_| {
        ui.config.track();
        if shown.get() {
            flight.ask(make, done);
        }
    });
    // The metrics matching the search, from the worker's table.
    let metrics = RwSignal::new(Vec::<Json>::new());
    let search = Flight::new();
    Effect::new(move |_| {
        query.track();
        search.ask(
            move || Some(json!({"op": "metrics", "query": query.get_untracked()})),
            move |reply| metrics.set(reply["rows"].as_array().cloned().unwrap_or_default()),
        );
    });
    // The sections re-render only when a script changes, not on every keystroke.
    let sections_shown = Memo::new(move |_| {
        sections.with(|s| if ui.show_secrets.get() { s.unmasked.clone() } else { s.shown.clone() })
    });
    view! {
        <div class="ops">
            <label class="check danger-toggle">
                <input type="checkbox" name="ops.dropDatabases" prop:checked=move || ui.config.with(|c| c.deploy.drop_databases)
                    on:change=move |ev| { let on = event_target_checked(&ev); ui.config.update(|c| c.deploy.drop_databases = on); }/>
                "Include the destructive step that drops both databases and the role on uninstall"
            </label>
            {move || sections.with(|s| s.error.clone()).map(|e| view! { <p class="finding error" role="alert">{e}</p> })}
            {move || sections_shown.get().as_array().cloned().unwrap_or_default().into_iter().map(|s| {
                let id = text(&s["id"]);
                let file = format!("ixn-{id}.sh");
                let section = id.clone();
                view! {
                    <section class="ops-section" id=format!("ops-{id}") aria-labelledby=format!("ops-{id}-title")>
                        <div class="ops-head">
                            <h3 id=format!("ops-{id}-title")>{text(&s["title"])}</h3>
                            <button type="button" class="secondary" aria-label=format!("Download all: {file}")
                                on:click=move |_| {
                                    let script = real_section(sections, &section, |s| text(&s["script"]));
                                    browser::download(&file, "text/x-shellscript", script.as_bytes());
                                }>"Download all"</button>
                        </div>
                        <p class="help">{text(&s["intro"])}</p>
                        {s["items"].as_array().cloned().unwrap_or_default().into_iter().enumerate().map(|(n, i)| {
                            let query = i["query"].as_str().map(String::from);
                            let code = i["script"].as_str().map(String::from).or(query.clone());
                            let lang = if query.is_some() { "PromQL" } else { "bash" };
                            let title = text(&i["title"]);
                            let id = id.clone();
                            view! {
                                <article class="ops-item" class:destructive=i["destructive"] == true data-item=text(&i["id"])>
                                    <h4>
                                        {title.clone()}
                                        {(i["manual"] == true).then(|| view! { <span class="badge">"manual check"</span> })}
                                        {(i["destructive"] == true).then(|| view! { <span class="badge danger">"destructive"</span> })}
                                    </h4>
                                    <p>{text(&i["note"])}</p>
                                    {code.map(|c| {
                                        let code = Signal::stored(c);
                                        view! {
                                            <div class="buttons">{copy_button(format!("Copy {lang}: {title}"), sections, id, n)}</div>
                                            <Code id="" lang=if lang == "bash" { Lang::Bash } else { Lang::Json } text=code/>
                                        }
                                    })}
                                </article>
                            }
                        }).collect_view()}
                    </section>
                }
            }).collect_view()}
            <section class="ops-section" id="ops-metrics" aria-labelledby="ops-metrics-title">
                <h3 id="ops-metrics-title">"Supported metrics"</h3>
                <label for="metrics-search">"Search by name, type, label or meaning"</label>
                <input id="metrics-search" type="search" name="ui.metricsSearch" autocomplete="off"
                    prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
                <div class="table-wrap">
                    <table class="metrics">
                        <caption>{move || format!("{} metrics. Names marked * were pieced together from the guide's garbled table: check them against /metrics.", metrics.with(Vec::len))}</caption>
                        <thead><tr><th scope="col">"Metric"</th><th scope="col">"Type"</th><th scope="col">"Labels"</th><th scope="col">"Indicates"</th><th scope="col">"Meaning"</th></tr></thead>
                        <tbody>
                            // Each row: name, type, labels, indicator, meaning, source, reconstructed.
                            {move || metrics.get().into_iter().map(|m| view! {
                                <tr>
                                    <td><code class="key">{text(&m[0])}</code>{(m[6] == true).then_some(" *")}<br/><span class="help">{text(&m[5])}</span></td>
                                    <td>{text(&m[1])}</td>
                                    <td>{text(&m[2])}</td>
                                    <td>{text(&m[3])}</td>
                                    <td>{text(&m[4])}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        </div>
    }
}
