//! The app's reactive state: one signal of the core's `Config`, and memos of what the
//! core computes from it. Components read these; none computes domain logic itself.

use ixn_core::artifacts::{artifacts_given, Artifacts};
use ixn_core::generate::values_yaml::{Form, ValuesOptions};
use ixn_core::model::{Config, Effective, Location};
use ixn_core::registry::Step;
use ixn_core::validate::{findings_given, Finding};
use leptos::prelude::*;

mod chart;
mod fields;
mod persist;

pub use chart::{Refused, CHART_KEY};
pub use fields::{Fields, Seen};
pub use persist::{shared_link, Kept, REMEMBER_KEY, TENANTS_KEY};

/// What previews show instead of a secret.
pub const MASK: &str = "••••••••";

/// Everything the components share, provided as context.
#[derive(Clone, Copy)]
pub struct Ui {
    /// The user's answers.
    pub config: RwSignal<Config>,
    /// The effective values (user > derived > chart default) with real text in place
    /// of placeholders: what fields show as hints and widgets display.
    pub effective: Memo<Effective>,
    /// What each key's field shows of them, a signal per key.
    pub fields: Fields,
    /// Every finding.
    pub findings: Memo<Vec<Finding>>,
    /// The wizard step shown.
    pub step: RwSignal<Step>,
    /// Previews show secrets.
    pub show_secrets: RwSignal<bool>,
    /// Minimal or full values file.
    pub form: RwSignal<Form>,
    /// helm-docs comments in the values file.
    pub comments: RwSignal<bool>,
    /// The values file opens with the editors' `# yaml-language-server: $schema=` line.
    pub schema_line: RwSignal<bool>,
    /// The artifacts with real secrets: what copy and download use. Read it only in
    /// handlers (untracked): a memo nobody subscribes to is computed when read, so
    /// keystrokes compute one set of artifacts, not two.
    pub unmasked: Memo<Artifacts>,
    /// What the previews show (masked unless secrets are shown). The map, sizing and
    /// operations read it too: they hold no secrets (a core test holds them equal).
    pub shown: Memo<Artifacts>,
    /// Secrets are saved in this browser too (the user opted in).
    pub remember_secrets: RwSignal<bool>,
    /// A notice for the user (loading, storage, links), if any.
    pub notice: RwSignal<Option<Notice>>,
    /// The configuration from before the last import, for undo.
    pub undo: RwSignal<Option<Config>>,
    /// The steps the user has visited or touched, one bit per step (in
    /// `Step::ALL` order): only their findings show in the form and the step list, so a
    /// first load is not a wall of errors. Review lists everything.
    pub visited: RwSignal<u16>,
    /// The guide's sample is what the user loaded last: findings the sample leaves to
    /// the user say so.
    pub sample_loaded: RwSignal<bool>,
    /// The Tenants panel's per-tenant secrets file (name, text), as `ixn-portal batch
    /// --secrets-file` reads it: in this page's memory only, never in this browser's
    /// storage, a link or a profile.
    pub tenant_secrets: RwSignal<Option<(String, String)>>,
    /// Counts the times what this browser keeps changed under the components
    /// (Forget everything, its Undo): the Tenants panel reads its file again.
    pub kept: RwSignal<u32>,
    /// The findings of the last "Check the chart's output" (the chart's rendering
    /// against these answers): shown at their fields beside the validation's, until
    /// the answers change.
    pub chart_findings: RwSignal<Vec<Finding>>,
}

/// A message about something the portal did on its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// A problem (true) or information.
    pub problem: bool,
    /// The message.
    pub text: String,
    /// The answers the change replaced, if the user may want them back.
    pub way_back: Option<WayBack>,
    /// Fields the notice is about: shown as links that go to them.
    pub fields: Vec<Location>,
    /// What this browser kept before the change, put back with the way back's answers
    /// (the Undo of Forget everything).
    pub device: Option<Kept>,
}

/// Answers a notice can bring back, and what its button says.
#[derive(Debug, Clone, PartialEq)]
pub struct WayBack {
    /// The button's text.
    pub label: &'static str,
    /// The answers from before.
    pub answers: Config,
}

impl Notice {
    /// Information.
    pub fn info(text: impl Into<String>) -> Notice {
        Notice { problem: false, text: text.into(), way_back: None, fields: Vec::new(), device: None }
    }

    /// A problem.
    pub fn problem(text: impl Into<String>) -> Notice {
        Notice { problem: true, text: text.into(), way_back: None, fields: Vec::new(), device: None }
    }
}

