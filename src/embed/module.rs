//! Modules of the embedding API: [`SourceTextModule`] and
//! [`SyntheticModule`] create a [`Module`]; `link`, `evaluate`, `status`,
//! `error` and `namespace` work as `vm.Module`'s do, with Node's error codes.

pub use crate::syntax::ast::ImportPhase;
use std::collections::HashSet;
use std::rc::Rc;

use gc::{Finalize, Gc, Trace};

use super::error::{Error, Result};
use super::namespace::Namespace;
use super::runtime::{Context, Runtime};
use super::value::JsValue;
use crate::interp::agent::Agent;
use crate::interp::builtins::promise::{promise_state, PromiseStateView};
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::module::record::ModuleRecord;
use crate::module::synthetic::throw_export_not_defined;
use crate::module::termination::clear_termination;
use crate::module::{
    create_synthetic_module, parse_module, set_synthetic_module_export, GraphLoadingState,
    HostLoad, ModuleHost, ModuleId, ModuleIdentity, ModuleRequest, SharedGraph,
};

/// A module of a [`Runtime`] (a cheap handle; compare with `==`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Module {
    pub(crate) id: ModuleId,
    pub(crate) runtime: u64,
}

/// `module.status` as Node reports it.
pub use crate::module::VmStatus as Status;

/// Options of the module constructors.
#[derive(Clone, Debug, Default)]
pub struct ModuleOptions {
    /// Defaults to `vm:module(N)`, counted per runtime (or per context).
    pub identifier: Option<String>,
    /// Runs the module in this context (its globals and built-ins).
    pub context: Option<Context>,
}

/// What [`Module::evaluate`] leaves behind.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Evaluation {
    /// The graph ran to completion.
    Complete,
    /// A top-level `await` waits for something no job or timer will
    /// settle yet (the module reports `evaluated` meanwhile); run
    /// [`Runtime::run_jobs`] after settling it, then check `status()`.
    Pending,
}

/// The spec's link attributes of a request: `with { type: "json" }` → `[("type", "json")]`.
pub type Attributes = [(String, String)];

/// Modules whose source is JavaScript (`vm.SourceTextModule`).
pub struct SourceTextModule;

// `new` gives a `Module`: the two kinds are constructors of one handle type,
// as `new vm.SourceTextModule(...)` gives a `vm.Module`.
#[allow(clippy::new_ret_no_self)]
impl SourceTextModule {
    /// Parses `source` as a module (ParseModule): a module in status
    /// `unlinked`, or [`Error::Syntax`].
    pub fn new(rt: &mut Runtime, source: &str, options: ModuleOptions) -> Result<Module> {
        let identifier = next_identifier(rt, &options);
        let realm = options.context.map(|c| c.realm);
        let record = parse_module(source, ModuleIdentity::named(identifier.clone(), realm))
            .map_err(|e| {
                let at =
                    crate::syntax::span::LineIndex::new(source).line_col(e.span.start as usize);
                Error::Syntax {
                    identifier,
                    message: e.message.clone(),
                    line: at.line as usize,
                    column: at.column as usize,
                }
            })?;
        let id = rt.graph().borrow_mut().add(record);
        Ok(Module {
            id,
            runtime: rt.serial,
        })
    }
}

/// The `vm:module(N)` identifier: N counts per runtime, or per context.
fn next_identifier(rt: &mut Runtime, options: &ModuleOptions) -> String {
    if let Some(identifier) = &options.identifier {
        return identifier.clone();
    }
    let counter = match &options.context {
        Some(context) => context.realm.clone(),
        None => rt.agent.realm.clone(),
    };
    let key = Rc::as_ptr(&counter) as usize;
    let n = rt.identifiers.entry(key).or_insert(0);
    let identifier = format!("vm:module({n})");
    *n += 1;
    identifier
}

/// Sets the exports of a [`SyntheticModule`] while it evaluates.
pub struct SyntheticExports<'a> {
    record: &'a ModuleRecord,
}

impl SyntheticExports<'_> {
    /// SetSyntheticModuleExport; an unknown name is an error.
    pub fn set(&mut self, name: &str, value: JsValue) -> std::result::Result<(), String> {
        if set_synthetic_module_export(self.record, &JsStr::from(name), value.to_value()) {
            Ok(())
        } else {
            Err(format!("Export '{name}' is not defined in module"))
        }
    }
}

type EvaluationSteps = Rc<dyn Fn(&mut SyntheticExports) -> std::result::Result<(), String>>;

