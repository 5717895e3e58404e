//! "Your chart": use the chart's own values file (pasted or uploaded), see what it
//! changes, and edit the chart's keys the portal does not know ("Other chart keys"),
//! each with a widget from its YAML type and the chart file's comment as help.

use crate::browser;
use crate::components::form::{FieldIds, Findings};
use crate::state::{ui, Refused};
use ixn_core::chart::{other_keys, ChartKey, YamlType};
use ixn_core::yaml::{to_yaml, EmitOptions, Node};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The step's content.
#[component]
pub fn ChartValues() -> impl IntoView {
    let ui = ui();
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // A file that looks like an override file, held until the user says what it is.
    let asking = RwSignal::new(None::<(String, String, Vec<String>)>);
    let apply_as = move |name: &str, t: &str, sure: bool| {
        let (name_kept, t_kept) = (name.to_string(), t.to_string());
        ui.use_chart(name, t, sure, move |r| match r {
            Ok(()) => {
                error.set(None);
                asking.set(None);
                text.set(String::new());
            }
            Err(Refused::Error(e)) => error.set(Some(e)),
            Err(Refused::Override(signs)) => {
                error.set(None);
                asking.set(Some((name_kept, t_kept, signs)));
            }
        })
    };
    let apply = move |name: &str, t: &str| apply_as(name, t, false);
    let upload = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
        let files = input.files().map(|f| browser::files_of(&f)).unwrap_or_default();
        input.set_value("");
        leptos::task::spawn_local(async move {
            if let Some((name, read)) = browser::read_files(files).await.into_iter().next() {
                match read {
                    Ok(t) => apply(&name, &t),
                    Err(e) => error.set(Some(format!("{name}: {e}"))),
                }
            }
        });
    };
    let status = move || {
        // While the question below is open, the file is not in use: the line says so
        // rather than what was in use before, so nothing reads as settled.
        let pending = asking.with(|a| a.as_ref().map(|(name, ..)| name.clone()));
        ui.config.with(|c| {
            if let Some(name) = pending {
                let before = match c.chart.baseline() {
                    Some(b) => format!("the chart values used before ({})", b.digest),
                    None => "the guide's defaults".to_string(),
                };
                return Some((true, format!(
                    "Waiting for your answer below: {name} is not in use yet. Until you answer, the output follows {before}."
                )));
            }
            if c.chart.wanted() {
                return Some((true, format!(
                    "These answers were made against your chart's values ({}). Give that file again: until then the guide's defaults apply.",
                    c.chart.digest
                )));
            }
            let b = c.chart.baseline()?;
            let version = match c.deploy.chart_version.trim() {
                "" => "your chart".to_string(),
                v => format!("chart {v}"),
            };
            Some((false, format!(
                "Working against {version}'s values ({}): {} keys the portal does not know (below), {} portal keys it does not have (warned at their fields, left out unless kept).",
                b.digest,
                other_keys(b).len(),
                b.missing().count()
            )))
        })
    };
    // The list changes only with the file, not with each keystroke in it.
    let keys = Memo::new(move |_| ui.config.with(|c| c.chart.baseline().map(other_keys).unwrap_or_default()));
    view! {
        <section class="chart-values" aria-labelledby="chart-use">
            <h3 id="chart-use">"Use my chart's values"</h3>
            <p class="help">"Paste what "<code>"helm show values ixn/ixn --version X"</code>" prints, or upload the chart's values.yaml. Its defaults then replace the guide's, and the values file holds exactly what differs from your chart. The file stays in this browser; profiles and links name it by its digest."</p>
            {move || status().map(|(problem, s)| view! {
                <p class=if problem { "finding warning" } else { "ok" } id="chart-status">{s}</p>
            })}
            <label for="chart-text">"Chart values"</label>
            <textarea id="chart-text" name="chart.text" rows="6" spellcheck="false" autocomplete="off"
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <div class="inline">
                <button type="button" on:click=move |_| apply("pasted values", &text.get_untracked())>"Use these values"</button>
                <label for="chart-file" class="inline-label">"or upload:"</label>
                <input id="chart-file" type="file" name="chart.file" accept=".yaml,.yml,text/yaml" on:change=upload/>
                <button type="button" class="secondary" hidden=move || ui.config.with(|c| c.chart.digest.is_empty())
                    on:click=move |_| ui.drop_chart()>"Back to the guide's chart"</button>
            </div>
            {move || error.get().map(|e| view! { <p class="finding error" role="alert">{e}</p> })}
            {move || asking.get().map(|(name, t, signs)| view! {
                <div class="finding warning" role="alert" id="chart-ask">
                    <p>{format!(
                        "{name}: this looks like an override file (what helm install -f takes), not a chart's values: {}. Used as your chart, its keys become the defaults and every key it lacks is left out of the output. To start from its answers, import it instead (Import, share and save).",
                        signs.join("; ")
                    )}</p>
                    <button type="button" class="secondary" on:click=move |_| apply_as(&name, &t, true)>"Use it as my chart anyway"</button>
                    " "
                    <button type="button" class="secondary" on:click=move |_| asking.set(None)>"Cancel"</button>
                </div>
            })}
        </section>
        <section class="chart-keys" aria-labelledby="chart-keys">
            <h3 id="chart-keys">"Other chart keys"</h3>
            {move || {
                let keys = keys.get();
                if keys.is_empty() {
                    return view! { <p class="help">"Keys your chart has and the portal does not know appear here, once you use your chart's values."</p> }.into_any();
                }
                keys.into_iter().map(|k| view! { <OtherKey key=k/> }).collect_view().into_any()
            }}
        </section>
    }
}

