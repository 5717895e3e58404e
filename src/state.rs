//! The app's reactive state: one signal of the core's `Config`, and memos of what the
//! core computes from it. Components read these; none computes domain logic itself.

use ixn_core::generate::{artifacts, values_yaml::{Form, ValuesOptions}, Artifacts};
use ixn_core::model::{Config, Effective};
use ixn_core::profile::ProfileError;
use ixn_core::registry::Step;
use ixn_core::validate::{findings_given, Finding};
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
    /// The artifacts with real secrets: what copy and download use. Read it only in
    /// handlers (untracked): a memo nobody subscribes to is computed when read, so
    /// keystrokes compute one set of artifacts, not two.
    pub real: Memo<Artifacts>,
    /// What the previews show (masked unless secrets are shown). The map, sizing and
    /// operations read it too: they hold no secrets (a core test holds them equal).
    pub shown: Memo<Artifacts>,
    /// Secrets are saved in this browser too (the user opted in).
    pub remember_secrets: RwSignal<bool>,
    /// A notice for the user (loading, storage, links), if any.
    pub notice: RwSignal<Option<Notice>>,
    /// The configuration from before the last import, for undo.
    pub undo: RwSignal<Option<Config>>,
}

/// A message about something the portal did on its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// A problem (true) or information.
    pub problem: bool,
    /// The message.
    pub text: String,
    /// The answers the change replaced, if the user may want them back.
    pub restore: Option<Restore>,
}

/// Answers a notice can bring back, and what its button says.
#[derive(Debug, Clone, PartialEq)]
pub struct Restore {
    /// The button's text.
    pub label: &'static str,
    /// The answers from before.
    pub answers: Config,
}

impl Notice {
    /// Information.
    pub fn info(text: impl Into<String>) -> Notice {
        Notice { problem: false, text: text.into(), restore: None }
    }

    /// A problem.
    pub fn problem(text: impl Into<String>) -> Notice {
        Notice { problem: true, text: text.into(), restore: None }
    }
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
        // The same findings as `ixn-portal check`, from the effective values at hand.
        let findings = Memo::new(move |_| config.with(|c| effective.with(|e| findings_given(c, e))));
        let shown = Memo::new(move |_| {
            if show_secrets.get() {
                real.get()
            } else {
                let o = opts();
                config.with(|c| artifacts(&c.masked(MASK), o))
            }
        });
        Ui {
            config,
            effective,
            findings,
            step: RwSignal::new(Step::Tenant),
            show_secrets,
            form,
            comments,
            real,
            shown,
            remember_secrets: RwSignal::new(false),
            notice: RwSignal::new(None),
            undo: RwSignal::new(None),
        }
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

/// The share link in the URL, if any, read: the configuration it carries, or why it
/// cannot be read. Asynchronous, as the browser inflates it; `main` awaits it before
/// the first render.
pub async fn shared_link() -> Option<Result<Config, ProfileError>> {
    use ixn_core::profile::{broken_link, link::PREFIX, link_config, link_deflated, MAX_INFLATED};
    let hash = crate::browser::hash();
    if !hash.starts_with(PREFIX) {
        return None;
    }
    let deflated = match link_deflated(&hash) {
        Ok(d) => d,
        Err(e) => return Some(Err(e)),
    };
    Some(match crate::browser::inflate_raw(&deflated, MAX_INFLATED).await {
        Some(json) => link_config(&json),
        None => Err(broken_link("does not inflate")),
    })
}

/// Where the answers are kept in this browser.
pub const STORAGE_KEY: &str = "ixn-portal.profile";

/// The answers this browser has saved, if they read.
fn saved_answers() -> Option<Config> {
    crate::browser::load(STORAGE_KEY).and_then(|saved| ixn_core::profile::load(&saved).ok())
}
/// Whether the user chose to keep secrets there too.
pub const REMEMBER_KEY: &str = "ixn-portal.rememberSecrets";

impl Ui {
    /// Loads the starting state: a share link in the URL wins (`shared`, read by
    /// [`shared_link`]), else what this browser saved, else the chart defaults. Anything
    /// unreadable gives a fresh start and a notice, never a blank page.
    pub fn restore(&self, shared: Option<Result<Config, ProfileError>>) {
        use crate::browser;
        use ixn_core::profile::load;
        self.remember_secrets.set(browser::load(REMEMBER_KEY).as_deref() == Some("true"));
        if let Some(shared) = shared {
            match shared {
                Ok(cfg) => {
                    // The link replaces what this browser saved: keep that at hand.
                    let own = saved_answers().filter(|own| *own != cfg);
                    let text = if own.is_some() {
                        "Loaded the shared configuration in place of your own answers. Links never carry secrets: enter them here."
                    } else {
                        "Loaded the shared configuration. Links never carry secrets: enter them here."
                    };
                    self.config.set(cfg);
                    let restore = own.map(|answers| Restore { label: "Back to your own answers", answers });
                    self.notice.set(Some(Notice { restore, ..Notice::info(text) }));
                }
                Err(e) => self.notice.set(Some(Notice::problem(e.to_string()))),
            }
            browser::replace_hash("/tenant");
            if self.notice.with_untracked(|n| n.as_ref().is_some_and(|n| !n.problem)) {
                return;
            }
        }
        if let Some(saved) = browser::load(STORAGE_KEY) {
            match load(&saved) {
                Ok(cfg) => self.config.set(cfg),
                Err(e) => {
                    browser::forget(STORAGE_KEY);
                    self.notice.set(Some(Notice::problem(format!(
                        "What this browser had saved could not be read ({e}); starting fresh."
                    ))));
                }
            }
        }
    }

