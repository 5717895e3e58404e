//! Import orchestration: files or pasted text onto the current answers through the
//! core's importer (or one profile), keeping the answers from before for undo.

use crate::browser;
use crate::state::Ui;
use ixn_core::import::{import, ImportError, ImportReport, SourceFile};
use ixn_core::profile::{Profile, FORMAT};
use leptos::prelude::*;

/// What the last import did.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Outcome {
    /// Values files were imported.
    Values(ImportReport),
    /// A profile (named) was loaded.
    Profile(String),
    /// Nothing was imported.
    Failed(ImportError),
}

/// Imports files (or loads one profile) onto the current answers, keeping undo.
pub(super) fn run_import(ui: Ui, outcome: RwSignal<Option<Outcome>>, files: Vec<(String, String)>) {
    if let [(name, text)] = files.as_slice() {
        if text.contains(FORMAT) {
            match Profile::parse(text).and_then(|p| p.to_config()) {
                Ok(cfg) => {
                    ui.undo.set(Some(ui.config.get_untracked()));
                    ui.config.set(cfg);
                    outcome.set(Some(Outcome::Profile(name.clone())));
                }
                Err(e) => {
                    outcome.set(Some(Outcome::Failed(ImportError { file: name.clone(), message: e.to_string() })))
                }
            }
            return;
        }
    }
    let sources: Vec<SourceFile> = files.iter().map(|(n, t)| SourceFile { name: n, text: t }).collect();
    let current = ui.config.get_untracked();
    match import(&current, &sources) {
        Ok((cfg, report)) => {
            ui.undo.set(Some(current));
            ui.config.set(cfg);
            outcome.set(Some(Outcome::Values(report)));
        }
        Err(e) => outcome.set(Some(Outcome::Failed(e))),
    }
}

/// Reads dropped or chosen files, then imports them.
pub(super) fn import_list(files: Vec<web_sys::File>, ui: Ui, outcome: RwSignal<Option<Outcome>>) {
    leptos::task::spawn_local(async move {
        let read = browser::read_files(files).await;
        if let Some((name, Err(message))) = read.iter().find(|(_, r)| r.is_err()).cloned() {
            outcome.set(Some(Outcome::Failed(ImportError { file: name, message })));
            return;
        }
        run_import(ui, outcome, read.into_iter().map(|(n, r)| (n, r.unwrap_or_default())).collect());
    });
}
