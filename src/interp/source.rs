//! The text a module or function came from: its name for stack traces and
//! diagnostics, and the text itself for `Function.prototype.toString`.

use std::cell::{Cell, OnceCell};
use std::rc::{Rc, Weak};

use crate::interp::realm::Realm;

use crate::syntax::span::{LineCol, LineIndex, Span};

pub struct SourceText {
    /// Built on first use. Declared before `text` so it is dropped first:
    /// it borrows `text` (see `lines`).
    lines: OnceCell<LineIndex<'static>>,
    /// What stack frames print: a `file://` URL or a name like `vm:module(0)`.
    pub name: String,
    pub text: Rc<str>,
    /// The realm the code belongs to when it is not the agent's first one
    /// (code of a `vm.createContext` context): calls into its functions
    /// run with that realm current, so globals and intrinsics are its own.
    /// Weak, as a built-in function's [[Realm]] is: the agent owns its
    /// realms (`Agent::context_realms`), and a strong reference from the
    /// code of a realm's own functions would be a cycle that no drop of the
    /// agent breaks (the realm's global reaches those functions).
    realm: OnceCell<Weak<Realm>>,
    /// For `vm` code placed at a line and column offset (see
    /// `placed_text`): the 1-based line the code starts on and the spaces
    /// put before it there.
    placement: Cell<(u32, u32)>,
}

impl SourceText {
    pub fn new(name: impl Into<String>, text: impl Into<Rc<str>>) -> Rc<SourceText> {
        Rc::new(SourceText {
            lines: OnceCell::new(),
            name: name.into(),
            text: text.into(),
            realm: OnceCell::new(),
            placement: Cell::new((1, 0)),
        })
    }

    /// Records that the code begins on 1-based line `line` after `padding`
    /// spaces that are not part of it.
    pub fn set_placement(&self, line: u32, padding: u32) {
        self.placement.set((line, padding));
    }

    /// The 1-based line the code starts on and the spaces before it there.
    pub fn placement(&self) -> (u32, u32) {
        self.placement.get()
    }

    /// The text of a 1-based line, without its terminator.
    pub fn line_text(&self, line: u32) -> &str {
        self.lines().line_text(line)
    }

    /// Records `realm` as the realm of this code (once; later calls do
    /// nothing).
    pub fn set_realm(&self, realm: &Rc<Realm>) {
        let _ = self.realm.set(Rc::downgrade(realm));
    }

    /// Whether the code belongs to a realm of its own (not the agent's
    /// first one).
    pub fn has_realm(&self) -> bool {
        self.realm.get().is_some()
    }

    /// The realm of the code when it is not the agent's first one. The
    /// agent keeps every realm alive as long as it lives, so this is
    /// `None` only for code of the first realm.
    pub fn realm(&self) -> Option<Rc<Realm>> {
        self.realm.get().and_then(Weak::upgrade)
    }

    /// Whether `realm` is the realm of this code, given that `initial` is
    /// the agent's first realm (no reference count is touched).
    pub fn belongs_to(&self, realm: &Rc<Realm>, initial: &Rc<Realm>) -> bool {
        match self.realm.get() {
            Some(own) => std::ptr::eq(own.as_ptr(), Rc::as_ptr(realm)),
            None => Rc::ptr_eq(initial, realm),
        }
    }

    fn lines(&self) -> &LineIndex<'static> {
        self.lines.get_or_init(|| {
            // SAFETY: `text` is an `Rc<str>` this struct owns and never
            // replaces; the index is dropped before it (field order), so the
            // borrow never outlives the text.
            let text: &'static str = unsafe { &*(self.text.as_ref() as *const str) };
            LineIndex::new(text)
        })
    }

    pub fn line_col(&self, offset: u32) -> LineCol {
        self.lines().line_col(offset as usize)
    }

    /// `NAME:LINE:COLUMN` of a position (1-based, as stack traces print it).
    pub fn location(&self, offset: u32) -> String {
        let lc = self.line_col(offset);
        format!("{}:{}:{}", self.name, lc.line, lc.column)
    }

    /// The source text of a node (Function.prototype.toString).
    pub fn slice(&self, span: Span) -> &str {
        self.text
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_index_borrows_the_text_it_owns() {
        // Under Miri this checks the `'static` borrow in `lines`: the index
        // is read after other handles to the text are gone and dropped
        // before the text.
        let text: Rc<str> = Rc::from("let a;\nlet b;\r\n  oops");
        let source = SourceText::new("m.mjs", text.clone());
        drop(text);
        assert_eq!(source.location(0), "m.mjs:1:1");
        assert_eq!(source.location(17), "m.mjs:3:3");
        let again = source.clone();
        drop(source);
        assert_eq!(again.line_col(7).line, 2);
        assert_eq!(again.slice(Span { start: 4, end: 5 }), "a");
        assert_eq!(again.slice(Span { start: 4, end: 99 }), "");
    }
}
