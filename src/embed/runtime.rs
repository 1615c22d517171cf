//! [`Runtime`]: one agent (heap, job queue, realms) with its module
//! records, the limits evaluation runs under, and host functions.

use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use gc::{Finalize, Gc, Trace};

use super::error::{Error, LimitExceeded, Result};
use super::value::JsValue;
use crate::host::FileHost;
use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::function::CallArgs;
use crate::interp::interrupt::{Interrupt, InterruptReason};
use crate::interp::jobs::UnhandledRejections;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::property::Attributes;
use crate::interp::realm::Realm;
use crate::interp::run_source::CapturedOutput;
use crate::interp::value::Value;
use crate::module::SharedGraph;

/// What an evaluation may use. The defaults are Node's: no time, step or
/// heap limit; calls nest 10,000 deep.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Wall-clock time for one `evaluate` or `call` (jobs included).
    pub timeout: Option<Duration>,
    /// Loop iterations plus calls for one `evaluate` or `call`.
    pub step_budget: Option<u64>,
    /// Bytes of heap for one `evaluate` or `call`, checked after a
    /// collection: every byte the process holds when it installs
    /// [`CountingAllocator`](super::CountingAllocator) as its global
    /// allocator, else the garbage-collected cells only.
    pub heap_bytes: Option<usize>,
    /// How deeply JavaScript calls may nest before a RangeError.
    pub max_call_depth: usize,
    /// Bytes of native stack the calling thread has: JavaScript recursion
    /// ends in `RangeError: Maximum call stack size exceeded` well before
    /// it is used up. Rust's spawned threads have 2 MiB unless told otherwise.
    pub native_stack_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: None,
            step_budget: None,
            heap_bytes: None,
            max_call_depth: crate::interp::agent::DEFAULT_MAX_CALL_DEPTH,
            native_stack_bytes: 2 << 20,
        }
    }
}

static RUNTIMES: AtomicU64 = AtomicU64::new(1);

/// A JavaScript runtime: create modules in it ([`SourceTextModule`],
/// [`SyntheticModule`]), link, evaluate, read their namespaces.
///
/// [`SourceTextModule`]: super::SourceTextModule
/// [`SyntheticModule`]: super::SyntheticModule
pub struct Runtime {
    pub(crate) agent: Agent,
    pub(crate) host: FileHost,
    pub(crate) limits: Limits,
    /// Tells this runtime's modules from other runtimes'.
    pub(crate) serial: u64,
    /// Default-identifier counters per realm (`vm:module(N)`).
    pub(crate) identifiers: std::collections::HashMap<usize, u32>,
}

impl Default for Runtime {
    fn default() -> Self {
        Runtime::new()
    }
}

impl Runtime {
    pub fn new() -> Runtime {
        Runtime::with_limits(Limits::default())
    }

    pub fn with_limits(limits: Limits) -> Runtime {
        let mut agent = Agent::new();
        let host = FileHost::new();
        host.install(&mut agent);
        let mut rt = Runtime {
            agent,
            host,
            limits: Limits::default(),
            serial: RUNTIMES.fetch_add(1, Ordering::Relaxed),
            identifiers: std::collections::HashMap::new(),
        };
        rt.set_limits(limits);
        rt
    }

    pub fn set_limits(&mut self, limits: Limits) {
        self.agent.max_call_depth = limits.max_call_depth;
        crate::interp::stack_guard::register_thread_stack(limits.native_stack_bytes);
        self.limits = limits;
    }

    /// Sends `console.log` output to a buffer (read it with `.text()`).
    pub fn capture_output(&mut self) -> CapturedOutput {
        self.agent.capture_stdout()
    }

    /// Defines a global function of the main realm that runs `f`; an `Err`
    /// becomes a thrown `Error` with that message.
    pub fn define_function(
        &mut self,
        name: &str,
        f: impl Fn(&[JsValue]) -> std::result::Result<JsValue, String> + 'static,
    ) {
        let global = self.agent.global_object();
        define_host_function(&mut self.agent, &global, name, Rc::new(f));
    }

    /// Calls a JavaScript function (e.g. one a namespace exports) under the limits.
    pub fn call(&mut self, f: &JsValue, args: &[JsValue]) -> Result<JsValue> {
        let f = f.to_value();
        let args: Vec<Value> = args.iter().map(JsValue::to_value).collect();
        let value = self.guarded(|agent| {
            let v = agent.call(&f, &Value::Undefined, &args)?;
            agent.run_promise_jobs()?;
            Ok(v)
        })?;
        Ok(JsValue::from_value(&value))
    }

    /// Runs promise jobs and timers until none is left (under the limits):
    /// the event loop the CLI runs, except that a rejected promise without
    /// a handler is left to the embedder.
    pub fn run_jobs(&mut self) -> Result<()> {
        self.guarded(|agent| agent.run_event_loop(None, UnhandledRejections::Ignore))
    }

    pub(crate) fn graph(&self) -> SharedGraph {
        self.host.graph()
    }