impl Ui {
    /// The values options the user chose (read untracked: for handlers and requests).
    pub fn values_options(&self) -> ValuesOptions {
        ValuesOptions {
            form: self.form.get_untracked(),
            comments: self.comments.get_untracked(),
            schema_line: self.schema_line.get_untracked(),
        }
    }

    /// Creates the state, starting from the chart defaults.
    pub fn new() -> Ui {
        let config = RwSignal::new(Config::chart_defaults());
        let effective = Memo::new(move |_| config.with(Effective::real));
        let form = RwSignal::new(Form::Minimal);
        let comments = RwSignal::new(false);
        let schema_line = RwSignal::new(false);
        let show_secrets = RwSignal::new(false);
        let opts = move || ValuesOptions { form: form.get(), comments: comments.get(), schema_line: schema_line.get() };
        // The same findings as `ixn-portal check`, from the effective values at hand.
        let findings = Memo::new(move |_| config.with(|c| effective.with(|e| findings_given(c, e))));
        // Both copies carry the user's own errors (the deploy script's guard names them).
        let unmasked = Memo::new(move |_| {
            let o = opts();
            findings.with(|f| config.with(|c| artifacts_given(c, o, f)))
        });
        let shown = Memo::new(move |_| {
            if show_secrets.get() {
                unmasked.get()
            } else {
                let o = opts();
                findings.with(|f| config.with(|c| artifacts_given(&c.masked(MASK), o, f)))
            }
        });
        Ui {
            config,
            effective,
            fields: Fields::new(config, effective),
            findings,
            step: RwSignal::new(Step::Tenant),
            show_secrets,
            form,
            comments,
            schema_line,
            unmasked,
            shown,
            remember_secrets: RwSignal::new(false),
            notice: RwSignal::new(None),
            undo: RwSignal::new(None),
            visited: RwSignal::new(0),
            sample_loaded: RwSignal::new(false),
            tenant_secrets: RwSignal::new(None),
            kept: RwSignal::new(0),
            chart_findings: RwSignal::new(Vec::new()),
        }
    }

    /// Marks a step visited (or touched): its findings show from now on.
    pub fn visit(&self, step: Step) {
        let bit = 1u16 << step_index(step);
        if self.visited.get_untracked() & bit == 0 {
            self.visited.update(|v| *v |= bit);
        }
    }

    /// Whether the user has visited or touched the step (tracked).
    pub fn was_visited(&self, step: Step) -> bool {
        self.visited.get() & (1u16 << step_index(step)) != 0
    }

    /// Replaces every answer at once (a preset, an import, a link, an undo). Answers
    /// that came whole are the user's to check: every step shows its findings, except
    /// on a fresh start from the chart defaults, which shows none until visited.
    pub fn set_answers(&self, answers: Config) {
        let fresh = answers == Config::chart_defaults();
        self.keep_chart_of(&answers);
        self.config.set(answers);
        self.visited.set(if fresh { 0 } else { u16::MAX });
        self.sample_loaded.set(false);
    }

    /// The findings at a field (a key, its list items, or a context field), once its
    /// step has been visited or touched.
    pub fn findings_at(&self, at: &Location) -> Vec<Finding> {
        if !self.was_visited(at.step()) {
            return Vec::new();
        }
        let mut out: Vec<Finding> = self.findings.with(|fs| fs.iter().filter(|f| f.path.is_in(at)).cloned().collect());
        self.chart_findings.with(|fs| out.extend(fs.iter().filter(|f| f.path.is_in(at)).cloned()));
        out
    }
    /// Replaces every answer at once (a preset), saying so with a way back: one click
    /// must not cost the user their answers.
    pub fn replace(&self, answers: Config, done: &'static str) {
        let before = self.config.get_untracked();
        if before == answers {
            return;
        }
        self.set_answers(answers);
        if before == Config::chart_defaults() {
            // Nothing of the user's was replaced: nothing to say.
            return;
        }
        let way_back = Some(WayBack { label: "Undo", answers: before });
        self.notice.set(Some(Notice { way_back, ..Notice::info(done) }));
    }
}

/// The position of a step in `Step::ALL`.
pub fn step_index(step: Step) -> usize {
    Step::ALL.iter().position(|s| *s == step).unwrap_or(0)
}

/// The shared state.
pub fn ui() -> Ui {
    expect_context::<Ui>()
}
