//! Expressions. Parentheses leave no node (acorn's default,
//! `preserveParens: false`); optional chains become `ChainExpression`.

use super::builder::Estree;
use super::operators::{assign_op, binary_op, logical_op, unary_op, update_op};
use crate::syntax::ast::{Expr, ExprKind, ExprOrSpread, MemberProp};
use crate::syntax::span::Span;
use crate::syntax::token::Tok;

impl Estree<'_> {
    pub(super) fn opt_expression(&mut self, expr: Option<&Expr>) {
        match expr {
            Some(expr) => self.expression(expr),
            None => self.w.null(),
        }
    }

    pub(super) fn expression(&mut self, expr: &Expr) {
        let span = expr.span;
        match &expr.kind {
            ExprKind::This(_) => self.leaf("ThisExpression", span),
            ExprKind::Ident(id) => self.ident(id),
            ExprKind::Lit(lit) => self.literal(lit, span),
            ExprKind::Template(template) => self.template_literal(template, span),
            ExprKind::TaggedTemplate { tag, quasi } => self.tagged_template(tag, quasi, span),
            ExprKind::Array(elements) => {
                self.open("ArrayExpression", span);
                self.key("elements");
                self.w.begin_array();
                for element in elements {
                    match element {
                        Some(element) => self.expr_or_spread(element),
                        None => self.w.null(),
                    }
                }
                self.w.end_array();
                self.close();
            }
            ExprKind::Object(props) => self.object_expression(props, span),
            ExprKind::Function(func) => self.function("FunctionExpression", func, span),
            ExprKind::Arrow(func) => self.function("ArrowFunctionExpression", func, span),
            ExprKind::Class(class) => self.class("ClassExpression", class, span),
            ExprKind::Paren(inner) => self.expression(inner),
            ExprKind::Unary { op, arg } => {
                self.open("UnaryExpression", span);
                self.key("operator");
                self.w.str(unary_op(*op));
                self.key("prefix");
                self.w.bool(true);
                self.key("argument");
                self.expression(arg);
                self.close();
            }
            ExprKind::Update { op, prefix, arg } => {
                self.open("UpdateExpression", span);
                self.key("operator");
                self.w.str(update_op(*op));
                self.key("prefix");
                self.w.bool(*prefix);
                self.key("argument");
                self.expression(arg);
                self.close();
            }
            ExprKind::Binary { op, left, right } => {
                self.open("BinaryExpression", span);
                self.key("left");
                self.expression(left);
                self.key("operator");
                self.w.str(binary_op(*op));
                self.key("right");
                self.expression(right);
                self.close();
            }
            ExprKind::Logical { op, left, right } => {
                self.open("LogicalExpression", span);
                self.key("left");
                self.expression(left);
                self.key("operator");
                self.w.str(logical_op(*op));
                self.key("right");
                self.expression(right);
                self.close();
            }
            ExprKind::PrivateIn { name, right } => {
                self.open("BinaryExpression", span);
                self.key("left");
                self.private_identifier(&name.name, name.span);
                self.key("operator");
                self.w.str("in");
                self.key("right");
                self.expression(right);
                self.close();
            }
            ExprKind::Assign { op, target, value } => {
                self.open("AssignmentExpression", span);
                self.key("operator");
                self.w.str(assign_op(*op));
                self.key("left");
                self.pattern(target);
                self.key("right");
                self.expression(value);
                self.close();
            }
            ExprKind::Cond {
                test,
                consequent,
                alternate,
            } => {
                self.open("ConditionalExpression", span);
                self.key("test");
                self.expression(test);
                self.key("consequent");
                self.expression(consequent);
                self.key("alternate");
                self.expression(alternate);
                self.close();
            }
            ExprKind::Call {
                callee,
                args,
                optional,
            } => {
                self.open("CallExpression", span);
                self.key("callee");
                self.expression(callee);
                self.arguments(args);
                self.key("optional");
                self.w.bool(*optional);
                self.close();
            }
            ExprKind::New { callee, args } => {
                self.open("NewExpression", span);
                self.key("callee");
                self.expression(callee);
                self.arguments(args.as_deref().unwrap_or(&[]));
                self.close();
            }
            ExprKind::Member {
                object,
                prop,
                optional,
            } => {
                self.open("MemberExpression", span);
                self.key("object");
                self.expression(object);
                self.member_property(prop);
                self.key("optional");
                self.w.bool(*optional);
                self.close();
            }
            ExprKind::OptionalChain(inner) => {
                self.open("ChainExpression", span);
                self.key("expression");
                self.expression(inner);
                self.close();
            }
            ExprKind::SuperMember { prop, .. } => {
                self.open("MemberExpression", span);
                self.key("object");
                self.super_node(span.start);
                self.member_property(prop);
                self.key("optional");
                self.w.bool(false);
                self.close();
            }
            ExprKind::SuperCall { args, .. } => {
                self.open("CallExpression", span);
                self.key("callee");
                self.super_node(span.start);
                self.arguments(args);
                self.key("optional");
                self.w.bool(false);
                self.close();
            }
            ExprKind::Seq(exprs) => {
                self.open("SequenceExpression", span);
                self.key("expressions");
                self.w.begin_array();
                for expr in exprs {
                    self.expression(expr);
                }
                self.w.end_array();
                self.close();
            }
            ExprKind::Yield { arg, delegate } => {
                self.open("YieldExpression", span);
                self.key("delegate");
                self.w.bool(*delegate);
                self.key("argument");
                self.opt_expression(arg.as_deref());
                self.close();
            }
            ExprKind::Await(arg) => {
                self.open("AwaitExpression", span);
                self.key("argument");
                self.expression(arg);
                self.close();
            }
            ExprKind::NewTarget(_) => self.meta_property(span, "new", "target"),
            ExprKind::ImportMeta => self.meta_property(span, "import", "meta"),
            ExprKind::ImportCall {
                specifier, options, ..
            } => {
                self.open("ImportExpression", span);
                self.key("source");
                self.expression(specifier);
                self.key("options");
                self.opt_expression(options.as_deref());
                self.close();
            }
            ExprKind::TooDeep => self.leaf("Invalid", span),
        }
    }

    fn arguments(&mut self, args: &[ExprOrSpread]) {
        self.key("arguments");
        self.w.begin_array();
        for arg in args {
            self.expr_or_spread(arg);
        }
        self.w.end_array();
    }

    pub(super) fn expr_or_spread(&mut self, element: &ExprOrSpread) {
        match element {
            ExprOrSpread::Expr(expr) => self.expression(expr),
            ExprOrSpread::Spread(expr) => self.spread_element(expr),
        }
    }

    /// The offset of the `...` token just before `inner_start`, if it is one.
    pub(super) fn ellipsis_before(&self, inner_start: u32) -> u32 {
        self.tokens
            .last_before(inner_start)
            .filter(|&i| self.tokens.tok(i) == Some(&Tok::Ellipsis))
            .and_then(|i| self.tokens.span(i))
            .map_or(inner_start, |s| s.start)
    }

    pub(super) fn spread_element(&mut self, expr: &Expr) {
        let start = self.ellipsis_before(expr.span.start);
        self.open("SpreadElement", Span { start, ..expr.span });
        self.key("argument");
        self.expression(expr);
        self.close();
    }

    /// Writes `property` and `computed` of a `MemberExpression`.
    fn member_property(&mut self, prop: &MemberProp) {
        self.key("property");
        let computed = match prop {
            MemberProp::Ident(id) => {
                self.ident(id);
                false
            }
            MemberProp::Private(id) => {
                self.private_identifier(&id.name, id.span);
                false
            }
            MemberProp::Computed(expr) => {
                self.expression(expr);
                true
            }
        };
        self.key("computed");
        self.w.bool(computed);
    }

    /// `Super` for the `super` keyword starting at `start`.
    fn super_node(&mut self, start: u32) {
        let span = self
            .tokens
            .starting_at(start)
            .and_then(|i| self.tokens.span(i))
            .unwrap_or(Span {
                start,
                end: start + 5,
            });
        self.leaf("Super", span);
    }

    /// `new.target` / `import.meta`: the keyword, `.`, then the name.
    fn meta_property(&mut self, span: Span, meta: &str, property: &str) {
        let first = self.tokens.starting_at(span.start);
        let meta_span = first.and_then(|i| self.tokens.span(i)).unwrap_or(span);
        let property_span = first.and_then(|i| self.tokens.span(i + 2)).unwrap_or(span);
        self.open("MetaProperty", span);
        self.key("meta");
        self.identifier(meta, meta_span);
        self.key("property");
        self.identifier(property, property_span);
        self.close();
    }
}
