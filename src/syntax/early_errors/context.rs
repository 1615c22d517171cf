//! The walker's state: the context every early-error rule looks at.

use rustc_hash::FxHashMap as HashMap;

use crate::syntax::ast::{Module, ModuleItem, Name, Script};
use crate::syntax::error::SyntaxError;
use crate::syntax::span::Span;

use super::classes::ClassScope;
use super::declarations::{DeclarationIndex, Scope, ScopeKind};
use super::labels::LabelSet;
use super::module_items::ExportTable;
use super::names::use_strict_directive_in;

/// The walk stopped at an early error, which `Checker::error` holds. The
/// error value is zero-sized so that the many `?`s on the recursive path
/// (one walk level per AST level) cost almost no stack.
#[derive(Debug)]
pub(super) struct Stop;

/// The result of checking one piece of the tree.
pub(super) type Check = Result<(), Stop>;

/// The goal symbol being checked.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum Goal {
    Module,
    Script,
}

/// Where `yield` or `await` expressions may appear.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum OperatorRule {
    /// In the body of a generator (`yield`) / an async function or the module
    /// top level (`await`).
    Allowed,
    /// In the formal parameters of a function whose body would allow it
    /// (ECMA-262 §15.5.1, §15.8.1: parameters may not contain the operator).
    InParameters,
    /// Anywhere else (`await`/`yield` are reserved words in module/strict code).
    Forbidden,
}

/// What the innermost function-like construct (function, arrow, class field
/// initializer, class static block, or the top level) permits.
#[derive(Clone, Debug)]
pub(super) struct FunctionContext {
    pub await_rule: OperatorRule,
    pub yield_rule: OperatorRule,
    pub return_allowed: bool,
    pub new_target_allowed: bool,
    pub super_property_allowed: bool,
    pub super_call_allowed: bool,
    /// In a class field initializer or static block (ContainsArguments).
    pub arguments_forbidden: bool,
    /// The enclosing labels, outermost first; labels do not cross function
    /// boundaries, so each function starts with none.
    pub labels: LabelSet,
    /// Enclosing iteration statements (for `continue`).
    pub iteration_depth: u32,
    /// Enclosing iteration and switch statements (for unlabelled `break`).
    pub breakable_depth: u32,
    /// Whether this code is strict mode code (ECMA-262 §11.2.2).
    pub strict: bool,
    /// Whether the parameters may repeat a name: a non-strict function with
    /// a simple parameter list that is not an arrow or a method (ECMA-262
    /// §15.2.1: only FormalParameters, not UniqueFormalParameters, allow it).
    pub duplicate_parameters_allowed: bool,
}

impl FunctionContext {
    /// The top level of a module or a script (`strict`: a module, or a
    /// script with a Use Strict Directive).
    pub fn top_level(goal: Goal, strict: bool) -> FunctionContext {
        FunctionContext {
            // Top-level await is part of the Module goal only.
            await_rule: match goal {
                Goal::Module => OperatorRule::Allowed,
                Goal::Script => OperatorRule::Forbidden,
            },
            yield_rule: OperatorRule::Forbidden,
            return_allowed: false,
            new_target_allowed: false,
            super_property_allowed: false,
            super_call_allowed: false,
            arguments_forbidden: false,
            labels: LabelSet::default(),
            iteration_depth: 0,
            breakable_depth: 0,
            strict,
            duplicate_parameters_allowed: false,
        }
    }

    /// A class field initializer or static block: a method-like body with
    /// `super.x` and `new.target` but no `arguments`, `await`, `yield` or
    /// `return` (ECMA-262 §15.7.1).
    pub fn class_initializer() -> FunctionContext {
        FunctionContext {
            await_rule: OperatorRule::Forbidden,
            yield_rule: OperatorRule::Forbidden,
            return_allowed: false,
            new_target_allowed: true,
            super_property_allowed: true,
            super_call_allowed: false,
            arguments_forbidden: true,
            labels: LabelSet::default(),
            iteration_depth: 0,
            breakable_depth: 0,
            // Class bodies are strict mode code.
            strict: true,
            duplicate_parameters_allowed: false,
        }
    }
}

/// The early-error walker.
pub(super) struct Checker {
    pub goal: Goal,
    /// The innermost function context.
    pub function: FunctionContext,
    /// The contexts around it, outermost first.
    pub outer_functions: Vec<FunctionContext>,
    /// Declaration scopes, outermost first.
    pub scopes: Vec<Scope>,
    pub declarations: DeclarationIndex,
    /// Enclosing class bodies (private names), outermost first.
    pub classes: Vec<ClassScope>,
    /// How many enclosing class bodies declare each private name.
    pub visible_private_names: HashMap<Name, u32>,
    /// The first reference to a private name that no enclosing class
    /// declares, reported when the outermost class ends (as V8 does).
    pub unresolved_private_name: Option<SyntaxError>,
    /// The module's export entries, checked when the module ends.
    pub exports: ExportTable,
    /// The early error that stopped the walk.
    pub error: Option<SyntaxError>,
    /// In a non-strict script: the spans of the outermost strict functions
    /// and classes inside it, where the parser's strict-only errors apply.
    pub strict_ranges: Vec<Span>,
    /// Set just before checking a LabelledStatement that is the body of an
    /// `if`, a loop, `with` or such a label (where Annex B.3.2's labelled
    /// function declarations may not stand); read and cleared by it.
    pub labelled_in_substatement: bool,
}

