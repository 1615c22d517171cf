//! Async function bodies run without a coroutine.
//!
//! Deviation: the spec suspends an async function's execution context at
//! `await` and resumes it later with the same state; the general path
//! (`generators::start_suspendable`) keeps that state on a coroutine stack.
//! A body whose every `await` is a whole statement (`await E;`,
//! `x = await E;`, `const|let|var p = await E;`, `return await E;`) of its
//! statement list, or of blocks and if branches within it (see
//! `async_eligibility`), needs no stack to resume: its state is the frame
//! (bindings, environment), its execution context, its realm and the way
//! down to the statement waiting for a value (a statement index per list,
//! the branch taken, the environment a block restores). That state is
//! saved in a heap object the collector traces, the statements run on the
//! ordinary recursive evaluator, and the await reaction goes back down the
//! saved way and continues. A pending body costs a few heap objects instead of a
//! stack, and one nothing refers to any more is collected.

use std::cell::Cell;
use std::rc::{Rc, Weak};

use gc::{Finalize, Gc, GcCell, Trace};

use super::async_eligibility::{await_stmt, is_stackless_eligible, AwaitStmt};
use super::frame::{Completion, Frame};
use super::suspend::Resume;
use crate::interp::agent::{Agent, StackFrame};
use crate::interp::builtins::promise::{self, ReactionHandler};
use crate::interp::completion::{JsResult, Throw};
use crate::interp::environment::Env;
use crate::interp::object::JsObject;
use crate::interp::ops::conversion::to_boolean;
use crate::interp::realm::Realm;
use crate::interp::source::SourceText;
use crate::interp::value::Value;
use crate::syntax::ast::{ExprKind, Function, FunctionBody, PatternKind, Stmt, StmtKind};

use super::statements::stmt_scope;

/// Whether a closure's async body runs stackless: decided on its first
/// call and remembered in the closure (`cache`).
pub(crate) fn runs_stackless(cache: &Cell<Option<bool>>, func: &Function) -> bool {
    match cache.get() {
        Some(known) => known,
        None => {
            let eligible = is_stackless_eligible(func);
            cache.set(Some(eligible));
            eligible
        }
    }
}

/// The state an await reaction of a stackless body resumes (a `Gc` box of
/// its own: no object, since no code sees it).
pub(crate) struct StacklessAsync {
    /// The function's code: the statements the body runs.
    code: Rc<Function>,
    /// The promise the body's completion settles (AsyncFunctionStart's
    /// promiseCapability, whose resolving functions are never made);
    /// taken when it settles.
    promise: GcCell<Option<Gc<JsObject>>>,
    /// The state of the suspended body; None while it runs and once done.
    suspended: GcCell<Option<Suspension>>,
}

/// What a body waiting on an await keeps: the saved async context, its
/// frame and execution context packed (a pending body should be small).
struct Suspension {
    /// The frame's slots, exactly as many as the function has.
    slots: Box<[Option<Value>]>,
    /// The frame's environments (LexicalEnvironment, module environment).
    env: Option<Gc<Env>>,
    module_env: Option<Gc<Env>>,
    /// The function object (the frame's and the execution context's).
    function: Gc<JsObject>,
    source: Rc<SourceText>,
    strict: bool,
    /// The execution context's position (stack traces).
    position: u32,
    /// The realm the body runs in, held weakly: the agent owns its realms,
    /// and a realm's fields are roots, so a strong reference from the heap
    /// would keep the realm (and all it reaches) one collection past its
    /// agent, as code does not either (`SourceText`).
    realm: Weak<Realm>,
    /// The way down to the await statement the resumption completes.
    path: Box<[Level]>,
}

impl Suspension {
    /// Packs a function frame and its execution context, taken off the
    /// agent's stack.
    fn save(frame: Frame, context: StackFrame, realm: Rc<Realm>, path: Box<[Level]>) -> Suspension {
        // A function frame tracks no completion value and its parameters
        // are evaluated before the body starts.
        debug_assert!(frame.completion.is_none() && !frame.evaluating_parameters);
        Suspension {
            slots: frame.slots.into_vec().into_boxed_slice(),
            env: frame.env,
            module_env: frame.module_env,
            function: frame.function.expect("a function frame has its function"),
            source: frame.source,
            strict: frame.strict,
            position: context.position.get(),
            realm: Rc::downgrade(&realm),
            path,
        }
    }

