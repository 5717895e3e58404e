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
        self.remember(i, &value);
        self.set[i] = Some(value);
        Ok(())
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

    /// The last text set at `path` in its text mode (a fixed Consul host, custom DB TLS
    /// options), even while another mode is set: what the text box shows when the
    /// user switches back.
    pub fn draft(&self, path: &str) -> Option<&str> {
        let i = registry::index_of(path)?;
        self.drafts.iter().find(|(k, _)| *k == i).map(|(_, t)| t.as_str())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Input;

    const HOST: &str = "ixnService.ixnNode.consul.host";
    const TLS: &str = "ixnService.ixnNode.db.options.ssl";

    #[test]
    fn a_text_mode_keeps_its_last_text_across_a_mode_switch_without_changing_the_answers() {
        let mut v = Values::new();
        assert_eq!(v.draft(HOST), None);
        v.set(HOST, Value::ConsulHost(ConsulHost::Literal("consul.infra".into()))).unwrap();
        v.set(HOST, Value::ConsulHost(ConsulHost::NodeIp)).unwrap();
        assert_eq!(v.draft(HOST), Some("consul.infra"));
        v.set(TLS, Value::DbTls(DbTls::Custom(Input::new("ca: x")))).unwrap();
        v.set(TLS, Value::DbTls(DbTls::On)).unwrap();
        assert_eq!(v.draft(TLS), Some("ca: x"));
        assert_eq!(v.draft(HOST), Some("consul.infra"));
        let mut same = Values::new();
        same.set(HOST, Value::ConsulHost(ConsulHost::NodeIp)).unwrap();
        same.set(TLS, Value::DbTls(DbTls::On)).unwrap();
        assert_eq!(v, same, "drafts are not answers");
    }
}
