//! [[Call]] and [[Construct]] of ECMAScript function objects (ECMA-262
//! §10.2.1, §10.2.2) and FunctionDeclarationInstantiation (§10.2.11).

use std::cell::Cell;
use std::rc::Rc;

use gc::Gc;

use super::frame::{Completion, Frame, FRAME_INLINE_SLOTS};
use super::references::ArgList;
use crate::interp::agent::{Agent, StackFrame};
use crate::interp::completion::{JsResult, Throw};
use crate::interp::environment::Env;
use crate::interp::function::{Callable, Closure, Code, ConstructorKind};
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::ops::call::is_constructor;
use crate::interp::property::PropertyKey;
use crate::interp::realm::Realm;
use crate::interp::value::Value;
use crate::syntax::ast::{Function, FunctionBody, PatternKind};
use crate::syntax::scope::BindingRef;

/// The argument list of a call: borrowed from the caller (Call and
/// Construct from Rust), or handed over by ArgumentListEvaluation, whose
/// fresh list the callee takes apart instead of copying.
pub(crate) enum Arguments<'a> {
    Borrowed(&'a [Value]),
    Owned(ArgList),
}

impl Arguments<'_> {
    pub(crate) fn as_slice(&self) -> &[Value] {
        match self {
            Arguments::Borrowed(args) => args,
            Arguments::Owned(args) => args,
        }
    }

    /// The argument at `index` (undefined when absent); an owned list
    /// gives it up.
    #[inline]
    fn take(&mut self, index: usize) -> Value {
        match self {
            Arguments::Borrowed(args) => args.get(index).cloned().unwrap_or(Value::Undefined),
            Arguments::Owned(args) => match args.get_mut(index) {
                Some(v) => std::mem::replace(v, Value::Undefined),
                None => Value::Undefined,
            },
        }
    }

    /// The arguments from `start` on (a rest parameter's).
    fn take_from(&mut self, start: usize) -> Vec<Value> {
        match self {
            Arguments::Borrowed(args) => args.get(start..).unwrap_or(&[]).to_vec(),
            Arguments::Owned(args) if start < args.len() => args.drain(start..).collect(),
            Arguments::Owned(_) => Vec::new(),
        }
    }
}

pub(crate) fn closure_of(f: &Gc<JsObject>) -> &Closure {
    match &f.kind {
        ObjectKind::Function(data) => match &data.callable {
            Callable::Closure(c) => c,
            _ => unreachable!("only closures get here"),
        },
        _ => unreachable!("only functions get here"),
    }
}

/// OrdinaryCallBindThis ( F, calleeContext, thisArgument ) steps 5–6 for a
/// function whose [[ThisMode]] is global (non-strict code) —
/// <https://tc39.es/ecma262/#sec-ordinarycallbindthis>. (Strict functions
/// take thisArgument as it is; arrows have no `this` binding to set.)
fn ordinary_call_bind_this_sloppy(agent: &mut Agent, this: &Value) -> Value {
    match this {
        // 6.a. If thisArgument is either undefined or null, then
        //      iii. Let thisValue be calleeRealm.[[GlobalEnv]].[[GlobalThisValue]].
        Value::Undefined | Value::Null => Value::Object(agent.global_object()),
        Value::Object(_) => this.clone(),
        // 6.b. Else, let thisValue be ! ToObject(thisArgument).
        primitive => match agent.to_object(primitive) {
            Ok(object) => Value::Object(object),
            Err(_) => this.clone(),
        },
    }
}

/// [[Call]] ( thisArgument, argumentsList ) — <https://tc39.es/ecma262/#sec-ecmascript-function-objects-call-thisargument-argumentslist>
pub fn call_closure(
    agent: &mut Agent,
    f: &Gc<JsObject>,
    this: &Value,
    args: &[Value],
) -> JsResult<Value> {
    let closure = closure_of(f);
    // 2. If F.[[IsClassConstructor]] is true, throw a TypeError exception.
    if matches!(
        closure.constructor_kind,
        ConstructorKind::Base | ConstructorKind::Derived
    ) {
        let name = function_name(agent, f);
        return agent.throw_type_error(format!(
            "Class constructor {name} cannot be invoked without 'new'"
        ));
    }
    // The closure's code is borrowed from `f`, which the caller keeps alive.
    match &closure.code {
        Code::Function(func) => {
            let this = if func.is_strict() {
                this.clone()
            } else {
                ordinary_call_bind_this_sloppy(agent, this)
            };
            if func.is_async
                && !func.is_generator
                && super::stackless_async::runs_stackless(&closure.stackless, func)
            {
                return agent.start_stackless_async(f, func, this, args);
            }
            if func.is_generator || func.is_async {
                return agent.start_suspendable(f, func, this, args);
            }
            let (v, _) = agent.run_function(
                f,
                func,
                Some(this),
                Arguments::Borrowed(args),
                Value::Undefined,
            )?;
            Ok(v)
        }
        Code::FieldInitializer { class, member } => {
            agent.run_field_initializer(f, class, *member, this.clone())
        }
        Code::StaticBlock { class, member } => {
            agent.run_static_block(f, class, *member, this.clone())
        }
        Code::DefaultConstructor { .. } => {
            let name = function_name(agent, f);
            agent.throw_type_error(format!(
                "Class constructor {name} cannot be invoked without 'new'"
            ))
        }
    }
}

