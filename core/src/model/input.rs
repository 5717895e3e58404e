//! Typed scalars that keep exactly what the user typed.
//!
//! A form field holds text. `Input<T>` keeps that text (so nothing typed is ever lost or
//! rewritten under the cursor) together with what it means: a value of `T`, an
//! envsubst placeholder such as `${REDIS_PORT}`, or the reason it is neither.

use super::port::Port;
use super::quantity::Quantity;
use crate::yaml::is_placeholder;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::str::FromStr;

/// What typed text means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term<T> {
    /// A value.
    Lit(T),
    /// An envsubst placeholder (`$NAME` or `${NAME}`), filled in at deploy time.
    Var(String),
}

/// A whole number as typed into an integer field.
pub type Count = i64;

/// Text parsed as a `T`, keeping the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input<T> {
    raw: String,
    parsed: Result<Term<T>, String>,
}

/// Parsing of one scalar kind from text.
pub trait ScalarParse: Sized + Clone {
    /// The value, or a sentence saying what is wrong.
    fn parse_text(s: &str) -> Result<Self, String>;
}

impl ScalarParse for Port {
    fn parse_text(s: &str) -> Result<Self, String> {
        s.parse()
    }
}

impl ScalarParse for Quantity {
    fn parse_text(s: &str) -> Result<Self, String> {
        s.parse()
    }
}

impl ScalarParse for Count {
    fn parse_text(s: &str) -> Result<Self, String> {
        let digits = s.strip_prefix('-').unwrap_or(s);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("\"{s}\" is not a whole number"));
        }
        i64::from_str(s).map_err(|_| format!("\"{s}\" is too large"))
    }
}

impl<T: ScalarParse> Input<T> {
    /// Parses `raw`, surrounding whitespace ignored for the meaning but kept in the text.
    pub fn new(raw: impl Into<String>) -> Self {
        let raw = raw.into();
        let t = raw.trim();
        let parsed = if t.is_empty() {
            Err("a value is required here".to_string())
        } else if is_placeholder(t) {
            Ok(Term::Var(t.to_string()))
        } else {
            T::parse_text(t).map(Term::Lit)
        };
        Input { raw, parsed }
    }
}

impl<T> Input<T> {
    /// The text as typed.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The value, if the text is one.
    pub fn value(&self) -> Option<&T> {
        match &self.parsed {
            Ok(Term::Lit(v)) => Some(v),
            _ => None,
        }
    }

    /// The meaning: a value or a placeholder; `Err` says why the text is neither.
    pub fn term(&self) -> Result<&Term<T>, &str> {
        self.parsed.as_ref().map_err(String::as_str)
    }

    /// Why the text is not valid, if it is not.
    pub fn error(&self) -> Option<&str> {
        self.parsed.as_ref().err().map(String::as_str)
    }
}

impl<T> Serialize for Input<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

impl<'de, T: ScalarParse> Deserialize<'de> for Input<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Input::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_text_and_meaning() {
        let p: Input<Port> = Input::new("7120");
        assert_eq!(p.value().map(|p| p.get()), Some(7120));
        let v: Input<Port> = Input::new("${REDIS_PORT}");
        assert_eq!(v.term(), Ok(&Term::Var("${REDIS_PORT}".into())));
        let bad: Input<Port> = Input::new("70a");
        assert_eq!(bad.raw(), "70a");
        assert!(bad.error().unwrap().contains("not a port"));
        assert!(Input::<Port>::new("0").error().is_some());
        assert!(Input::<Port>::new("65536").error().is_some());
        assert!(Input::<Count>::new("-3").value() == Some(&-3));
    }
}
