//! `$NAME` and `${NAME}` placeholders a user typed or imported, to be filled in by
//! envsubst before helm.

use super::config::Config;
use super::value::Value;

/// Every placeholder name in `text`, in order.
pub fn names_in(text: &str) -> Vec<String> {
    spans_in(text).into_iter().map(|(_, name)| name).collect()
}

/// Every placeholder in `text`, in order: where it is (`$NAME` or `${NAME}` whole) and
/// its name.
pub fn spans_in(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'$' {
            i += 1;
            continue;
        }
        let braced = b.get(i + 1) == Some(&b'{');
        let start = i + 1 + usize::from(braced);
        let mut end = start;
        while end < b.len() && (b[end].is_ascii_alphanumeric() || b[end] == b'_') {
            end += 1;
        }
        let valid = end > start && !b[start].is_ascii_digit() && (!braced || b.get(end) == Some(&b'}'));
        if valid {
            out.push((i..end + usize::from(braced), text[start..end].to_string()));
        }
        i = end.max(i + 1);
    }
    out
}

/// The placeholders in the user's string values (not in templates, where `$x` is a Go
/// template variable), without duplicates, in registry order.
pub fn user_placeholders(cfg: &Config) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: &str| {
        for n in names_in(s) {
            if !out.contains(&n) {
                out.push(n);
            }
        }
    };
    for (_, v) in cfg.values.iter() {
        match v {
            Value::Str(s) => add(s),
            Value::Port(i) => add(i.raw()),
            Value::Int(i) => add(i.raw()),
            Value::Quantity(i) => add(i.raw()),
            Value::Redis(nodes) => {
                for n in nodes {
                    add(&n.host);
                    add(n.port.raw());
                }
            }
            Value::Map(m) => {
                for (_, val) in m {
                    add(val);
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_both_spellings() {
        assert_eq!(names_in("ixn-db-secret-$TENANT_SID"), ["TENANT_SID"]);
        assert_eq!(names_in("${A}-$B_2 $ {C} $1 ${D"), ["A", "B_2"]);
        assert!(names_in("price: $").is_empty());
    }
}
