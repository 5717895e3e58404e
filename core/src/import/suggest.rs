//! "Did you mean …?" for keys the registry does not know.

use crate::registry::KEYS;

/// Edit distance (insertions, deletions, substitutions, adjacent swaps), ignoring
/// ASCII case (the registry's keys are ASCII).
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) =
        (a.to_ascii_lowercase().chars().collect(), b.to_ascii_lowercase().chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x.eq_ignore_ascii_case(y)).count()
}

/// The known key name under the same parent that `key` most likely meant, if any:
/// a small edit distance (`pullPolicey` → `pullPolicy`) or a long shared start
/// (`serviceq` → `serviceAccount`).
pub fn suggest(parent: &[String], key: &str) -> Option<String> {
    let prefix = if parent.is_empty() { String::new() } else { format!("{}.", parent.join(".")) };
    let mut siblings: Vec<&str> = Vec::new();
    for rest in KEYS.iter().filter_map(|k| k.path.strip_prefix(prefix.as_str())) {
        let name = rest.split('.').next().unwrap_or(rest);
        if !siblings.contains(&name) {
            siblings.push(name);
        }
    }
    closest(key, siblings).map(str::to_string)
}

/// The name among `names` that `word` most likely meant, if any: a small edit distance
/// (`namepsace` → `namespace`) or a long shared start (`serviceq` → `serviceAccount`).
/// What [`suggest`] asks of the registry's keys, for any list of names.
pub fn closest<'a>(word: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    names
        .into_iter()
        .filter(|s| *s != word)
        .map(|s| {
            let dist = distance(word, s);
            let shared = common_prefix(word, s);
            let close = dist <= (word.len().max(s.len()) / 4).max(1);
            let long_start = shared >= 4 && shared * 2 >= word.len();
            (s, dist, shared, close || long_start)
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
    }
}
