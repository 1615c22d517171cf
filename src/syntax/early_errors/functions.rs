//! Function definitions (ECMA-262 §15.1–15.9): parameters, directives, and
//! the context (`super`, `new.target`, `yield`, `await`, `return`) their
//! bodies give to the code inside.

use crate::syntax::ast::{Function, FunctionBody, FunctionKind, Ident};

use super::context::{Check, Checker, FunctionContext, OperatorRule};
use super::declarations::{Binding, ScopeKind};
use super::labels::LabelSet;
use super::messages;
use super::names::{is_simple_parameter_list, use_strict_directive};

impl Checker {
    /// A FunctionDeclaration (any kind): its BindingIdentifier is declared
    /// in the enclosing scope as `binding`.
    pub fn check_function_declaration(&mut self, function: &Function, binding: Binding) -> Check {
        if let Some(name) = &function.name {
            self.check_declared_name(name)?;
            self.check_name_in_own_strict_code(function, name)?;
            // V8 points at the declaration, not at its name.
            self.declare(binding, &name.name, function.span)?;
        }
        self.check_function(function, false)
    }

    /// A function, generator, async function or arrow expression; its name
    /// (if any) is bound only inside it, so it clashes with nothing.
    pub fn check_function_expression(&mut self, function: &Function) -> Check {
        if let Some(name) = &function.name {
            // The name of a function expression takes the expression's own
            // [Yield] and [Await] (ECMA-262 §15.2: `function yield() {}`
            // inside a generator is fine, `function* yield() {}` is not).
            let enclosing = (self.function.yield_rule, self.function.await_rule);
            let own = |operator: bool| match operator {
                true => OperatorRule::Allowed,
                false => OperatorRule::Forbidden,
            };
            self.function.yield_rule = own(function.is_generator);
            self.function.await_rule = own(function.is_async);
            let checked = self.check_declared_name(name);
            (self.function.yield_rule, self.function.await_rule) = enclosing;
            checked?;
            self.check_name_in_own_strict_code(function, name)?;
        }
        self.check_function(function, false)
    }

    /// A function whose own directive makes it strict: its BindingIdentifier
    /// is strict code too (ECMA-262 §15.2.1: "eval" or "arguments" as the
    /// name is a Syntax Error), as V8 reports it.
    fn check_name_in_own_strict_code(&mut self, function: &Function, name: &Ident) -> Check {
        let reserved = &*name.name == "eval" || &*name.name == "arguments";
        if reserved && !self.function.strict && use_strict_directive(&function.body).is_some() {
            return self.fail(messages::EVAL_OR_ARGUMENTS, name.span);
        }
        Ok(())
    }

    /// The parameters and body of any function. `derived_constructor` is set
    /// for the constructor of a class with an `extends` clause.
    ///
    /// The rules (ECMA-262 §15.2.1, §15.3.1, §15.4.1, §15.5.1, §15.6.1,
    /// §15.8.1, §15.9.1):
    /// - "It is a Syntax Error if FunctionBodyContainsUseStrict of
    ///   FunctionBody is true and IsSimpleParameterList of FormalParameters
    ///   is false."
    /// - "It is a Syntax Error if any element of the BoundNames of
    ///   FormalParameters also occurs in the LexicallyDeclaredNames of
    ///   FunctionBody", and parameters are unique (strict code).
    /// - YieldExpression / AwaitExpression may not appear in the
    ///   parameters; `super` only in methods (HasDirectSuper,
    ///   Contains SuperProperty).
    pub fn check_function(&mut self, function: &Function, derived_constructor: bool) -> Check {
        self.enter_function_parameters(function, derived_constructor);
        self.push_scope(ScopeKind::Function);
        self.check_formal_parameters(function)?;
        self.enter_function_body(function)?;
        match &function.body {
            FunctionBody::Block(stmts) => self.check_statement_list(stmts)?,
            FunctionBody::Expr(expr) => self.check_expr(expr)?,
        }
        self.pop_scope();
        self.leave_function();
        Ok(())
    }

