//! [Yield] and [Await]: which function a `yield` or `await` belongs to.
//!
//! ECMA-262 threads [Yield] and [Await] parameters through the grammar. Here
//! `yield`/`await` expressions (and `for await`) are recorded as they are
//! reduced, and the enclosing function claims them when it is reduced
//! (inner constructs reduce first, so what a function claims is at the end
//! of the list). An arrow function's parameters are the one place where the
//! verdict depends on the context *around* the arrow (V8 words the error by
//! whether that context allows the expression), so an arrow hands the
//! expressions in its parameters on to its enclosing function, marked.

use super::super::error::SyntaxError;
use super::super::span::Span;
use super::parts::{fail, R};
use super::state::{Goal, ParseState};

const YIELD_OUTSIDE_GENERATOR: &str = "Unexpected strict mode reserved word";
const YIELD_IN_PARAMETERS: &str = "Yield expression not allowed in formal parameter";
const AWAIT_OUTSIDE_ASYNC: &str = "Unexpected reserved word";
const AWAIT_IN_PARAMETERS: &str = "Illegal await-expression in formal parameters of async function";
const AWAIT_IN_SCRIPT: &str =
    "await is only valid in async functions and the top level bodies of modules";

/// A `yield` or `await` not yet claimed by an enclosing function.
#[derive(Copy, Clone, Debug)]
pub struct Pending {
    span: Span,
    /// In the parameters of an arrow function nested in the claimer.
    in_arrow_parameters: bool,
}

#[derive(Default)]
pub struct Suspensions {
    yields: Vec<Pending>,
    awaits: Vec<Pending>,
}

impl Suspensions {
    pub fn note_yield(&mut self, span: Span) {
        self.yields.push(Pending {
            span,
            in_arrow_parameters: false,
        });
    }

    pub fn note_await(&mut self, span: Span) {
        self.awaits.push(Pending {
            span,
            in_arrow_parameters: false,
        });
    }
}

/// Removes and returns the entries starting at or after `start`.
fn take_from(list: &mut Vec<Pending>, start: usize) -> Vec<Pending> {
    let keep = list
        .iter()
        .rposition(|p| (p.span.start as usize) < start)
        .map_or(0, |i| i + 1);
    list.split_off(keep)
}

/// Keeps the earliest of the errors found.
#[derive(Default)]
struct FirstError(Option<SyntaxError>);

impl FirstError {
    fn add(&mut self, message: &str, span: Span) {
        match &self.0 {
            Some(old) if old.span.start <= span.start => {}
            _ => self.0 = Some(SyntaxError::new(message, span)),
        }
    }

    fn result(self) -> R<()> {
        match self.0 {
            Some(e) => fail(e.message, e.span),
            None => Ok(()),
        }
    }
}

impl ParseState<'_> {
    /// A function or method (or a class field initialiser or static block,
    /// which allow neither) claims what it contains.
    pub fn close_function_scope(
        &self,
        params_start: usize,
        body_start: usize,
        is_generator: bool,
        is_async: bool,
    ) -> R<()> {
        let mut s = self.suspensions.borrow_mut();
        let mut first = FirstError::default();
        for p in take_from(&mut s.yields, params_start) {
            let in_parameters = (p.span.start as usize) < body_start || p.in_arrow_parameters;
            match (is_generator, in_parameters) {
                (false, _) => first.add(YIELD_OUTSIDE_GENERATOR, p.span),
                (true, true) => first.add(YIELD_IN_PARAMETERS, p.span),
                (true, false) => {}
            }
        }
        for p in take_from(&mut s.awaits, params_start) {
            let in_parameters = (p.span.start as usize) < body_start || p.in_arrow_parameters;
            match (is_async, in_parameters) {
                (false, _) => first.add(AWAIT_OUTSIDE_ASYNC, p.span),
                (true, true) => first.add(AWAIT_IN_PARAMETERS, p.span),
                (true, false) => {}
            }
        }
        first.result()
    }

    /// An arrow function claims its body; what its parameters hold goes on
    /// to the enclosing function, which words the error.
    pub fn close_arrow_scope(
        &self,
        params_start: usize,
        body_start: usize,
        is_async: bool,
    ) -> R<()> {
        let mut s = self.suspensions.borrow_mut();
        let mut first = FirstError::default();
        let mut handed_on = Vec::new();
        for p in take_from(&mut s.yields, params_start) {
            if (p.span.start as usize) < body_start {
                handed_on.push(p);
            } else {
                first.add(YIELD_OUTSIDE_GENERATOR, p.span);
            }
        }
        s.yields.extend(handed_on.drain(..).map(|p| Pending {
            in_arrow_parameters: true,
            ..p
        }));
        for p in take_from(&mut s.awaits, params_start) {
            let in_parameters = (p.span.start as usize) < body_start || p.in_arrow_parameters;
            match (is_async, in_parameters) {
                (true, true) => first.add(AWAIT_IN_PARAMETERS, p.span),
                (true, false) => {}
                (false, true) if (p.span.start as usize) < body_start => handed_on.push(p),
                (false, _) => first.add(AWAIT_OUTSIDE_ASYNC, p.span),
            }
        }
        s.awaits.extend(handed_on.into_iter().map(|p| Pending {
            in_arrow_parameters: true,
            ..p
        }));
        first.result()
    }

    /// At the end of the program: what the top level still holds.
    pub(super) fn finish_suspensions(&self) {
        let mut s = self.suspensions.borrow_mut();
        let mut first = FirstError::default();
        for p in take_from(&mut s.yields, 0) {
            first.add(YIELD_OUTSIDE_GENERATOR, p.span);
        }
        for p in take_from(&mut s.awaits, 0) {
            match (self.goal, p.in_arrow_parameters) {
                (Goal::Script, _) => first.add(AWAIT_IN_SCRIPT, p.span),
                (Goal::Module, true) => first.add(AWAIT_IN_PARAMETERS, p.span),
                (Goal::Module, false) => {}
            }
        }
        drop(s);
        if let Some(e) = first.0 {
            self.defer(e);
        }
    }
}
