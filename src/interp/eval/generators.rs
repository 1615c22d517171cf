//! Generators, async functions and async generators (ECMA-262 §27.3–§27.7):
//! their objects, their start, `yield` / `yield*`, and the resumption of
//! async bodies by promise reactions.

use std::cell::Cell;
use std::rc::Rc;

use gc::{Finalize, Gc, GcCell, Trace};

use super::frame::{Completion, Frame};
use super::suspend::{Activation, Resume, Signal, Step, BODY_STACK};
use crate::interp::agent::Agent;
use crate::interp::builtins::promise::{self, PromiseCapability, ReactionHandler};
use crate::interp::completion::{JsResult, Throw};
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;
use crate::syntax::ast::{Expr, Function, FunctionBody};

/// [[GeneratorState]]
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum GeneratorState {
    SuspendedStart,
    SuspendedYield,
    Executing,
    Completed,
}

/// The internal slots of generator objects (and of the hidden objects that
/// carry an async function's or module body's activation).
pub(crate) struct GeneratorData {
    pub state: Cell<GeneratorState>,
    /// The body, and (async generators) its queued requests.
    pub activation: Activation,
    pub is_async: bool,
    /// Async functions / module bodies: the promise their result settles.
    pub capability: GcCell<Option<PromiseCapability>>,
}

impl Finalize for GeneratorData {}

// SAFETY: visits the capability only. The activation's values live on its
// coroutine stack and in its request queue, where they stay rooted (never
// traced): the agent ends every activation still alive when it is dropped
// (see `suspend`), which releases them.
unsafe impl Trace for GeneratorData {
    gc::custom_trace!(this, {
        mark(&this.capability);
    });
}

impl ObjectData for GeneratorData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        if self.is_async {
            "AsyncGenerator"
        } else {
            "Generator"
        }
    }
}

impl Agent {
    /// [[Call]] of a generator, async or async generator function:
    /// FunctionDeclarationInstantiation now, the body on a coroutine.
    pub(crate) fn start_suspendable(
        &mut self,
        f: &Gc<JsObject>,
        func: &Rc<Function>,
        this: Value,
        args: &[Value],
    ) -> JsResult<Value> {
        let (mut frame, instantiated) = self.instantiate_for_later(f, func, this, args);
        let (fo, code) = (f.clone(), func.clone());
        let body = move |agent: &mut Agent, first: Resume| -> JsResult<Value> {
            agent.push_context(&fo, frame.source.clone(), code.span.start);
            let result = match first {
                Resume::Next(_) => agent.run_body(&mut frame, &code),
                Resume::Throw(e) => Err(Throw::new(e)),
                Resume::Return(v) => Ok(v),
            };
            agent.stack.pop();
            result
        };
        if func.is_async && !func.is_generator {
            // AsyncFunctionStart: errors of the instantiation reject the promise.
            let capability = self.promise_capability()?;
            if let Err(Throw(e)) = instantiated {
                self.call(&capability.reject.clone(), &Value::Undefined, &[*e])?;
                return Ok(capability.promise);
            }
            let promise = capability.promise.clone();
            let state = self.suspendable_object(
                body,
                true,
                Some(capability),
                self.intrinsics().object_prototype.clone(),
            );
            self.async_step(&state, Resume::Next(Value::Undefined));
            return Ok(promise);
        }
        instantiated?;
        // OrdinaryCreateFromConstructor(functionObject, "%GeneratorPrototype%").
        let default = if func.is_async {
            self.intrinsics().async_generator_prototype.clone()
        } else {
            self.intrinsics().generator_prototype.clone()
        };
        let proto = match self.get(f, &PropertyKey::from("prototype"))? {
            Value::Object(p) => p,
            _ => default,
        };
        let generator = self.suspendable_object(body, func.is_async, None, proto);
        Ok(Value::Object(generator))
    }

