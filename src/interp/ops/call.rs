//! Calling and constructing (ECMA-262 §7.3.13 Call, §7.3.14 Construct and
//! the [[Call]]/[[Construct]] of built-in and bound functions) and the
//! operations around constructors.

use std::rc::Rc;

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::builtins::map_set::labels::{callback_label, quoted_value};
use crate::interp::completion::JsResult;
use crate::interp::eval;
use crate::interp::function::{CallArgs, Callable, Closure, ConstructorKind, NativeFunction};
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::property::PropertyKey;
use crate::interp::proxy;
use crate::interp::realm::Realm;
use crate::interp::source::SourceText;
use crate::interp::value::Value;
use crate::syntax::ast::PropertyCache;

impl Agent {
    /// A built-in function's [[Realm]] when it is not the current realm.
    fn other_native_realm(&self, native: &NativeFunction) -> Option<Rc<Realm>> {
        if std::ptr::eq(native.realm.as_ptr(), Rc::as_ptr(&self.realm)) {
            return None;
        }
        native.realm.upgrade()
    }

    /// An ECMAScript function's [[Realm]] when it is not the current realm.
    fn other_closure_realm(&self, closure: &Closure) -> Option<Rc<Realm>> {
        if closure.source.belongs_to(&self.realm, &self.initial_realm) {
            return None;
        }
        Some(
            closure
                .source
                .realm()
                .unwrap_or_else(|| self.initial_realm.clone()),
        )
    }

    /// Runs `work` with `realm` as the current realm (a callee execution
    /// context whose Realm is not the caller's), then restores the caller's.
    pub(crate) fn in_realm<T>(
        &mut self,
        realm: Rc<Realm>,
        work: impl FnOnce(&mut Agent) -> T,
    ) -> T {
        let outer = std::mem::replace(&mut self.realm, realm);
        let result = work(self);
        self.realm = outer;
        result
    }

    /// Records the current realm as the realm of code from `source` (eval
    /// code, a dynamic function, a script) when it is not the initial realm,
    /// so the functions it creates run in that realm when called.
    pub fn mark_source_realm(&self, source: &SourceText) {
        if !Rc::ptr_eq(&self.realm, &self.initial_realm) {
            source.set_realm(&self.realm);
        }
    }

    /// GetFunctionRealm ( obj ) — <https://tc39.es/ecma262/#sec-getfunctionrealm>
    pub fn get_function_realm(&mut self, obj: &Gc<JsObject>) -> JsResult<Rc<Realm>> {
        match &obj.kind {
            ObjectKind::Function(data) => match &data.callable {
                // 1. If obj has a [[Realm]] internal slot, return obj.[[Realm]].
                Callable::Native(native) => {
                    Ok(native.realm.upgrade().unwrap_or_else(|| self.realm.clone()))
                }
                Callable::Closure(closure) => Ok(closure
                    .source
                    .realm()
                    .unwrap_or_else(|| self.initial_realm.clone())),
                // 2. If obj is a bound function exotic object, then
                //    a. Let boundTargetFunction be obj.[[BoundTargetFunction]].
                //    b. Return ? GetFunctionRealm(boundTargetFunction).
                Callable::Bound(bound) => {
                    let target = bound.target.clone();
                    self.get_function_realm(&target)
                }
            },
            // 3. If obj is a Proxy exotic object, then
            ObjectKind::Proxy(data) => match data.target() {
                // a. Perform ? ValidateNonRevokedProxy(obj).
                None => self.throw_type_error(
                    "Cannot perform 'GetFunctionRealm' on a proxy that has been revoked",
                ),
                // b. Let proxyTarget be obj.[[ProxyTarget]].
                // c. Return ? GetFunctionRealm(proxyTarget).
                Some(target) => self.get_function_realm(&target),
            },
            // 4. Return the current Realm Record.
            _ => Ok(self.realm.clone()),
        }
    }

    /// Call ( F, V [ , argumentsList ] ) — <https://tc39.es/ecma262/#sec-call>
    pub fn call(&mut self, f: &Value, this: &Value, args: &[Value]) -> JsResult<Value> {
        // 2. If IsCallable(F) is false, throw a TypeError exception.
        let Value::Object(fo) = f else {
            let shown = self.to_display_string(f);
            return self.throw_type_error(format!("{shown} is not a function"));
        };
        self.call_object(fo, this, args)
    }

