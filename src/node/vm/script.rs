//! The script half of the `node:vm` binding: `vm.Script`'s compiled
//! script (Node's ContextifyScript), running it in the current realm or in
//! a context (ScriptEvaluation), and `vm.compileFunction`.

use std::any::Any;
use std::rc::Rc;

use gc::{Finalize, Gc, Trace};

use super::binding::{timeout_error, under_timeout};
use crate::interp::agent::Agent;
use crate::interp::builtins::dynamic_function::parenthesized_function;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::environment::Env;
use crate::interp::eval::{Frame, ScriptRecord};
use crate::interp::function::{CallArgs, NativeFn};
use crate::interp::native::define_value;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::realm::Realm;
use crate::interp::source::SourceText;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::interp::vm_context::context_realm;
use crate::node::globals::text_codec::new_uint8_array;
use crate::syntax::ast::{Function, Script, StmtKind};
use crate::syntax::cache::{self, CodeKind};
use crate::syntax::error::SyntaxError;

/// A compiled script: parsed once, run in any realm (V8's unbound script).
#[derive(Trace, Finalize)]
pub struct CompiledScript {
    #[unsafe_ignore_trace]
    ast: Rc<Script>,
    #[unsafe_ignore_trace]
    text: Rc<str>,
    #[unsafe_ignore_trace]
    filename: Rc<str>,
    /// The 1-based line the code starts on in `text` and the spaces
    /// before it there (see `placed_text`).
    placement: (u32, u32),
    /// Whether the `cachedData` it was compiled with was rejected (None:
    /// it had none).
    pub(super) cached_data_rejected: Option<bool>,
}

impl CompiledScript {
    /// `createCachedData()`: the code cache of the parsed text (the placed
    /// text: the tree's positions are in it).
    pub(super) fn cached_data(&self) -> Vec<u8> {
        cache::encode(CodeKind::Script, &self.text, &*self.ast)
    }
}

impl ObjectData for CompiledScript {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "ContextifyScript"
    }
}

/// Adds the script functions to the binding object.
pub fn install(agent: &mut Agent, binding: &Gc<JsObject>) {
    let functions: [(&str, u32, NativeFn); 5] = [
        ("compileScript", 5, compile_script),
        (
            "arrowMessage",
            1,
            super::display_errors::arrow_message_native,
        ),
        ("runScript", 3, run_script),
        ("compileFunction", 9, compile_function),
        ("heapBytes", 0, heap_bytes),
    ];
    for (name, length, f) in functions {
        let f = agent.native_function(name, length, f);
        define_value(binding, name, Value::Object(f), Attributes::METHOD);
    }
}

/// The text the parser sees for code placed at `line_offset` lines and
/// `column_offset` columns (Node's `lineOffset` / `columnOffset`).
///
/// Deviation: V8 shifts the positions it reports; vmjs's source texts have
/// no offset, so the code is preceded by that many line breaks and spaces,
/// which moves every reported position the same way (the column offset
/// applies to the first line only, as in V8). Negative offsets are not
/// applied.
pub fn placed_text(code: &str, line_offset: f64, column_offset: f64) -> String {
    let (lines, columns) = placement(line_offset, column_offset);
    let (lines, columns) = (lines as usize - 1, columns as usize);
    let mut text = String::with_capacity(lines + columns + code.len());
    text.extend(std::iter::repeat_n('\n', lines));
    text.extend(std::iter::repeat_n(' ', columns));
    text.push_str(code);
    text
}

/// The 1-based line [`placed_text`] starts the code on and the spaces it
/// puts before it there.
fn placement(line_offset: f64, column_offset: f64) -> (u32, u32) {
    let lines = if line_offset > 0.0 {
        line_offset as u32
    } else {
        0
    };
    let columns = if column_offset > 0.0 {
        column_offset as u32
    } else {
        0
    };
    (lines.saturating_add(1), columns)
}

/// The SyntaxError V8 throws for code that does not compile, its `stack`
/// headed by the place, as Node shows it: `file:line`, the line, carets
/// under the offending token, a blank line, then `SyntaxError: message`.
pub fn throw_script_syntax_error(
    agent: &mut Agent,
    err: &SyntaxError,
    filename: &str,
    text: &str,
) -> Throw {
    let Throw(e) = agent.syntax_error(&err.message);
    let excerpt = err.excerpt(text);
    let stack = format!(
        "{filename}:{}\n{}\n{}\n\nSyntaxError: {}",
        excerpt.line, excerpt.text, excerpt.carets, err.message
    );
    if let Value::Object(o) = &*e {
        o.define_own_property(
            PropertyKey::from("stack"),
            PropertyDescriptor::data(Value::String(JsStr::from(stack)), Attributes::METHOD),
        );
    }
    Throw(e)
}