    /// FunctionDeclarationInstantiation for a body that runs later (a
    /// generator's or an async function's, on a coroutine or stackless): in
    /// a frame of its own, under a context pushed for the instantiation
    /// only. The frame is the body's; the result is the instantiation's.
    pub(crate) fn instantiate_for_later(
        &mut self,
        f: &Gc<JsObject>,
        func: &Function,
        this: Value,
        args: &[Value],
    ) -> (Frame, JsResult<()>) {
        let mut frame = self.function_frame(f, func);
        self.push_context(f, frame.source.clone(), func.span.start);
        let instantiated = self.function_declaration_instantiation(
            &mut frame,
            f,
            func,
            Some(this),
            &mut super::call::Arguments::Borrowed(args),
            Value::Undefined,
        );
        self.stack.pop();
        (frame, instantiated)
    }

    /// A body's statements, with `return` ending it.
    fn run_body(&mut self, frame: &mut Frame, func: &Function) -> JsResult<Value> {
        let result = match &func.body {
            FunctionBody::Block(stmts) => self.eval_stmts(frame, stmts).map(|c| match c {
                Completion::Return(v) => v,
                _ => Value::Undefined,
            }),
            FunctionBody::Expr(e) => self.eval_expr(frame, e),
        };
        // A generator's `return()` travels as a marked throw; here it ends the body.
        match result {
            Err(Throw(v)) if self.is_generator_return(&v) => Ok(self.take_generator_return()),
            other => other,
        }
    }

    /// An object carrying a suspendable body.
    pub(crate) fn suspendable_object(
        &mut self,
        body: impl FnOnce(&mut Agent, Resume) -> JsResult<Value> + 'static,
        is_async: bool,
        capability: Option<PromiseCapability>,
        proto: Gc<JsObject>,
    ) -> Gc<JsObject> {
        self.make_suspendable(body, BODY_STACK, is_async, capability, proto)
    }

    /// An async body with its own stack size (module bodies).
    pub(crate) fn suspendable_object_sized(
        &mut self,
        body: impl FnOnce(&mut Agent, Resume) -> JsResult<Value> + 'static,
        stack: usize,
        capability: Option<PromiseCapability>,
        proto: Gc<JsObject>,
    ) -> Gc<JsObject> {
        self.make_suspendable(body, stack, true, capability, proto)
    }

    fn make_suspendable(
        &mut self,
        body: impl FnOnce(&mut Agent, Resume) -> JsResult<Value> + 'static,
        stack: usize,
        is_async: bool,
        capability: Option<PromiseCapability>,
        proto: Gc<JsObject>,
    ) -> Gc<JsObject> {
        JsObject::with_kind(
            Some(proto),
            ObjectKind::Other(Box::new(GeneratorData {
                state: Cell::new(GeneratorState::SuspendedStart),
                activation: Activation::new(&self.coroutines, stack, body),
                is_async,
                capability: GcCell::new(capability),
            })),
        )
    }

    /// NewPromiseCapability(%Promise%).
    pub(crate) fn promise_capability(&mut self) -> JsResult<PromiseCapability> {
        let ctor = Value::Object(self.intrinsics().get("Promise"));
        promise::new_promise_capability(self, &ctor)
    }

    /// Runs an async function body (or module body) until it awaits or
    /// ends, then waits on the awaited value or settles the promise.
    pub(crate) fn async_step(&mut self, state: &Gc<JsObject>, input: Resume) {
        let data = state
            .data::<GeneratorData>()
            .expect("async state objects carry GeneratorData");
        let mut input = input;
        loop {
            match data.activation.resume(self, input) {
                Step::Suspended(Signal::Await(v)) => match self.await_with(state, v) {
                    Ok(()) => return,
                    // PromiseResolve threw (a getter on `constructor`): resume with the error.
                    Err(Throw(e)) => input = Resume::Throw(*e),
                },
                Step::Suspended(_) => {
                    input = Resume::Throw(Value::from("yield outside a generator"));
                }
                Step::Done(result) => {
                    let capability = data.capability.borrow_mut().take();
                    if let Some(capability) = capability {
                        self.settle_capability(&capability, result);
                    }
                    return;
                }
            }
        }
    }

