//! One values key as a form field, with the widget its registry kind calls for: label,
//! the guide's help, the chart default (or derived value) as a hint, the key path, and
//! its findings as you type.

use crate::components::form::{provide_field_ids, FieldIds, Findings};
use crate::components::{
    consul_host::ConsulHostField, db_tls::DbTlsField, field_keys, kv_editor::KvEditor, mounts::MountsField,
    pull_secrets::PullSecretsField, redis_nodes::RedisNodesField,
};
use crate::state::{ui, Seen, MASK};
use ixn_core::model::{chart_default, Location, Value};
use ixn_core::registry::{KeyDef, Kind};
use ixn_core::validate::Severity;
use leptos::prelude::*;

/// A field for one registry key.
#[component]
pub fn KeyField(
    /// The registry row.
    def: &'static KeyDef,
) -> impl IntoView {
    let ui = ui();
    let path = def.path;
    let ids = FieldIds::of(path);
    provide_field_ids(ids.clone());
    let id = ids.input.clone();
    let described = ids.described();
    let invalid = move || ui.findings_at(&Location::Key(def)).iter().any(|f| f.severity == Severity::Error).to_string();
    let seen = ui.fields.of(def);
    let text = move || seen.with(|s| s.text.clone());
    let set_text = move |t: String| {
        ui.config.update(|c| {
            let _ = c.values.set_text(def, &t);
        })
    };
    // A secret is masked, in its input and its hint, until the user shows it here or
    // turns "Show secrets" on.
    // The field's own Show/Hide wins over the global switch once pressed.
    let shown = RwSignal::new(None::<bool>);
    let revealed = Signal::derive(move || shown.get().unwrap_or_else(|| ui.show_secrets.get()));
    let hint = move || seen.with(|s| s.hint.text(def.secret(), revealed.get()));
    let is_set = move || seen.with(|s| s.set);
    // Escape resets only an edited field; named always, as one static attribute.
    let keys = field_keys::RESET_AND_GUIDE;
    let widget = match def.kind {
        // A fixed set of values: a select, its first choice the chart default.
        Kind::Str if !def.options().is_empty() => {
            let default = chart_default(def).and_then(Value::text).map(str::to_string).unwrap_or_default();
            view! {
                <select id=id.clone() name=path aria-invalid=invalid aria-describedby=described.clone() aria-keyshortcuts=keys
                    prop:value=text on:change=move |ev| set_text(event_target_value(&ev))>
                    <option value="" selected=move || text().is_empty()>{format!("chart default ({default})")}</option>
                    {def.options().iter().map(|o| view! { <option value=*o selected=move || text() == *o>{*o}</option> }).collect_view()}
                </select>
            }
            .into_any()
        }
        Kind::Str if def.secret() => view! {
            <div class="inline">
                <input id=id.clone() name=path autocomplete="off" spellcheck="false"
                    type=move || if revealed.get() { "text" } else { "password" }
                    placeholder=hint aria-invalid=invalid aria-describedby=described.clone() aria-keyshortcuts=keys
                    prop:value=text on:input=move |ev| set_text(event_target_value(&ev))/>
                <button type="button" class="secondary" aria-pressed=move || revealed.get().to_string()
                    aria-label=format!("Show {}", def.title)
                    on:click=move |_| shown.set(Some(!revealed.get_untracked()))>
                    {move || if revealed.get() { "Hide" } else { "Show" }}
                </button>
            </div>
        }
        .into_any(),
        Kind::Str | Kind::Port | Kind::Int | Kind::Quantity => view! {
            <input id=id.clone() name=path type="text" autocomplete="off" spellcheck="false"
                inputmode=if matches!(def.kind, Kind::Port | Kind::Int) { "numeric" } else { "text" }
                placeholder=hint aria-invalid=invalid aria-describedby=described.clone() aria-keyshortcuts=keys
                prop:value=text on:input=move |ev| set_text(event_target_value(&ev))/>
        }
        .into_any(),
        Kind::Template | Kind::Object => view! {
            <textarea id=id.clone() name=path rows="6" autocomplete="off" spellcheck="false"
                placeholder=hint aria-invalid=invalid aria-describedby=described.clone() aria-keyshortcuts=keys
                prop:value=text on:input=move |ev| set_text(event_target_value(&ev))></textarea>
        }
        .into_any(),
        Kind::Bool => bool_widget(def, seen, id.clone(), described.clone()).into_any(),
        Kind::Map | Kind::Jvm => view! { <KvEditor def/> }.into_any(),
        Kind::PullSecrets => view! { <PullSecretsField def/> }.into_any(),
        Kind::RedisNodes => view! { <RedisNodesField def/> }.into_any(),
        Kind::ConsulHost => view! { <ConsulHostField def/> }.into_any(),
        Kind::DbTls => view! { <DbTlsField def/> }.into_any(),
        Kind::Mounts => view! { <MountsField def/> }.into_any(),
    };
    let grouped = matches!(
        def.kind,
        Kind::Map | Kind::Jvm | Kind::PullSecrets | Kind::RedisNodes | Kind::ConsulHost | Kind::DbTls | Kind::Mounts
    );
    let label = def.title;
    let heading = if grouped {
        view! { <span class="label" id=ids.label.clone()>{label}{def.required().then_some(view! { <span class="req" aria-hidden="true">" *"</span> })}</span> }.into_any()
    } else if def.kind == Kind::Bool {
        ().into_any()
    } else {
        view! { <label for=id.clone()>{label}{def.required().then_some(view! { <span class="req" aria-hidden="true">" *"</span> })}</label> }.into_any()
    };
    // What the last reset took away, for its Undo (until the field is edited again).
    // Stored, not a signal of its own type (a new signal type costs the first load);
    // `pending` is what the view follows.
    let undone = StoredValue::new(None::<Value>);
    let pending = RwSignal::new(false);
    let reset = move || {
        let old = ui.config.with_untracked(|c| c.values.get(def).cloned());
        if old.is_some() {
            ui.config.update(|c| c.values.unset(def));
            undone.set_value(old);
            pending.set(true);
        }
    };
    let undo = move || {
        if let Some(v) = undone.get_value() {
            ui.config.update(|c| c.values.set(def, v));
            undone.set_value(None);
        }
        pending.set(false);
    };
    let pending_undo = move || pending.get() && !is_set();
    let keydown = move |ev: web_sys::KeyboardEvent| {
        if field_keys::is_reset(&ev) && ui.config.with_untracked(|c| c.values.get(def).is_some()) {
            ev.prevent_default();
            reset();
        } else if field_keys::is_undo(&ev) && pending_undo() {
            ev.prevent_default();
            undo();
        } else if field_keys::is_guide(&ev) {
            ev.prevent_default();
            field_keys::open_guide(&ev);
        }
    };
    // Said politely where the field is; a secret's old value stays masked.
    let reset_note = move || {
        if !pending_undo() {
            return String::new();
        }
        let was = undone.with_value(|v| v.as_ref().and_then(Value::text).map(str::to_string));
        let was = match was {
            Some(t) if def.secret() && !t.is_empty() => format!(" (it was {MASK})"),
            Some(t) => format!(" (it was “{t}”)"),
            None => String::new(),
        };
        format!("Reset to its default{was}. Ctrl+Z undoes it. ")
    };
    // The user's chart has no such key: it is left out of the values file unless kept.
    let lacks = move || seen.with(|s| s.lacks);
    let kept = move || seen.with(|s| s.kept);
    let keep = move || {
        lacks().then(|| {
            view! {
                <label class="check keep">
                    <input type="checkbox" name=format!("keep.{path}") prop:checked=kept
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            ui.config.update(|c| {
                                c.chart.keep.retain(|k| k != path);
                                if on { c.chart.keep.push(path.to_string()); }
                            });
                        }/>
                    "Keep it in the values file anyway"
                </label>
            }
        })
    };
    view! {
        <div class="field" class:set=is_set data-key=path on:keydown=keydown on:input=move |_| pending.set(false)>
            {heading}
            {widget}
            <p class="help" id=ids.help.clone()>
                {def.help}" "<code class="key">{path}</code>" "
                // Out of the Tab order, both: one stop per field (the input). The keyboard
                // reaches them by Alt+G and Escape (field_keys).
                <a class="guide" tabindex="-1" href=def.guide.url() target="_blank" rel="noopener noreferrer"
                    aria-label=format!("{}: {} in the guide (opens in a new tab)", def.guide.title(), def.title)>"guide"</a>
                <button type="button" class="link" tabindex="-1" hidden=move || !is_set() on:click=move |_| reset()
                    aria-label=format!("Reset {path} to its default")>"reset"</button>
                " "<span class="keys">{field_keys::hint(true, true)}</span>
            </p>
            <p class="reset-note" role="status">{reset_note}
                <button type="button" class="link" tabindex="-1" hidden=move || !pending_undo() on:click=move |_| undo()>"Undo"</button>
            </p>
            {def.secret().then(|| view! { <ChartSecretNote def/> })}
            <Findings at=Location::Key(def)/>
            {keep}
        </div>
    }
}

