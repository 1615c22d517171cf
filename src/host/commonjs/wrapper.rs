//! The CommonJS module wrapper: a file's text compiled as the body of
//! `function (exports, require, module, __filename, __dirname)`, non-strict
//! unless it says `"use strict"`, as Node's `wrapSafe` compiles it.

use std::rc::Rc;

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::environment::Env;
use crate::interp::eval::Frame;
use crate::interp::object::JsObject;
use crate::interp::source::SourceText;
use crate::interp::string::JsStr;
use crate::module::throw_syntax_error;
use crate::syntax::ast::{ExprKind, Function, Script, StmtKind};
use crate::syntax::{Span, SyntaxError};

/// The text before the file's own (on the file's first line, so line
/// numbers in stack traces and errors are the file's).
const HEADER: &str = "(function (exports, require, module, __filename, __dirname) { ";
/// The text after it (on a line of its own: the file may end in a comment).
const FOOTER: &str = "\n})";

/// A file's text as the wrapper's body: a leading `#!` line (a hashbang)
/// becomes a `//` comment of the same length, as Node strips it.
fn wrapped_text(text: &str) -> String {
    let mut wrapped = String::with_capacity(HEADER.len() + text.len() + FOOTER.len());
    wrapped.push_str(HEADER);
    match text.strip_prefix("#!") {
        Some(rest) => {
            wrapped.push_str("//");
            wrapped.push_str(rest);
        }
        None => wrapped.push_str(text),
    }
    wrapped.push_str(FOOTER);
    wrapped
}

/// A SyntaxError of the wrapped text at its position in the file's text.
fn in_file(err: SyntaxError, text_len: usize) -> SyntaxError {
    let shift = |offset: u32| (offset as usize).saturating_sub(HEADER.len()).min(text_len);
    SyntaxError::new(
        err.message,
        Span::new(shift(err.span.start), shift(err.span.end)),
    )
}

/// Parses the wrapper around `text`: the wrapper function's AST, or the
/// SyntaxError at its position in `text`.
pub fn parse_wrapper(text: &str) -> Result<(Rc<Function>, String), SyntaxError> {
    let wrapped = wrapped_text(text);
    let script = crate::syntax::parse_script(&wrapped).map_err(|e| in_file(e, text.len()))?;
    let function = wrapper_function(&script).ok_or_else(|| {
        // The file closed the wrapper early (`}) (`): V8's message for
        // the token that then ends the expression statement.
        SyntaxError::new("Unexpected token ')'", Span::new(text.len(), text.len()))
    })?;
    Ok((function, wrapped))
}

/// The function expression of a script that is exactly `(function … {…})`.
fn wrapper_function(script: &Script) -> Option<Rc<Function>> {
    let [stmt] = script.body.as_slice() else {
        return None;
    };
    let StmtKind::Expr(e) = &stmt.kind else {
        return None;
    };
    let ExprKind::Paren(inner) = &e.kind else {
        return None;
    };
    match &inner.kind {
        ExprKind::Function(f) => Some(f.clone()),
        _ => None,
    }
}

/// Compiles the CommonJS module at `filename` whose text is `text`: the
/// wrapper function object, or the SyntaxError thrown as Node throws it.
///
/// The function's code belongs to a script whose [[HostDefined]] is the
/// file, so `import()` in it resolves against the file.
pub fn compile_wrapper(agent: &mut Agent, filename: &str, text: &str) -> JsResult<Gc<JsObject>> {
    let (function, wrapped) =
        parse_wrapper(text).map_err(|err| throw_syntax_error(agent, &err, filename, text))?;
    let source = SourceText::new(filename, Rc::<str>::from(wrapped.as_str()));
    agent.mark_source_realm(&source);
    let script_env = Env::new(None, 0);
    agent
        .realm
        .global_env
        .add_script(script_env.clone(), Rc::from(filename));
    let frame = Frame::new(0, None, Some(script_env), source, None);
    Ok(agent.instantiate_function_expression(&frame, &function, Some(JsStr::from(""))))
}
