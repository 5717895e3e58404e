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

/// The lines of `text` as a code block holds them, each with its line break: one
/// element per line, so that an edit replaces only the lines it changed.
pub fn lines(text: &str) -> std::str::SplitInclusive<'_, char> {
    text.split_inclusive('\n')
}

/// Whether `text` is shown plain: one text, untoned (past [`PLAIN_ABOVE`]).
pub fn plain(text: &str) -> bool {
    text.len() > PLAIN_ABOVE
}

/// One line of [`lines`] as HTML, appended to `out`: a span holding its toned pieces
/// (a span each, toned ones with their class) and its line break.
pub fn line_html(line: &str, yaml: bool, out: &mut String) {
    out.push_str("<span>");
    let (body, end) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
    for (tone, piece) in self::line(body, yaml) {
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
    out.push_str(end);
    out.push_str("</span>");
}

/// `text` as the HTML inside a code block: a span per line of [`lines`], as
/// [`line_html`] makes it, or one span past [`PLAIN_ABOVE`]. Its text content is
/// exactly `text`, so what is copied from the page is what was made.
pub fn html(text: &str, yaml: bool) -> String {
    if plain(text) {
        return format!("<span>{}</span>", escape(text));
    }
    let mut out = String::with_capacity(text.len() * 2);
    for l in lines(text) {
        line_html(l, yaml, &mut out);
    }
    out
}

/// How many lines `old` and `new` (each [`lines`] of a text) share at their start,
/// and then at their end (not counting a line twice): the lines between are all an
/// edit has to replace.
pub fn shared_ends(old: &[&str], new: &[&str]) -> (usize, usize) {
    let head = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let (old, new) = (&old[head..], &new[head..]);
    let tail = old.iter().rev().zip(new.iter().rev()).take_while(|(a, b)| a == b).count();
    (head, tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of HTML made of spans: tags dropped, entities read back.
    fn text_of(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
    }

    #[test]
    fn html_text_is_the_text_and_one_span_per_line() {
        let big = "z: <1>\n".repeat(20_000);
        assert_eq!(text_of(&html(&big, true)), big);
        assert_eq!(html(&big, true).matches("<span").count(), 1, "past PLAIN_ABOVE, one span");
        for text in ["", "a", "a\n", "\n\n", "k: \"v\" # <&>\n  - x: 'y'\n# c", &"z: 1\n".repeat(5_000)] {
            for yaml in [true, false] {
                let h = html(text, yaml);
                assert_eq!(text_of(&h), text);
                // Each line is one top-level span: the DOM updates count on it.
                let mut depth = 0;
                let mut top = 0;
                for (i, _) in h.match_indices('<') {
                    if h[i..].starts_with("</") {
                        depth -= 1;
                    } else {
                        if depth == 0 {
                            top += 1;
                        }
                        depth += 1;
                    }
                }
                assert_eq!(top, lines(text).count(), "{text:?}");
            }
        }
    }

    fn shared_ends(old: &str, new: &str) -> (usize, usize) {
        super::shared_ends(&lines(old).collect::<Vec<_>>(), &lines(new).collect::<Vec<_>>())
    }

    #[test]
    fn shared_ends_find_the_changed_lines() {
        assert_eq!(shared_ends("a\nb\nc\n", "a\nB\nc\n"), (1, 1));
        assert_eq!(shared_ends("a\nb\n", "a\nb\n"), (2, 0));
        assert_eq!(shared_ends("a\na\n", "a\na\na\n"), (2, 0));
        assert_eq!(shared_ends("x\na\n", "a\n"), (0, 1));
        assert_eq!(shared_ends("", "a"), (0, 0));
        // The last line gains a break: it changed.
        assert_eq!(shared_ends("a\nb", "a\nb\n"), (1, 0));
        assert_eq!(shared_ends("a\nb", "a\nb\nc"), (1, 0));
    }
}