/// A value as its widget's text: a string as itself, a nil as nothing, anything else as YAML.
fn widget_text(node: &Node) -> String {
    match node {
        Node::Null => String::new(),
        Node::Str(s) | Node::Block(s) | Node::Placeholder(s) | Node::Float(s) => s.clone(),
        Node::Int(i) => i.to_string(),
        Node::Bool(b) => b.to_string(),
        n => to_yaml(n, EmitOptions::default()).trim_end().to_string(),
    }
}

/// One other chart key, with the widget its type calls for.
#[component]
fn OtherKey(
    /// The key.
    key: ChartKey,
) -> impl IntoView {
    let ui = ui();
    let name = key.dotted();
    let ids = FieldIds::of(&name);
    let key = StoredValue::new(key);
    let error = RwSignal::new(None::<String>);
    let value = move || ui.config.with(|c| key.with_value(|k| k.value(c).clone()));
    let set = move |t: String| {
        key.with_value(|k| {
            // Empty text brings the chart default back; text that does not read as the
            // type is kept as typed (nothing is lost) and said so.
            let node = if t.is_empty() && k.ty != YamlType::String {
                Ok(k.default.clone())
            } else if t.is_empty() && k.default == Node::Null {
                Ok(Node::Null)
            } else {
                k.ty.parse(&t).map_err(|e| e.to_string())
            };
            match node {
                Ok(n) => {
                    error.set(None);
                    ui.config.update(|c| k.set(c, n));
                }
                Err(e) => {
                    error.set(Some(e));
                    ui.config.update(|c| k.set(c, Node::Str(t)));
                }
            }
        })
    };
    let (ty, help, default) = key.with_value(|k| (k.ty, k.help.clone(), widget_text(&k.default)));
    let id = ids.input.clone();
    let described = ids.described();
    let widget = match ty {
        YamlType::Bool => view! {
            <label class="check" for=id.clone()>
                <input id=id.clone() name=name.clone() type="checkbox" aria-describedby=described.clone()
                    prop:checked=move || value() == Node::Bool(true)
                    on:change=move |ev| set(event_target_checked(&ev).to_string())/>
                {name.clone()}
            </label>
        }
        .into_any(),
        YamlType::List | YamlType::Map => view! {
            <label for=id.clone()>{name.clone()}</label>
            <textarea id=id.clone() name=name.clone() rows="4" spellcheck="false" autocomplete="off"
                aria-describedby=described.clone() placeholder=default.clone()
                prop:value=move || widget_text(&value()) on:change=move |ev| set(event_target_value(&ev))></textarea>
        }
        .into_any(),
        YamlType::String | YamlType::Number => view! {
            <label for=id.clone()>{name.clone()}</label>
            <input id=id.clone() name=name.clone() type="text" autocomplete="off" spellcheck="false"
                inputmode=if ty == YamlType::Number { "decimal" } else { "text" }
                aria-describedby=described.clone() placeholder=default.clone()
                prop:value=move || widget_text(&value()) on:input=move |ev| set(event_target_value(&ev))/>
        }
        .into_any(),
    };
    let is_set = move || ui.config.with(|c| key.with_value(|k| c.unknown.iter().any(|u| u.path == k.path)));
    let reset = move |_| {
        error.set(None);
        ui.config.update(|c| key.with_value(|k| c.unknown.retain(|u| u.path != k.path)));
    };
    view! {
        <div class="field" class:set=is_set data-key=name.clone()>
            {widget}
            <p class="help" id=ids.help.clone()>
                {help.map(|h| view! { {h}" " })}
                <span class="type">{format!("{} · chart default: {}", ty.as_str(), if default.is_empty() { "none".to_string() } else { default.clone() })}</span>" "
                <code class="key">{name.clone()}</code>
                <button type="button" class="link" hidden=move || !is_set() on:click=reset>"reset"</button>
            </p>
            {move || error.get().map(|e| view! { <p class="finding error">{format!("Not a {}: {e}", ty.as_str())}</p> })}
            <Findings at=ixn_core::model::Location::ChartKey(name.clone())/>
        </div>
    }
}