    /// Enters `function`'s context with the parameters' `yield`/`await`
    /// rules. (Separate from `check_function` so that the contexts being
    /// built do not sit in the stack frame of every nesting level.)
    #[inline(never)]
    fn enter_function_parameters(&mut self, function: &Function, derived_constructor: bool) {
        let (await_in_parameters, yield_in_parameters) = self.parameter_operator_rules(function);
        let mut context = self.function_body_context(function, derived_constructor);
        context.await_rule = await_in_parameters;
        context.yield_rule = yield_in_parameters;
        // A function's code is strict if the code around it is, or if its
        // body has a Use Strict Directive (ECMA-262 §11.2.2); the directive
        // makes the parameters strict too.
        let own_directive = use_strict_directive(&function.body).is_some();
        let strict = context.strict || own_directive;
        function.sloppy.set(!strict);
        context.duplicate_parameters_allowed =
            !strict && function.kind == FunctionKind::Normal && is_simple_parameter_list(function);
        self.enter_function(context);
        if own_directive {
            self.enter_strict_code(function.span);
        }
    }

    /// Switches from the parameters to the body: the body's `yield`/`await`
    /// rules, and the directive rule "It is a Syntax Error if
    /// FunctionBodyContainsUseStrict of FunctionBody is true and
    /// IsSimpleParameterList of FormalParameters is false."
    #[inline(never)]
    fn enter_function_body(&mut self, function: &Function) -> Check {
        let body = self.function_body_context(function, false);
        self.function.await_rule = body.await_rule;
        self.function.yield_rule = body.yield_rule;
        if let Some(directive) = use_strict_directive(&function.body) {
            if !is_simple_parameter_list(function) {
                return self.fail(messages::ILLEGAL_USE_STRICT, directive);
            }
        }
        Ok(())
    }

    /// FormalParameters: each parameter's names are declared (and checked
    /// for duplicates) before its initializer is walked, in source order.
    fn check_formal_parameters(&mut self, function: &Function) -> Check {
        for param in &function.params {
            self.check_binding_pattern(&param.target, Binding::Parameter)?;
            if let Some(default) = &param.default {
                self.check_expr(default)?;
            }
        }
        if let Some(rest) = &function.rest {
            self.check_binding_pattern(rest, Binding::Parameter)?;
        }
        Ok(())
    }

    /// What the body of `function` may contain. Arrow functions take
    /// `super`, `new.target` and the `arguments` restriction from where they
    /// stand (ECMA-262 §15.3: arrows have no own `this`/`super`/`arguments`).
    fn function_body_context(
        &self,
        function: &Function,
        derived_constructor: bool,
    ) -> FunctionContext {
        let outer = &self.function;
        let (super_property_allowed, super_call_allowed, new_target_allowed, arguments_forbidden) =
            match function.kind {
                FunctionKind::Arrow => (
                    outer.super_property_allowed,
                    outer.super_call_allowed,
                    outer.new_target_allowed,
                    outer.arguments_forbidden,
                ),
                FunctionKind::Normal => (false, false, true, false),
                FunctionKind::Method | FunctionKind::Getter | FunctionKind::Setter => {
                    (true, false, true, false)
                }
                FunctionKind::ClassConstructor => (true, derived_constructor, true, false),
            };
        FunctionContext {
            await_rule: if function.is_async {
                OperatorRule::Allowed
            } else {
                OperatorRule::Forbidden
            },
            yield_rule: if function.is_generator {
                OperatorRule::Allowed
            } else {
                OperatorRule::Forbidden
            },
            return_allowed: true,
            new_target_allowed,
            super_property_allowed,
            super_call_allowed,
            arguments_forbidden,
            labels: LabelSet::default(),
            iteration_depth: 0,
            breakable_depth: 0,
            // Inherited from the enclosing code; a directive of the
            // function's own is applied by `enter_function_parameters`.
            strict: outer.strict,
            duplicate_parameters_allowed: false,
        }
    }

    /// Where `await` and `yield` stand in the parameters of `function`: in
    /// an async function's (generator's) own parameters they are the
    /// operator and an error; an arrow's parameters inherit whether the
    /// operator is available around it (ECMA-262 §15.3.1 / §15.9.1:
    /// ArrowFormalParameters / AsyncArrowHead contain no Await/Yield).
    fn parameter_operator_rules(&self, function: &Function) -> (OperatorRule, OperatorRule) {
        let is_arrow = function.kind == FunctionKind::Arrow;
        let await_rule = if function.is_async
            || (is_arrow && self.function.await_rule != OperatorRule::Forbidden)
        {
            OperatorRule::InParameters
        } else {
            OperatorRule::Forbidden
        };
        let yield_rule = if function.is_generator
            || (is_arrow && self.function.yield_rule != OperatorRule::Forbidden)
        {
            OperatorRule::InParameters
        } else {
            OperatorRule::Forbidden
        };
        (await_rule, yield_rule)
    }
}
