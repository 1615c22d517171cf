//! The state the grammar's actions share while one program is parsed.
//!
//! LALRPOP reduces bottom-up, so facts that depend on an enclosing construct
//! are recorded when the inner construct is reduced and settled when the
//! enclosing one is:
//!
//! - `yield` and `await` expressions (and `for await`) are claimed by the
//!   function that contains them ([Yield]/[Await] of ECMA-262's grammar);
//!   what the module's top level still holds at the end is checked there.
//! - CoverInitializedName (`{ a = 1 }`) is claimed when its object literal is
//!   reinterpreted as a pattern; one still unclaimed when its statement ends
//!   is a SyntaxError.
//!
//! Errors found this way are kept as the earliest "deferred" error; the
//! driver reports whichever comes first in the source, that one or the
//! parse error.

use std::cell::RefCell;
use std::collections::HashSet;

use super::super::ast::{Expr, ExprKind, ModuleItem, Pattern, PatternKind, Stmt, StmtKind};
use super::super::error::SyntaxError;
use super::super::span::Span;
use super::adapter::TokenMeta;
use super::parts::sp;
use super::suspensions::Suspensions;

/// What the source is parsed as.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Goal {
    Module,
    /// A script: no import/export declarations, no top-level `await`, no
    /// `import.meta`; strict only where a directive (or a class) makes it.
    Script,
}

const TOO_DEEP: &str = "Maximum call stack size exceeded";

pub struct ParseState<'a> {
    pub source: &'a str,
    pub tokens: &'a [TokenMeta],
    pub goal: Goal,
    deferred: RefCell<Option<SyntaxError>>,
    pub(super) suspensions: RefCell<Suspensions>,
    cover_inits: RefCell<Vec<Span>>,
    /// Start offsets of array/object literals whose last element is a spread
    /// followed by a comma (`[...a,]`): such a literal is no valid pattern.
    pub(crate) rest_with_trailing_comma: RefCell<HashSet<u32>>,
    import_metas: RefCell<Vec<Span>>,
    /// Script goal: errors that apply only in strict mode code (legacy octal
    /// literals and escapes, `delete identifier`), kept until the
    /// early-error walk knows which code is strict.
    strict_only: RefCell<Vec<SyntaxError>>,
}

/// V8's message for a `with` statement in strict code.
pub const WITH_IN_STRICT_CODE: &str = "Strict mode code may not include a with statement";