    /// Resolves or rejects a capability of %Promise%. The promise is
    /// settled directly rather than through its resolving functions: at the
    /// recursion limit a call of them would itself fail, and the promise
    /// would never settle.
    pub(crate) fn settle_capability(
        &mut self,
        capability: &PromiseCapability,
        result: JsResult<Value>,
    ) {
        if let Value::Object(p) = &capability.promise {
            if promise::is_promise(&capability.promise) {
                match result {
                    Ok(v) => promise::resolve_promise(self, p, v),
                    Err(Throw(e)) => promise::reject_promise(self, p, *e),
                }
                return;
            }
        }
        let (f, v) = match result {
            Ok(v) => (capability.resolve.clone(), v),
            Err(Throw(e)) => (capability.reject.clone(), *e),
        };
        let _ = self.call(&f, &Value::Undefined, &[v]);
    }

    /// Await's steps 2–9: resolve the value to a promise and resume the
    /// body (`state`) when it settles.
    pub(super) fn await_with(&mut self, state: &Gc<JsObject>, v: Value) -> JsResult<()> {
        let ctor = self.intrinsics().get("Promise");
        let promise = promise::promise_resolve(self, &ctor, v)?;
        // 3–7. onFulfilled and onRejected resume the body with the value or
        //      the reason; PerformPromiseThen(promise, onFulfilled, onRejected).
        promise::perform_await_then(self, &promise, ReactionHandler::Await(state.clone()));
        Ok(())
    }

    /// Await's continuation (the closures of its steps 3 and 5): the
    /// awaited promise settled, and the body (`state`: an async generator,
    /// or an async function or module body on its coroutine) continues
    /// with the value or the reason.
    pub(crate) fn resume_after_await(&mut self, state: &Gc<JsObject>, input: Resume) {
        if state
            .data::<GeneratorData>()
            .is_some_and(|d| d.is_async && d.capability.borrow().is_none())
        {
            self.async_generator_continue(state, input);
        } else {
            self.async_step(state, input);
        }
    }

    /// `yield` / `yield*` — <https://tc39.es/ecma262/#sec-yield>
    #[inline(never)]
    pub(crate) fn eval_yield(
        &mut self,
        f: &mut Frame,
        arg: Option<&Expr>,
        delegate: bool,
    ) -> JsResult<Value> {
        let v = match arg {
            Some(e) => self.eval_expr(f, e)?,
            None => Value::Undefined,
        };
        let in_async_generator = frame_is_async_generator(f);
        if delegate {
            if in_async_generator {
                return self.async_yield_star(v);
            }
            return self.yield_star(v);
        }
        if !in_async_generator {
            return self.generator_yield(Signal::Yield(v));
        }
        // Yield ( value ), async: ? AsyncGeneratorYield(? Await(value)).
        let v = self.await_value(v)?;
        match self.async_generator_yield(v)? {
            Resume::Next(v) => Ok(v),
            Resume::Throw(e) => Err(Throw::new(e)),
            Resume::Return(r) => Err(self.generator_return(r)),
        }
    }

    /// AsyncGeneratorYield ( value ) — <https://tc39.es/ecma262/#sec-asyncgeneratoryield>,
    /// with AsyncGeneratorUnwrapYieldResumption: suspends, and a `return`
    /// resumption has its value awaited (a rejection becomes a throw).
    /// Returns the resumption; Err only for a termination.
    fn async_generator_yield(&mut self, v: Value) -> JsResult<Resume> {
        match self.suspend(Signal::Yield(v), 1) {
            // AsyncGeneratorUnwrapYieldResumption ( resumptionValue )
            Resume::Return(r) => match self.await_value(r) {
                // 5. Return ReturnCompletion(awaited.[[Value]]).
                Ok(awaited) => Ok(Resume::Return(awaited)),
                // 3. If awaited is a throw completion, return ? awaited.
                Err(Throw(e)) if self.is_termination(&e) => Err(Throw(e)),
                Err(Throw(e)) => Ok(Resume::Throw(*e)),
            },
            // 1. If resumptionValue is not a return completion, return ? resumptionValue.
            other => Ok(other),
        }
    }

