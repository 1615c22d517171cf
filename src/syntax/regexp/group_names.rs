//! The early errors of capture group names (ECMA-262 §22.2.1.1,
//! <https://tc39.es/ecma262/#sec-patterns-static-semantics-early-errors>):
//! two groups may share a name only when MightBothParticipate is false,
//! that is when some Disjunction holds them in different Alternatives; and
//! every `\k<name>` must name a group somewhere in the pattern.
//!
//! The parser reports each Disjunction it opens and closes and each `|`;
//! every open Disjunction keeps the names of its finished Alternatives and
//! of its current one. A name clashes when the innermost Disjunction that
//! already holds it holds it in the current Alternative.

use std::collections::HashSet;

#[derive(Default)]
struct Disjunction {
    finished_alternatives: HashSet<String>,
    current_alternative: HashSet<String>,
}

/// The group names seen so far, by enclosing Disjunction.
pub struct GroupNames {
    open: Vec<Disjunction>,
    all: HashSet<String>,
}

impl GroupNames {
    /// The names of a Pattern: its outermost Disjunction is open.
    pub fn new() -> GroupNames {
        GroupNames {
            open: vec![Disjunction::default()],
            all: HashSet::new(),
        }
    }

    /// A group opens a nested Disjunction.
    pub fn open_disjunction(&mut self) {
        self.open.push(Disjunction::default());
    }

    /// `|`: the current Alternative is finished.
    pub fn next_alternative(&mut self) {
        if let Some(top) = self.open.last_mut() {
            let names = std::mem::take(&mut top.current_alternative);
            top.finished_alternatives.extend(names);
        }
    }

    /// A group closes: its names belong to the enclosing Alternative.
    pub fn close_disjunction(&mut self) {
        if self.open.len() < 2 {
            return;
        }
        if let Some(inner) = self.open.pop() {
            if let Some(outer) = self.open.last_mut() {
                outer
                    .current_alternative
                    .extend(inner.finished_alternatives);
                outer.current_alternative.extend(inner.current_alternative);
            }
        }
    }

    /// Declares a GroupSpecifier's name; false when an earlier group of that
    /// name might participate in the same match.
    pub fn declare(&mut self, name: &str) -> bool {
        for disjunction in self.open.iter().rev() {
            if disjunction.current_alternative.contains(name) {
                return false;
            }
            if disjunction.finished_alternatives.contains(name) {
                break;
            }
        }
        if let Some(top) = self.open.last_mut() {
            top.current_alternative.insert(name.to_string());
        }
        self.all.insert(name.to_string());
        true
    }

    /// Whether any group has this name (GroupSpecifiersThatMatch is not empty).
    pub fn contains(&self, name: &str) -> bool {
        self.all.contains(name)
    }

    /// Whether the pattern has any named group.
    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }
}