/// [[Construct]] ( argumentsList, newTarget ) — <https://tc39.es/ecma262/#sec-ecmascript-function-objects-construct-argumentslist-newtarget>
pub fn construct_closure(
    agent: &mut Agent,
    f: &Gc<JsObject>,
    args: &[Value],
    new_target: &Gc<JsObject>,
    caller_realm: Option<Rc<Realm>>,
) -> JsResult<Value> {
    // Steps 8–12 run after calleeContext is removed: their errors belong to
    // the caller's realm (`caller_realm` when it differs from F's).
    let after_body = |agent: &mut Agent, make: &dyn Fn(&mut Agent) -> Throw| match &caller_realm {
        Some(realm) => agent.in_realm(realm.clone(), |a| make(a)),
        None => make(agent),
    };
    let closure = closure_of(f);
    let kind = closure.constructor_kind;
    let object_prototype = agent.intrinsics().object_prototype.clone();
    match closure.code.clone() {
        Code::Function(func) => match kind {
            ConstructorKind::Plain | ConstructorKind::Base => {
                // 3.a. Let thisArgument be ? OrdinaryCreateFromConstructor(newTarget, "%Object.prototype%").
                let room = usize::from(closure.expected_properties.get());
                let this = agent.ordinary_create_with_room(
                    new_target,
                    object_prototype,
                    ObjectKind::Ordinary,
                    room,
                )?;
                // 6.b. If kind is base: InitializeInstanceElements(thisArgument, F).
                if kind == ConstructorKind::Base {
                    agent.initialize_instance_elements(&this, f)?;
                }
                let (result, _) = agent.run_function(
                    f,
                    &func,
                    Some(Value::Object(this.clone())),
                    Arguments::Borrowed(args),
                    Value::Object(new_target.clone()),
                )?;
                closure
                    .expected_properties
                    .set(this.own_property_count().min(usize::from(u8::MAX)) as u8);
                // 10. If result is a return completion with an Object, return it.
                Ok(match result {
                    Value::Object(_) => result,
                    _ => Value::Object(this),
                })
            }
            ConstructorKind::Derived => {
                let (result, this) = agent.run_function(
                    f,
                    &func,
                    None,
                    Arguments::Borrowed(args),
                    Value::Object(new_target.clone()),
                )?;
                match result {
                    Value::Object(_) => Ok(result),
                    Value::Undefined => match this {
                        Some(this) => Ok(this),
                        None => Err(after_body(agent, &|a| {
                            a.reference_error(
                                "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
                            )
                        })),
                    },
                    _ => Err(after_body(agent, &|a| {
                        a.type_error("Derived constructors may only return object or undefined")
                    })),
                }
            }
            ConstructorKind::None => {
                let name = function_name(agent, f);
                agent.throw_type_error(format!("{name} is not a constructor"))
            }
        },
        Code::DefaultConstructor { derived: false, .. } => {
            let this = agent.ordinary_create_from_constructor(
                new_target,
                object_prototype,
                ObjectKind::Ordinary,
            )?;
            agent.initialize_instance_elements(&this, f)?;
            Ok(Value::Object(this))
        }
        Code::DefaultConstructor { derived: true, .. } => {
            // The default derived constructor: `constructor(...args) { super(...args); }`.
            let parent = f.get_prototype_of();
            let Some(parent) = parent.filter(is_constructor) else {
                return agent.throw_type_error(
                    "Super constructor null of anonymous class is not a constructor",
                );
            };
            let result = agent.construct(&parent, args, Some(new_target))?;
            if let Value::Object(o) = &result {
                agent.initialize_instance_elements(o, f)?;
            }
            Ok(result)
        }
        _ => {
            let name = function_name(agent, f);
            agent.throw_type_error(format!("{name} is not a constructor"))
        }
    }
}

