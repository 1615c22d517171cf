//! Expressions (ECMA-262 §13): `delete`, update and assignment targets,
//! object literals, `super`, `new.target`, `yield`, `await`, private names.
//!
//! `check_expr` only dispatches to helpers for a few node kinds each, so
//! that each level of a deeply nested expression costs little stack.

use crate::syntax::ast::{
    Expr, ExprKind, ExprOrSpread, Literal, MemberProp, Prop, PropKey, Template, UnaryOp,
};
use crate::syntax::span::Span;

use super::context::{Check, Checker, Goal, OperatorRule};
use super::messages;
use super::names::{keyword_span, prop_name_is, strip_parens};

impl Checker {
    /// Dispatches on the node kind. The walk recurses once per AST level,
    /// so this frame and the helpers' stay small: each helper binds only
    /// the fields of its own few kinds.
    pub fn check_expr(&mut self, expr: &Expr) -> Check {
        match &expr.kind {
            ExprKind::Lit(Literal::Regex { pattern, flags }) => {
                self.check_regexp_literal(pattern, flags, expr.span)
            }
            ExprKind::This(_) | ExprKind::Lit(_) => Ok(()),
            ExprKind::Ident(ident) => self.check_identifier_reference(ident),
            ExprKind::Paren(inner) | ExprKind::OptionalChain(inner) => self.check_expr(inner),
            ExprKind::Binary { left, right, .. } | ExprKind::Logical { left, right, .. } => {
                self.check_expr(left)?;
                self.check_expr(right)
            }
            ExprKind::Cond { .. }
            | ExprKind::Seq(_)
            | ExprKind::Assign { .. }
            | ExprKind::PrivateIn { .. } => self.check_operands(expr),
            ExprKind::Unary { .. }
            | ExprKind::Update { .. }
            | ExprKind::Yield { .. }
            | ExprKind::Await(_) => self.check_unary_operand(expr),
            ExprKind::Call { .. }
            | ExprKind::New { .. }
            | ExprKind::Member { .. }
            | ExprKind::SuperMember { .. }
            | ExprKind::SuperCall { .. }
            | ExprKind::ImportCall { .. }
            | ExprKind::TaggedTemplate { .. } => self.check_access_or_call(expr),
            ExprKind::Template(_)
            | ExprKind::Array(_)
            | ExprKind::Object(_)
            | ExprKind::Function(_)
            | ExprKind::Class(_) => self.check_literal(expr),
            ExprKind::Arrow(function) => self.check_function(function, false),
            ExprKind::NewTarget(_) => self.check_new_target(expr.span),
            ExprKind::ImportMeta => self.check_import_meta(expr.span),
            ExprKind::TooDeep => self.fail(messages::MAX_NESTING, expr.span),
        }
    }

    /// RegularExpressionLiteral — ECMA-262 §13.2.7.2: the flags and the
    /// pattern must parse (IsValidRegularExpressionLiteral).
    #[inline(never)]
    fn check_regexp_literal(&mut self, pattern: &[u16], flags: &str, span: Span) -> Check {
        let flags: Vec<u16> = flags.encode_utf16().collect();
        match crate::syntax::regexp::validate(pattern, &flags) {
            Ok(()) => Ok(()),
            Err(message) => self.fail(message, span),
        }
    }

    /// Conditional, comma, assignment and `#x in o`.
    fn check_operands(&mut self, expr: &Expr) -> Check {
        match &expr.kind {
            ExprKind::Cond {
                test,
                consequent,
                alternate,
            } => {
                self.check_expr(test)?;
                self.check_expr(consequent)?;
                self.check_expr(alternate)
            }
            ExprKind::Seq(exprs) => {
                for expr in exprs {
                    self.check_expr(expr)?;
                }
                Ok(())
            }
            ExprKind::Assign { target, value, .. } => {
                self.check_assignment_target(target)?;
                self.check_expr(value)
            }
            ExprKind::PrivateIn { name, right } => {
                self.resolve_private_name(name)?;
                self.check_expr(right)
            }
            _ => Ok(()),
        }
    }

