//! Functions, parameters and classes.

use super::builder::Estree;
use super::object::{method_kind_name, method_modifiers};
use crate::syntax::ast::{Class, ClassMember, Function, FunctionBody, Param, PropKey};
use crate::syntax::span::Span;
use crate::syntax::token::Tok;

impl Estree<'_> {
    /// A function node of `node_type` (`FunctionDeclaration`,
    /// `FunctionExpression`, `ArrowFunctionExpression`) at `span`.
    pub(super) fn function(&mut self, node_type: &str, func: &Function, span: Span) {
        self.open(node_type, span);
        self.key("id");
        self.opt_ident(func.name.as_ref());
        self.key("expression");
        self.w.bool(matches!(func.body, FunctionBody::Expr(_)));
        self.key("generator");
        self.w.bool(func.is_generator);
        self.key("async");
        self.w.bool(func.is_async);
        self.key("params");
        self.w.begin_array();
        for param in &func.params {
            self.parameter(param);
        }
        if let Some(rest) = &func.rest {
            self.rest_element(rest);
        }
        self.w.end_array();
        self.key("body");
        match &func.body {
            FunctionBody::Block(body) => {
                let end = span.end.max(func.span.end);
                let body_span = self.tokens.block_ending_at(end).unwrap_or(span);
                self.block(body, body_span, true);
            }
            FunctionBody::Expr(expr) => self.expression(expr),
        }
        self.close();
    }

    fn parameter(&mut self, param: &Param) {
        match &param.default {
            Some(default) => {
                let span = param.target.span.to(default.span);
                self.open("AssignmentPattern", span);
                self.key("left");
                self.pattern(&param.target);
                self.key("right");
                self.expression(default);
                self.close();
            }
            None => self.pattern(&param.target),
        }
    }

    /// A class node of `node_type` (`ClassDeclaration` / `ClassExpression`).
    pub(super) fn class(&mut self, node_type: &str, class: &Class, span: Span) {
        self.open(node_type, span);
        self.key("id");
        self.opt_ident(class.name.as_ref());
        self.key("superClass");
        self.opt_expression(class.super_class.as_deref());
        self.key("body");
        let end = span.end.max(class.span.end);
        let body_span = self.tokens.block_ending_at(end).unwrap_or(span);
        self.open("ClassBody", body_span);
        self.key("body");
        self.w.begin_array();
        for member in &class.members {
            self.class_member(member);
        }
        self.w.end_array();
        self.close();
        self.close();
    }

    fn class_member(&mut self, member: &ClassMember) {
        match member {
            ClassMember::Constructor(func) => self.constructor(func),
            ClassMember::Method {
                key,
                kind,
                is_static,
                func,
                span,
            } => {
                let mut modifiers = Vec::new();
                if *is_static {
                    modifiers.push(Tok::Static);
                }
                modifiers.extend(method_modifiers(*kind, func.is_async, func.is_generator));
                let span = self.with_static_keyword(*span, *is_static);
                let place = self.key_place(span, &modifiers);
                self.open("MethodDefinition", span);
                self.key("static");
                self.w.bool(*is_static);
                self.computed_and_key(key, place.key);
                self.key("kind");
                self.w.str(method_kind_name(*kind));
                self.key("value");
                let value_span = Span {
                    start: place.after_key,
                    end: func.span.end.max(place.after_key),
                };
                self.function("FunctionExpression", func, value_span);
                self.close();
            }
            ClassMember::Field {
                key,
                value,
                is_static,
                span,
                ..
            } => self.class_field("PropertyDefinition", key, value.as_ref(), *is_static, *span),
            ClassMember::Accessor {
                key,
                value,
                is_static,
                span,
                ..
            } => self.class_field("AccessorProperty", key, value.as_ref(), *is_static, *span),
            ClassMember::StaticBlock { body, span, .. } => {
                self.open("StaticBlock", *span);
                self.key("body");
                self.statement_list(body, false);
                self.close();
            }
        }
    }

    fn class_field(
        &mut self,
        node_type: &str,
        key: &PropKey,
        value: Option<&crate::syntax::ast::Expr>,
        is_static: bool,
        span: Span,
    ) {
        let mut modifiers = Vec::new();
        if is_static {
            modifiers.push(Tok::Static);
        }
        if node_type == "AccessorProperty" {
            modifiers.push(Tok::Accessor);
        }
        let span = self.statement_span(self.with_static_keyword(span, is_static));
        let place = self.key_place(span, &modifiers);
        self.open(node_type, span);
        self.key("static");
        self.w.bool(is_static);
        self.computed_and_key(key, place.key);
        self.key("value");
        self.opt_expression(value);
        self.close();
    }

    /// A static member's span, widened to start at its `static` keyword
    /// when the parser's span starts after it.
    fn with_static_keyword(&self, span: Span, is_static: bool) -> Span {
        if !is_static {
            return span;
        }
        let keyword = self
            .tokens
            .last_before(span.start)
            .filter(|&i| self.tokens.tok(i) == Some(&Tok::Static))
            .and_then(|i| self.tokens.span(i));
        match keyword {
            Some(keyword) if self.tokens.starting_at(span.start).is_some() => keyword.to(span),
            _ => span,
        }
    }

    /// `constructor(...) {...}`: the AST keeps only the function, so the key
    /// (`constructor` or `'constructor'`) is found from the tokens: it is the
    /// function's first token, or the one before when the function's span
    /// starts at its parameter list.
    fn constructor(&mut self, func: &Function) {
        let key_index = self.tokens.starting_at(func.span.start).map(|i| {
            if self.tokens.tok(i) == Some(&Tok::LParen) {
                i.saturating_sub(1)
            } else {
                i
            }
        });
        let key_span = key_index
            .and_then(|i| self.tokens.span(i))
            .unwrap_or(func.span);
        let value_start = key_index
            .and_then(|i| self.tokens.span(i + 1))
            .map_or(func.span.start, |s| s.start);
        let member_span = key_span.to(func.span);
        self.open("MethodDefinition", member_span);
        self.key("static");
        self.w.bool(false);
        self.key("computed");
        self.w.bool(false);
        self.key("key");
        match key_index.and_then(|i| self.tokens.tok(i)) {
            Some(Tok::Str { value, .. }) => {
                let value = value.clone();
                self.literal(&crate::syntax::ast::Literal::Str(value), key_span);
            }
            _ => self.identifier("constructor", key_span),
        }
        self.key("kind");
        self.w.str("constructor");
        self.key("value");
        let value_span = Span {
            start: value_start,
            end: func.span.end.max(value_start),
        };
        self.function("FunctionExpression", func, value_span);
        self.close();
    }
}
