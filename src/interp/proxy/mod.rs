//! Proxy exotic objects (ECMA-262 §10.5): ProxyCreate and the thirteen
//! internal methods, each of which looks up a trap on the handler, calls
//! it, and checks the result against the target's invariants.
//!
//! The agent's internal-method dispatch (`ops/internal_methods.rs` and the
//! [[Get]]/[[Set]]/[[Call]]/[[Construct]] paths) sends proxies here; every
//! other object takes the ordinary path. Error messages are V8's.

mod access;
mod call;
mod create;
mod keys;
mod own_property;
mod prototype;

use gc::Gc;

pub use access::{proxy_delete, proxy_get, proxy_has_property, proxy_set};
pub use call::{proxy_call, proxy_construct};
pub use create::proxy_create;
pub use keys::proxy_own_property_keys;
pub use own_property::{proxy_define_own_property, proxy_get_own_property};
pub use prototype::{
    proxy_get_prototype_of, proxy_is_extensible, proxy_prevent_extensions, proxy_set_prototype_of,
};

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::object::JsObject;
use crate::interp::ops::object_ops::key_display;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

/// ValidateNonRevokedProxy ( proxy ) —
/// <https://tc39.es/ecma262/#sec-validatenonrevokedproxy>, followed by the
/// steps every internal method starts with: target, handler and the trap.
///
/// Returns `[[ProxyTarget]]`, `[[ProxyHandler]]` and GetMethod(handler, trapName).
fn proxy_trap(
    agent: &mut Agent,
    proxy: &Gc<JsObject>,
    trap_name: &str,
) -> JsResult<(Gc<JsObject>, Gc<JsObject>, Option<Value>)> {
    // 1. If proxy.[[ProxyTarget]] is null, throw a TypeError exception.
    // 2. Assert: proxy.[[ProxyHandler]] is not null.
    let Some((target, handler)) = proxy
        .proxy_data()
        .and_then(|data| data.target_and_handler())
    else {
        return agent.throw_type_error(format!(
            "Cannot perform '{trap_name}' on a proxy that has been revoked"
        ));
    };
    // Let trap be ? GetMethod(handler, trapName).
    let trap = get_trap(agent, &handler, trap_name)?;
    Ok((target, handler, trap))
}

/// GetMethod ( handler, trapName ) with V8's message for a trap that is
/// neither undefined, null nor callable.
fn get_trap(agent: &mut Agent, handler: &Gc<JsObject>, trap_name: &str) -> JsResult<Option<Value>> {
    // 1. Let func be ? GetV(V, P).
    let func = agent.get(handler, &PropertyKey::from(trap_name))?;
    // 2. If func is either undefined or null, return undefined.
    if matches!(func, Value::Undefined | Value::Null) {
        return Ok(None);
    }
    // 3. If IsCallable(func) is false, throw a TypeError exception.
    if !agent.is_callable(&func) {
        let shown = agent.to_display_string(&func);
        let holder = agent.object_label(handler);
        return agent.throw_type_error(format!(
            "'{shown}' returned for property '{trap_name}' of object '{holder}' is not a function"
        ));
    }
    // 4. Return func.
    Ok(Some(func))
}

/// Throws V8's TypeError for a broken proxy invariant:
/// `'<trap>' on proxy: <detail>`.
fn invariant_error<T>(agent: &mut Agent, trap_name: &str, detail: String) -> JsResult<T> {
    agent.throw_type_error(format!("'{trap_name}' on proxy: {detail}"))
}

/// A property key as V8's proxy messages quote it.
fn quoted(key: &PropertyKey) -> String {
    key_display(key)
}
