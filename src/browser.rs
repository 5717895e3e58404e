//! The few browser APIs the portal uses: the URL fragment, the clipboard, downloads,
//! storage, files and compression. gloo does what it does the same way: gloo-utils
//! for the window and document, gloo-file for blobs, object URLs and reading files.
//! web-sys stays where gloo has nothing (clipboard, history, focus, scrolling,
//! compression streams) and for storage: gloo-storage throws when the browser
//! refuses localStorage (a privacy setting), where the portal must carry on and say
//! so, and it would JSON-encode what is already the profile's own text.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    // The Compression Streams API, in every current browser but still behind web-sys'
    // unstable flag: bound here, the one constructor the portal needs.
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// `data`, a raw DEFLATE stream, inflated by the browser; `None` when it is not
/// valid DEFLATE, inflates past `limit` bytes (read in chunks, so a deflate bomb
/// stops there) or the browser has no decompressor.
pub async fn inflate_raw(data: &[u8], limit: usize) -> Option<Vec<u8>> {
    use wasm_bindgen_futures::JsFuture;
    let inflater = DecompressionStream::new("deflate-raw").ok()?;
    let blob = web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&js_sys::Uint8Array::from(data))).ok()?;
    let stream = blob.stream().pipe_through(inflater.unchecked_ref::<web_sys::ReadableWritablePair>());
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.ok()?;
        if js_sys::Reflect::get(&chunk, &"done".into()).ok()?.as_bool() != Some(false) {
            return Some(out);
        }
        let bytes: js_sys::Uint8Array = js_sys::Reflect::get(&chunk, &"value".into()).ok()?.dyn_into().ok()?;
        if out.len() + bytes.length() as usize > limit {
            let _ = reader.cancel();
            return None;
        }
        out.extend(bytes.to_vec());
    }
}

/// `data` as a raw DEFLATE stream (RFC 1951), by the browser's own compressor (so no
/// compressor ships in the wasm); `None` where the browser has none.
pub async fn deflate_raw(data: &[u8]) -> Option<Vec<u8>> {
    let compressor = CompressionStream::new("deflate-raw").ok()?;
    let blob = web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&js_sys::Uint8Array::from(data))).ok()?;
    let compressed = blob.stream().pipe_through(compressor.unchecked_ref::<web_sys::ReadableWritablePair>());
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&compressed)).ok()?;
    let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The URL fragment without `#`.
pub fn hash() -> String {
    gloo_utils::window().location().hash().map(|h| h.trim_start_matches('#').to_string()).unwrap_or_default()
}

/// Sets the URL fragment, adding a history entry (so back and forward walk the steps).
pub fn set_hash(h: &str) {
    let _ = gloo_utils::window().location().set_hash(h);
}

/// Copies `text` to the clipboard; resolves to whether it worked.
pub async fn copy(text: String) -> bool {
    let promise = gloo_utils::window().navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Offers `bytes` as a file download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
    // The object URL is revoked when `url` drops, after the click started the download.
    let url = gloo_file::ObjectUrl::from(gloo_file::Blob::new_with_options(bytes, Some(mime)));
    if let Ok(a) = gloo_utils::document().create_element("a").map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
}

/// Moves focus to the element with this id on the next frame, once a step that was
/// just shown is in the layout (a hidden element cannot take focus).
pub fn focus_soon(id: String) {
    leptos::prelude::request_animation_frame(move || focus(&id));
}

/// Moves focus to the element with this id and scrolls it into view.
pub fn focus(id: &str) {
    if let Some(el) =
        gloo_utils::document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
        el.scroll_into_view();
    }
}

/// The element matching `selector` at or above the event's target. One handler on a
/// container serves every button and link inside it, as in HTML the worker rendered.
pub fn closest(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest(selector).ok().flatten())
}

/// The outer HTML of the element with this id (for exporting the map as SVG).
pub fn outer_html(id: &str) -> Option<String> {
    gloo_utils::document().get_element_by_id(id).map(|e| e.outer_html())
}

/// Sets `data-theme` on the root element (`auto` removes it: the OS decides).
pub fn set_theme(theme: &str) {
    let root = gloo_utils::document_element();
    let _ = if theme == "auto" { root.remove_attribute("data-theme") } else { root.set_attribute("data-theme", theme) };
}

/// Scrolls the element matching `selector` into view inside its scroll container,
/// without moving the page vertically more than needed.
pub fn reveal(selector: &str) {
    if let Ok(Some(el)) = gloo_utils::document().query_selector(selector) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
        opts.set_inline(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// The page's address without its fragment.
pub fn page_url() -> String {
    gloo_utils::window()
        .location()
        .href()
        .map(|h| h.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// Replaces the fragment without a new history entry.
pub fn replace_hash(h: &str) {
    if let Ok(history) = gloo_utils::window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{h}")));
    }
}

fn storage() -> Option<web_sys::Storage> {
    gloo_utils::window().local_storage().ok()?
}

/// Reads a localStorage item.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// Writes a localStorage item; false when storage is unavailable or full.
pub fn save(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Removes a localStorage item.
pub fn forget(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// The files of a list, taken out of it (a `FileList` is live: clearing its input
/// empties it).
pub fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The text of every file, with names, in order.
pub async fn read_files(files: Vec<web_sys::File>) -> Vec<(String, Result<String, String>)> {
    let mut out = Vec::new();
    for f in files.into_iter().map(gloo_file::File::from) {
        let name = f.name();
        // A file over 1 MB is refused by the importer anyway: do not read 20 MB into memory.
        if f.size() > 1024 * 1024 {
            out.push((name, Err(format!("the file is {} KB; the limit is 1024 KB", f.size() / 1024))));
            continue;
        }
        // The Blob's own text() promise: gloo-file's FileReader future does the same
        // with callbacks and a channel, 1.3 KB more brotli (measured).
        let text = wasm_bindgen_futures::JsFuture::from(web_sys::Blob::from(gloo_file::Blob::from(f)).text()).await;
        out.push((name, text.ok().and_then(|t| t.as_string()).ok_or_else(|| "could not be read".to_string())));
    }
    out
}

/// The text of a file beside the page (`values.schema.json`), or `None` when it cannot
/// be fetched.
pub async fn fetch_text(url: &str) -> Option<String> {
    use wasm_bindgen_futures::JsFuture;
    let response: web_sys::Response =
        JsFuture::from(web_sys::window()?.fetch_with_str(url)).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

/// Whether the window is a phone's width: below 600 px, where the stylesheet's phone
/// rules apply (the architecture map takes its narrow arrangement).
pub fn narrow() -> bool {
    gloo_utils::window().inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w <= 600.0)
}
