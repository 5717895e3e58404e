//! Building bash that carries any text through unchanged.
//!
//! Arguments are quoted by `shell-words` (single quotes only, so `!`, `$` and backticks
//! stay literal even when pasted into an interactive shell). File contents travel in
//! quoted here-documents whose delimiter never occurs in the body.

use std::borrow::Cow;

/// One argument, quoted for bash.
pub fn quote(s: &str) -> Cow<'_, str> {
    shell_words::quote(s)
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
