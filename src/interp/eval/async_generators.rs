//! Async generator objects (ECMA-262 §27.6): the request queue
//! (AsyncGeneratorEnqueue, AsyncGeneratorResumeNext's successors
//! AsyncGeneratorDrainQueue / AsyncGeneratorCompleteStep), and the
//! async-from-sync iterator that `for await` uses over sync iterables.

use gc::Gc;

use super::generators::{GeneratorData, GeneratorState};
use super::suspend::{Resume, Signal, Step};
use crate::interp::agent::Agent;
use crate::interp::builtins::promise::{self, PromiseCapability};
use crate::interp::completion::{JsResult, Throw};
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::value::Value;

impl Agent {
    /// AsyncGeneratorEnqueue and the start of processing, for next/return/throw.
    fn async_generator_enqueue(
        &mut self,
        this: &Value,
        request: Resume,
        method: &str,
    ) -> JsResult<Value> {
        let capability = self.promise_capability()?;
        let generator = match this {
            Value::Object(o) if o.data::<GeneratorData>().is_some_and(|d| d.is_async) => o.clone(),
            _ => {
                let shown = self.to_display_string(this);
                let error = self.type_error(format!(
                    "{method} method called on incompatible receiver {shown}"
                ));
                self.call(&capability.reject.clone(), &Value::Undefined, &[*error.0])?;
                return Ok(capability.promise);
            }
        };
        let promise = capability.promise.clone();
        let data = generator.data::<GeneratorData>().expect("checked above");
        data.activation
            .queue()
            .borrow_mut()
            .push_back((request, capability));
        if data.state.get() != GeneratorState::Executing {
            self.async_generator_resume_next(&generator);
        }
        Ok(promise)
    }

    /// Processes queued requests until the body is running or the queue is empty.
    fn async_generator_resume_next(&mut self, generator: &Gc<JsObject>) {
        let data = generator.data::<GeneratorData>().expect("async generator");
        loop {
            let front = data.activation.queue().borrow_mut().pop_front();
            let Some((request, capability)) = front else {
                return;
            };
            let state = data.state.get();
            if state == GeneratorState::SuspendedStart && !matches!(request, Resume::Next(_)) {
                data.state.set(GeneratorState::Completed);
                let _ = data
                    .activation
                    .resume(self, Resume::Return(Value::Undefined));
            }
            if data.state.get() == GeneratorState::Completed {
                // AsyncGeneratorDrainQueue: requests to a finished generator.
                match request {
                    Resume::Next(_) => self.settle(&capability, Ok(Value::Undefined), true),
                    Resume::Throw(e) => self.settle(&capability, Err(Throw::new(e)), true),
                    Resume::Return(v) => self.async_generator_await_return(capability, v),
                }
                continue;
            }
            // Resume the body with this request; its capability waits at the front.
            data.activation
                .queue()
                .borrow_mut()
                .push_front((Resume::Next(Value::Undefined), capability));
            data.state.set(GeneratorState::Executing);
            let step = data.activation.resume(self, request);
            self.async_generator_step(generator, step);
            return;
        }
    }

    /// Resumes an async generator's body after an `await` settled.
    pub(crate) fn async_generator_continue(&mut self, generator: &Gc<JsObject>, input: Resume) {
        let data = generator.data::<GeneratorData>().expect("async generator");
        let step = data.activation.resume(self, input);
        self.async_generator_step(generator, step);
    }

