//! The form primitives every widget shares: the ids of a field, its findings, the
//! binding of a list-valued key, and a key's effective value. Widgets depend on this
//! module only; `key_field` picks the widget for a key and depends on them.

mod binding;

pub use binding::ListBinding;

use crate::state::ui;
use ixn_core::model::{Location, Value};
use ixn_core::registry::KeyDef;
use ixn_core::validate::Severity;
use leptos::prelude::*;

/// The element id for a field name (`tenant.sid` → `f-tenant-sid`).
pub fn field_id(name: &str) -> String {
    format!("f-{}", name.replace(['.', '[', ']'], "-"))
}

/// The element ids of one field, made from its name in one place: the input, its
/// label (for groups), its help and its findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldIds {
    /// The input (or the group's first control): `f-tenant-sid`.
    pub input: String,
    /// The group's label: `…-label`.
    pub label: String,
    /// The help paragraph: `…-help`.
    pub help: String,
    /// The findings: `…-msg`.
    pub msg: String,
}

impl FieldIds {
    /// The ids of the field named `name` (a key path, a list item, a context field).
    pub fn of(name: &str) -> FieldIds {
        let input = field_id(name);
        FieldIds { label: format!("{input}-label"), help: format!("{input}-help"), msg: format!("{input}-msg"), input }
    }

    /// What an input is described by: its help, then its findings.
    pub fn described(&self) -> String {
        format!("{} {}", self.help, self.msg)
    }
}

/// Hands a field's ids down to the widget inside it, as thaw's `FieldInjection` does:
/// the field wrapper (`KeyField`) makes them once, and the widget reads them instead of
/// making its own.
pub fn provide_field_ids(ids: FieldIds) {
    provide_context(ids);
}

/// The ids of the field being rendered, handed down by its wrapper.
pub fn use_field_ids() -> FieldIds {
    expect_context::<FieldIds>()
}

/// The findings under a field.
#[component]
pub fn Findings(
    /// The field: a key (its list items' findings show too), a context field or a key
    /// of the user's chart.
    at: Location,
) -> impl IntoView {
    let ui = ui();
    let id = FieldIds::of(&at.to_string()).msg;
    view! {
        <div class="findings" id=id aria-live="polite">
            {move || {
                ui.findings_at(&at)
                    .into_iter()
                    .map(|f| {
                        let (class, label) = match f.severity {
                            Severity::Error => ("finding error", "Error: "),
                            Severity::Warning => ("finding warning", "Warning: "),
                        };
                        let item = if f.path == at { String::new() } else { format!("{}: ", f.path) };
                        let left = leaves_to_you(ui, &f.path).then_some(view! { <em class="left-to-you">" The guide's sample leaves this to you."</em> });
                        view! { <p class=class><strong>{label}</strong>{item}{f.message}{left}</p> }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// Whether a finding is one the guide's sample (loaded last) leaves to the user.
pub fn leaves_to_you(ui: crate::state::Ui, at: &Location) -> bool {
    ui.sample_loaded.get() && ixn_core::model::GUIDE_LEAVES_TO_YOU.iter().any(|&c| *at == Location::Context(c))
}

/// The effective value of a structured key for display: the user's, else derived or
/// default. Widgets edit a copy and set it whole.
pub fn effective_value(def: &'static KeyDef) -> impl Fn() -> Option<Value> + Copy {
    let ui = ui();
    move || ui.effective.with(|e| e.get(def).cloned())
}
