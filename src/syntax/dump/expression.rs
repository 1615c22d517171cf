//! Expressions and patterns in the tree printer.

use super::printer::{quoted, TreePrinter};
use crate::syntax::ast::{
    js_string_lossy, Expr, ExprKind, ExprOrSpread, Literal, MemberProp, Pattern, PatternKind,
    Template,
};
use crate::syntax::estree::json::js_number_to_string;
use crate::syntax::estree::operators::{assign_op, binary_op, logical_op, unary_op, update_op};

fn literal_label(lit: &Literal) -> String {
    match lit {
        Literal::Null => "Null".to_string(),
        Literal::Bool(b) => format!("Bool {b}"),
        Literal::Num(n) => format!("Num {}", js_number_to_string(*n)),
        Literal::Str(s) => format!("Str {}", quoted(s)),
        Literal::BigInt(digits) => format!("BigInt {digits}n"),
        Literal::Regex { pattern, flags } => {
            format!("Regex /{}/{flags}", js_string_lossy(pattern))
        }
    }
}

/// The template's cooked pieces (`null` where an escape has no cooked value).
fn template_label(kind: &str, template: &Template) -> String {
    let pieces: Vec<String> = template
        .quasis
        .iter()
        .map(|q| q.cooked.as_ref().map_or("null".to_string(), quoted))
        .collect();
    format!("{kind} [{}]", pieces.join(", "))
}

