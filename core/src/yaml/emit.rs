//! Writing a [`Node`] tree as block-style YAML that Helm reads back exactly.

use super::node::{Entry, Node};
use super::scalar::{double_quoted, needs_escape, scalar};

/// Options for [`to_yaml`].
#[derive(Debug, Clone, Copy, Default)]
pub struct EmitOptions {
    /// Write each entry's helm-docs comment above it as `# -- …`.
    pub comments: bool,
}

/// The tree as a YAML document. A mapping root is written without braces; the result
/// always ends with a newline.
pub fn to_yaml(root: &Node, opts: EmitOptions) -> String {
    let mut out = String::with_capacity(4096);
    match root {
        Node::Map(entries) if !entries.is_empty() => write_map(entries, 0, opts, &mut out),
        other => {
            write_inline(other, &mut out);
            out.push('\n');
        }
    }
    out
}

fn indent(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

fn write_map(entries: &[Entry], ind: usize, opts: EmitOptions, out: &mut String) {
    for (i, e) in entries.iter().enumerate() {
        if i > 0 {
            indent(out, ind);
        }
        if opts.comments {
            if let Some(c) = &e.comment {
                for (j, line) in c.lines().enumerate() {
                    out.push_str(if j == 0 { "# -- " } else { "# " });
                    out.push_str(line);
                    out.push('\n');
                    indent(out, ind);
                }
            }
        }
        out.push_str(&scalar(&e.key));
        out.push(':');
        write_value(&e.value, ind, opts, out);
    }
}

/// Writes what follows `key:` (or `- `): a scalar on the same line, or a nested block.
fn write_value(v: &Node, ind: usize, opts: EmitOptions, out: &mut String) {
    match v {
        Node::Map(entries) if !entries.is_empty() => {
            out.push('\n');
            indent(out, ind + 2);
            write_map(entries, ind + 2, opts, out);
        }
        Node::Seq(items) if !items.is_empty() => {
            out.push('\n');
            for item in items {
                indent(out, ind + 2);
                out.push('-');
                write_seq_item(item, ind + 2, opts, out);
            }
        }
        Node::Block(text) if block_ok(text) => {
            write_block(text, ind, out);
        }
        other => {
            out.push(' ');
            write_inline(other, out);
            out.push('\n');
        }
    }
}

/// Writes a sequence item after its `-`, at indentation `ind` of the dash.
fn write_seq_item(item: &Node, ind: usize, opts: EmitOptions, out: &mut String) {
    match item {
        Node::Map(entries) if !entries.is_empty() => {
            out.push(' ');
            write_map(entries, ind + 2, opts, out);
        }
        Node::Seq(items) if !items.is_empty() => {
            out.push('\n');
            for sub in items {
                indent(out, ind + 2);
                out.push('-');
                write_seq_item(sub, ind + 2, opts, out);
            }
        }
        other => write_value(other, ind, opts, out),
    }
}

fn write_inline(v: &Node, out: &mut String) {
    match v {
        Node::Null => out.push_str("null"),
        Node::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Node::Int(i) => out.push_str(&i.to_string()),
        Node::Float(f) => out.push_str(f),
        Node::Str(s) | Node::Block(s) => out.push_str(&scalar(s)),
        Node::Placeholder(p) => {
            if is_placeholder(p) {
                out.push_str(p)
            } else {
                out.push_str(&double_quoted(p))
            }
        }
        Node::Seq(_) => out.push_str("[]"),
        Node::Map(_) => out.push_str("{}"),
    }
}

/// `$NAME` or `${NAME}`: the only text written unquoted without a type check.
pub fn is_placeholder(s: &str) -> bool {
    let name = s.strip_prefix("${").and_then(|r| r.strip_suffix('}')).or_else(|| s.strip_prefix('$')).unwrap_or("");
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Whether a literal block can carry the text exactly. Otherwise it is double-quoted.
fn block_ok(text: &str) -> bool {
    !text.trim().is_empty()
        && text.contains('\n')
        && !text.chars().any(|c| c != '\n' && c != '\t' && needs_escape(c))
        // A line of only spaces before the content would confuse indentation detection,
        // and trailing spaces on the last kept line are fine, but lines of only
        // whitespace at the end are dropped by chomping rules.
        && !text.lines().last().is_some_and(|l| l.trim().is_empty())
}

fn write_block(text: &str, ind: usize, out: &mut String) {
    let trailing = text.len() - text.trim_end_matches('\n').len();
    let chomp = match trailing {
        0 => "-",
        1 => "",
        _ => "+",
    };
    out.push_str(" |");
    // Auto-detected indentation fails on a first line that starts with whitespace
    // (libyaml rejects a leading tab outright); say the indentation instead.
    if text.starts_with([' ', '\t', '\n']) {
        out.push('2');
    }
    out.push_str(chomp);
    out.push('\n');
    let body = text.trim_end_matches('\n');
    for line in body.split('\n') {
        if !line.is_empty() {
            indent(out, ind + 2);
            out.push_str(line);
        }
        out.push('\n');
    }
    for _ in 1..trailing {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(entries: Vec<(&str, Node)>) -> Node {
        Node::Map(entries.into_iter().map(|(k, v)| Entry { key: k.into(), value: v, comment: None }).collect())
    }

    #[test]
    fn nested_maps_lists_and_blocks() {
        let doc = m(vec![
            ("tenant", m(vec![("sid", Node::str("100"))])),
            ("list", Node::Seq(vec![m(vec![("name", Node::str("a")), ("x", Node::Int(1))])])),
            ("tpl", Node::Block("- a\n  b".into())),
            ("empty", Node::map()),
            ("port", Node::Placeholder("${REDIS_PORT}".into())),
        ]);
        assert_eq!(
            to_yaml(&doc, EmitOptions::default()),
            "tenant:\n  sid: \"100\"\nlist:\n  - name: a\n    x: 1\ntpl: |-\n  - a\n    b\nempty: {}\nport: ${REDIS_PORT}\n"
        );
    }

    #[test]
    fn block_starting_with_whitespace_gets_an_indentation_indicator() {
        let doc = Node::Map(vec![Entry { key: "b".into(), value: Node::Block("\t0\n".into()), comment: None }]);
        assert_eq!(to_yaml(&doc, EmitOptions::default()), "b: |2\n  \t0\n");
    }

    #[test]
    fn comments() {
        let doc =
            Node::Map(vec![Entry { key: "a".into(), value: Node::Bool(true), comment: Some("Enable it".into()) }]);
        assert_eq!(to_yaml(&doc, EmitOptions { comments: true }), "# -- Enable it\na: true\n");
    }
}