    /// The frame and execution context again.
    fn restore(self) -> (Frame, StackFrame, Weak<Realm>, Box<[Level]>) {
        let context = StackFrame {
            function: Some(self.function.clone()),
            source: self.source.clone(),
            position: Cell::new(self.position),
        };
        let frame = Frame {
            slots: smallvec::SmallVec::from_vec(self.slots.into_vec()),
            env: self.env,
            module_env: self.module_env,
            source: self.source,
            function: Some(self.function),
            strict: self.strict,
            completion: None,
            evaluating_parameters: false,
        };
        (frame, context, self.realm, self.path)
    }
}

impl Finalize for Suspension {}

// SAFETY: visits every Gc the frame and the context held (the slots, the
// environments, the function). The realm is reference-counted and keeps
// its own roots, as it does everywhere.
unsafe impl Trace for Suspension {
    gc::custom_trace!(this, {
        for slot in this.slots.iter() {
            mark(slot);
        }
        mark(&this.env);
        mark(&this.module_env);
        mark(&this.function);
        for level in this.path.iter() {
            mark(level);
        }
    });
}

impl Finalize for StacklessAsync {}

// SAFETY: visits the promise and the suspension; the code holds no Gc.
unsafe impl Trace for StacklessAsync {
    gc::custom_trace!(this, {
        mark(&this.promise);
        mark(&this.suspended);
    });
}

/// One level of the way from the body's statement list down to the
/// await statement a suspended body waits at.
enum Level {
    /// At the statement `index` of a statement list.
    List(usize),
    /// Inside a block with a scope of its own: the environment to restore
    /// when the block ends.
    Scope(Option<Gc<Env>>),
    /// In an if statement's consequent (true) or alternate (false).
    Branch(bool),
}

impl Finalize for Level {}

// SAFETY: visits the environment a scoped block restores.
unsafe impl Trace for Level {
    gc::custom_trace!(this, {
        if let Level::Scope(env) = this {
            mark(env);
        }
    });
}

/// The levels a resumption goes down (outermost first) and the value the
/// await statement at the bottom completes with; `input` is None once it
/// has (and on a fresh start).
struct Resumption {
    levels: std::vec::IntoIter<Level>,
    input: Option<Resume>,
}

impl Resumption {
    /// Whether the statements run are on the way down to the await.
    fn resuming(&self) -> bool {
        self.input.is_some()
    }

    /// The next level down, while resuming.
    fn next_level(&mut self) -> Option<Level> {
        if self.resuming() {
            self.levels.next()
        } else {
            None
        }
    }

    /// Whether the statement about to run is the await statement.
    fn at_await(&self) -> bool {
        self.resuming() && self.levels.len() == 0
    }
}

/// How a statement's run ended.
enum Flow {
    Done(JsResult<Completion>),
    /// An await statement awaits the value: the levels around it are
    /// pushed to the unwound list on the way out.
    Await(Value),
}

/// How a run of a body's statements ended.
enum Outcome {
    /// At the await statement the levels lead to, awaiting the value.
    Await(Box<[Level]>, Value),
    /// The body completed (AsyncBlockStart step 2's result).
    Done(JsResult<Value>),
}

