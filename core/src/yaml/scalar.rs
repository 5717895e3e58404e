//! Writing one string as a YAML scalar that every reader gets back unchanged.
//!
//! `serde_yaml` and its fork leave `on`, `y` or `12:30` unquoted because they are
//! strings in YAML 1.2, but Helm reads YAML 1.1. This writer only emits a plain scalar
//! when the text is in a deliberately small safe alphabet *and* resolves to a string
//! under both schemas; everything else is double-quoted with escapes for every character
//! a YAML 1.1 reader would fold, strip or reject.

use super::resolve::{is_decimal_number, resolve_yaml11, resolve_yaml12, Resolved};
use std::borrow::Cow;
use std::fmt::Write;

/// `$`, `{` and `}` are left out on purpose: a `${VAR}` that envsubst fills in later
/// must sit inside quotes, or the substituted text could change type or break the file.
///
/// Whether `s` may be written as a plain scalar and read back as the same string by a
/// YAML 1.1 and a YAML 1.2 reader.
pub fn is_plain_safe(s: &str) -> bool {
    let bytes = s.as_bytes();
    let Some(&first) = bytes.first() else { return false };
    let first_ok = first.is_ascii_alphanumeric() || matches!(first, b'/' | b'_' | b'.');
    if !first_ok || s.starts_with("..") {
        return false;
    }
    let inner_ok = |b: u8| {
        b.is_ascii_alphanumeric()
            || matches!(b, b' ' | b'-' | b'_' | b'.' | b'/' | b':' | b'@' | b'+' | b'=')
            || matches!(b, b';' | b',' | b'~' | b'(' | b')' | b'%' | b'^')
    };
    if !bytes.iter().all(|&b| inner_ok(b)) {
        return false;
    }
    if s.ends_with(' ') || s.ends_with(':') || s.contains(" #") || s.contains(": ") {
        return false;
    }
    if s.contains("  ") {
        // Runs of spaces survive, but a folding reader could disagree; quote them.
        return false;
    }
    resolve_yaml11(s) == Resolved::Str && resolve_yaml12(s) == Resolved::Str && !numeric_like(s)
}

/// Anything go-yaml's lenient number parsing might take (`1e3`, `+5`, `1_0.5`).
fn numeric_like(s: &str) -> bool {
    let first = s.as_bytes()[0];
    if !(first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.')) {
        return false;
    }
    let clean: String = s.chars().filter(|&c| c != '_').collect();
    is_decimal_number(&clean)
}

/// The string as a YAML scalar: plain when safe, double-quoted otherwise.
pub fn scalar(s: &str) -> Cow<'_, str> {
    if is_plain_safe(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(double_quoted(s))
    }
}

/// The string as a double-quoted YAML scalar on one line.
pub fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if needs_escape(c) => {
                let v = c as u32;
                if v <= 0xFF {
                    let _ = write!(out, "\\x{v:02X}");
                } else if v <= 0xFFFF {
                    let _ = write!(out, "\\u{v:04X}");
                } else {
                    let _ = write!(out, "\\U{v:08X}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Characters outside YAML 1.1's printable set, or ones it treats as line breaks or
/// a byte-order mark.
pub fn needs_escape(c: char) -> bool {
    let v = c as u32;
    v < 0x20
        || (0x7F..=0x9F).contains(&v)
        || matches!(v, 0x2028 | 0x2029 | 0xFEFF | 0xFFFE | 0xFFFF)
        || (0xD800..=0xDFFF).contains(&v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_when_boring() {
        for s in
            ["ixn-100", "100m", "1Gi", "/mnt/logs", "status.hostIP", "a b", "KeepaliveInterval=1;KeepaliveTime=60;"]
        {
            assert_eq!(scalar(s), s, "{s}");
        }
    }

    #[test]
    fn quoted_when_ambiguous() {
        for s in [
            "on",
            "off",
            "yes",
            "no",
            "y",
            "n",
            "~",
            "null",
            "0100",
            "0x1F",
            "1e3",
            "1_000",
            "12:30",
            "2001-12-14",
            "<<",
            "- a",
            "a: b",
            "a #b",
            " lead",
            "trail ",
            "",
            "=",
            "100",
            "1.25",
            "100.0.007.0400",
            "true",
            "-",
            "?",
            "*a",
            "&a",
            "!t",
            "%d",
            "@x",
            "`x",
            "'",
            "\"",
            "\\",
            "a\tb",
            "a\nb",
            "\u{1F600}",
            "..",
            "...",
            "${TENANT_ID}",
            "ixn-${SID}",
        ] {
            assert!(scalar(s).starts_with('"'), "{s:?} should be quoted");
        }
    }

    #[test]
    fn escapes() {
        assert_eq!(double_quoted("a\"b\\c\n"), r#""a\"b\\c\n""#);
        assert_eq!(double_quoted("\u{85}\u{2028}\u{1}"), r#""\x85\u2028\x01""#);
    }
}
