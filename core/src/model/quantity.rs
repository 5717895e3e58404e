//! Kubernetes resource quantities (`100m`, `1.25`, `512Mi`, `1e3`), kept as the user
//! spelled them and added exactly.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A validated Kubernetes quantity. It keeps the user's spelling for output and holds
/// the exact value in nano-units for arithmetic (Kubernetes itself rounds up to 1n).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Quantity {
    text: String,
    nanos: i128,
}

/// Nano-units per unit.
const NANO: i128 = 1_000_000_000;

impl Quantity {
    /// The text as the user wrote it.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The exact value, in billionths of the unit (cores or bytes).
    pub fn nanos(&self) -> i128 {
        self.nanos
    }

    /// A quantity of `nanos` billionths, spelled canonically for CPU (`1.5` → `1500m`).
    pub fn cpu_from_nanos(nanos: i128) -> Self {
        let text = if nanos % NANO == 0 {
            (nanos / NANO).to_string()
        } else if nanos % 1_000_000 == 0 {
            format!("{}m", nanos / 1_000_000)
        } else if nanos % 1_000 == 0 {
            format!("{}u", nanos / 1_000)
        } else {
            format!("{nanos}n")
        };
        Quantity { text, nanos }
    }

    /// A quantity of `nanos` billionths, spelled canonically for memory: the largest
    /// binary suffix that divides it exactly (`1536Mi`, `1.5Gi` is never written).
    pub fn memory_from_nanos(nanos: i128) -> Self {
        if nanos % NANO != 0 {
            return Self::cpu_from_nanos(nanos);
        }
        let bytes = nanos / NANO;
        let suffixes = ["Ei", "Pi", "Ti", "Gi", "Mi", "Ki"];
        for (i, s) in suffixes.iter().enumerate() {
            let unit: i128 = 1 << (10 * (6 - i));
            if bytes != 0 && bytes % unit == 0 {
                return Quantity { text: format!("{}{s}", bytes / unit), nanos };
            }
        }
        for (unit, s) in [(1_000_000_000i128, "G"), (1_000_000, "M"), (1_000, "k")] {
            if bytes != 0 && bytes % unit == 0 {
                return Quantity { text: format!("{}{s}", bytes / unit), nanos };
            }
        }
        Quantity { text: bytes.to_string(), nanos }
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl From<Quantity> for String {
    fn from(q: Quantity) -> String {
        q.text
    }
}

impl TryFrom<String> for Quantity {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl FromStr for Quantity {
    type Err = String;

    /// Parses the Kubernetes quantity grammar: a signed decimal number, then one of
    /// `Ki Mi Gi Ti Pi Ei`, `n u m k M G T P E`, or an exponent `e3` / `E-2`.
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("\"{s}\" is not a Kubernetes quantity; write e.g. 500m, 1.5, 512Mi or 2Gi");
        let t = s.trim();
        if t.is_empty() || t != s {
            return Err(bad());
        }
        let (neg, body) = match t.as_bytes()[0] {
            b'-' => (true, &t[1..]),
            b'+' => (false, &t[1..]),
            _ => (false, t),
        };
        let num_len = body.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
        let (number, suffix) = body.split_at(num_len);
        let (int_part, frac_part) = match number.split_once('.') {
            Some((i, f)) => (i, f),
            None => (number, ""),
        };
        if (int_part.is_empty() && frac_part.is_empty()) || frac_part.contains('.') {
            return Err(bad());
        }
        // value = mantissa * 10^(exp10 - frac_digits) * 2^(exp2)
        let (exp10, exp2): (i32, u32) = match suffix {
            "" => (0, 0),
            "n" => (-9, 0),
            "u" => (-6, 0),
            "m" => (-3, 0),
            "k" => (3, 0),
            "M" => (6, 0),
            "G" => (9, 0),
            "T" => (12, 0),
            "P" => (15, 0),
            "E" => (18, 0),
            "Ki" => (0, 10),
            "Mi" => (0, 20),
            "Gi" => (0, 30),
            "Ti" => (0, 40),
            "Pi" => (0, 50),
            "Ei" => (0, 60),
            e if e.starts_with(['e', 'E']) => {
                let exp = &e[1..];
                let digits = exp.strip_prefix(['+', '-']).unwrap_or(exp);
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(bad());
                }
                (exp.parse::<i32>().map_err(|_| bad())?, 0)
            }
            _ => return Err(bad()),
        };
        let too_big = || format!("\"{s}\" is too large for a Kubernetes quantity");
        if int_part.len() + frac_part.len() > 30 {
            return Err(too_big());
        }
        let mantissa: i128 = format!("{int_part}{frac_part}").parse().map_err(|_| bad())?;
        let scale = exp10 + 9 - frac_part.len() as i32; // power of ten giving nano-units
        let mut nanos = mantissa.checked_mul(1i128 << exp2).ok_or_else(too_big)?;
        if scale >= 0 {
            if scale > 38 {
                return Err(too_big());
            }
            nanos = nanos.checked_mul(10i128.pow(scale as u32)).ok_or_else(too_big)?;
        } else {
            // Finer than a nano-unit: round up, as Kubernetes does.
            let div = 10i128.checked_pow((-scale) as u32).unwrap_or(i128::MAX);
            nanos = nanos / div + i128::from(nanos % div != 0);
        }
        if nanos > i64::MAX as i128 * NANO {
            return Err(too_big());
        }
        Ok(Quantity { text: s.to_string(), nanos: if neg { -nanos } else { nanos } })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Quantity {
        s.parse().unwrap()
    }

    #[test]
    fn parses_the_grammar() {
        assert_eq!(q("100m").nanos(), 100_000_000);
        assert_eq!(q("1.25").nanos(), 1_250_000_000);
        assert_eq!(q("1Gi").nanos(), (1i128 << 30) * NANO);
        assert_eq!(q("512Mi").nanos(), 512 * (1i128 << 20) * NANO);
        assert_eq!(q("1e3").nanos(), 1000 * NANO);
        assert_eq!(q("1.5k").nanos(), 1500 * NANO);
        assert_eq!(q(".5").nanos(), NANO / 2);
        assert_eq!(q("0.1n").nanos(), 1, "rounds up to 1n");
        assert_eq!(q("-1").nanos(), -NANO);
        assert_eq!(q("1.25").as_str(), "1.25", "keeps the spelling");
    }

    #[test]
    fn rejects_the_rest() {
        for s in ["", " 1", "1 ", "abc", "1.2.3", "1Xi", "1mi", "1e", "1e+", ".", "m", "1KB", "1GiB"] {
            assert!(s.parse::<Quantity>().is_err(), "{s:?}");
        }
        assert!("1e40".parse::<Quantity>().is_err());
        assert!("9999999999999999999999999999999Ei".parse::<Quantity>().is_err());
    }

    #[test]
    fn canonical_totals() {
        assert_eq!(Quantity::cpu_from_nanos(q("1.25").nanos() + q("50m").nanos()).as_str(), "1300m");
        assert_eq!(Quantity::cpu_from_nanos(2 * NANO).as_str(), "2");
        let mem = q("1Gi").nanos() + q("512Mi").nanos();
        assert_eq!(Quantity::memory_from_nanos(mem).as_str(), "1536Mi");
        assert_eq!(Quantity::memory_from_nanos(q("1G").nanos()).as_str(), "1G");
    }
}
