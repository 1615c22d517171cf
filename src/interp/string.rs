//! JavaScript string values: immutable sequences of UTF-16 code units
//! (ECMA-262 §6.1.4, the String type), so lengths, indexing and lone
//! surrogates behave as the language says.

use std::cell::{OnceCell, RefCell};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use gc::{Finalize, Trace};

/// A string value. Flat strings share one buffer; concatenating long
/// strings makes a rope node instead of copying (so building a string by
/// repeated `+=` is linear), and the rope is flattened, once, the first
/// time its code units are needed.
#[derive(Clone)]
pub struct JsStr(Repr);

#[derive(Clone)]
enum Repr {
    Flat(Rc<[u16]>),
    Rope(Rc<Rope>),
}

/// A concatenation whose units have not been needed yet.
struct Rope {
    len: usize,
    flat: OnceCell<Rc<[u16]>>,
    /// The two halves, until flattening makes them unnecessary.
    parts: RefCell<Option<(JsStr, JsStr)>>,
}

/// Below this total length, concatenation copies (a rope would cost more).
const ROPE_MIN_LEN: usize = 256;

impl Rope {
    /// The units of the whole rope, gathered without recursion (ropes built
    /// by a loop of `+=` are as deep as the loop was long).
    fn flatten(&self) -> Rc<[u16]> {
        let mut out: Vec<u16> = Vec::with_capacity(self.len);
        let Some((left, right)) = self.parts.borrow().clone() else {
            return Rc::from(out);
        };
        let mut stack = vec![right, left];
        while let Some(s) = stack.pop() {
            match &s.0 {
                Repr::Flat(units) => out.extend_from_slice(units),
                Repr::Rope(r) => match r.flat.get() {
                    Some(units) => out.extend_from_slice(units),
                    None => {
                        if let Some((l, rt)) = r.parts.borrow().clone() {
                            stack.push(rt);
                            stack.push(l);
                        }
                    }
                },
            }
        }
        Rc::from(out)
    }
}

impl Drop for Rope {
    /// Dismantles the halves without recursion: dropping a long chain of
    /// ropes recursively would overflow the stack.
    fn drop(&mut self) {
        let mut pending: Vec<JsStr> = Vec::new();
        if let Some((l, r)) = self.parts.get_mut().take() {
            pending.push(l);
            pending.push(r);
        }
        while let Some(s) = pending.pop() {
            if let Repr::Rope(rc) = s.0 {
                if let Ok(mut rope) = Rc::try_unwrap(rc) {
                    if let Some((l, r)) = rope.parts.get_mut().take() {
                        pending.push(l);
                        pending.push(r);
                    }
                }
            }
        }
    }
}

impl JsStr {
    /// The longest string there may be, in code units: V8's limit
    /// (2^29 − 24 on 64-bit machines); longer ones are a RangeError
    /// ("Invalid string length").
    pub const MAX_LENGTH: usize = (1 << 29) - 24;

    pub fn from_units(units: impl Into<Rc<[u16]>>) -> JsStr {
        JsStr(Repr::Flat(units.into()))
    }

    pub fn units(&self) -> &[u16] {
        match &self.0 {
            Repr::Flat(units) => units,
            Repr::Rope(rope) => {
                let flat = rope.flat.get_or_init(|| rope.flatten());
                // The halves are no longer needed once flattened.
                rope.parts.borrow_mut().take();
                flat
            }
        }
    }

    /// The string's length in code units (what `.length` returns).
    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::Flat(units) => units.len(),
            Repr::Rope(rope) => rope.len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text with lone surrogates replaced by U+FFFD.
    pub fn to_rust_string(&self) -> String {
        String::from_utf16_lossy(self.units())
    }

    /// `self` then `other`, or None when the result would be longer than
    /// [`JsStr::MAX_LENGTH`].
    pub fn try_concat(&self, other: &JsStr) -> Option<JsStr> {
        (self.len() + other.len() <= JsStr::MAX_LENGTH).then(|| self.concat(other))
    }

    /// Whether both are the very same string (not just equal text).
    pub fn ptr_eq(&self, other: &JsStr) -> bool {
        match (&self.0, &other.0) {
            (Repr::Flat(a), Repr::Flat(b)) => Rc::ptr_eq(a, b),
            (Repr::Rope(a), Repr::Rope(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// `self` then `other` (for lengths known to be small; see [`JsStr::try_concat`]).
    pub fn concat(&self, other: &JsStr) -> JsStr {
        if other.is_empty() {
            return self.clone();
        }
        if self.is_empty() {
            return other.clone();
        }
        let len = self.len() + other.len();
        if len < ROPE_MIN_LEN {
            let mut units = Vec::with_capacity(len);
            units.extend_from_slice(self.units());
            units.extend_from_slice(other.units());
            return JsStr::from_units(units);
        }
        JsStr(Repr::Rope(Rc::new(Rope {
            len,
            flat: OnceCell::new(),
            parts: RefCell::new(Some((self.clone(), other.clone()))),
        })))
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
        JsStr::from_units(s.encode_utf16().collect::<Vec<u16>>())
    }
}

impl PartialEq for JsStr {
    #[inline]
    fn eq(&self, other: &JsStr) -> bool {
        // Interned keys are the very same string: no units to compare.
        self.ptr_eq(other) || (self.len() == other.len() && self.units() == other.units())
    }
}

impl Eq for JsStr {}

impl Hash for JsStr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.units().hash(state)
    }
}

impl PartialOrd for JsStr {
    fn partial_cmp(&self, other: &JsStr) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for JsStr {
    fn cmp(&self, other: &JsStr) -> Ordering {
        self.units().cmp(other.units())
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
    fn long_concatenation_chains_flatten_and_drop_without_recursion() {
        // Miri interprets far more slowly: there, a chain of thousands of
        // ropes still has to flatten and drop, in minutes rather than hours.
        let n: u32 = if cfg!(miri) { 3_000 } else { 300_000 };
        let mut s = JsStr::from("");
        for i in 0..n {
            s = s.concat(&JsStr::from(if i % 2 == 0 { "ab" } else { "c" }));
        }
        assert_eq!(s.len(), n as usize / 2 * 3);
        assert_eq!(&s.units()[..5], &[97, 98, 99, 97, 98]);
        let mut t = JsStr::from("x".repeat(300).as_str());
        for _ in 0..n {
            t = t.concat(&JsStr::from("y"));
        }
        drop(t);
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
