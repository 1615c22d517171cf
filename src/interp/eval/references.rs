//! Member accesses, calls and `new` (ECMA-262 §13.3): References and
//! their GetValue/PutValue, optional chains, argument lists and `super`.

use gc::Gc;

use super::dynamic::DynamicBinding;
use super::frame::Frame;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::Callable;
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::ops::call::is_constructor;
use crate::interp::ops::object_ops::key_display;
use crate::interp::property::{Property, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::syntax::ast::{Expr, ExprKind, ExprOrSpread, Ident, MemberProp};
use crate::syntax::scope::{BindingRef, Implicit, SuperCallRefs};

/// A Reference Record, as far as strict module code needs one.
pub(crate) enum Reference<'a> {
    Binding(&'a Ident),
    /// An identifier looked up by name (`with`, direct eval), resolved
    /// once when the reference is evaluated.
    Dynamic(&'a Ident, DynamicBinding),
    Property {
        base: Value,
        key: PropertyKey,
    },
    /// `o.#x`: the private name travels as its private symbol.
    Private {
        base: Value,
        key: PropertyKey,
        name: &'a str,
    },
    /// `super.x`: looked up on the home object's prototype with `this` as receiver.
    Super {
        home_proto: Option<Gc<JsObject>>,
        key: PropertyKey,
        this: Value,
    },
}

/// An evaluated argument list; calls with up to four arguments allocate nothing.
pub(crate) type ArgList = smallvec::SmallVec<[Value; 4]>;
impl Agent {
    /// Evaluates an assignment or update target to a Reference.
    pub(crate) fn eval_reference<'a>(
        &mut self,
        f: &mut Frame,
        e: &'a Expr,
    ) -> JsResult<Reference<'a>> {
        match &e.kind {
            ExprKind::Ident(id) => self.ident_reference(f, id),
            ExprKind::Paren(inner) => self.eval_reference(f, inner),
            ExprKind::Member { object, prop, .. } => {
                let base = self.eval_expr(f, object)?;
                self.member_reference(f, base, prop)
            }
            ExprKind::SuperMember { prop, refs } => self.super_reference(f, prop, refs.get()),
            _ => {
                // `f() = 1` parses (as in V8) but fails when evaluated.
                self.eval_expr(f, e)?;
                self.set_position(e.span.start);
                Err(self.reference_error("Invalid left-hand side in assignment"))
            }
        }
    }

    /// ResolveBinding for an identifier: by name now when it is dynamic.
    pub(crate) fn ident_reference<'a>(
        &mut self,
        f: &Frame,
        id: &'a Ident,
    ) -> JsResult<Reference<'a>> {
        if id.binding.get() == BindingRef::Dynamic(Implicit::Name) {
            let binding = self.resolve_binding_by_name(f, &id.name)?;
            return Ok(Reference::Dynamic(id, binding));
        }
        Ok(Reference::Binding(id))
    }

    /// The Reference of `base.prop` / `base[prop]` / `base.#prop`.
    fn member_reference<'a>(
        &mut self,
        f: &mut Frame,
        base: Value,
        prop: &'a MemberProp,
    ) -> JsResult<Reference<'a>> {
        Ok(match prop {
            MemberProp::Ident(id) => Reference::Property {
                base,
                key: PropertyKey::from_string(JsStr::from_units(id.units())),
            },
            MemberProp::Computed(expr) => {
                let k = self.eval_expr(f, expr)?;
                // The base is checked before ToPropertyKey (V8's order).
                if matches!(base, Value::Undefined | Value::Null) {
                    let shown = self.to_display_string(&k);
                    let what = self.to_display_string(&base);
                    return self.throw_type_error(format!(
                        "Cannot read properties of {what} (reading '{shown}')"
                    ));
                }
                let key = self.to_property_key(&k)?;
                Reference::Property { base, key }
            }
            MemberProp::Private(id) => Reference::Private {
                base,
                key: self.private_key(f, id)?,
                name: &id.name,
            },
        })
    }

    fn super_reference<'a>(
        &mut self,
        f: &mut Frame,
        prop: &'a MemberProp,
        refs: SuperCallRefs,
    ) -> JsResult<Reference<'a>> {
        // 1. Let env be GetThisEnvironment(); 2. Let actualThis be ? env.GetThisBinding().
        let this = self.eval_this(f, refs.this, 0)?;
        let key = match prop {
            MemberProp::Ident(id) => PropertyKey::from_string(JsStr::from_units(id.units())),
            MemberProp::Computed(expr) => {
                let k = self.eval_expr(f, expr)?;
                self.to_property_key(&k)?
            }
            MemberProp::Private(_) => return Err(self.syntax_error("Unexpected private name")),
        };
        // MakeSuperPropertyReference: baseValue is env.GetSuperBase(), the
        // [[HomeObject]]'s prototype.
        let function = self.read_binding(f, refs.function)?;
        let home = match function {
            Some(Value::Object(func)) => home_object_of(&func),
            _ => None,
        };
        let home_proto = home.and_then(|h| h.get_prototype_of());
        Ok(Reference::Super {
            home_proto,
            key,
            this,
        })
    }

    /// The private symbol a private name (`#x`) resolves to.
    pub(crate) fn private_key(&mut self, f: &Frame, id: &Ident) -> JsResult<PropertyKey> {
        match self.read_binding(f, id.binding.get())? {
            Some(Value::Symbol(s)) => Ok(PropertyKey::Symbol(s)),
            _ => self.throw_type_error(format!(
                "Private field '{}' must be declared in an enclosing class",
                id.name
            )),
        }
    }

    /// GetValue ( V ) — <https://tc39.es/ecma262/#sec-getvalue>
    pub(crate) fn get_reference_value(&mut self, f: &Frame, r: &Reference) -> JsResult<Value> {
        match r {
            Reference::Binding(id) => self.read_ident(f, id),
            Reference::Dynamic(id, binding) => {
                Ok(self.get_dynamic_value(f, id, binding.clone())?.0)
            }
            Reference::Property { base, key } => self.get_v(base, key),
            Reference::Private { base, key, name } => self.private_get(base, key, name),
            Reference::Super {
                home_proto,
                key,
                this,
            } => match home_proto {
                Some(proto) => self.get_with_receiver(proto, key, this),
                None => Ok(Value::Undefined),
            },
        }
    }

    /// PutValue ( V, W ) — <https://tc39.es/ecma262/#sec-putvalue>
    pub(crate) fn put_reference_value(
        &mut self,
        f: &mut Frame,
        r: &Reference,
        v: Value,
    ) -> JsResult<()> {
        match r {
            Reference::Binding(id) => self.assign_ident(f, id, v),
            Reference::Dynamic(id, binding) => self.put_dynamic_value(f, id, binding.clone(), v),
            Reference::Property { base, key } => match base {
                Value::Object(o) => {
                    // 5.b–c. succeeded = ? baseObj.[[Set]](…); if it is false
                    //        and V.[[Strict]] is true, throw a TypeError.
                    if !self.set_property(o, key, v)? && f.strict {
                        if o.is_proxy() {
                            return self.throw_proxy_falsish("set", Some(key));
                        }
                        let shown = key_display(key);
                        // V8 words a failed add apart from a refused write.
                        if !o.is_extensible() && !has_property_on_chain(o, key) {
                            return self.throw_type_error(format!(
                                "Cannot add property {shown}, object is not extensible"
                            ));
                        }
                        let label = self.object_label(o);
                        return self.throw_type_error(format!(
                            "Cannot assign to read only property '{shown}' of object '{label}'"
                        ));
                    }
                    Ok(())
                }
                Value::Undefined | Value::Null => {
                    let shown = key_display(key);
                    let what = self.to_display_string(base);
                    self.throw_type_error(format!(
                        "Cannot set properties of {what} (setting '{shown}')"
                    ))
                }
                primitive => {
                    // 3.b–d. Let baseObj be ! ToObject(V.[[Base]]); succeeded =
                    //        baseObj.[[Set]](name, W, GetThisValue(V)); strict: throw.
                    let obj = self.to_object(primitive)?;
                    if !self.set_with_receiver(&obj, key, v, primitive)? && f.strict {
                        let shown = key_display(key);
                        let what = self.to_display_string(primitive);
                        let kind = self.type_of(primitive);
                        return self.throw_type_error(format!(
                            "Cannot create property '{shown}' on {kind} '{what}'"
                        ));
                    }
                    Ok(())
                }
            },
            Reference::Private { base, key, name } => self.private_set(base, key, name, v),
            Reference::Super {
                home_proto,
                key,
                this,
            } => {
                let Some(proto) = home_proto else {
                    return self.throw_type_error("Cannot set properties of super");
                };
                if !self.set_with_receiver(proto, key, v, this)? && f.strict {
                    let shown = key_display(key);
                    return self.throw_type_error(format!(
                        "Cannot assign to read only property '{shown}' of object"
                    ));
                }
                Ok(())
            }
        }
    }

    /// PrivateGet ( O, P ) — <https://tc39.es/ecma262/#sec-privateget>
    fn private_get(&mut self, base: &Value, key: &PropertyKey, name: &str) -> JsResult<Value> {
        let found = match base {
            Value::Object(o) => o.get_own_property(key),
            _ => None,
        };
        match found {
            // 2. If entry is empty, throw a TypeError exception.
            None => self.throw_type_error(format!(
                "Cannot read private member {name} from an object whose class did not declare it"
            )),
            // 3. If entry.[[Kind]] is field or method, return entry.[[Value]].
            Some(Property::Data { value, .. }) => Ok(value),
            // 5–7. Accessor: call the getter, or throw without one.
            Some(Property::Accessor(a)) => match a.get {
                Some(g) => self.call_object(&g, base, &[]),
                None => self.throw_type_error(format!("'{name}' was defined without a getter")),
            },
        }
    }

    /// PrivateSet ( O, P, value ) — <https://tc39.es/ecma262/#sec-privateset>
    fn private_set(
        &mut self,
        base: &Value,
        key: &PropertyKey,
        name: &str,
        v: Value,
    ) -> JsResult<()> {
        let Value::Object(o) = base else {
            return self.throw_type_error(format!(
                "Cannot write private member {name} to an object whose class did not declare it"
            ));
        };
        match o.get_own_property(key) {
            None => self.throw_type_error(format!(
                "Cannot write private member {name} to an object whose class did not declare it"
            )),
            // 3. If entry.[[Kind]] is field, set entry.[[Value]] to value.
            Some(Property::Data { attrs, .. }) if attrs.writable => {
                o.private_set_value(key.clone(), v);
                Ok(())
            }
            // 4. Else if method, throw a TypeError exception.
            Some(Property::Data { .. }) => self.throw_type_error("Private method is not writable"),
            Some(Property::Accessor(a)) => match a.set {
                Some(s) => {
                    self.call_object(&s, base, &[v])?;
                    Ok(())
                }
                None => self.throw_type_error(format!("'{name}' was defined without a setter")),
            },
        }
    }

    /// Evaluates a member/call chain. `None` when an optional link (`?.`)
    /// short-circuited; otherwise the value and the `this` a call on it
    /// would use (the base of a member access, else undefined).
    pub(crate) fn eval_chain(
        &mut self,
        f: &mut Frame,
        e: &Expr,
    ) -> JsResult<Option<(Value, Value)>> {
        match &e.kind {
            ExprKind::Member {
                object,
                prop,
                optional,
            } => {
                let base = match frame_slot_value(f, object) {
                    Some(v) => v.clone(),
                    None => match self.eval_chain(f, object)? {
                        Some((base, _)) => base,
                        None => return Ok(None),
                    },
                };
                if *optional && matches!(base, Value::Undefined | Value::Null) {
                    return Ok(None);
                }
                let v = self.member_get(f, &base, prop)?;
                // The call's thisValue is the base (EvaluateCall step 1.a).
                let this = base;
                Ok(Some((v, this)))
            }
            ExprKind::SuperMember { prop, refs } => {
                let reference = self.super_reference(f, prop, refs.get())?;
                let v = self.get_reference_value(f, &reference)?;
                let Reference::Super { this, .. } = reference else {
                    unreachable!("super_reference makes Super references")
                };
                Ok(Some((v, this)))
            }
            ExprKind::Call {
                callee,
                args,
                optional,
            } => {
                let Some((func, this)) = self.eval_chain(f, callee)? else {
                    return Ok(None);
                };
                if *optional && matches!(func, Value::Undefined | Value::Null) {
                    return Ok(None);
                }
                let args = self.eval_args(f, args)?;
                let this = if is_member_like(callee) || is_dynamic_ident(callee) {
                    this
                } else {
                    Value::Undefined
                };
                self.set_position(call_position(callee));
                let Value::Object(fo) = &func else {
                    return Err(self.not_a_function(f, callee));
                };
                if !fo.is_callable() {
                    return Err(self.not_a_function(f, callee));
                }
                // 6. If ref is a Reference Record, IsPropertyReference(ref) is
                //    false, and ref.[[ReferencedName]] is "eval", then
                //    a. If SameValue(func, %eval%) is true, then
                if !*optional && is_eval_ident(callee) && self.is_intrinsic_eval(fo) {
                    // i. Let argList be ? ArgumentListEvaluation of arguments.
                    // ii. If argList has no elements, return undefined.
                    // iii. Let evalArg be the first element of argList.
                    // iv. If IsStrict(this CallExpression) is true, let
                    //     strictCaller be true; otherwise false.
                    // v. Return ? PerformEval(evalArg, strictCaller, true).
                    let Some(eval_arg) = args.first().cloned() else {
                        return Ok(Some((Value::Undefined, Value::Undefined)));
                    };
                    let strict_caller = f.strict;
                    let caller = super::eval_code::DirectCaller { frame: f };
                    let result = self.perform_eval(eval_arg, strict_caller, Some(caller))?;
                    return Ok(Some((result, Value::Undefined)));
                }
                let result = self.call_object(fo, &this, &args)?;
                Ok(Some((result, Value::Undefined)))
            }
            ExprKind::Paren(inner) if is_member_like(inner) || is_dynamic_ident(inner) => {
                self.eval_chain(f, inner)
            }
            // An identifier a `with` object may hold: the call's `this` is
            // the object (EvaluateCall step 1.b, WithBaseObject).
            ExprKind::Ident(id) if id.binding.get() == BindingRef::Dynamic(Implicit::Name) => {
                Ok(Some(self.read_dynamic(f, id)?))
            }
            ExprKind::OptionalChain(inner) => match self.eval_chain(f, inner)? {
                Some(r) => Ok(Some(r)),
                None => Ok(Some((Value::Undefined, Value::Undefined))),
            },
            _ => {
                let v = self.eval_expr(f, e)?;
                Ok(Some((v, Value::Undefined)))
            }
        }
    }

    /// The Reference at the end of an optional chain (for `delete a?.b`).
    pub(crate) fn eval_chain_reference<'a>(
        &mut self,
        f: &mut Frame,
        e: &'a Expr,
    ) -> JsResult<Option<Reference<'a>>> {
        match &e.kind {
            ExprKind::Member {
                object,
                prop,
                optional,
            } => {
                let Some((base, _)) = self.eval_chain(f, object)? else {
                    return Ok(None);
                };
                if *optional && matches!(base, Value::Undefined | Value::Null) {
                    return Ok(None);
                }
                Ok(Some(self.member_reference(f, base, prop)?))
            }
            _ => Ok(Some(self.eval_reference(f, e)?)),
        }
    }

    /// `TypeError: <callee> is not a function`, as V8 words it.
    fn not_a_function(&mut self, _f: &Frame, callee: &Expr) -> crate::interp::completion::Throw {
        let text = callee_text(callee);
        self.type_error(format!("{text} is not a function"))
    }

    /// The value of `base.prop` / `base[prop]`: EvaluatePropertyAccessWith…
    /// then GetValue, through the name's inline cache on objects.
    fn member_get(&mut self, f: &mut Frame, base: &Value, prop: &MemberProp) -> JsResult<Value> {
        match (base, prop) {
            // Fast path: `a[i]` and `o[k]` on objects.
            (Value::Object(o), MemberProp::Computed(k)) => {
                let kv = self.eval_expr(f, k)?;
                if let Value::Number(n) = kv {
                    if (0.0..4294967295.0).contains(&n) && n.fract() == 0.0 {
                        return self.get(o, &PropertyKey::Index(n as u32));
                    }
                }
                let key = self.to_property_key(&kv)?;
                self.get(o, &key)
            }
            // Fast path: `o.name` on objects, through the name's inline cache.
            (Value::Object(o), MemberProp::Ident(id)) => {
                if let Some(v) = o.cached_data(id.property_cache()) {
                    return Ok(v);
                }
                let key = PropertyKey::from_string(JsStr::from_units(id.units()));
                let v = self.get(o, &key)?;
                o.fill_property_cache(&key, id.property_cache());
                Ok(v)
            }
            _ => {
                if matches!(base, Value::Undefined | Value::Null) {
                    if let MemberProp::Ident(id) = prop {
                        self.set_position(id.span.start);
                    }
                }
                let reference = self.member_reference(f, base.clone(), prop)?;
                self.get_reference_value(f, &reference)
            }
        }
    }

    /// A member expression that is not a link of an optional chain (those
    /// are evaluated by `eval_chain`, under their `OptionalChain`), so its
    /// object is evaluated as an ordinary expression.
    pub(crate) fn eval_member(
        &mut self,
        f: &mut Frame,
        object: &Expr,
        prop: &MemberProp,
    ) -> JsResult<Value> {
        // `this.name` or `local.name` answered by the name's inline cache,
        // reading the object where the frame holds it.
        if let Some(base) = frame_slot_value(f, object) {
            if let (Value::Object(o), MemberProp::Ident(id)) = (base, prop) {
                if let Some(v) = o.cached_data(id.property_cache()) {
                    return Ok(v);
                }
            }
            let base = base.clone();
            return self.member_get(f, &base, prop);
        }
        let base = self.eval_expr(f, object)?;
        self.member_get(f, &base, prop)
    }

    /// EvaluateCall for `object.name(args)` / `object[key](args)` outside an
    /// optional chain: thisValue is the base —
    /// <https://tc39.es/ecma262/#sec-evaluatecall>
    pub(crate) fn eval_method_call(
        &mut self,
        f: &mut Frame,
        callee: &Expr,
        object: &Expr,
        prop: &MemberProp,
        args: &[ExprOrSpread],
    ) -> JsResult<Value> {
        let base = match frame_slot_value(f, object) {
            Some(v) => v.clone(),
            None => self.eval_expr(f, object)?,
        };
        let func = self.member_get(f, &base, prop)?;
        let mut list = ArgList::new();
        self.eval_args_into(f, args, &mut list)?;
        self.set_position(call_position(callee));
        let Value::Object(fo) = &func else {
            return Err(self.not_a_function(f, callee));
        };
        if !fo.is_callable() {
            return Err(self.not_a_function(f, callee));
        }
        self.call_with_list(fo, &base, list)
    }

    /// EvaluateCall for `name(args)`, where `name` is an identifier that is
    /// neither `eval` nor looked up by name at run time (so thisValue is
    /// undefined): the common call, without `eval_chain`'s optional-chain
    /// plumbing — <https://tc39.es/ecma262/#sec-evaluatecall>
    pub(crate) fn eval_ident_call(
        &mut self,
        f: &mut Frame,
        callee: &Expr,
        args: &[ExprOrSpread],
    ) -> JsResult<Value> {
        // CallExpression evaluation steps 3–4: GetValue of the callee.
        let func = self.eval_expr(f, callee)?;
        // EvaluateCall step 3: ArgumentListEvaluation.
        let mut list = ArgList::new();
        self.eval_args_into(f, args, &mut list)?;
        self.set_position(callee.span.start);
        // Steps 4–5: a callee that is not callable is a TypeError.
        let Value::Object(fo) = &func else {
            return Err(self.not_a_function(f, callee));
        };
        if !fo.is_callable() {
            return Err(self.not_a_function(f, callee));
        }
        // Step 6: Return ? Call(func, thisValue, argList).
        self.call_with_list(fo, &Value::Undefined, list)
    }

    /// ArgumentListEvaluation — <https://tc39.es/ecma262/#sec-runtime-semantics-argumentlistevaluation>
    /// (short lists stay on the stack).
    pub(crate) fn eval_args(&mut self, f: &mut Frame, args: &[ExprOrSpread]) -> JsResult<ArgList> {
        let mut values = ArgList::new();
        self.eval_args_into(f, args, &mut values)?;
        Ok(values)
    }

    /// ArgumentListEvaluation into a list the caller holds (which spares
    /// moving the list through the result).
    #[inline]
    pub(crate) fn eval_args_into(
        &mut self,
        f: &mut Frame,
        args: &[ExprOrSpread],
        values: &mut ArgList,
    ) -> JsResult<()> {
        values.reserve(args.len());
        for arg in args {
            match arg {
                ExprOrSpread::Expr(e) => values.push(self.eval_expr(f, e)?),
                ExprOrSpread::Spread(e) => {
                    let iterable = self.eval_expr(f, e)?;
                    let items = self.iterable_to_list(&iterable)?;
                    values.extend(items);
                }
            }
        }
        Ok(())
    }

    /// `new C(args)` — EvaluateNew — <https://tc39.es/ecma262/#sec-evaluatenew>
    #[inline(never)]
    pub(crate) fn eval_new(
        &mut self,
        f: &mut Frame,
        callee: &Expr,
        args: Option<&[ExprOrSpread]>,
        e: &Expr,
    ) -> JsResult<Value> {
        // 3. Let constructor be ? GetValue(ref).
        let constructor = self.eval_expr(f, callee)?;
        // 4–5. Let argList be ? ArgumentListEvaluation of arguments.
        let args = match args {
            Some(a) => self.eval_args(f, a)?,
            None => ArgList::new(),
        };
        self.set_position(e.span.start);
        // 6. If IsConstructor(constructor) is false, throw a TypeError exception.
        match &constructor {
            Value::Object(c) if is_constructor(c) => self.construct(c, &args, None),
            _ => {
                let text = callee_text(callee);
                let _ = &f.source;
                self.throw_type_error(format!("{text} is not a constructor"))
            }
        }
    }

    /// `super(args)` — <https://tc39.es/ecma262/#sec-super-keyword-runtime-semantics-evaluation>
    #[inline(never)]
    pub(crate) fn eval_super_call(
        &mut self,
        f: &mut Frame,
        args: &[ExprOrSpread],
        refs: SuperCallRefs,
        e: &Expr,
    ) -> JsResult<Value> {
        // 1. Let newTarget be GetNewTarget().
        let new_target = self.read_binding(f, refs.new_target)?;
        // 3. Let func be GetSuperConstructor(): the active function's [[GetPrototypeOf]]().
        let active = match self.read_binding(f, refs.function)? {
            Some(Value::Object(func)) => func,
            _ => return Err(self.syntax_error("'super' keyword unexpected here")),
        };
        let func = active.get_prototype_of();
        // 4. Let argList be ? ArgumentListEvaluation of Arguments.
        let args = self.eval_args(f, args)?;
        self.set_position(e.span.start);
        // 5. If IsConstructor(func) is false, throw a TypeError exception.
        let func = match func {
            Some(c) if is_constructor(&c) => c,
            _ => {
                return self.throw_type_error(
                    "Super constructor null of anonymous class is not a constructor",
                )
            }
        };
        let Some(Value::Object(new_target)) = new_target else {
            return Err(self.syntax_error("'super' keyword unexpected here"));
        };
        // 6. Let result be ? Construct(func, argList, newTarget).
        let result = self.construct(&func, &args, Some(&new_target))?;
        // 8. Perform ? thisER.BindThisValue(result).
        if self.read_binding(f, refs.this)?.is_some() {
            return Err(self.reference_error("Super constructor may only be called once"));
        }
        self.initialize_binding(f, refs.this, "this", result.clone())?;
        // 10. Perform ? InitializeInstanceElements(result, F).
        if let Value::Object(obj) = &result {
            self.initialize_instance_elements(obj, &active)?;
        }
        // 11. Return result.
        Ok(result)
    }
}

