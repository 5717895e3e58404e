//! The page's side of the worker wasm (`worker/`): started on first use (the GitOps
//! tab with a Git delivery, a Git delivery's download, the Tenants panel, the Operations
//! tab, the Changes view, a chart values file), so the first load carries neither it
//! nor what it runs: the GitOps generators, batch rendering, the operations runbook,
//! the diffs, the chart file's comment reader and sha256.
//!
//! Requests and answers are the core's protocol types ([`ixn_core::protocol`]), sent
//! as its wire bytes; answers come back as `{msg, bytes}` and are routed to the request's
//! callback by `id`. An [`Answer::Progress`] is not the last one. This is transport
//! only: what the page does with an answer is its asker's business.

use ixn_core::model::Config;
use ixn_core::profile::Profile;
use ixn_core::protocol::{from_wire, to_wire, Answer, Job, Message, Request};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's loader, beside the page (Trunk's `data-loader-shim`).
const LOADER: &str = "ixn-worker_loader.js";

/// What a request's callback gets: the answer and its bytes, if any.
type Callback = Box<dyn FnMut(&Answer, Option<Vec<u8>>)>;

struct Bridge {
    worker: web_sys::Worker,
    ready: bool,
    queue: Vec<Vec<u8>>,
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

/// The chart values file `cfg` is read against (if this page has it), for a request
/// made of `cfg`, so that the worker computes with the user's chart as the page does,
/// not the guide's defaults.
pub fn chart_for(cfg: &Config) -> Option<String> {
    let b = cfg.chart.baseline()?;
    CHARTS.with(|c| c.borrow().get(&b.digest).map(|t| t.to_string()))
}

/// Whether a view's request is on its way, and whether it was asked again since.
#[derive(Debug, Clone, Copy, Default)]
struct InFlight {
    busy: bool,
    again: bool,
}

/// One view's requests: one at a time, and the asks made while one is on its way
/// folded into one, made with the latest answers when it returns (keystrokes
/// coalesce). The one coalescing of the page: every view that asks the worker as the
/// user types uses it.
#[derive(Clone, Copy)]
pub struct Flight(StoredValue<InFlight>);

impl Flight {
    /// No request yet.
    pub fn new() -> Flight {
        Flight(StoredValue::new(InFlight::default()))
    }

    /// Sends the job `make` builds, with its chart values file (none when it gives
    /// `None`), `done` getting each answer (progress first, then the last); or, while
    /// one is on its way, sends it once that one is back.
    pub fn ask(
        self,
        make: impl Fn() -> Option<(Job, Option<String>)> + Copy + 'static,
        done: impl Fn(&Answer) + Copy + 'static,
    ) {
        if self.0.get_value().busy {
            self.0.update_value(|f| f.again = true);
            return;
        }
        let Some((job, chart)) = make() else { return };
        self.0.set_value(InFlight { busy: true, again: false });
        request(job, chart, move |answer, _| {
            done(answer);
            if matches!(answer, Answer::Progress { .. }) {
                return;
            }
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
        c(&Answer::Error(message.to_string()), None);
    }
}

fn on_message(ev: web_sys::MessageEvent) {
    let data = ev.data();
    let wire = js_sys::Reflect::get(&data, &"msg".into())
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
        .map(|a| a.to_vec())
        .unwrap_or_default();
    let (id, answer) = match from_wire::<Message>(&wire) {
        Ok(Message::Answer { id, answer }) => (id, answer),
        Ok(Message::Ready) => {
            BRIDGE.with(|b| {
                if let Some(b) = b.borrow_mut().as_mut() {
                    b.ready = true;
                    for m in b.queue.drain(..) {
                        post(&b.worker, &m);
                    }
                }
            });
            return;
        }
        // Page and worker are built from one protocol type: this is a bug, said.
        Err(e) => return leptos::logging::error!("ixn-portal: a worker message that does not read: {e}"),
    };
    let bytes = js_sys::Reflect::get(&data, &"bytes".into())
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
        .map(|a| a.to_vec());
    let last = !matches!(answer, Answer::Progress { .. });
    // Taken out while it runs: the callback may send a request of its own.
    let callback = BRIDGE.with(|b| b.borrow_mut().as_mut().and_then(|b| b.pending.remove(&id)));
    if let Some(mut c) = callback {
        c(&answer, bytes);
        if !last {
            BRIDGE.with(|b| {
                if let Some(b) = b.borrow_mut().as_mut() {
                    b.pending.insert(id, c);
                }
            });
        }
    }
}

/// Posts a request's wire bytes to the worker.
fn post(worker: &web_sys::Worker, wire: &[u8]) {
    let _ = worker.post_message(&js_sys::Uint8Array::from(wire));
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

/// Starts the worker ahead of a request the user is about to make (they opened a file
/// chooser, or dragged files in): its wasm compiles while they choose, not while it
/// works beside their typing.
pub fn warm() {
    // A failure is said by the request that follows, which tries again.
    BRIDGE.with(|b| {
        let _ = running(&mut b.borrow_mut());
    });
}

/// The bridge, started first if it is not running.
fn running(b: &mut Option<Bridge>) -> Result<&mut Bridge, String> {
    if b.is_none() {
        *b = Some(start()?);
    }
    Ok(b.as_mut().expect("started"))
}

/// Sends `job` (read against the chart values file `chart`, see [`chart_for`]) to the
/// worker, starting it if need be; `callback` gets each answer (progress ones first,
/// then the last).
pub fn request(job: Job, chart: Option<String>, callback: impl FnMut(&Answer, Option<Vec<u8>>) + 'static) {
    let callback: Callback = Box::new(callback);
    let result = BRIDGE.with(move |b| {
        let mut b = b.borrow_mut();
        let bridge = match running(&mut b) {
            Ok(bridge) => bridge,
            Err(e) => return Err((e, callback)),
        };
        let id = bridge.next;
        bridge.next += 1;
        bridge.pending.insert(id, callback);
        let wire = to_wire(&Request { id, chart, job });
        if bridge.ready {
            post(&bridge.worker, &wire);
        } else {
            bridge.queue.push(wire);
        }
        Ok(())
    });
    if let Err((e, mut callback)) = result {
        callback(&Answer::Error(format!("This browser could not start the portal's worker ({e}).")), None);
    }
}

/// The answers as the worker reads them: a profile with the real secrets, read back
/// exactly as `ixn-portal` reads a profile file.
pub fn profile_text(cfg: &Config) -> String {
    Profile::of(cfg, true).to_json_text()
}