/// The `name` own property of a function, for messages.
pub(crate) fn function_name(agent: &Agent, f: &Gc<JsObject>) -> String {
    let _ = agent;
    match f.get_own_data_value(&PropertyKey::from("name")) {
        Some(Value::String(s)) if !s.is_empty() => s.to_rust_string(),
        _ => "anonymous".into(),
    }
}

impl Agent {
    /// Call(F, thisValue, argumentsList) from a call expression, which
    /// hands over the list it evaluated. An ordinary non-class function of
    /// the running realm whose body runs at once (neither a generator nor
    /// async) is entered directly: the [[Call]] steps that do not apply to
    /// it are skipped, and its parameters take the values without copies.
    pub(crate) fn call_with_list(
        &mut self,
        fo: &Gc<JsObject>,
        this: &Value,
        args: ArgList,
    ) -> JsResult<Value> {
        if let ObjectKind::Function(data) = &fo.kind {
            if let Callable::Closure(closure) = &data.callable {
                if let Code::Function(func) = &closure.code {
                    if matches!(
                        closure.constructor_kind,
                        ConstructorKind::Plain | ConstructorKind::None
                    ) && !func.is_async
                        && !func.is_generator
                        && closure.source.belongs_to(&self.realm, &self.initial_realm)
                    {
                        self.enter_call()?;
                        // [[Call]] step 5: OrdinaryCallBindThis.
                        let this = if func.is_strict() {
                            this.clone()
                        } else {
                            ordinary_call_bind_this_sloppy(self, this)
                        };
                        let result = self.run_function(
                            fo,
                            func,
                            Some(this),
                            Arguments::Owned(args),
                            Value::Undefined,
                        );
                        self.leave_call();
                        return result.map(|(v, _)| v);
                    }
                }
            }
        }
        self.call_object(fo, this, &args)
    }

    /// Pushes an execution context for a function (for stack traces).
    #[inline]
    pub(crate) fn push_context(
        &mut self,
        f: &Gc<JsObject>,
        source: Rc<crate::interp::source::SourceText>,
        at: u32,
    ) {
        self.stack.push(StackFrame {
            function: Some(f.clone()),
            source,
            position: Cell::new(at),
        });
    }

    /// OrdinaryCallEvaluateBody for a plain function: instantiates the
    /// declarations, binds `this` (None: a derived constructor's, still
    /// uninitialised), runs the body. Returns the body's value and, for
    /// derived constructors, the final `this`.
    pub(crate) fn run_function(
        &mut self,
        f: &Gc<JsObject>,
        func: &Rc<Function>,
        this: Option<Value>,
        args: Arguments,
        new_target: Value,
    ) -> JsResult<(Value, Option<Value>)> {
        let mut frame = self.function_frame(f, func);
        self.push_context(f, frame.source.clone(), func.span.start);
        let result = self.run_function_in(&mut frame, f, func, this, args, new_target);
        self.stack.pop();
        result
    }

    /// A fresh frame (and function environment) for a call of `func`.
    /// Inlined into its callers so that the frame is made where it stays
    /// (returned, it would be copied whole).
    #[inline(always)]
    pub(crate) fn function_frame(&mut self, f: &Gc<JsObject>, func: &Function) -> Frame {
        let closure = closure_of(f);
        let scope = func
            .scope
            .get()
            .expect("functions are analysed when parsed");
        let env = match scope.env_slots {
            Some(n) => Some(Env::new_named(
                closure.env.clone(),
                n,
                scope.env_names.clone(),
            )),
            None => closure.env.clone(),
        };
        let size = scope.frame_size as usize;
        let (module_env, source) = (closure.module_env.clone(), closure.source.clone());
        if size > FRAME_INLINE_SLOTS {
            let mut frame = Frame::new(size as u32, env, module_env, source, Some(f.clone()));
            frame.strict = func.is_strict();
            return frame;
        }
        Frame::with_inline_slots(
            size,
            env,
            module_env,
            source,
            Some(f.clone()),
            func.is_strict(),
        )
    }

