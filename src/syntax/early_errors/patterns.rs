//! Identifiers, binding patterns and assignment targets.

use crate::syntax::ast::{ExprKind, Ident, Pattern, PatternKind};

use super::context::{Check, Checker, Goal, OperatorRule};
use super::declarations::Binding;
use super::messages;
use super::names::{reserved_word, strip_parens, ReservedWord};

/// Where an identifier sits in a pattern. V8 words the `eval`/`arguments`
/// error differently for a bare nested target (`[eval] = a`, `{a: eval}`,
/// `...eval`) than for a direct one (`var eval`, `{eval}`, `[eval = 1]`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum TargetPosition {
    Direct,
    Nested,
}

fn is_eval_or_arguments(name: &str) -> bool {
    name == "eval" || name == "arguments"
}

/// Whether an identifier was written with escapes (its source text is
/// longer than its ASCII name).
fn is_escaped(ident: &Ident) -> bool {
    ident.span.end.saturating_sub(ident.span.start) as usize != ident.name.len()
}

impl Checker {
    /// Identifier early errors for names that strict code reserves
    /// (ECMA-262 §13.1.1). The lexer rejects reserved words in identifier
    /// position unless they are written with escapes; this catches those.
    pub fn check_not_reserved(&mut self, ident: &Ident, is_binding: bool) -> Check {
        let message = match reserved_word(&ident.name) {
            None => return Ok(()),
            // An escaped `yield` outside generators is an identifier in
            // non-strict code; in a generator (body or parameters) it is
            // the keyword, which may not be escaped (V8's message).
            Some(ReservedWord::Yield) if self.function.yield_rule != OperatorRule::Forbidden => {
                return self.fail("Unexpected identifier 'yield'", ident.span);
            }
            Some(ReservedWord::Yield) if !self.function.strict => return Ok(()),
            Some(ReservedWord::Yield) => messages::STRICT_RESERVED_WORD,
            // `await` is an ordinary identifier outside modules and async
            // code (and class static blocks); written with escapes there,
            // it is the keyword.
            Some(ReservedWord::Await)
                if self.goal == Goal::Script
                    && self.function.await_rule == OperatorRule::Forbidden =>
            {
                return Ok(())
            }
            Some(ReservedWord::Await) if is_binding => messages::RESERVED_WORD,
            // §13.1.1: "It is a Syntax Error if this phrase is contained in
            // strict mode code and the StringValue of IdentifierName is one
            // of "implements", "interface", "let", "package", "private",
            // "protected", "public", "static", or "yield"."
            Some(ReservedWord::StrictOnly) if !self.function.strict => return Ok(()),
            Some(ReservedWord::StrictOnly) if !is_escaped(ident) => messages::STRICT_RESERVED_WORD,
            Some(ReservedWord::Await | ReservedWord::Keyword | ReservedWord::StrictOnly) => {
                messages::ESCAPED_KEYWORD
            }
        };
        self.fail(message, ident.span)
    }

    /// BindingIdentifier — ECMA-262 §13.1.1: "It is a Syntax Error if the
    /// code matched by this production is contained in strict mode code and
    /// the StringValue of Identifier is "arguments" or "eval"", and
    /// ContainsArguments for class field initializers (§15.7.1).
    pub fn check_binding_identifier(&mut self, ident: &Ident, position: TargetPosition) -> Check {
        self.check_not_reserved(ident, true)?;
        self.check_eval_or_arguments_target(ident, position)
    }

    /// The name of a function, of a class declaration, or a simple catch
    /// parameter: a BindingIdentifier, for which V8 reports `arguments` as
    /// the strict-mode error even inside class initializers.
    pub fn check_declared_name(&mut self, ident: &Ident) -> Check {
        self.check_not_reserved(ident, true)?;
        if self.function.strict && is_eval_or_arguments(&ident.name) {
            return self.fail(messages::EVAL_OR_ARGUMENTS, ident.span);
        }
        Ok(())
    }

    /// IdentifierReference — ECMA-262 §13.1.1, and ContainsArguments of
    /// class field initializers and static blocks (§15.7.1).
    pub fn check_identifier_reference(&mut self, ident: &Ident) -> Check {
        self.check_not_reserved(ident, false)?;
        if self.function.arguments_forbidden && &*ident.name == "arguments" {
            return self.fail(messages::ARGUMENTS_IN_INITIALIZER, ident.span);
        }
        Ok(())
    }

