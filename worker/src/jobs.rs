//! The worker's jobs, as plain Rust: a request (JSON text) in, replies out through
//! `reply` (JSON text, and the bytes of a `.tar`). No browser API here.
//!
//! Requests carry the answers as profile JSON with the real secrets (they stay in this
//! browser: the worker is part of the page), read exactly as `ixn-portal` reads a
//! profile file, so the portal's downloads equal the command line's by construction.
//!
//! - `tree`: the Git delivery's files of `masked` (what the GitOps tab shows) and of
//!   `profile` (what its copy and download buttons carry).
//! - `download`: "Download everything" as a `.tar`.
//! - `check`: a tenants file over the base `profile`: every row's report, as the
//!   Tenants panel's HTML, and how many rows are ready.
//! - `batch`: "Download all tenants": every good row rendered, as one `.tar` laid out
//!   like `ixn-portal batch --keep-going --out DIR`.
//!
//! - `baseline`: a chart's values file (`text`) read as `ixn-portal render --chart`
//!   reads it: its digest and the comment above each key, or where it does not read.
//!   The page builds its light form of the baseline from these.
//! - `operations`: the Operations tab's sections as HTML, of `masked` and of `profile`,
//!   and the real scripts its Copy and Download carry.
//! - `metrics`: the table of the supported metrics matching `query`, as HTML.
//! - `changes`: the Changes view of `profile` against the chart defaults, or the
//!   deployed release or the next version (`pasted`).
//! - `contract`: a rendering of the chart (`text`) checked against `profile`: the
//!   findings, at their fields (never any of the text); without `text`, the commands
//!   that make one, as HTML.
//!
//! Any request may carry `chart`, the text of the chart values file the answers name
//! by digest: the answers are then read against it, as `--chart FILE` does.
//!
//! Long jobs reply `{"id", "progress": [done, total]}` every [`CHUNK`] rows.

use ixn_core::artifacts::{download, operations, with_gitops};
use ixn_core::batch::{render, Batch, RowReport, Tenants};
use ixn_core::chart::{
    against_defaults, against_deployed, against_next, compared_values, defaults_tree, Note, Piece, Report,
};
use ixn_core::generate::gitops::Tree;
use ixn_core::generate::values_yaml::{Form, ValuesOptions};
use ixn_core::model::Config;
use ixn_core::model::{Baseline, ChartValues};
use ixn_core::operations::{metrics, Section};
use ixn_core::profile::Profile;
use serde_json::{json, Value as Json};
use std::cell::RefCell;
use std::sync::Arc;

/// Rows between two progress replies.
pub const CHUNK: usize = 50;

/// Where replies go: JSON text, and the bytes of a file when there is one.
pub type Reply<'a> = &'a mut dyn FnMut(String, Option<Vec<u8>>);

thread_local! {
    // The last chart file read, by its text: requests carry it with every keystroke.
    static CHART: RefCell<Option<(String, Arc<Baseline>)>> = const { RefCell::new(None) };
}

/// The chart values file `text`, read (the last one is kept).
fn baseline(text: &str) -> Result<Arc<Baseline>, String> {
    if let Some(b) = CHART.with(|c| c.borrow().as_ref().filter(|(t, _)| t == text).map(|(_, b)| b.clone())) {
        return Ok(b);
    }
    let b = Arc::new(Baseline::read(text).map_err(|e| e.to_string())?);
    CHART.with(|c| *c.borrow_mut() = Some((text.to_string(), b.clone())));
    Ok(b)
}

/// The answers of `field`, read against the request's chart values file when it is
/// the one they name (as `ixn-portal render --chart FILE` reads them).
fn config(req: &Json, field: &str) -> Result<Config, String> {
    let text = req[field].as_str().ok_or_else(|| format!("no {field} in the request"))?;
    let mut cfg =
        Profile::parse(text).and_then(|p| p.to_config()).map_err(|e| format!("the answers do not read: {e}"))?;
    if let Some(chart) = req["chart"].as_str().filter(|_| !cfg.chart.digest.is_empty()) {
        let b = baseline(chart).map_err(|e| format!("your chart's values do not read: {e}"))?;
        if b.digest == cfg.chart.digest {
            let keep = std::mem::take(&mut cfg.chart.keep);
            cfg.chart = ChartValues { keep, digest: b.digest.clone(), baseline: Some(b) };
        }
    }
    Ok(cfg)
}

