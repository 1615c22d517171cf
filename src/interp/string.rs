//! JavaScript string values: immutable sequences of UTF-16 code units
//! (ECMA-262 §6.1.4, the String type), so lengths, indexing and lone
//! surrogates behave as the language says.

use std::fmt;
use std::rc::Rc;

use gc::{Finalize, Trace};

#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JsStr(Rc<[u16]>);

impl JsStr {
    pub fn from_units(units: impl Into<Rc<[u16]>>) -> JsStr {
        JsStr(units.into())
    }

    pub fn units(&self) -> &[u16] {
        &self.0
    }

    /// The string's length in code units (what `.length` returns).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The text with lone surrogates replaced by U+FFFD.
    pub fn to_rust_string(&self) -> String {
        String::from_utf16_lossy(&self.0)
    }

    pub fn concat(&self, other: &JsStr) -> JsStr {
        let mut units = Vec::with_capacity(self.len() + other.len());
        units.extend_from_slice(&self.0);
        units.extend_from_slice(&other.0);
        JsStr(units.into())
    }

    /// CanonicalNumericIndexString restricted to array indices: the value of
    /// a string that is the canonical decimal form of an integer below
    /// 2^32 − 1 (ECMA-262 §6.1.7 "array index").
    pub fn as_array_index(&self) -> Option<u32> {
        let units = self.units();
        if units.is_empty() || units.len() > 10 {
            return None;
        }
        if units[0] == u16::from(b'0') {
            return (units.len() == 1).then_some(0);
        }
        let mut n: u64 = 0;
        for &u in units {
            if !(u16::from(b'0')..=u16::from(b'9')).contains(&u) {
                return None;
            }
            n = n * 10 + u64::from(u - u16::from(b'0'));
        }
        (n < u64::from(u32::MAX)).then_some(n as u32)
    }
}

impl From<&str> for JsStr {
    fn from(s: &str) -> JsStr {
        JsStr(s.encode_utf16().collect::<Vec<u16>>().into())
    }
}

impl From<String> for JsStr {
    fn from(s: String) -> JsStr {
        JsStr::from(s.as_str())
    }
}

impl fmt::Display for JsStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rust_string())
    }
}

impl fmt::Debug for JsStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.to_rust_string())
    }
}

impl Finalize for JsStr {}

// SAFETY: a JsStr holds no `Gc` pointers.
unsafe impl Trace for JsStr {
    gc::unsafe_empty_trace!();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_counts_utf16_units() {
        assert_eq!(JsStr::from("😀a").len(), 3);
        let lone = JsStr::from_units(vec![0xD800]);
        assert_eq!(lone.to_rust_string(), "\u{FFFD}");
    }

    #[test]
    fn array_indices() {
        assert_eq!(JsStr::from("0").as_array_index(), Some(0));
        assert_eq!(JsStr::from("4294967294").as_array_index(), Some(4294967294));
        assert_eq!(JsStr::from("4294967295").as_array_index(), None);
        assert_eq!(JsStr::from("01").as_array_index(), None);
        assert_eq!(JsStr::from("-1").as_array_index(), None);
        assert_eq!(JsStr::from("1e3").as_array_index(), None);
        assert_eq!(JsStr::from("").as_array_index(), None);
    }
}
