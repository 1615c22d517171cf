//! Cover grammars: reinterpreting parsed expressions as patterns.
//!
//! The grammar cannot know whether `[a, b]` or `{a, b = 1}` is a literal or a
//! destructuring target until it sees the `=` (or `=>`) after it, so it parses
//! an expression and these functions reinterpret it:
//!
//! - AssignmentPattern (ECMA-262 §13.15.5), for `=` and for-in/of heads:
//!   array/object literals become patterns, identifiers and member
//!   expressions become simple targets.
//! - ArrowFormalParameters (§15.3), from CoverParenthesizedExpressionAndArrowParameterList
//!   or CoverCallExpressionAndAsyncArrowHead: the same, then checked to bind
//!   only identifiers.
//!
//! The recursion follows the expression tree, whose depth the parser bounds.

use super::ast::{
    Expr, ExprKind, ExprOrSpread, ObjectPatternProp, Param, Pattern, PatternElem, PatternKind,
    Prop, PropKey,
};
use super::parser::parts::{fail, ArrowParams, Params, R};
use super::parser::state::ParseState;
use super::span::Span;

const INVALID_TARGET: &str = "Invalid destructuring assignment target";
const REST_NOT_LAST: &str = "Rest element must be last element";

/// IsValidSimpleAssignmentTarget (§13.15.1): an identifier or a member
/// expression, possibly parenthesised; never an optional chain or a call.
pub fn is_simple_target(expr: &Expr) -> bool {
    match &expr.kind {
        ExprKind::Ident(_) | ExprKind::SuperMember { .. } => true,
        ExprKind::Member { optional, .. } => !optional,
        ExprKind::Paren(inner) => is_simple_target(inner),
        _ => false,
    }
}

/// A target V8 accepts at parse time outside destructuring: a simple target,
/// or a call, which throws a ReferenceError when assigned to (V8 keeps this
/// web-compatibility behaviour in strict code too; ECMA-262 makes it an early
/// error).
pub fn is_outer_target(expr: &Expr) -> bool {
    match &expr.kind {
        ExprKind::Call { optional, .. } => !optional,
        ExprKind::Paren(inner) => is_outer_target(inner),
        _ => is_simple_target(expr),
    }
}

/// A simple or outer target as a pattern (the caller checked `is_outer_target`).
pub fn into_simple_target(st: &ParseState, expr: Expr) -> Pattern {
    let span = expr.span;
    match expr.kind {
        ExprKind::Ident(id) => st.pattern_at(PatternKind::Ident(id), span),
        ExprKind::Paren(inner) => into_simple_target(st, *inner),
        kind => {
            let expr = st.expr_at(kind, span);
            st.pattern_at(PatternKind::Expr(Box::new(expr)), span)
        }
    }
}

/// The target of `=`: a destructuring pattern or a simple target.
pub fn assignment_target(st: &ParseState, expr: Expr) -> R<Pattern> {
    let span = expr.span;
    let pattern = expr_to_pattern(st, expr, false)?;
    st.claim_cover_inits(span);
    Ok(pattern)
}

/// The left side of for-in/of that is an expression (§14.7.5.1).
pub fn for_in_of_target(st: &ParseState, expr: Expr) -> R<Pattern> {
    match &expr.kind {
        ExprKind::Array(_) | ExprKind::Object(_) => assignment_target(st, expr),
        _ if is_outer_target(&expr) => Ok(into_simple_target(st, expr)),
        _ => fail("Invalid left-hand side in for-loop", expr.span),
    }
}

fn expr_to_pattern(st: &ParseState, expr: Expr, nested: bool) -> R<Pattern> {
    let span = expr.span;
    match expr.kind {
        ExprKind::Array(elements) => array_to_pattern(st, elements, span),
        ExprKind::Object(props) => object_to_pattern(st, props, span),
        kind => {
            let expr = Expr {
                kind,
                span,
                depth: expr.depth,
            };
            if is_simple_target(&expr) || (!nested && is_outer_target(&expr)) {
                Ok(into_simple_target(st, expr))
            } else if nested {
                fail(INVALID_TARGET, span)
            } else {
                fail("Invalid left-hand side in assignment", span)
            }
        }
    }
}

/// An element or property value: `target` or `target = default`.
fn element_to_pattern(st: &ParseState, expr: Expr) -> R<PatternElem> {
    let span = expr.span;
    match expr.kind {
        ExprKind::Assign {
            op: super::ast::AssignOp::Assign,
            target,
            value,
        } => Ok(PatternElem {
            target: *target,
            default: Some(*value),
        }),
        kind => {
            let expr = Expr {
                kind,
                span,
                depth: expr.depth,
            };
            Ok(PatternElem {
                target: expr_to_pattern(st, expr, true)?,
                default: None,
            })
        }
    }
}

fn array_to_pattern(
    st: &ParseState,
    elements: Vec<Option<ExprOrSpread>>,
    span: Span,
) -> R<Pattern> {
    let count = elements.len();
    let mut elems = Vec::with_capacity(count);
    let mut rest = None;
    for (i, element) in elements.into_iter().enumerate() {
        match element {
            None => elems.push(None),
            Some(ExprOrSpread::Expr(e)) => elems.push(Some(element_to_pattern(st, e)?)),
            Some(ExprOrSpread::Spread(e)) => {
                if i + 1 != count || st.rest_with_trailing_comma.borrow().contains(&span.start) {
                    return fail(REST_NOT_LAST, e.span);
                }
                if matches!(e.kind, ExprKind::Assign { .. }) {
                    return fail(INVALID_TARGET, e.span);
                }
                rest = Some(Box::new(expr_to_pattern(st, *e, true)?));
            }
        }
    }
    Ok(st.pattern_at(PatternKind::Array { elems, rest }, span))
}

