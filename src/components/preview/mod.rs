//! A read-only preview of one generated artifact.

use leptos::prelude::*;

/// A titled `<pre>` whose text follows a signal.
#[component]
pub fn Preview(
    /// The element id (a test contract, e.g. `preview-values`).
    id: &'static str,
    /// Title.
    title: &'static str,
    /// The text.
    text: Signal<String>,
) -> impl IntoView {
    view! {
        <section class="preview" aria-labelledby=format!("{id}-title")>
            <h2 id=format!("{id}-title")>{title}</h2>
            <pre id=id tabindex="0">{move || text.get()}</pre>
        </section>
    }
}
