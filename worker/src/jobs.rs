//! The worker's jobs, as plain Rust: a [`Request`] in, [`Answer`]s out through
//! `reply` (with the bytes of a `.tar` when there is one). No browser API here; the
//! types are the core's [`ixn_core::protocol`], shared with the page.
//!
//! Requests carry the answers as profile JSON with the real secrets (they stay in this
//! browser: the worker is part of the page), read exactly as `ixn-portal` reads a
//! profile file, so the portal's downloads equal the command line's by construction.
//! Any request may carry `chart`, the text of the chart values file the answers name
//! by digest: the answers are then read against it, as `--chart FILE` does.
//!
//! Long jobs answer [`Answer::Progress`] every [`CHUNK`] rows.

use ixn_core::artifacts::operations;
use ixn_core::batch::secrets::Secrets;
use ixn_core::batch::{render, Batch, RowReport, Tenants};
use ixn_core::chart::{
    against_defaults, against_deployed, against_next, compared_values, defaults_tree, Against, Note, Piece, Report,
};
use ixn_core::delivery::{download, with_gitops};
use ixn_core::model::Config;
use ixn_core::model::{Baseline, ChartValues};
use ixn_core::operations::{metrics, Section};
use ixn_core::profile::Profile;
use ixn_core::protocol::{Answer, ChangeLine, ChangesReport, ContractFinding, Job, Request, SectionScripts};
use ixn_core::validate::Severity;
use std::cell::RefCell;
use std::sync::Arc;

/// Rows between two progress answers.
pub const CHUNK: usize = 50;

/// Where answers go, with the bytes of a file when there is one.
pub type Reply<'a> = &'a mut dyn FnMut(Answer, Option<Vec<u8>>);

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

/// The answers `text`, read against the request's chart values file when it is the
/// one they name (as `ixn-portal render --chart FILE` reads them).
fn config(text: &str, chart: Option<&str>) -> Result<Config, String> {
    let mut cfg =
        Profile::parse(text).and_then(|p| p.to_config()).map_err(|e| format!("the answers do not read: {e}"))?;
    if let Some(chart) = chart.filter(|_| !cfg.chart.digest.is_empty()) {
        let b = baseline(chart).map_err(|e| format!("your chart's values do not read: {e}"))?;
        if b.digest == cfg.chart.digest {
            let keep = std::mem::take(&mut cfg.chart.keep);
            cfg.chart = ChartValues { keep, digest: b.digest.clone(), baseline: Some(b) };
        }
    }
    Ok(cfg)
}

/// [`Job::Contract`]: the pasted or uploaded rendering (`helm template` output or
/// `kubectl get … -o yaml`) checked against the answers, as `ixn-portal verify` checks
/// it. The answer holds the findings and how many objects were read, never the text: a
/// Secret's data is dropped as the stream is read, so no answer can carry it. Without
/// a text, the commands that make one, as HTML.
fn contract(cfg: &Config, text: Option<&str>) -> Result<Answer, String> {
    let Some(text) = text else {
        return Ok(Answer::ChartCommands(crate::operations_html::chart_check_commands(cfg)));
    };
    let objects = ixn_core::contract::read_stream(text)
        .map_err(|e| format!("The text does not read as Kubernetes objects: {e}"))?;
    let mut findings = ixn_core::contract::check_objects(cfg, &objects);
    findings.extend(ixn_core::contract::not_ready(cfg, &objects));
    let findings = findings
        .into_iter()
        .map(|f| ContractFinding { path: f.path.to_string(), error: f.severity == Severity::Error, message: f.message })
        .collect();
    Ok(Answer::Contract { objects: objects.len(), findings })
}

/// What the Operations tab's Copy and Download carry (the real secrets): each
/// section's whole script, and each item's commands or query.
fn section_scripts(sections: &[Section]) -> Vec<SectionScripts> {
    sections
        .iter()
        .map(|s| SectionScripts {
            id: s.id.to_string(),
            script: ixn_core::operations::section_script(s),
            items: s.items.iter().map(|i| i.script.clone().or_else(|| i.query.clone())).collect(),
        })
        .collect()
}

fn notes_text(notes: &[Note]) -> Vec<String> {
    notes.iter().map(Note::line).collect()
}

