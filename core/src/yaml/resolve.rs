//! What a plain (unquoted) YAML scalar means to a reader.
//!
//! Helm reads values files with a YAML 1.1 reader (go-yaml v2), where `on`, `y`,
//! `0100`, `1_000` and `12:30` are not strings. Tools around it read YAML 1.2. A string
//! may only be written plain when both schemas read it back as that same string, so the
//! writer asks this module. The rules are the YAML 1.1 type repository's regular
//! expressions and the YAML 1.2 core schema's, written out by hand (no regex crate: it
//! would cost the wasm bundle more than these few functions).

/// What a plain scalar resolves to.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolved {
    /// `null`, `~`, or nothing.
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer (the value is only computed when it fits in `i64`).
    Int(Option<i64>),
    /// A float, `.inf` or `.nan`.
    Float,
    /// A YAML 1.1 timestamp such as `2001-12-14`.
    Timestamp,
    /// The YAML 1.1 merge key `<<`.
    Merge,
    /// The YAML 1.1 value key `=`.
    ValueKey,
    /// A plain string.
    Str,
}

/// How a YAML 1.1 reader (Helm's) resolves a plain scalar.
pub fn resolve_yaml11(s: &str) -> Resolved {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Resolved::Null,
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            return Resolved::Bool(true)
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            return Resolved::Bool(false)
        }
        "<<" => return Resolved::Merge,
        "=" => return Resolved::ValueKey,
        _ => {}
    }
    if let Some(v) = int11(s) {
        return Resolved::Int(v);
    }
    if is_float11(s) {
        return Resolved::Float;
    }
    if is_timestamp11(s) {
        return Resolved::Timestamp;
    }
    Resolved::Str
}

/// How a YAML 1.2 core-schema reader resolves a plain scalar.
pub fn resolve_yaml12(s: &str) -> Resolved {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Resolved::Null,
        "true" | "True" | "TRUE" => return Resolved::Bool(true),
        "false" | "False" | "FALSE" => return Resolved::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf" | "-.INF" | ".nan" | ".NaN"
        | ".NAN" => return Resolved::Float,
        _ => {}
    }
    let (_, body) = split_sign(s);
    if let Some(hex) = s.strip_prefix("0x") {
        if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Resolved::Int(i64::from_str_radix(hex, 16).ok());
        }
    }
    if let Some(oct) = s.strip_prefix("0o") {
        if !oct.is_empty() && oct.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
            return Resolved::Int(i64::from_str_radix(oct, 8).ok());
        }
    }
    if !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit()) {
        return Resolved::Int(s.parse().ok());
    }
    if is_float12(body) {
        return Resolved::Float;
    }
    Resolved::Str
}

fn split_sign(s: &str) -> (bool, &str) {
    match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    }
}

/// YAML 1.1 `int`: binary, octal, decimal, hex and base 60, with `_` separators.
fn int11(s: &str) -> Option<Option<i64>> {
    let (neg, body) = split_sign(s);
    let signed = |v: Option<i64>| v.map(|v| if neg { -v } else { v });
    let digits = |t: &str, radix: u32| -> Option<Option<i64>> {
        let clean: String = t.chars().filter(|&c| c != '_').collect();
        let ok = !t.is_empty() && t.chars().all(|c| c == '_' || c.is_digit(radix));
        ok.then(|| signed(i64::from_str_radix(&clean, radix).ok()))
    };
    if let Some(b) = body.strip_prefix("0b") {
        return digits(b, 2);
    }
    if let Some(h) = body.strip_prefix("0x") {
        return digits(h, 16);
    }
    if body == "0" {
        return Some(Some(0));
    }
    if let Some(o) = body.strip_prefix('0') {
        return digits(o, 8);
    }
    let first = body.bytes().next()?;
    if !(b'1'..=b'9').contains(&first) {
        return None;
    }
    if body.contains(':') {
        return is_sexagesimal(body, false).then_some(None);
    }
    digits(body, 10)
}

/// `[1-9][0-9_]*(:[0-5]?[0-9])+`, optionally followed by `\.[0-9_]*` for floats.
fn is_sexagesimal(body: &str, float: bool) -> bool {
    let (whole, frac) = match body.find('.') {
        Some(i) if float => (&body[..i], Some(&body[i + 1..])),
        _ => (body, None),
    };
    if float && frac.is_none() {
        return false;
    }
    if let Some(f) = frac {
        if !f.bytes().all(|b| b.is_ascii_digit() || b == b'_') {
            return false;
        }
    }
    let mut parts = whole.split(':');
    let head = parts.next().unwrap_or("");
    let head_ok = !head.is_empty()
        && head.as_bytes()[0].is_ascii_digit()
        && head.bytes().all(|b| b.is_ascii_digit() || b == b'_')
        && (float || head.as_bytes()[0] != b'0');
    let mut n = 0;
    for p in parts {
        n += 1;
        let b = p.as_bytes();
        let ok = match b.len() {
            1 => b[0].is_ascii_digit(),
            2 => (b'0'..=b'5').contains(&b[0]) && b[1].is_ascii_digit(),
            _ => false,
        };
        if !ok {
            return false;
        }
    }
    head_ok && n > 0
}

