//! Patterns: binding and assignment targets.

use super::*;
use crate::syntax::span::Span;

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Pattern {
    #[serde(deserialize_with = "crate::syntax::cache::serde_with::nested")]
    pub kind: PatternKind,
    pub span: Span,
    pub depth: u32,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ObjectPatternProp {
    pub key: PropKey,
    pub value: Pattern,
    pub default: Option<Expr>,
    /// `{ x }` / `{ x = 1 }` rather than `{ x: y }`.
    pub shorthand: bool,
    pub span: Span,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct PatternElem {
    pub target: Pattern,
    pub default: Option<Expr>,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
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
    /// Stands in for a subtree deeper than [`MAX_NESTING`] (never in a
    /// checked tree, so never in a code cache).
    #[serde(skip)]
    TooDeep,
}

impl Pattern {
    /// BoundNames (ECMA-262 §8.2.1): every identifier the pattern binds, in
    /// source order, appended to `out`. Iterative, so a deeply nested
    /// pattern cannot exhaust the stack.
    pub fn bound_names<'a>(&'a self, out: &mut Vec<&'a Ident>) {
        let mut stack = vec![self];
        while let Some(p) = stack.pop() {
            let mut children: Vec<&Pattern> = Vec::new();
            match &p.kind {
                PatternKind::Ident(ident) => out.push(ident),
                PatternKind::Object { props, rest } => {
                    children.extend(props.iter().map(|prop| &prop.value));
                    children.extend(rest.iter().map(|r| &**r));
                }
                PatternKind::Array { elems, rest } => {
                    children.extend(elems.iter().flatten().map(|e| &e.target));
                    children.extend(rest.iter().map(|r| &**r));
                }
                PatternKind::Expr(_) | PatternKind::TooDeep => {}
            }
            // Source order: the first child is visited next.
            stack.extend(children.into_iter().rev());
        }
    }
}
