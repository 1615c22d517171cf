//! Patterns: binding and assignment targets.

use super::*;
use crate::syntax::span::Span;

#[derive(Clone, Debug)]
pub struct Pattern {
    pub kind: PatternKind,
    pub span: Span,
    pub depth: u32,
}

#[derive(Clone, Debug)]
pub struct ObjectPatternProp {
    pub key: PropKey,
    pub value: Pattern,
    pub default: Option<Expr>,
    /// `{ x }` / `{ x = 1 }` rather than `{ x: y }`.
    pub shorthand: bool,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct PatternElem {
    pub target: Pattern,
    pub default: Option<Expr>,
}

#[derive(Clone, Debug)]
pub enum PatternKind {
    Ident(Ident),
    Object {
        props: Vec<ObjectPatternProp>,
        rest: Option<Box<Pattern>>,
    },
    /// Holes are None.
    Array {
        elems: Vec<Option<PatternElem>>,
        rest: Option<Box<Pattern>>,
    },
    /// A member expression as an assignment target (`a.b = 1`, `[o.x] = arr`).
    Expr(Box<Expr>),
    /// Stands in for a subtree deeper than [`MAX_NESTING`].
    TooDeep,
}
