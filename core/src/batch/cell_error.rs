//! Why a tenants file's cell does not read as its column's field.

use crate::model::ValueError;
use std::fmt;

/// Why a cell does not read as the values key or context field its column names. Its
/// text is the row finding the table and `ixn-portal batch` show at the cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellError {
    /// A boolean cell that is neither `true` nor `false` (the cell's text).
    NotBool(String),
    /// A cell of a field with a fixed set of values, outside it.
    NotOneOf {
        /// The cell's text.
        text: String,
        /// The values the field takes, in order.
        options: Vec<&'static str>,
    },
    /// A list or mapping in a context field, which takes one line of text.
    NotOneLine,
    /// Text for a list or mapping key that is not YAML flow text.
    NotYaml(ValueError),
    /// A YAML cell that is not a value of the key's kind.
    Value(ValueError),
    /// A `values` cell naming a file that was not given (its name).
    NoValuesFile(String),
    /// A `values` cell whose file is not a values mapping (why).
    ValuesFile(String),
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CellError::NotBool(text) => write!(f, "{text:?} is not true or false"),
            CellError::NotOneOf { text, options } => write!(f, "{text:?} is not one of {}", options.join(", ")),
            CellError::NotOneLine => f.write_str("takes one line of text, not a list or mapping"),
            CellError::NotYaml(e) => write!(f, "does not read as YAML ({e})"),
            CellError::Value(e) => e.fmt(f),
            CellError::NoValuesFile(name) => write!(f, "the values file {name:?} was not given"),
            CellError::ValuesFile(why) => write!(f, "the values file does not read: {why}"),
        }
    }
}

impl std::error::Error for CellError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CellError::NotYaml(e) | CellError::Value(e) => Some(e),
            _ => None,
        }
    }
}