    fn check_eval_or_arguments_target(&mut self, ident: &Ident, position: TargetPosition) -> Check {
        if self.function.arguments_forbidden && &*ident.name == "arguments" {
            return self.fail(messages::ARGUMENTS_IN_INITIALIZER, ident.span);
        }
        if self.function.strict && is_eval_or_arguments(&ident.name) {
            let message = match position {
                TargetPosition::Direct => messages::EVAL_OR_ARGUMENTS,
                TargetPosition::Nested => messages::INVALID_DESTRUCTURING_TARGET,
            };
            return self.fail(message, ident.span);
        }
        Ok(())
    }

    /// A binding pattern: checks each BindingIdentifier, declares its bound
    /// names (BoundNames, ECMA-262 §8.2.1) as `binding`, and walks defaults
    /// and computed keys in source order.
    pub fn check_binding_pattern(&mut self, pattern: &Pattern, binding: Binding) -> Check {
        self.walk_binding_pattern(pattern, binding, TargetPosition::Direct)
    }

    fn walk_binding_pattern(
        &mut self,
        pattern: &Pattern,
        binding: Binding,
        position: TargetPosition,
    ) -> Check {
        match &pattern.kind {
            PatternKind::Ident(ident) => {
                self.check_binding_identifier(ident, position)?;
                // §14.3.1, §14.7.5.1: "It is a Syntax Error if the
                // BoundNames of BindingList [ForBinding] contains "let"".
                if binding == Binding::Lexical && &*ident.name == "let" {
                    return self.fail(messages::LET_LEXICALLY_BOUND, ident.span);
                }
                self.declare(binding, &ident.name, ident.span)
            }
            PatternKind::Object { .. } | PatternKind::Array { .. } => self
                .walk_pattern_parts(pattern, |checker, target, position| {
                    checker.walk_binding_pattern(target, binding, position)
                }),
            PatternKind::Expr(expr) => self.check_expr(expr),
            PatternKind::TooDeep => self.fail(messages::MAX_NESTING, pattern.span),
        }
    }

    /// An assignment target or destructuring assignment pattern
    /// (AssignmentTargetType, ECMA-262 §13.15.1): `eval` and `arguments`
    /// are not valid simple targets in strict code.
    pub fn check_assignment_target(&mut self, pattern: &Pattern) -> Check {
        self.walk_assignment_pattern(pattern, TargetPosition::Direct)
    }

    fn walk_assignment_pattern(&mut self, pattern: &Pattern, position: TargetPosition) -> Check {
        match &pattern.kind {
            PatternKind::Ident(ident) => {
                self.check_not_reserved(ident, false)?;
                self.check_eval_or_arguments_target(ident, position)
            }
            PatternKind::Expr(expr) => {
                if let ExprKind::Ident(ident) = &strip_parens(expr).kind {
                    let forbidden_arguments =
                        self.function.arguments_forbidden && &*ident.name == "arguments";
                    if self.function.strict
                        && is_eval_or_arguments(&ident.name)
                        && !forbidden_arguments
                    {
                        let message = match position {
                            TargetPosition::Direct => messages::EVAL_OR_ARGUMENTS,
                            TargetPosition::Nested => messages::INVALID_DESTRUCTURING_TARGET,
                        };
                        return self.fail(message, expr.span);
                    }
                }
                self.check_expr(expr)
            }
            PatternKind::Object { .. } | PatternKind::Array { .. } => self
                .walk_pattern_parts(pattern, |checker, target, position| {
                    checker.walk_assignment_pattern(target, position)
                }),
            PatternKind::TooDeep => self.fail(messages::MAX_NESTING, pattern.span),
        }
    }

    /// The parts of an object or array pattern in source order: each
    /// property key, target (walked by `walk` with the position V8 words its
    /// errors by: direct for shorthand properties and targets with an
    /// initializer) and initializer, then the rest target.
    fn walk_pattern_parts(
        &mut self,
        pattern: &Pattern,
        mut walk: impl FnMut(&mut Self, &Pattern, TargetPosition) -> Check,
    ) -> Check {
        let position_for = |direct: bool| {
            if direct {
                TargetPosition::Direct
            } else {
                TargetPosition::Nested
            }
        };
        let rest = match &pattern.kind {
            PatternKind::Object { props, rest } => {
                for prop in props {
                    self.check_prop_key(&prop.key)?;
                    let direct = prop.shorthand || prop.default.is_some();
                    walk(self, &prop.value, position_for(direct))?;
                    if let Some(default) = &prop.default {
                        self.check_expr(default)?;
                    }
                }
                rest
            }
            PatternKind::Array { elems, rest } => {
                for elem in elems.iter().flatten() {
                    walk(self, &elem.target, position_for(elem.default.is_some()))?;
                    if let Some(default) = &elem.default {
                        self.check_expr(default)?;
                    }
                }
                rest
            }
            _ => return Ok(()),
        };
        match rest {
            Some(rest) => walk(self, rest, TargetPosition::Nested),
            None => Ok(()),
        }
    }
}
