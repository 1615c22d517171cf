//! The name interner: one shared `Rc<str>` per distinct name in a source
//! text, and each distinct name looked up in the keyword table only once.
//!
//! Every IdentifierName goes through here, so it is a small open-addressing
//! table specialised for short strings rather than a general `HashMap`.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;

use crate::syntax::ast::Name;
use crate::syntax::token::Tok;

struct Entry {
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
    /// A per-interner random seed, so colliding names cannot be prepared in
    /// advance to make lookups slow.
    seed: u64,
}

const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

impl Default for Interner {
    fn default() -> Interner {
        let mut slots = Vec::new();
        slots.resize_with(256, || None);
        Interner {
            slots,
            len: 0,
            seed: RandomState::new().hash_one(0x5EED_u64) | 1,
        }
    }
}

/// Up to eight bytes of `bytes` from `at` as a little-endian word.
#[inline]
fn word_at(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + 8) {
        Some(chunk) => {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            u64::from_le_bytes(word)
        }
        None => bytes[at..]
            .iter()
            .rev()
            .fold(0u64, |word, &b| (word << 8) | b as u64),
    }
}

impl Interner {
    #[inline]
    fn hash(&self, bytes: &[u8]) -> u64 {
        let mut h = self.seed ^ (bytes.len() as u64).wrapping_mul(MULTIPLIER);
        let mut at = 0;
        while at < bytes.len() {
            h = (h.rotate_left(23) ^ word_at(bytes, at)).wrapping_mul(MULTIPLIER);
            at += 8;
        }
        h ^ (h >> 29)
    }

    /// The slot holding `text`, or the empty slot where it belongs.
    #[inline]
    fn find(&self, text: &str, hash: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut index = (hash as usize) & mask;
        loop {
            match &self.slots[index] {
                None => return index,
                Some(entry) if entry.hash == hash && &*entry.name == text => return index,
                Some(_) => index = (index + 1) & mask,
            }
        }
    }

    /// The entry for `text`, inserting it when new.
    #[inline]
    fn entry(&mut self, text: &str) -> &Entry {
        let hash = self.hash(text.as_bytes());
        let mut index = self.find(text, hash);
        if self.slots[index].is_none() {
            if (self.len + 1) * 4 > self.slots.len() * 3 {
                self.grow();
                index = self.find(text, hash);
            }
            let name = Name::from(text);
            let tok = Tok::keyword(text).unwrap_or_else(|| Tok::Ident(name.clone()));
            self.slots[index] = Some(Entry { hash, tok, name });
            self.len += 1;
        }
        match &self.slots[index] {
            Some(entry) => entry,
            None => unreachable!("the slot was just filled"),
        }
    }

    fn grow(&mut self) {
        let mut slots = Vec::new();
        slots.resize_with(self.slots.len() * 2, || None);
        let old = std::mem::replace(&mut self.slots, slots);
        let mask = self.slots.len() - 1;
        for entry in old.into_iter().flatten() {
            let mut index = (entry.hash as usize) & mask;
            while self.slots[index].is_some() {
                index = (index + 1) & mask;
            }
            self.slots[index] = Some(entry);
        }
    }

    /// The token for an IdentifierName written without escapes: its keyword
    /// token, or `Tok::Ident`.
    #[inline]
    pub(super) fn word(&mut self, text: &str) -> Tok {
        self.entry(text).tok.clone()
    }

    /// A shared `Name` for `text`.
    pub(super) fn name(&mut self, text: &str) -> Name {
        self.entry(text).name.clone()
    }
}