impl TreePrinter<'_> {
    pub(super) fn expr(&mut self, depth: usize, role: &str, expr: &Expr) {
        let span = Some(expr.span);
        let inner = depth + 1;
        match &expr.kind {
            ExprKind::This(_) => self.line(depth, role, "This", span),
            ExprKind::Ident(id) => self.line(depth, role, &format!("Ident {}", id.name), span),
            ExprKind::Lit(lit) => self.line(depth, role, &literal_label(lit), span),
            ExprKind::Template(template) => {
                self.line(depth, role, &template_label("Template", template), span);
                for e in &template.exprs {
                    self.expr(inner, "", e);
                }
            }
            ExprKind::TaggedTemplate { tag, quasi } => {
                self.line(depth, role, &template_label("TaggedTemplate", quasi), span);
                self.expr(inner, "tag", tag);
                for e in &quasi.exprs {
                    self.expr(inner, "", e);
                }
            }
            ExprKind::Array(elements) => {
                self.line(depth, role, "Array", span);
                for element in elements {
                    match element {
                        Some(element) => self.expr_or_spread(inner, element),
                        None => self.line(inner, "", "Hole", None),
                    }
                }
            }
            ExprKind::Object(props) => {
                self.line(depth, role, "Object", span);
                for prop in props {
                    self.prop(inner, prop);
                }
            }
            ExprKind::Function(func) | ExprKind::Arrow(func) => self.function(depth, role, func),
            ExprKind::Class(class) => self.class(depth, role, class),
            ExprKind::Paren(e) => {
                self.line(depth, role, "Paren", span);
                self.expr(inner, "", e);
            }
            ExprKind::Unary { op, arg } => {
                self.line(depth, role, &format!("Unary {}", unary_op(*op)), span);
                self.expr(inner, "", arg);
            }
            ExprKind::Update { op, prefix, arg } => {
                let fix = if *prefix { "prefix" } else { "postfix" };
                let label = format!("Update {} {fix}", update_op(*op));
                self.line(depth, role, &label, span);
                self.expr(inner, "", arg);
            }
            ExprKind::Binary { op, left, right } => {
                self.line(depth, role, &format!("Binary {}", binary_op(*op)), span);
                self.expr(inner, "", left);
                self.expr(inner, "", right);
            }
            ExprKind::Logical { op, left, right } => {
                self.line(depth, role, &format!("Logical {}", logical_op(*op)), span);
                self.expr(inner, "", left);
                self.expr(inner, "", right);
            }
            ExprKind::PrivateIn { name, right } => {
                self.line(depth, role, &format!("PrivateIn #{}", name.name), span);
                self.expr(inner, "", right);
            }
            ExprKind::Assign { op, target, value } => {
                self.line(depth, role, &format!("Assign {}", assign_op(*op)), span);
                self.pattern(inner, "target", target);
                self.expr(inner, "value", value);
            }
            ExprKind::Cond {
                test,
                consequent,
                alternate,
            } => {
                self.line(depth, role, "Cond", span);
                self.expr(inner, "test", test);
                self.expr(inner, "then", consequent);
                self.expr(inner, "else", alternate);
            }
            ExprKind::Call {
                callee,
                args,
                optional,
            } => {
                let label = if *optional { "Call ?." } else { "Call" };
                self.line(depth, role, label, span);
                self.expr(inner, "callee", callee);
                self.args(inner, args);
            }
            ExprKind::New { callee, args } => {
                self.line(depth, role, "New", span);
                self.expr(inner, "callee", callee);
                self.args(inner, args.as_deref().unwrap_or(&[]));
            }
            ExprKind::Member {
                object,
                prop,
                optional,
            } => {
                let access = if *optional { "?." } else { "" };
                self.member(depth, role, &format!("Member {access}"), prop, expr.span);
                self.expr(inner, "object", object);
                if let MemberProp::Computed(e) = prop {
                    self.expr(inner, "property", e);
                }
            }
            ExprKind::OptionalChain(e) => {
                self.line(depth, role, "OptionalChain", span);
                self.expr(inner, "", e);
            }
            ExprKind::SuperMember { prop, .. } => {
                self.member(depth, role, "SuperMember ", prop, expr.span);
                if let MemberProp::Computed(e) = prop {
                    self.expr(inner, "property", e);
                }
            }
            ExprKind::SuperCall { args, .. } => {
                self.line(depth, role, "SuperCall", span);
                self.args(inner, args);
            }
            ExprKind::Seq(exprs) => {
                self.line(depth, role, "Seq", span);
                for e in exprs {
                    self.expr(inner, "", e);
                }
            }
            ExprKind::Yield { arg, delegate } => {
                self.line(
                    depth,
                    role,
                    if *delegate { "Yield*" } else { "Yield" },
                    span,
                );
                if let Some(arg) = arg {
                    self.expr(inner, "", arg);
                }
            }
            ExprKind::Await(arg) => {
                self.line(depth, role, "Await", span);
                self.expr(inner, "", arg);
            }
            ExprKind::NewTarget(_) => self.line(depth, role, "NewTarget", span),
            ExprKind::ImportMeta => self.line(depth, role, "ImportMeta", span),
            ExprKind::ImportCall {
                specifier, options, ..
            } => {
                self.line(depth, role, "ImportCall", span);
                self.expr(inner, "specifier", specifier);
                if let Some(options) = options {
                    self.expr(inner, "options", options);
                }
            }
            ExprKind::TooDeep => self.line(depth, role, "TooDeep", span),
        }
    }

    /// `Member .x`, `Member .#x` or `Member [computed]` (the computed
    /// property is printed by the caller, after the object).
    fn member(
        &mut self,
        depth: usize,
        role: &str,
        head: &str,
        prop: &MemberProp,
        span: crate::syntax::span::Span,
    ) {
        let label = match prop {
            MemberProp::Ident(id) => format!("{head}.{}", id.name),
            MemberProp::Private(id) => format!("{head}.#{}", id.name),
            MemberProp::Computed(_) => format!("{head}[computed]"),
        };
        self.line(depth, role, &label, Some(span));
    }

    fn args(&mut self, depth: usize, args: &[ExprOrSpread]) {
        for arg in args {
            match arg {
                ExprOrSpread::Expr(e) => self.expr(depth, "arg", e),
                ExprOrSpread::Spread(e) => {
                    self.line(depth, "arg", "Spread", Some(e.span));
                    self.expr(depth + 1, "", e);
                }
            }
        }
    }

    pub(super) fn expr_or_spread(&mut self, depth: usize, element: &ExprOrSpread) {
        match element {
            ExprOrSpread::Expr(e) => self.expr(depth, "", e),
            ExprOrSpread::Spread(e) => {
                self.line(depth, "", "Spread", Some(e.span));
                self.expr(depth + 1, "", e);
            }
        }
    }

    pub(super) fn pattern(&mut self, depth: usize, role: &str, pattern: &Pattern) {
        let span = Some(pattern.span);
        let inner = depth + 1;
        match &pattern.kind {
            PatternKind::Ident(id) => self.line(depth, role, &format!("Ident {}", id.name), span),
            PatternKind::Object { props, rest } => {
                self.line(depth, role, "ObjectPattern", span);
                for prop in props {
                    match (&prop.value.kind, prop.shorthand) {
                        // `{ x }` / `{ x = 1 }`: the key is the binding.
                        (PatternKind::Ident(id), true) => {
                            let label = format!("Shorthand {}", id.name);
                            self.line(inner, "", &label, Some(prop.span));
                        }
                        _ => {
                            let label = format!("Prop {}", self.key_label(&prop.key));
                            self.line(inner, "", &label, Some(prop.span));
                            self.computed_key(inner + 1, &prop.key);
                            self.pattern(inner + 1, "value", &prop.value);
                        }
                    }
                    if let Some(default) = &prop.default {
                        self.expr(inner + 1, "default", default);
                    }
                }
                if let Some(rest) = rest {
                    self.pattern(inner, "rest", rest);
                }
            }
            PatternKind::Array { elems, rest } => {
                self.line(depth, role, "ArrayPattern", span);
                for elem in elems {
                    match elem {
                        Some(elem) => {
                            self.pattern(inner, "", &elem.target);
                            if let Some(default) = &elem.default {
                                self.expr(inner + 1, "default", default);
                            }
                        }
                        None => self.line(inner, "", "Hole", None),
                    }
                }
                if let Some(rest) = rest {
                    self.pattern(inner, "rest", rest);
                }
            }
            PatternKind::Expr(e) => self.expr(depth, role, e),
            PatternKind::TooDeep => self.line(depth, role, "TooDeep", span),
        }
    }
}
