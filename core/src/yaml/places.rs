//! Where keys are in a YAML text. The tree reader keeps no places (a tree of 49,000
//! keys stays small and fast); a message that must say where walks the parser's events
//! once more, for every key it needs at once.

use std::collections::HashMap;
use yaml_rust2::parser::{Event, Parser};

/// A key's place: 1-based line and column (the column counts characters).
pub type Place = (usize, usize);

enum Frame {
    /// A mapping: whether the next scalar or node is a key, and the current key.
    Map(bool, Option<String>),
    /// A sequence: the index of the next item.
    Seq(usize),
}

/// The place of each key path in `wanted` (mapping keys as written; a sequence item's
/// segment is its index, `"0"`, `"1"`…), found in one walk of the text. A path the text
/// does not hold (or a text the parser cannot walk) gives `None`.
pub fn key_places<S: AsRef<str>>(text: &str, wanted: &[Vec<S>]) -> Vec<Option<Place>> {
    let mut out = vec![None; wanted.len()];
    let mut index: HashMap<Vec<&str>, Vec<usize>> = HashMap::new();
    for (i, w) in wanted.iter().enumerate() {
        index.entry(w.iter().map(AsRef::as_ref).collect()).or_default().push(i);
    }
    let mut found = 0;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    // The path of the node being read, one segment per open mapping or sequence.
    let mut path: Vec<String> = Vec::new();
    while found < wanted.len() {
        let Ok((event, mark)) = parser.next_token() else { break };
        // A node starts: its segment in the parent (a key's place is recorded here).
        let starts =
            matches!(event, Event::Scalar(..) | Event::Alias(_) | Event::SequenceStart(..) | Event::MappingStart(..));
        if starts {
            match stack.last_mut() {
                Some(Frame::Map(expect_key @ true, key)) => {
                    *expect_key = false;
                    if let Event::Scalar(k, ..) = &event {
                        path.push(k.clone());
                        // The root's own segment (empty) is not part of a key path.
                        let probe: Vec<&str> = path.iter().skip(1).map(String::as_str).collect();
                        if let Some(ids) = index.get(&probe) {
                            for &i in ids {
                                if out[i].is_none() {
                                    out[i] = Some((mark.line(), mark.col() + 1));
                                    found += 1;
                                }
                            }
                        }
                        *key = path.pop();
                    } else {
                        *key = None;
                    }
                    if let Event::SequenceStart(..) | Event::MappingStart(..) = event {
                        // A complex key: walked as a node of no path.
                        stack.push(if matches!(event, Event::MappingStart(..)) {
                            Frame::Map(true, None)
                        } else {
                            Frame::Seq(0)
                        });
                        path.push(String::new());
                    }
                    continue;
                }
                Some(Frame::Map(expect_key @ false, key)) => {
                    *expect_key = true;
                    path.push(key.take().unwrap_or_default());
                }
                Some(Frame::Seq(n)) => {
                    path.push(n.to_string());
                    *n += 1;
                }
                None => path.push(String::new()),
            }
        }
        match event {
            Event::SequenceStart(..) => stack.push(Frame::Seq(0)),
            Event::MappingStart(..) => stack.push(Frame::Map(true, None)),
            Event::SequenceEnd | Event::MappingEnd => {
                stack.pop();
                path.pop();
            }
            Event::Scalar(..) | Event::Alias(_) => {
                path.pop();
            }
            Event::StreamEnd | Event::DocumentEnd => break,
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, path: &[&str]) -> Option<Place> {
        key_places(text, &[path.to_vec()])[0]
    }

    #[test]
    fn keys_are_found_where_they_are_written() {
        let text = "a: 1\nb:\n  c: [x, {d: 2}]\n  e:\n    - f: 3\n      g: 4\n'h.i': {j: 5}\n";
        assert_eq!(at(text, &["a"]), Some((1, 1)));
        assert_eq!(at(text, &["b", "c"]), Some((3, 3)));
        assert_eq!(at(text, &["b", "c", "1", "d"]), Some((3, 11)));
        assert_eq!(at(text, &["b", "e", "0", "g"]), Some((6, 7)));
        assert_eq!(at(text, &["h.i", "j"]), Some((7, 9)));
        assert_eq!(at(text, &["b", "x"]), None);
        assert_eq!(at("{{{", &["a"]), None);
        let many = key_places(text, &[vec!["a"], vec!["b", "e"], vec!["zz"]]);
        assert_eq!(many, vec![Some((1, 1)), Some((4, 3)), None]);
    }
}