    /// `yield* iterable` in an async generator (YieldExpression :
    /// `yield * AssignmentExpression` with generatorKind async) —
    /// <https://tc39.es/ecma262/#sec-generator-function-definitions-runtime-semantics-evaluation>
    fn async_yield_star(&mut self, value: Value) -> JsResult<Value> {
        // 5. Let iteratorRecord be ? GetIterator(value, async).
        let record = self.get_async_iterator(&value)?;
        // 6. Let iterator be iteratorRecord.[[Iterator]].
        let iterator = record.iterator.clone();
        // 7. Let received be NormalCompletion(undefined).
        let mut received = Resume::Next(Value::Undefined);
        // 8. Repeat,
        loop {
            let inner_result = match received {
                // a. If received is a normal completion, then
                Resume::Next(v) => {
                    // i. Let innerResult be ? Call(iteratorRecord.[[NextMethod]], iteratorRecord.[[Iterator]], « received.[[Value]] »).
                    let inner = self.call(&record.next_method.clone(), &iterator, &[v])?;
                    // ii. If generatorKind is async, set innerResult to ? Await(innerResult).
                    self.await_value(inner)?
                }
                // b. Else if received is a throw completion, then
                Resume::Throw(e) => {
                    // i. Let throw be ? GetMethod(iterator, "throw").
                    match self.get_method(&iterator, &PropertyKey::from("throw"))? {
                        // ii. If throw is not undefined, then
                        Some(throw) => {
                            // 1. Let innerResult be ? Call(throw, iterator, « received.[[Value]] »).
                            let inner = self.call(&throw, &iterator, &[e])?;
                            // 2. If generatorKind is async, set innerResult to ? Await(innerResult).
                            self.await_value(inner)?
                        }
                        // iii. Else,
                        None => {
                            // 2–3. Perform ? AsyncIteratorClose(iteratorRecord, NormalCompletion(empty)).
                            self.async_iterator_close(&record, Ok(()))?;
                            // 6. Throw a TypeError exception.
                            return self.throw_type_error(
                                "The iterator does not provide a 'throw' method",
                            );
                        }
                    }
                }
                // c. Else (received is a return completion),
                Resume::Return(v) => {
                    // ii. Let return be ? GetMethod(iterator, "return").
                    let Some(ret) = self.get_method(&iterator, &PropertyKey::from("return"))?
                    else {
                        // iii. If return is undefined, then
                        //   2. If generatorKind is async, set value to ? Await(value).
                        let v = self.await_value(v)?;
                        //   3. Return ReturnCompletion(value).
                        return Err(self.generator_return(v));
                    };
                    // iv. Let innerReturnResult be ? Call(return, iterator, « received.[[Value]] »).
                    let inner = self.call(&ret, &iterator, &[v])?;
                    // v. If generatorKind is async, set innerReturnResult to ? Await(innerReturnResult).
                    let inner = self.await_value(inner)?;
                    // vi. If innerReturnResult is not an Object, throw a TypeError exception.
                    let Value::Object(result) = &inner else {
                        return self.throw_type_error("Iterator result is not an object");
                    };
                    // vii. Let done be ? IteratorComplete(innerReturnResult).
                    if self.iterator_complete(result)? {
                        // viii. If done is true, return ReturnCompletion(? IteratorValue(innerReturnResult)).
                        let value = self.iterator_value(result)?;
                        return Err(self.generator_return(value));
                    }
                    // ix. If generatorKind is async, set received to
                    //     Completion(AsyncGeneratorYield(? IteratorValue(innerReturnResult))).
                    let value = self.iterator_value(result)?;
                    received = self.async_generator_yield(value)?;
                    continue;
                }
            };
            // a.iii / b.ii.4. If innerResult is not an Object, throw a TypeError exception.
            let Value::Object(result) = &inner_result else {
                return self.throw_type_error("Iterator result is not an object");
            };
            // a.iv–v / b.ii.5–6. If ? IteratorComplete(innerResult), return ? IteratorValue(innerResult).
            if self.iterator_complete(result)? {
                return self.iterator_value(result);
            }
            // a.vi / b.ii.7. Set received to Completion(AsyncGeneratorYield(? IteratorValue(innerResult))).
            let value = self.iterator_value(result)?;
            received = self.async_generator_yield(value)?;
        }
    }