/// YAML 1.1 `float`: `[-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?`, base 60, inf, nan.
fn is_float11(s: &str) -> bool {
    let (_, body) = split_sign(s);
    if matches!(body, ".inf" | ".Inf" | ".INF") || matches!(s, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    if body.contains(':') {
        return is_sexagesimal(body, true);
    }
    let b = body.as_bytes();
    let mut i = 0;
    if i < b.len() && b[i].is_ascii_digit() {
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_') {
            i += 1;
        }
    }
    if i >= b.len() || b[i] != b'.' {
        return false;
    }
    i += 1;
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
        i += 1;
    }
    if i == b.len() {
        return true;
    }
    if b[i] != b'e' && b[i] != b'E' {
        return false;
    }
    i += 1;
    if i >= b.len() || (b[i] != b'-' && b[i] != b'+') {
        return false;
    }
    i += 1;
    i < b.len() && b[i..].iter().all(u8::is_ascii_digit)
}

/// YAML 1.2 core `float` without the sign: `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
fn is_float12(body: &str) -> bool {
    let b = body.as_bytes();
    let mut i = 0;
    let int_digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        frac_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits == 0 && frac_digits == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
            i += 1;
        }
        let exp = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp == 0 {
            return false;
        }
        i += exp;
    }
    i == b.len()
}

/// Whether Rust's (and Go's lenient) decimal number parsing takes `s`: an optional
/// sign, then `inf`, `infinity` or `nan` in any case, or digits with an optional
/// point and exponent. A grammar rather than `s.parse::<f64>()`, so that the float
/// parser and its tables stay out of the wasm; a test holds the two equal.
pub fn is_decimal_number(s: &str) -> bool {
    let (_, body) = split_sign(s);
    is_float12(body) || ["inf", "infinity", "nan"].iter().any(|w| body.eq_ignore_ascii_case(w))
}

/// YAML 1.1 `timestamp`: starts `YYYY-M-D` (date, or date and time).
fn is_timestamp11(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 8 || !b[..4].iter().all(u8::is_ascii_digit) || b[4] != b'-' {
        return false;
    }
    let rest = &s[5..];
    let mut it = rest.splitn(2, '-');
    let month = it.next().unwrap_or("");
    let Some(tail) = it.next() else { return false };
    let day: String = tail.chars().take_while(char::is_ascii_digit).collect();
    (1..=2).contains(&month.len()) && month.bytes().all(|c| c.is_ascii_digit()) && (1..=2).contains(&day.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn decimal_numbers_are_what_rust_parses() {
        for s in [
            "1",
            "-1",
            "+1.",
            ".5",
            "1e5",
            "1E-5",
            "+inf",
            "-Infinity",
            "NaN",
            "1_0",
            ".",
            "e5",
            "1e",
            "--1",
            "",
            "+",
            "0x1",
            "1.2.3",
            "infinit",
        ] {
            assert_eq!(is_decimal_number(s), s.parse::<f64>().is_ok(), "{s:?}");
        }
    }

    proptest! {
        #[test]
        fn decimal_grammar_matches_the_float_parser(s in "[-+]?[0-9.eEinfatyINFATY+-]{0,8}") {
            prop_assert_eq!(is_decimal_number(&s), s.parse::<f64>().is_ok(), "{:?}", s);
        }
    }

    #[test]
    fn yaml11_corpus() {
        for s in ["on", "off", "yes", "no", "y", "n", "Y", "N", "ON", "True"] {
            assert!(matches!(resolve_yaml11(s), Resolved::Bool(_)), "{s}");
        }
        assert_eq!(resolve_yaml11("0100"), Resolved::Int(Some(64)));
        assert_eq!(resolve_yaml11("0x1F"), Resolved::Int(Some(31)));
        assert_eq!(resolve_yaml11("1_000"), Resolved::Int(Some(1000)));
        assert_eq!(resolve_yaml11("0b101"), Resolved::Int(Some(5)));
        assert_eq!(resolve_yaml11("12:30"), Resolved::Int(None));
        assert_eq!(resolve_yaml11("1:30:59.5"), Resolved::Float);
        assert_eq!(resolve_yaml11("1.5"), Resolved::Float);
        assert_eq!(resolve_yaml11("100.0.007.0400"), Resolved::Float);
        assert_eq!(resolve_yaml11("2001-12-14"), Resolved::Timestamp);
        assert_eq!(resolve_yaml11("<<"), Resolved::Merge);
        assert_eq!(resolve_yaml11("~"), Resolved::Null);
        for s in ["1e3", "12:60", "abc", "0x", "ixn-100", "100m", "1Gi", "0o17"] {
            assert_eq!(resolve_yaml11(s), Resolved::Str, "{s}");
        }
    }

    #[test]
    fn yaml12_corpus() {
        assert_eq!(resolve_yaml12("1e3"), Resolved::Float);
        assert_eq!(resolve_yaml12("0o17"), Resolved::Int(Some(15)));
        assert_eq!(resolve_yaml12("-12"), Resolved::Int(Some(-12)));
        assert_eq!(resolve_yaml12(".5"), Resolved::Float);
        assert_eq!(resolve_yaml12("yes"), Resolved::Str);
        assert_eq!(resolve_yaml12("1_000"), Resolved::Str);
    }
}