#[derive(Trace, Finalize)]
struct SyntheticSteps {
    #[unsafe_ignore_trace]
    steps: EvaluationSteps,
    /// The record's graph and id, for SetSyntheticModuleExport.
    #[unsafe_ignore_trace]
    graph: SharedGraph,
    #[unsafe_ignore_trace]
    module: ModuleId,
}

impl ObjectData for SyntheticSteps {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "SyntheticSteps"
    }
}

/// Modules whose exports the host sets (`vm.SyntheticModule`).
pub struct SyntheticModule;

#[allow(clippy::new_ret_no_self)]
impl SyntheticModule {
    /// CreateSyntheticModule: exports `export_names` (undefined until set);
    /// `steps` runs once, when the module is evaluated; an `Err` is thrown
    /// as an `Error` with that message.
    pub fn new(
        rt: &mut Runtime,
        export_names: &[&str],
        steps: impl Fn(&mut SyntheticExports) -> std::result::Result<(), String> + 'static,
        options: ModuleOptions,
    ) -> Result<Module> {
        let mut unique = HashSet::new();
        if let Some(dup) = export_names.iter().find(|n| !unique.insert(**n)) {
            return Err(Error::vm(
                "ERR_INVALID_ARG_VALUE",
                format!("The property 'exportNames.{dup}' is duplicated. Received '{dup}'"),
            ));
        }
        let identifier = next_identifier(rt, &options);
        let names: Vec<JsStr> = export_names.iter().map(|n| JsStr::from(*n)).collect();
        let realm = options.context.map(|c| c.realm);
        let graph = rt.graph();
        // The steps' function needs the record's id, known once it is added.
        let module = ModuleId(graph.borrow().modules.len() as u32);
        let holder = JsObject::with_kind(
            None,
            ObjectKind::Other(Box::new(SyntheticSteps {
                steps: Rc::new(steps),
                graph: graph.clone(),
                module,
            })),
        );
        let function = rt.agent.native_function_with(
            "",
            0,
            run_synthetic_steps,
            false,
            vec![Value::Object(holder)],
        );
        let identity = ModuleIdentity::named(identifier, realm);
        let record = create_synthetic_module(&names, Some(Value::Object(function)), identity);
        let id = graph.borrow_mut().add(record);
        debug_assert_eq!(id, module);
        Ok(Module {
            id,
            runtime: rt.serial,
        })
    }
}

fn run_synthetic_steps(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let Value::Object(holder) = args.capture(0) else {
        return Ok(Value::Undefined);
    };
    let Some(data) = holder.data::<SyntheticSteps>() else {
        return Ok(Value::Undefined);
    };
    let steps = data.steps.clone();
    let graph = data.graph.clone();
    let g = graph.borrow();
    let mut exports = SyntheticExports {
        record: g.get(data.module),
    };
    let result = steps(&mut exports);
    drop(g);
    match result {
        Ok(()) => Ok(Value::Undefined),
        Err(message) => Err(agent.error(crate::interp::ops::errors::ErrorKind::Error, message)),
    }
}

impl Module {
    fn check(&self, rt: &Runtime) -> Result<()> {
        if self.runtime != rt.serial {
            return Err(Error::vm(
                "ERR_VM_MODULE_NOT_MODULE",
                "Provided module is not an instance of Module",
            ));
        }
        Ok(())
    }

    fn graph(&self, rt: &Runtime) -> Result<SharedGraph> {
        self.check(rt)?;
        Ok(rt.graph())
    }

    /// The identifier (`vm:module(N)` unless given).
    pub fn identifier(&self, rt: &Runtime) -> Result<String> {
        Ok(self.graph(rt)?.borrow().get(self.id).name.clone())
    }

    /// The status, from the spec's [[Status]] and [[EvaluationError]].
    pub fn status(&self, rt: &Runtime) -> Result<Status> {
        let graph = self.graph(rt)?;
        let status = Status::of(graph.borrow().get(self.id));
        Ok(status)
    }

    /// [[EvaluationError]]; `ERR_VM_MODULE_STATUS` unless errored.
    pub fn error(&self, rt: &Runtime) -> Result<JsValue> {
        if self.status(rt)? != Status::Errored {
            return Err(Error::status("must be errored"));
        }
        let graph = self.graph(rt)?;
        let error = graph.borrow().get(self.id).evaluation_error.clone();
        Ok(JsValue::from_value(&error.unwrap_or(Value::Undefined)))
    }