fn object_to_pattern(st: &ParseState, props: Vec<Prop>, span: Span) -> R<Pattern> {
    let count = props.len();
    let mut out = Vec::with_capacity(count);
    let mut rest = None;
    for (i, prop) in props.into_iter().enumerate() {
        match prop {
            Prop::KeyValue { key, value, span } => {
                let elem = element_to_pattern(st, value)?;
                out.push(ObjectPatternProp {
                    key,
                    value: elem.target,
                    default: elem.default,
                    shorthand: false,
                    span,
                });
            }
            Prop::Shorthand(id) => {
                let span = id.span;
                out.push(ObjectPatternProp {
                    key: PropKey::Ident(id.name.clone()),
                    value: st.pattern_at(PatternKind::Ident(id), span),
                    default: None,
                    shorthand: true,
                    span,
                });
            }
            Prop::CoverInit {
                name,
                default,
                span,
            } => {
                let id_span = name.span;
                out.push(ObjectPatternProp {
                    key: PropKey::Ident(name.name.clone()),
                    value: st.pattern_at(PatternKind::Ident(name), id_span),
                    default: Some(default),
                    shorthand: true,
                    span,
                });
            }
            Prop::Method { span, .. } => return fail(INVALID_TARGET, span),
            Prop::Spread(e) => {
                if i + 1 != count || st.rest_with_trailing_comma.borrow().contains(&span.start) {
                    return fail(REST_NOT_LAST, e.span);
                }
                if matches!(e.kind, ExprKind::Object(_) | ExprKind::Array(_)) {
                    return fail(
                        "`...` must be followed by an assignable reference in assignment contexts",
                        e.span,
                    );
                }
                if !is_simple_target(&e) {
                    return fail(INVALID_TARGET, e.span);
                }
                rest = Some(Box::new(into_simple_target(st, e)));
            }
        }
    }
    Ok(st.pattern_at(PatternKind::Object { props: out, rest }, span))
}

/// Checks that a pattern binds only identifiers (a BindingPattern), as arrow
/// parameters must.
pub fn check_binding(pattern: &Pattern) -> R<()> {
    match &pattern.kind {
        PatternKind::Expr(_) => fail(INVALID_TARGET, pattern.span),
        _ => check_nested_binding(pattern),
    }
}

fn check_nested_binding(pattern: &Pattern) -> R<()> {
    match &pattern.kind {
        PatternKind::Ident(_) | PatternKind::TooDeep => Ok(()),
        PatternKind::Expr(_) => fail("Illegal property in declaration context", pattern.span),
        PatternKind::Object { props, rest } => {
            for p in props {
                check_nested_binding(&p.value)?;
            }
            match rest {
                Some(r) if !matches!(r.kind, PatternKind::Ident(_)) => fail(INVALID_TARGET, r.span),
                _ => Ok(()),
            }
        }
        PatternKind::Array { elems, rest } => {
            for e in elems.iter().flatten() {
                check_nested_binding(&e.target)?;
            }
            match rest {
                Some(r) => check_nested_binding(r),
                None => Ok(()),
            }
        }
    }
}

/// One arrow parameter from a cover item: `target` or `target = default`.
fn expr_to_param(st: &ParseState, expr: Expr) -> R<Param> {
    let span = expr.span;
    if let ExprKind::Paren(_) = expr.kind {
        return fail(INVALID_TARGET, span);
    }
    let elem = element_to_pattern(st, expr)?;
    check_binding(&elem.target)?;
    Ok(Param {
        target: elem.target,
        default: elem.default,
        span,
    })
}

/// ArrowFormalParameters from what preceded `=>`.
pub fn arrow_params(st: &ParseState, params: ArrowParams) -> R<(Params, Span)> {
    match params {
        ArrowParams::Single(id, l, r) => {
            let span = Span::new(l, r);
            let target = st.pattern_at(PatternKind::Ident(id), span);
            let param = Param {
                target,
                default: None,
                span,
            };
            Ok((
                Params {
                    params: vec![param],
                    rest: None,
                },
                span,
            ))
        }
        ArrowParams::Cover(cover) => {
            st.claim_cover_inits(cover.span);
            let mut params = Vec::with_capacity(cover.items.len());
            for item in cover.items {
                params.push(expr_to_param(st, item)?);
            }
            if let Some(rest) = &cover.rest {
                check_binding(rest)?;
            }
            Ok((
                Params {
                    params,
                    rest: cover.rest,
                },
                cover.span,
            ))
        }
        ArrowParams::AsyncCover(head) => {
            let span = head.args.span;
            st.claim_cover_inits(span);
            let count = head.args.items.len();
            let mut params = Vec::with_capacity(count);
            let mut rest = None;
            for (i, item) in head.args.items.into_iter().enumerate() {
                match item {
                    ExprOrSpread::Expr(e) => params.push(expr_to_param(st, e)?),
                    ExprOrSpread::Spread(e) => {
                        if i + 1 != count || head.args.trailing_comma {
                            return fail("Rest parameter must be last formal parameter", e.span);
                        }
                        if matches!(e.kind, ExprKind::Assign { .. }) {
                            return fail(
                                "Rest parameter may not have a default initializer",
                                e.span,
                            );
                        }
                        let target = expr_to_pattern(st, *e, true)?;
                        check_binding(&target)?;
                        rest = Some(Box::new(target));
                    }
                }
            }
            Ok((Params { params, rest }, span))
        }
    }
}
