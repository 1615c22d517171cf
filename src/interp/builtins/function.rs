//! Function objects' built-ins (ECMA-262 §20.2): Function.prototype.apply /
//! bind / call / toString / @@hasInstance, and bound functions
//! (BoundFunctionCreate). The constructor is in `dynamic_function`.

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::{BoundFunction, CallArgs, Callable, Code, FunctionData};
use crate::interp::native::{set_function_length, set_function_name};
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::slots::Slots;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

fn this_function(agent: &mut Agent, this: &Value, method: &str) -> JsResult<Gc<JsObject>> {
    match this {
        Value::Object(f) if f.is_callable() => Ok(f.clone()),
        _ => agent.throw_type_error(format!(
            "Function.prototype.{method} called on non-function"
        )),
    }
}

/// Function.prototype.call ( thisArg, ...args ) — <https://tc39.es/ecma262/#sec-function.prototype.call>
fn function_call(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let f = this_function(agent, args.this, "call")?;
    let rest = args.args.get(1..).unwrap_or(&[]);
    agent.call_object(&f, &args.arg(0), rest)
}

/// Function.prototype.apply ( thisArg, argArray ) — <https://tc39.es/ecma262/#sec-function.prototype.apply>
fn function_apply(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let f = this_function(agent, args.this, "apply")?;
    let arg_array = args.arg(1);
    // 3. If argArray is either undefined or null, then call with no arguments.
    let list = match arg_array {
        Value::Undefined | Value::Null => Vec::new(),
        // 5. Let argList be ? CreateListFromArrayLike(argArray).
        other => agent.create_list_from_array_like(&other)?,
    };
    agent.call_object(&f, &args.arg(0), &list)
}

/// Function.prototype.bind ( thisArg, ...args ) — <https://tc39.es/ecma262/#sec-function.prototype.bind>
fn function_bind(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let Target be the this value; if IsCallable(Target) is false, throw.
    let target = match args.this {
        Value::Object(f) if f.is_callable() => f.clone(),
        _ => return agent.throw_type_error("Bind must be called on a function"),
    };
    let bound_args: Vec<Value> = args.args.get(1..).unwrap_or(&[]).to_vec();
    let arg_count = bound_args.len() as f64;
    // 3. Let F be ? BoundFunctionCreate(Target, thisArg, args).
    // BoundFunctionCreate 1. Let proto be ? targetFunction.[[GetPrototypeOf]]().
    let proto = agent.get_prototype_of(&target)?;
    let f = JsObject::with_kind(
        proto,
        ObjectKind::Function(Box::new(FunctionData {
            callable: Callable::Bound(BoundFunction {
                target: target.clone(),
                this: args.arg(0),
                args: Slots::from_vec(bound_args),
            }),
        })),
    );
    // 4–6. L: the target's own length minus the bound arguments, at least 0.
    let mut length = 0.0;
    if agent.has_own_property(&target, &PropertyKey::from("length"))? {
        let target_len = agent.get(&target, &PropertyKey::from("length"))?;
        if let Value::Number(n) = target_len {
            if n == f64::INFINITY {
                length = f64::INFINITY;
            } else if n.is_finite() {
                length = (n.trunc() - arg_count).max(0.0);
            }
        }
    }
    // 7. Perform SetFunctionLength(F, L).
    set_function_length(&f, length);
    // 8–10. Let targetName be ? Get(Target, "name"); SetFunctionName(F, targetName, "bound").
    let name = agent.get(&target, &PropertyKey::from("name"))?;
    let name = match name {
        Value::String(s) => s,
        _ => JsStr::from(""),
    };
    set_function_name(&f, JsStr::from("bound ").concat(&name));
    Ok(Value::Object(f))
}

/// Function.prototype.toString ( ) — <https://tc39.es/ecma262/#sec-function.prototype.tostring>
fn function_to_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let f = this_function(agent, args.this, "toString")?;
    // 4. If func is an Object and IsCallable(func) is true (a callable
    //    proxy), return an implementation-defined NativeFunction string
    //    (V8's: no name).
    let ObjectKind::Function(data) = &f.kind else {
        return Ok(Value::from("function () { [native code] }"));
    };
    // 2. If func is an ECMAScript function object: its source text.
    if let Callable::Closure(c) = &data.callable {
        let text = match &c.code {
            Code::Function(func) => c.source.slice(func.span).to_string(),
            Code::DefaultConstructor { class, .. } => c.source.slice(class.span).to_string(),
            Code::FieldInitializer { .. } | Code::StaticBlock { .. } => String::new(),
        };
        return Ok(Value::from(text.as_str()));
    }
    // 3. Built-in functions: NativeFunction syntax.
    let name = match f.get_own_data_value(&PropertyKey::from("name")) {
        Some(Value::String(s)) => s.to_rust_string(),
        _ => String::new(),
    };
    Ok(Value::from(
        format!("function {name}() {{ [native code] }}").as_str(),
    ))
}

/// Function.prototype [ @@hasInstance ] ( V ) — <https://tc39.es/ecma262/#sec-function.prototype-@@hasinstance>
fn function_has_instance(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Bool(
        agent.ordinary_has_instance(args.this, &args.arg(0))?,
    ))
}

/// AddRestrictedFunctionProperties ( F, realm ) —
/// <https://tc39.es/ecma262/#sec-addrestrictedfunctionproperties>
fn add_restricted_function_properties(agent: &mut Agent, f: &Gc<JsObject>) {
    // 1. Assert: realm.[[Intrinsics]].[[%ThrowTypeError%]] exists and has been initialized.
    // 2. Let thrower be realm.[[Intrinsics]].[[%ThrowTypeError%]].
    let thrower = agent.intrinsics().get("ThrowTypeError");
    // 3. Perform ! DefinePropertyOrThrow(F, "caller", PropertyDescriptor { [[Get]]: thrower,
    //    [[Set]]: thrower, [[Enumerable]]: false, [[Configurable]]: true }).
    // 4. Perform ! DefinePropertyOrThrow(F, "arguments", …the same…).
    // (V8 defines `arguments` first, which is the order its own keys list.)
    for name in ["arguments", "caller"] {
        f.define_own_property(
            PropertyKey::from(name),
            PropertyDescriptor {
                get: Some(Some(thrower.clone())),
                set: Some(Some(thrower.clone())),
                enumerable: Some(false),
                configurable: Some(true),
                ..Default::default()
            },
        );
    }
}

pub fn install(agent: &mut Agent) {
    let proto = agent.intrinsics().function_prototype.clone();
    set_function_length(&proto, 0.0);
    set_function_name(&proto, JsStr::from(""));
    add_restricted_function_properties(agent, &proto);
    super::dynamic_function::install(agent);
    agent.define_method(&proto, "apply", 2, function_apply);
    agent.define_method(&proto, "bind", 1, function_bind);
    agent.define_method(&proto, "call", 1, function_call);
    agent.define_method(&proto, "toString", 0, function_to_string);
    let has_instance = agent.symbols.has_instance.clone();
    let f = agent.native_function("[Symbol.hasInstance]", 1, function_has_instance);
    let _ = agent.intrinsics().function_has_instance.set(f.clone());
    proto.define_own_property(
        PropertyKey::Symbol(has_instance),
        PropertyDescriptor::data(Value::Object(f), Attributes::default()),
    );
}