    /// Keeps the answers saved in this browser from now on: after every change, in the
    /// task after the previews update rather than inside the keystroke (on a large
    /// configuration a save costs milliseconds). Changes made before it runs share one
    /// save; a save still pending when the page is hidden or left runs at once.
    pub fn keep_saved(&self) {
        let ui = *self;
        let pending = StoredValue::new(None::<TimeoutHandle>);
        let save_now = move || {
            if let Some(h) = pending.get_value() {
                h.clear();
                pending.set_value(None);
                ui.autosave();
            }
        };
        Effect::new(move |_| {
            ui.config.track();
            ui.remember_secrets.track();
            if pending.get_value().is_some() {
                return;
            }
            let save = move || {
                pending.set_value(None);
                ui.autosave();
            };
            pending.set_value(set_timeout_with_handle(save, std::time::Duration::ZERO).ok());
        });
        let hide = window_event_listener_untyped("pagehide", move |_| save_now());
        let hidden = window_event_listener_untyped("visibilitychange", move |_| save_now());
        // Another tab of the portal saved its answers: this tab's next change would save
        // over them unseen, so say so and offer them.
        let other_tab = window_event_listener_untyped("storage", move |_| {
            if let Some(answers) = saved_answers().filter(|theirs| ui.config.with_untracked(|mine| mine != theirs)) {
                let restore = Some(Restore { label: "Take the other tab's answers", answers });
                ui.notice.set(Some(Notice {
                    restore,
                    ..Notice::info("Your answers were changed in another tab. This tab keeps its own; whichever tab changes last is what a reload shows.")
                }));
            }
        });
        on_cleanup(move || {
            hide.remove();
            hidden.remove();
            other_tab.remove();
        });
    }

    /// Saves the answers in this browser (secrets only if the user opted in).
    pub fn autosave(&self) {
        let remember = self.remember_secrets.get_untracked();
        if self.config.with_untracked(|c| *c == Config::chart_defaults()) {
            // Nothing to remember (and "forget everything" stays forgotten).
            crate::browser::forget(STORAGE_KEY);
            return;
        }
        let text = self.config.with_untracked(|c| ixn_core::profile::Profile::of(c, remember).to_json_text());
        if !crate::browser::save(STORAGE_KEY, &text) {
            self.notice.set(Some(Notice::problem("This browser would not save your answers (storage off or full).")));
        }
    }

    /// Forgets everything kept in this browser and starts again from the chart defaults.
    pub fn forget_everything(&self) {
        crate::browser::forget(STORAGE_KEY);
        crate::browser::forget(REMEMBER_KEY);
        self.remember_secrets.set(false);
        self.undo.set(None);
        self.config.set(Config::chart_defaults());
        self.notice.set(Some(Notice::info("Everything this portal kept in this browser is gone.")));
    }

    /// Replaces every answer at once (a preset), saying so with a way back: one click
    /// must not cost the user their answers.
    pub fn replace(&self, answers: Config, done: &'static str) {
        let before = self.config.get_untracked();
        if before == answers {
            return;
        }
        self.config.set(answers);
        if before == Config::chart_defaults() {
            // Nothing of the user's was replaced: nothing to say.
            return;
        }
        let restore = Some(Restore { label: "Undo", answers: before });
        self.notice.set(Some(Notice { restore, ..Notice::info(done) }));
    }
}

/// The shared state.
pub fn ui() -> Ui {
    expect_context::<Ui>()
}