    /// F.[[Call]](thisArgument, argumentsList) for a function object.
    pub fn call_object(
        &mut self,
        f: &Gc<JsObject>,
        this: &Value,
        args: &[Value],
    ) -> JsResult<Value> {
        let data = match &f.kind {
            ObjectKind::Function(data) => data,
            ObjectKind::Proxy(p) if p.callable => {
                self.enter_call()?;
                let result = proxy::proxy_call(self, f, this, args);
                self.leave_call();
                return result;
            }
            _ => return self.throw_type_error("object is not a function"),
        };
        self.enter_call()?;
        let result = match &data.callable {
            Callable::Native(native) => {
                let call = native.call;
                let call_args = CallArgs {
                    callee: f,
                    this,
                    args,
                    new_target: None,
                };
                // The callee context's Realm is F.[[Realm]] (§10.3.1 step 6).
                match self.other_native_realm(native) {
                    Some(realm) => self.in_realm(realm, |agent| call(agent, &call_args)),
                    None => call(self, &call_args),
                }
            }
            Callable::Closure(closure) => match self.other_closure_realm(closure) {
                Some(realm) => {
                    self.in_realm(realm, |agent| eval::call_closure(agent, f, this, args))
                }
                None => eval::call_closure(self, f, this, args),
            },
            // BoundFunctionExoticObject [[Call]]: target with the bound this
            // and the bound arguments followed by the new ones.
            Callable::Bound(bound) => {
                let mut all = bound.args.to_vec();
                all.extend_from_slice(args);
                let target = bound.target.clone();
                let bound_this = bound.this.clone();
                self.call_object(&target, &bound_this, &all)
            }
        };
        self.leave_call();
        result
    }

    /// Construct ( F [ , argumentsList [ , newTarget ] ] ) — <https://tc39.es/ecma262/#sec-construct>
    pub fn construct(
        &mut self,
        f: &Gc<JsObject>,
        args: &[Value],
        new_target: Option<&Gc<JsObject>>,
    ) -> JsResult<Value> {
        // 1. If newTarget is not present, set newTarget to F.
        let new_target = new_target.unwrap_or(f).clone();
        let data = match &f.kind {
            ObjectKind::Function(data) => data,
            ObjectKind::Proxy(p) if p.constructor => {
                self.enter_call()?;
                let result = proxy::proxy_construct(self, f, args, &new_target);
                self.leave_call();
                return result;
            }
            _ => return self.throw_type_error("object is not a constructor"),
        };
        self.enter_call()?;
        let result = match &data.callable {
            Callable::Native(native) => {
                let call = native.call;
                let call_args = CallArgs {
                    callee: f,
                    this: &Value::Undefined,
                    args,
                    new_target: Some(&new_target),
                };
                match self.other_native_realm(native) {
                    Some(realm) => self.in_realm(realm, |agent| call(agent, &call_args)),
                    None => call(self, &call_args),
                }
            }
            Callable::Closure(closure) => match self.other_closure_realm(closure) {
                Some(realm) => {
                    let caller = Some(self.realm.clone());
                    self.in_realm(realm, |agent| {
                        eval::construct_closure(agent, f, args, &new_target, caller)
                    })
                }
                None => eval::construct_closure(self, f, args, &new_target, None),
            },
            // BoundFunctionExoticObject [[Construct]]: 5. If SameValue(F,
            // newTarget) is true, set newTarget to target.
            Callable::Bound(bound) => {
                let mut all = bound.args.to_vec();
                all.extend_from_slice(args);
                let target = bound.target.clone();
                let nt = if Gc::ptr_eq(f, &new_target) {
                    target.clone()
                } else {
                    new_target.clone()
                };
                self.construct(&target, &all, Some(&nt))
            }
        };
        self.leave_call();
        result
    }

    /// Counts a level of recursion that runs no JavaScript function but can
    /// nest as deeply as the data (flattening, joining): the same limit as calls.
    pub fn enter_native_recursion(&mut self) -> JsResult<()> {
        self.enter_call()
    }

    pub fn leave_native_recursion(&mut self) {
        self.leave_call()
    }

    pub(crate) fn enter_call(&mut self) -> JsResult<()> {
        self.poll_interrupt()?;
        self.call_depth += 1;
        if self.call_depth > self.max_call_depth || crate::interp::stack_guard::stack_is_low() {
            self.call_depth -= 1;
            return Err(self.stack_overflow());
        }
        Ok(())
    }

    pub(crate) fn leave_call(&mut self) {
        self.call_depth -= 1;
    }

