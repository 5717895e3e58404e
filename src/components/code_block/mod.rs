//! A read-only code block of one artifact, highlighted, with copy and download: what
//! every preview (`previews/`) and the GitOps tab show a file in.

use ixn_portal::highlight;

use crate::browser;
use crate::state::ui;
use leptos::prelude::*;

/// Which language to highlight.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// YAML.
    Yaml,
    /// Bash.
    Bash,
    /// JSON.
    Json,
}

/// Copy and download buttons for a text. `unmasked` gives what they carry: always the real
/// values, whatever the preview shows.
#[component]
pub fn CopyButtons(
    /// What the buttons are for, e.g. "values".
    what: &'static str,
    /// Download file name.
    file: &'static str,
    /// MIME type.
    mime: &'static str,
    /// The text with real secrets, as copied and downloaded.
    unmasked: Signal<String>,
    /// Whether that text holds a secret (read when a button is pressed); without it,
    /// it may. A file with none does not say "with the real secrets".
    #[prop(optional)]
    holds_secrets: Option<Signal<bool>>,
) -> impl IntoView {
    let ui = ui();
    let status = RwSignal::new(String::new());
    let note = move || {
        let holds = holds_secrets.is_none_or(|h| h.get_untracked());
        if ui.show_secrets.get_untracked() || !holds {
            ""
        } else {
            " (with the real secrets)"
        }
    };
    let copy = move |_| {
        let text = unmasked.get_untracked();
        leptos::task::spawn_local(async move {
            let ok = browser::copy(text).await;
            if ok {
                crate::components::notice::flash(status, format!("Copied{}", note()));
            } else {
                status.set("Copy failed: select the text and copy it".into());
            }
        });
    };
    let download = move |_| {
        browser::download(file, mime, unmasked.get_untracked().as_bytes());
        crate::components::notice::flash(status, format!("Downloaded {file}{}", note()));
    };
    view! {
        <div class="buttons">
            <button type="button" class="secondary" on:click=copy aria-label=format!("Copy {what}")>"Copy"</button>
            <button type="button" class="secondary" on:click=download aria-label=format!("Download {file}")>"Download"</button>
            <span class="copied" class:fades=move || status.with(|s| crate::components::notice::fades(s)) role="status">{move || status.get()}</span>
        </div>
    }
}

/// The `<pre>` with highlighted text; its text content is exactly `text`.
#[component]
pub fn Code(
    /// Element id (a test contract, e.g. `preview-values`).
    id: &'static str,
    /// Language.
    lang: Lang,
    /// The text.
    text: Signal<String>,
) -> impl IntoView {
    // An empty id leaves the attribute out (blocks repeated in a list).
    let id = (!id.is_empty()).then_some(id);
    let yaml = lang == Lang::Yaml;
    let pre = NodeRef::<leptos::html::Pre>::new();
    // What the block holds now: one span per line (`highlight::lines`). A keystroke
    // changes a line or two of a file of hundreds, and setting the whole HTML again
    // made the browser parse it all: the lines between the shared ends are replaced,
    // the rest stay.
    let held = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let Some(pre) = pre.get() else { return };
        text.with(|new| {
            held.update_value(|held| {
                let el: &web_sys::Element = &pre;
                match held.as_deref() {
                    // Past PLAIN_ABOVE, one text node: no HTML to parse, and the page
                    // walks one node where it reads the text.
                    _ if highlight::plain(new) => el.set_text_content(Some(new)),
                    Some(old) if !highlight::plain(old) => splice(el, old, new, yaml),
                    _ => el.set_inner_html(&highlight::html(new, yaml)),
                }
                *held = Some(new.clone());
            })
        })
    });
    view! { <pre id=id tabindex="0" class="code" node_ref=pre></pre> }
}

/// Turns `el`, which shows `old`, into showing `new`: only the lines between the ends
/// the two share are removed and inserted.
fn splice(el: &web_sys::Element, old_text: &str, new_text: &str, yaml: bool) {
    let old: Vec<&str> = highlight::lines(old_text).collect();
    let new: Vec<&str> = highlight::lines(new_text).collect();
    let (head, tail) = highlight::shared_ends(&old, &new);
    if el.child_element_count() as usize != old.len() {
        // Not what we made (it should not happen): start again.
        el.set_inner_html(&highlight::html(new_text, yaml));
        return;
    }
    let mut next = el.first_element_child();
    for _ in 0..head {
        next = next.and_then(|line| line.next_element_sibling());
    }
    for _ in head..old.len() - tail {
        let Some(line) = next else { break };
        next = line.next_element_sibling();
        line.remove();
    }
    let mut html = String::new();
    for line in &new[head..new.len() - tail] {
        highlight::line_html(line, yaml, &mut html);
    }
    if html.is_empty() {
        return;
    }
    let _ = match next {
        Some(next) => next.insert_adjacent_html("beforebegin", &html),
        None => el.insert_adjacent_html("beforeend", &html),
    };
}
