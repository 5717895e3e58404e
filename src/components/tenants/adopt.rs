//! "Adopt the tenants already running": a repository's files, a folder or one
//! `.tar`/`.zip`, dropped or chosen, adopted in the worker exactly as `ixn-portal adopt`
//! adopts them (`worker/src/adopt.rs`): the panel shows the proof, the rows, the base
//! profile and the report the worker renders as HTML, and downloads the files the
//! command writes. Nothing leaves this browser; the page only reads the files and hands
//! them to its worker.
//!
//! The panel is one element of static HTML with delegated handlers, and its results
//! are set as HTML: a Leptos view of the same inputs cost the first load 4 KB brotli,
//! for a view most visits never use.

use crate::browser;
use crate::worker_bridge::request;
use ixn_core::protocol::{AdoptFile, Answer, Job};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The panel's inputs and places, as HTML (what the worker renders goes in `#adopt-result`).
const HTML: &str = r#"<h3 id="adopt-heading">Adopt the tenants already running</h3>
<p class="help">A Genesys multicloud-services repository, Argo CD Applications, Flux HelmReleases or <code>helm get values</code> outputs, as <code>ixn-portal adopt</code> reads them: a base profile, a tenants file and each tenant's own values file, proved to render every tenant back exactly. The files stay in this browser.</p>
<div id="adopt-drop" class="drop-zone"><span>Drop the files or a .tar/.zip of the repository here, or choose</span>
<label for="adopt-files" class="inline-label">files</label> <input id="adopt-files" type="file" multiple name="adopt.files" accept=".yaml,.yml,.tar,.tgz,.gz,.zip,.ver">
<label for="adopt-folder" class="inline-label">or a folder</label> <input id="adopt-folder" type="file" multiple webkitdirectory name="adopt.folder"></div>
<div id="adopt-result" aria-live="polite"></div>
<div class="inline"><button type="button" id="adopt-download" disabled>Download base, tenants and values (.tar)</button>
<span class="copied" role="status" id="adopt-status"></span></div>"#;

/// The element of `id`.
fn el(id: &str) -> Option<web_sys::Element> {
    gloo_utils::document().get_element_by_id(id)
}

fn say(text: &str) {
    if let Some(e) = el("adopt-status") {
        e.set_text_content(Some(text));
    }
}

/// Each file's path (in its folder when a folder was chosen) and bytes, as the
/// worker's request lists them.
async fn read_all(files: Vec<web_sys::File>) -> Result<Vec<AdoptFile>, String> {
    let mut out = Vec::new();
    for f in files {
        let rel = js_sys::Reflect::get(&f, &"webkitRelativePath".into()).ok().and_then(|v| v.as_string());
        let path = rel.filter(|p| !p.is_empty()).unwrap_or_else(|| f.name());
        let buf = wasm_bindgen_futures::JsFuture::from(f.array_buffer())
            .await
            .map_err(|_| format!("{path}: could not be read (a folder? choose it with “a folder”)"))?;
        let data = js_sys::Uint8Array::new(&buf).to_vec();
        out.push(AdoptFile { path, data });
    }
    Ok(out)
}

/// The panel.
#[component]
pub fn AdoptPanel() -> impl IntoView {
    let tar: StoredValue<Option<(String, Vec<u8>)>> = StoredValue::new(None);
    let busy = StoredValue::new(false);
    let set_ready = move |ready: bool| {
        if let Some(b) = el("adopt-download") {
            let _ = if ready { b.remove_attribute("disabled") } else { b.set_attribute("disabled", "") };
        }
    };
    let adopt = move |files: Vec<web_sys::File>| {
        if files.is_empty() || busy.get_value() {
            return;
        }
        busy.set_value(true);
        set_ready(false);
        say("Reading the files…");
        leptos::task::spawn_local(async move {
            let files = match read_all(files).await {
                Ok(f) => f,
                Err(e) => {
                    busy.set_value(false);
                    return say(&e);
                }
            };
            say("Adopting in the background…");
            request(Job::Adopt { files }, None, move |answer, bytes| {
                busy.set_value(false);
                match (answer, bytes) {
                    (Answer::Adopted { name, html }, Some(b)) => {
                        if let Some(e) = el("adopt-result") {
                            e.set_inner_html(html);
                        }
                        tar.set_value(Some((name.clone(), b)));
                        set_ready(true);
                        say("");
                    }
                    (answer, _) => {
                        if let Some(e) = el("adopt-result") {
                            e.set_inner_html("");
                        }
                        let why = match answer {
                            Answer::Error(e) => e.as_str(),
                            _ => "the files could not be adopted.",
                        };
                        say(&format!("Nothing adopted: {why}"));
                    }
                }
            });
        });
    };
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let files = input.files().map(|f| browser::files_of(&f)).unwrap_or_default();
        input.set_value("");
        adopt(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            adopt(browser::files_of(&files));
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if browser::closest(&ev, "#adopt-download").is_some() {
            if let Some((name, bytes)) = tar.get_value() {
                browser::download(&name, "application/x-tar", &bytes);
            }
        }
    };
    view! {
        <section class="tenants adopt" aria-labelledby="adopt-heading" inner_html=HTML
            on:change=on_change on:drop=on_drop on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
            on:click=on_click></section>
    }
}
