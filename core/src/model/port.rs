//! TCP ports.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A TCP port, 1–65535.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u16", into = "u16")]
pub struct Port(u16);

impl Port {
    /// The port number.
    pub fn get(self) -> u16 {
        self.0
    }

    /// A port from a number; `None` for 0.
    pub fn new(n: u16) -> Option<Port> {
        (n != 0).then_some(Port(n))
    }
}

impl From<Port> for u16 {
    fn from(p: Port) -> u16 {
        p.0
    }
}

impl TryFrom<u16> for Port {
    type Error = String;
    fn try_from(n: u16) -> Result<Self, String> {
        Port::new(n).ok_or_else(|| "a port must be from 1 to 65535".to_string())
    }
}

impl fmt::Display for Port {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for Port {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let msg = || format!("\"{s}\" is not a port: use a whole number from 1 to 65535");
        if s.is_empty() || s.len() > 5 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(msg());
        }
        let n: u32 = s.parse().map_err(|_| msg())?;
        u16::try_from(n).ok().and_then(Port::new).ok_or_else(msg)
    }
}