    /// Unary and update operators, `yield` and `await`.
    fn check_unary_operand(&mut self, expr: &Expr) -> Check {
        match &expr.kind {
            ExprKind::Unary { op, arg } => {
                self.check_expr(arg)?;
                if *op == UnaryOp::Delete {
                    self.check_delete_operand(arg)?;
                }
                Ok(())
            }
            ExprKind::Update { arg, .. } => {
                self.check_update_operand(arg)?;
                self.check_expr(arg)
            }
            ExprKind::Yield { arg, .. } => {
                self.check_yield(expr.span)?;
                match arg {
                    Some(arg) => self.check_expr(arg),
                    None => Ok(()),
                }
            }
            ExprKind::Await(arg) => {
                self.check_await(expr.span)?;
                self.check_expr(arg)
            }
            _ => Ok(()),
        }
    }

    /// Member accesses, calls, `new`, `super`, `import()` and tagged templates.
    fn check_access_or_call(&mut self, expr: &Expr) -> Check {
        match &expr.kind {
            ExprKind::Call { callee, args, .. } => {
                self.check_expr(callee)?;
                self.check_arguments(args)
            }
            ExprKind::New { callee, args } => {
                self.check_expr(callee)?;
                match args {
                    Some(args) => self.check_arguments(args),
                    None => Ok(()),
                }
            }
            ExprKind::Member { object, prop, .. } => {
                self.check_expr(object)?;
                self.check_member_prop(prop)
            }
            ExprKind::SuperMember { prop, .. } => {
                self.check_super_property(expr.span)?;
                self.check_member_prop(prop)
            }
            ExprKind::SuperCall { args, .. } => {
                self.check_super_call(expr.span)?;
                self.check_arguments(args)
            }
            ExprKind::ImportCall {
                specifier, options, ..
            } => {
                self.check_expr(specifier)?;
                match options {
                    Some(options) => self.check_expr(options),
                    None => Ok(()),
                }
            }
            ExprKind::TaggedTemplate { tag, quasi } => {
                self.check_expr(tag)?;
                self.check_template(quasi)
            }
            _ => Ok(()),
        }
    }

    /// Templates, array and object literals, functions and classes.
    fn check_literal(&mut self, expr: &Expr) -> Check {
        match &expr.kind {
            ExprKind::Template(template) => self.check_template(template),
            ExprKind::Array(elements) => {
                for element in elements.iter().flatten() {
                    self.check_expr_or_spread(element)?;
                }
                Ok(())
            }
            ExprKind::Object(props) => self.check_object_literal(props),
            ExprKind::Function(function) => self.check_function_expression(function),
            ExprKind::Class(class) => self.check_class_expression(class),
            _ => Ok(()),
        }
    }

    fn check_template(&mut self, template: &Template) -> Check {
        for expr in &template.exprs {
            self.check_expr(expr)?;
        }
        Ok(())
    }

    fn check_expr_or_spread(&mut self, element: &ExprOrSpread) -> Check {
        self.check_expr(element.expr())
    }

    fn check_arguments(&mut self, args: &[ExprOrSpread]) -> Check {
        for arg in args {
            self.check_expr_or_spread(arg)?;
        }
        Ok(())
    }

    fn check_member_prop(&mut self, prop: &MemberProp) -> Check {
        match prop {
            MemberProp::Ident(_) => Ok(()),
            MemberProp::Private(name) => self.resolve_private_name(name),
            MemberProp::Computed(expr) => self.check_expr(expr),
        }
    }

    /// A property key: only a computed key holds an expression.
    pub fn check_prop_key(&mut self, key: &PropKey) -> Check {
        match key {
            PropKey::Computed(expr) => self.check_expr(expr),
            _ => Ok(()),
        }
    }

    /// UnaryExpression : delete UnaryExpression — ECMA-262 §13.5.1.1: in
    /// strict code the operand may not be an identifier (parenthesised or
    /// not), nor a private member access.
    fn check_delete_operand(&mut self, arg: &Expr) -> Check {
        let mut operand = strip_parens(arg);
        if let ExprKind::OptionalChain(chain) = &operand.kind {
            operand = strip_parens(chain);
        }
        match &operand.kind {
            ExprKind::Ident(ident) if self.function.strict => {
                self.fail(messages::DELETE_IDENTIFIER, ident.span)
            }
            ExprKind::Member {
                prop: MemberProp::Private(name),
                ..
            } => self.fail(messages::DELETE_PRIVATE, name.span),
            _ => Ok(()),
        }
    }

