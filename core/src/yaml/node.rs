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
