//! Why a document could not be read: what the reader and its checks (the web-space
//! check, [`super::web_space`]) say, in a file of its own so that neither imports the
//! other.

/// Why a document could not be read. Line and column are 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// What went wrong, in words.
    pub message: String,
    /// Where, when known.
    pub line: Option<usize>,
    /// Where, when known.
    pub column: Option<usize>,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "line {l}, column {c}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ReadError {}
