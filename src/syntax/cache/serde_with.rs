//! The serde adapters the AST's derives name: scope records behind a
//! `OnceCell`, functions shared by `Rc` between the tree and the scope
//! records, and the nesting guard that bounds decoding recursion.
//!
//! A function declaration's `Rc<Function>` sits both in the tree and in its
//! scope's list of hoisted functions (and a script's list of top-level
//! functions). Encoding writes each function's content once, at its first
//! occurrence in field order (the tree comes before the scope record that
//! lists it), and a back-reference at the others; decoding rebuilds the same
//! sharing. Without it a function nested `n` declarations deep would be
//! written 2ⁿ times. No run-time identity depends on the sharing (scope
//! analysis keys functions by address only while it runs), so it is kept
//! only for size and speed.

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

use rustc_hash::FxHashMap as HashMap;
use serde::de::Error as _;
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::syntax::ast::{Function, Stmt, StmtKind, MAX_NESTING};
use crate::syntax::scope::BlockScope;
use crate::syntax::span::Span;

/// How deep decoding may nest expressions, statements, patterns and
/// functions. A checked tree nests expressions, statements and patterns at
/// most [`MAX_NESTING`] deep, and every function in it sits inside one of
/// those, so twice that (and a margin) admits every real tree while bounding
/// the recursion of decoding made-up bytes.
pub const MAX_DECODE_NESTING: u32 = 2 * MAX_NESTING + 16;

thread_local! {
    /// While encoding: each function already written, by address, with its index.
    static WRITTEN: RefCell<Option<HashMap<*const Function, u32>>> = const { RefCell::new(None) };
    /// While decoding: the functions decoded so far, by index.
    static READ: RefCell<Option<Vec<Rc<Function>>>> = const { RefCell::new(None) };
    /// While decoding: the current nesting.
    static NESTING: Cell<u32> = const { Cell::new(0) };
}

/// Encoding's function table for the duration of one `encode` call.
pub(super) struct EncodeSession(Option<HashMap<*const Function, u32>>);

impl EncodeSession {
    pub(super) fn start() -> EncodeSession {
        EncodeSession(WRITTEN.with(|w| w.replace(Some(HashMap::default()))))
    }
}

impl Drop for EncodeSession {
    fn drop(&mut self) {
        let outer = self.0.take();
        WRITTEN.with(|w| *w.borrow_mut() = outer);
    }
}

/// Decoding's function table and nesting for one `decode` call.
pub(super) struct DecodeSession(Option<Vec<Rc<Function>>>, u32);

impl DecodeSession {
    pub(super) fn start() -> DecodeSession {
        let table = READ.with(|r| r.replace(Some(Vec::new())));
        DecodeSession(table, NESTING.with(|n| n.replace(0)))
    }
}

impl Drop for DecodeSession {
    fn drop(&mut self) {
        let outer = self.0.take();
        READ.with(|r| *r.borrow_mut() = outer);
        NESTING.with(|n| n.set(self.1));
    }
}

/// One level of decoding nesting; refuses to go past [`MAX_DECODE_NESTING`].
struct Level;

impl Level {
    fn enter<E: serde::de::Error>() -> Result<Level, E> {
        NESTING.with(|n| {
            let depth = n.get() + 1;
            if depth > MAX_DECODE_NESTING {
                return Err(E::custom("nested too deeply"));
            }
            n.set(depth);
            Ok(Level)
        })
    }
}

impl Drop for Level {
    fn drop(&mut self) {
        NESTING.with(|n| n.set(n.get().saturating_sub(1)));
    }
}

/// `deserialize_with` for the `kind` of expressions, statements and
/// patterns: decodes it one nesting level deeper.
pub fn nested<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    let _level = Level::enter()?;
    T::deserialize(d)
}

/// A scope record: `None` before scope analysis.
pub mod once_cell {
    use super::*;

    pub fn serialize<S: Serializer, T: Serialize>(
        cell: &OnceCell<T>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        cell.get().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
        d: D,
    ) -> Result<OnceCell<T>, D::Error> {
        let cell = OnceCell::new();
        if let Some(value) = Option::<T>::deserialize(d)? {
            let _ = cell.set(value);
        }
        Ok(cell)
    }
}

/// A function's first occurrence (its content) or a later one (the index
/// of the first, counting functions in the order their content ends).
#[derive(Serialize, Deserialize)]
enum Shared<F> {
    First(F),
    Earlier(u32),
}

