//! One deployment-context field, rendered from its row in the context table.

use crate::components::field_keys;
use crate::components::form::{FieldIds, Findings};
use crate::state::ui;
use ixn_core::model::{ContextDef, Location};
use ixn_core::registry::FieldKind;
use leptos::prelude::*;

/// The field; hidden (never cleared) when it does not apply to the current answers.
#[component]
pub fn ContextField(
    /// The table row.
    def: &'static ContextDef,
) -> impl IntoView {
    let ui = ui();
    let ids = FieldIds::of(def.name);
    let id = ids.input.clone();
    let described = ids.described();
    // Memos, so that the field's effects (a select has one per option) follow them and
    // not the model: a keystroke elsewhere re-runs two memos here, not every effect
    // (see `key_field`).
    let value = Memo::new(move |_| ui.config.with(|c| (def.get)(&c.deploy)));
    let set = move |v: String| ui.config.update(|c| (def.set)(&mut c.deploy, &v));
    let hidden = Memo::new(move |_| ui.config.with(|c| !def.applies_to(&c.deploy)));
    // The guide's page for this field, where the guide documents it: a link out of the
    // Tab order (one stop per field), reached by Alt+G.
    let guide = def.guide();
    let keys = guide.map(|_| field_keys::GUIDE);
    let widget = match def.kind {
        FieldKind::Bool => view! {
            <label class="check" for=id.clone()>
                <input id=id.clone() name=def.name type="checkbox" aria-describedby=described.clone() aria-keyshortcuts=keys
                    prop:checked=move || value.get() == "true"
                    on:change=move |ev| set(event_target_checked(&ev).to_string())/>
                {def.label}
            </label>
        }
        .into_any(),
        FieldKind::Select(options) => view! {
            <label for=id.clone()>{def.label}</label>
            <select id=id.clone() name=def.name aria-describedby=described.clone() aria-keyshortcuts=keys prop:value=value on:change=move |ev| set(event_target_value(&ev))>
                {options.iter().map(|(v, l)| view! { <option value=*v selected=move || value.with(|x| x == *v)>{*l}</option> }).collect_view()}
            </select>
        }
        .into_any(),
        FieldKind::Text | FieldKind::Secret => {
            let secret = def.kind == FieldKind::Secret;
            // Masked until shown here or by "Show secrets"; the field's own Show/Hide
            // wins over the global switch once pressed.
            let pressed = RwSignal::new(None::<bool>);
            let shown = Signal::derive(move || pressed.get().unwrap_or_else(|| ui.show_secrets.get()));
            view! {
                <label for=id.clone()>{def.label}</label>
                <div class="inline">
                    <input id=id.clone() name=def.name autocomplete="off" spellcheck="false"
                        type=move || if secret && !shown.get() { "password" } else { "text" }
                        aria-describedby=described.clone() aria-keyshortcuts=keys
                        prop:value=value on:input=move |ev| set(event_target_value(&ev))/>
                    {secret.then(|| view! {
                        <button type="button" class="secondary" aria-pressed=move || shown.get().to_string()
                            aria-label=format!("Show {}", def.label)
                            on:click=move |_| pressed.set(Some(!shown.get_untracked()))>
                            {move || if shown.get() { "Hide" } else { "Show" }}
                        </button>
                    })}
                </div>
            }
            .into_any()
        }
    };
    view! {
        <div class="field" hidden=hidden data-context=def.name
            on:keydown=move |ev| if guide.is_some() && field_keys::is_guide(&ev) { ev.prevent_default(); field_keys::open_guide(&ev); }>
            {widget}
            <p class="help" id=ids.help.clone()>
                {def.help}" "<code class="key">{def.name}</code>
                {guide.map(|g| view! {
                    " "<a class="guide" tabindex="-1" href=g.url() target="_blank" rel="noopener noreferrer"
                        aria-label=format!("{}: {} in the guide (opens in a new tab)", g.title(), def.label)>"guide"</a>
                    " "<span class="keys">{field_keys::hint(true, false)}</span>
                })}
            </p>
            <Findings at=Location::Context(def)/>
        </div>
    }
}
