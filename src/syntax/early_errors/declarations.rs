//! Declaration scopes: the LexicallyDeclaredNames / VarDeclaredNames clash
//! rules, checked one name at a time as the walk declares it.
//!
//! The spec states these rules per construct, e.g. for a Block (ECMA-262
//! §14.2.1): "It is a Syntax Error if the LexicallyDeclaredNames of
//! StatementList contains any duplicate entries" and "if any element of the
//! LexicallyDeclaredNames of StatementList also occurs in the
//! VarDeclaredNames of StatementList". Computing both lists for every block
//! would re-walk each subtree once per enclosing scope (quadratic on deep
//! nesting), and so would recording each `var` in every scope it passes
//! through. Instead each check is O(1):
//! - A `var` clashes with a lexical declaration of the same name in any open
//!   scope between it and its function. For each name the checker keeps the
//!   stack of open scopes declaring it lexically; only the innermost matters.
//! - A lexical declaration in scope S clashes with a `var` of the same name
//!   declared earlier inside S. Scopes are numbered as they are entered, so
//!   the scopes entered since S (still open) are exactly those inside S:
//!   the function keeps, per var name, the highest scope number it was
//!   declared in, and the clash is "that number ≥ S's number".

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::syntax::ast::{Function, Name};
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
    /// Entry order: every scope entered after this one while it is open
    /// lies inside it.
    pub number: u32,
    /// The index (in the scope stack) of the function or module scope that
    /// `var` declarations here belong to.
    pub var_scope: usize,
    pub lexical: HashSet<Name>,
    /// On function and module scopes: VarDeclaredNames so far, each with
    /// the highest `number` of a scope declaring it.
    pub vars: HashMap<Name, u32>,
    /// Formal parameters (function scopes) or the catch parameter.
    pub parameters: HashSet<Name>,
    /// The lexical names declared only by plain function declarations in
    /// non-strict code, which Annex B.3.3.4 lets repeat.
    pub sloppy_functions: HashSet<Name>,
}

impl Scope {
    pub fn new(kind: ScopeKind, number: u32, var_scope: usize) -> Scope {
        Scope {
            kind,
            number,
            var_scope,
            lexical: HashSet::default(),
            vars: HashMap::default(),
            parameters: HashSet::default(),
            sloppy_functions: HashSet::default(),
        }
    }
}

/// Declaration bookkeeping shared by all scopes.
#[derive(Debug, Default)]
pub(super) struct DeclarationIndex {
    /// For each name: the open scopes (indices in the scope stack) that
    /// declare it lexically or as a destructured catch parameter,
    /// innermost last.
    pub lexically_declared_in: HashMap<Name, Vec<usize>>,
    /// The number the next scope gets.
    pub next_scope_number: u32,
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
    /// A plain function declaration in a block of non-strict code: lexical,
    /// but Annex B.3.3.4 (Changes to Block Static Semantics: Early Errors)
    /// allows duplicate entries "only bound by FunctionDeclarations".
    SloppyBlockFunction,
}

impl Checker {
    pub fn push_scope(&mut self, kind: ScopeKind) {
        let index = self.scopes.len();
        let var_scope = match kind {
            ScopeKind::Module | ScopeKind::Function => index,
            ScopeKind::Block | ScopeKind::Catch { .. } => {
                self.scopes.last().map_or(0, |outer| outer.var_scope)
            }
        };
        let number = self.declarations.next_scope_number;
        self.declarations.next_scope_number += 1;
        self.scopes.push(Scope::new(kind, number, var_scope));
    }

    pub fn pop_scope(&mut self) {
        let Some(scope) = self.scopes.pop() else {
            return;
        };
        for name in &scope.lexical {
            if let Some(open) = self.declarations.lexically_declared_in.get_mut(name) {
                open.pop();
            }
        }
    }

    /// The innermost scope's kind.
    pub fn scope_kind(&self) -> ScopeKind {
        self.scopes.last().map_or(ScopeKind::Module, |s| s.kind)
    }

    /// How a function declaration directly in the current scope binds its
    /// name: var-scoped at a function's (or script's) top level, lexical in
    /// blocks and modules (ECMA-262 §8.2.4–8.2.9).
    pub fn function_declaration_binding(&self, function: &Function) -> Binding {
        match self.scope_kind() {
            ScopeKind::Function => Binding::Var,
            ScopeKind::Block | ScopeKind::Catch { .. }
                if !self.function.strict && !function.is_async && !function.is_generator =>
            {
                Binding::SloppyBlockFunction
            }
            _ => Binding::Lexical,
        }
    }