impl Checker {
    pub fn for_module() -> Checker {
        Checker::new(Goal::Module, true)
    }

    /// A script is strict code if its directive prologue holds a Use Strict
    /// Directive (ECMA-262 §11.2.2), or when the host asks for strict code.
    pub fn for_script(script: &Script, strict: bool) -> Checker {
        let strict = strict || use_strict_directive_in(&script.body).is_some();
        script.sloppy.set(!strict);
        Checker::new(Goal::Script, strict)
    }

    fn new(goal: Goal, strict: bool) -> Checker {
        let top_scope = match goal {
            Goal::Module => ScopeKind::Module,
            Goal::Script => ScopeKind::Function,
        };
        let mut checker = Checker {
            goal,
            function: FunctionContext::top_level(goal, strict),
            outer_functions: Vec::new(),
            scopes: Vec::new(),
            declarations: DeclarationIndex::default(),
            classes: Vec::new(),
            visible_private_names: HashMap::default(),
            unresolved_private_name: None,
            exports: ExportTable::default(),
            error: None,
            strict_ranges: Vec::new(),
            labelled_in_substatement: false,
        };
        checker.push_scope(top_scope);
        checker
    }

    /// Module : ModuleBody — ECMA-262 §16.2.1.1 (the export rules run once
    /// the whole body is known, as in V8).
    pub fn check_module(mut self, module: &Module) -> Result<(), SyntaxError> {
        let result = self.check_module_items(module);
        self.into_result(result)
    }

    fn check_module_items(&mut self, module: &Module) -> Check {
        for item in &module.body {
            match item {
                ModuleItem::Import(import) => self.check_import(import)?,
                ModuleItem::Export(export) => self.check_export(export)?,
                ModuleItem::Stmt(stmt) => self.check_statement_list_item(stmt)?,
            }
        }
        self.check_export_table()
    }

    /// Script : ScriptBody — ECMA-262 §16.1.1. Also returns the strict
    /// regions of a non-strict script (see `strict_ranges`), for the
    /// parser's strict-only errors; the whole script when it is strict.
    pub fn check_script(mut self, script: &Script) -> (Result<(), SyntaxError>, Vec<Span>) {
        if self.function.strict {
            self.strict_ranges.push(script.span);
        }
        let result = self.check_statement_list(&script.body);
        let ranges = std::mem::take(&mut self.strict_ranges);
        (self.into_result(result), ranges)
    }

    /// Enters code that is strict whatever surrounds it (a class, or a
    /// function with its own directive) spanning `span`; returns the
    /// strictness to restore with `leave_strict_code`.
    pub fn enter_strict_code(&mut self, span: Span) -> bool {
        let outer = self.function.strict;
        if !outer {
            self.strict_ranges.push(span);
            self.function.strict = true;
        }
        outer
    }

    pub fn leave_strict_code(&mut self, outer: bool) {
        self.function.strict = outer;
    }

    fn into_result(self, result: Check) -> Result<(), SyntaxError> {
        match (result, self.error) {
            (Ok(()), _) => Ok(()),
            (Err(Stop), Some(error)) => Err(error),
            // Every `Err(Stop)` comes from `fail`, which records the error.
            (Err(Stop), None) => Err(SyntaxError::new(
                "Invalid early error state",
                Span::default(),
            )),
        }
    }

    /// Stops the walk with `message` at `span`.
    pub fn fail(&mut self, message: impl Into<String>, span: Span) -> Check {
        self.error = Some(SyntaxError::new(message, span));
        Err(Stop)
    }

    /// Stops the walk if `result` holds an error.
    pub fn report(&mut self, result: Result<(), SyntaxError>) -> Check {
        match result {
            Ok(()) => Ok(()),
            Err(error) => {
                self.error = Some(error);
                Err(Stop)
            }
        }
    }

    /// Makes `context` the innermost function context until
    /// `leave_function`. (After an error the walk ends, so an early return
    /// between the two needs no restoring.) The outer contexts are kept on
    /// the heap rather than in the walk's stack frames.
    pub fn enter_function(&mut self, context: FunctionContext) {
        let outer = std::mem::replace(&mut self.function, context);
        self.outer_functions.push(outer);
    }

    pub fn leave_function(&mut self) {
        if let Some(outer) = self.outer_functions.pop() {
            self.function = outer;
        }
    }
}