impl<'a> ParseState<'a> {
    pub fn new(source: &'a str, tokens: &'a [TokenMeta], goal: Goal) -> ParseState<'a> {
        ParseState {
            source,
            tokens,
            goal,
            deferred: RefCell::new(None),
            suspensions: RefCell::new(Suspensions::default()),
            cover_inits: RefCell::new(Vec::new()),
            rest_with_trailing_comma: RefCell::new(HashSet::new()),
            import_metas: RefCell::new(Vec::new()),
            strict_only: RefCell::new(Vec::new()),
        }
    }

    /// Records an error, keeping the earliest in the source.
    pub fn defer(&self, error: SyntaxError) {
        let mut slot = self.deferred.borrow_mut();
        match &*slot {
            Some(old) if old.span.start <= error.span.start => {}
            _ => *slot = Some(error),
        }
    }

    /// Records an error that applies only in strict mode code: module code
    /// is strict, so there it is deferred at once; in a script it waits for
    /// the strictness of its code (`take_strict_only`).
    pub fn defer_strict(&self, error: SyntaxError) {
        match self.goal {
            Goal::Module => self.defer(error),
            Goal::Script => self.strict_only.borrow_mut().push(error),
        }
    }

    /// A `with` statement's keyword: an error in strict code (module code
    /// at once; in a script once its strictness is known).
    pub fn note_with_statement(&self, keyword: Span) {
        self.defer_strict(SyntaxError::new(WITH_IN_STRICT_CODE, keyword));
    }

    /// The strict-only errors recorded in a script, in source order.
    pub fn take_strict_only(&self) -> Vec<SyntaxError> {
        let mut errors = std::mem::take(&mut *self.strict_only.borrow_mut());
        errors.sort_by_key(|e| e.span.start);
        errors
    }

    /// The error to report: the deferred one if it comes first.
    pub fn earliest<T>(&self, result: Result<T, SyntaxError>) -> Result<T, SyntaxError> {
        match (self.deferred.borrow_mut().take(), result) {
            (None, result) => result,
            (Some(d), Ok(_)) => Err(d),
            (Some(d), Err(e)) => Err(if d.span.start <= e.span.start { d } else { e }),
        }
    }

    /// The source text of a span.
    pub fn text(&self, span: Span) -> &'a str {
        self.source.get(span.range()).unwrap_or("")
    }

    // ---- depth-checked node constructors ----

    pub fn expr(&self, kind: ExprKind, l: usize, r: usize) -> Expr {
        let e = Expr::new(kind, sp(l, r));
        if matches!(e.kind, ExprKind::TooDeep) {
            self.defer(SyntaxError::new(TOO_DEEP, e.span));
        }
        e
    }

    pub fn expr_at(&self, kind: ExprKind, span: Span) -> Expr {
        self.expr(kind, span.start as usize, span.end as usize)
    }

    pub fn stmt(&self, kind: StmtKind, l: usize, r: usize) -> Stmt {
        let s = Stmt::new(kind, sp(l, r));
        if matches!(s.kind, StmtKind::TooDeep) {
            self.defer(SyntaxError::new(TOO_DEEP, s.span));
        }
        s
    }

    pub fn pattern(&self, kind: PatternKind, l: usize, r: usize) -> Pattern {
        self.pattern_at(kind, sp(l, r))
    }

    pub fn pattern_at(&self, kind: PatternKind, span: Span) -> Pattern {
        let p = Pattern::new(kind, span);
        if matches!(p.kind, PatternKind::TooDeep) {
            self.defer(SyntaxError::new(TOO_DEEP, p.span));
        }
        p
    }

    // ---- statement boundaries ----

    /// A StatementListItem is complete: any CoverInitializedName inside it was
    /// never reinterpreted as a pattern.
    pub fn list_item(&self, kind: Box<StmtKind>, l: usize, r: usize) -> Box<Stmt> {
        self.reject_cover_inits_from(l);
        self.boxed_stmt(kind, l, r)
    }

    pub fn module_item(&self, item: ModuleItem, l: usize) -> Box<ModuleItem> {
        self.reject_cover_inits_from(l);
        Box::new(item)
    }

    // The grammar's actions produce boxed statement kinds so that LALRPOP's
    // symbol enum (moved on every shift and reduce) stays small.
    #[allow(clippy::boxed_local)]
    pub fn boxed_stmt(&self, kind: Box<StmtKind>, l: usize, r: usize) -> Box<Stmt> {
        Box::new(self.stmt(*kind, l, r))
    }

    fn reject_cover_inits_from(&self, start: usize) {
        let mut pending = self.cover_inits.borrow_mut();
        let mut first = None;
        while let Some(span) = pending.last().copied() {
            if (span.start as usize) < start {
                break;
            }
            pending.pop();
            first = Some(span);
        }
        drop(pending);
        if let Some(span) = first {
            self.defer(SyntaxError::new(
                "Invalid shorthand property initializer",
                span,
            ));
        }
    }

    // ---- CoverInitializedName ----

    pub fn note_cover_init(&self, span: Span) {
        self.cover_inits.borrow_mut().push(span);
    }

    /// The cover-initialised names inside `range` became pattern defaults.
    pub fn claim_cover_inits(&self, range: Span) {
        let mut pending = self.cover_inits.borrow_mut();
        let mut after = Vec::new();
        while let Some(span) = pending.last().copied() {
            if span.start < range.start {
                break;
            }
            pending.pop();
            if span.start >= range.end {
                after.push(span);
            }
        }
        pending.extend(after.into_iter().rev());
    }

    // ---- [Yield] / [Await] ----

    pub fn note_yield(&self, span: Span) {
        self.suspensions.borrow_mut().note_yield(span);
    }

    pub fn note_await(&self, span: Span) {
        self.suspensions.borrow_mut().note_await(span);
    }

    pub fn note_import_meta(&self, span: Span) {
        self.import_metas.borrow_mut().push(span);
    }

    /// At the end of the program: what the top level still holds.
    pub fn finish(&self) {
        self.finish_suspensions();
        if self.goal == Goal::Script {
            if let Some(span) = self.import_metas.borrow().first() {
                self.defer(SyntaxError::new(
                    "Cannot use 'import.meta' outside a module",
                    *span,
                ));
            }
        }
        self.reject_cover_inits_from(0);
    }

    /// The index of the token starting at `start`.
    pub fn token_index(&self, start: usize) -> Option<usize> {
        self.tokens.binary_search_by_key(&start, |t| t.start).ok()
    }
}
