//! A read-only preview of one artifact, with copy and download.

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
    // One HTML string per change, not a view per piece: smaller code, and one DOM update.
    view! {
        <pre id=id tabindex="0" class="code" inner_html=move || highlight::html(&text.get(), lang == Lang::Yaml)></pre>
    }
}
