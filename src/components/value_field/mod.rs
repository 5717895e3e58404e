//! A text field bound to one registry key: label, the guide's help, the chart default
//! as a hint, the key path, and its findings as you type.

use ixn_core::model::{chart_default, Config};
use ixn_core::registry;
use ixn_core::validate::{Finding, Severity};
use leptos::prelude::*;

/// The field id for a key path (`tenant.sid` → `f-tenant-sid`).
pub fn field_id(path: &str) -> String {
    format!("f-{}", path.replace(['.', '[', ']'], "-"))
}

/// The findings block under a field, shared with context fields.
pub fn findings_view(path: String, findings: Memo<Vec<Finding>>, id: String) -> impl IntoView {
    move || {
        findings.with(|fs| {
            fs.iter()
                .filter(|f| f.path == path)
                .map(|f| {
                    let class = match f.severity {
                        Severity::Error => "finding error",
                        Severity::Warning => "finding warning",
                    };
                    let label = match f.severity {
                        Severity::Error => "Error: ",
                        Severity::Warning => "Warning: ",
                    };
                    view! { <p class=class id=format!("{id}-msg")><strong>{label}</strong>{f.message.clone()}</p> }
                })
                .collect_view()
        })
    }
}

/// A one-line field for a values key of a text-like kind.
#[component]
pub fn ValueField(
    /// The registry path.
    path: &'static str,
    /// Its label.
    label: &'static str,
    /// The configuration.
    config: RwSignal<Config>,
    /// Current findings.
    findings: Memo<Vec<Finding>>,
) -> impl IntoView {
    let def = registry::key(path).expect("a registry key");
    let id = field_id(path);
    let hint = chart_default(path)
        .and_then(|v| v.text().map(str::to_string))
        .map(|t| format!("chart default: {t}"))
        .unwrap_or_default();
    let text = move || config.with(|c| c.values.get(path).and_then(|v| v.text()).unwrap_or("").to_string());
    let on_input = move |ev| {
        let t = event_target_value(&ev);
        config.update(|c| {
            let _ = c.values.set_text(path, &t);
        });
    };
    let invalid = move || findings.with(|fs| fs.iter().any(|f| f.path == path && f.severity == Severity::Error));
    view! {
        <div class="field">
            <label for=id.clone()>{label}{def.required().then_some(view! { <span class="req" aria-hidden="true">" *"</span> })}</label>
            <input
                id=id.clone()
                name=path
                type="text"
                autocomplete="off"
                spellcheck="false"
                placeholder=hint
                aria-invalid=move || invalid().to_string()
                aria-describedby=format!("{id}-help {id}-msg")
                prop:value=text
                on:input=on_input
            />
            <p class="help" id=format!("{id}-help")>{def.help}" "<code class="key">{path}</code></p>
            {findings_view(path.to_string(), findings, id.clone())}
        </div>
    }
}
