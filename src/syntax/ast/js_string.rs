//! `JsString`: an immutable, reference-counted sequence of UTF-16 code
//! units behind one thin pointer.
//!
//! `Rc<[u16]>` is a fat pointer (address and length), and a string value
//! holding one made every `Value` 32 bytes wide. Here the count and the
//! length sit in a header in front of the units, so the handle is one word:
//! string literals in the AST, property names and string values all share
//! this one allocation, and a `Value` is two words.

use std::alloc::{self, Layout};
use std::cell::Cell;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;
use std::rc::Rc;

/// What precedes the units in the allocation.
#[repr(C)]
struct Header {
    count: Cell<usize>,
    len: usize,
}

/// A string value as UTF-16 code units (string literals may hold lone
/// surrogates). Cloning counts a reference; the last drop frees the units.
pub struct JsString {
    ptr: NonNull<Header>,
    /// Like `Rc`, neither `Send` nor `Sync`.
    _not_send: PhantomData<Rc<[u16]>>,
}

/// How many bytes of strings a thread allocates between two calls of its
/// allocation hook.
pub const ALLOCATION_HOOK_STEP: usize = 8 << 20;

thread_local! {
    /// Bytes of strings allocated on this thread since the hook last ran.
    static ALLOCATED: Cell<usize> = const { Cell::new(0) };
    /// What runs after every [`ALLOCATION_HOOK_STEP`] bytes of strings.
    static ALLOCATION_HOOK: Cell<Option<fn()>> = const { Cell::new(None) };
}

/// Makes `hook` run on this thread after every [`ALLOCATION_HOOK_STEP`]
/// bytes of strings it allocates. Strings live outside the collector's
/// heap, so its count of what it holds misses them; the interpreter uses
/// this to collect sooner when garbage objects hold many large strings.
pub fn set_allocation_hook(hook: fn()) {
    ALLOCATION_HOOK.with(|h| h.set(Some(hook)));
}

#[inline]
fn note_allocation(bytes: usize) {
    let total = ALLOCATED.with(|a| {
        let total = a.get() + bytes;
        a.set(total);
        total
    });
    if total >= ALLOCATION_HOOK_STEP {
        ALLOCATED.with(|a| a.set(0));
        if let Some(hook) = ALLOCATION_HOOK.with(Cell::get) {
            hook();
        }
    }
}

impl JsString {
    /// The layout of a string of `len` units, or None past `isize::MAX`.
    fn layout(len: usize) -> Option<Layout> {
        let (layout, _) = Layout::new::<Header>()
            .extend(Layout::array::<u16>(len).ok()?)
            .ok()?;
        Some(layout.pad_to_align())
    }

    /// A new string holding a copy of `units`.
    pub fn from_slice(units: &[u16]) -> JsString {
        // SAFETY: the copy writes every unit.
        unsafe {
            JsString::with_units(units.len(), |data| {
                std::ptr::copy_nonoverlapping(units.as_ptr(), data, units.len())
            })
        }
    }

    /// A new string holding the UTF-16 encoding of `s`, written straight
    /// into its allocation (no intermediate vector).
    pub fn from_str_utf8(s: &str) -> JsString {
        if s.is_ascii() {
            // SAFETY: an ASCII string is one unit per byte, each written.
            return unsafe {
                JsString::with_units(s.len(), |data| {
                    for (i, byte) in s.bytes().enumerate() {
                        data.add(i).write(u16::from(byte));
                    }
                })
            };
        }
        // SAFETY: the encoding of `s` is exactly that many units, each
        // written.
        unsafe {
            JsString::with_units(s.encode_utf16().count(), |data| {
                for (i, unit) in s.encode_utf16().enumerate() {
                    data.add(i).write(unit);
                }
            })
        }
    }

    /// A new string of `len` units, which `fill` writes through the
    /// pointer to the first one.
    ///
    /// # Safety
    /// `fill` writes all `len` units (and nothing past them) and does not
    /// panic.
    unsafe fn with_units(len: usize, fill: impl FnOnce(*mut u16)) -> JsString {
        let layout = JsString::layout(len).expect("string too long to allocate");
        note_allocation(layout.size());
        // SAFETY: the layout has a non-zero size (the header); the header
        // is written here and the units by `fill` (the caller's promise)
        // before any handle reads them.
        unsafe {
            let raw = alloc::alloc(layout) as *mut Header;
            let Some(ptr) = NonNull::new(raw) else {
                alloc::handle_alloc_error(layout)
            };
            ptr.as_ptr().write(Header {
                count: Cell::new(1),
                len,
            });
            fill(ptr.as_ptr().add(1) as *mut u16);
            JsString {
                ptr,
                _not_send: PhantomData,
            }
        }
    }

    fn header(&self) -> &Header {
        // SAFETY: the allocation lives while any handle to it does.
        unsafe { self.ptr.as_ref() }
    }

    /// The code units.
    #[inline]
    pub fn as_slice(&self) -> &[u16] {
        // SAFETY: `len` initialised units follow the header, which is
        // aligned for `u16` and as large as a multiple of its alignment.
        unsafe {
            let data = self.ptr.as_ptr().add(1) as *const u16;
            std::slice::from_raw_parts(data, self.header().len)
        }
    }

    /// Whether both are handles to the very same allocation.
    #[inline]
    pub fn ptr_eq(a: &JsString, b: &JsString) -> bool {
        a.ptr == b.ptr
    }

    /// Gives up the handle for its address (aligned to 8, so the low bits
    /// are free for a tag); [`JsString::from_raw`] takes it back.
    pub fn into_raw(self) -> NonNull<u8> {
        let ptr = self.ptr.cast();
        std::mem::forget(self);
        ptr
    }

