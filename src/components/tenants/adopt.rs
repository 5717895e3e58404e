//! "Adopt the tenants already running": a repository's files, a folder or one
//! `.tar`/`.zip`, dropped or chosen, adopted in the worker exactly as `ixn-portal adopt`
//! adopts them (`worker/src/adopt.rs`): the panel shows the proof, the rows, the base
//! profile and the report the worker renders, and downloads the files the command
//! writes. Nothing leaves this browser; the page only reads the files and hands them
//! to its worker.

use crate::browser;
use crate::worker_bridge::request;
use leptos::prelude::*;
use serde_json::json;
use wasm_bindgen::JsCast;

/// The most the files may weigh together: a repository of a thousand tenants is a few MB.
const MAX_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

/// Each file's path (in its folder when a folder was chosen) and bytes, or why not.
async fn read_all(files: Vec<web_sys::File>) -> Result<Vec<(String, Vec<u8>)>, String> {
    if files.iter().map(|f| f.size()).sum::<f64>() > MAX_BYTES {
        return Err("The files weigh more than 64 MB together; adopt them with ixn-portal adopt.".into());
    }
    let mut out = Vec::new();
    for f in files {
        let rel = js_sys::Reflect::get(&f, &"webkitRelativePath".into()).ok().and_then(|v| v.as_string());
        let path = rel.filter(|p| !p.is_empty()).unwrap_or_else(|| f.name());
        let buf = wasm_bindgen_futures::JsFuture::from(f.array_buffer())
            .await
            .map_err(|_| format!("{path}: could not be read (a folder? choose it with “a folder”)"))?;
        out.push((path, js_sys::Uint8Array::new(&buf).to_vec()));
    }
    Ok(out)
}

/// The panel.
#[component]
pub fn AdoptPanel() -> impl IntoView {
    let html = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let tar: StoredValue<Option<(String, Vec<u8>)>> = StoredValue::new(None);
    let ready = RwSignal::new(false);
    let adopt = move |files: Vec<web_sys::File>| {
        if files.is_empty() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        ready.set(false);
        status.set(format!("Reading {}…", ixn_core::wording::count(files.len(), "file")));
        leptos::task::spawn_local(async move {
            let read = match read_all(files).await {
                Ok(r) => r,
                Err(e) => {
                    busy.set(false);
                    status.set(e);
                    return;
                }
            };
            use base64::Engine;
            let files: Vec<_> = read
                .iter()
                .map(|(p, d)| json!({"path": p, "data": base64::engine::general_purpose::STANDARD.encode(d)}))
                .collect();
            status.set("Adopting in the background…".into());
            request(json!({"op": "adopt", "files": files}), move |reply, bytes| {
                busy.set(false);
                match (reply["html"].as_str(), bytes) {
                    (Some(h), Some(b)) => {
                        html.set(h.into());
                        tar.set_value(Some((reply["name"].as_str().unwrap_or("adopted.tar").into(), b)));
                        ready.set(true);
                        status.set(String::new());
                    }
                    _ => {
                        html.set(String::new());
                        status.set(format!(
                            "Nothing adopted: {}",
                            reply["error"].as_str().unwrap_or("the files could not be adopted.")
                        ));
                    }
                }
            });
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
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
    let download = move |_| {
        if let Some((name, bytes)) = tar.get_value() {
            browser::download(&name, "application/x-tar", &bytes);
        }
    };
    view! {
        <section class="tenants adopt" aria-labelledby="adopt-heading">
            <h3 id="adopt-heading">"Adopt the tenants already running"</h3>
            <p class="help">"A Genesys multicloud-services repository, Argo CD Applications, Flux HelmReleases or " <code>"helm get values"</code> " outputs, as " <code>"ixn-portal adopt"</code> " reads them: a base profile, a tenants file and each tenant's own values file, proved to render every tenant back exactly. The files stay in this browser."</p>
            <div id="adopt-drop" class="drop-zone" on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                <span>"Drop the files or a .tar/.zip of the repository here, or choose "</span>
                <label for="adopt-files" class="inline-label">"files"</label>
                <input id="adopt-files" type="file" multiple name="adopt.files" accept=".yaml,.yml,.tar,.tgz,.gz,.zip,.ver" on:change=on_pick/>
                <label for="adopt-folder" class="inline-label">"or a folder"</label>
                <input id="adopt-folder" type="file" multiple prop:webkitdirectory=true name="adopt.folder" on:change=on_pick/>
            </div>
            <div id="adopt-result" aria-live="polite" inner_html=move || html.get()></div>
            <div class="inline">
                <button type="button" id="adopt-download" disabled=move || !ready.get() || busy.get() on:click=download>"Download base, tenants and values (.tar)"</button>
                <span class="copied" role="status" id="adopt-status">{move || status.get()}</span>
            </div>
        </section>
    }
}
