//! Import, share and save: paste, upload or drop values files (or a profile), see what
//! each one set, undo; copy a share link; download a profile; choose what this
//! browser remembers.

mod import;

use crate::browser;
use crate::state::{ui, Ui, REMEMBER_KEY};
use import::{import_list, run_import, Outcome};
use ixn_core::import::PLACEHOLDER_NOTE;
use ixn_core::profile::{fragment, link_json, Profile};
use ixn_portal::documents::documents;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn report_view(o: Outcome, ui: Ui) -> AnyView {
    match o {
        Outcome::Failed(e) => view! {
            <p class="finding error" role="alert"><strong>"Nothing was imported. "</strong>{e.to_string()}</p>
        }
        .into_any(),
        Outcome::Profile(name) => view! { <p class="ok">{format!("Loaded the profile from {name}.")}</p> }.into_any(),
        Outcome::Values(r, changed) => {
            let placeholders = r.placeholders.clone();
            let offer = placeholders.clone();
            view! {
                <p class="ok">{r.summary()}</p>
                // Every answer of the user's the import replaced, old → new (Undo follows).
                {if changed.is_empty() {
                    view! { <p class="changes-none">"None of your own answers changed."</p> }.into_any()
                } else {
                    view! {
                        <p><strong>{format!("Changed {} of your answers:", ixn_core::wording::count(changed.len(), "value"))}</strong></p>
                        <ul class="changes">
                            {changed.into_iter().map(|c| view! {
                                <li><code class="key">{c.path}</code>": "<span class="old">{c.old}</span>" → "<span class="new">{c.new}</span></li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <ul class="files">
                    {r.files.into_iter().map(|f| {
                        // Each null named, as `ixn-portal import` names them: each unsets
                        // a chart default, so none may pass unseen in a count.
                        let nulls = (!f.nulls.is_empty()).then(|| view! {
                            <ul class="nulls">{f.nulls.iter().map(|n| view! { <li>"null: "<code class="key">{n.clone()}</code></li> }).collect_view()}</ul>
                        });
                        view! {
                            <li>
                                <details>
                                    <summary>{f.summary()}</summary>
                                    <p class="keys">{f.known.join(", ")}</p>
                                </details>
                                {nulls}
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {(!r.unknown.is_empty()).then(|| view! {
                    <p><strong>"Unknown keys, kept as written in the output:"</strong></p>
                    <ul class="unknown">
                        {r.unknown.into_iter().map(|u| view! {
                            <li><code class="key">{u.path.clone()}</code>{u.suggestion.map(|s| format!(": did you mean {s}?"))}</li>
                        }).collect_view()}
                    </ul>
                })}
                {(!placeholders.is_empty()).then(|| {
                    // What the commands do with them now, and the way to the other choice.
                    let filled = Memo::new(move |_| ui.config.with(|c| !offer.is_empty() && offer.iter().all(|p| c.deploy.envsubst_vars.contains(p))));
                    let offer = placeholders.clone();
                    view! {
                        <p id="import-placeholders">
                            <strong>"Placeholders: "</strong>{placeholders.join(", ")}". "
                            {move || if filled.get() {
                                "The commands fill these in with envsubst: export them before running deploy.sh. "
                            } else {
                                "They stay as they are in the values file. "
                            }}
                            <button type="button" class="secondary" on:click=move |_| {
                                let fill = !filled.get_untracked();
                                let offer = offer.clone();
                                ui.config.update(|c| c.deploy.envsubst_vars = if fill { offer } else { Vec::new() });
                            }>{move || if filled.get() { "Keep them as they are" } else { "Fill these in with envsubst" }}</button>
                        </p>
                    }
                })}
                {(!r.notes.is_empty()).then(|| view! {
                    // The placeholders' state is said above, as it is now.
                    <ul class="notes">{r.notes.into_iter().filter(|n| n != PLACEHOLDER_NOTE).map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                })}
            }
            .into_any()
        }
    }
}

/// The panel.
#[component]
pub fn IoPanel() -> impl IntoView {
    let ui = ui();
    let text = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let link = RwSignal::new(String::new());
    let link_status = RwSignal::new(String::new());
    let profile_secrets = RwSignal::new(false);

    // Files dropped anywhere on the page are imported.
    let over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            if files.length() > 0 {
                import_list(browser::files_of(&files), ui, outcome);
            }
        }
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });

    let copy_link = move |_| {
        let json = ui.config.with_untracked(link_json);
        leptos::task::spawn_local(async move {
            let Some(deflated) = browser::deflate_raw(&json).await else {
                link_status.set(
                    "This browser cannot compress the link (no CompressionStream): download a profile instead.".into(),
                );
                return;
            };
            let url = format!("{}#{}", browser::page_url(), fragment(&deflated));
            link.set(url.clone());
            let ok = browser::copy(url).await;
            if ok {
                crate::components::notice::flash(link_status, "Link copied. It carries no secrets.");
            } else {
                link_status.set("Copy the link below.".into());
            }
        });
    };
    let download_profile = move |yaml: bool| {
        let p = ui.config.with_untracked(|c| Profile::of(c, profile_secrets.get_untracked()));
        if yaml {
            browser::download("ixn-profile.yaml", "application/yaml", p.to_yaml_text().as_bytes());
        } else {
            browser::download("ixn-profile.json", "application/json", p.to_json_text().as_bytes());
        }
    };
    view! {
        <details class="io" id="io">
            <summary>"Import, share and save"</summary>
            <div class="io-grid">
                <section aria-labelledby="io-import">
                    <h2 id="io-import">"Import values files or a profile"</h2>
                    <label for="import-text">"Paste one or more values files (separate them with a line of ---). Later files win, as with helm -f a -f b."</label>
                    <textarea id="import-text" name="import.text" rows="6" spellcheck="false" autocomplete="off"
                        prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                    <div class="inline">
                        <button type="button" on:click=move |_| run_import(ui, outcome, documents(&text.get_untracked()))>"Import"</button>
                        <label for="import-files" class="inline-label">"or upload:"</label>
                        <input id="import-files" type="file" name="import.files" multiple accept=".yaml,.yml,.json,text/yaml,application/json"
                            on:change=move |ev| {
                                let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
                                if let Some(files) = input.files() { import_list(browser::files_of(&files), ui, outcome); }
                                input.set_value("");
                            }/>
                    </div>
                    <p class="help">"You can also drop files anywhere on the page. Comments in imported files are not kept in the output; keys the portal does not know are kept as written."</p>
                    <div id="import-report" aria-live="polite">
                        {move || outcome.get().map(|o| report_view(o, ui))}
                        {move || ui.undo.get().is_some().then(|| view! {
                            <button type="button" class="secondary" on:click=move |_| {
                                if let Some(before) = ui.undo.get_untracked() {
                                    ui.set_answers(before);
                                    ui.undo.set(None);
                                    outcome.set(None);
                                }
                            }>"Undo the import"</button>
                        })}
                    </div>
                </section>
                <section aria-labelledby="io-share">
                    <h2 id="io-share">"Share"</h2>
                    <p class="help">"A link with your answers in its #fragment, which browsers never send to a server. It never carries secrets."</p>
                    <button type="button" on:click=copy_link>"Copy link"</button>
                    <span class="copied" class:fades=move || link_status.with(|s| crate::components::notice::fades(s)) role="status">{move || link_status.get()}</span>
                    <label for="share-link" class="sr-only">"Share link"</label>
                    <input id="share-link" type="text" readonly prop:value=move || link.get() placeholder="The link appears here"/>
                </section>
                <section aria-labelledby="io-save">
                    <h2 id="io-save">"Save"</h2>
                    <p class="help">"A profile holds your answers as YAML or JSON, to keep in git and load here again."</p>
                    <label class="check"><input type="checkbox" name="ui.profileSecrets" prop:checked=move || profile_secrets.get()
                        on:change=move |ev| profile_secrets.set(event_target_checked(&ev))/>"Include secrets in the profile"</label>
                    <p class="finding warning" hidden=move || !profile_secrets.get()>"The profile file will hold passwords in plain text."</p>
                    <div class="inline">
                        <button type="button" class="secondary" on:click=move |_| download_profile(true)>"Download profile (YAML)"</button>
                        <button type="button" class="secondary" on:click=move |_| download_profile(false)>"Download profile (JSON)"</button>
                    </div>
                    <p class="help">"Your answers are saved in this browser as you type; secrets are not, unless you choose so."</p>
                    <label class="check"><input type="checkbox" name="ui.rememberSecrets" prop:checked=move || ui.remember_secrets.get()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            browser::save(REMEMBER_KEY, if on { "true" } else { "false" });
                            ui.remember_secrets.set(on);
                        }/>"Remember secrets on this device"</label>
                    <p class="finding warning" hidden=move || !ui.remember_secrets.get()>"Passwords will be stored unencrypted in this browser's local storage, readable by anyone using this profile of this browser."</p>
                    <button type="button" class="secondary" on:click=move |_| ui.forget_everything()>"Forget everything on this device"</button>
                </section>
            </div>
        </details>
    }
}