    /// OrdinaryHasInstance ( C, O ) — <https://tc39.es/ecma262/#sec-ordinaryhasinstance>
    pub fn ordinary_has_instance(&mut self, c: &Value, o: &Value) -> JsResult<bool> {
        // 1. If IsCallable(C) is false, return false.
        let Value::Object(c) = c else {
            return Ok(false);
        };
        if !c.is_callable() {
            return Ok(false);
        }
        // 2. If C has a [[BoundTargetFunction]] internal slot, then
        if let ObjectKind::Function(data) = &c.kind {
            if let Callable::Bound(bound) = &data.callable {
                // a. Let BC be C.[[BoundTargetFunction]].
                // b. Return ? InstanceofOperator(O, BC).
                let bc = Value::Object(bound.target.clone());
                return self.instance_of(o, &bc);
            }
        }
        // 3. If O is not an Object, return false.
        let Value::Object(o) = o else {
            return Ok(false);
        };
        // 4. Let P be ? Get(C, "prototype").
        let p = self.get_prototype_property(c)?;
        // 5. If P is not an Object, throw a TypeError exception.
        let Value::Object(p) = p else {
            return self.throw_type_error(format!(
                "Function has non-object prototype '{}' in instanceof check",
                quoted_value(&p)
            ));
        };
        // 6. Repeat,
        let mut o = self.get_prototype_of(o)?;
        // a. Set O to ? O.[[GetPrototypeOf]]().
        // b. If O is null, return false.
        while let Some(obj) = o {
            // c. If SameValue(P, O) is true, return true.
            if Gc::ptr_eq(&obj, &p) {
                return Ok(true);
            }
            o = self.get_prototype_of(&obj)?;
        }
        Ok(false)
    }

    /// InstanceofOperator ( V, target ) — <https://tc39.es/ecma262/#sec-instanceofoperator>
    pub fn instance_of(&mut self, v: &Value, target: &Value) -> JsResult<bool> {
        // 1. If target is not an Object, throw a TypeError exception.
        if !matches!(target, Value::Object(_)) {
            return self.throw_type_error("Right-hand side of 'instanceof' is not an object");
        }
        // 2. Let instOfHandler be ? GetMethod(target, @@hasInstance).
        //    Functions mostly share a few shapes and inherit the same
        //    handler, so an inline cache finds it.
        let handler = match self.cached_has_instance(target) {
            Some(handler) => Some(handler),
            None => {
                let key = PropertyKey::Symbol(self.symbols.has_instance.clone());
                // GetMethod, with V8's message for a handler that is not callable.
                let func = self.get_v(target, &key)?;
                if let Value::Object(target) = target {
                    HAS_INSTANCE_CACHE.with(|cache| target.fill_property_cache(&key, cache));
                }
                match func {
                    Value::Undefined | Value::Null => None,
                    f if super::conversion::is_callable(&f) => Some(f),
                    other => {
                        return self.throw_type_error(format!(
                            "{} is not a function",
                            callback_label(&other)
                        ));
                    }
                }
            }
        };
        // 3. If instOfHandler is not undefined, then
        if let Some(handler) = handler {
            // %Function.prototype[@@hasInstance]% returns
            // OrdinaryHasInstance(F, V) for its this value F: done here
            // without the call frame, which nothing can observe.
            let builtin = self.intrinsics().function_has_instance.get();
            if matches!((&handler, builtin), (Value::Object(h), Some(b)) if Gc::ptr_eq(h, b)) {
                return self.ordinary_has_instance(target, v);
            }
            // a. Return ToBoolean(? Call(instOfHandler, target, « V »)).
            let r = self.call(&handler, target, std::slice::from_ref(v))?;
            return Ok(super::conversion::to_boolean(&r));
        }
        // 4. If IsCallable(target) is false, throw a TypeError exception.
        if !super::conversion::is_callable(target) {
            return self.throw_type_error("Right-hand side of 'instanceof' is not callable");
        }
        // 5. Return ? OrdinaryHasInstance(target, V).
        self.ordinary_has_instance(target, v)
    }

    /// GetMethod(target, @@hasInstance) answered by the inline cache: the
    /// callable a data property holds, or None when the cache cannot say
    /// (or the value is not callable, for GetMethod to report).
    fn cached_has_instance(&self, target: &Value) -> Option<Value> {
        let Value::Object(target) = target else {
            return None;
        };
        let found = HAS_INSTANCE_CACHE.with(|cache| target.cached_data(cache))?;
        super::conversion::is_callable(&found).then_some(found)
    }

    /// Get(C, "prototype") for a constructor, through the inline cache
    /// constructors share.
    fn get_prototype_property(&mut self, c: &Gc<JsObject>) -> JsResult<Value> {
        if let Some(proto) = PROTOTYPE_CACHE.with(|cache| c.cached_data(cache)) {
            return Ok(proto);
        }
        let key = PropertyKey::from("prototype");
        let proto = self.get(c, &key)?;
        PROTOTYPE_CACHE.with(|cache| c.fill_property_cache(&key, cache));
        Ok(proto)
    }

