//! Operations: before and after the install, computed by the core from the same
//! answers. Every block has copy and download; the metrics table is searchable.
//! Scripts show masked secrets (unless secrets are shown); copy and download carry
//! the real ones, as the other previews do.

use crate::browser;
use crate::components::preview::{Code, Lang};
use crate::state::ui;
use ixn_core::operations::metrics::search;
use ixn_core::operations::{section_script, Section};
use leptos::prelude::*;

/// The real (unmasked) section `id`, read when a button is pressed.
fn real_section<R>(id: &str, f: impl FnOnce(&Section) -> R) -> Option<R> {
    ui().unmasked.with_untracked(|a| a.operations.iter().find(|s| s.id == id).map(f))
}

/// "(with the real secrets)" when the preview masks them.
fn real_note() -> &'static str {
    if ui().show_secrets.get_untracked() {
        ""
    } else {
        " (with the real secrets)"
    }
}

fn copy_button(label: String, section: &'static str, item: usize) -> impl IntoView {
    let status = RwSignal::new(String::new());
    view! {
        <button type="button" class="secondary" aria-label=label on:click=move |_| {
            let text = real_section(section, |s| s.items.get(item).and_then(|i| i.script.clone().or(i.query.clone())))
                .flatten()
                .unwrap_or_default();
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
pub fn Operations() -> impl IntoView {
    let ui = ui();
    let query = RwSignal::new(String::new());
    // A memo: the sections re-render only when a script changes, not on every keystroke.
    let sections = Memo::new(move |_| ui.shown.with(|a| a.operations.clone()));
    let sections = move || sections.get();
    view! {
        <div class="ops">
            <label class="check danger-toggle">
                <input type="checkbox" name="ops.dropDatabases" prop:checked=move || ui.config.with(|c| c.deploy.drop_databases)
                    on:change=move |ev| { let on = event_target_checked(&ev); ui.config.update(|c| c.deploy.drop_databases = on); }/>
                "Include the destructive step that drops both databases and the role on uninstall"
            </label>
            {move || sections().into_iter().map(|s| {
                let file = format!("ixn-{}.sh", s.id);
                let id = s.id;
                view! {
                    <section class="ops-section" id=format!("ops-{id}") aria-labelledby=format!("ops-{id}-title")>
                        <div class="ops-head">
                            <h3 id=format!("ops-{id}-title")>{s.title}</h3>
                            <button type="button" class="secondary" aria-label=format!("Download all: {file}")
                                on:click=move |_| {
                                    let script = real_section(id, section_script).unwrap_or_default();
                                    browser::download(&file, "text/x-shellscript", script.as_bytes());
                                }>"Download all"</button>
                        </div>
                        <p class="help">{s.intro}</p>
                        {s.items.into_iter().enumerate().map(|(n, i)| {
                            let code = i.script.clone().or(i.query.clone());
                            let lang = if i.query.is_some() { "PromQL" } else { "bash" };
                            view! {
                                <article class="ops-item" class:destructive=i.destructive data-item=i.id>
                                    <h4>
                                        {i.title.clone()}
                                        {i.manual.then(|| view! { <span class="badge">"manual check"</span> })}
                                        {i.destructive.then(|| view! { <span class="badge danger">"destructive"</span> })}
                                    </h4>
                                    <p>{i.note.clone()}</p>
                                    {code.map(|c| {
                                        let text = Signal::stored(c);
                                        view! {
                                            <div class="buttons">{copy_button(format!("Copy {lang}: {}", i.title), id, n)}</div>
                                            <Code id="" lang=if lang == "bash" { Lang::Bash } else { Lang::Json } text=text/>
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
                        <caption>{move || format!("{} metrics. Names marked * were pieced together from the guide's garbled table: check them against /metrics.", search(&query.get()).len())}</caption>
                        <thead><tr><th scope="col">"Metric"</th><th scope="col">"Type"</th><th scope="col">"Labels"</th><th scope="col">"Indicates"</th><th scope="col">"Meaning"</th></tr></thead>
                        <tbody>
                            {move || search(&query.get()).into_iter().map(|m| view! {
                                <tr>
                                    <td><code class="key">{m.name}</code>{m.reconstructed.then_some(" *")}<br/><span class="help">{m.source}</span></td>
                                    <td>{m.kind}</td>
                                    <td>{m.labels}</td>
                                    <td>{m.indicator}</td>
                                    <td>{m.help}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        </div>
    }
}
