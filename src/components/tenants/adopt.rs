//! "Adopt the tenants already running": a repository's files, a folder or one
//! `.tar`/`.zip`, dropped or chosen (a dropped folder walked by `dropped.js`), adopted in
//! the worker exactly as `ixn-portal adopt` adopts them (`worker/src/adopt.rs`): the panel shows the proof, the rows, the base
//! profile and the report the worker renders as HTML, and downloads the files the
//! command writes. Nothing leaves this browser; the page only reads the files and hands
//! them to its worker.
//!
//! The panel is one element of static HTML with delegated handlers, and its results
//! are set as HTML: a Leptos view of the same inputs cost the first load 4 KB brotli,
//! for a view most visits never use.

use crate::browser;
use crate::worker_bridge::{request, warm};
use ixn_core::protocol::{AdoptFile, Answer, Job};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The panel's inputs and places, as HTML (what the worker renders goes in `#adopt-result`).
const HTML: &str = r#"<h3 id="adopt-heading">Adopt the tenants already running</h3>
<p class="help">A Genesys multicloud-services repository, Argo CD Applications, Flux HelmReleases or <code>helm get values</code> outputs, as <code>ixn-portal adopt</code> reads them: a base profile, a tenants file and each tenant's own values file, proved to render every tenant back exactly. The files stay in this browser.</p>
<div id="adopt-drop" class="drop-zone"><span>Drop the files, the repository's folder or a .tar/.zip of it here, or choose</span>
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

/// A file's bytes, or why not.
async fn bytes_of(f: &web_sys::File, path: &str) -> Result<Vec<u8>, String> {
    let buf = wasm_bindgen_futures::JsFuture::from(f.array_buffer())
        .await
        .map_err(|_| format!("{path}: could not be read (a folder? choose it with “a folder”, or drop it)"))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Whether a path is inside a hidden folder or is a hidden file (`.git/`), below the
/// folder chosen: `ixn-portal adopt` does not read those either.
fn hidden(path: &str) -> bool {
    path.split('/').skip(1).any(|s| s.starts_with('.'))
}

/// Each file's path (in its folder when a folder was chosen) and bytes, as the
/// worker's request lists them.
async fn read_all(files: js_sys::Array) -> Result<Vec<AdoptFile>, String> {
    let mut out = Vec::new();
    for f in files.iter().map(JsCast::unchecked_into::<web_sys::File>) {
        let rel = js_sys::Reflect::get(&f, &"webkitRelativePath".into()).ok().and_then(|v| v.as_string());
        let path = rel.filter(|p| !p.is_empty()).unwrap_or_else(|| f.name());
        if hidden(&path) {
            continue;
        }
        let data = bytes_of(&f, &path).await?;
        out.push(AdoptFile { path, data });
    }
    Ok(out)
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/components/tenants/dropped.js")]
extern "C" {
    /// The drop's files, its folders walked (see dropped.js), each with its path as
    /// `webkitRelativePath`, a folder as an empty file at `path/`.
    fn dropped(dt: &web_sys::DataTransfer) -> js_sys::Promise;
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
    // `given`: the files, once read or walked (a drop's folders take a while).
    let adopt = move |given: js_sys::Promise| {
        if busy.get_value() {
            return;
        }
        busy.set_value(true);
        set_ready(false);
        say("Reading the files…");
        leptos::task::spawn_local(async move {
            let read = match wasm_bindgen_futures::JsFuture::from(given).await {
                Ok(list) => read_all(list.into()).await,
                Err(e) => Err(e.as_string().unwrap_or_else(|| "the files could not be read".into())),
            };
            let files = match read {
                Ok(f) if f.is_empty() => {
                    busy.set_value(false);
                    return say("");
                }
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
        // A copy: emptying the input empties its list.
        let files = input.files().map_or_else(js_sys::Array::new, |f| js_sys::Array::from(&f));
        input.set_value("");
        adopt(js_sys::Promise::resolve(&wasm_bindgen::JsValue::from(files)));
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(dt) = ev.data_transfer() {
            adopt(dropped(&dt));
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
            on:click=on_click on:pointerdown=move |_| warm() on:focusin=move |_| warm() on:dragenter=move |_| warm()></section>
    }
}