    /// GetPrototypeFromConstructor ( constructor, intrinsicDefaultProto ) —
    /// <https://tc39.es/ecma262/#sec-getprototypefromconstructor>
    pub fn get_prototype_from_constructor(
        &mut self,
        constructor: &Gc<JsObject>,
        default: Gc<JsObject>,
    ) -> JsResult<Gc<JsObject>> {
        // 2. Let proto be ? Get(constructor, "prototype"). Constructors
        //    mostly share one shape, so one inline cache serves them all.
        let proto = self.get_prototype_property(constructor)?;
        // 3. If proto is not an Object, then
        match proto {
            Value::Object(p) => Ok(p),
            _ => {
                // a. Let realm be ? GetFunctionRealm(constructor).
                let realm = self.get_function_realm(constructor)?;
                // b. Set proto to realm's intrinsic object named intrinsicDefaultProto.
                if Rc::ptr_eq(&realm, &self.realm) {
                    return Ok(default);
                }
                Ok(self
                    .realm
                    .intrinsics
                    .same_intrinsic_in(&realm.intrinsics, &default)
                    .unwrap_or(default))
            }
        }
    }

    /// OrdinaryCreateFromConstructor ( constructor, intrinsicDefaultProto ) —
    /// <https://tc39.es/ecma262/#sec-ordinarycreatefromconstructor>
    pub fn ordinary_create_from_constructor(
        &mut self,
        constructor: &Gc<JsObject>,
        default: Gc<JsObject>,
        kind: ObjectKind,
    ) -> JsResult<Gc<JsObject>> {
        self.ordinary_create_with_room(constructor, default, kind, 0)
    }

    /// OrdinaryCreateFromConstructor with room for `room` own properties
    /// (a constructor's expected instance size).
    pub(crate) fn ordinary_create_with_room(
        &mut self,
        constructor: &Gc<JsObject>,
        default: Gc<JsObject>,
        kind: ObjectKind,
        room: usize,
    ) -> JsResult<Gc<JsObject>> {
        // 2. Let proto be ? GetPrototypeFromConstructor(constructor, intrinsicDefaultProto).
        let proto = self.get_prototype_from_constructor(constructor, default)?;
        // 4. Return OrdinaryObjectCreate(proto, internalSlotsList).
        Ok(JsObject::with_kind_and_room(Some(proto), kind, room))
    }

    /// SpeciesConstructor ( O, defaultConstructor ) — <https://tc39.es/ecma262/#sec-speciesconstructor>
    pub fn species_constructor(
        &mut self,
        o: &Gc<JsObject>,
        default: Gc<JsObject>,
    ) -> JsResult<Gc<JsObject>> {
        // 1. Let C be ? Get(O, "constructor").
        let c = self.get(o, &PropertyKey::from("constructor"))?;
        // 2. If C is undefined, return defaultConstructor.
        let c = match c {
            Value::Undefined => return Ok(default),
            // 3. If C is not an Object, throw a TypeError exception.
            Value::Object(c) => c,
            _ => return self.throw_type_error("object.constructor is not an object"),
        };
        // 4. Let S be ? Get(C, @@species).
        let s = self.get(&c, &PropertyKey::Symbol(self.symbols.species.clone()))?;
        match s {
            // 5. If S is either undefined or null, return defaultConstructor.
            Value::Undefined | Value::Null => Ok(default),
            // 6. If IsConstructor(S) is true, return S.
            Value::Object(s) if is_constructor(&s) => Ok(s),
            // 7. Throw a TypeError exception.
            _ => self.throw_type_error("object.constructor[Symbol.species] is not a constructor"),
        }
    }
}

/// IsConstructor ( argument ) — <https://tc39.es/ecma262/#sec-isconstructor>
pub fn is_constructor(o: &Gc<JsObject>) -> bool {
    let data = match &o.kind {
        ObjectKind::Function(data) => data,
        // A proxy has [[Construct]] when ProxyCreate found one on its target.
        ObjectKind::Proxy(p) => return p.constructor,
        _ => return false,
    };
    match &data.callable {
        Callable::Native(n) => n.is_constructor,
        Callable::Closure(c) => c.constructor_kind != ConstructorKind::None,
        Callable::Bound(b) => is_constructor(&b.target),
    }
}

/// IsConstructor for any value.
pub fn is_constructor_value(v: &Value) -> bool {
    matches!(v, Value::Object(o) if is_constructor(o))
}

thread_local! {
    /// The inline cache for constructors' `prototype`
    /// (GetPrototypeFromConstructor, OrdinaryHasInstance).
    static PROTOTYPE_CACHE: PropertyCache = PropertyCache::default();
    /// InstanceofOperator's inline cache for @@hasInstance.
    static HAS_INSTANCE_CACHE: PropertyCache = PropertyCache::default();
}