    /// Instantiation and body of a call in an already made frame.
    #[inline]
    pub(crate) fn run_function_in(
        &mut self,
        frame: &mut Frame,
        f: &Gc<JsObject>,
        func: &Rc<Function>,
        this: Option<Value>,
        mut args: Arguments,
        new_target: Value,
    ) -> JsResult<(Value, Option<Value>)> {
        // Only a derived constructor's `this` starts uninitialised, and
        // only its caller needs the final value.
        let this_needed = this.is_none();
        self.function_declaration_instantiation(frame, f, func, this, &mut args, new_target)?;
        drop(args);
        let value = match &func.body {
            FunctionBody::Block(stmts) => match self.eval_stmts(frame, stmts)? {
                Completion::Return(v) => v,
                _ => Value::Undefined,
            },
            FunctionBody::Expr(e) => self.eval_expr(frame, e)?,
        };
        let scope = func.scope.get().expect("analysed");
        let this = match scope.this_binding {
            Some(b) if this_needed => self.read_binding(frame, b)?,
            _ => None,
        };
        Ok((value, this))
    }

    /// FunctionDeclarationInstantiation ( func, argumentsList ) —
    /// <https://tc39.es/ecma262/#sec-functiondeclarationinstantiation>,
    /// over the bindings scope analysis laid out.
    pub(crate) fn function_declaration_instantiation(
        &mut self,
        frame: &mut Frame,
        f: &Gc<JsObject>,
        func: &Function,
        this: Option<Value>,
        args: &mut Arguments,
        new_target: Value,
    ) -> JsResult<()> {
        let scope = func.scope.get().expect("analysed");
        // OrdinaryCallBindThis and the function's own implicit bindings.
        if let (Some(b), Some(this)) = (scope.this_binding, this) {
            if let BindingRef::Frame { slot, .. } = b {
                frame.slots[slot as usize] = Some(this);
            } else {
                self.initialize_binding(frame, b, "this", this)?;
            }
        }
        if let Some(b) = scope.new_target_binding {
            self.initialize_binding(frame, b, "new.target", new_target)?;
        }
        if let Some(b) = scope.function_binding {
            self.initialize_binding(frame, b, "", Value::Object(f.clone()))?;
        }
        if let Some(b) = scope.self_binding {
            self.initialize_binding(frame, b, "", Value::Object(f.clone()))?;
        }
        // 22. If argumentsObjectNeeded is true, then
        if let Some(b) = scope.arguments_binding {
            let arguments = match (&scope.mapped_arguments, &frame.env) {
                // a. If strict is true or simpleParameterList is false:
                //    CreateUnmappedArgumentsObject(argumentsList).
                // b. Else: CreateMappedArgumentsObject(func, formals, argumentsList, env).
                (Some(slots), Some(env)) => {
                    let env = env.clone();
                    self.create_mapped_arguments_object(f, args.as_slice(), env, slots)
                }
                _ => self.create_unmapped_arguments_object(args.as_slice()),
            };
            self.initialize_binding(frame, b, "arguments", Value::Object(arguments))?;
        }
        // 27–28. Var bindings start as undefined.
        for &b in &scope.var_bindings {
            if let BindingRef::Frame { slot, .. } = b {
                frame.slots[slot as usize] = Some(Value::Undefined);
            } else {
                self.initialize_binding(frame, b, "", Value::Undefined)?;
            }
        }
        // 26. IteratorBindingInitialization of the formals with the arguments.
        frame.evaluating_parameters = true;
        let bound = self.bind_parameters(frame, func, args);
        frame.evaluating_parameters = false;
        bound?;
        // 36. For each Parse Node f of functionsToInitialize: InstantiateFunctionObject.
        for h in &scope.hoisted_functions {
            let fo = self.instantiate_function_declaration(frame, &h.function);
            self.initialize_binding(frame, h.target, "", Value::Object(fo))?;
        }
        Ok(())
    }

    /// IteratorBindingInitialization of a function's formals with the
    /// arguments (FunctionDeclarationInstantiation step 26).
    fn bind_parameters(
        &mut self,
        frame: &mut Frame,
        func: &Function,
        args: &mut Arguments,
    ) -> JsResult<()> {
        for (i, param) in func.params.iter().enumerate() {
            let mut v = args.take(i);
            // A plain parameter kept in a frame slot.
            if let (PatternKind::Ident(id), None) = (&param.target.kind, &param.default) {
                if let BindingRef::Frame { slot, .. } = id.binding.get() {
                    frame.slots[slot as usize] = Some(v);
                    continue;
                }
            }
            if let (Value::Undefined, Some(default)) = (&v, &param.default) {
                v = self.eval_default(frame, &param.target, default)?;
            }
            self.bind_pattern(frame, &param.target, v, true)?;
        }
        if let Some(rest) = &func.rest {
            let rest_values = args.take_from(func.params.len());
            let array = self.create_array_from_list(rest_values);
            self.bind_pattern(frame, rest, Value::Object(array), true)?;
        }
        Ok(())
    }
}
