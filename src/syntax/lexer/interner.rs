//! The name interner: one shared `Rc<str>` per distinct name in a source
//! text, and each distinct name looked up in the keyword table only once.
//!
//! Every IdentifierName goes through here, so it is a small open-addressing
//! table specialised for short names: a name of up to 16 bytes is compared
//! as two machine words, without a call to `memcmp`.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;

use crate::syntax::ast::Name;
use crate::syntax::token::Tok;

/// The first 16 bytes of a name, zero-padded, and its length: equal keys
/// mean equal names for names of at most 16 bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key {
    head: [u64; 2],
    len: usize,
}

impl Key {
    /// The key of `src[start..end]`, reading whole words from the source
    /// when at least 16 bytes follow `start` (the usual case).
    #[inline]
    fn of_slice(src: &[u8], start: usize, end: usize) -> Key {
        let len = end - start;
        match src.get(start..start + 16) {
            Some(sixteen) => {
                let mask = |n: usize| {
                    if n >= 8 {
                        u64::MAX
                    } else {
                        (1u64 << (8 * n)) - 1
                    }
                };
                let low = load(&sixteen[..8]) & mask(len);
                let high = if len > 8 {
                    load(&sixteen[8..]) & mask(len - 8)
                } else {
                    0
                };
                Key {
                    head: [low, high],
                    len,
                }
            }
            None => Key::of(&src[start..end]),
        }
    }

    #[inline]
    fn of(bytes: &[u8]) -> Key {
        let mut head = [0u64; 2];
        if bytes.len() >= 16 {
            head[0] = load(&bytes[..8]);
            head[1] = load(&bytes[8..16]);
        } else if bytes.len() >= 8 {
            head[0] = load(&bytes[..8]);
            head[1] = load_partial(&bytes[8..]);
        } else {
            head[0] = load_partial(bytes);
        }
        Key {
            head,
            len: bytes.len(),
        }
    }
}

#[inline]
fn load(eight: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(eight);
    u64::from_le_bytes(word)
}

/// Fewer than eight bytes, zero-padded.
#[inline]
fn load_partial(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .rev()
        .fold(0u64, |word, &b| (word << 8) | b as u64)
}

struct Entry {
    key: Key,
    hash: u64,
    /// The keyword token, or `Tok::Ident` holding the shared name.
    tok: Tok,
    /// The shared name (for keywords too, for `Interner::name`).
    name: Name,
}

pub(super) struct Interner {
    /// Power-of-two sized; `None` is an empty slot.
    slots: Vec<Option<Entry>>,
    len: usize,
    /// log2 of the slot count, for taking an index from a hash's top bits.
    bits: u32,
    /// A per-interner random seed, so colliding names cannot be prepared in
    /// advance to make lookups slow.
    seed: u64,
}

const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;
/// The table's starting size bounds: small modules are the common case, and
/// creating, filling and dropping a table much larger than the text's
/// distinct names would cost more than lexing the text.
const MIN_BITS: u32 = 5;
const MAX_INITIAL_BITS: u32 = 10;

impl Interner {
    /// An interner sized for a source text of `source_len` bytes: about one
    /// table slot per 16 bytes of source (twice the distinct names typical code has), growing as needed.
    pub(super) fn for_source(source_len: usize) -> Interner {
        let expected_names = source_len / 16 + 1;
        let bits = (usize::BITS - expected_names.leading_zeros()).clamp(MIN_BITS, MAX_INITIAL_BITS);
        let mut slots = Vec::new();
        slots.resize_with(1 << bits, || None);
        Interner {
            slots,
            len: 0,
            bits,
            seed: RandomState::new().hash_one(0x5EED_u64),
        }
    }

    #[inline]
    fn hash(&self, key: &Key, bytes: &[u8]) -> u64 {
        let mut h = (self.seed ^ key.head[0]).wrapping_mul(MULTIPLIER);
        h = (h.rotate_left(29) ^ key.head[1] ^ key.len as u64).wrapping_mul(MULTIPLIER);
        let mut rest = bytes.get(16..).unwrap_or(&[]);
        while !rest.is_empty() {
            let take = rest.len().min(8);
            let word = if take == 8 {
                load(&rest[..8])
            } else {
                load_partial(rest)
            };
            h = (h.rotate_left(29) ^ word).wrapping_mul(MULTIPLIER);
            rest = &rest[take..];
        }
        h
    }

    /// The slot holding the name, or the empty slot where it belongs.
    #[inline]
    fn find(&self, key: &Key, hash: u64, text: &str) -> usize {
        let mask = self.slots.len() - 1;
        // Multiplicative hashing: the top bits are the well-mixed ones.
        let mut index = (hash >> (64 - self.bits)) as usize;
        loop {
            match &self.slots[index] {
                None => return index,
                Some(entry)
                    if entry.key == *key
                        && (key.len <= 16 || (entry.hash == hash && &*entry.name == text)) =>
                {
                    return index
                }
                Some(_) => index = (index + 1) & mask,
            }
        }
    }

    /// The entry for `text`, inserting it when new.
    #[inline]
    fn entry(&mut self, text: &str) -> &Entry {
        let key = Key::of(text.as_bytes());
        self.entry_with_key(key, text)
    }

    #[inline]
    fn entry_with_key(&mut self, key: Key, text: &str) -> &Entry {
        let hash = self.hash(&key, text.as_bytes());
        let mut index = self.find(&key, hash, text);
        if self.slots[index].is_none() {
            if (self.len + 1) * 2 > self.slots.len() {
                self.grow();
                index = self.find(&key, hash, text);
            }
            let name = Name::from(text);
            let tok = Tok::keyword(text).unwrap_or_else(|| Tok::Ident(name.clone()));
            self.slots[index] = Some(Entry {
                key,
                hash,
                tok,
                name,
            });
            self.len += 1;
        }
        match &self.slots[index] {
            Some(entry) => entry,
            None => unreachable!("the slot was just filled"),
        }
    }

    fn grow(&mut self) {
        self.bits += 1;
        let mut slots = Vec::new();
        slots.resize_with(1 << self.bits, || None);
        let old = std::mem::replace(&mut self.slots, slots);
        let mask = self.slots.len() - 1;
        for entry in old.into_iter().flatten() {
            let mut index = (entry.hash >> (64 - self.bits)) as usize;
            while self.slots[index].is_some() {
                index = (index + 1) & mask;
            }
            self.slots[index] = Some(entry);
        }
    }

    /// The token for the IdentifierName `src[start..end]`, written without
    /// escapes: its keyword token, or `Tok::Ident`.
    #[inline]
    pub(super) fn word(&mut self, src: &str, start: usize, end: usize) -> Tok {
        let key = Key::of_slice(src.as_bytes(), start, end);
        let tok = &self.entry_with_key(key, &src[start..end]).tok;
        match tok {
            // The common case, without the general `Tok::clone`.
            Tok::Ident(name) => Tok::Ident(name.clone()),
            other => other.clone(),
        }
    }

    /// A shared `Name` for `text`.
    pub(super) fn name(&mut self, text: &str) -> Name {
        self.entry(text).name.clone()
    }
}
