//! The Error constructors (ECMA-262 §20.5): Error, the NativeErrors and
//! AggregateError, Error.prototype.toString and Error.captureStackTrace.

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::{CallArgs, Callable};
use crate::interp::native::define_value;
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::ops::errors::ErrorKind;
use crate::interp::property::{Attributes, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;

const KINDS: [ErrorKind; 8] = [
    ErrorKind::Error,
    ErrorKind::TypeError,
    ErrorKind::RangeError,
    ErrorKind::ReferenceError,
    ErrorKind::SyntaxError,
    ErrorKind::EvalError,
    ErrorKind::URIError,
    ErrorKind::AggregateError,
];

fn kind_of_callee(args: &CallArgs) -> ErrorKind {
    match args.capture(0) {
        Value::Number(n) => KINDS[n as usize],
        _ => ErrorKind::Error,
    }
}

/// Error ( message [ , options ] ) and NativeError ( message [ , options ] ) —
/// <https://tc39.es/ecma262/#sec-error-message>
fn error_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let kind = kind_of_callee(args);
    let (message, options) = if kind == ErrorKind::AggregateError {
        (args.arg(1), args.arg(2))
    } else {
        (args.arg(0), args.arg(1))
    };
    // 1. If NewTarget is undefined, let newTarget be the active function object.
    let new_target = args.new_target.unwrap_or(args.callee).clone();
    // 2. Let O be ? OrdinaryCreateFromConstructor(newTarget, "%NativeError.prototype%", « [[ErrorData]] »).
    let default = agent.error_prototype(kind);
    let o = agent.ordinary_create_from_constructor(
        &new_target,
        default,
        ObjectKind::Error(Default::default()),
    )?;
    // V8 defines `stack` (its header still to come) before the others.
    agent.install_stack(&o, Some(&new_target));
    // 3. If message is not undefined, then CreateNonEnumerableDataPropertyOrThrow(O, "message", msg).
    if !message.is_undefined() {
        let msg = agent.to_string(&message)?;
        define_value(&o, "message", Value::String(msg), Attributes::METHOD);
    }
    // 4. Perform ? InstallErrorCause(O, options).
    install_error_cause(agent, &o, &options)?;
    if kind == ErrorKind::AggregateError {
        // AggregateError 5–6. Let errorsList be ? IteratorToList(? GetIterator(errors, sync)).
        let errors = agent.iterable_to_list(&args.arg(0))?;
        let list = agent.create_array_from_list(errors);
        define_value(&o, "errors", Value::Object(list), Attributes::METHOD);
    }
    Ok(Value::Object(o))
}

/// InstallErrorCause ( O, options ) — <https://tc39.es/ecma262/#sec-installerrorcause>
fn install_error_cause(agent: &mut Agent, o: &Gc<JsObject>, options: &Value) -> JsResult<()> {
    if let Value::Object(opts) = options {
        let key = PropertyKey::from("cause");
        if agent.has_property(opts, &key)? {
            let cause = agent.get(opts, &key)?;
            define_value(o, "cause", cause, Attributes::METHOD);
        }
    }
    Ok(())
}

/// Error.isError ( arg ) — <https://tc39.es/ecma262/#sec-error.iserror>
fn is_error(_: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If arg is not an Object, return false.
    // 2. If arg has an [[ErrorData]] internal slot, return true.
    // 3. Return false.
    Ok(Value::Bool(matches!(
        args.arg(0),
        Value::Object(o) if matches!(o.kind, ObjectKind::Error(_))
    )))
}

/// Error.prototype.toString ( ) — <https://tc39.es/ecma262/#sec-error.prototype.tostring>
fn error_to_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 2. If O is not an Object, throw a TypeError exception.
    let Value::Object(o) = args.this else {
        let shown = agent.to_display_string(args.this);
        return agent.throw_type_error(format!(
            "Error.prototype.toString requires that 'this' be an Object, got {shown}"
        ));
    };
    Ok(Value::String(error_to_string_of(agent, o)?))
}

/// Error.prototype.toString's steps 3–9 for the object `o`.
pub(crate) fn error_to_string_of(agent: &mut Agent, o: &Gc<JsObject>) -> JsResult<JsStr> {
    // 3–4. Let name be ? Get(O, "name"); undefined → "Error".
    let name = agent.get(o, &PropertyKey::from("name"))?;
    let name = if name.is_undefined() {
        JsStr::from("Error")
    } else {
        agent.to_string(&name)?
    };
    // 5–6. Let msg be ? Get(O, "message"); undefined → "".
    let msg = agent.get(o, &PropertyKey::from("message"))?;
    let msg = if msg.is_undefined() {
        JsStr::from("")
    } else {
        agent.to_string(&msg)?
    };
    // 7–9. Combine.
    Ok(if name.is_empty() {
        msg
    } else if msg.is_empty() {
        name
    } else {
        name.concat(&JsStr::from(": ")).concat(&msg)
    })
}

/// Error.captureStackTrace ( targetObject [ , constructorOpt ] ) — V8/Node's
/// extension.
fn capture_stack_trace(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let Value::Object(target) = args.arg(0) else {
        let shown = agent.to_display_string(&args.arg(0));
        return agent.throw_type_error(format!("Invalid argument: {shown}"));
    };
    let constructor_opt = match args.arg(1) {
        Value::Object(f) if agent.is_callable(&Value::Object(f.clone())) => Some(f),
        _ => None,
    };
    agent.install_stack(&target, constructor_opt.as_ref());
    Ok(Value::Undefined)
}

pub fn install(agent: &mut Agent) {
    let mut base: Option<Gc<JsObject>> = None;
    for (i, kind) in KINDS.into_iter().enumerate() {
        let proto = agent.error_prototype(kind);
        let length = if kind == ErrorKind::AggregateError {
            2
        } else {
            1
        };
        let ctor = agent.native_function_with(
            kind.name(),
            length,
            error_constructor,
            true,
            vec![Value::Number(i as f64)],
        );
        ctor.define_own_property(
            PropertyKey::from("prototype"),
            crate::interp::property::PropertyDescriptor::data(
                Value::Object(proto.clone()),
                crate::interp::native::FIXED,
            ),
        );
        define_value(
            &proto,
            "constructor",
            Value::Object(ctor.clone()),
            Attributes::METHOD,
        );
        define_value(&proto, "name", Value::from(kind.name()), Attributes::METHOD);
        define_value(&proto, "message", Value::from(""), Attributes::METHOD);
        let global = agent.global_object();
        define_value(
            &global,
            kind.name(),
            Value::Object(ctor.clone()),
            Attributes::METHOD,
        );
        agent.intrinsics().register(kind.name(), ctor.clone());
        match &base {
            None => {
                agent.define_method(&proto, "toString", 0, error_to_string);
                agent.define_method(&ctor, "captureStackTrace", 1, capture_stack_trace);
                agent.define_method(&ctor, "isError", 1, is_error);
                define_value(
                    &ctor,
                    "stackTraceLimit",
                    Value::Number(10.0),
                    Attributes::ALL,
                );
                base = Some(ctor);
            }
            // The NativeError constructors inherit from %Error%.
            Some(error) => {
                JsObject::set_prototype_of(&ctor, Some(error.clone()));
            }
        }
    }
    debug_assert!(matches!(
        base.as_ref().map(|b| &b.kind),
        Some(ObjectKind::Function(f)) if matches!(f.callable, Callable::Native(_))
    ));
}