/// `compileScript(code, filename, lineOffset, columnOffset, cachedData)`:
/// ParseScript (no realm yet) — a compiled-script handle, or the
/// SyntaxError. With `cachedData` that holds this text's code, the tree is
/// decoded from it instead of parsed.
fn compile_script(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let code = agent.to_string(&args.arg(0))?.to_rust_string();
    let filename = agent.to_string(&args.arg(1))?.to_rust_string();
    let line_offset = agent.to_number(&args.arg(2))?;
    let column_offset = agent.to_number(&args.arg(3))?;
    let cached_data = super::cached_data::cached_data_option(agent, &args.arg(4))?;
    let text = placed_text(&code, line_offset, column_offset);
    let cached = cached_data
        .as_ref()
        .map(|bytes| cache::decode::<Script>(CodeKind::Script, &text, bytes));
    let (ast, cached_data_rejected) = match cached {
        Some(Ok(ast)) => (ast, Some(false)),
        rejected => {
            let ast = crate::syntax::parse_script(&text)
                .map_err(|err| throw_script_syntax_error(agent, &err, &filename, &text))?;
            (ast, rejected.map(|_| true))
        }
    };
    let compiled = CompiledScript {
        ast: Rc::new(ast),
        text: Rc::from(text),
        filename: Rc::from(filename),
        placement: placement(line_offset, column_offset),
        cached_data_rejected,
    };
    Ok(Value::Object(JsObject::with_kind(
        None,
        ObjectKind::Other(Box::new(compiled)),
    )))
}

/// The realm of the context `v`, or the current realm for undefined.
fn target_realm(agent: &mut Agent, v: &Value) -> JsResult<Rc<Realm>> {
    match v {
        Value::Object(sandbox) => match context_realm(agent, sandbox) {
            Some(realm) => Ok(realm),
            None => agent.throw_type_error("not a context"),
        },
        _ => Ok(agent.realm.clone()),
    }
}

/// `runScript(script, context, timeout)`: ScriptEvaluation of the script
/// in the context's realm (undefined: the current one), its completion
/// value the result. A timeout ends it with ERR_SCRIPT_EXECUTION_TIMEOUT.
fn run_script(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (ast, text, filename, placement) = match &args.arg(0) {
        Value::Object(o) => match o.data::<CompiledScript>() {
            Some(s) => (
                s.ast.clone(),
                s.text.clone(),
                s.filename.clone(),
                s.placement,
            ),
            None => return agent.throw_type_error("Illegal invocation"),
        },
        _ => return agent.throw_type_error("Illegal invocation"),
    };
    let realm = target_realm(agent, &args.arg(1))?;
    let source = SourceText::new(filename.to_string(), text);
    source.set_placement(placement.0, placement.1);
    if matches!(args.arg(1), Value::Object(_)) {
        source.set_realm(&realm);
    }
    let record = ScriptRecord::from_parsed(ast, source, realm, &filename);
    let timeout = match args.arg(2) {
        Value::Number(ms) if ms >= 1.0 => ms,
        _ => return agent.script_evaluation(&record),
    };
    let (result, timed_out) =
        under_timeout(agent, timeout, |agent| agent.script_evaluation(&record));
    if timed_out {
        let error = timeout_error(agent, timeout);
        // Node decorates no termination (displayErrors): the timeout
        // error has no place to show.
        agent.last_throw_site = None;
        return Err(error);
    }
    result
}