/// The Changes view's report: each line with the registry key (or other chart key)
/// it links to, its step, and its text after the path.
fn report_of(r: &Report, show: bool) -> ChangesReport {
    let (added, removed, changed) = r.counts();
    ChangesReport {
        summary: format!("Against {}: {added} added, {removed} removed, {changed} changed.", r.title()),
        changes: r
            .changes
            .iter()
            .map(|c| {
                let line = c.line(show);
                let (step, field) = match c.key {
                    Some(k) => (k.step, k.path.to_string()),
                    // A key the registry does not know: an other chart key, edited in "Your chart".
                    None => (ixn_core::registry::Step::Chart, c.dotted()),
                };
                ChangeLine {
                    kind: c.kind.sign_word().to_string(),
                    sign: c.kind.sign().to_string(),
                    step: step.slug().to_string(),
                    field,
                    path: c.dotted(),
                    rest: line[line.find(": ").unwrap_or(line.len())..].to_string(),
                    within: c.within(show).map(|p| within_html(&p)),
                }
            })
            .collect(),
        warnings: notes_text(&r.warnings),
        decisions: notes_text(&r.decisions),
        text: r.text(show),
    }
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
fn changes(cfg: &Config, against: Against, pasted: &str, show: bool) -> Result<ChangesReport, String> {
    let other = match against {
        Against::Deployed | Against::Next => {
            Some(Baseline::read(pasted).map_err(|e| format!("The pasted values do not read: {e}"))?.tree)
        }
        Against::Defaults => None,
    };
    let values = compared_values(cfg);
    let defaults = defaults_tree(cfg);
    let report = match (against, other) {
        (Against::Deployed, Some(d)) => against_deployed(&defaults, &values, &d),
        (Against::Next, Some(n)) => against_next(&defaults, &n, &values),
        _ => against_defaults(&defaults, &values),
    };
    Ok(report_of(&report, show))
}

/// The per-tenant secrets file (name, text), read by the reader `ixn-portal batch
/// --secrets-file` uses; empty when there is none.
fn secrets_of(file: Option<(String, String)>) -> Result<Secrets, String> {
    let mut s = Secrets::default();
    if let Some((name, text)) = file.filter(|(_, t)| !t.trim().is_empty()) {
        s.read_file(&name, &text)?;
    }
    Ok(s)
}

/// The batch of the request, or why there is none: the base with the secrets file's
/// credentials for every tenant, as `ixn-portal batch --secrets-file` makes it.
fn batch_of(mut base: Config, file: &str, text: &str, secrets: &Secrets) -> Result<Batch, String> {
    secrets.apply(&mut base, None);
    let tenants = Tenants::parse(file, text).map_err(|e| e.to_string())?;
    if tenants.rows.is_empty() {
        return Err(format!("{file}: no tenant rows"));
    }
    Ok(Batch::new(base, tenants))
}

/// A progress answer every [`CHUNK`] rows, not at the last one.
fn progress<'a>(reply: &'a mut dyn FnMut(Answer, Option<Vec<u8>>)) -> impl FnMut(render::Progress) + 'a {
    move |p: render::Progress| {
        if p.done.is_multiple_of(CHUNK) && p.done < p.total {
            reply(Answer::Progress { stage: p.stage, done: p.done, total: p.total }, None);
        }
    }
}

/// Every row checked, with progress; collisions last. Each row gets its own
/// credentials from the secrets file first, as in `ixn-portal batch`; credentials
/// meant for one tenant must find it, since a typo would leave it without.
fn check(batch: &Batch, secrets: &Secrets, reply: Reply) -> Result<Vec<RowReport>, String> {
    let reports = render::check(batch, &|c| secrets.apply_to_tenant(c), &render::InOrder, &mut progress(reply));
    if let (Some(sid), _) = secrets.unmatched(&reports) {
        let file = secrets.file_name().unwrap_or("secrets file");
        return Err(format!("{file}: tenants.{sid} matches no row's tenant.sid"));
    }
    Ok(reports)
}

/// Runs one request, answering through `reply`.
pub fn run(request: Request, reply: Reply) {
    match answer(request, reply) {
        Ok((answer, bytes)) => reply(answer, bytes),
        Err(e) => reply(Answer::Error(e), None),
    }
}

