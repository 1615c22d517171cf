//! The essential internal methods (ECMA-262 §6.1.7.2, Table 4) as the agent
//! calls them: proxies (§10.5) run their traps, every other object takes
//! the ordinary path on `JsObject`, behind one kind check.
//!
//! [[GetOwnProperty]], [[DefineOwnProperty]], [[HasProperty]], [[Get]] and
//! [[Set]] dispatch in `object_ops.rs`, [[Call]] and [[Construct]] in
//! `call.rs`.

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::property::PropertyKey;
use crate::interp::proxy;
use crate::interp::value::Value;
use crate::module::namespace::deferred_namespace_access;

impl Agent {
    /// O.[[GetPrototypeOf]]()
    pub fn get_prototype_of(&mut self, o: &Gc<JsObject>) -> JsResult<Option<Gc<JsObject>>> {
        if o.is_proxy() {
            return proxy::proxy_get_prototype_of(self, o);
        }
        Ok(o.get_prototype_of())
    }

    /// O.[[SetPrototypeOf]](V)
    pub fn set_prototype_of(
        &mut self,
        o: &Gc<JsObject>,
        v: Option<Gc<JsObject>>,
    ) -> JsResult<bool> {
        if o.is_proxy() {
            return proxy::proxy_set_prototype_of(self, o, v);
        }
        // %Object.prototype% is an immutable prototype exotic object (§10.4.7).
        if self.is_object_prototype(o) {
            return Ok(set_immutable_prototype(o, v));
        }
        Ok(JsObject::set_prototype_of(o, v))
    }

    /// Whether `o` is the %Object.prototype% of one of the agent's realms.
    fn is_object_prototype(&self, o: &Gc<JsObject>) -> bool {
        std::iter::once(&self.realm)
            .chain(std::iter::once(&self.initial_realm))
            .chain(self.context_realms.iter())
            .any(|realm| Gc::ptr_eq(&realm.intrinsics.object_prototype, o))
    }

    /// IsExtensible ( O ) — <https://tc39.es/ecma262/#sec-isextensible-o>
    pub fn is_extensible(&mut self, o: &Gc<JsObject>) -> JsResult<bool> {
        // 1. Return ? O.[[IsExtensible]]().
        if o.is_proxy() {
            return proxy::proxy_is_extensible(self, o);
        }
        Ok(o.is_extensible())
    }

    /// O.[[PreventExtensions]]()
    pub fn prevent_extensions(&mut self, o: &Gc<JsObject>) -> JsResult<bool> {
        if o.is_proxy() {
            return proxy::proxy_prevent_extensions(self, o);
        }
        Ok(o.prevent_extensions())
    }

    /// O.[[Delete]](P)
    pub fn delete(&mut self, o: &Gc<JsObject>, key: &PropertyKey) -> JsResult<bool> {
        match &o.kind {
            ObjectKind::Proxy(_) => return proxy::proxy_delete(self, o, key),
            ObjectKind::Other(data) if data.is_deferred_namespace() => {
                deferred_namespace_access(self, o, Some(key), "[[Delete]]")?;
            }
            _ => {}
        }
        Ok(o.delete(key))
    }

    /// O.[[OwnPropertyKeys]]()
    pub fn own_property_keys(&mut self, o: &Gc<JsObject>) -> JsResult<Vec<PropertyKey>> {
        match &o.kind {
            ObjectKind::Proxy(_) => return proxy::proxy_own_property_keys(self, o),
            ObjectKind::Other(data) if data.is_deferred_namespace() => {
                deferred_namespace_access(self, o, None, "[[OwnPropertyKeys]]")?;
            }
            _ => {}
        }
        Ok(o.own_property_keys())
    }

    /// IsArray ( argument ) — <https://tc39.es/ecma262/#sec-isarray>
    pub fn is_array(&mut self, argument: &Value) -> JsResult<bool> {
        self.is_array_in(argument, "IsArray")
    }

    /// IsArray for the built-in `operation`, which V8 names when the
    /// argument is a revoked proxy.
    pub fn is_array_in(&mut self, argument: &Value, operation: &str) -> JsResult<bool> {
        // 1. If argument is not an Object, return false.
        let Value::Object(o) = argument else {
            return Ok(false);
        };
        let mut o = o.clone();
        loop {
            match &o.kind {
                // 2. If argument is an Array exotic object, return true.
                ObjectKind::Array(_) => return Ok(true),
                // 3. If argument is a Proxy exotic object, then
                ObjectKind::Proxy(data) => {
                    // a. Perform ? ValidateNonRevokedProxy(argument).
                    let Some(target) = data.target() else {
                        return self.throw_type_error(format!(
                            "Cannot perform '{operation}' on a proxy that has been revoked"
                        ));
                    };
                    // b. Let proxyTarget be argument.[[ProxyTarget]].
                    // c. Return ? IsArray(proxyTarget).
                    // Deviation: a loop rather than recursion, so long
                    // chains of proxies cannot overflow the Rust stack.
                    o = target;
                }
                // 4. Return false.
                _ => return Ok(false),
            }
        }
    }
}

/// SetImmutablePrototype ( O, V ) — <https://tc39.es/ecma262/#sec-set-immutable-prototype>
fn set_immutable_prototype(o: &Gc<JsObject>, v: Option<Gc<JsObject>>) -> bool {
    // 1. Let current be ? O.[[GetPrototypeOf]]().
    let current = o.get_prototype_of();
    // 2. If SameValue(V, current) is true, return true.
    // 3. Return false.
    match (&v, &current) {
        (None, None) => true,
        (Some(a), Some(b)) => Gc::ptr_eq(a, b),
        _ => false,
    }
}