/// `contract`: the pasted or uploaded rendering (`text`: `helm template` output or
/// `kubectl get … -o yaml`) checked against the answers, as `ixn-portal verify` checks
/// it. The reply holds the findings and how many objects were read, never the text: a
/// Secret's data is dropped as the stream is read, so no reply can carry it.
fn contract(id: &Json, cfg: &Config, text: Option<&str>) -> Json {
    let Some(text) = text else {
        return json!({"id": id, "commands": crate::operations_html::chart_check_commands(cfg)});
    };
    match ixn_core::contract::read_stream(text) {
        Ok(objects) => {
            let mut findings = ixn_core::contract::check_objects(cfg, &objects);
            findings.extend(ixn_core::contract::not_ready(cfg, &objects));
            json!({"id": id, "objects": objects.len(), "findings": findings})
        }
        Err(e) => json!({"id": id, "error": format!("The text does not read as Kubernetes objects: {e}")}),
    }
}

/// What the Operations tab's Copy and Download carry (the real secrets): each
/// section's whole script, and each item's commands or query.
fn sections_json(sections: &[Section]) -> Json {
    Json::Array(
        sections
            .iter()
            .map(|s| {
                json!({
                    "id": s.id,
                    "script": ixn_core::operations::section_script(s),
                    "items": s.items.iter().map(|i| i.script.as_ref().or(i.query.as_ref())).collect::<Vec<_>>(),
                })
            })
            .collect(),
    )
}

fn notes_json(notes: &[Note]) -> Vec<String> {
    notes.iter().map(Note::line).collect()
}

/// The Changes view's report: each line with the registry key (or other chart key)
/// it links to, its step, and its text after the path.
fn report_json(r: &Report, show: bool) -> Json {
    let (added, removed, changed) = r.counts();
    json!({
        "summary": format!("Against {}: {added} added, {removed} removed, {changed} changed.", r.title()),
        "changes": r.changes.iter().map(|c| {
            let line = c.line(show);
            let (step, field) = match c.key {
                Some(k) => (k.step, k.path.to_string()),
                // A key the registry does not know: an other chart key, edited in "Your chart".
                None => (ixn_core::registry::Step::Chart, c.dotted()),
            };
            json!({
                "kind": c.kind.sign_word(),
                "sign": c.kind.sign().to_string(),
                "step": step.slug(),
                "field": field,
                "path": c.dotted(),
                "rest": line[line.find(": ").unwrap_or(line.len())..],
                "within": c.within(show).map(|p| within_html(&p)),
            })
        }).collect::<Vec<_>>(),
        "warnings": notes_json(&r.warnings),
        "decisions": notes_json(&r.decisions),
        "text": r.text(show),
    })
}

/// A text changed inside, as HTML: what stayed, `<del>` what went, `<ins>` what came.
fn within_html(pieces: &[Piece]) -> String {
    let esc = crate::operations_html::escape;
    pieces
        .iter()
        .map(|p| match p {
            Piece::Same(t) => esc(t).to_string(),
            Piece::Gone(t) => format!("<del>{}</del>", esc(t)),
            Piece::New(t) => format!("<ins>{}</ins>", esc(t)),
        })
        .collect()
}

/// The Changes view's comparison, or why there is none.
fn changes(req: &Json) -> Result<Json, String> {
    let cfg = config(req, "profile")?;
    let against = req["against"].as_str().unwrap_or("defaults");
    let other = match against {
        "deployed" | "next" => {
            let t = req["pasted"].as_str().unwrap_or_default();
            Some(Baseline::read(t).map_err(|e| format!("The pasted values do not read: {e}"))?.tree)
        }
        _ => None,
    };
    let values = compared_values(&cfg);
    let defaults = defaults_tree(&cfg);
    let report = match (against, other) {
        ("deployed", Some(d)) => against_deployed(&defaults, &values, &d),
        ("next", Some(n)) => against_next(&defaults, &n, &values),
        _ => against_defaults(&defaults, &values),
    };
    Ok(report_json(&report, req["show"].as_bool().unwrap_or(false)))
}

fn options(req: &Json) -> ValuesOptions {
    ValuesOptions {
        form: if req["form"] == "full" { Form::Full } else { Form::Minimal },
        comments: req["comments"].as_bool().unwrap_or(false),
        schema_line: req["schemaLine"].as_bool().unwrap_or(false),
    }
}