/// One request's last answer (progress answers go through `reply` on the way).
fn answer(request: Request, reply: Reply) -> Result<(Answer, Option<Vec<u8>>), String> {
    let chart = request.chart.as_deref();
    let read = |text: &str| config(text, chart);
    Ok(match request.job {
        Job::Tree { profile, masked, options } => {
            let (shown, unmasked) = (read(&masked)?, read(&profile)?);
            let tree = |c: &Config| with_gitops(c, options).gitops;
            (Answer::Trees { shown: tree(&shown), unmasked: tree(&unmasked) }, None)
        }
        Job::Download { profile, options } => {
            let d = download(&read(&profile)?, options);
            (Answer::File { name: d.tar_name(), rendered: 1, failed: 0 }, Some(d.tar()))
        }
        Job::Check { profile, tenants, file, secrets } => {
            let secrets = secrets_of(secrets)?;
            let batch = batch_of(read(&profile)?, &file, &tenants, &secrets)?;
            let reports = check(&batch, &secrets, reply)?;
            let ready = reports.iter().filter(|r| !r.failed()).count();
            (Answer::Checked { html: crate::tenants_html::report(&file, &reports), ready }, None)
        }
        Job::Batch { profile, tenants, file, options, secrets } => {
            let secrets = secrets_of(secrets)?;
            let batch = batch_of(read(&profile)?, &file, &tenants, &secrets)?;
            let reports = check(&batch, &secrets, reply)?;
            let rendered = reports.iter().filter(|r| !r.failed()).count();
            // The core's one batch loop, as `ixn-portal batch --tar` runs it.
            let files = render::all_with(
                &batch,
                &reports,
                options,
                &|c| secrets.apply_to_tenant(c),
                &render::InOrder,
                &mut progress(reply),
            )
            .map_err(|e| e.to_string())?;
            // The tree `ixn-portal batch` writes, through the same tar sink.
            let tree = render::tree(files);
            (Answer::File { name: tree.tar_name(), rendered, failed: reports.len() - rendered }, Some(tree.tar()))
        }
        Job::Baseline { text } => {
            let b = baseline(&text)?;
            (Answer::Baseline { digest: b.digest.clone(), help: b.help.clone() }, None)
        }
        Job::Operations { profile, masked } => {
            let (shown, real) = (operations(&read(&masked)?), operations(&read(&profile)?));
            let shown = crate::operations_html::sections(&shown);
            let html = crate::operations_html::sections(&real);
            (Answer::Operations { shown, real: html, scripts: section_scripts(&real) }, None)
        }
        Job::Contract { profile, text } => (contract(&read(&profile)?, text.as_deref())?, None),
        Job::Adopt { files } => crate::adopt::answer(files)?,
        Job::Metrics { query } => (Answer::Metrics(crate::operations_html::metrics(&metrics::search(&query))), None),
        Job::Changes { profile, against, pasted, show } => {
            (Answer::Changes(changes(&read(&profile)?, against, &pasted, show)?), None)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ixn_core::generate::values_yaml::ValuesOptions;
    use ixn_core::model::Delivery;

    // The chart file the user works against: its own replicaCount default, and no log
    // sidecar keys (left out of the output unless kept).
    const CHART: &str = "replicaCount: 0\nimage:\n  registry: my.registry\n  pullPolicy: IfNotPresent\n";

    fn run_one(job: Job, chart: Option<&str>) -> (Answer, Option<Vec<u8>>) {
        let mut out = None;
        let request = Request { id: 1, chart: chart.map(String::from), job };
        run(request, &mut |answer, bytes| out = Some((answer, bytes)));
        out.expect("a reply")
    }

    fn download_job(profile: &str) -> Job {
        Job::Download { profile: profile.into(), options: ValuesOptions::default() }
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
        let (reply, tar) = run_one(download_job(&profile), Some(CHART));
        assert!(matches!(reply, Answer::File { ref name, .. } if name == "ixn-100.tar"), "{reply:?}");
        assert_eq!(tar.as_deref(), Some(expected.tar().as_slice()));
        // Without the file, the guide's defaults: not the same files.
        let (_, guide) = run_one(download_job(&profile), None);
        assert_ne!(guide.as_deref(), Some(expected.tar().as_slice()));
        // Another file than the one the answers name is not used.
        let (_, other) = run_one(download_job(&profile), Some("replicaCount: 1\n"));
        assert_eq!(other, guide);
    }

    /// A per-tenant secrets file (the format of `ixn-portal batch --secrets-file`) gives
    /// each tenant its own password in the batch; a sid no row has is refused.
    #[test]
    fn a_secrets_file_gives_each_tenant_its_own_credentials() {
        let mut cfg = Config::guide_sample();
        cfg.deploy.chart_repo_url = "https://charts.example.com".into();
        cfg.deploy.registry_username = "robot".into();
        cfg.deploy.registry_password = "Reg-S3cret".into();
        let profile = Profile::of(&cfg, true).to_json_text();
        let tenants = "tenant.sid,tenant.id,deploy.namespace\n101,t-101,ixn-101\n102,t-102,ixn-102\n";
        let secrets = "redis.password: Shared-R3dis\ntenants:\n  \"101\":\n    redis.password: Only-101\n";
        let job = |secrets: &str| Job::Batch {
            profile: profile.clone(),
            tenants: tenants.into(),
            file: "t.csv".into(),
            options: ValuesOptions::default(),
            secrets: Some(("s.yaml".into(), secrets.into())),
        };
        let (reply, tar) = run_one(job(secrets), None);
        let tar = String::from_utf8_lossy(&tar.unwrap_or_else(|| panic!("{reply:?}"))).to_string();
        assert!(
            tar.contains("Only-101") && tar.contains("Shared-R3dis"),
            "each tenant its own: {}",
            &tar[..tar.len().min(3000)]
        );
        assert!(matches!(reply, Answer::File { failed: 0, .. }), "{reply:?}");
        let (reply, _) = run_one(job("tenants:\n  \"109\":\n    redis.password: x\n"), None);
        assert_eq!(reply, Answer::Error("s.yaml: tenants.109 matches no row's tenant.sid".into()));
        let (reply, _) = run_one(job("redis.pasword: x\n"), None);
        assert!(
            matches!(&reply, Answer::Error(e) if e.starts_with("s.yaml:1:1: redis.pasword is not a credential field")),
            "{reply:?}"
        );
    }

    #[test]
    fn a_chart_file_gives_its_digest_and_comments_or_where_it_does_not_read() {
        let text = "# -- Replicas.\nreplicaCount: 0\n";
        let (reply, _) = run_one(Job::Baseline { text: text.into() }, None);
        let expected_help = vec![(vec!["replicaCount".to_string()], "Replicas.".to_string())];
        assert_eq!(reply, Answer::Baseline { digest: ixn_core::model::digest_of(text), help: expected_help });
        let (reply, _) = run_one(Job::Baseline { text: "a: b\n  c: d\n".into() }, None);
        assert!(matches!(&reply, Answer::Error(e) if e.starts_with("2:")), "{reply:?}");
    }

    // A Git tree's scripts stay executable across the trip to the page.
    #[test]
    fn the_executable_bit_survives_the_trip() {
        let mut cfg = Config::guide_sample();
        cfg.deploy.delivery = Delivery::Genesys;
        let profile = Profile::of(&cfg, true).to_json_text();
        let job = Job::Tree { profile: profile.clone(), masked: profile, options: ValuesOptions::default() };
        let request = Request { id: 7, chart: None, job };
        let wire = ixn_core::protocol::to_wire(&request);
        let mut out = None;
        run(ixn_core::protocol::from_wire(&wire).unwrap(), &mut |answer, _| out = Some(answer));
        let message = ixn_core::protocol::Message::Answer { id: 7, answer: out.unwrap() };
        let back: ixn_core::protocol::Message =
            ixn_core::protocol::from_wire(&ixn_core::protocol::to_wire(&message)).unwrap();
        let ixn_core::protocol::Message::Answer { answer: Answer::Trees { unmasked: Some(tree), .. }, .. } = back
        else {
            panic!("{back:?}")
        };
        let expected = ixn_core::delivery::tree(&cfg, ValuesOptions::default()).unwrap();
        assert_eq!(tree, expected);
        assert!(
            tree.files.iter().any(|f| f.executable),
            "a script in the tree: {:?}",
            tree.files.iter().map(|f| &f.path).collect::<Vec<_>>()
        );
    }
}
