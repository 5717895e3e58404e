//! The user's chart values file: put under the answers, kept in this browser (it holds
//! no secrets of the user's), and given back after a reload or a link that names it.
//!
//! The worker reads the file's comments and digest (the comment reader and sha256 are
//! not in the first load); the page reads its values tree itself, as imports do, so
//! the keystroke path computes the minimal override against it with no round trip.

use super::{Notice, Ui};
use crate::worker_bridge::{keep_chart, request};
use ixn_core::model::{Baseline, ChartValues};
use ixn_core::protocol::{Answer, Job};
use leptos::prelude::*;

/// Where this browser keeps the chart values file's text.
pub const CHART_KEY: &str = "ixn-portal.chartValues";

/// The baseline of `text` from the worker's answer (its digest and comments), or why
/// the file does not read.
fn baseline_of(text: &str, answer: &Answer) -> Result<Baseline, String> {
    match answer {
        Answer::Baseline { digest, help } => {
            Baseline::read_given(text, help.clone(), digest.clone()).map_err(|e| e.to_string())
        }
        Answer::Error(e) => Err(e.clone()),
        other => Err(format!("unexpected answer {other:?}")),
    }
}

/// Reads `text` (through the worker), then calls `done` with the baseline or why not.
fn read_chart(text: String, done: impl FnOnce(Result<Baseline, String>) + 'static) {
    let mut done = Some(done);
    request(Job::Baseline { text: text.clone() }, None, move |answer, _| {
        if let Some(done) = done.take() {
            done(baseline_of(&text, answer));
        }
    });
}

/// Why a chart values file was not used.
#[derive(Debug, Clone, PartialEq)]
pub enum Refused {
    /// It does not read: where and why.
    Error(String),
    /// It looks like an override file: the signs, to ask the user.
    Override(Vec<String>),
}

impl Ui {
    /// Works against `text`, a chart's values file, from now on; or says where it does
    /// not read and changes nothing. `done` hears which, once the worker has read it.
    /// Unless `sure`, a file that looks like an override file rather than a chart's
    /// values ([`ixn_core::model::Baseline::override_signs`]) is not used: `done` hears
    /// why it looks so, to ask the user.
    pub fn use_chart(&self, name: &str, text: &str, sure: bool, done: impl FnOnce(Result<(), Refused>) + 'static) {
        let ui = *self;
        let name = name.to_string();
        let kept = text.to_string();
        read_chart(text.to_string(), move |b| match b {
            Ok(b) if !sure && !b.override_signs().is_empty() => done(Err(Refused::Override(b.override_signs()))),
            Ok(b) => {
                keep_chart(&b.digest, &kept);
                ui.config.update(|c| {
                    let keep = std::mem::take(&mut c.chart.keep);
                    c.chart = ChartValues { keep, ..ChartValues::of(b) };
                });
                if !crate::browser::save(CHART_KEY, &kept) {
                    ui.notice.set(Some(Notice::problem(
                        "This browser would not keep the chart values (storage off or full): give the file again after a reload.",
                    )));
                }
                done(Ok(()));
            }
            Err(e) => done(Err(Refused::Error(format!("{name}: {e}")))),
        });
    }

    /// Answers that came back whole (an Undo) name a chart values file this page has
    /// used: this browser keeps that one again, so that a reload finds it.
    pub fn keep_chart_of(&self, answers: &ixn_core::model::Config) {
        if let Some(text) = answers.chart.baseline().and_then(|b| crate::worker_bridge::kept_chart(&b.digest)) {
            crate::browser::save(CHART_KEY, &text);
        }
    }

    /// Back to the guide's chart defaults.
    pub fn drop_chart(&self) {
        self.config.update(|c| c.chart = ChartValues::default());
        crate::browser::forget(CHART_KEY);
    }

    /// After loading answers that name a chart values file: the one this browser kept,
    /// if it is that file (the worker starts to read it).
    pub fn restore_chart(&self) {
        if !self.config.with_untracked(|c| c.chart.wanted()) {
            return;
        }
        let ui = *self;
        // Said first, before anything renders against the guide's defaults instead.
        let missing = move || {
            let digest = ui.config.with_untracked(|c| c.chart.digest.clone());
            let mut n = Notice::problem(format!(
                "These answers were made against your chart's values ({digest}), which this browser does not have: give that file again on the Chart step. Until then the guide's defaults apply."
            ));
            n.fields = vec![ixn_core::model::Location::Context(ixn_core::model::ctx::DEPLOY_CHART_VERSION)];
            ui.notice.set(Some(n));
        };
        let Some(text) = crate::browser::load(CHART_KEY) else { return missing() };
        let kept = text.clone();
        read_chart(text, move |b| {
            let Ok(b) = b.inspect_err(|_| missing()) else { return };
            if ui.config.with_untracked(|c| c.chart.digest != b.digest) {
                return missing();
            }
            if ui.config.with_untracked(|c| c.chart.digest == b.digest) {
                keep_chart(&b.digest, &kept);
                ui.config.update(|c| {
                    let keep = std::mem::take(&mut c.chart.keep);
                    c.chart = ChartValues { keep, ..ChartValues::of(b) };
                });
            }
        });
    }
}