/// How V8 prints a callee in "is not a function" messages: names and
/// property chains as written, other computed values as `(intermediate value)`.
fn callee_text(e: &Expr) -> String {
    use crate::syntax::ast::{Literal, UnaryOp};
    match &e.kind {
        ExprKind::Ident(id) => id.name.to_string(),
        ExprKind::This(_) => "this".into(),
        ExprKind::Member { object, prop, .. } => {
            let base = callee_text(object);
            match prop {
                MemberProp::Ident(id) => format!("{base}.{}", id.name),
                MemberProp::Private(id) => format!("{base}.#{}", id.name),
                MemberProp::Computed(k) => match &k.kind {
                    ExprKind::Lit(Literal::Str(s)) => {
                        format!("{base}.{}", String::from_utf16_lossy(s))
                    }
                    _ => format!("{base}[{}]", callee_text(k)),
                },
            }
        }
        ExprKind::SuperMember {
            prop: MemberProp::Ident(id),
            ..
        } => format!("super.{}", id.name),
        ExprKind::Lit(Literal::Num(n)) => crate::interp::number::number_to_string(*n),
        ExprKind::Lit(Literal::Str(s)) => format!("\"{}\"", String::from_utf16_lossy(s)),
        ExprKind::Lit(Literal::Null) => "null".into(),
        ExprKind::Lit(Literal::Bool(b)) => b.to_string(),
        ExprKind::Unary {
            op: UnaryOp::Void,
            arg,
        } => format!("void {}", callee_text(arg)),
        ExprKind::Seq(list) => list.iter().map(callee_text).collect::<Vec<_>>().join(" , "),
        ExprKind::Paren(inner) => match &inner.kind {
            ExprKind::Unary { .. } | ExprKind::Seq(_) => format!("({})", callee_text(inner)),
            _ => callee_text(inner),
        },
        ExprKind::OptionalChain(inner) => callee_text(inner),
        _ => "(intermediate value)".into(),
    }
}

