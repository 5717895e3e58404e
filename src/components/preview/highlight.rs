//! Light syntax highlighting: comments, keys and quoted strings, as spans whose text
//! is exactly the input (the copy button copies the same text).

/// A span class for a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Plain text.
    Plain,
    /// A comment.
    Comment,
    /// A YAML key.
    Key,
    /// A quoted string.
    Str,
}

impl Tone {
    /// The CSS class.
    pub fn class(self) -> &'static str {
        match self {
            Tone::Plain => "",
            Tone::Comment => "tok-c",
            Tone::Key => "tok-k",
            Tone::Str => "tok-s",
        }
    }
}

/// Splits one line into toned pieces. `yaml` marks `key:` prefixes.
pub fn line(text: &str, yaml: bool) -> Vec<(Tone, &str)> {
    let trimmed = text.trim_start();
    if trimmed.starts_with('#') {
        return vec![(Tone::Comment, text)];
    }
    let mut out = Vec::new();
    let mut rest = text;
    if yaml {
        let indent = text.len() - trimmed.len();
        let body = trimmed.strip_prefix("- ").map(|b| (indent + 2, b)).unwrap_or((indent, trimmed));
        if let Some(colon) = body.1.find(": ").or_else(|| body.1.strip_suffix(':').map(|k| k.len())) {
            let key_end = body.0 + colon;
            let key = &text[body.0..key_end];
            if !key.is_empty() && !key.starts_with(['"', '\'', '{', '[']) || key.starts_with('"') && key.ends_with('"')
            {
                out.push((Tone::Plain, &text[..body.0]));
                out.push((Tone::Key, key));
                rest = &text[key_end..];
            }
        }
    }
    if let Some(q) = rest.find(['"', '\'']) {
        out.push((Tone::Plain, &rest[..q]));
        out.push((Tone::Str, &rest[q..]));
    } else {
        out.push((Tone::Plain, rest));
    }
    out.retain(|(_, t)| !t.is_empty());
    out
}
