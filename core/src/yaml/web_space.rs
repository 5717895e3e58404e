//! Spaces pasted from web pages. Text copied from a docs site or a word processor
//! carries no-break and other Unicode spaces, which YAML does not count as spaces: in
//! the indentation or after an indicator they silently make other keys. The reader
//! refuses them there, saying where and what to do.

use super::read_error::ReadError;

/// Spaces YAML does not count as spaces, which text copied from web pages and word
/// processors carries: no-break, typographic and zero-width spaces.
fn is_web_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{2000}'..='\u{200b}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}')
}

/// The first such space where YAML needs an ordinary one (in the indentation, or after
/// `:`, `-`, `?` or `,`), outside quoted text and comments: the parser would silently
/// read another structure (a key `\u{a0}\u{a0}sid`, or `sid:\u{a0}1` as one string).
pub(super) fn web_space(text: &str) -> Option<ReadError> {
    // Most files hold none: one cheap pass decides.
    if text.is_ascii() || !text.chars().any(is_web_space) {
        return None;
    }
    let mut quote: Option<char> = None;
    // Inside a block scalar (`|`, `>`): lines indented deeper than this are text.
    let mut block: Option<usize> = None;
    for (n, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(parent) = block {
            if line.trim().is_empty() || indent > parent {
                continue;
            }
            block = None;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut leading = quote.is_none();
        let mut prev = ' ';
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            match quote {
                // `\x` inside double quotes, `''` inside single quotes: still quoted.
                Some('"') if c == '\\' => i += 1,
                Some('\'') if c == '\'' && chars.get(i + 1) == Some(&'\'') => i += 1,
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if is_web_space(c) && (leading || matches!(prev, ':' | '-' | '?' | ',')) => {
                    return Some(ReadError {
                        message: format!(
                            "a {} (U+{:04X}) where YAML needs an ordinary space; text copied from a web page often has them: \
                             replace it with an ordinary space",
                            if c == '\u{a0}' { "no-break space" } else { "Unicode space" },
                            c as u32
                        ),
                        line: Some(n + 1),
                        column: Some(i + 1),
                    });
                }
                None if c == '#' && (prev == ' ' || prev == '\t') => break,
                None if (c == '"' || c == '\'') && matches!(prev, ' ' | '\t' | ':' | '-' | '[' | '{' | ',') => {
                    quote = Some(c)
                }
                None => {}
            }
            if leading && !matches!(c, ' ' | '\t') && !is_web_space(c) {
                leading = false;
            }
            prev = c;
            i += 1;
        }
        // `key: |-`, `- >2` and the like open a block scalar.
        let code = line.split(" #").next().unwrap_or("").trim_end();
        let header = code.trim_end_matches(['-', '+', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
        if quote.is_none() && (header.ends_with(" |") || header.ends_with(" >") || header == "|" || header == ">") {
            block = Some(indent);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::yaml::{read_yaml, Limits};

    #[test]
    fn spaces_from_web_pages_are_refused_where_yaml_needs_a_space() {
        for (text, line, column) in [
            ("tenant:\n\u{a0}\u{a0}sid: 1\n", 2, 1),
            ("tenant:\n  sid:\u{a0}\"100\"\n", 2, 7),
            ("list:\n  -\u{2003}a\n", 2, 4),
            ("a: [1,\u{a0}2]\n", 1, 7),
            ("a: |-\n  text\nb:\u{a0}1\n", 3, 3),
        ] {
            let e = read_yaml(text, Limits::default()).unwrap_err();
            assert_eq!((e.line, e.column), (Some(line), Some(column)), "{text:?}: {e}");
            assert!(e.message.contains("ordinary space"), "{e}");
        }
        // Inside quotes, in the middle of a value and in comments they are text.
        for text in [
            "a: \"x:\u{a0}y\"\n",
            "a: 'it''s:\u{a0}fine'\n",
            "a: \"multi\n  \u{a0}line\"\n",
            "a: one\u{a0}two\n",
            "a: 1 # note:\u{a0}x\n",
            "\u{feff}a: 1\n",
            "a: |-\n  \u{a0}lead\n  x:\u{a0}y\nb: 1\n",
            "- >\n  \u{3000}x\n",
        ] {
            assert!(read_yaml(text, Limits::default()).is_ok(), "{text:?}: {:?}", read_yaml(text, Limits::default()));
        }
    }
}
