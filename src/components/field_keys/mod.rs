//! The keyboard routes of a field that keep its one Tab stop: Escape resets an edited
//! field to its default (Ctrl+Z, ⌘Z on a Mac, undoes that), Alt+G opens the field's
//! page of the guide. The field's "reset" and "guide" links stay out of the Tab order;
//! these keys reach them, `aria-keyshortcuts` announces them, and a hint shows them
//! while the field has focus.

use web_sys::KeyboardEvent;

/// The guide's key, as `aria-keyshortcuts` names it.
pub const GUIDE: &str = "Alt+G";
/// The reset key and the guide's, for an edited field.
pub const RESET_AND_GUIDE: &str = "Escape Alt+G";

/// Whether `ev` asks for the field's guide page: Alt+G, by the key's place (Option+G
/// types "©" on a Mac).
pub fn is_guide(ev: &KeyboardEvent) -> bool {
    ev.alt_key() && !ev.ctrl_key() && !ev.meta_key() && ev.code() == "KeyG"
}

/// Whether `ev` asks to reset the field.
pub fn is_reset(ev: &KeyboardEvent) -> bool {
    ev.key() == "Escape" && !ev.alt_key() && !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key()
}

/// Whether `ev` is the undo key (Ctrl+Z, or ⌘Z on a Mac).
pub fn is_undo(ev: &KeyboardEvent) -> bool {
    (ev.ctrl_key() || ev.meta_key()) && !ev.alt_key() && !ev.shift_key() && ev.key().eq_ignore_ascii_case("z")
}

/// Opens the guide link of the field the key was pressed in, in a new tab, as a click
/// on it would (found from the event: no node reference to keep per field).
pub fn open_guide(ev: &KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let link = crate::browser::closest(ev, ".field")
        .and_then(|f| f.query_selector("a.guide").ok().flatten())
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(a) = link {
        a.click();
    }
}

/// The hint shown while the field has focus (CSS shows `.keys` on `:focus-within`);
/// `resettable` when the field can be reset.
pub fn hint(guide: bool, resettable: bool) -> &'static str {
    match (guide, resettable) {
        (true, true) => "Keys: Esc resets an edit, Alt+G opens the guide.",
        (false, true) => "Keys: Esc resets an edit.",
        (true, false) => "Keys: Alt+G opens the guide.",
        (false, false) => "",
    }
}