impl Agent {
    /// [[Call]] of an async function whose body runs stackless: the
    /// coroutine path's steps, with AsyncFunctionStart run on this stack.
    pub(crate) fn start_stackless_async(
        &mut self,
        f: &Gc<JsObject>,
        func: &Rc<Function>,
        this: Value,
        args: &[Value],
    ) -> JsResult<Value> {
        let (frame, instantiated) = self.instantiate_for_later(f, func, this, args);
        // EvaluateAsyncFunctionBody:
        // 1. Let promiseCapability be ! NewPromiseCapability(%Promise%).
        // Deviation: its resolving functions are never exposed (the body's
        // completion settles the promise directly, see `settle_capability`),
        // so only the promise is made.
        let promise = promise::new_promise(self);
        // 2. Let declResult be Completion(FunctionDeclarationInstantiation(functionObject, argumentsList)).
        // 3. If declResult is an abrupt completion, then
        if let Err(Throw(e)) = instantiated {
            //  a. Perform ! Call(promiseCapability.[[Reject]], undefined, « declResult.[[Value]] »).
            promise::reject_promise(self, &promise, *e);
            return Ok(Value::Object(promise));
        }
        // 4. Else, perform AsyncFunctionStart(promiseCapability, FunctionBody).
        let state = Gc::new(StacklessAsync {
            code: func.clone(),
            promise: GcCell::new(Some(promise.clone())),
            suspended: GcCell::new(None),
        });
        // AsyncFunctionStart ( promiseCapability, asyncFunctionBody )
        // 1–3. Let asyncContext be a copy of the running execution context
        //      (here: a new one for the body, as the coroutine path pushes).
        self.push_context(f, frame.source.clone(), func.span.start);
        // 4. Perform AsyncBlockStart(promiseCapability, asyncFunctionBody, asyncContext).
        self.async_block_start(&state, frame, Box::new([]), None);
        // 5. Return promiseCapability.[[Promise]].
        Ok(Value::Object(promise))
    }

    /// AsyncBlockStart ( promiseCapability, asyncBody, asyncContext ) —
    /// <https://tc39.es/ecma262/#sec-asyncblockstart>, entered at the
    /// start of the body (`resumed` None) or at the await statement `path`
    /// leads to, completing with `resumed`. The body's context is on the agent's
    /// stack; it leaves it when the body suspends or ends.
    fn async_block_start(
        &mut self,
        state: &Gc<StacklessAsync>,
        mut frame: Frame,
        mut path: Box<[Level]>,
        mut resumed: Option<Resume>,
    ) {
        let data: &StacklessAsync = state;
        let code = data.code.clone();
        loop {
            // 2.a. Let result be Completion(Evaluation of asyncBody).
            match self.run_statements(&mut frame, &code.body, path, resumed.take()) {
                Outcome::Await(levels, value) => {
                    // Await ( value ) — https://tc39.es/ecma262/#await
                    // 8. Remove asyncContext from the execution context stack
                    //    (first, as the coroutine path does: PromiseResolve may
                    //    run code, which does not see the body's context).
                    let context = self.stack.pop().expect("the body's context is pushed");
                    // 2–7. Let promise be ? PromiseResolve(%Promise%, value);
                    //      PerformPromiseThen(promise, onFulfilled, onRejected).
                    match self.await_resuming(state, value) {
                        Ok(()) => {
                            // 9. (The caller's context resumes): save the
                            //    async context for the reaction.
                            *data.suspended.borrow_mut() =
                                Some(Suspension::save(frame, context, self.realm.clone(), levels));
                            return;
                        }
                        // 2. (? PromiseResolve) The await completes with the throw.
                        Err(Throw(e)) => {
                            self.stack.push(context);
                            path = levels;
                            resumed = Some(Resume::Throw(*e));
                        }
                    }
                }
                Outcome::Done(result) => {
                    // 2.b. Remove acAsyncContext from the execution context stack.
                    self.stack.pop();
                    // 2.d–g. Resolve with the return value (undefined at the
                    //        end of the body), or reject with the throw.
                    let promise = data.promise.borrow_mut().take();
                    if let Some(promise) = promise {
                        match result {
                            Ok(v) => promise::resolve_promise(self, &promise, v),
                            Err(Throw(e)) => promise::reject_promise(self, &promise, *e),
                        }
                    }
                    return;
                }
            }
        }
    }

    /// Await ( value ) steps 2–7 for a stackless body: the body (`state`)
    /// resumes when the promise settles.
    fn await_resuming(&mut self, state: &Gc<StacklessAsync>, value: Value) -> JsResult<()> {
        // 2. Let promise be ? PromiseResolve(%Promise%, value).
        let ctor = self.intrinsics().get("Promise");
        let promise = promise::promise_resolve(self, &ctor, value)?;
        // 3–7. onFulfilled and onRejected resume the body with the value or
        //      the reason; PerformPromiseThen(promise, onFulfilled, onRejected).
        promise::perform_await_then(
            self,
            &promise,
            ReactionHandler::ResumeStackless(state.clone()),
        );
        Ok(())
    }

