//! `vmjs run --test262-host`: the host-defined globals test262's
//! INTERPRETING.md asks of a shell, installed on the global object of the
//! first realm (and of every realm `$262.createRealm()` makes):
//!
//! - `print(value)`: writes `String(value)` and a newline to stdout (async
//!   tests report `Test262:AsyncTestComplete` through it);
//! - `$262.global`: the global object `$262` was defined on;
//! - `$262.gc()`: a full collection (`gc::force_collect`);
//! - `$262.createRealm()`: a new realm with its own intrinsics, returning
//!   that realm's `$262`;
//! - `$262.evalScript(source)`: ParseScript and ScriptEvaluation of
//!   `source` in the realm `$262` belongs to; a parse error is thrown as
//!   that realm's SyntaxError.
//!
//! - `$262.detachArrayBuffer(buffer)`: DetachArrayBuffer (a TypeError for
//!   anything but a non-shared ArrayBuffer).
//!
//! - `$262.AbstractModuleSource`: %AbstractModuleSource% (Source Phase
//!   Imports), which is no global.
//!
//! Not provided: `agent` (no concurrent agents) and `IsHTMLDDA`.

use std::io::Write;
use std::rc::Rc;

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::eval::ScriptRecord;
use crate::interp::function::CallArgs;
use crate::interp::native::define_value;
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::property::Attributes;
use crate::interp::realm::Realm;
use crate::interp::value::Value;

/// Installs `print` and `$262` on the current realm's global object.
pub fn install(agent: &mut Agent) {
    let realm = agent.realm.clone();
    install_in(agent, &realm);
}

/// Installs `print` and `$262` on `realm`'s global object and returns that
/// `$262`. The realm is the agent's first or one of its list of realms
/// (`create_realm` put it there; an ordinary global has no forward target,
/// so `vm` never takes it for a context), where its `evalScript` finds it
/// again from the global object it captures.
fn install_in(agent: &mut Agent, realm: &Rc<Realm>) -> Gc<JsObject> {
    let outer = std::mem::replace(&mut agent.realm, realm.clone());
    let global = realm.global_object.clone();
    let host = JsObject::ordinary_create(Some(realm.intrinsics.object_prototype.clone()));
    define_value(
        &host,
        "global",
        Value::Object(global.clone()),
        Attributes::METHOD,
    );
    agent.define_method(&host, "gc", 0, gc);
    agent.define_method(&host, "detachArrayBuffer", 1, detach_array_buffer);
    agent.define_method(&host, "createRealm", 0, create_realm);
    let abstract_module_source = agent.intrinsics().get("AbstractModuleSource");
    define_value(
        &host,
        "AbstractModuleSource",
        Value::Object(abstract_module_source),
        Attributes::METHOD,
    );
    let eval_script = agent.native_function_with(
        "evalScript",
        1,
        eval_script,
        false,
        vec![Value::Object(global.clone())],
    );
    define_value(
        &host,
        "evalScript",
        Value::Object(eval_script),
        Attributes::METHOD,
    );
    define_value(
        &global,
        "$262",
        Value::Object(host.clone()),
        Attributes::METHOD,
    );
    agent.define_method(&global, "print", 1, print);
    agent.realm = outer;
    host
}

/// `print(value)`.
fn print(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let text = agent.to_string(&args.arg(0))?.to_rust_string();
    let _ = writeln!(agent.stdout, "{text}");
    Ok(Value::Undefined)
}

/// `$262.gc()`.
fn gc(_: &mut Agent, _: &CallArgs) -> JsResult<Value> {
    gc::force_collect();
    Ok(Value::Undefined)
}

/// `$262.detachArrayBuffer(buffer)`: DetachArrayBuffer ( arrayBuffer ) —
/// <https://tc39.es/ecma262/#sec-detacharraybuffer>.
fn detach_array_buffer(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Assert: IsSharedArrayBuffer(arrayBuffer) is false.
    match crate::interp::builtins::array_buffer::buffer_store(&args.arg(0)) {
        Some(store) if !store.shared => {
            // 4. Set arrayBuffer.[[ArrayBufferData]] to null and
            //    [[ArrayBufferByteLength]] to 0.
            store.detach();
            Ok(Value::Null)
        }
        _ => agent.throw_type_error("detachArrayBuffer needs an ArrayBuffer"),
    }
}

/// `$262.createRealm()`: a new realm (InitializeHostDefinedRealm) with this
/// API on its global object; returns its `$262`.
fn create_realm(agent: &mut Agent, _: &CallArgs) -> JsResult<Value> {
    let realm = agent.create_realm(ObjectKind::Ordinary);
    Ok(Value::Object(install_in(agent, &realm)))
}

/// `$262.evalScript(source)`: INTERPRETING.md's algorithm — ParseScript in
/// the realm of this `$262`, the first error thrown, else ScriptEvaluation.
fn eval_script(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let Value::Object(global) = args.capture(0) else {
        return agent.throw_type_error("$262.evalScript: no realm");
    };
    let Some(realm) = std::iter::once(&agent.initial_realm)
        .chain(agent.context_realms.iter())
        .find(|r| Gc::ptr_eq(&r.global_object, &global))
        .cloned()
    else {
        return agent.throw_type_error("$262.evalScript: unknown realm");
    };
    let source = agent.to_string(&args.arg(0))?.to_rust_string();
    let name = std::env::current_dir()
        .map(|d| d.join("evalScript").display().to_string())
        .unwrap_or_else(|_| "evalScript".to_string());
    // 1–3. Let s be ParseScript(sourceText, realm, hostDefined).
    match ScriptRecord::parse(&source, realm.clone(), &name, &name) {
        // 5–6. Return Completion(ScriptEvaluation(s)).
        Ok(script) => agent.script_evaluation(&script),
        // 4. If s is a List of errors, return ThrowCompletion(the first error).
        Err(error) => {
            let outer = std::mem::replace(&mut agent.realm, realm);
            let thrown = agent.syntax_error(&error.message);
            agent.realm = outer;
            Err(thrown)
        }
    }
}