    /// Suspends a generator body and turns the resumption into a completion.
    fn generator_yield(&mut self, signal: Signal) -> JsResult<Value> {
        match self.suspend(signal, 1) {
            Resume::Next(v) => Ok(v),
            Resume::Throw(e) => Err(Throw::new(e)),
            Resume::Return(v) => Err(self.generator_return(v)),
        }
    }

    /// `yield* iterable` in a (sync) generator.
    fn yield_star(&mut self, iterable: Value) -> JsResult<Value> {
        let mut record = self.get_iterator(&iterable)?;
        let mut received = Resume::Next(Value::Undefined);
        loop {
            let inner_result = match received {
                Resume::Next(v) => {
                    self.call(&record.next_method.clone(), &record.iterator.clone(), &[v])?
                }
                Resume::Throw(e) => {
                    let iterator = record.iterator.clone();
                    match self.get_method(&iterator, &PropertyKey::from("throw"))? {
                        Some(throw) => self.call(&throw, &iterator, &[e])?,
                        None => {
                            // The delegate has no `throw`: close it, then a TypeError.
                            record.done = true;
                            self.iterator_close(&record, Ok(()))?;
                            return self.throw_type_error(
                                "The iterator does not provide a 'throw' method",
                            );
                        }
                    }
                }
                Resume::Return(v) => {
                    let iterator = record.iterator.clone();
                    match self.get_method(&iterator, &PropertyKey::from("return"))? {
                        None => return Err(self.generator_return(v)),
                        Some(ret) => {
                            let r = self.call(&ret, &iterator, &[v])?;
                            let Value::Object(ro) = &r else {
                                return self.throw_type_error("Iterator result is not an object");
                            };
                            if self.iterator_complete(ro)? {
                                let value = self.iterator_value(ro)?;
                                return Err(self.generator_return(value));
                            }
                            r
                        }
                    }
                }
            };
            let Value::Object(result) = &inner_result else {
                return self.throw_type_error("Iterator result is not an object");
            };
            if self.iterator_complete(result)? {
                return self.iterator_value(result);
            }
            received = self.suspend(Signal::YieldRaw(inner_result.clone()), 1);
        }
    }

    /// A generator's `return(v)` as an abrupt completion that catch clauses
    /// pass through and finally blocks see.
    pub(crate) fn generator_return(&mut self, v: Value) -> Throw {
        self.pending_return = Some(v);
        Throw::new(Value::Object(self.return_marker.clone()))
    }

    pub(crate) fn is_generator_return(&self, v: &Value) -> bool {
        matches!(v, Value::Object(o) if Gc::ptr_eq(o, &self.return_marker))
    }

    fn take_generator_return(&mut self) -> Value {
        self.pending_return.take().unwrap_or(Value::Undefined)
    }

    /// GeneratorResume / GeneratorResumeAbrupt — <https://tc39.es/ecma262/#sec-generatorresume>
    pub(crate) fn generator_resume(
        &mut self,
        this: &Value,
        input: Resume,
        method: &str,
    ) -> JsResult<Value> {
        let generator = match this {
            Value::Object(o) if o.data::<GeneratorData>().is_some_and(|d| !d.is_async) => o.clone(),
            _ => {
                let shown = self.to_display_string(this);
                return self.throw_type_error(format!(
                    "{method} method called on incompatible receiver {shown}"
                ));
            }
        };
        let data = generator.data::<GeneratorData>().expect("checked above");
        match data.state.get() {
            GeneratorState::Executing => {
                return self.throw_type_error("Generator is already running")
            }
            GeneratorState::Completed => {
                return match input {
                    Resume::Next(_) => Ok(self.create_iter_result_object(Value::Undefined, true)),
                    Resume::Return(v) => Ok(self.create_iter_result_object(v, true)),
                    Resume::Throw(e) => Err(Throw::new(e)),
                }
            }
            GeneratorState::SuspendedStart => {
                // Abrupt resumption of a generator that has not started completes it.
                if !matches!(input, Resume::Next(_)) {
                    data.state.set(GeneratorState::Completed);
                    let _ = data
                        .activation
                        .resume(self, Resume::Return(Value::Undefined));
                    return match input {
                        Resume::Return(v) => Ok(self.create_iter_result_object(v, true)),
                        Resume::Throw(e) => Err(Throw::new(e)),
                        Resume::Next(_) => unreachable!("checked above"),
                    };
                }
            }
            GeneratorState::SuspendedYield => {}
        }
        data.state.set(GeneratorState::Executing);
        let step = data.activation.resume(self, input);
        match step {
            Step::Suspended(Signal::Yield(v)) => {
                data.state.set(GeneratorState::SuspendedYield);
                Ok(self.create_iter_result_object(v, false))
            }
            Step::Suspended(Signal::YieldRaw(r)) => {
                data.state.set(GeneratorState::SuspendedYield);
                Ok(r)
            }
            Step::Suspended(Signal::Await(_)) => {
                data.state.set(GeneratorState::Completed);
                self.throw_type_error("await is only valid in async functions")
            }
            Step::Done(result) => {
                data.state.set(GeneratorState::Completed);
                let v = result?;
                Ok(self.create_iter_result_object(v, true))
            }
        }
    }
}