    /// UpdateExpression — ECMA-262 §13.4.1: AssignmentTargetType of the
    /// operand must be simple, which `eval` and `arguments` are not in
    /// strict code.
    fn check_update_operand(&mut self, arg: &Expr) -> Check {
        if let ExprKind::Ident(ident) = &strip_parens(arg).kind {
            let name = &*ident.name;
            let forbidden_arguments = self.function.arguments_forbidden && name == "arguments";
            if self.function.strict
                && (name == "eval" || name == "arguments")
                && !forbidden_arguments
            {
                return self.fail(messages::EVAL_OR_ARGUMENTS, arg.span);
            }
        }
        Ok(())
    }

    /// ObjectLiteral — ECMA-262 §13.2.5.1: at most one `__proto__: value`
    /// entry, and no CoverInitializedName (`{ x = 1 }`) in an expression.
    fn check_object_literal(&mut self, props: &[Prop]) -> Check {
        let mut has_proto = false;
        for prop in props {
            match prop {
                Prop::KeyValue { key, value, span } => {
                    // PropertyNameList entries that are "__proto__" and not
                    // computed, shorthand or methods.
                    if prop_name_is(key, "__proto__") {
                        if has_proto {
                            return self.fail(messages::DUPLICATE_PROTO, *span);
                        }
                        has_proto = true;
                    }
                    self.check_prop_key(key)?;
                    self.check_expr(value)?;
                }
                Prop::Shorthand(ident) => self.check_identifier_reference(ident)?,
                Prop::CoverInit { span, .. } => {
                    return self.fail(messages::SHORTHAND_INITIALIZER, *span);
                }
                Prop::Method { key, func, .. } => {
                    self.check_prop_key(key)?;
                    self.check_function(func, false)?;
                }
                Prop::Spread(expr) => self.check_expr(expr)?,
            }
        }
        Ok(())
    }

    /// SuperProperty outside a method, field initializer or static block
    /// (ECMA-262 §15.2.1: "It is a Syntax Error if FunctionBody Contains
    /// SuperProperty is true").
    fn check_super_property(&mut self, span: Span) -> Check {
        if !self.function.super_property_allowed {
            return self.fail(messages::SUPER, keyword_span(span, 5));
        }
        Ok(())
    }

    /// SuperCall outside a derived class's constructor (ECMA-262 §15.7.1:
    /// "It is a Syntax Error if … HasDirectSuper … is true").
    fn check_super_call(&mut self, span: Span) -> Check {
        if !self.function.super_call_allowed {
            return self.fail(messages::SUPER, keyword_span(span, 5));
        }
        Ok(())
    }

    /// NewTarget outside any non-arrow function (ECMA-262 §16.1.1 /
    /// §16.2.1.1: "It is a Syntax Error if … Contains NewTarget").
    fn check_new_target(&mut self, span: Span) -> Check {
        if !self.function.new_target_allowed {
            // V8 points at `target`.
            let target = Span {
                start: span.end.saturating_sub(6).max(span.start),
                end: span.end,
            };
            return self.fail(messages::NEW_TARGET, target);
        }
        Ok(())
    }

    /// `import.meta` belongs to the Module goal (ECMA-262 §16.1.1).
    fn check_import_meta(&mut self, span: Span) -> Check {
        if self.goal == Goal::Script {
            return self.fail(messages::IMPORT_META_OUTSIDE_MODULE, span);
        }
        Ok(())
    }

    /// YieldExpression: only in generator bodies (ECMA-262 §15.5.1:
    /// "It is a Syntax Error if FormalParameters Contains YieldExpression").
    fn check_yield(&mut self, span: Span) -> Check {
        let message = match self.function.yield_rule {
            OperatorRule::Allowed => return Ok(()),
            OperatorRule::InParameters => messages::YIELD_IN_PARAMETER,
            OperatorRule::Forbidden => messages::STRICT_RESERVED_WORD,
        };
        self.fail(message, keyword_span(span, 5))
    }

    /// AwaitExpression: only in async function bodies and the module top
    /// level (ECMA-262 §15.8.1: "It is a Syntax Error if FormalParameters
    /// Contains AwaitExpression"; §15.7.1: not in static blocks or fields).
    fn check_await(&mut self, span: Span) -> Check {
        let message = match self.function.await_rule {
            OperatorRule::Allowed => return Ok(()),
            OperatorRule::InParameters => messages::AWAIT_IN_PARAMETER,
            OperatorRule::Forbidden
                if self.goal == Goal::Script && self.outer_functions.is_empty() =>
            {
                messages::AWAIT_OUTSIDE_ASYNC
            }
            OperatorRule::Forbidden => messages::RESERVED_WORD,
        };
        self.fail(message, keyword_span(span, 5))
    }
}
