//! A configuration with its credentials masked, for previews: beside [`super::config`]
//! and [`super::placeholders`] (a placeholder holds no secret), so that neither of
//! those imports the other.

use super::config::Config;
use super::placeholders::names_in;
use super::value::Value;

impl Config {
    /// The configuration with every credential (context secrets and `SECRET` keys)
    /// replaced by `mask`, for previews that must not show them.
    pub fn masked(&self, mask: &str) -> Config {
        let mut values = self.values.clone();
        for def in crate::registry::KEYS.iter().filter(|k| k.secret()) {
            if let Some(Value::Str(s)) = values.get(def) {
                // A value that is only a placeholder (`$ixn_db_password`) names a
                // variable, holds no secret, and must read the same in the preview.
                let names = names_in(s);
                let only_var = matches!(names.as_slice(), [n] if *s == format!("${n}") || *s == format!("${{{n}}}"));
                if !s.is_empty() && !only_var {
                    values.set(def, Value::Str(mask.to_string()));
                }
            }
        }
        Config { values, deploy: self.deploy.masked(mask), unknown: self.unknown.clone(), chart: self.chart.clone() }
    }
}