/// `compileFunction(code, params, filename, context, extensions,
/// lineOffset, columnOffset, cachedData, produceCachedData)`: a function
/// whose body is `code` and whose parameters are `params`, created in the
/// context's realm (undefined: the current one), its scope the
/// `extensions` objects (innermost last) around the global environment.
/// Returns `[function, cachedDataRejected, cachedData]` (undefined where
/// not asked for); the cached data is the code cache of the function's
/// source text below.
///
/// Deviation: V8 compiles the body on its own, so positions in it count
/// from its first line; here it is parsed inside the function's source
/// text (what `toString` shows: `function (a, b) {` LF body LF `}`), so
/// stack traces place it one line lower. A SyntaxError's header counts
/// from the body's first line, as V8's does.
fn compile_function(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let code = agent.to_string(&args.arg(0))?.to_rust_string();
    let params = string_list(agent, &args.arg(1))?;
    let filename = agent.to_string(&args.arg(2))?.to_rust_string();
    let realm = target_realm(agent, &args.arg(3))?;
    let extensions = object_list(agent, &args.arg(4))?;
    let line_offset = agent.to_number(&args.arg(5))?;
    let column_offset = agent.to_number(&args.arg(6))?;
    let cached_data = super::cached_data::cached_data_option(agent, &args.arg(7))?;
    let produce_cached_data = matches!(args.arg(8), Value::Bool(true));
    let body = placed_text(&code, line_offset, column_offset);
    // Each extension object is an object environment around the function,
    // as a `with` statement's is: the function is parsed inside as many
    // `with` statements (never run) so that scope analysis resolves its
    // free names through those environments.
    let withs = "with ({}) ".repeat(extensions.len());
    let prefix = format!("{withs}(function ({}) {{\n", params.join(", "));
    let text = format!("{prefix}{body}\n}})");
    let cached = cached_data.as_ref().map(|bytes| {
        cache::decode::<Script>(CodeKind::Script, &text, bytes)
            .ok()
            .and_then(|script| one_function(&script).map(|f| (script, f)))
    });
    let (parsed, rejected) = match cached {
        Some(Some(parsed)) => (Ok(parsed), Some(false)),
        rejected => (parse_one_function(&text), rejected.map(|_| true)),
    };
    let (script, func) = parsed.map_err(|mut err| {
        let start = err.span.start as usize;
        if start >= prefix.len() && start <= prefix.len() + body.len() {
            err.span.start -= prefix.len() as u32;
            err.span.end = err.span.end.saturating_sub(prefix.len() as u32);
            throw_script_syntax_error(agent, &err, &filename, &body)
        } else {
            throw_script_syntax_error(agent, &err, &filename, &text)
        }
    })?;
    let source = SourceText::new(filename, Rc::<str>::from(text.as_str()));
    if matches!(args.arg(3), Value::Object(_)) {
        source.set_realm(&realm);
    }
    let env = extensions
        .into_iter()
        .fold(None, |outer, object| Some(Env::new_object(outer, object)));
    let frame = Frame::new(0, env, None, source, None);
    let outer_realm = std::mem::replace(&mut agent.realm, realm);
    let f = agent.instantiate_function_expression(&frame, &func, Some(JsStr::from("")));
    agent.realm = outer_realm;
    let rejected = rejected.map_or(Value::Undefined, Value::Bool);
    let data = match produce_cached_data {
        true => {
            let bytes = cache::encode(CodeKind::Script, &text, &script);
            new_uint8_array(agent, &bytes)?
        }
        false => Value::Undefined,
    };
    let result = agent.create_array_from_list(vec![Value::Object(f), rejected, data]);
    Ok(Value::Object(result))
}

/// `text` parsed as a script that is exactly one parenthesised function
/// expression (inside `with` statements); a body or parameter list that
/// closes the function early gives more than that and is a SyntaxError.
fn parse_one_function(text: &str) -> Result<(Script, Rc<Function>), SyntaxError> {
    let script = crate::syntax::parse_script(text)?;
    match one_function(&script) {
        Some(func) => Ok((script, func)),
        None => Err(SyntaxError::new("Unexpected token '}'", script.span)),
    }
}

/// The function of a script that is one parenthesised function expression.
fn one_function(script: &Script) -> Option<Rc<Function>> {
    match script.body.as_slice() {
        [stmt] => function_statement(stmt),
        _ => None,
    }
}

/// The function of `(function … {})`, possibly inside `with` statements.
fn function_statement(stmt: &crate::syntax::ast::Stmt) -> Option<Rc<Function>> {
    match &stmt.kind {
        StmtKind::With { body, .. } => function_statement(body),
        _ => parenthesized_function(stmt),
    }
}

/// The strings of an array-like (empty for undefined).
fn string_list(agent: &mut Agent, v: &Value) -> JsResult<Vec<String>> {
    let mut out = Vec::new();
    for item in object_items(agent, v)? {
        out.push(agent.to_string(&item)?.to_rust_string());
    }
    Ok(out)
}

/// The objects of an array-like (non-objects are skipped).
fn object_list(agent: &mut Agent, v: &Value) -> JsResult<Vec<Gc<JsObject>>> {
    Ok(object_items(agent, v)?
        .into_iter()
        .filter_map(|item| match item {
            Value::Object(o) => Some(o),
            _ => None,
        })
        .collect())
}

fn object_items(agent: &mut Agent, v: &Value) -> JsResult<Vec<Value>> {
    let Value::Object(array) = v else {
        return Ok(Vec::new());
    };
    let length = agent.get(array, &PropertyKey::from("length"))?;
    let length = agent.to_number(&length)? as u32;
    let mut out = Vec::with_capacity(length as usize);
    for i in 0..length {
        out.push(agent.get(array, &PropertyKey::Index(i))?);
    }
    Ok(out)
}

/// `heapBytes()`: the bytes the heap holds (`vm.measureMemory`'s estimate).
fn heap_bytes(_: &mut Agent, _: &CallArgs) -> JsResult<Value> {
    Ok(Value::Number(crate::interp::heap::heap_in_use() as f64))
}
