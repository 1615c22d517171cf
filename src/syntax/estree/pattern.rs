//! Binding and assignment patterns.

use super::builder::Estree;
use crate::syntax::ast::{Pattern, PatternKind};
use crate::syntax::span::Span;

impl Estree<'_> {
    pub(super) fn pattern(&mut self, pattern: &Pattern) {
        let span = pattern.span;
        match &pattern.kind {
            PatternKind::Ident(id) => self.ident(id),
            PatternKind::Object { props, rest } => {
                self.open("ObjectPattern", span);
                self.key("properties");
                self.w.begin_array();
                for prop in props {
                    let key_span = if prop.shorthand {
                        prop.value.span
                    } else {
                        self.key_place(prop.span, &[]).key
                    };
                    self.open("Property", prop.span);
                    self.key("method");
                    self.w.bool(false);
                    self.key("shorthand");
                    self.w.bool(prop.shorthand);
                    self.computed_and_key(&prop.key, key_span);
                    self.key("value");
                    self.with_default(&prop.value, prop.default.as_ref());
                    self.key("kind");
                    self.w.str("init");
                    self.close();
                }
                if let Some(rest) = rest {
                    self.rest_element(rest);
                }
                self.w.end_array();
                self.close();
            }
            PatternKind::Array { elems, rest } => {
                self.open("ArrayPattern", span);
                self.key("elements");
                self.w.begin_array();
                for elem in elems {
                    match elem {
                        Some(elem) => self.with_default(&elem.target, elem.default.as_ref()),
                        None => self.w.null(),
                    }
                }
                if let Some(rest) = rest {
                    self.rest_element(rest);
                }
                self.w.end_array();
                self.close();
            }
            PatternKind::Expr(expr) => self.expression(expr),
            PatternKind::TooDeep => self.leaf("Invalid", span),
        }
    }

    /// `target = default` as an `AssignmentPattern`, or just the target.
    fn with_default(&mut self, target: &Pattern, default: Option<&crate::syntax::ast::Expr>) {
        match default {
            Some(default) => {
                self.open("AssignmentPattern", target.span.to(default.span));
                self.key("left");
                self.pattern(target);
                self.key("right");
                self.expression(default);
                self.close();
            }
            None => self.pattern(target),
        }
    }

    /// `...target`, spanning from the `...` token.
    pub(super) fn rest_element(&mut self, target: &Pattern) {
        let start = self.ellipsis_before(target.span.start);
        self.open(
            "RestElement",
            Span {
                start,
                ..target.span
            },
        );
        self.key("argument");
        self.pattern(target);
        self.close();
    }
}
