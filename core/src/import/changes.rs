//! What an import changed of the user's own answers: each value they had set that now
//! reads differently, old and new, so the report can list it beside Undo.

use crate::model::{Config, Value};
use crate::yaml::{double_quoted, scalar, to_yaml, EmitOptions, Node};

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

/// A value in one line: its text, else its YAML in flow style (`[{host: r1, port:
/// 6379}]`), so a list or a mapping shows what it holds, not `[]`.
fn shown(v: &Value) -> String {
    match v.text() {
        Some(t) => t.to_string(),
        None => {
            let mut out = String::new();
            flow(&v.to_node(), &mut out);
            out
        }
    }
}

/// `node` in YAML flow style, on one line.
fn flow(node: &Node, out: &mut String) {
    match node {
        Node::Seq(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                flow(item, out);
            }
            out.push(']');
        }
        Node::Map(entries) => {
            out.push('{');
            for (i, e) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&scalar(&e.key));
                out.push_str(": ");
                flow(&e.value, out);
            }
            out.push('}');
        }
        // A block scalar's lines would break the line: quoted, its newlines escaped.
        Node::Block(s) => out.push_str(&double_quoted(s)),
        scalar_node => out.push_str(to_yaml(scalar_node, EmitOptions::default()).trim_end()),
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

    /// A list shows what it holds, old and new (issue 23.4: it read `[] → []`).
    #[test]
    fn a_list_replaced_shows_its_items_old_and_new() {
        let mut before = Config::chart_defaults();
        let text = "ixnService:\n  ixnNode:\n    redis:\n      - host: redis.infra\n        port: 6379\n        is_redis_cluster: \"true\"\n";
        let (before_import, _) = import(&before, &[SourceFile { name: "mine.yaml", text }]).unwrap();
        before = before_import;
        let text = "ixnService:\n  ixnNode:\n    redis:\n      - host: $REDIS_ADDR\n        port: ${REDIS_PORT}\n";
        let (after, _) = import(&before, &[SourceFile { name: "genesys.yaml", text }]).unwrap();
        let got = changes(&before, &after);
        assert_eq!(
            got,
            [Change {
                path: "ixnService.ixnNode.redis",
                old: "[{host: redis.infra, port: 6379, is_redis_cluster: \"true\"}]".into(),
                new: "[{host: \"$REDIS_ADDR\", port: ${REDIS_PORT}}]".into(),
            }]
        );
    }
}
