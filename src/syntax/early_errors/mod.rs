//! Early errors: the "Static Semantics: Early Errors" rules of ECMA-262 that
//! the grammar alone cannot express, applied to a parsed AST.
//!
//! One walk over the tree carries the context the rules depend on (which
//! function, class and declaration scope we are in, the label set, loop and
//! switch nesting) and stops at the first error, reported with V8's message.
//! Like V8, names are declared as the walk reaches them, so the error that
//! comes first in the source is the one reported; the few rules V8 checks
//! only when a construct is complete (undefined or duplicate exports at the
//! end of the module, unresolved private names at the end of the outermost
//! class) are checked at those same points.
//!
//! The walk recurses once per AST level, so its depth is bounded by
//! [`MAX_NESTING`](super::ast::MAX_NESTING).
//!
//! ```
//! use vmjs::syntax::ast::{Module, Script};
//! use vmjs::syntax::early_errors::{check_module, check_script};
//! use vmjs::syntax::Span;
//!
//! let empty = Module { body: vec![], span: Span::default(), scope: Default::default() };
//! assert!(check_module(&empty).is_ok());
//! let script = Script { body: vec![], span: Span::default(), scope: Default::default(), sloppy: Default::default() };
//! assert!(check_script(&script).is_ok());
//! ```

mod classes;
mod context;
mod declarations;
mod expressions;
mod functions;
mod labels;
mod messages;
mod module_items;
mod names;
mod patterns;
mod statements;

#[cfg(test)]
mod tests;

use super::ast::{Module, Script};
use super::error::SyntaxError;
use super::span::Span;

/// Applies the early-error rules of a Module (ECMA-262 §16.2.1.1,
/// <https://tc39.es/ecma262/#sec-module-semantics-static-semantics-early-errors>)
/// and of everything inside it; module code is strict.
pub fn check_module(module: &Module) -> Result<(), SyntaxError> {
    context::Checker::for_module().check_module(module)
}

/// Applies the early-error rules of a Script (ECMA-262 §16.1.1,
/// <https://tc39.es/ecma262/#sec-scripts-static-semantics-early-errors>). The
/// script is strict code only with a Use Strict Directive; the walk records
/// the strictness of the script and of each function on the AST
/// (`Script::sloppy`, `Function::sloppy`).
pub fn check_script(script: &Script) -> Result<(), SyntaxError> {
    check_script_with_strict_ranges(script, false).0
}

/// `check_script`, also returning the spans of the script's strict code
/// (the whole script when it is strict; otherwise its outermost strict
/// functions and classes), where strict-only errors the parser found apply.
/// `strict`: the script is strict code even without a directive.
pub fn check_script_with_strict_ranges(
    script: &Script,
    strict: bool,
) -> (Result<(), SyntaxError>, Vec<Span>) {
    context::Checker::for_script(script, strict).check_script(script)
}

/// What the code around a direct `eval` call permits its eval code
/// (PerformEval steps 5–10: inFunction, inMethod, inDerivedConstructor,
/// inClassFieldInitializer). Indirect eval permits none of them.
#[derive(Copy, Clone, Debug, Default)]
pub struct EvalContext {
    pub new_target_allowed: bool,
    pub super_property_allowed: bool,
    pub super_call_allowed: bool,
    pub arguments_forbidden: bool,
}

/// `check_script_with_strict_ranges` for eval code.
pub fn check_eval_with_strict_ranges(
    script: &Script,
    strict: bool,
    context: EvalContext,
) -> (Result<(), SyntaxError>, Vec<Span>) {
    let mut checker = context::Checker::for_script(script, strict);
    checker.function.new_target_allowed = context.new_target_allowed;
    checker.function.super_property_allowed = context.super_property_allowed;
    checker.function.super_call_allowed = context.super_call_allowed;
    checker.function.arguments_forbidden = context.arguments_forbidden;
    checker.check_script(script)
}
