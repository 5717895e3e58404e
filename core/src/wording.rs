//! How the portal says counts: `1 file`, `3 files`. One rule for every message, so a
//! report never reads "1 warnings".

/// `n` with its noun, singular for one and plural (noun + `s`) otherwise.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(1, "warning"), "1 warning");
        assert_eq!(count(0, "error"), "0 errors");
        assert_eq!(count(2, "known key"), "2 known keys");
    }
}
