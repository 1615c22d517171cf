//! Declaration scopes: the LexicallyDeclaredNames / VarDeclaredNames clash
//! rules, checked one name at a time as the walk declares it.
//!
//! The spec states these rules per construct, e.g. for a Block (ECMA-262
//! §14.2.1): "It is a Syntax Error if the LexicallyDeclaredNames of
//! StatementList contains any duplicate entries" and "if any element of the
//! LexicallyDeclaredNames of StatementList also occurs in the
//! VarDeclaredNames of StatementList". Instead of computing both lists for
//! every block (a re-walk per scope, quadratic on deep nesting), each scope
//! keeps the names declared so far: its lexical names, and the var names
//! declared in it or in any block inside it. A `var` is recorded in every
//! scope from its own up to the enclosing function, so a later lexical
//! declaration in any of them sees it.

use std::collections::HashSet;

use crate::syntax::ast::Name;
use crate::syntax::span::Span;

use super::context::{Check, Checker};
use super::messages;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum ScopeKind {
    /// The module top level: function declarations are lexical
    /// (ECMA-262 §16.2.1.1, LexicallyDeclaredNames of ModuleItemList).
    Module,
    /// A function body, a class static block or a script's top level: where
    /// `var` stops, and where function declarations are var-scoped
    /// (TopLevelVarDeclaredNames, ECMA-262 §8.2.6–8.2.9).
    Function,
    /// A Block, a CaseBlock, or a `for` head with a lexical declaration.
    Block,
    /// A Catch clause: its parameter and the body's declarations share it.
    Catch {
        /// `catch (e)` rather than a destructuring pattern: Annex B.3.4
        /// allows `var e` in the body then.
        simple_parameter: bool,
    },
}

/// The names declared so far in one scope.
#[derive(Debug)]
pub(super) struct Scope {
    pub kind: ScopeKind,
    pub lexical: HashSet<Name>,
    /// VarDeclaredNames of this scope and the blocks inside it.
    pub vars: HashSet<Name>,
    /// Formal parameters (function scopes) or the catch parameter.
    pub parameters: HashSet<Name>,
}

impl Scope {
    pub fn new(kind: ScopeKind) -> Scope {
        Scope {
            kind,
            lexical: HashSet::new(),
            vars: HashSet::new(),
            parameters: HashSet::new(),
        }
    }
}

/// How a name is bound.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum Binding {
    /// `var`, and function declarations at a function's top level.
    Var,
    /// `let`, `const`, `class`, imports, and function declarations in
    /// blocks and at the module top level.
    Lexical,
    /// A formal parameter.
    Parameter,
    /// The parameter of a catch clause.
    CatchParameter,
}

impl Checker {
    pub fn push_scope(&mut self, kind: ScopeKind) {
        self.scopes.push(Scope::new(kind));
    }

    pub fn pop_scope(&mut self) {
        self.scopes.pop();
    }

    /// The innermost scope's kind.
    pub fn scope_kind(&self) -> ScopeKind {
        self.scopes.last().map_or(ScopeKind::Module, |s| s.kind)
    }

    /// How a function declaration directly in the current scope binds its
    /// name: var-scoped at a function's (or script's) top level, lexical in
    /// blocks and modules (ECMA-262 §8.2.4–8.2.9).
    pub fn function_declaration_binding(&self) -> Binding {
        match self.scope_kind() {
            ScopeKind::Function => Binding::Var,
            _ => Binding::Lexical,
        }
    }

    /// Declares `name` in the current scope, failing where the spec's
    /// duplicate-name rules do.
    pub fn declare(&mut self, binding: Binding, name: &Name, span: Span) -> Check {
        match binding {
            Binding::Lexical => self.declare_lexical(name, span),
            Binding::Var => self.declare_var(name, span),
            Binding::Parameter => self.declare_parameter(name, span, messages::DUPLICATE_PARAMETER),
            Binding::CatchParameter => {
                self.declare_parameter(name, span, &messages::already_declared(name))
            }
        }
    }

    /// "It is a Syntax Error if the LexicallyDeclaredNames … contains any
    /// duplicate entries", "… also occurs in the VarDeclaredNames", and for
    /// function bodies and catch clauses "… also occurs in the BoundNames of
    /// FormalParameters / CatchParameter".
    fn declare_lexical(&mut self, name: &Name, span: Span) -> Check {
        let Some(scope) = self.scopes.last_mut() else {
            return Ok(());
        };
        if scope.lexical.contains(name)
            || scope.vars.contains(name)
            || scope.parameters.contains(name)
        {
            return self.fail(messages::already_declared(name), span);
        }
        scope.lexical.insert(name.clone());
        Ok(())
    }

    /// A `var` clashes with a lexical declaration of any scope between it and
    /// its function (and with a destructured catch parameter, Annex B.3.4).
    fn declare_var(&mut self, name: &Name, span: Span) -> Check {
        for scope in self.scopes.iter_mut().rev() {
            let clashes_with_catch_parameter = scope.kind
                == (ScopeKind::Catch {
                    simple_parameter: false,
                })
                && scope.parameters.contains(name);
            if scope.lexical.contains(name) || clashes_with_catch_parameter {
                return self.fail(messages::already_declared(name), span);
            }
            // Already recorded here means already recorded (and checked) in
            // every scope up to the function: stop, keeping this linear.
            if !scope.vars.insert(name.clone()) {
                break;
            }
            if matches!(scope.kind, ScopeKind::Function | ScopeKind::Module) {
                break;
            }
        }
        Ok(())
    }

    /// "It is a Syntax Error if BoundNames of FormalParameters contains any
    /// duplicate elements" (always, in strict code) and the catch
    /// parameter's equivalent.
    fn declare_parameter(&mut self, name: &Name, span: Span, duplicate_message: &str) -> Check {
        let Some(scope) = self.scopes.last_mut() else {
            return Ok(());
        };
        if !scope.parameters.insert(name.clone()) {
            return self.fail(duplicate_message, span);
        }
        Ok(())
    }
}
