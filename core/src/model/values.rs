//! The values a user has set, by registry key. Unset keys fall back to a derived value
//! or the chart default (see [`super::effective`]).

use super::value::Value;
use crate::registry::{self, KeyDef, KEYS};

/// The user's settings of registry keys. Only keys in the registry can be set, and only
/// with a value of their kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Values {
    // One slot per registry key, by position in KEYS: lookups are a binary search of
    // the path index, iteration is registry order, and no map code reaches the wasm.
    set: Vec<Option<Value>>,
}

impl Default for Values {
    fn default() -> Self {
        Self { set: vec![None; KEYS.len()] }
    }
}

/// A path that is not a registry key, or a value of the wrong kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetError(pub String);

impl Values {
    /// Nothing set: the chart defaults apply everywhere.
    pub fn new() -> Self {
        Self::default()
    }

    /// The value set at `path`, if any.
    pub fn get(&self, path: &str) -> Option<&Value> {
        self.set[registry::index_of(path)?].as_ref()
    }

    /// Sets `path` to `value`.
    pub fn set(&mut self, path: &str, value: Value) -> Result<(), SetError> {
        let i = registry::index_of(path).ok_or_else(|| SetError(format!("{path} is not a known key")))?;
        if !value.fits(KEYS[i].kind) {
            return Err(SetError(format!("{path} does not take that kind of value")));
        }
        self.set[i] = Some(value);
        Ok(())
    }

    /// Sets a single-line field from its text; empty text unsets it, so the default
    /// applies again.
    pub fn set_text(&mut self, path: &str, text: &str) -> Result<(), SetError> {
        let i = registry::index_of(path).ok_or_else(|| SetError(format!("{path} is not a known key")))?;
        if text.is_empty() {
            self.set[i] = None;
            return Ok(());
        }
        let value = Value::from_text(KEYS[i].kind, text)
            .ok_or_else(|| SetError(format!("{path} is not a text field")))?;
        self.set[i] = Some(value);
        Ok(())
    }

    /// Unsets `path`.
    pub fn unset(&mut self, path: &str) {
        if let Some(i) = registry::index_of(path) {
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
