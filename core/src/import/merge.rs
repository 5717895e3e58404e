//! Merging values files in Helm's order (`-f a -f b`): later wins, mappings merge
//! deeply, everything else (lists included) is replaced, and an explicit `null` is
//! kept so that it still unsets the chart default.

use crate::yaml::{Entry, Node};
use std::collections::HashMap;

/// Merges `over` onto `base`.
pub fn merge(base: &mut Node, over: Node) {
    match (base, over) {
        (Node::Map(b), Node::Map(o)) if b.is_empty() => {
            *b = o.into_iter().map(|e| Entry { comment: None, ..e }).collect();
        }
        (Node::Map(b), Node::Map(o)) => {
            // By key, not by scanning: a wide mapping would make the merge quadratic.
            let mut index: HashMap<String, usize> =
                b.iter().enumerate().rev().map(|(i, e)| (e.key.clone(), i)).collect();
            for e in o {
                match index.get(&e.key) {
                    Some(&i) => merge(&mut b[i].value, e.value),
                    None => {
                        index.insert(e.key.clone(), b.len());
                        b.push(Entry { key: e.key, value: e.value, comment: None });
                    }
                }
            }
        }
        (b, o) => *b = o,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{read_yaml, Limits};

    fn y(s: &str) -> Node {
        read_yaml(s, Limits::default()).unwrap()
    }

    #[test]
    fn helm_order() {
        let mut a = y("a: {p: 1, q: 2}\nlist: [1, 2]\nkeep: k\nsc: {fsGroup: 500}\n");
        merge(&mut a, y("a: {q: 3, r: 4}\nlist: [9]\nsc: {fsGroup: null}\n"));
        assert_eq!(a.get("a.p"), Some(&Node::Int(1)));
        assert_eq!(a.get("a.q"), Some(&Node::Int(3)));
        assert_eq!(a.get("a.r"), Some(&Node::Int(4)));
        assert_eq!(a.get("list"), Some(&Node::Seq(vec![Node::Int(9)])), "lists replace");
        assert_eq!(a.get("keep").and_then(Node::as_str), Some("k"));
        assert_eq!(a.get("sc.fsGroup"), Some(&Node::Null), "null is kept");
    }
}
