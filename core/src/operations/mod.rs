//! Before and after the install: preflight checks, verification, troubleshooting,
//! upgrade, rollback and uninstall, and monitoring, all computed from the same model
//! as the install commands (the guide's "Before you begin", "Deploy" steps 5–6,
//! "Upgrade, rollback, or uninstall" and "Observability" pages).

mod lifecycle;
pub mod metrics;
mod monitoring;
mod preflight;
mod troubleshoot;
mod verify;

pub use monitoring::suggested_rules;

use crate::model::{Config, Effective};

/// One thing to do or check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Stable id, e.g. `preflight-kubernetes`.
    pub id: &'static str,
    /// What it is.
    pub title: String,
    /// What to look for, or why.
    pub note: String,
    /// The commands, when there are any (bash).
    pub script: Option<String>,
    /// A PromQL query to paste into Prometheus or Grafana (not bash).
    pub query: Option<String>,
    /// A person has to look (no command decides it).
    pub manual: bool,
    /// Deletes data that cannot be recovered.
    pub destructive: bool,
}

impl Item {
    fn check(id: &'static str, title: impl Into<String>, note: impl Into<String>, script: String) -> Item {
        Item {
            id,
            title: title.into(),
            note: note.into(),
            script: Some(script),
            query: None,
            manual: false,
            destructive: false,
        }
    }

    fn manual(id: &'static str, title: impl Into<String>, note: impl Into<String>, script: Option<String>) -> Item {
        Item { id, title: title.into(), note: note.into(), script, query: None, manual: true, destructive: false }
    }
}

/// A titled group of items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Stable id, e.g. `preflight`.
    pub id: &'static str,
    /// Title.
    pub title: &'static str,
    /// A sentence on when to use it.
    pub intro: &'static str,
    /// The items.
    pub items: Vec<Item>,
}

/// Every operations section for `cfg`. `eff` is the effective values, `real` the same
/// without placeholders ([`Effective::real`]).
pub fn operations(cfg: &Config, eff: &Effective, real: &Effective) -> Vec<Section> {
    vec![
        preflight::section(cfg, real),
        verify::section(cfg, real),
        troubleshoot::section(cfg, eff),
        lifecycle::section(cfg, eff, real),
        monitoring::section(cfg, real),
    ]
}

/// All the commands of a section as one script, items in order.
pub fn section_script(s: &Section) -> String {
    let mut out = String::from("#!/usr/bin/env bash\nset -euo pipefail\n");
    for i in &s.items {
        if let Some(script) = &i.script {
            out.push_str(&format!("\n# ---- {}\n{script}\n", crate::generate::shell::comment_text(&i.title)));
        }
    }
    out
}
