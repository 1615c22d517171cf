//! Running a module's body: InitializeEnvironment's declaration
//! instantiation and ExecuteModule (ECMA-262 §16.2.1.7.3.1, §16.2.1.7.3.2)
//! for the module's own code. Linking imports to other modules' bindings
//! is the module layer's work; it fills `Env::imports` before execution.

use std::rc::Rc;

use gc::Gc;

use super::frame::Frame;
use super::suspend::{Resume, MODULE_STACK};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::environment::Env;
use crate::interp::function::Code;
use crate::interp::object::JsObject;
use crate::interp::source::SourceText;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::syntax::ast::{ExportKind, Module, ModuleItem};

/// A module ready to run: its AST, its source and its environment.
pub struct ModuleCode {
    pub ast: Rc<Module>,
    pub source: Rc<SourceText>,
    pub env: Gc<Env>,
}

impl ModuleCode {
    /// Creates the module environment (InitializeEnvironment steps 5–7):
    /// every binding uninitialised, the import bindings unlinked.
    pub fn new(ast: Rc<Module>, source: Rc<SourceText>) -> ModuleCode {
        let scope = ast.scope.get().expect("modules are analysed when parsed");
        let env = Env::new_module(
            scope.env_slots,
            scope.imports.len() as u32,
            scope.env_names.clone(),
        );
        ModuleCode { ast, source, env }
    }

    /// The environment slot of a top-level binding (for export resolution).
    pub fn binding_slot(&self, name: &str) -> Option<u32> {
        let scope = self.ast.scope.get()?;
        scope
            .declarations
            .iter()
            .find(|(n, _, _)| &**n == name)
            .map(|(_, slot, _)| *slot)
    }
}

impl Agent {
    /// InitializeEnvironment's declaration instantiation (steps 21–24):
    /// vars to undefined, hoisted functions created. Run once per module,
    /// before any module of its graph executes, so that cyclic imports see
    /// functions.
    pub fn instantiate_module_declarations(&mut self, module: &ModuleCode) -> JsResult<()> {
        let scope = module.ast.scope.get().expect("analysed");
        if scope.var_bindings.is_empty() && scope.hoisted_functions.is_empty() {
            return Ok(());
        }
        let mut frame = Frame::new(
            0,
            Some(module.env.clone()),
            Some(module.env.clone()),
            module.source.clone(),
            None,
        );
        for &b in &scope.var_bindings {
            self.initialize_binding(&mut frame, b, "", Value::Undefined)?;
        }
        for h in &scope.hoisted_functions {
            let fo = self.instantiate_function_declaration(&frame, &h.function);
            self.initialize_binding(&mut frame, h.target, "", Value::Object(fo))?;
        }
        Ok(())
    }

    /// ExecuteModule ( ) for a module without top-level await: the body
    /// runs right here, on the caller's stack (no coroutine, no promise).
    pub fn execute_module_sync(&mut self, module: &ModuleCode) -> JsResult<()> {
        let scope = module.ast.scope.get().expect("analysed");
        let mut frame = Frame::new(
            scope.frame_size,
            Some(module.env.clone()),
            Some(module.env.clone()),
            module.source.clone(),
            None,
        );
        self.stack.push(crate::interp::agent::StackFrame {
            function: None,
            source: module.source.clone(),
            position: std::cell::Cell::new(0),
        });
        let result = self.run_module_items(&mut frame, &module.ast);
        self.stack.pop();
        result
    }

    /// ExecuteModule ( [ capability ] ): runs the body on its own coroutine
    /// stack (it may `await`) and returns a promise for its completion.
    pub fn execute_module(&mut self, module: &ModuleCode) -> JsResult<Value> {
        let capability = self.promise_capability()?;
        let promise = capability.promise.clone();
        let ast = module.ast.clone();
        let source = module.source.clone();
        let env = module.env.clone();
        let body = move |agent: &mut Agent, _first: Resume| -> JsResult<Value> {
            let scope = ast.scope.get().expect("analysed");
            let mut frame = Frame::new(
                scope.frame_size,
                Some(env.clone()),
                Some(env),
                source.clone(),
                None,
            );
            agent.stack.push(crate::interp::agent::StackFrame {
                function: None,
                source,
                position: std::cell::Cell::new(0),
            });
            let result = agent.run_module_items(&mut frame, &ast);
            agent.stack.pop();
            result.map(|_| Value::Undefined)
        };
        let proto = self.intrinsics().object_prototype.clone();
        let state = self.module_activation(body, capability, proto);
        self.async_step(&state, Resume::Next(Value::Undefined));
        Ok(promise)
    }

    fn module_activation(
        &mut self,
        body: impl FnOnce(&mut Agent, Resume) -> JsResult<Value> + 'static,
        capability: crate::interp::builtins::promise::PromiseCapability,
        proto: Gc<JsObject>,
    ) -> Gc<JsObject> {
        self.suspendable_object_sized(body, MODULE_STACK, Some(capability), proto)
    }

    fn run_module_items(&mut self, frame: &mut Frame, module: &Module) -> JsResult<()> {
        let scope = module.scope.get().expect("analysed");
        if let Some(b) = scope.this_binding {
            self.initialize_binding(frame, b, "this", Value::Undefined)?;
        }
        for item in &module.body {
            match item {
                ModuleItem::Import(_) => {}
                ModuleItem::Stmt(stmt) => {
                    self.eval_stmt(frame, stmt)?;
                }
                ModuleItem::Export(export) => match &export.kind {
                    ExportKind::Decl(stmt) => {
                        self.eval_stmt(frame, stmt)?;
                    }
                    ExportKind::DefaultExpr(e) => {
                        // export default AssignmentExpression: NamedEvaluation with "default".
                        let v = if super::functions::is_anonymous_function_definition(e) {
                            self.eval_named_function(frame, e, JsStr::from("default"))?
                        } else {
                            self.eval_expr(frame, e)?
                        };
                        self.write_default_export(frame, scope, v)?;
                    }
                    ExportKind::DefaultClass(class) => {
                        let name = class.name.is_none().then(|| JsStr::from("default"));
                        let v = self.eval_class(frame, class, name)?;
                        match &class.name {
                            Some(id) => {
                                self.initialize_binding(frame, id.binding.get(), &id.name, v)?
                            }
                            None => self.write_default_export(frame, scope, v)?,
                        }
                    }
                    ExportKind::DefaultFunction(_)
                    | ExportKind::Named { .. }
                    | ExportKind::All { .. } => {}
                },
            }
        }
        Ok(())
    }

    fn write_default_export(
        &mut self,
        frame: &mut Frame,
        scope: &crate::syntax::scope::ModuleScope,
        v: Value,
    ) -> JsResult<()> {
        if let Some((_, slot, _)) = scope
            .declarations
            .iter()
            .find(|(n, _, _)| &**n == "*default*")
        {
            let env = frame.env.clone().expect("module environment");
            env.set(*slot, v);
        }
        Ok(())
    }
}

/// Whether a function object runs a given kind of code (used by tests).
pub fn is_closure_code(f: &Gc<JsObject>, pred: impl Fn(&Code) -> bool) -> bool {
    match &f.kind {
        crate::interp::object::ObjectKind::Function(data) => {
            data.closure().is_some_and(|c| pred(&c.code))
        }
        _ => false,
    }
}