    /// Await's continuation (the closures of steps 3 and 5): the awaited
    /// promise settled; the body continues from where it awaited.
    pub(crate) fn resume_stackless(&mut self, state: &Gc<StacklessAsync>, input: Resume) {
        let data: &StacklessAsync = state;
        let Some(suspension) = data.suspended.borrow_mut().take() else {
            return;
        };
        let (frame, context, realm, path) = suspension.restore();
        // Reaction jobs run only while the agent, which owns every realm it
        // made, lives; the current realm stands in should that ever not hold.
        let realm = realm.upgrade().unwrap_or_else(|| self.realm.clone());
        // 3.c / 5.c. Push asyncContext onto the execution context stack; the
        //            body runs in its own realm, the caller's comes back after.
        let outer_realm = std::mem::replace(&mut self.realm, realm);
        self.stack.push(context);
        // 3.d / 5.d. Resume the suspended evaluation of asyncContext using
        //            NormalCompletion(v) / ThrowCompletion(reason).
        self.async_block_start(state, frame, path, Some(input));
        self.realm = outer_realm;
    }

    /// Runs the body from its start, or from the await statement `path`
    /// leads to (completing it with `resumed`), until an await statement
    /// awaits or the body completes.
    fn run_statements(
        &mut self,
        frame: &mut Frame,
        body: &FunctionBody,
        path: Box<[Level]>,
        resumed: Option<Resume>,
    ) -> Outcome {
        let stmts = match body {
            FunctionBody::Block(stmts) => stmts,
            // A concise body: `async (…) => E` or `async (…) => await E`.
            FunctionBody::Expr(e) => {
                return match (resumed, &e.kind) {
                    (Some(input), _) => Outcome::Done(resumed_value(input)),
                    (None, ExprKind::Await(operand)) => match self.eval_expr(frame, operand) {
                        Ok(v) => Outcome::Await(Box::new([]), v),
                        Err(e) => Outcome::Done(Err(e)),
                    },
                    (None, _) => Outcome::Done(self.eval_expr(frame, e)),
                };
            }
        };
        let mut resumption = Resumption {
            levels: path.into_vec().into_iter(),
            input: resumed,
        };
        let mut unwound = Vec::new();
        match self.run_list(frame, stmts, &mut resumption, &mut unwound) {
            Flow::Await(v) => {
                // Unwound innermost first; kept outermost first.
                unwound.reverse();
                Outcome::Await(unwound.into_boxed_slice(), v)
            }
            Flow::Done(Ok(Completion::Return(v))) => Outcome::Done(Ok(v)),
            // The end of the body: a normal completion, undefined. (Break
            // and continue cannot leave a function body: early errors.)
            Flow::Done(Ok(_)) => Outcome::Done(Ok(Value::Undefined)),
            Flow::Done(Err(e)) => Outcome::Done(Err(e)),
        }
    }

    /// A statement list (the body's, or a block's), from its start or from
    /// where the resumption's next level says.
    fn run_list(
        &mut self,
        frame: &mut Frame,
        stmts: &[Stmt],
        resumption: &mut Resumption,
        unwound: &mut Vec<Level>,
    ) -> Flow {
        let mut index = match resumption.next_level() {
            Some(Level::List(index)) => index,
            Some(_) => unreachable!("a statement list resumes at a statement"),
            None => 0,
        };
        while let Some(stmt) = stmts.get(index) {
            match self.run_stmt(frame, stmt, resumption, unwound) {
                Flow::Done(Ok(Completion::Normal)) => index += 1,
                Flow::Await(v) => {
                    unwound.push(Level::List(index));
                    return Flow::Await(v);
                }
                done => return done,
            }
        }
        Flow::Done(Ok(Completion::Normal))
    }

