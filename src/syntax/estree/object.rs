//! Object literals and property keys (shared with class members).
//!
//! The AST keeps no span for a property key, so it is found in the token
//! stream: skip the modifiers the member is known to have (`static`,
//! `get`/`set`, `async`, `*`, `accessor`) from the member's first token; the
//! key follows, and a method's parameter list follows the key.

use super::builder::Estree;
use crate::syntax::ast::{Literal, MethodKind, Prop, PropKey};
use crate::syntax::span::Span;
use crate::syntax::token::Tok;

/// Where a member's key is, as found from the tokens.
pub(super) struct KeyPlace {
    pub key: Span,
    /// Where what follows the key starts (a method's `(`).
    pub after_key: u32,
}

pub(super) fn method_kind_name(kind: MethodKind) -> &'static str {
    match kind {
        MethodKind::Method => "method",
        MethodKind::Get => "get",
        MethodKind::Set => "set",
    }
}

/// The modifier tokens of a method, in source order after any `static`.
pub(super) fn method_modifiers(kind: MethodKind, is_async: bool, is_generator: bool) -> Vec<Tok> {
    let mut modifiers = Vec::new();
    match kind {
        MethodKind::Get => modifiers.push(Tok::Get),
        MethodKind::Set => modifiers.push(Tok::Set),
        MethodKind::Method => {
            if is_async {
                modifiers.push(Tok::Async);
            }
            if is_generator {
                modifiers.push(Tok::Star);
            }
        }
    }
    modifiers
}

impl Estree<'_> {
    /// Finds the key of a member starting at `member_start` with the given
    /// modifiers; falls back to the member's own span.
    pub(super) fn key_place(&self, member: Span, modifiers: &[Tok]) -> KeyPlace {
        let found = self.tokens.starting_at(member.start).and_then(|mut i| {
            for modifier in modifiers {
                if self.tokens.tok(i) == Some(modifier) {
                    i += 1;
                }
            }
            let last = match self.tokens.tok(i)? {
                Tok::LBracket => self.tokens.partner(i)?,
                _ => i,
            };
            let key = self.tokens.span(i)?.to(self.tokens.span(last)?);
            let after_key = self.tokens.span(last + 1).map_or(key.end, |s| s.start);
            Some(KeyPlace { key, after_key })
        });
        found.unwrap_or(KeyPlace {
            key: member,
            after_key: member.start,
        })
    }

    /// A property key at `span`: `Identifier`, `Literal`, `PrivateIdentifier`
    /// or, when computed, the expression.
    pub(super) fn property_key(&mut self, key: &PropKey, span: Span) {
        match key {
            PropKey::Ident(name) => self.identifier(name, span),
            PropKey::Str(s) => self.literal(&Literal::Str(s.clone()), span),
            PropKey::Num(n) => self.literal(&Literal::Num(*n), span),
            PropKey::BigInt(digits) => self.literal(&Literal::BigInt(digits.clone()), span),
            PropKey::Computed(expr) => self.expression(expr),
            PropKey::Private(name) => self.private_identifier(name, span),
        }
    }

    /// Writes the `computed` and `key` fields.
    pub(super) fn computed_and_key(&mut self, key: &PropKey, span: Span) {
        self.key("computed");
        self.w.bool(matches!(key, PropKey::Computed(_)));
        self.key("key");
        self.property_key(key, span);
    }

    /// The leading fields of an ESTree `Property` (`method`, `shorthand`,
    /// `computed`, `key`).
    fn property_head(&mut self, span: Span, method: bool, shorthand: bool) {
        self.open("Property", span);
        self.key("method");
        self.w.bool(method);
        self.key("shorthand");
        self.w.bool(shorthand);
    }

    fn property_kind(&mut self, kind: &str) {
        self.key("kind");
        self.w.str(kind);
        self.close();
    }

    pub(super) fn object_expression(&mut self, props: &[Prop], span: Span) {
        self.open("ObjectExpression", span);
        self.key("properties");
        self.w.begin_array();
        for prop in props {
            self.object_property(prop);
        }
        self.w.end_array();
        self.close();
    }

    fn object_property(&mut self, prop: &Prop) {
        match prop {
            Prop::KeyValue { key, value, span } => {
                let place = self.key_place(*span, &[]);
                self.property_head(*span, false, false);
                self.computed_and_key(key, place.key);
                self.key("value");
                self.expression(value);
                self.property_kind("init");
            }
            Prop::Shorthand(id) => {
                self.property_head(id.span, false, true);
                self.key("computed");
                self.w.bool(false);
                self.key("key");
                self.ident(id);
                self.key("value");
                self.ident(id);
                self.property_kind("init");
            }
            Prop::CoverInit {
                name,
                default,
                span,
            } => {
                self.property_head(*span, false, true);
                self.key("computed");
                self.w.bool(false);
                self.key("key");
                self.ident(name);
                self.key("value");
                self.open("AssignmentPattern", *span);
                self.key("left");
                self.ident(name);
                self.key("right");
                self.expression(default);
                self.close();
                self.property_kind("init");
            }
            Prop::Method {
                key,
                kind,
                func,
                span,
            } => {
                let modifiers = method_modifiers(*kind, func.is_async, func.is_generator);
                let place = self.key_place(*span, &modifiers);
                self.property_head(*span, *kind == MethodKind::Method, false);
                self.computed_and_key(key, place.key);
                self.key("value");
                let value_span = Span {
                    start: place.after_key,
                    end: func.span.end.max(place.after_key),
                };
                self.function("FunctionExpression", func, value_span);
                let kind = match kind {
                    MethodKind::Method => "init",
                    other => method_kind_name(*other),
                };
                self.property_kind(kind);
            }
            Prop::Spread(expr) => self.spread_element(expr),
        }
    }
}