/// Whether a callee passes its base on as `this` (a property reference).
/// An identifier looked up by name (whose reference may have a `with`
/// object as its base).
/// The value of `e` when it is `this` or an identifier whose binding is an
/// initialised frame slot: read in place, without a call or a copy.
#[inline]
pub(super) fn frame_slot_value<'f>(f: &'f Frame, e: &Expr) -> Option<&'f Value> {
    let binding = match &e.kind {
        ExprKind::Ident(id) => id.binding.get(),
        ExprKind::This(binding) => binding.get(),
        _ => return None,
    };
    match binding {
        BindingRef::Frame { slot, .. } => f.slots[slot as usize].as_ref(),
        _ => None,
    }
}

fn is_dynamic_ident(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Ident(id) => id.binding.get() == BindingRef::Dynamic(Implicit::Name),
        ExprKind::Paren(inner) => is_dynamic_ident(inner),
        _ => false,
    }
}

/// An identifier callee whose call has an undefined thisValue and cannot
/// be a direct eval (see `Agent::eval_ident_call`).
pub(super) fn is_plain_ident_callee(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Ident(id) => {
            id.binding.get() != BindingRef::Dynamic(Implicit::Name) && &*id.name != "eval"
        }
        _ => false,
    }
}

/// The identifier `eval`, possibly parenthesised (a direct eval's callee).
fn is_eval_ident(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Ident(id) => &*id.name == "eval",
        ExprKind::Paren(inner) => is_eval_ident(inner),
        _ => false,
    }
}