    /// The module's requests in source order, each with its attributes and
    /// [[Phase]] (unique by specifier, attributes and phase): `import defer`
    /// is [`ImportPhase::Defer`], `import source` [`ImportPhase::Source`].
    ///
    /// ```
    /// use vmjs::embed::{ImportPhase, ModuleOptions, Runtime, SourceTextModule};
    /// let mut rt = Runtime::new();
    /// let source = "import defer * as ns from 'a'; import 'b';";
    /// let m = SourceTextModule::new(&mut rt, source, ModuleOptions::default()).unwrap();
    /// let requests = m.module_requests(&rt).unwrap();
    /// assert_eq!(requests[0].phase, ImportPhase::Defer);
    /// assert_eq!(requests[1].phase.name(), "evaluation");
    /// ```
    pub fn module_requests(&self, rt: &Runtime) -> Result<Vec<ModuleRequestInfo>> {
        let graph = self.graph(rt)?;
        let g = graph.borrow();
        Ok(g.get(self.id)
            .requested_modules
            .iter()
            .map(|r| ModuleRequestInfo {
                specifier: r.specifier.to_rust_string(),
                attributes: r
                    .attributes
                    .iter()
                    .map(|(k, v)| (k.to_rust_string(), v.to_rust_string()))
                    .collect(),
                phase: r.phase,
            })
            .collect())
    }

    /// The module's requests in source order (unique by specifier and attributes).
    pub fn dependency_specifiers(&self, rt: &Runtime) -> Result<Vec<String>> {
        let graph = self.graph(rt)?;
        let g = graph.borrow();
        Ok(g.get(self.id)
            .requested_modules
            .iter()
            .map(|r| r.specifier.to_rust_string())
            .collect())
    }

    /// Links the graph: LoadRequestedModules with `linker` as
    /// HostLoadImportedModule (called once per request of each module not
    /// linked yet, in source order), then Link ( ).
    ///
    /// `linker(rt, specifier, referrer, attributes)` returns the module for
    /// a request, created on the spot or earlier.
    pub fn link(
        &self,
        rt: &mut Runtime,
        mut linker: impl FnMut(&mut Runtime, &str, Module, &Attributes) -> Result<Module>,
    ) -> Result<()> {
        match self.status(rt)? {
            Status::Unlinked => {}
            Status::Linked => {
                return Err(Error::vm(
                    "ERR_VM_MODULE_ALREADY_LINKED",
                    "Module has already been linked",
                ))
            }
            _ => return Err(Error::status("must be unlinked")),
        }
        let graph = rt.graph();
        let host = LinkerHost {
            graph: graph.clone(),
        };
        // LoadRequestedModules, with the linker as HostLoadImportedModule:
        // every load is left under way and answered here, in the order the
        // loading process started them.
        let root = self.id;
        let mut state = rt.guarded(|agent| GraphLoadingState::start(agent, &host, root))?;
        while let Some(load) = state.next_pending() {
            let module = self.resolve(rt, &mut linker, load.referrer, &load.request)?;
            rt.guarded(|agent| state.continue_module_loading(agent, &host, &load, Ok(module.id)))?;
        }
        state.finish();
        rt.guarded(|agent| crate::module::link(agent, &graph, root))
    }

    /// One linker call, with the checks Node's link() makes on its result.
    fn resolve(
        &self,
        rt: &mut Runtime,
        linker: &mut impl FnMut(&mut Runtime, &str, Module, &Attributes) -> Result<Module>,
        referrer: ModuleId,
        request: &ModuleRequest,
    ) -> Result<Module> {
        let specifier = request.specifier.to_rust_string();
        let attributes: Vec<(String, String)> = request
            .attributes
            .iter()
            .map(|(k, v)| (k.to_rust_string(), v.to_rust_string()))
            .collect();
        let referrer = Module {
            id: referrer,
            runtime: rt.serial,
        };
        let module = linker(rt, &specifier, referrer, &attributes)?;
        module.check(rt)?;
        let graph = rt.graph();
        let (context, referrer_context) = {
            let g = graph.borrow();
            (
                g.get(module.id).realm.clone(),
                g.get(referrer.id).realm.clone(),
            )
        };
        let same = match (&context, &referrer_context) {
            (None, None) => true,
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            _ => false,
        };
        if !same {
            return Err(Error::vm(
                "ERR_VM_MODULE_DIFFERENT_CONTEXT",
                "Linked modules must use the same context",
            ));
        }
        if module.status(rt)? == Status::Errored {
            let cause = module.error(rt)?;
            let description = match &cause {
                JsValue::Object(o) => rt.agent.describe_uncaught(&Value::Object(o.0.clone())),
                other => format!("{other:?}"),
            };
            return Err(Error::Vm {
                code: "ERR_VM_MODULE_LINK_FAILURE",
                message: format!("request for '{specifier}' resolved to an errored module"),
                cause: Some(Box::new(Error::Exception {
                    description,
                    value: cause,
                })),
            });
        }
        Ok(module)
    }