/// Under a database secret's password: when the chart makes that secret, the password
/// is written into the values file. Says so, and offers the way that keeps it out.
#[component]
fn ChartSecretNote(
    /// The password key (`…secrets.db.password`).
    def: &'static KeyDef,
) -> impl IntoView {
    let ui = ui();
    let enabled = ixn_core::registry::key(&def.path.replace(".password", ".enabled"));
    let applies = move || {
        ui.effective
            .with(|e| enabled.is_some_and(|k| e.bool(k) == Some(true)) && e.str(def).is_some_and(|p| !p.is_empty()))
    };
    let outside = move |_| {
        ui.config.update(|c| {
            c.deploy.chart_makes_db_secrets = false;
            c.deploy.secret_style = ixn_core::model::SecretStyle::Stdin;
        })
    };
    view! {
        <p class="note" hidden=move || !applies()>
            "The chart makes this secret, so this password is written into override_values.yaml. "
            "To keep it out of the file, use an existing secret: the chart does not make it, and the script creates it from stdin. "
            <button type="button" class="link" on:click=outside>"Use an existing secret"</button>
        </p>
    }
}

/// A checkbox when the chart has a boolean default, otherwise a three-way choice
/// (chart default / true / false) so that "unset" stays expressible.
fn bool_widget(def: &'static KeyDef, seen: RwSignal<Seen>, id: String, described: String) -> impl IntoView {
    let ui = ui();
    let path = def.path;
    let label = def.title;
    let has_bool_default = matches!(chart_default(def), Some(Value::Bool(_))) && !def.derived();
    if has_bool_default {
        let checked = move || seen.with(|s| s.on == Some(true));
        view! {
            <label class="check" for=id.clone()>
                <input id=id.clone() name=path type="checkbox" aria-describedby=described prop:checked=checked
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        ui.config.update(|c| { c.values.set(def, Value::Bool(on)); });
                    }/>
                {label}
            </label>
        }
        .into_any()
    } else {
        let current = move || match seen.with(|s| s.mine) {
            Some(true) => "true",
            Some(false) => "false",
            None => "",
        };
        let unset_label = move || match seen.with(|s| (s.derived && def.derived()).then_some(s.on)) {
            Some(on) => format!("derived ({})", on.map(|b| b.to_string()).unwrap_or_default()),
            None => match chart_default(def) {
                Some(Value::Bool(b)) => format!("chart default ({b})"),
                _ => "not set".to_string(),
            },
        };
        view! {
            <label for=id.clone()>{label}</label>
            <select id=id.clone() name=path aria-describedby=described prop:value=current
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    ui.config.update(|c| match v.as_str() {
                        "true" => { c.values.set(def, Value::Bool(true)); }
                        "false" => { c.values.set(def, Value::Bool(false)); }
                        _ => c.values.unset(def),
                    });
                }>
                <option value="" selected=move || current().is_empty()>{unset_label}</option>
                <option value="true" selected=move || current() == "true">"true"</option>
                <option value="false" selected=move || current() == "false">"false"</option>
            </select>
        }
        .into_any()
    }
}
