//! The values a user has set, by registry key. Unset keys fall back to a derived value
//! or the chart default (see [`super::effective`]).

use super::value::{ConsulHost, DbTls, Value};
use crate::registry::{self, KeyDef, KEYS};

/// The user's settings of registry keys. Only keys in the registry can be set, and only
/// with a value of their kind.
#[derive(Debug, Clone)]
pub struct Values {
    // One slot per registry key, by position in KEYS: lookups are a binary search of
    // the path index, iteration is registry order, and no map code reaches the wasm.
    set: Vec<Option<Value>>,
    // The last text set for a key whose value has modes (a fixed Consul host, custom DB
    // TLS options), by position in KEYS: switching to another mode and back brings it
    // back. The model keeps it so that no widget holds a copy that can go stale.
    drafts: Vec<(usize, String)>,
}

impl Default for Values {
    fn default() -> Self {
        Self { set: vec![None; KEYS.len()], drafts: Vec::new() }
    }
}

// Drafts are not answers: two sets of values are the same when they set the same keys
// to the same values (a profile, a link, "nothing changed" checks compare that).
impl PartialEq for Values {
    fn eq(&self, other: &Self) -> bool {
        self.set == other.set
    }
}

/// Why a text cannot be set at a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetError {
    /// The key's widget is not a one-line text (a list, a map, a choice).
    NotText {
        /// The key's path.
        path: &'static str,
    },
}

impl std::fmt::Display for SetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SetError::NotText { path } => write!(f, "{path} is not a text field"),
        }
    }
}

impl std::error::Error for SetError {}

// The key's slot. Every `KeyDef` of the registry has one; a hand-made one does not.
fn slot(key: &KeyDef) -> Option<usize> {
    let i = registry::index_of(key.path);
    debug_assert!(i.is_some(), "{} is not a registry key", key.path);
    i
}

impl Values {
    /// Nothing set: the chart defaults apply everywhere.
    pub fn new() -> Self {
        Self::default()
    }

    /// The value set at `key`, if any.
    pub fn get(&self, key: &KeyDef) -> Option<&Value> {
        self.set[slot(key)?].as_ref()
    }

    /// Sets `key` to `value`, which must be of the key's kind ([`Value::fits`]; the
    /// parsers of every face make only such values). A value of another kind is a bug:
    /// debug builds stop on it, release builds leave the key as it was.
    pub fn set(&mut self, key: &KeyDef, value: Value) {
        let Some(i) = slot(key) else { return };
        if !value.fits(KEYS[i].kind) {
            debug_assert!(false, "{} does not take {value:?}", key.path);
            return;
        }
        self.remember(i, &value);
        self.set[i] = Some(value);
    }

    fn remember(&mut self, i: usize, value: &Value) {
        let text = match value {
            Value::ConsulHost(ConsulHost::Literal(h)) => h.as_str(),
            Value::DbTls(DbTls::Custom(input)) => input.raw(),
            _ => return,
        };
        match self.drafts.iter_mut().find(|(k, _)| *k == i) {
            Some((_, t)) => text.clone_into(t),
            None => self.drafts.push((i, text.to_string())),
        }
    }

    /// The last text set at `key` in its text mode (a fixed Consul host, custom DB TLS
    /// options), even while another mode is set: what the text box shows when the
    /// user switches back.
    pub fn draft(&self, key: &KeyDef) -> Option<&str> {
        let i = slot(key)?;
        self.drafts.iter().find(|(k, _)| *k == i).map(|(_, t)| t.as_str())
    }

    /// Sets a single-line field from its text; empty text unsets it, so the default
    /// applies again.
    pub fn set_text(&mut self, key: &KeyDef, text: &str) -> Result<(), SetError> {
        let Some(i) = slot(key) else { return Err(SetError::NotText { path: key.path }) };
        if text.is_empty() {
            self.set[i] = None;
            return Ok(());
        }
        let value = Value::from_text(KEYS[i].kind, text).ok_or(SetError::NotText { path: KEYS[i].path })?;
        self.set[i] = Some(value);
        Ok(())
    }

    /// Unsets `key`.
    pub fn unset(&mut self, key: &KeyDef) {
        if let Some(i) = slot(key) {
            self.set[i] = None;
        }
    }

    /// Every key that is set, with its registry row, in registry order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static KeyDef, &Value)> {
        KEYS.iter().zip(&self.set).filter_map(|(k, v)| v.as_ref().map(|v| (k, v)))
    }

    /// How many keys are set.
    pub fn len(&self) -> usize {
        self.set.iter().filter(|v| v.is_some()).count()
    }

    /// Whether nothing is set.
    pub fn is_empty(&self) -> bool {
        self.set.iter().all(Option::is_none)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Input;

    use crate::registry::keys::{IXN_SERVICE_IXN_NODE_CONSUL_HOST as HOST, IXN_SERVICE_IXN_NODE_DB_OPTIONS_SSL as TLS};

    #[test]
    fn a_text_mode_keeps_its_last_text_across_a_mode_switch_without_changing_the_answers() {
        let mut v = Values::new();
        assert_eq!(v.draft(HOST), None);
        v.set(HOST, Value::ConsulHost(ConsulHost::Literal("consul.infra".into())));
        v.set(HOST, Value::ConsulHost(ConsulHost::NodeIp));
        assert_eq!(v.draft(HOST), Some("consul.infra"));
        v.set(TLS, Value::DbTls(DbTls::Custom(Input::new("ca: x"))));
        v.set(TLS, Value::DbTls(DbTls::On));
        assert_eq!(v.draft(TLS), Some("ca: x"));
        assert_eq!(v.draft(HOST), Some("consul.infra"));
        let mut same = Values::new();
        same.set(HOST, Value::ConsulHost(ConsulHost::NodeIp));
        same.set(TLS, Value::DbTls(DbTls::On));
        assert_eq!(v, same, "drafts are not answers");
    }
}
