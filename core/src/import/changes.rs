//! What an import changed of the user's own answers: each value they had set that now
//! reads differently, old and new, so the report can list it beside Undo.

use crate::model::{Config, Value};
use crate::yaml::{to_yaml, EmitOptions};

/// One of the user's values an import changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The key path.
    pub path: &'static str,
    /// The value before, as the form shows it.
    pub old: String,
    /// The value after (`(chart default)` when the import unset it).
    pub new: String,
}

/// What a change shows in place of a credential.
const SECRET: &str = "(a secret)";

/// A value in one line: its text, else its YAML with the lines joined.
fn shown(v: &Value) -> String {
    match v.text() {
        Some(t) => t.to_string(),
        None => to_yaml(&v.to_node(), EmitOptions::default())
            .trim_end()
            .split('\n')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// Every value the user had set in `before` that `after` holds differently, in
/// registry order.
pub fn changes(before: &Config, after: &Config) -> Vec<Change> {
    before
        .values
        .iter()
        .filter_map(|(def, old)| {
            let new = after.values.get(def);
            if new == Some(old) {
                return None;
            }
            let (old, new) = if def.secret() {
                (SECRET.to_string(), if new.is_some() { SECRET.to_string() } else { "(unset)".to_string() })
            } else {
                (shown(old), new.map(shown).unwrap_or_else(|| "(chart default)".to_string()))
            };
            Some(Change { path: def.path, old, new })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{import, SourceFile};
    use crate::registry::keys;

    #[test]
    fn an_import_lists_each_value_of_the_users_it_changed_and_only_those() {
        let mut before = Config::chart_defaults();
        before.values.set_text(keys::TENANT_SID, "100").unwrap();
        before.values.set_text(keys::IXN_SERVICE_IXN_SERVER_DB_HOST, "pg.old").unwrap();
        before.values.set_text(keys::IXN_SERVICE_IXN_SERVER_SECRETS_DB_PASSWORD, "old-Secret").unwrap();
        let text = "tenant:\n  sid: \"100\"\nixnService:\n  ixnServer:\n    db:\n      host: pg.new\n      port: 5433\n    secrets:\n      db:\n        password: new-Secret\n";
        let (after, _) = import(&before, &[SourceFile { name: "a.yaml", text }]).unwrap();
        let got = changes(&before, &after);
        assert_eq!(
            got,
            [
                Change { path: "ixnService.ixnServer.db.host", old: "pg.old".into(), new: "pg.new".into() },
                Change { path: "ixnService.ixnServer.secrets.db.password", old: SECRET.into(), new: SECRET.into() },
            ],
            "the sid is unchanged and the port was not the user's: neither is listed; no secret is shown"
        );
    }
}
