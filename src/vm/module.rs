//! Modules of the embedding API: [`SourceTextModule`] and
//! [`SyntheticModule`] create a [`Module`]; `link`, `evaluate`, `status`,
//! `error` and `namespace` work as `vm.Module`'s do, with Node's error codes.

use std::collections::HashSet;
use std::rc::Rc;

use gc::{Finalize, Gc, Trace};

use super::error::{Error, Result};
use super::namespace::Namespace;
use super::runtime::{Context, Runtime};
use super::value::JsValue;
use crate::interp::agent::{Agent, JsResult};
use crate::interp::builtins::promise::{promise_state, PromiseStateView};
use crate::interp::environment::Env;
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::value::Value;
use crate::module::record::{ExportEntry, ExportRef, ModuleBody, ModuleRecord, Status as Spec};
use crate::module::{ModuleId, ModuleRequest, SharedGraph};

/// A module of a [`Runtime`] (a cheap handle; compare with `==`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Module {
    pub(crate) id: ModuleId,
    pub(crate) runtime: u64,
}

/// `module.status` as Node reports it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Unlinked,
    Linking,
    Linked,
    Evaluating,
    /// Evaluated, or still running after a top-level `await`.
    Evaluated,
    Errored,
}

impl Status {
    /// Node's string for the status.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unlinked => "unlinked",
            Status::Linking => "linking",
            Status::Linked => "linked",
            Status::Evaluating => "evaluating",
            Status::Evaluated => "evaluated",
            Status::Errored => "errored",
        }
    }
}

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
        let ast = crate::syntax::parse_module(source).map_err(|e| {
            let at = crate::syntax::span::LineIndex::new(source).line_col(e.span.start as usize);
            Error::Syntax {
                identifier: identifier.clone(),
                message: e.message.clone(),
                line: at.line as usize,
                column: at.column as usize,
            }
        })?;
        let ast = Rc::new(ast);
        let text = crate::interp::source::SourceText::new(identifier.clone(), source);
        if let Some(context) = &options.context {
            let _ = text.realm.set(context.realm.clone());
        }
        let code = crate::interp::eval::ModuleCode::new(ast.clone(), text);
        let mut record =
            ModuleRecord::new(identifier.clone(), identifier, ModuleBody::Source(code));
        crate::module::entries::parse_module_entries(&mut record, &ast);
        record.has_tla = crate::module::has_tla::module_contains_await(&ast);
        record.realm = options.context.map(|c| c.realm);
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
    env: &'a Gc<Env>,
    names: &'a [String],
}

impl SyntheticExports<'_> {
    /// SetSyntheticModuleExport; an unknown name is an error.
    pub fn set(&mut self, name: &str, value: JsValue) -> std::result::Result<(), String> {
        match self.names.iter().position(|n| n == name) {
            Some(slot) => {
                self.env.set(slot as u32, value.to_value());
                Ok(())
            }
            None => Err(format!("Export '{name}' is not defined in module")),
        }
    }
}

type EvaluationSteps = Rc<dyn Fn(&mut SyntheticExports) -> std::result::Result<(), String>>;

#[derive(Trace, Finalize)]
struct SyntheticSteps {
    #[unsafe_ignore_trace]
    steps: EvaluationSteps,
    #[unsafe_ignore_trace]
    names: Vec<String>,
    env: Gc<Env>,
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
        let names: Vec<String> = export_names.iter().map(|n| n.to_string()).collect();
        let env = Env::new_module(names.len() as u32, 0);
        for slot in 0..names.len() {
            env.set(slot as u32, Value::Undefined);
        }
        let holder = JsObject::with_kind(
            None,
            ObjectKind::Other(Box::new(SyntheticSteps {
                steps: Rc::new(steps),
                names: names.clone(),
                env: env.clone(),
            })),
        );
        let function = rt.agent.native_function_with(
            "",
            0,
            run_synthetic_steps,
            false,
            vec![Value::Object(holder)],
        );
        let mut record = ModuleRecord::new(
            identifier.clone(),
            identifier,
            ModuleBody::Synthetic {
                env,
                evaluation_steps: Some(Value::Object(function)),
            },
        );
        for (slot, name) in names.iter().enumerate() {
            let name = crate::interp::string::JsStr::from(name.as_str());
            record.local_export_entries.push(ExportEntry {
                export_name: Some(name.clone()),
                module_request: None,
                import_name: None,
                local_name: Some((name, slot as u32)),
            });
        }
        record.index_exports();
        record.realm = options.context.map(|c| c.realm);
        let id = rt.graph().borrow_mut().add(record);
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
    let mut exports = SyntheticExports {
        env: &data.env,
        names: &data.names,
    };
    match steps(&mut exports) {
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
        let g = graph.borrow();
        let record = g.get(self.id);
        Ok(match record.status {
            Spec::New | Spec::Unlinked => Status::Unlinked,
            Spec::Linking => Status::Linking,
            Spec::Linked => Status::Linked,
            Spec::Evaluating => Status::Evaluating,
            Spec::EvaluatingAsync | Spec::Evaluated => match record.evaluation_error {
                Some(_) => Status::Errored,
                None => Status::Evaluated,
            },
        })
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
        // InnerModuleLoading, iteratively: each module in status new gets
        // every request answered, then its dependencies are visited.
        let mut seen = HashSet::new();
        let mut work = vec![self.id];
        while let Some(m) = work.pop() {
            if !seen.insert(m) || graph.borrow().get(m).status != Spec::New {
                continue;
            }
            let requests: Vec<(usize, ModuleRequest, Option<ModuleId>)> = {
                let g = graph.borrow();
                let r = g.get(m);
                r.requested_modules
                    .iter()
                    .cloned()
                    .enumerate()
                    .map(|(i, q)| (i, q, r.loaded_modules[i]))
                    .collect()
            };
            let mut next = Vec::new();
            for (i, request, loaded) in requests {
                let target = match loaded {
                    Some(t) => t,
                    None => {
                        let target = self.resolve(rt, &mut linker, m, &request)?.id;
                        crate::module::loading::finish_loading_imported_module(
                            &graph, m, i, target,
                        );
                        target
                    }
                };
                next.push(target);
            }
            work.extend(next.into_iter().rev());
        }
        // Every module reached is loaded: new → unlinked, then Link ( ).
        for m in seen {
            let mut g = graph.borrow_mut();
            let record = g.get_mut(m);
            if record.status == Spec::New {
                record.status = Spec::Unlinked;
            }
        }
        let id = self.id;
        rt.guarded(|agent| crate::module::link(agent, &graph, id))
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
    /// module `errored`); a limit reached is [`Error::Limit`].
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
                let _ = crate::node::vm::binding::clear_termination(&mut rt.agent, &graph, id);
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
        let g = graph.borrow();
        let record = g.get(self.id);
        let slot = match (&record.body, record.export_index.get(&name.into())) {
            (ModuleBody::Synthetic { .. }, Some(ExportRef::Local(i))) => record
                .local_export_entries[*i]
                .local_name
                .as_ref()
                .map(|(_, s)| *s),
            _ => None,
        };
        match slot {
            Some(slot) => {
                record.env().set(slot, value.to_value());
                Ok(())
            }
            None => {
                drop(g);
                let Err(e) = rt.guarded(|agent| -> JsResult<()> {
                    Err(agent.reference_error(format!("Export '{name}' is not defined in module")))
                }) else {
                    return Ok(());
                };
                Err(e)
            }
        }
    }
}

impl Runtime {
    /// Whether `module` belongs to this runtime.
    pub fn owns(&self, module: Module) -> bool {
        module.runtime == self.serial
    }
}
