//! The constructors that compile functions from strings: `Function`,
//! %GeneratorFunction%, %AsyncFunction% and %AsyncGeneratorFunction%
//! (ECMA-262 §20.2.1, §27.3.1, §27.4.1, §27.7.1), all through
//! CreateDynamicFunction.

use std::rc::Rc;

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::eval::Frame;
use crate::interp::function::{CallArgs, NativeFn};
use crate::interp::native::define_value;
use crate::interp::object::JsObject;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::source::SourceText;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::syntax::ast::{ExprKind, Function, StmtKind};

/// The `kind` argument of CreateDynamicFunction.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum DynamicKind {
    Normal,
    Generator,
    Async,
    AsyncGenerator,
}

impl DynamicKind {
    /// Steps 2–5: the source text's prefix.
    fn prefix(self) -> &'static str {
        match self {
            DynamicKind::Normal => "function",
            DynamicKind::Generator => "function*",
            DynamicKind::Async => "async function",
            DynamicKind::AsyncGenerator => "async function*",
        }
    }

    /// The constructor's intrinsic name.
    fn constructor_name(self) -> &'static str {
        match self {
            DynamicKind::Normal => "Function",
            DynamicKind::Generator => "GeneratorFunction",
            DynamicKind::Async => "AsyncFunction",
            DynamicKind::AsyncGenerator => "AsyncGeneratorFunction",
        }
    }

    /// The fallbackProto of step 22: %Function.prototype% and its kin.
    fn fallback_proto(self, agent: &Agent) -> Gc<JsObject> {
        let i = agent.intrinsics();
        match self {
            DynamicKind::Normal => i.function_prototype.clone(),
            DynamicKind::Generator => i.generator_function_prototype.clone(),
            DynamicKind::Async => i.async_function_prototype.clone(),
            DynamicKind::AsyncGenerator => i.async_generator_function_prototype.clone(),
        }
    }
}

/// CreateDynamicFunction ( constructor, newTarget, kind, parameterArgs,
/// bodyArg ) — <https://tc39.es/ecma262/#sec-createdynamicfunction>
fn create_dynamic_function(
    agent: &mut Agent,
    constructor: &Gc<JsObject>,
    new_target: Option<&Gc<JsObject>>,
    kind: DynamicKind,
    args: &[Value],
) -> JsResult<Value> {
    // 1. If newTarget is undefined, set newTarget to constructor.
    let new_target = new_target.unwrap_or(constructor).clone();
    let (parameter_args, body_arg) = match args.split_last() {
        Some((body, params)) => (params, body.clone()),
        None => (&[][..], Value::from("")),
    };
    // 7. Let parameterStrings be the ToString of each parameterArg.
    let mut parameter_strings = Vec::with_capacity(parameter_args.len());
    for arg in parameter_args {
        parameter_strings.push(agent.to_string(arg)?.to_rust_string());
    }
    // 8. Let bodyString be ? ToString(bodyArg).
    let body_string = agent.to_string(&body_arg)?.to_rust_string();
    // 10. HostEnsureCanCompileStrings: this host compiles every string.
    // 11. Let P be the parameter strings joined with ",".
    let p = parameter_strings.join(",");
    // 12. Let bodyParseString be LF + bodyString + LF.
    let body_parse_string = format!("\n{body_string}\n");
    // 13. Let sourceString be prefix + " anonymous(" + P + LF + ") {" + bodyParseString + "}".
    let prefix = kind.prefix();
    let source_string = format!("{prefix} anonymous({p}\n) {{{body_parse_string}}}");
    // 15–18. The parameters must parse as FormalParameters and the body as
    // a FunctionBody, each on its own.
    // Deviation: the parser has no FormalParameters or FunctionBody goal;
    // each part is parsed inside a function of the same kind with the
    // other part empty, and must give exactly that one function, so that
    // neither part can close the other (`Function("a) {", "}")`).
    let params_only = format!("{prefix} anonymous({p}\n) {{\n}}");
    let body_only = format!("{prefix} anonymous(\n) {{{body_parse_string}}}");
    for text in [&params_only, &body_only] {
        parse_function_expression(agent, text)?;
    }
    // 20–21. Let expr be ParseText(sourceText, exprSym).
    let (func, wrapped) = parse_function_expression(agent, &source_string)?;
    // 22. Let proto be ? GetPrototypeFromConstructor(newTarget, fallbackProto).
    let fallback = kind.fallback_proto(agent);
    let proto = agent.get_prototype_from_constructor(&new_target, fallback)?;
    // 23–26. F = OrdinaryFunctionCreate(proto, sourceText, …, env = the global
    // environment, privateEnv = null); SetFunctionName(F, "anonymous");
    // 27–29. the generator `prototype` or MakeConstructor.
    let source = SourceText::new("anonymous", Rc::<str>::from(wrapped.as_str()));
    agent.mark_source_realm(&source);
    let frame = Frame::new(0, None, None, source, None);
    let f = agent.instantiate_function_expression(&frame, &func, Some(JsStr::from("anonymous")));
    JsObject::set_prototype_of(&f, Some(proto));
    // 31. Return F.
    Ok(Value::Object(f))
}

