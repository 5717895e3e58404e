//! "Did you mean …?" for keys the registry does not know.

use crate::registry::keys_under;

/// Edit distance (insertions, deletions, substitutions, adjacent swaps), ignoring
/// ASCII case (the registry's keys are ASCII). Three rows of the table at a time, in
/// one buffer: an import asks it for every unknown key against each of its siblings.
fn distance(a: &str, b: &str) -> usize {
    let lower = |s: &str| -> Vec<char> { s.chars().map(|c| c.to_ascii_lowercase()).collect() };
    let (a, b) = (lower(a), lower(b));
    let m = b.len() + 1;
    // Rows i-2, i-1 and i, each of m cells.
    let mut rows = vec![0usize; 3 * m];
    for (j, cell) in rows[m..2 * m].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (older, rest) = rows.split_at_mut(m);
        let (prev, cur) = rest.split_at_mut(m);
        cur[0] = i;
        for j in 1..m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(older[j - 2] + 1);
            }
            cur[j] = d;
        }
        // Shift: i-1 becomes i-2, i becomes i-1.
        rows.copy_within(m..3 * m, 0);
    }
    rows[m + b.len()]
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x.eq_ignore_ascii_case(y)).count()
}

/// The known key name under the same parent that `key` most likely meant, if any:
/// a small edit distance (`pullPolicey` → `pullPolicy`) or a long shared start
/// (`serviceq` → `serviceAccount`).
pub fn suggest(parent: &[String], key: &str) -> Option<String> {
    closest(key, siblings(parent)).map(str::to_string)
}

/// The names of the registry's keys (or mappings of keys) right under `parent`.
pub(super) fn siblings(parent: &[String]) -> Vec<&'static str> {
    let prefix = if parent.is_empty() { String::new() } else { format!("{}.", parent.join(".")) };
    let mut siblings: Vec<&'static str> = Vec::new();
    for k in keys_under(&prefix) {
        let rest = &k.path[prefix.len()..];
        let name = rest.split('.').next().unwrap_or(rest);
        if !siblings.contains(&name) {
            siblings.push(name);
        }
    }
    siblings
}

/// The name among `names` that `word` most likely meant, if any: a small edit distance
/// (`namepsace` → `namespace`) or a long shared start (`serviceq` → `serviceAccount`).
/// What [`suggest`] asks of the registry's keys, for any list of names.
pub fn closest<'a>(word: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    names
        .into_iter()
        .filter(|s| *s != word)
        .filter_map(|s| {
            let shared = common_prefix(word, s);
            let long_start = shared >= 4 && shared * 2 >= word.len();
            let limit = (word.len().max(s.len()) / 4).max(1);
            // The lengths' difference is a floor of the distance: most names are
            // ruled out without computing it.
            if !long_start && word.len().abs_diff(s.len()) > limit {
                return None;
            }
            let dist = distance(word, s);
            Some((s, dist, shared, dist <= limit || long_start))
        })
        .filter(|(.., ok)| *ok)
        .min_by_key(|(s, dist, shared, _)| (*dist as isize - *shared as isize, s.len(), *s))
        .map(|(s, ..)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Vec<String> {
        s.split('.').map(str::to_string).collect()
    }

    #[test]
    fn near_misses() {
        assert_eq!(suggest(&p("ixnService.ixnServer"), "serviceq").as_deref(), Some("serviceAccount"));
        assert_eq!(suggest(&p("image"), "pullPolicey").as_deref(), Some("pullPolicy"));
        assert_eq!(suggest(&[], "tennant").as_deref(), Some("tenant"));
        assert_eq!(suggest(&p("ixnService.ixnNode"), "redisOption").as_deref(), Some("redisOptions"));
        assert_eq!(suggest(&p("ixnService.image.logSidecar"), "registry"), None);
        assert_eq!(suggest(&[], "completelyDifferent"), None);
        assert_eq!(closest("namepsace", ["chart", "namespace"]), Some("namespace"));
        assert_eq!(closest("chartVerison", ["chart", "chartVersion"]), Some("chartVersion"));
        assert_eq!(closest("zzz", ["chart", "namespace"]), None);
        for (a, b, d) in [
            ("", "abc", 3),
            ("abc", "", 3),
            ("ab", "ba", 1),
            ("kitten", "sitting", 3),
            ("Tenant", "tennat", 1),
            ("ca", "abc", 3),
        ] {
            assert_eq!(distance(a, b), d, "{a} {b}");
        }
    }
}
