//! The comments above the keys of a values file, by key path: what `helm show values`
//! prints above each key, and helm-docs' `# -- description` where the chart has them.
//!
//! The YAML parser drops comments, so this reads the lines itself. It only has to find
//! which key a comment block sits above: block mappings by indentation, skipping block
//! scalars and sequences (their items have no key path of their own).

/// Key path (segments from the root) → the comment written above that key.
pub type KeyComments = Vec<(Vec<String>, String)>;

/// The comment above each key of `text`. A helm-docs `# --` comment wins over the plain
/// comment lines before it; a blank line ends a plain comment (it belongs to a section,
/// not the key); `# @default -- …` and other `# @` annotations are left out.
pub fn key_comments(text: &str) -> KeyComments {
    let mut out = KeyComments::new();
    // The open mappings: (indentation, key).
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut helm_docs = false;
    // Lines deeper than this belong to a block scalar or a sequence: no keys there.
    let mut skip_deeper: Option<usize> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.is_empty() {
            if !helm_docs {
                pending.clear();
            }
            continue;
        }
        if let Some(level) = skip_deeper {
            if indent > level || (indent == level && trimmed.starts_with('-')) {
                continue;
            }
            skip_deeper = None;
        }
        if let Some(c) = trimmed.strip_prefix('#') {
            let c = c.strip_prefix(' ').unwrap_or(c);
            if let Some(doc) = c.strip_prefix("--") {
                pending = vec![doc.trim().to_string()];
                helm_docs = true;
            } else if !(c.trim_start().starts_with('@') || c.starts_with("---") || c.chars().all(|ch| ch == '#')) {
                pending.push(c.trim_end().to_string());
            }
            continue;
        }
        if trimmed.starts_with('-') {
            // A sequence at the same indentation as its key ("key:\n- a").
            skip_deeper = Some(indent);
            pending.clear();
            helm_docs = false;
            continue;
        }
        let Some((key, rest)) = split_key(trimmed) else {
            pending.clear();
            helm_docs = false;
            continue;
        };
        while stack.last().is_some_and(|(i, _)| *i >= indent) {
            stack.pop();
        }
        let mut path: Vec<String> = stack.iter().map(|(_, k)| k.clone()).collect();
        path.push(key.clone());
        let comment = pending.join("\n").trim().to_string();
        if !comment.is_empty() {
            out.push((path, comment));
        }
        pending.clear();
        helm_docs = false;
        let rest = rest.trim_start();
        let value = rest.split(" #").next().unwrap_or("").trim();
        if value.starts_with('|') || value.starts_with('>') {
            skip_deeper = Some(indent);
        } else if value.is_empty() || value.starts_with('&') {
            stack.push((indent, key));
        } else if value.starts_with('[') || value.starts_with('{') {
            // A flow collection may span lines; its inner keys have no comments of
            // their own that matter here.
            if !balanced(value) {
                skip_deeper = Some(indent);
            }
        }
    }
    out
}

/// `key: rest` with the key unquoted, or `None` when the line is not a mapping key.
fn split_key(line: &str) -> Option<(String, &str)> {
    let (key, rest) = if let Some(q @ ('"' | '\'')) = line.chars().next() {
        let end = line[1..].find(q)? + 1;
        let rest = line[end + 1..].strip_prefix(':')?;
        (line[1..end].to_string(), rest)
    } else {
        let mut at = None;
        for (i, c) in line.char_indices() {
            if c == ':' && line[i + 1..].chars().next().is_none_or(|n| n == ' ' || n == '\t') {
                at = Some(i);
                break;
            }
            if c == '#' && i > 0 && line[..i].ends_with(' ') {
                return None;
            }
        }
        let i = at?;
        (line[..i].trim_end().to_string(), &line[i + 1..])
    };
    (!key.is_empty() && !rest.starts_with(':')).then_some((key, rest))
}

fn balanced(s: &str) -> bool {
    let open = s.chars().filter(|c| matches!(c, '[' | '{')).count();
    let close = s.chars().filter(|c| matches!(c, ']' | '}')).count();
    open <= close
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at<'a>(c: &'a KeyComments, path: &str) -> Option<&'a str> {
        c.iter().find(|(p, _)| p.join(".") == path).map(|(_, t)| t.as_str())
    }

    #[test]
    fn comments_land_on_their_keys() {
        let text = "\
## Section header

# The tenant.
tenant:
  # -- Tenant UUID
  # or GWS ID.
  id: ~
  # plain
  sid: \"1\"
image:
  # @default -- computed
  # Registry.
  registry: \"\"
  list:
  - a: 1
    # not a key of image
    b: 2
  after: x
block: |
  # not a comment
  inner: 1
'quoted key': 1
";
        let c = key_comments(text);
        assert_eq!(at(&c, "tenant"), Some("The tenant."));
        assert_eq!(at(&c, "tenant.id"), Some("Tenant UUID\nor GWS ID."));
        assert_eq!(at(&c, "tenant.sid"), Some("plain"));
        assert_eq!(at(&c, "image.registry"), Some("Registry."));
        assert_eq!(at(&c, "image.after"), None);
        assert_eq!(at(&c, "block.inner"), None);
        assert_eq!(at(&c, "image.b"), None);
    }
}