    /// Declares `name` in the current scope, failing where the spec's
    /// duplicate-name rules do.
    pub fn declare(&mut self, binding: Binding, name: &Name, span: Span) -> Check {
        match binding {
            Binding::Lexical => self.declare_lexical(name, span),
            Binding::Var => self.declare_var(name, span),
            Binding::Parameter => self.declare_parameter(name, span),
            Binding::CatchParameter => self.declare_catch_parameter(name, span),
            Binding::SloppyBlockFunction => self.declare_sloppy_block_function(name, span),
        }
    }

    /// Annex B.3.3.4: "It is a Syntax Error if the LexicallyDeclaredNames of
    /// StatementList contains any duplicate entries, unless the source text
    /// matched by this production is not strict mode code and the duplicate
    /// entries are only bound by FunctionDeclarations."
    fn declare_sloppy_block_function(&mut self, name: &Name, span: Span) -> Check {
        let repeated = self
            .scopes
            .last()
            .is_some_and(|scope| scope.sloppy_functions.contains(name));
        if repeated {
            return Ok(());
        }
        self.declare_lexical(name, span)?;
        if let Some(scope) = self.scopes.last_mut() {
            scope.sloppy_functions.insert(name.clone());
        }
        Ok(())
    }

    /// "It is a Syntax Error if the LexicallyDeclaredNames … contains any
    /// duplicate entries", "… also occurs in the VarDeclaredNames", and for
    /// function bodies and catch clauses "… also occurs in the BoundNames of
    /// FormalParameters / CatchParameter".
    fn declare_lexical(&mut self, name: &Name, span: Span) -> Check {
        let index = self.scopes.len().saturating_sub(1);
        let Some(scope) = self.scopes.last() else {
            return Ok(());
        };
        let var_inside = self
            .scopes
            .get(scope.var_scope)
            .and_then(|function| function.vars.get(name))
            .is_some_and(|&number| number >= scope.number);
        if scope.lexical.contains(name) || scope.parameters.contains(name) || var_inside {
            return self.fail(messages::already_declared(name), span);
        }
        self.record_lexical(index, name);
        Ok(())
    }

    /// A `var` clashes with a lexical declaration of any scope between it and
    /// its function (and with a destructured catch parameter, Annex B.3.4).
    fn declare_var(&mut self, name: &Name, span: Span) -> Check {
        let Some(scope) = self.scopes.last() else {
            return Ok(());
        };
        let (number, var_scope) = (scope.number, scope.var_scope);
        let clash = self
            .declarations
            .lexically_declared_in
            .get(name)
            .and_then(|open| open.last())
            .is_some_and(|&index| index >= var_scope);
        if clash {
            return self.fail(messages::already_declared(name), span);
        }
        if let Some(function) = self.scopes.get_mut(var_scope) {
            let highest = function.vars.entry(name.clone()).or_insert(number);
            *highest = (*highest).max(number);
        }
        Ok(())
    }

    /// "It is a Syntax Error if BoundNames of FormalParameters contains any
    /// duplicate elements" (strict code, arrows, methods and non-simple
    /// parameter lists; ECMA-262 §15.2.1).
    fn declare_parameter(&mut self, name: &Name, span: Span) -> Check {
        let duplicates_allowed = self.function.duplicate_parameters_allowed;
        let Some(scope) = self.scopes.last_mut() else {
            return Ok(());
        };
        if !scope.parameters.insert(name.clone()) && !duplicates_allowed {
            return self.fail(messages::DUPLICATE_PARAMETER, span);
        }
        Ok(())
    }

    /// "It is a Syntax Error if BoundNames of CatchParameter contains any
    /// duplicate elements." A destructured parameter also clashes with
    /// `var` in the body (Annex B.3.4 only exempts `catch (e)`), so it is
    /// recorded like a lexical declaration.
    fn declare_catch_parameter(&mut self, name: &Name, span: Span) -> Check {
        let index = self.scopes.len().saturating_sub(1);
        let Some(scope) = self.scopes.last_mut() else {
            return Ok(());
        };
        if !scope.parameters.insert(name.clone()) {
            return self.fail(messages::already_declared(name), span);
        }
        let destructured = scope.kind
            == (ScopeKind::Catch {
                simple_parameter: false,
            });
        if destructured {
            self.record_lexical(index, name);
        }
        Ok(())
    }

    fn record_lexical(&mut self, index: usize, name: &Name) {
        if let Some(scope) = self.scopes.get_mut(index) {
            scope.lexical.insert(name.clone());
        }
        self.declarations
            .lexically_declared_in
            .entry(name.clone())
            .or_default()
            .push(index);
    }
}
