//! What each key's field shows of the answers, one signal per key, kept up to date by
//! one effect. A field's effects follow its key's signal, not the model: a keystroke
//! sets the signals of the keys it changed, and re-runs those fields only. (With the
//! fields on the model itself, every field re-ran per keystroke, and each re-run left
//! the model's subscriber list, which Leptos shifts on every removal: time quadratic
//! in the fields. One memo per field still re-ran them all.)

use super::MASK;
use ixn_core::model::{Config, Effective, Source, Value};
use ixn_core::registry::{index_of, KeyDef, KEYS};
use leptos::prelude::*;

/// The signals, one per registry key, made with the state (so owned by it, not by
/// the first field that reads one).
#[derive(Clone, Copy)]
pub struct Fields {
    slots: StoredValue<Vec<RwSignal<Seen>>>,
}

impl Fields {
    /// The signals of the fields over `config` and its `effective` values, and the
    /// effect that keeps them.
    pub fn new(config: RwSignal<Config>, effective: Memo<Effective>) -> Fields {
        let now = |i| config.with_untracked(|c| effective.with_untracked(|e| Seen::of(i, c, e)));
        let slots = StoredValue::new((0..KEYS.len()).map(|i| RwSignal::new(now(i))).collect::<Vec<_>>());
        Effect::new(move |_| {
            config.with(|c| {
                effective.with(|e| {
                    slots.with_value(|slots| {
                        for (i, slot) in slots.iter().enumerate() {
                            let now = Seen::of(i, c, e);
                            // Set only what changed: a set re-runs the field.
                            if slot.with_untracked(|was| *was != now) {
                                slot.set(now);
                            }
                        }
                    })
                })
            })
        });
        Fields { slots }
    }

    /// The signal of `def`'s field.
    pub fn of(&self, def: &'static KeyDef) -> RwSignal<Seen> {
        let i = index_of(def.path).expect("a field's key is in the registry");
        self.slots.with_value(|s| s[i])
    }
}

/// What one key's field shows of the answers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Seen {
    /// The user's value as text ("" when unset or not text).
    pub text: String,
    /// The user set this key.
    pub set: bool,
    /// What the key will be when unset (see [`Hint`]).
    pub hint: Hint,
    /// The user's boolean, if they set one.
    pub mine: Option<bool>,
    /// The effective boolean.
    pub on: Option<bool>,
    /// The effective value is derived from other answers.
    pub derived: bool,
    /// The user's chart has no such key.
    pub lacks: bool,
    /// The user asked to keep it anyway.
    pub kept: bool,
}

/// The hint for an unset key: what it will be.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Hint {
    /// Nothing to say.
    #[default]
    None,
    /// Derived from other answers: its text, if it has one (a secret's is masked
    /// when shown, see [`Hint::text`]).
    Derived(Option<String>),
    /// The user's chart's default when they gave its values, else the guide's.
    Default(String),
}

impl Seen {
    /// What the field of the key at `i` in [`KEYS`] shows of the answers `c` and their
    /// effective values `e` (by position: a lookup by path per key was a twentieth of
    /// a keystroke).
    fn of(i: usize, c: &Config, e: &Effective) -> Seen {
        let def = &KEYS[i];
        let user = c.values.get(def);
        let resolved = e.items()[i].as_ref();
        let derived = resolved.is_some_and(|r| r.source == Source::Derived);
        let hint = match resolved {
            Some(r) if r.source == Source::Derived => Hint::Derived(r.value.text().map(str::to_string)),
            _ => c.chart.defaults()[i]
                .as_ref()
                .and_then(|v| v.text())
                .filter(|t| !t.is_empty())
                .map_or(Hint::None, |t| Hint::Default(t.to_string())),
        };
        Seen {
            text: user.and_then(Value::text).unwrap_or("").to_string(),
            set: user.is_some(),
            hint,
            mine: user.and_then(Value::bool),
            on: resolved.and_then(|r| r.value.bool()),
            derived,
            lacks: c.chart.baseline().is_some_and(|b| !b.has(def)),
            kept: c.chart.keep.iter().any(|k| k == def.path),
        }
    }
}

impl Hint {
    /// The hint as shown; a secret's derived value is masked unless `revealed`.
    pub fn text(&self, secret: bool, revealed: bool) -> String {
        match self {
            Hint::Derived(Some(t)) if secret && !t.is_empty() && !revealed => format!("derived: {MASK}"),
            Hint::Derived(Some(t)) => format!("derived: {t}"),
            Hint::Derived(None) => "derived from your other answers".into(),
            Hint::Default(t) => format!("chart default: {t}"),
            Hint::None => String::new(),
        }
    }
}