    /// Runs `work` with the limits watched, turning a termination into
    /// [`Error::Limit`] and an exception into [`Error::Exception`].
    pub(crate) fn guarded<T>(&mut self, work: impl FnOnce(&mut Agent) -> JsResult<T>) -> Result<T> {
        let limits = &self.limits;
        let watch = (limits.timeout.is_some()
            || limits.step_budget.is_some()
            || limits.heap_bytes.is_some())
        .then(|| {
            Interrupt::new(
                limits.timeout.map(|t| Instant::now() + t),
                limits.step_budget,
                limits.heap_bytes,
            )
        });
        let outer = self.agent.set_interrupt(watch);
        let result = work(&mut self.agent);
        let watch = self.agent.set_interrupt(outer);
        let fired = watch.and_then(|w| w.fired);
        match (result, fired) {
            (_, Some(reason)) => Err(Error::Limit(match reason {
                InterruptReason::Timeout => {
                    LimitExceeded::Timeout(self.limits.timeout.unwrap_or_default().as_millis())
                }
                InterruptReason::StepBudget => {
                    LimitExceeded::StepBudget(self.limits.step_budget.unwrap_or_default())
                }
                InterruptReason::HeapLimit => {
                    LimitExceeded::Heap(self.limits.heap_bytes.unwrap_or_default())
                }
                InterruptReason::Exit(code) => LimitExceeded::Exit(code),
            })),
            (Ok(v), None) => Ok(v),
            (Err(Throw(e)), None) => Err(self.exception(&e)),
        }
    }

    /// A thrown value as an [`Error::Exception`], described as `vmjs run`
    /// prints it.
    pub(crate) fn exception(&mut self, e: &Value) -> Error {
        Error::Exception {
            description: self.agent.describe_uncaught(e),
            value: JsValue::from_value(e),
        }
    }
}

type HostFn = Rc<dyn Fn(&[JsValue]) -> std::result::Result<JsValue, String>>;

/// The Rust closure behind a host function.
#[derive(Trace, Finalize)]
struct HostFunction {
    #[unsafe_ignore_trace]
    f: HostFn,
}

impl ObjectData for HostFunction {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "HostFunction"
    }
}

pub(crate) fn define_host_function(
    agent: &mut Agent,
    target: &Gc<JsObject>,
    name: &str,
    f: HostFn,
) {
    let holder = JsObject::with_kind(None, ObjectKind::Other(Box::new(HostFunction { f })));
    let function = agent.native_function_with(
        name,
        0,
        call_host_function,
        false,
        vec![Value::Object(holder)],
    );
    crate::interp::native::define_value(target, name, Value::Object(function), Attributes::METHOD);
}

fn call_host_function(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let Value::Object(holder) = args.capture(0) else {
        return Ok(Value::Undefined);
    };
    let Some(host) = holder.data::<HostFunction>() else {
        return Ok(Value::Undefined);
    };
    let f = host.f.clone();
    let values: Vec<JsValue> = args.args.iter().map(JsValue::from_value).collect();
    match f(&values) {
        Ok(v) => Ok(v.to_value()),
        Err(message) => Err(agent.error(crate::interp::ops::errors::ErrorKind::Error, message)),
    }
}

/// A `vm.createContext` context: a realm of its own whose global object
/// reads and writes through to a host-visible object.
#[derive(Clone)]
pub struct Context {
    pub(crate) sandbox: Gc<JsObject>,
    pub(crate) realm: Rc<Realm>,
}

impl std::fmt::Debug for Context {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Context")
    }
}

impl PartialEq for Context {
    fn eq(&self, other: &Self) -> bool {
        Gc::ptr_eq(&self.sandbox, &other.sandbox)
    }
}

impl Runtime {
    /// A new context (`vm.createContext({})`).
    pub fn create_context(&mut self) -> Context {
        let proto = self.agent.intrinsics().object_prototype.clone();
        let sandbox = JsObject::ordinary_create(Some(proto));
        let realm = crate::interp::vm_context::make_context(&mut self.agent, &sandbox);
        Context { sandbox, realm }
    }
}

impl Context {
    /// Sets a global variable of the context (a property of its contextified object).
    pub fn set_global(&self, rt: &mut Runtime, name: &str, value: JsValue) -> Result<()> {
        let sandbox = self.sandbox.clone();
        rt.guarded(|agent| {
            agent.create_data_property(
                &sandbox,
                crate::interp::property::PropertyKey::from(name),
                value.to_value(),
            )?;
            Ok(())
        })
    }

    /// Reads a global variable of the context.
    pub fn get_global(&self, rt: &mut Runtime, name: &str) -> Result<JsValue> {
        let global = self.realm.global_object.clone();
        let v = rt.guarded(|agent| {
            agent.get(&global, &crate::interp::property::PropertyKey::from(name))
        })?;
        Ok(JsValue::from_value(&v))
    }

    /// Defines a host function as a global of the context.
    pub fn define_function(
        &self,
        rt: &mut Runtime,
        name: &str,
        f: impl Fn(&[JsValue]) -> std::result::Result<JsValue, String> + 'static,
    ) {
        let outer = std::mem::replace(&mut rt.agent.realm, self.realm.clone());
        define_host_function(&mut rt.agent, &self.sandbox, name, Rc::new(f));
        rt.agent.realm = outer;
    }
}
