//! Building bash that carries any text through unchanged.
//!
//! Arguments are single-quoted (so `!` and backticks stay literal even when pasted into
//! an interactive shell), each `$` escaped outside the quotes (see [`quote`]). File
//! contents travel in quoted here-documents whose delimiter never occurs in the body.

use std::borrow::Cow;

/// One argument, quoted for bash: left bare when it holds only letters, digits and
/// `-_./:@+,`, else single-quoted (a `'` as `'\''`), with each `$` and backtick written
/// outside the quotes as `\$` and ``\` `` (`pa$$word` is `pa\$\$word`, `a b$c` is
/// `'a b'\$c`).
//
// Both spellings are literal to bash, but shellcheck reads a `$name` or a backtick
// inside single quotes as an expansion the author meant to happen (SC2016, "expressions
// don't expand in single quotes"). With the `$` outside, every script is clean whatever was
// typed, and no directive has to silence the check for the generator's own text too.
// The bare set is narrower than shell-words' own: it left `{a,b}` bare (brace expansion
// makes two words of it) and `!` (history expansion when pasted).
pub fn quote(s: &str) -> Cow<'_, str> {
    if !s.contains(['$', '`']) {
        return single(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut rest = s;
    while let Some(at) = rest.find(['$', '`']) {
        if at > 0 {
            out.push_str(&single(&rest[..at]));
        }
        out.push('\\');
        out.push_str(&rest[at..at + 1]);
        rest = &rest[at + 1..];
    }
    if !rest.is_empty() {
        out.push_str(&single(rest));
    }
    Cow::Owned(out)
}

/// `s` bare when every character is safe bare, else all in single quotes, `$` too: only
/// for text a program reads with its `$`s (envsubst's list of names); see [`quote`].
pub fn single(s: &str) -> Cow<'_, str> {
    let bare = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ':' | '@' | '+' | ',');
    if !s.is_empty() && s.chars().all(bare) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(format!("'{}'", s.replace('\'', "'\\''")))
    }
}

/// `s` as one shell word in which the placeholders named in `vars` (`$NAME` or
/// `${NAME}`, envsubst's forms) are expanded by the shell from the environment, as
/// `"${NAME}"`, and every other character stays literal (single-quoted as [`quote`]
/// does): `ixn-$TENANT_SID` becomes `ixn-"${TENANT_SID}"`. Without such a placeholder it
/// is [`quote`] of `s`.
pub fn quote_filling<'a>(s: &'a str, vars: &[String]) -> Cow<'a, str> {
    let chosen: Vec<_> =
        crate::model::spans_in(s).into_iter().filter(|(_, name)| vars.iter().any(|v| v == name)).collect();
    if chosen.is_empty() {
        return quote(s);
    }
    let mut out = String::new();
    let mut literal = 0;
    for (span, name) in chosen {
        if literal < span.start {
            out.push_str(&quote(&s[literal..span.start]));
        }
        out.push_str(&format!("\"${{{name}}}\""));
        literal = span.end;
    }
    if literal < s.len() {
        out.push_str(&quote(&s[literal..]));
    }
    Cow::Owned(out)
}

/// A command line from its words, each quoted, wrapped with `\` when long.
pub fn command(words: &[&str]) -> String {
    command_filling(words, &[])
}

/// [`command`], with the placeholders named in `vars` filled in by the shell
/// ([`quote_filling`]).
pub fn command_filling(words: &[&str], vars: &[String]) -> String {
    let quoted: Vec<Cow<'_, str>> = words.iter().map(|w| quote_filling(w, vars)).collect();
    let one_line: usize = quoted.iter().map(|q| q.len() + 1).sum();
    if one_line <= 100 {
        return quoted.join(" ");
    }
    let mut out = String::new();
    let mut line_len = 0;
    for (i, q) in quoted.iter().enumerate() {
        // Keep the command and its first argument together, then one flag per line.
        if i > 1 && (q.starts_with('-') || q.starts_with("'-") || line_len + q.len() > 100) {
            out.push_str(" \\\n  ");
            line_len = 2;
        } else if i > 0 {
            out.push(' ');
            line_len += 1;
        }
        out.push_str(q);
        line_len += q.len();
    }
    out
}

/// `prefix <<'DELIM'` + body + `DELIM`: the body reaches the command's stdin verbatim.
/// The delimiter is chosen so that no line of the body equals it.
pub fn heredoc(prefix: &str, body: &str, delimiter: &str) -> String {
    let mut delim = delimiter.to_string();
    let mut n = 1;
    while body.lines().any(|l| l == delim) {
        n += 1;
        delim = format!("{delimiter}_{n}");
    }
    let mut out = format!("{prefix} <<'{delim}'\n{body}");
    if !body.ends_with('\n') {
        // A body without a final newline cannot travel exactly; here-docs add one.
        out.push('\n');
    }
    out.push_str(&delim);
    out
}

/// Text made safe inside a `#` comment: a newline there would end the comment and run
/// the rest, so line breaks and other control characters become `?`.
pub fn comment_text(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { '?' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dollar_is_escaped_outside_the_single_quotes() {
        assert_eq!(quote("pa$$word"), "pa\\$\\$word");
        assert_eq!(quote("a b$c"), "'a b'\\$c");
        assert_eq!(quote("${X}"), "\\$'{X}'");
        assert_eq!(quote("it's"), "'it'\\''s'");
        // Brace expansion and history expansion stay out.
        assert_eq!(quote("{a,b}"), "'{a,b}'");
        assert_eq!(quote("a!b"), "'a!b'");
        assert_eq!(quote("`id` x"), "\\`id\\`' x'");
        assert_eq!(quote("$"), "\\$");
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote(""), "''");
    }

    #[test]
    fn heredoc_avoids_collisions() {
        assert_eq!(heredoc("cat", "EOF\nx\n", "EOF"), "cat <<'EOF_2'\nEOF\nx\nEOF_2");
    }

    #[test]
    fn long_commands_wrap_at_flags() {
        let c = command(&[
            "kubectl",
            "create",
            "secret",
            "generic",
            "x",
            "--namespace",
            "ns",
            &"--from-literal=a=".repeat(10),
        ]);
        assert!(c.contains(" \\\n  "));
    }
}