    /// One statement: an await statement, a block or if statement holding
    /// some (entered level by level), or any other (evaluated as usual).
    fn run_stmt(
        &mut self,
        frame: &mut Frame,
        stmt: &Stmt,
        resumption: &mut Resumption,
        unwound: &mut Vec<Level>,
    ) -> Flow {
        if resumption.at_await() {
            // The await statement the body suspended at: complete it.
            let input = resumption.input.take().expect("resuming with a value");
            return Flow::Done(match resumed_value(input) {
                Ok(v) => self.complete_await_stmt(frame, stmt, v),
                Err(e) => Err(e),
            });
        }
        if !resumption.resuming() {
            if let Some(waiting) = await_stmt(stmt) {
                return match self.eval_expr(frame, waiting.operand()) {
                    Ok(v) => Flow::Await(v),
                    Err(e) => Flow::Done(Err(e)),
                };
            }
        }
        match &stmt.kind {
            // Block : { StatementList } (the evaluator's block, level by level).
            StmtKind::Block(stmts) => {
                let scope = stmt_scope(stmt);
                // A block that declares nothing needs no scope work.
                if scope.env_slots.is_none() && scope.bindings.is_empty() {
                    return self.run_list(frame, stmts, resumption, unwound);
                }
                // 1–4. BlockDeclarationInstantiation in a new environment
                //      (when resuming, the saved frame is already inside it).
                let outer = match resumption.next_level() {
                    Some(Level::Scope(outer)) => outer,
                    Some(_) => unreachable!("a scoped block resumes inside its scope"),
                    None => self.enter_block(frame, scope),
                };
                match self.run_list(frame, stmts, resumption, unwound) {
                    Flow::Await(v) => {
                        unwound.push(Level::Scope(outer));
                        Flow::Await(v)
                    }
                    // 5–6. Set the running execution context's
                    //      LexicalEnvironment to oldEnv; return blockValue.
                    done => {
                        frame.env = outer;
                        done
                    }
                }
            }
            // IfStatement evaluation — https://tc39.es/ecma262/#sec-if-statement-runtime-semantics-evaluation
            StmtKind::If {
                test,
                consequent,
                alternate,
            } => {
                let branch = match resumption.next_level() {
                    Some(Level::Branch(branch)) => branch,
                    Some(_) => unreachable!("an if statement resumes in a branch"),
                    // 1–2. Let exprValue be ToBoolean(? GetValue(? Evaluation of Expression)).
                    None => match self.eval_expr(frame, test) {
                        Ok(t) => to_boolean(&t),
                        Err(e) => return Flow::Done(Err(e)),
                    },
                };
                // 3–4. Evaluate the first or the second Statement (none: normal).
                let chosen = match (branch, alternate) {
                    (true, _) => consequent,
                    (false, Some(alternate)) => alternate,
                    (false, None) => return Flow::Done(Ok(Completion::Normal)),
                };
                match self.run_stmt(frame, chosen, resumption, unwound) {
                    Flow::Await(v) => {
                        unwound.push(Level::Branch(branch));
                        Flow::Await(v)
                    }
                    done => done,
                }
            }
            _ => {
                debug_assert!(!resumption.resuming(), "only containers are resumed into");
                Flow::Done(self.eval_stmt(frame, stmt))
            }
        }
    }

    /// The rest of an await statement once its `await` has the value `v`.
    fn complete_await_stmt(
        &mut self,
        frame: &mut Frame,
        stmt: &Stmt,
        v: Value,
    ) -> JsResult<Completion> {
        match await_stmt(stmt).expect("the body suspended at an await statement") {
            AwaitStmt::Discard(_) => Ok(Completion::Normal),
            // AssignmentExpression: PutValue(lref, rval) (lref resolved
            // statically: eligibility excludes names looked up by name).
            AwaitStmt::Assign(target, _) => {
                let PatternKind::Ident(id) = &target.kind else {
                    unreachable!("await_stmt assigns to identifiers only")
                };
                self.assign_ident(frame, id, v)?;
                Ok(Completion::Normal)
            }
            // LexicalBinding / VariableDeclaration with an initializer.
            AwaitStmt::Declare(target, _) => {
                self.bind_pattern(frame, target, v, true)?;
                Ok(Completion::Normal)
            }
            AwaitStmt::Return(_) => Ok(Completion::Return(v)),
        }
    }
}

/// The value an await resumed with, or the rejection thrown at the await.
fn resumed_value(input: Resume) -> JsResult<Value> {
    match input {
        Resume::Next(v) => Ok(v),
        Resume::Throw(e) => Err(Throw::new(e)),
        // Await reactions only fulfil or reject.
        Resume::Return(v) => Ok(v),
    }
}
