//! JavaScript string values: immutable sequences of UTF-16 code units
//! (ECMA-262 §6.1.4, the String type), so lengths, indexing and lone
//! surrogates behave as the language says.

use std::cell::{OnceCell, RefCell};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::ptr::NonNull;
use std::rc::Rc;

use gc::{Finalize, Trace};

use crate::syntax::ast::JsString;

/// A string value. Flat strings share one buffer (the AST's string
/// literals and names are such buffers, shared without copying);
/// concatenating long strings makes a rope node instead of copying (so
/// building a string by repeated `+=` is linear), and the rope is
/// flattened, once, the first time its code units are needed. A long
/// substring is a node too, over its parent's buffer (so a tokenizer that
/// keeps `rest = rest.slice(n)` does not copy the rest each time).
///
/// One word wide, so that a `Value` is two: the address of a flat
/// [`JsString`]'s allocation, or of an `Rc<Rope>`'s with its low bit set
/// (both are aligned to 8).
pub struct JsStr {
    bits: NonNull<u8>,
    _not_send: PhantomData<Rc<Rope>>,
}

/// The low address bit that marks a rope.
const ROPE_TAG: usize = 1;

/// What a [`JsStr`] refers to, borrowed.
enum Repr<'a> {
    Flat(&'a JsString),
    Rope(&'a Rope),
}

/// A concatenation whose units have not been needed yet, or a slice of
/// a flat buffer.
struct Rope {
    len: usize,
    flat: OnceCell<JsString>,
    /// The two halves, until flattening makes them unnecessary.
    parts: RefCell<Option<(JsStr, JsStr)>>,
    /// A slice's buffer and where in it the slice starts (its units are
    /// read there; it is never flattened).
    slice: Option<(JsString, usize)>,
}

/// Below this total length, concatenation copies (a rope would cost more).
const ROPE_MIN_LEN: usize = 256;

/// Below this length, a substring copies its units. At or above it, a
/// substring shares its parent's buffer (and keeps it alive, as V8's
/// sliced strings do, from 13 units on).
const SLICE_MIN_LEN: usize = 64;

impl Rope {
    /// A slice's units.
    fn slice_units(&self) -> Option<&[u16]> {
        self.slice
            .as_ref()
            .map(|(buffer, start)| &buffer[*start..*start + self.len])
    }
}

impl Rope {
    /// The units of the whole rope, gathered without recursion (ropes built
    /// by a loop of `+=` are as deep as the loop was long).
    fn flatten(&self) -> JsString {
        let mut out: Vec<u16> = Vec::with_capacity(self.len);
        let Some((left, right)) = self.parts.borrow().clone() else {
            return JsString::from(out);
        };
        let mut stack = vec![right, left];
        while let Some(s) = stack.pop() {
            match s.repr() {
                Repr::Flat(units) => out.extend_from_slice(units),
                Repr::Rope(r) => match r.flat.get().map(|f| &f[..]).or(r.slice_units()) {
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
        JsString::from(out)
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
            if let Some(rc) = s.into_rope() {
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

    pub fn from_units(units: impl Into<JsString>) -> JsStr {
        JsStr::from_flat(units.into())
    }

    /// The empty string, one shared allocation per thread (anonymous
    /// functions are named with it each time one is made).
    pub fn empty() -> JsStr {
        thread_local! {
            static EMPTY: JsString = JsString::from_slice(&[]);
        }
        EMPTY.with(|empty| JsStr::from_flat(empty.clone()))
    }

    /// A string over the units of `flat`, sharing them.
    #[inline]
    pub fn from_flat(flat: JsString) -> JsStr {
        JsStr {
            bits: flat.into_raw(),
            _not_send: PhantomData,
        }
    }

    fn from_rope(rope: Rc<Rope>) -> JsStr {
        let raw = Rc::into_raw(rope) as *mut u8;
        JsStr {
            // The tag keeps the address non-null.
            bits: NonNull::new(raw.map_addr(|a| a | ROPE_TAG)).expect("non-null"),
            _not_send: PhantomData,
        }
    }

    #[inline]
    fn is_rope(&self) -> bool {
        self.bits.as_ptr().addr() & ROPE_TAG != 0
    }

    /// The rope's address, with the tag cleared.
    fn rope_ptr(&self) -> *const Rope {
        self.bits.as_ptr().map_addr(|a| a & !ROPE_TAG) as *const Rope
    }

    #[inline]
    fn repr(&self) -> Repr<'_> {
        if self.is_rope() {
            // SAFETY: a tagged address is an `Rc<Rope>` this handle owns.
            Repr::Rope(unsafe { &*self.rope_ptr() })
        } else {
            // SAFETY: an untagged address is a `JsString` this handle owns.
            Repr::Flat(unsafe { JsString::borrow_raw(&self.bits) })
        }
    }

    /// The rope this handle owned, if it is one (for dismantling).
    fn into_rope(self) -> Option<Rc<Rope>> {
        let rope = self.is_rope().then(|| {
            // SAFETY: a tagged address came from `Rc::into_raw`, and the
            // handle is forgotten below, so the count moves to the `Rc`.
            unsafe { Rc::from_raw(self.rope_ptr()) }
        });
        if rope.is_some() {
            std::mem::forget(self);
        }
        rope
    }

    pub fn units(&self) -> &[u16] {
        match self.repr() {
            Repr::Flat(units) => units,
            Repr::Rope(rope) => {
                if let Some(units) = rope.slice_units() {
                    return units;
                }
                let flat = rope.flat.get_or_init(|| rope.flatten());
                // The halves are no longer needed once flattened.
                rope.parts.borrow_mut().take();
                flat
            }
        }
    }

    /// The units as a shared buffer (a rope is flattened first, a slice
    /// copied).
    pub fn to_js_string(&self) -> JsString {
        match self.repr() {
            Repr::Flat(units) => units.clone(),
            Repr::Rope(rope) if rope.slice.is_some() => JsString::from_slice(self.units()),
            Repr::Rope(rope) => {
                self.units();
                rope.flat.get().expect("flattened").clone()
            }
        }
    }

    /// The string's length in code units (what `.length` returns).
    pub fn len(&self) -> usize {
        match self.repr() {
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
    #[inline]
    pub fn ptr_eq(&self, other: &JsStr) -> bool {
        self.bits == other.bits
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
        JsStr::from_rope(Rc::new(Rope {
            len,
            flat: OnceCell::new(),
            parts: RefCell::new(Some((self.clone(), other.clone()))),
            slice: None,
        }))
    }

    /// The units `range` of this string as a string: shared with this
    /// string's buffer when long (a slice of a slice shares the first
    /// one's buffer), copied when short.
    pub fn substring(&self, range: std::ops::Range<usize>) -> JsStr {
        if range.start == 0 && range.end == self.len() {
            return self.clone();
        }
        let len = range.end - range.start;
        if len < SLICE_MIN_LEN {
            return JsStr::from_units(&self.units()[range]);
        }
        let (buffer, offset) = match self.repr() {
            Repr::Flat(units) => (units.clone(), 0),
            Repr::Rope(rope) => match &rope.slice {
                Some((buffer, start)) => (buffer.clone(), *start),
                None => {
                    self.units();
                    (rope.flat.get().expect("flattened").clone(), 0)
                }
            },
        };
        JsStr::from_rope(Rc::new(Rope {
            len,
            flat: OnceCell::new(),
            parts: RefCell::new(None),
            slice: Some((buffer, offset + range.start)),
        }))
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

impl Clone for JsStr {
    #[inline]
    fn clone(&self) -> JsStr {
        match self.repr() {
            Repr::Flat(units) => JsStr::from_flat(units.clone()),
            Repr::Rope(_) => {
                // SAFETY: the tagged address is an `Rc<Rope>` this handle
                // owns a count of; the clone owns another.
                unsafe { Rc::increment_strong_count(self.rope_ptr()) };
                JsStr {
                    bits: self.bits,
                    _not_send: PhantomData,
                }
            }
        }
    }
}

impl Drop for JsStr {
    #[inline]
    fn drop(&mut self) {
        if self.is_rope() {
            // SAFETY: the tagged address is an `Rc<Rope>` this handle owns
            // a count of, given back once here.
            drop(unsafe { Rc::from_raw(self.rope_ptr()) });
        } else {
            // SAFETY: the untagged address is a `JsString` this handle
            // owns, taken back once here.
            drop(unsafe { JsString::from_raw(self.bits) });
        }
    }
}

impl From<JsString> for JsStr {
    fn from(units: JsString) -> JsStr {
        JsStr::from_flat(units)
    }
}

impl From<&str> for JsStr {
    fn from(s: &str) -> JsStr {
        if s.is_empty() {
            return JsStr::empty();
        }
        JsStr::from_flat(JsString::from_str_utf8(s))
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
        assert_eq!(std::mem::size_of::<JsStr>(), 8);
        assert_eq!(JsStr::from("😀a").len(), 3);
        let lone = JsStr::from_units(vec![0xD800]);
        assert_eq!(lone.to_rust_string(), "\u{FFFD}");
    }

    #[test]
    fn long_substrings_share_their_parent_buffer() {
        let text: String = (0..1000)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        let flat = JsStr::from(text.as_str());
        let expect = |range: std::ops::Range<usize>| JsStr::from(&text[range]);
        // Short: copied; long: a slice; the whole: the same string.
        assert!(!flat.substring(3..10).is_rope());
        assert!(flat.substring(0..1000).ptr_eq(&flat));
        let slice = flat.substring(100..900);
        assert!(slice.is_rope());
        assert_eq!(slice, expect(100..900));
        assert_eq!(slice.len(), 800);
        // A slice of a slice reads the first buffer at the summed offset.
        let inner = slice.substring(50..700);
        assert_eq!(inner, expect(150..800));
        assert!(
            matches!(inner.repr(), Repr::Rope(r) if r.slice.as_ref().is_some_and(|(_, start)| *start == 150))
        );
        // Equal strings hash alike, whatever their form.
        let hash = |s: &JsStr| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            s.hash(&mut h);
            h.finish()
        };
        assert_eq!(hash(&inner), hash(&expect(150..800)));
        // Slices concatenate, flatten and slice again; a rope's slice reads
        // the flattened rope.
        let joined = inner.concat(&slice);
        assert_eq!(joined.len(), 650 + 800);
        assert_eq!(&joined.units()[..650], expect(150..800).units());
        let of_rope = joined.substring(600..700);
        assert_eq!(&of_rope.units()[..50], expect(750..800).units());
        assert_eq!(&of_rope.units()[50..], expect(100..150).units());
        assert_eq!(of_rope.to_js_string().len(), 100);
        // The parent outlives its own handle while a slice holds it.
        drop(flat);
        assert_eq!(inner.to_rust_string(), text[150..800]);
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
