//! Scripts for embedders, shaped like Node's `vm.Script`: compile once,
//! run in the main realm or in any [`Context`], get the completion value.
//!
//! ```
//! use vmjs::embed::script::Script;
//! use vmjs::embed::{JsValue, Runtime};
//!
//! let mut rt = Runtime::new();
//! let ctx = rt.create_context();
//! let script = Script::new(&mut rt, "var total = (total || 0) + 2; let seen = 1; total * 10", "sum.js")?;
//! assert_eq!(script.run_in_context(&mut rt, &ctx)?, JsValue::Number(20.0));
//! // The script's global var is a property of the context's object.
//! assert_eq!(ctx.get_global(&mut rt, "total")?, JsValue::Number(2.0));
//! // Its top-level `let` stays for later scripts of the same context.
//! let next = Script::new(&mut rt, "seen + total", "next.js")?;
//! assert_eq!(next.run_in_context(&mut rt, &ctx)?, JsValue::Number(3.0));
//! # Ok::<(), vmjs::embed::Error>(())
//! ```

use std::rc::Rc;

use super::error::{Error, Result};
use super::runtime::{Context, Runtime};
use super::value::JsValue;
use crate::interp::eval::ScriptRecord;
use crate::interp::realm::Realm;
use crate::interp::source::SourceText;
use crate::syntax::span::LineIndex;

/// A parsed script (ParseScript without a realm): run it with
/// [`Script::run_in_this_context`] or [`Script::run_in_context`] as often
/// as needed; each run is a ScriptEvaluation of its own.
pub struct Script {
    ast: Rc<crate::syntax::ast::Script>,
    text: Rc<str>,
    filename: String,
}

impl Script {
    /// Parses `code` as a (non-strict) script named `filename` in stack
    /// traces; a syntax error is [`Error::Syntax`] with its 1-based place.
    pub fn new(_rt: &mut Runtime, code: &str, filename: &str) -> Result<Script> {
        let ast = crate::syntax::parse_script(code).map_err(|err| {
            let pos = LineIndex::new(code).line_col(err.span.start as usize);
            Error::Syntax {
                identifier: filename.to_string(),
                message: err.message,
                line: pos.line as usize,
                column: pos.column as usize,
            }
        })?;
        Ok(Script {
            ast: Rc::new(ast),
            text: Rc::from(code),
            filename: filename.to_string(),
        })
    }

    /// Runs the script in the runtime's main realm (Node's
    /// `runInThisContext`), then the promise jobs it leaves; returns the
    /// script's completion value.
    pub fn run_in_this_context(&self, rt: &mut Runtime) -> Result<JsValue> {
        let realm = rt.agent.realm.clone();
        self.run(rt, realm, false)
    }

    /// Runs the script in `context` (Node's `runInContext`): its global
    /// `var` and function declarations become properties of the context's
    /// object, its top-level `let`/`const` stay for the context's later
    /// scripts. Returns the completion value.
    pub fn run_in_context(&self, rt: &mut Runtime, context: &Context) -> Result<JsValue> {
        self.run(rt, context.realm.clone(), true)
    }

    fn run(&self, rt: &mut Runtime, realm: Rc<Realm>, in_context: bool) -> Result<JsValue> {
        let source = SourceText::new(self.filename.clone(), self.text.clone());
        if in_context {
            source.set_realm(&realm);
        }
        let record = ScriptRecord::from_parsed(self.ast.clone(), source, realm, &self.filename);
        let value = rt.guarded(|agent| {
            let value = agent.script_evaluation(&record)?;
            agent.run_promise_jobs()?;
            Ok(value)
        })?;
        Ok(JsValue::from_value(&value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embed::Limits;

    #[test]
    fn completion_values() {
        let mut rt = Runtime::new();
        let cases: [(&str, JsValue); 6] = [
            ("x = 1; x + 1", JsValue::Number(2.0)),
            ("7; var y = 8;", JsValue::Number(7.0)),
            ("7; if (true) {}", JsValue::Undefined),
            ("7; try { 8 } finally { 9 }", JsValue::Number(8.0)),
            ("'a'; l: { 'b'; break l; }", JsValue::from("b")),
            ("for (const v of [1, 2]) v * 3;", JsValue::Number(6.0)),
        ];
        for (code, expected) in cases {
            let script = Script::new(&mut rt, code, "case.js").unwrap();
            assert_eq!(
                script.run_in_this_context(&mut rt).unwrap(),
                expected,
                "{code}"
            );
        }
    }

    #[test]
    fn contexts_are_separate() {
        let mut rt = Runtime::new();
        let a = rt.create_context();
        let b = rt.create_context();
        let script = Script::new(
            &mut rt,
            "var n = (typeof n === 'number' ? n : 0) + 1; n",
            "n.js",
        )
        .unwrap();
        assert_eq!(
            script.run_in_context(&mut rt, &a).unwrap(),
            JsValue::Number(1.0)
        );
        assert_eq!(
            script.run_in_context(&mut rt, &a).unwrap(),
            JsValue::Number(2.0)
        );
        assert_eq!(
            script.run_in_context(&mut rt, &b).unwrap(),
            JsValue::Number(1.0)
        );
        assert_eq!(a.get_global(&mut rt, "n").unwrap(), JsValue::Number(2.0));
        let main = script.run_in_this_context(&mut rt).unwrap();
        assert_eq!(main, JsValue::Number(1.0));
    }

    #[test]
    fn lexical_redeclaration_is_a_syntax_error_exception() {
        let mut rt = Runtime::new();
        let ctx = rt.create_context();
        let first = Script::new(&mut rt, "let b = 1;", "a.js").unwrap();
        first.run_in_context(&mut rt, &ctx).unwrap();
        let err = first.run_in_context(&mut rt, &ctx).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("SyntaxError: Identifier 'b' has already been declared"),
            "{err}"
        );
    }

    #[test]
    fn syntax_errors_carry_the_place() {
        let mut rt = Runtime::new();
        let Err(Error::Syntax {
            identifier,
            message,
            line,
            column,
        }) = Script::new(&mut rt, "\nfoo bar", "bad.js")
        else {
            panic!("expected a syntax error");
        };
        assert_eq!(identifier, "bad.js");
        assert_eq!(message, "Unexpected identifier 'bar'");
        assert_eq!((line, column), (2, 5));
    }

    #[test]
    fn timeouts_end_the_script() {
        let mut rt = Runtime::with_limits(Limits {
            timeout: Some(std::time::Duration::from_millis(50)),
            ..Limits::default()
        });
        let script = Script::new(&mut rt, "while (true) {}", "loop.js").unwrap();
        let err = script.run_in_this_context(&mut rt).unwrap_err();
        assert_eq!(err.code(), Some("ERR_SCRIPT_EXECUTION_TIMEOUT"));
        let after = Script::new(&mut rt, "'still usable'", "after.js").unwrap();
        assert_eq!(
            after.run_in_this_context(&mut rt).unwrap(),
            JsValue::from("still usable")
        );
    }
}