    /// Evaluate ( ), then the jobs and timers it leaves, under the limits.
    /// An exception thrown by the graph is [`Error::Exception`] (and the
    /// module `errored`); so is one thrown later by a timer callback, which
    /// ends the run as an uncaught exception ends Node's (the module stays
    /// `evaluated`); a limit reached is [`Error::Limit`].
    pub fn evaluate(&self, rt: &mut Runtime) -> Result<Evaluation> {
        if !matches!(
            self.status(rt)?,
            Status::Linked | Status::Evaluated | Status::Errored
        ) {
            return Err(Error::status(
                "must be one of linked, evaluated, or errored",
            ));
        }
        let graph = rt.graph();
        let id = self.id;
        let result = rt.guarded(|agent| {
            let promise = crate::module::evaluate(agent, &graph, id)?;
            agent.run_event_loop(None, crate::interp::jobs::UnhandledRejections::Ignore)?;
            Ok(promise)
        });
        let promise = match result {
            Ok(p) => p,
            Err(Error::Limit(limit)) => {
                let _ = clear_termination(&mut rt.agent, &graph, id);
                return Err(Error::Limit(limit));
            }
            Err(e) => return Err(e),
        };
        let Value::Object(p) = &promise else {
            return Ok(Evaluation::Complete);
        };
        match promise_state(p) {
            Some(PromiseStateView::Rejected(e)) => {
                rt.agent
                    .jobs
                    .unhandled_rejections
                    .retain(|q| !Gc::ptr_eq(q, p));
                Err(rt.exception(&e))
            }
            Some(PromiseStateView::Pending) => Ok(Evaluation::Pending),
            _ => Ok(Evaluation::Complete),
        }
    }

    /// The module namespace object; `ERR_VM_MODULE_STATUS` before linking.
    pub fn namespace(&self, rt: &mut Runtime) -> Result<Namespace> {
        if matches!(self.status(rt)?, Status::Unlinked | Status::Linking) {
            return Err(Error::status("must not be unlinked or linking"));
        }
        let graph = rt.graph();
        let ns = crate::module::get_module_namespace(&mut rt.agent, &graph, self.id);
        Ok(Namespace { object: ns })
    }

    /// SetSyntheticModuleExport on a linked synthetic module.
    pub fn set_export(&self, rt: &mut Runtime, name: &str, value: JsValue) -> Result<()> {
        if matches!(self.status(rt)?, Status::Unlinked | Status::Linking) {
            return Err(Error::status("must be linked"));
        }
        let graph = rt.graph();
        let set = set_synthetic_module_export(
            graph.borrow().get(self.id),
            &name.into(),
            value.to_value(),
        );
        if set {
            return Ok(());
        }
        let Err(e) = rt.guarded(|agent| throw_export_not_defined::<()>(agent, name)) else {
            return Ok(());
        };
        Err(e)
    }
}

/// The host [`Module::link`] loads through: the linker closure answers
/// each request (it needs the whole [`Runtime`], so the link loop calls it
/// between the loading steps rather than from inside them).
struct LinkerHost {
    graph: SharedGraph,
}

impl ModuleHost for LinkerHost {
    fn graph(&self) -> SharedGraph {
        self.graph.clone()
    }

    fn load_imported_module(&self, _: &mut Agent, _: ModuleId, _: &ModuleRequest) -> HostLoad {
        HostLoad::Started
    }

    /// Never asked: [`Module::link`] drives the loading itself.
    fn finish_load(
        &self,
        agent: &mut Agent,
        _: ModuleId,
        request: &ModuleRequest,
    ) -> JsResult<ModuleId> {
        let message = format!("request for '{}' has no linker", request.specifier);
        Err(agent.error(crate::interp::ops::errors::ErrorKind::Error, message))
    }
}

impl Runtime {
    /// Whether `module` belongs to this runtime.
    pub fn owns(&self, module: Module) -> bool {
        module.runtime == self.serial
    }
}

/// One of a module's ModuleRequest Records ([`SourceTextModule::module_requests`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleRequestInfo {
    /// [[Specifier]]
    pub specifier: String,
    /// [[Attributes]], sorted by key.
    pub attributes: Vec<(String, String)>,
    /// [[Phase]]: `evaluation`, `defer` or `source` (its
    /// [`ImportPhase::name`] is the string Node's `moduleRequests` gives).
    pub phase: ImportPhase,
}
