//! The app's reactive state: one signal of the core's `Config`, and memos of what the
//! core computes from it. Components read these; none computes domain logic itself.

use ixn_core::generate::{artifacts, values_yaml::{Form, ValuesOptions}, Artifacts};
use ixn_core::model::{Config, Effective};
use ixn_core::registry::Step;
use ixn_core::validate::{validate, Finding};
use leptos::prelude::*;

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
    /// The artifacts with real secrets: what copy and download use.
    pub real: Memo<Artifacts>,
    /// What the previews show (masked unless secrets are shown).
    pub shown: Memo<Artifacts>,
}

impl Ui {
    /// Creates the state, starting from the chart defaults.
    pub fn new() -> Ui {
        let config = RwSignal::new(Config::chart_defaults());
        let effective = Memo::new(move |_| config.with(Effective::real));
        let form = RwSignal::new(Form::Minimal);
        let comments = RwSignal::new(false);
        let show_secrets = RwSignal::new(false);
        let opts = move || ValuesOptions { form: form.get(), comments: comments.get() };
        let real = Memo::new(move |_| {
            let o = opts();
            config.with(|c| artifacts(c, o))
        });
        // Validation reads the artifacts' effective values: in placeholder mode they
        // carry the exports it checks.
        let findings = Memo::new(move |_| config.with(|c| real.with(|a| validate(c, &a.effective))));
        let shown = Memo::new(move |_| {
            if show_secrets.get() {
                real.get()
            } else {
                let o = opts();
                config.with(|c| artifacts(&c.masked(MASK), o))
            }
        });
        Ui { config, effective, findings, step: RwSignal::new(Step::Tenant), show_secrets, form, comments, real, shown }
    }

    /// The findings at a field (a key, its list items, or a context field).
    pub fn findings_at(&self, path: &str) -> Vec<Finding> {
        self.findings.with(|fs| {
            fs.iter()
                .filter(|f| f.path == path || f.path.strip_prefix(path).is_some_and(|r| r.starts_with('[')))
                .cloned()
                .collect()
        })
    }
}

/// The shared state.
pub fn ui() -> Ui {
    expect_context::<Ui>()
}