    /// The handle [`JsString::into_raw`] gave up.
    ///
    /// # Safety
    /// `ptr` came from `into_raw` and is taken back once.
    pub unsafe fn from_raw(ptr: NonNull<u8>) -> JsString {
        JsString {
            ptr: ptr.cast(),
            _not_send: PhantomData,
        }
    }

    /// A handle borrowed from an address given up by `into_raw` whose owner
    /// keeps it alive as long as the borrow.
    ///
    /// # Safety
    /// `ptr` came from `into_raw` and its handle outlives the borrow.
    pub unsafe fn borrow_raw(ptr: &NonNull<u8>) -> &JsString {
        // SAFETY: JsString is exactly one `NonNull` wide (repr of a struct
        // with one non-zero-sized field), so the address reads as a handle.
        unsafe { &*(ptr as *const NonNull<u8> as *const JsString) }
    }
}

impl Clone for JsString {
    #[inline]
    fn clone(&self) -> JsString {
        let count = &self.header().count;
        let next = count.get().wrapping_add(1);
        if next == 0 {
            // As `Rc` does: a count that wraps means leaked handles.
            std::process::abort();
        }
        count.set(next);
        JsString {
            ptr: self.ptr,
            _not_send: PhantomData,
        }
    }
}

impl Drop for JsString {
    #[inline]
    fn drop(&mut self) {
        let count = &self.header().count;
        let left = count.get() - 1;
        count.set(left);
        if left == 0 {
            let len = self.header().len;
            let layout = JsString::layout(len).expect("allocated with this layout");
            // SAFETY: this was the last handle; the allocation was made
            // with this layout.
            unsafe { alloc::dealloc(self.ptr.as_ptr() as *mut u8, layout) }
        }
    }
}

impl Deref for JsString {
    type Target = [u16];
    #[inline]
    fn deref(&self) -> &[u16] {
        self.as_slice()
    }
}

impl AsRef<[u16]> for JsString {
    fn as_ref(&self) -> &[u16] {
        self.as_slice()
    }
}

impl std::borrow::Borrow<[u16]> for JsString {
    fn borrow(&self) -> &[u16] {
        self.as_slice()
    }
}

impl From<&[u16]> for JsString {
    fn from(units: &[u16]) -> JsString {
        JsString::from_slice(units)
    }
}

impl From<Vec<u16>> for JsString {
    fn from(units: Vec<u16>) -> JsString {
        JsString::from_slice(&units)
    }
}

impl From<&Vec<u16>> for JsString {
    fn from(units: &Vec<u16>) -> JsString {
        JsString::from_slice(units)
    }
}

impl From<Box<[u16]>> for JsString {
    fn from(units: Box<[u16]>) -> JsString {
        JsString::from_slice(&units)
    }
}

impl<const N: usize> From<[u16; N]> for JsString {
    fn from(units: [u16; N]) -> JsString {
        JsString::from_slice(&units)
    }
}

impl<const N: usize> From<&[u16; N]> for JsString {
    fn from(units: &[u16; N]) -> JsString {
        JsString::from_slice(units)
    }
}

impl FromIterator<u16> for JsString {
    fn from_iter<I: IntoIterator<Item = u16>>(iter: I) -> JsString {
        JsString::from(iter.into_iter().collect::<Vec<u16>>())
    }
}

impl PartialEq for JsString {
    #[inline]
    fn eq(&self, other: &JsString) -> bool {
        JsString::ptr_eq(self, other) || self.as_slice() == other.as_slice()
    }
}

impl Eq for JsString {}

impl PartialEq<[u16]> for JsString {
    fn eq(&self, other: &[u16]) -> bool {
        self.as_slice() == other
    }
}

impl Hash for JsString {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state)
    }
}

impl PartialOrd for JsString {
    fn partial_cmp(&self, other: &JsString) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for JsString {
    fn cmp(&self, other: &JsString) -> Ordering {
        self.as_slice().cmp(other.as_slice())
    }
}

impl fmt::Debug for JsString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", String::from_utf16_lossy(self))
    }
}

impl serde::Serialize for JsString {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for JsString {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<JsString, D::Error> {
        Vec::<u16>::deserialize(deserializer).map(JsString::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_word_wide() {
        assert_eq!(std::mem::size_of::<JsString>(), 8);
        assert_eq!(std::mem::size_of::<Option<JsString>>(), 8);
    }

    #[test]
    fn shares_counts_and_frees() {
        let empty = JsString::from_slice(&[]);
        assert!(empty.is_empty());
        let a = JsString::from(vec![104, 105]);
        let b = a.clone();
        assert!(JsString::ptr_eq(&a, &b));
        assert_eq!(&*b, &[104, 105]);
        drop(a);
        assert_eq!(b.len(), 2);
        let c: JsString = [1u16, 2, 3].into_iter().collect();
        assert_eq!(c.as_slice(), &[1, 2, 3]);
        assert_eq!(c, JsString::from(&[1u16, 2, 3]));
        assert!(JsString::ptr_eq(&c, &c.clone()));
        let raw = c.clone().into_raw();
        // SAFETY: `raw` came from into_raw, `c` keeps it alive meanwhile,
        // and it is taken back once.
        unsafe {
            assert_eq!(JsString::borrow_raw(&raw).as_slice(), &[1, 2, 3]);
            drop(JsString::from_raw(raw));
        }
        assert_eq!(c.len(), 3);
        // An odd length: the allocation's padding is part of its layout.
        let odd = JsString::from_slice(&[7; 5]);
        assert_eq!(odd.iter().sum::<u16>(), 35);
    }
}
