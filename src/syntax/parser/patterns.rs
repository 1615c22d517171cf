//! Grammar actions for binding patterns (ECMA-262 §14.3.3).

use super::super::ast::{
    Expr, Ident, ObjectPatternProp, Pattern, PatternElem, PatternKind, PropKey,
};
use super::parts::sp;
use super::state::ParseState;

impl ParseState<'_> {
    /// `{ a, b: c, ...rest }`
    pub fn object_pattern_with_rest(
        &self,
        props: Vec<ObjectPatternProp>,
        rest: Ident,
        rest_l: usize,
        rest_r: usize,
        l: usize,
        r: usize,
    ) -> Pattern {
        let rest = self.pattern(PatternKind::Ident(rest), rest_l, rest_r);
        self.pattern(
            PatternKind::Object {
                props,
                rest: Some(Box::new(rest)),
            },
            l,
            r,
        )
    }

    /// `{ a }` / `{ a = 1 }` in a binding pattern.
    pub fn shorthand_binding_prop(
        &self,
        id: Ident,
        default: Option<Expr>,
        l: usize,
        r: usize,
    ) -> ObjectPatternProp {
        let key = PropKey::Ident(id.name.clone());
        let span = id.span;
        ObjectPatternProp {
            key,
            value: self.pattern_at(PatternKind::Ident(id), span),
            default,
            shorthand: true,
            span: sp(l, r),
        }
    }

    /// `[a, , b = 1, ...rest]`: a comma after the last element adds no hole.
    pub fn array_pattern(
        &self,
        slots: Vec<Option<Box<PatternElem>>>,
        last: Option<Box<PatternElem>>,
        rest: Option<Pattern>,
        l: usize,
        r: usize,
    ) -> Pattern {
        let mut elems: Vec<Option<PatternElem>> =
            slots.into_iter().map(|e| e.map(|e| *e)).collect();
        if let Some(e) = last {
            elems.push(Some(*e));
        }
        self.pattern(
            PatternKind::Array {
                elems,
                rest: rest.map(Box::new),
            },
            l,
            r,
        )
    }
}