    /// Handles what the body did: await, yield (AsyncGeneratorYield) or finish.
    fn async_generator_step(&mut self, generator: &Gc<JsObject>, step: Step) {
        let data = generator.data::<GeneratorData>().expect("async generator");
        match step {
            Step::Suspended(Signal::Await(v)) => {
                let ctor = self.intrinsics().get("Promise");
                match promise::promise_resolve(self, &ctor, v) {
                    Ok(p) => {
                        let captures = vec![Value::Object(generator.clone())];
                        let ok = self.native_function_with(
                            "",
                            1,
                            continue_fulfilled,
                            false,
                            captures.clone(),
                        );
                        let err =
                            self.native_function_with("", 1, continue_rejected, false, captures);
                        promise::perform_promise_then(
                            self,
                            &p,
                            Value::Object(ok),
                            Value::Object(err),
                            None,
                        );
                    }
                    Err(Throw(e)) => self.async_generator_continue(generator, Resume::Throw(*e)),
                }
            }
            Step::Suspended(Signal::Yield(v)) | Step::Suspended(Signal::YieldRaw(v)) => {
                data.state.set(GeneratorState::SuspendedYield);
                let front = data.activation.queue().borrow_mut().pop_front();
                if let Some((_, capability)) = front {
                    self.settle(&capability, Ok(v), false);
                }
                if !data.activation.queue().borrow().is_empty() {
                    self.async_generator_resume_next(generator);
                }
            }
            Step::Done(result) => {
                data.state.set(GeneratorState::Completed);
                let front = data.activation.queue().borrow_mut().pop_front();
                if let Some((_, capability)) = front {
                    self.settle(&capability, result, true);
                }
                self.async_generator_resume_next(generator);
            }
        }
    }

    /// AsyncGeneratorCompleteStep: resolves with an iterator result or rejects.
    fn settle(&mut self, capability: &PromiseCapability, result: JsResult<Value>, done: bool) {
        let (f, v) = match result {
            Ok(v) => (
                capability.resolve.clone(),
                self.create_iter_result_object(v, done),
            ),
            Err(Throw(e)) => (capability.reject.clone(), *e),
        };
        let _ = self.call(&f, &Value::Undefined, &[v]);
    }

    /// AsyncGeneratorAwaitReturn: `return(v)` on a finished generator awaits v.
    fn async_generator_await_return(&mut self, capability: PromiseCapability, v: Value) {
        let ctor = self.intrinsics().get("Promise");
        match promise::promise_resolve(self, &ctor, v) {
            Ok(p) => {
                let wrap = self.native_function_with("", 1, wrap_done, false, vec![]);
                promise::perform_promise_then(
                    self,
                    &p,
                    Value::Object(wrap),
                    Value::Undefined,
                    Some(capability),
                );
            }
            Err(e) => self.settle(&capability, Err(e), true),
        }
    }
}

fn continue_fulfilled(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    if let Value::Object(g) = args.capture(0) {
        agent.async_generator_continue(&g, Resume::Next(args.arg(0)));
    }
    Ok(Value::Undefined)
}

fn continue_rejected(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    if let Value::Object(g) = args.capture(0) {
        agent.async_generator_continue(&g, Resume::Throw(args.arg(0)));
    }
    Ok(Value::Undefined)
}

fn wrap_done(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(agent.create_iter_result_object(args.arg(0), true))
}

fn async_generator_next(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    agent.async_generator_enqueue(
        args.this,
        Resume::Next(args.arg(0)),
        "AsyncGenerator.prototype.next",
    )
}

fn async_generator_return(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    agent.async_generator_enqueue(
        args.this,
        Resume::Return(args.arg(0)),
        "AsyncGenerator.prototype.return",
    )
}

fn async_generator_throw(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    agent.async_generator_enqueue(
        args.this,
        Resume::Throw(args.arg(0)),
        "AsyncGenerator.prototype.throw",
    )
}

fn async_iterator_self(_: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(args.this.clone())
}

pub(super) fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    agent.define_method(proto, "next", 1, async_generator_next);
    agent.define_method(proto, "return", 1, async_generator_return);
    agent.define_method(proto, "throw", 1, async_generator_throw);
    let async_iterator_prototype = agent.intrinsics().async_iterator_prototype.clone();
    let symbol = agent.symbols.async_iterator.clone();
    agent.define_symbol_method(&async_iterator_prototype, &symbol, 0, async_iterator_self);
}
