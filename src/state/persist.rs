//! Keeping the answers: this browser's localStorage (saved after each change, offered
//! back when another tab changes them) and the share link read at start.

use super::{Notice, Ui, WayBack};
use ixn_core::model::Config;
use ixn_core::profile::ProfileError;
use leptos::prelude::*;

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
/// Where the Tenants panel keeps its tenants file (no secret: the reader refuses them).
pub const TENANTS_KEY: &str = "ixn-portal.tenants";
/// The names of the secrets that were set but not saved (secrets are not remembered):
/// after a reload the portal says which to type again.
pub const UNSAVED_SECRETS_KEY: &str = "ixn-portal.unsavedSecrets";

/// The form names of the secrets set in `cfg`: context fields and values keys.
fn secrets_set(cfg: &Config) -> Vec<String> {
    let context = ixn_core::model::secret_fields().filter(|f| !(f.get)(&cfg.deploy).is_empty()).map(|f| f.name);
    let values = cfg.values.iter().filter(|(def, _)| def.secret()).map(|(def, _)| def.path);
    context.chain(values).map(str::to_string).collect()
}

/// Whether the user chose to keep secrets there too.
pub const REMEMBER_KEY: &str = "ixn-portal.rememberSecrets";

impl Ui {
    /// Loads the starting state: a share link in the URL wins (`shared`, read by
    /// [`shared_link`]), else what this browser saved, else the chart defaults. Anything
    /// unreadable gives a fresh start and a notice, never a blank page.
    pub fn load_start(&self, shared: Option<Result<Config, ProfileError>>) {
        use crate::browser;
        use ixn_core::profile::load;
        self.remember_secrets.set(browser::load(REMEMBER_KEY).as_deref() == Some("true"));
        if let Some(shared) = shared {
            self.open_link(shared);
            if self.notice.with_untracked(|n| n.as_ref().is_some_and(|n| !n.problem)) {
                self.restore_chart();
                return;
            }
        }
        if let Some(saved) = browser::load(STORAGE_KEY) {
            match load(&saved) {
                Ok(cfg) => {
                    self.set_answers(cfg);
                    self.restore_chart();
                    self.say_secrets_to_retype();
                }
                Err(e) => {
                    browser::forget(STORAGE_KEY);
                    self.notice.set(Some(Notice::problem(format!(
                        "What this browser had saved could not be read ({e}); starting fresh."
                    ))));
                }
            }
        }
    }

    /// Opens a share link's answers, read by [`shared_link`]: on a fresh load, and when
    /// a link is opened in a tab that already shows the portal (a `hashchange`), which
    /// acts the same. The answers it replaces (this tab's, else what this browser
    /// saved) stay one click away.
    pub fn open_link(&self, shared: Result<Config, ProfileError>) {
        match shared {
            Ok(cfg) => {
                let mine = self.config.get_untracked();
                let own = if mine == Config::chart_defaults() { saved_answers() } else { Some(mine) };
                let own = own.filter(|own| *own != cfg);
                let text = if own.is_some() {
                    "Loaded the shared configuration in place of your own answers. Links never carry secrets: enter them here."
                } else {
                    "Loaded the shared configuration. Links never carry secrets: enter them here."
                };
                self.set_answers(cfg);
                let way_back = own.map(|answers| WayBack { label: "Back to your own answers", answers });
                self.notice.set(Some(Notice { way_back, ..Notice::info(text) }));
            }
            Err(e) => self.notice.set(Some(Notice::problem(e.to_string()))),
        }
        crate::browser::replace_hash("/tenant");
        self.step.set(ixn_core::registry::Step::Tenant);
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
                let way_back = Some(WayBack { label: "Take the other tab's answers", answers });
                ui.notice.set(Some(Notice {
                    way_back,
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

    /// After a reload without remembered secrets: names the secrets that were set and
    /// must be typed again, with links to their fields.
    fn say_secrets_to_retype(&self) {
        use crate::browser;
        if self.remember_secrets.get_untracked() {
            return;
        }
        // Names this version does not know (a field renamed since) have no field to link.
        let names: Vec<_> = browser::load(UNSAVED_SECRETS_KEY)
            .map(|list| {
                list.split(',').filter_map(|n| ixn_core::batch::Field::named(n).map(|f| f.location())).collect()
            })
            .unwrap_or_default();
        if names.is_empty() {
            return;
        }
        let text = format!(
            "Welcome back. Secrets are not kept in this browser (see \"Remember secrets on this device\" under Save), so {} you set must be typed again:",
            ixn_core::wording::count(names.len(), "secret")
        );
        self.notice.set(Some(Notice { fields: names, ..Notice::info(text) }));
    }

    /// Saves the answers in this browser (secrets only if the user opted in).
    pub fn autosave(&self) {
        let remember = self.remember_secrets.get_untracked();
        // Which secrets a reload will lack: names only, never values.
        let unsaved = if remember { Vec::new() } else { self.config.with_untracked(secrets_set) };
        if unsaved.is_empty() {
            crate::browser::forget(UNSAVED_SECRETS_KEY);
        } else {
            crate::browser::save(UNSAVED_SECRETS_KEY, &unsaved.join(","));
        }
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

    /// Forgets everything kept in this browser (and the Tenants panel's secrets file,
    /// in memory) and starts again from the chart defaults, with an Undo that puts it
    /// all back: one click must not cost the user their answers.
    pub fn forget_everything(&self) {
        let answers = self.config.get_untracked();
        let kept = Kept {
            entries: KEPT_KEYS.iter().map(|k| (*k, crate::browser::load(k))).collect(),
            remember: self.remember_secrets.get_untracked(),
            tenant_secrets: self.tenant_secrets.get_untracked(),
        };
        for k in KEPT_KEYS {
            crate::browser::forget(k);
        }
        self.remember_secrets.set(false);
        self.tenant_secrets.set(None);
        self.undo.set(None);
        self.set_answers(Config::chart_defaults());
        self.kept.update(|n| *n += 1);
        let had = answers != Config::chart_defaults()
            || kept.tenant_secrets.is_some()
            || kept.entries.iter().any(|(_, v)| v.is_some());
        let text =
            "Everything this portal kept in this browser is gone: your answers, the tenants file and the chart values.";
        self.notice.set(Some(if had {
            Notice { way_back: Some(WayBack { label: "Undo", answers }), device: Some(kept), ..Notice::info(text) }
        } else {
            Notice::info(text)
        }));
    }

    /// Puts back what [`Ui::forget_everything`] took (the answers come with the way back).
    pub fn put_back(&self, kept: Kept) {
        for (k, v) in &kept.entries {
            match v {
                Some(v) => {
                    crate::browser::save(k, v);
                }
                None => crate::browser::forget(k),
            }
        }
        self.remember_secrets.set(kept.remember);
        self.tenant_secrets.set(kept.tenant_secrets);
        self.kept.update(|n| *n += 1);
    }
}

/// Everything this browser keeps for the portal.
const KEPT_KEYS: [&str; 5] = [STORAGE_KEY, REMEMBER_KEY, UNSAVED_SECRETS_KEY, TENANTS_KEY, super::CHART_KEY];

/// What Forget everything took, for its Undo: this browser's entries as they were
/// (answers, tenants file, chart values, the choice to remember secrets) and the
/// Tenants panel's secrets file from memory.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    entries: Vec<(&'static str, Option<String>)>,
    remember: bool,
    tenant_secrets: Option<(String, String)>,
}
