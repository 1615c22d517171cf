//! Labels, `break` and `continue`: ContainsDuplicateLabels,
//! ContainsUndefinedBreakTarget and ContainsUndefinedContinueTarget
//! (ECMA-262 §8.3.1–8.3.3), and the rule that `break`/`continue` need an
//! enclosing breakable/iteration statement (§14.8.1, §14.9.1).
//!
//! Rather than computing the three functions per statement list, the walker
//! keeps the current label set: the labels of the enclosing statements
//! within the current function (labels do not cross function or static
//! block boundaries).

use rustc_hash::FxHashMap as HashMap;

use crate::syntax::ast::{Ident, Name, Stmt};

use super::context::{Check, Checker};
use super::messages;
use super::names::keyword_span;

/// One enclosing label.
#[derive(Clone, Debug)]
pub(super) struct Label {
    pub name: Name,
    /// It labels an iteration statement (directly or through other labels),
    /// so `continue name` may target it.
    pub iteration: bool,
    /// The statement it labels has been entered as a block, loop, switch or
    /// try statement. V8 reports `continue x` in `x: continue x;` or
    /// `x: if (c) continue x;` as an undefined label rather than as a
    /// non-iteration target, because no breakable statement carries `x` yet.
    pub attached: bool,
}

/// The label set of a function: the enclosing labels, outermost first,
/// with an index by name (names are unique: a duplicate is an error).
#[derive(Clone, Debug, Default)]
pub(super) struct LabelSet {
    labels: Vec<Label>,
    by_name: HashMap<Name, usize>,
}

impl LabelSet {
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    pub fn find(&self, name: &Name) -> Option<&Label> {
        self.by_name.get(name).and_then(|&i| self.labels.get(i))
    }

    fn push(&mut self, label: Label) {
        self.by_name.insert(label.name.clone(), self.labels.len());
        self.labels.push(label);
    }

    fn pop(&mut self) {
        if let Some(label) = self.labels.pop() {
            self.by_name.remove(&label.name);
        }
    }

    /// The labels from index `start` on.
    fn suffix_mut(&mut self, start: usize) -> &mut [Label] {
        let start = start.min(self.labels.len());
        &mut self.labels[start..]
    }
}

/// The labels of a statement: the suffix of the label set starting at this
/// index (`x: y: while …` has both `x` and `y`).
pub(super) type OwnLabels = usize;

impl Checker {
    /// An index at which no label is the current statement's own.
    pub fn no_own_labels(&self) -> OwnLabels {
        self.function.labels.len()
    }

    /// LabelledStatement: ContainsDuplicateLabels — ECMA-262 §8.3.1,
    /// <https://tc39.es/ecma262/#sec-static-semantics-containsduplicatelabels.>
    pub fn push_label(&mut self, label: &Ident) -> Check {
        // LabelIdentifier — §13.1.1: the reserved-word rules of IdentifierReference.
        self.check_not_reserved(label, false)?;
        // V8 reads `arguments:` as the start of an expression first.
        if self.function.arguments_forbidden && &*label.name == "arguments" {
            return self.fail(messages::ARGUMENTS_IN_INITIALIZER, label.span);
        }
        if self.function.labels.find(&label.name).is_some() {
            return self.fail(messages::duplicate_label(&label.name), label.span);
        }
        self.function.labels.push(Label {
            name: label.name.clone(),
            iteration: false,
            attached: false,
        });
        Ok(())
    }

    pub fn pop_label(&mut self) {
        self.function.labels.pop();
    }

    /// Entering the statement that `own` labels: a block, switch or try
    /// statement, or (`iteration`) a loop.
    pub fn attach_labels(&mut self, own: OwnLabels, iteration: bool) {
        self.set_labels_state(own, true, iteration);
    }

    /// Leaving that statement: in `x: if (a) {…} else continue x;` the
    /// `else` branch no longer sees `x` on a breakable statement.
    pub fn detach_labels(&mut self, own: OwnLabels) {
        self.set_labels_state(own, false, false);
    }

    fn set_labels_state(&mut self, own: OwnLabels, attached: bool, iteration: bool) {
        for label in self.function.labels.suffix_mut(own) {
            label.attached = attached;
            label.iteration = iteration;
        }
    }

    /// BreakStatement — ContainsUndefinedBreakTarget (§8.3.2) and §14.9.1:
    /// "It is a Syntax Error if this BreakStatement is not nested … within an
    /// IterationStatement or a SwitchStatement".
    pub fn check_break(&mut self, stmt: &Stmt, label: Option<&Ident>) -> Check {
        match label {
            Some(label) => {
                if self.function.labels.find(&label.name).is_some() {
                    Ok(())
                } else {
                    self.fail(messages::undefined_label(&label.name), label.span)
                }
            }
            None if self.function.breakable_depth == 0 => {
                self.fail(messages::ILLEGAL_BREAK, keyword_span(stmt.span, 5))
            }
            None => Ok(()),
        }
    }

    /// ContinueStatement — ContainsUndefinedContinueTarget (§8.3.3) and
    /// §14.8.1: "It is a Syntax Error if this ContinueStatement is not nested
    /// … within an IterationStatement".
    pub fn check_continue(&mut self, stmt: &Stmt, label: Option<&Ident>) -> Check {
        let Some(label) = label else {
            if self.function.iteration_depth == 0 {
                return self.fail(messages::ILLEGAL_CONTINUE, keyword_span(stmt.span, 8));
            }
            return Ok(());
        };
        let target = self
            .function
            .labels
            .find(&label.name)
            .map(|l| (l.iteration, l.attached));
        match target {
            Some((true, _)) => Ok(()),
            Some((false, true)) => {
                self.fail(messages::continue_to_non_loop(&label.name), label.span)
            }
            _ => self.fail(messages::undefined_label(&label.name), label.span),
        }
    }
}
