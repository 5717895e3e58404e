//! The page's side of the worker wasm (`worker/`): started on first use (the GitOps
//! tab with a Git delivery, a Git delivery's download, the Tenants panel, the Operations
//! tab, the Changes view, a chart values file), so the first load carries neither it
//! nor what it runs: the GitOps generators, batch rendering, the operations runbook,
//! the diffs, the chart file's comment reader and sha256.
//!
//! Requests are JSON text; replies come back as `{json, bytes}` and are routed to the
//! request's callback by `id`. A reply with `progress` is not the last one.

use ixn_core::generate::values_yaml::{Form, ValuesOptions};
use ixn_core::model::Config;
use ixn_core::profile::Profile;
use leptos::prelude::*;
use serde_json::{json, Value as Json};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's loader, beside the page (Trunk's `data-loader-shim`).
const LOADER: &str = "ixn-worker_loader.js";

/// What a request's callback gets: the reply's JSON and its bytes, if any.
type Callback = Box<dyn FnMut(&Json, Option<Vec<u8>>)>;

struct Bridge {
    worker: web_sys::Worker,
    ready: bool,
    queue: Vec<String>,
    pending: HashMap<u64, Callback>,
    next: u64,
}

thread_local! {
    static BRIDGE: RefCell<Option<Bridge>> = const { RefCell::new(None) };
    // Every chart values file used in this page, by digest: requests carry the one
    // their answers are read against (answers and links name it by digest only).
    static CHARTS: RefCell<HashMap<String, std::rc::Rc<str>>> = RefCell::new(HashMap::new());
}

/// The chart values file of `digest`, if this page has used it.
pub fn kept_chart(digest: &str) -> Option<std::rc::Rc<str>> {
    CHARTS.with(|c| c.borrow().get(digest).cloned())
}

/// Remembers `text`, the chart values file of `digest`, for the requests made against it.
pub fn keep_chart(digest: &str, text: &str) {
    CHARTS.with(|c| c.borrow_mut().insert(digest.to_string(), text.into()));
}

/// `request` with the chart values file `cfg` is read against (if any), so that the
/// worker computes with the user's chart as the page does, not the guide's defaults.
pub fn with_chart(mut request: Json, cfg: &Config) -> Json {
    if let Some(b) = cfg.chart.baseline() {
        if let Some(text) = CHARTS.with(|c| c.borrow().get(&b.digest).cloned()) {
            request["chart"] = json!(&*text);
        }
    }
    request
}

/// Whether a view's request is on its way, and whether it was asked again since.
#[derive(Debug, Clone, Copy, Default)]
struct InFlight {
    busy: bool,
    again: bool,
}

/// One view's requests: one at a time, and the asks made while one is on its way
/// folded into one, made with the latest answers when it returns (keystrokes coalesce).
#[derive(Clone, Copy)]
pub struct Flight(StoredValue<InFlight>);

impl Flight {
    /// No request yet.
    pub fn new() -> Flight {
        Flight(StoredValue::new(InFlight::default()))
    }

    /// Sends the request `make` builds (none when it gives `None`), `done` getting the
    /// reply; or, while one is on its way, sends it once that one is back.
    pub fn ask(self, make: impl Fn() -> Option<Json> + Copy + 'static, done: impl Fn(&Json) + Copy + 'static) {
        if self.0.get_value().busy {
            self.0.update_value(|f| f.again = true);
            return;
        }
        let Some(req) = make() else { return };
        self.0.set_value(InFlight { busy: true, again: false });
        request(req, move |reply, _| {
            done(reply);
            let again = self.0.get_value().again;
            self.0.set_value(InFlight::default());
            if again {
                self.ask(make, done);
            }
        });
    }
}

impl Default for Flight {
    fn default() -> Self {
        Flight::new()
    }
}

/// Every pending request fails with `message` (the worker could not start or crashed).
fn fail_all(message: &str) {
    let pending: Vec<Callback> = BRIDGE
        .with(|b| b.borrow_mut().as_mut().map(|b| b.pending.drain().map(|(_, c)| c).collect()).unwrap_or_default());
    for mut c in pending {
        c(&json!({ "error": message }), None);
    }
}