/// Whether the frame runs an async generator's body.
fn frame_is_async_generator(f: &Frame) -> bool {
    let Some(func) = &f.function else {
        return false;
    };
    match &super::call::closure_of(func).code {
        crate::interp::function::Code::Function(code) => code.is_async && code.is_generator,
        _ => false,
    }
}

fn generator_next(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    agent.generator_resume(
        args.this,
        Resume::Next(args.arg(0)),
        "Generator.prototype.next",
    )
}

fn generator_return_method(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    agent.generator_resume(
        args.this,
        Resume::Return(args.arg(0)),
        "Generator.prototype.return",
    )
}

fn generator_throw(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    agent.generator_resume(
        args.this,
        Resume::Throw(args.arg(0)),
        "Generator.prototype.throw",
    )
}

/// Installs %GeneratorPrototype% and %GeneratorFunction.prototype%'s properties.
pub fn install(agent: &mut Agent) {
    use crate::interp::native::define_value;
    use crate::interp::property::{Attributes, PropertyDescriptor};
    let i = agent.intrinsics();
    let generator_prototype = i.generator_prototype.clone();
    let generator_function_prototype = i.generator_function_prototype.clone();
    let async_generator_prototype = i.async_generator_prototype.clone();
    let async_generator_function_prototype = i.async_generator_function_prototype.clone();
    let async_function_prototype = i.async_function_prototype.clone();
    agent.define_method(&generator_prototype, "next", 1, generator_next);
    agent.define_method(&generator_prototype, "return", 1, generator_return_method);
    agent.define_method(&generator_prototype, "throw", 1, generator_throw);
    let tag = PropertyKey::Symbol(agent.symbols.to_string_tag.clone());
    let readonly = Attributes {
        writable: false,
        enumerable: false,
        configurable: true,
    };
    for (obj, name) in [
        (&generator_prototype, "Generator"),
        (&generator_function_prototype, "GeneratorFunction"),
        (&async_generator_prototype, "AsyncGenerator"),
        (
            &async_generator_function_prototype,
            "AsyncGeneratorFunction",
        ),
        (&async_function_prototype, "AsyncFunction"),
    ] {
        obj.define_own_property(
            tag.clone(),
            PropertyDescriptor::data(Value::from(name), readonly),
        );
    }
    define_value(
        &generator_function_prototype,
        "prototype",
        Value::Object(generator_prototype.clone()),
        readonly,
    );
    define_value(
        &generator_prototype,
        "constructor",
        Value::Object(generator_function_prototype),
        readonly,
    );
    define_value(
        &async_generator_function_prototype,
        "prototype",
        Value::Object(async_generator_prototype.clone()),
        readonly,
    );
    define_value(
        &async_generator_prototype,
        "constructor",
        Value::Object(async_generator_function_prototype),
        readonly,
    );
    super::async_generators::install(agent, &async_generator_prototype);
}
