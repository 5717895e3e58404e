//! The YAML tree the writers build and the reader returns.

/// One YAML node, as Helm values use them: string keys only.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// An explicit `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float, kept as written.
    Float(String),
    /// A string; written plain when safe, quoted otherwise.
    Str(String),
    /// A string written as a literal block (`|-`): Go templates the chart parses.
    Block(String),
    /// An envsubst placeholder such as `${REDIS_PORT}` written unquoted, so that the
    /// substituted text keeps its type (a port stays a number).
    Placeholder(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in order.
    Map(Vec<Entry>),
}

/// One key of a mapping, with an optional helm-docs comment (`# -- …`).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The key.
    pub key: String,
    /// The value.
    pub value: Node,
    /// Written above the key as `# -- comment` when comments are on.
    pub comment: Option<String>,
}

impl Node {
    /// An empty mapping.
    pub fn map() -> Self {
        Node::Map(Vec::new())
    }

    /// A string node.
    pub fn str(s: impl Into<String>) -> Self {
        Node::Str(s.into())
    }

    /// The value at a dotted path, if every step is a mapping key.
    pub fn get(&self, path: &str) -> Option<&Node> {
        path.split('.').try_fold(self, |node, key| match node {
            Node::Map(entries) => entries.iter().find(|e| e.key == key).map(|e| &e.value),
            _ => None,
        })
    }

    /// The value at a path of segments (keys may hold dots), if every step is a
    /// mapping key.
    pub fn get_path<S: AsRef<str>>(&self, path: impl IntoIterator<Item = S>) -> Option<&Node> {
        path.into_iter().try_fold(self, |node, key| match node {
            Node::Map(entries) => entries.iter().find(|e| e.key == key.as_ref()).map(|e| &e.value),
            _ => None,
        })
    }

    /// The string inside a `Str`, `Block` or `Placeholder` node.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Node::Str(s) | Node::Block(s) | Node::Placeholder(s) => Some(s),
            _ => None,
        }
    }

    /// Sets `value` at a dotted path, creating mappings on the way and replacing
    /// anything that is not a mapping. Keys keep their first insertion order.
    pub fn insert(&mut self, path: &[&str], value: Node, comment: Option<&str>) {
        let Some((first, rest)) = path.split_first() else {
            *self = value;
            return;
        };
        if !matches!(self, Node::Map(_)) {
            *self = Node::map();
        }
        let Node::Map(entries) = self else { unreachable!() };
        let idx = match entries.iter().position(|e| e.key == *first) {
            Some(i) => i,
            None => {
                entries.push(Entry { key: (*first).to_string(), value: Node::map(), comment: None });
                entries.len() - 1
            }
        };
        let entry = &mut entries[idx];
        if rest.is_empty() {
            entry.value = value;
            entry.comment = comment.map(str::to_string);
        } else {
            entry.value.insert(rest, value, comment);
        }
    }
}

/// Builds a tree by [`Node::insert`]'s rules, finding keys by hash: inserting each of
/// a wide mapping's keys into a [`Node`] would scan it every time.
#[derive(Debug, Default)]
pub struct TreeBuilder {
    entries: Vec<(String, Slot, Option<String>)>,
    index: std::collections::HashMap<String, usize>,
}

#[derive(Debug)]
enum Slot {
    Leaf(Node),
    Map(TreeBuilder),
}

impl TreeBuilder {
    /// A builder of the mapping `node` (anything else starts an empty mapping, as
    /// [`Node::insert`] replaces it).
    pub fn from_node(node: Node) -> TreeBuilder {
        let mut b = TreeBuilder::default();
        if let Node::Map(entries) = node {
            for e in entries {
                let at = b.slot(e.key);
                b.entries[at].1 = Slot::Leaf(e.value);
                b.entries[at].2 = e.comment;
            }
        }
        b
    }

    /// The index of `key`'s entry, added (an empty mapping) when new.
    fn slot(&mut self, key: String) -> usize {
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        self.index.insert(key.clone(), self.entries.len());
        self.entries.push((key, Slot::Map(TreeBuilder::default()), None));
        self.entries.len() - 1
    }

    /// [`Node::insert`]: sets `value` at `path`, creating mappings on the way and
    /// replacing anything that is not a mapping; keys keep their first order.
    pub fn insert(&mut self, path: &[&str], value: Node, comment: Option<&str>) {
        let Some((first, rest)) = path.split_first() else {
            *self = TreeBuilder::from_node(value);
            return;
        };
        let at = self.slot((*first).to_string());
        let entry = &mut self.entries[at];
        if rest.is_empty() {
            entry.1 = Slot::Leaf(value);
            entry.2 = comment.map(str::to_string);
            return;
        }
        if let Slot::Leaf(node) = &mut entry.1 {
            entry.1 = Slot::Map(TreeBuilder::from_node(std::mem::replace(node, Node::Null)));
        }
        let Slot::Map(b) = &mut entry.1 else { unreachable!() };
        b.insert(rest, value, comment);
    }

    /// The tree.
    pub fn build(self) -> Node {
        Node::Map(
            self.entries
                .into_iter()
                .map(|(key, slot, comment)| Entry {
                    key,
                    value: match slot {
                        Slot::Leaf(n) => n,
                        Slot::Map(b) => b.build(),
                    },
                    comment,
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builder_builds_what_insert_does() {
        let ops: Vec<(Vec<&str>, Node)> = vec![
            (vec!["a", "b"], Node::Int(1)),
            (vec!["c"], Node::str("x")),
            (vec!["a", "d"], Node::Int(2)),
            (vec!["c", "e"], Node::Int(3)),
            (vec!["f"], Node::Map(vec![Entry { key: "g".into(), value: Node::Int(4), comment: None }])),
            (vec!["f", "h"], Node::Int(5)),
            (vec!["a"], Node::Int(6)),
            (vec!["a", "i"], Node::Int(7)),
        ];
        let mut node = Node::map();
        let mut b = TreeBuilder::default();
        for (i, (path, value)) in ops.into_iter().enumerate() {
            let comment = (i % 2 == 0).then_some("c");
            node.insert(&path, value.clone(), comment);
            b.insert(&path, value, comment);
        }
        assert_eq!(b.build(), node);
    }
}