fn tree_json(t: &Tree) -> Json {
    json!({
        "files": t.files.iter().map(|f| json!({"path": f.path, "text": f.text})).collect::<Vec<_>>(),
        "seed": t.seed,
    })
}

/// The batch of the request, or why there is none.
fn batch_of(req: &Json) -> Result<Batch, String> {
    let base = config(req, "profile")?;
    let file = req["file"].as_str().unwrap_or("tenants.csv");
    let text = req["tenants"].as_str().unwrap_or_default();
    let tenants = Tenants::parse(file, text).map_err(|e| e.to_string())?;
    if tenants.rows.is_empty() {
        return Err(format!("{file}: no tenant rows"));
    }
    Ok(Batch::new(base, tenants))
}

/// Every row checked, with progress; collisions last.
fn check(id: &Json, batch: &Batch, reply: Reply) -> Vec<RowReport> {
    let n = batch.len();
    let mut reports = Vec::with_capacity(n);
    for i in 0..n {
        reports.push(batch.check_row(i, &|_| {}));
        if (i + 1) % CHUNK == 0 && i + 1 < n {
            reply(json!({"id": id, "progress": [i + 1, n], "stage": "checking"}).to_string(), None);
        }
    }
    batch.finish(&mut reports);
    reports
}

/// Runs one request, replying through `reply`.
pub fn run(request: &str, reply: Reply) {
    let req: Json = serde_json::from_str(request).unwrap_or(Json::Null);
    let id = req["id"].clone();
    let fail = |reply: Reply, message: String| reply(json!({"id": id, "error": message}).to_string(), None);
    match req["op"].as_str() {
        Some("tree") => {
            let (shown, unmasked) = match (config(&req, "masked"), config(&req, "profile")) {
                (Ok(m), Ok(u)) => (m, u),
                (Err(e), _) | (_, Err(e)) => return fail(reply, e),
            };
            let opts = options(&req);
            let tree = |c: &Config| with_gitops(c, opts).gitops.as_ref().map(tree_json).unwrap_or(Json::Null);
            reply(json!({"id": id, "shown": tree(&shown), "unmasked": tree(&unmasked)}).to_string(), None);
        }
        Some("contract") => match config(&req, "profile") {
            Ok(cfg) => reply(contract(&id, &cfg, req["text"].as_str()).to_string(), None),
            Err(e) => fail(reply, e),
        },
        Some("download") => match config(&req, "profile") {
            Ok(cfg) => {
                let d = download(&cfg, options(&req));
                reply(json!({"id": id, "name": d.tar_name()}).to_string(), Some(d.tar()));
            }
            Err(e) => fail(reply, e),
        },
        Some("check") => match batch_of(&req) {
            Ok(batch) => {
                let reports = check(&id, &batch, reply);
                let file = req["file"].as_str().unwrap_or("tenants");
                let ready = reports.iter().filter(|r| !r.failed()).count();
                let html = crate::tenants_html::report(file, &reports);
                reply(json!({"id": id, "html": html, "ready": ready}).to_string(), None);
            }
            Err(e) => fail(reply, e),
        },
        Some("batch") => match batch_of(&req) {
            Ok(batch) => {
                let reports = check(&id, &batch, reply);
                let opts = options(&req);
                let rendered: Vec<bool> = reports.iter().map(|r| !r.failed()).collect();
                let delivery = batch.base.deploy.delivery;
                let width = render::row_width(reports.last().map_or(0, |r| r.row));
                let total = rendered.iter().filter(|&&r| r).count();
                let (mut files, mut parts, mut done) = (Vec::new(), Vec::new(), 0);
                for (i, r) in reports.iter().enumerate().filter(|(i, _)| rendered[*i]) {
                    let Ok(cfg) = batch.config(i) else { continue };
                    // The same per-row function `ixn-portal batch` calls.
                    let out = render::row(&cfg, r, delivery, opts, width);
                    files.extend(out.files);
                    parts.push(out.part);
                    done += 1;
                    if done % CHUNK == 0 && done < total {
                        reply(json!({"id": id, "progress": [done, total], "stage": "rendering"}).to_string(), None);
                    }
                }
                match render::shared(&reports, &rendered, &parts, delivery) {
                    Ok(shared) => {
                        files.extend(shared);
                        let failed = reports.len() - total;
                        // The tree `ixn-portal batch` writes, through the same tar sink.
                        let tree = render::tree(files);
                        reply(
                            json!({"id": id, "name": tree.tar_name(), "rendered": total, "failed": failed}).to_string(),
                            Some(tree.tar()),
                        );
                    }
                    Err(e) => fail(reply, e.to_string()),
                }
            }
            Err(e) => fail(reply, e),
        },
        Some("baseline") => {
            let text = req["text"].as_str().unwrap_or_default();
            match baseline(text) {
                Ok(b) => {
                    let help: Vec<Json> = b.help.iter().map(|(p, t)| json!([p, t])).collect();
                    reply(json!({"id": id, "digest": b.digest, "help": help}).to_string(), None);
                }
                Err(e) => fail(reply, e),
            }
        }
        Some("operations") => match (config(&req, "masked"), config(&req, "profile")) {
            (Ok(m), Ok(u)) => {
                let (shown, real) = (operations(&m), operations(&u));
                reply(
                    json!({
                        "id": id,
                        "shown": crate::operations_html::sections(&shown),
                        "real": crate::operations_html::sections(&real),
                        "unmasked": sections_json(&real),
                    })
                    .to_string(),
                    None,
                )
            }
            (Err(e), _) | (_, Err(e)) => fail(reply, e),
        },
        Some("metrics") => {
            let rows = metrics::search(req["query"].as_str().unwrap_or_default());
            reply(json!({"id": id, "html": crate::operations_html::metrics(&rows)}).to_string(), None);
        }
        Some("changes") => match changes(&req) {
            Ok(r) => reply(json!({"id": id, "report": r}).to_string(), None),
            Err(e) => fail(reply, e),
        },
        _ => fail(reply, format!("unknown request {:?}", req["op"])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ixn_core::model::Delivery;

    // The chart file the user works against: its own replicaCount default, and no log
    // sidecar keys (left out of the output unless kept).
    const CHART: &str = "replicaCount: 0\nimage:\n  registry: my.registry\n  pullPolicy: IfNotPresent\n";

    fn run_one(req: Json) -> (Json, Option<Vec<u8>>) {
        let mut out = None;
        run(&req.to_string(), &mut |json, bytes| out = Some((serde_json::from_str(&json).unwrap(), bytes)));
        out.expect("a reply")
    }

    // The profile names the chart by digest only: the request's chart file makes the
    // worker read the answers against it, as `ixn-portal render --chart FILE` does.
    #[test]
    fn git_downloads_are_made_against_the_chart_file_the_request_carries() {
        let mut cfg = Config::guide_sample();
        cfg.deploy.delivery = Delivery::Argocd;
        cfg.chart = ChartValues::of(Baseline::read(CHART).unwrap());
        let profile = Profile::of(&cfg, true).to_json_text();
        let expected = download(&cfg, ValuesOptions::default());
        let (reply, tar) = run_one(json!({"op": "download", "profile": profile, "chart": CHART, "id": 1}));
        assert_eq!(reply["name"], "ixn-100.tar");
        assert_eq!(tar.as_deref(), Some(expected.tar().as_slice()));
        // Without the file, the guide's defaults: not the same files.
        let (_, guide) = run_one(json!({"op": "download", "profile": profile, "id": 2}));
        assert_ne!(guide.as_deref(), Some(expected.tar().as_slice()));
        // Another file than the one the answers name is not used.
        let (_, other) = run_one(json!({"op": "download", "profile": profile, "chart": "replicaCount: 1\n", "id": 3}));
        assert_eq!(other, guide);
    }

    #[test]
    fn a_chart_file_gives_its_digest_and_comments_or_where_it_does_not_read() {
        let (reply, _) = run_one(json!({"op": "baseline", "text": "# -- Replicas.\nreplicaCount: 0\n", "id": 1}));
        assert_eq!(reply["digest"], ixn_core::model::digest_of("# -- Replicas.\nreplicaCount: 0\n"));
        assert_eq!(reply["help"], json!([[["replicaCount"], "Replicas."]]));
        let (reply, _) = run_one(json!({"op": "baseline", "text": "a: b\n  c: d\n", "id": 2}));
        assert!(reply["error"].as_str().unwrap().starts_with("2:"), "{reply}");
    }
}