fn is_member_like(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Member { .. } | ExprKind::SuperMember { .. } => true,
        ExprKind::Paren(inner) => is_member_like(inner),
        _ => false,
    }
}

/// Where V8 places a call in stack traces: at the property name of a
/// method call, else at the callee.
fn call_position(callee: &Expr) -> u32 {
    match &callee.kind {
        ExprKind::Member {
            prop: MemberProp::Ident(id),
            ..
        } => id.span.start,
        _ => callee.span.start,
    }
}

/// A method's [[HomeObject]].
pub(crate) fn home_object_of(func: &Gc<JsObject>) -> Option<Gc<JsObject>> {
    match &func.kind {
        ObjectKind::Function(data) => match &data.callable {
            Callable::Closure(c) => c.home_object.get(),
            _ => None,
        },
        _ => None,
    }
}

/// Whether `o` or an object of its prototype chain has an own property
/// `key` (for the wording of a failed [[Set]]; proxies end the search).
fn has_property_on_chain(o: &Gc<JsObject>, key: &PropertyKey) -> bool {
    let mut next = Some(o.clone());
    while let Some(obj) = next {
        if obj.is_proxy() {
            return true;
        }
        if obj.get_own_property(key).is_some() {
            return true;
        }
        next = obj.get_prototype_of();
    }
    false
}