/// Parses `text` as one function expression (wrapped in parentheses, as
/// a script); anything else is a SyntaxError. Returns the function and
/// the wrapped text its spans refer to.
fn parse_function_expression(agent: &mut Agent, text: &str) -> JsResult<(Rc<Function>, String)> {
    let wrapped = format!("({text})");
    let script = match crate::syntax::parse_script(&wrapped) {
        Ok(script) => script,
        Err(e) => return Err(agent.syntax_error(e.message)),
    };
    let func = match script.body.as_slice() {
        [stmt] => parenthesized_function(stmt),
        _ => None,
    };
    match func {
        Some(func) => Ok((func, wrapped)),
        None => Err(agent.syntax_error("Unexpected token in function body")),
    }
}

/// The function of a statement `(function … {});`, the shape in which
/// dynamic function source text is parsed.
pub(crate) fn parenthesized_function(stmt: &crate::syntax::ast::Stmt) -> Option<Rc<Function>> {
    match &stmt.kind {
        StmtKind::Expr(e) => match &e.kind {
            ExprKind::Paren(inner) => match &inner.kind {
                ExprKind::Function(f) => Some(f.clone()),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// Function ( ...parameterArgs, bodyArg ) — <https://tc39.es/ecma262/#sec-function-p1-p2-pn-body>
fn function_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    create_dynamic_function(
        agent,
        args.callee,
        args.new_target,
        DynamicKind::Normal,
        args.args,
    )
}

/// GeneratorFunction ( ...parameterArgs, bodyArg ) — <https://tc39.es/ecma262/#sec-generatorfunction>
fn generator_function_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    create_dynamic_function(
        agent,
        args.callee,
        args.new_target,
        DynamicKind::Generator,
        args.args,
    )
}

/// AsyncFunction ( ...parameterArgs, bodyArg ) — <https://tc39.es/ecma262/#sec-async-function-constructor-arguments>
fn async_function_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    create_dynamic_function(
        agent,
        args.callee,
        args.new_target,
        DynamicKind::Async,
        args.args,
    )
}

/// AsyncGeneratorFunction ( ...parameterArgs, bodyArg ) — <https://tc39.es/ecma262/#sec-asyncgeneratorfunction>
fn async_generator_function_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    create_dynamic_function(
        agent,
        args.callee,
        args.new_target,
        DynamicKind::AsyncGenerator,
        args.args,
    )
}

/// Creates `Function` (a global) and the three constructors that are
/// reachable only through their prototypes' `constructor`, each with
/// [[Prototype]] %Function%.
pub fn install(agent: &mut Agent) {
    let function_prototype = agent.intrinsics().function_prototype.clone();
    let function =
        agent.native_constructor("Function", 1, function_constructor, &function_prototype);
    let fixed = Attributes {
        writable: false,
        enumerable: false,
        configurable: false,
    };
    let readonly = Attributes {
        writable: false,
        enumerable: false,
        configurable: true,
    };
    for (kind, call) in [
        (
            DynamicKind::Generator,
            generator_function_constructor as NativeFn,
        ),
        (DynamicKind::Async, async_function_constructor),
        (
            DynamicKind::AsyncGenerator,
            async_generator_function_constructor,
        ),
    ] {
        let name = kind.constructor_name();
        let c = agent.native_function_with(name, 1, call, true, Vec::new());
        JsObject::set_prototype_of(&c, Some(function.clone()));
        let prototype = kind.fallback_proto(agent);
        c.define_own_property(
            PropertyKey::from("prototype"),
            PropertyDescriptor::data(Value::Object(prototype.clone()), fixed),
        );
        define_value(
            &prototype,
            "constructor",
            Value::Object(c.clone()),
            readonly,
        );
        agent.intrinsics().register(name, c);
    }
}
