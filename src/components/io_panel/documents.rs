//! Pasted text as documents: several values files can be pasted, separated by `---`.

/// Splits pasted text into documents at `---` lines, so several files can be pasted.
pub fn documents(text: &str) -> Vec<(String, String)> {
    let mut docs = vec![String::new()];
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare.starts_with("--- ") {
            docs.push(String::new());
        } else {
            docs.last_mut().unwrap().push_str(line);
        }
    }
    docs.retain(|d| !d.trim().is_empty());
    let n = docs.len();
    docs.into_iter()
        .enumerate()
        .map(|(i, d)| (if n == 1 { "pasted text".into() } else { format!("pasted document {}", i + 1) }, d))
        .collect()
}