/// An `Rc<Function>`, written once however often the tree shares it.
pub mod shared_function {
    use super::*;

    pub fn serialize<S: Serializer>(f: &Rc<Function>, s: S) -> Result<S::Ok, S::Error> {
        let address = Rc::as_ptr(f);
        let earlier = WRITTEN.with(|w| w.borrow().as_ref().map(|w| w.get(&address).copied()));
        match earlier {
            None => Err(S::Error::custom(
                "functions are encoded by syntax::cache::encode",
            )),
            Some(Some(index)) => Shared::<&Function>::Earlier(index).serialize(s),
            Some(None) => {
                let written = Shared::First(&**f).serialize(s)?;
                // Numbered once its content is written: functions nested in
                // it got the lower numbers, as decoding will give them.
                WRITTEN.with(|w| {
                    if let Some(w) = w.borrow_mut().as_mut() {
                        let index = w.len() as u32;
                        w.insert(address, index);
                    }
                });
                Ok(written)
            }
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Rc<Function>, D::Error> {
        let _level = Level::enter()?;
        match Shared::<Function>::deserialize(d)? {
            Shared::First(f) => {
                let f = Rc::new(f);
                READ.with(|r| match r.borrow_mut().as_mut() {
                    Some(r) => {
                        r.push(f.clone());
                        Ok(f)
                    }
                    None => Err(D::Error::custom(
                        "functions are decoded by syntax::cache::decode",
                    )),
                })
            }
            Shared::Earlier(index) => READ.with(|r| {
                r.borrow()
                    .as_ref()
                    .and_then(|r| r.get(index as usize).cloned())
                    .ok_or_else(|| D::Error::custom("a reference to no earlier function"))
            }),
        }
    }
}

/// A list of `Rc<Function>`s, each as [`shared_function`] writes it.
pub mod shared_functions {
    use super::*;

    struct Write<'a>(&'a Rc<Function>);

    impl Serialize for Write<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            shared_function::serialize(self.0, s)
        }
    }

    struct Read(Rc<Function>);

    impl<'de> Deserialize<'de> for Read {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Read, D::Error> {
            shared_function::deserialize(d).map(Read)
        }
    }

    pub fn serialize<S: Serializer>(fs: &[Rc<Function>], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(fs.iter().map(Write))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Rc<Function>>, D::Error> {
        let read = Vec::<Read>::deserialize(d)?;
        Ok(read.into_iter().map(|r| r.0).collect())
    }
}

/// A scope record that scope analysis always sets (functions, classes and
/// their members, catch clauses, try blocks, modules, scripts): decoding
/// refuses a tree without it, since the evaluator relies on it.
pub mod analysed {
    use super::*;

    pub use super::once_cell::serialize;

    pub fn deserialize<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
        d: D,
    ) -> Result<OnceCell<T>, D::Error> {
        let cell = once_cell::deserialize(d)?;
        match cell.get() {
            Some(_) => Ok(cell),
            None => Err(D::Error::custom("a scope record is missing")),
        }
    }
}

/// A statement as decoded, before the check that the statements which
/// open a scope (blocks, `switch`, `for` loops; `try … finally`'s finally
/// block) have their scope record.
#[derive(Deserialize)]
pub struct StmtFields {
    #[serde(deserialize_with = "nested")]
    kind: StmtKind,
    span: Span,
    depth: u32,
    #[serde(with = "once_cell")]
    scope: OnceCell<Box<BlockScope>>,
}

impl TryFrom<StmtFields> for Stmt {
    type Error = &'static str;

    fn try_from(s: StmtFields) -> Result<Stmt, &'static str> {
        let needs_scope = matches!(
            s.kind,
            StmtKind::Block(_)
                | StmtKind::Switch { .. }
                | StmtKind::For { .. }
                | StmtKind::ForIn { .. }
                | StmtKind::ForOf { .. }
        );
        if needs_scope && s.scope.get().is_none() {
            return Err("a block's scope record is missing");
        }
        if let StmtKind::Try {
            finalizer: Some(_),
            finalizer_scope,
            ..
        } = &s.kind
        {
            if finalizer_scope.get().is_none() {
                return Err("a finally block's scope record is missing");
            }
        }
        Ok(Stmt {
            kind: s.kind,
            span: s.span,
            depth: s.depth,
            scope: s.scope,
        })
    }
}