fn on_message(ev: web_sys::MessageEvent) {
    let data = ev.data();
    let text = js_sys::Reflect::get(&data, &"json".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    let reply: Json = serde_json::from_str(&text).unwrap_or(Json::Null);
    if reply["ready"] == true {
        BRIDGE.with(|b| {
            if let Some(b) = b.borrow_mut().as_mut() {
                b.ready = true;
                for m in b.queue.drain(..) {
                    let _ = b.worker.post_message(&m.into());
                }
            }
        });
        return;
    }
    let bytes = js_sys::Reflect::get(&data, &"bytes".into())
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
        .map(|a| a.to_vec());
    let Some(id) = reply["id"].as_u64() else { return };
    let last = reply.get("progress").is_none();
    // Taken out while it runs: the callback may send a request of its own.
    let callback = BRIDGE.with(|b| b.borrow_mut().as_mut().and_then(|b| b.pending.remove(&id)));
    if let Some(mut c) = callback {
        c(&reply, bytes);
        if !last {
            BRIDGE.with(|b| {
                if let Some(b) = b.borrow_mut().as_mut() {
                    b.pending.insert(id, c);
                }
            });
        }
    }
}

fn start() -> Result<Bridge, String> {
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(LOADER, &opts).map_err(|e| format!("{e:?}"))?;
    let handler = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(on_message);
    worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|_| {
        fail_all("The portal's worker failed (reload the page to try again).");
        BRIDGE.with(|b| *b.borrow_mut() = None);
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Ok(Bridge { worker, ready: false, queue: Vec::new(), pending: HashMap::new(), next: 1 })
}

/// Sends `request` (a JSON object; its `id` is set here) to the worker, starting it
/// if need be; `callback` gets each reply (progress ones first, then the last).
pub fn request(mut request: Json, callback: impl FnMut(&Json, Option<Vec<u8>>) + 'static) {
    let callback: Callback = Box::new(callback);
    let result = BRIDGE.with(move |b| {
        let mut b = b.borrow_mut();
        if b.is_none() {
            match start() {
                Ok(started) => *b = Some(started),
                Err(e) => return Err((e, callback)),
            }
        }
        let bridge = b.as_mut().expect("started");
        let id = bridge.next;
        bridge.next += 1;
        request["id"] = json!(id);
        bridge.pending.insert(id, callback);
        let text = request.to_string();
        if bridge.ready {
            let _ = bridge.worker.post_message(&text.into());
        } else {
            bridge.queue.push(text);
        }
        Ok(())
    });
    if let Err((e, mut callback)) = result {
        callback(&json!({ "error": format!("This browser could not start the portal's worker ({e}).") }), None);
    }
}

/// The answers as the worker reads them: a profile with the real secrets, read back
/// exactly as `ixn-portal` reads a profile file.
pub fn profile_text(cfg: &Config) -> String {
    Profile::of(cfg, true).to_json_text()
}

/// The request fields of the values options.
pub fn with_options(mut request: Json, opts: ValuesOptions) -> Json {
    request["form"] = json!(if opts.form == Form::Full { "full" } else { "minimal" });
    request["comments"] = json!(opts.comments);
    request["schemaLine"] = json!(opts.schema_line);
    request
}

/// "Download everything": Script mode's three files from the page's own artifacts, a
/// Git delivery's tree from the worker. Either way the same core function as
/// `ixn-portal render` made the bytes.
pub fn download_everything(ui: crate::state::Ui) {
    let cfg = ui.config.get_untracked();
    let opts = ui.values_options();
    if cfg.deploy.delivery == ixn_core::model::Delivery::Script {
        leptos::task::spawn_local(async move {
            // The schema is a file beside the page, fetched now: it is not in the first load.
            let Some(schema) = crate::browser::fetch_text(ixn_core::chart::SCHEMA_FILE).await else {
                ui.notice.set(Some(crate::state::Notice::problem(
                    "Nothing was downloaded: values.schema.json could not be fetched from this site. Reload the page and try again.",
                )));
                return;
            };
            let d = ui.unmasked.with_untracked(|a| ixn_core::artifacts::Download::of(&cfg, a, &schema));
            crate::browser::download(&d.tar_name(), "application/x-tar", &d.tar());
        });
        return;
    }
    let req = with_chart(json!({"op": "download", "profile": profile_text(&cfg)}), &cfg);
    request(with_options(req, opts), move |reply, bytes| match (reply["name"].as_str(), bytes) {
        (Some(name), Some(b)) => crate::browser::download(name, "application/x-tar", &b),
        _ => ui.notice.set(Some(crate::state::Notice::problem(
            reply["error"].as_str().unwrap_or("The download could not be made.").to_string(),
        ))),
    });
}
