//! The values a user has set, by registry key. Unset keys fall back to a derived value
//! or the chart default (see [`super::effective`]).

use super::value::Value;
use crate::registry::{self, KeyDef, KEYS};
use std::collections::BTreeMap;

/// The user's settings of registry keys. Only keys in the registry can be set, and only
/// with a value of their kind.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Values {
    set: BTreeMap<&'static str, Value>,
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
        self.set.get(path)
    }

    /// Sets `path` to `value`.
    pub fn set(&mut self, path: &str, value: Value) -> Result<(), SetError> {
        let def = registry::key(path).ok_or_else(|| SetError(format!("{path} is not a known key")))?;
        if !value.fits(def.kind) {
            return Err(SetError(format!("{path} does not take that kind of value")));
        }
        self.set.insert(def.path, value);
        Ok(())
    }

    /// Sets a single-line field from its text; empty text unsets it, so the default
    /// applies again.
    pub fn set_text(&mut self, path: &str, text: &str) -> Result<(), SetError> {
        let def = registry::key(path).ok_or_else(|| SetError(format!("{path} is not a known key")))?;
        if text.is_empty() {
            self.set.remove(def.path);
            return Ok(());
        }
        let value = Value::from_text(def.kind, text)
            .ok_or_else(|| SetError(format!("{path} is not a text field")))?;
        self.set.insert(def.path, value);
        Ok(())
    }

    /// Unsets `path`.
    pub fn unset(&mut self, path: &str) {
        self.set.remove(path);
    }

    /// Every key that is set, with its registry row, in registry order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static KeyDef, &Value)> {
        KEYS.iter().filter_map(|k| self.set.get(k.path).map(|v| (k, v)))
    }

    /// How many keys are set.
    pub fn len(&self) -> usize {
        self.set.len()
    }

    /// Whether nothing is set.
    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }
}
