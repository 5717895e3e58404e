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

/// Texts longer than this (bytes) are one plain span: toning tens of thousands of
/// pieces per keystroke costs more than the colours are worth.
pub const PLAIN_ABOVE: usize = 48 * 1024;

/// Text as HTML text.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` as the HTML inside a code block: a span per piece (toned ones with their
/// class) and one per line break, or one span past [`PLAIN_ABOVE`]. Its text content
/// is exactly `text`, so what is copied from the page is what was made.
pub fn html(text: &str, yaml: bool) -> String {
    if text.len() > PLAIN_ABOVE {
        return format!("<span>{}</span>", escape(text));
    }
    let mut out = String::with_capacity(text.len() * 2);
    for (i, l) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<span>\n</span>");
        }
        for (tone, piece) in line(l, yaml) {
            match tone.class() {
                "" => out.push_str("<span>"),
                class => {
                    out.push_str("<span class=\"");
                    out.push_str(class);
                    out.push_str("\">");
                }
            }
            out.push_str(&escape(piece));
            out.push_str("</span>");
        }
    }
    out
}
