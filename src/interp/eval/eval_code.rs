//! `eval` (ECMA-262 §19.2.1): the global function (indirect eval),
//! direct eval calls, PerformEval and EvalDeclarationInstantiation.
//!
//! Eval code is parsed and analysed as a script whose free names are the
//! calling code's, looked up by name (`BindingRef::Dynamic`, see
//! `dynamic.rs`). It runs in a frame of its own whose environment (the
//! spec's lexEnv: its let, const and class bindings, and in strict eval
//! code its vars and functions) sits on the caller's environment (direct
//! eval) or on none (indirect eval: the global environment).

use std::collections::HashSet;
use std::rc::Rc;

use gc::Gc;

use super::dynamic::DynamicBinding;
use super::frame::Frame;
use crate::interp::agent::{Agent, StackFrame};
use crate::interp::completion::{JsResult, Throw};
use crate::interp::environment::Env;
use crate::interp::function::{CallArgs, Callable, Code, ConstructorKind};
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::source::SourceText;
use crate::interp::value::Value;
use crate::syntax::ast::{Function, FunctionKind, Name, Script};
use crate::syntax::early_errors::EvalContext;
use crate::syntax::scope::ScriptScope;

/// The caller of a direct eval: its frame (LexicalEnvironment,
/// VariableEnvironment, strictness).
pub(crate) struct DirectCaller<'a> {
    pub frame: &'a Frame,
}

/// eval ( x ) — <https://tc39.es/ecma262/#sec-eval-x>
fn eval(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Return ? PerformEval(x, false, false).
    agent.perform_eval(args.arg(0), false, None)
}

/// Installs the global `eval` function (%eval%).
pub fn install(agent: &mut Agent) {
    let global = agent.global_object();
    let f = agent.define_method(&global, "eval", 1, eval);
    agent.intrinsics().register("eval", f);
}

impl Agent {
    /// Whether `f` is this realm's %eval% (a call `eval(...)` to it is a
    /// direct eval, §13.3.6.1 step 6.a).
    pub(crate) fn is_intrinsic_eval(&self, f: &Gc<JsObject>) -> bool {
        self.intrinsics()
            .try_get("eval")
            .is_some_and(|eval| Gc::ptr_eq(&eval, f))
    }

    /// PerformEval ( x, strictCaller, direct ) —
    /// <https://tc39.es/ecma262/#sec-performeval>; `caller` is Some for a
    /// direct eval.
    pub(crate) fn perform_eval(
        &mut self,
        x: Value,
        strict_caller: bool,
        caller: Option<DirectCaller>,
    ) -> JsResult<Value> {
        // 1. Assert: If direct is false, then strictCaller is also false.
        // 2. If x is not a String, return x.
        let Value::String(x) = x else {
            return Ok(x);
        };
        // 3–4. Let evalRealm be the current Realm Record; HostEnsureCanCompileStrings.
        // 5–10. inFunction, inMethod, inDerivedConstructor, inClassFieldInitializer
        //       from GetThisEnvironment() of a direct eval's caller.
        let context = match &caller {
            Some(caller) => self.eval_context(caller.frame)?,
            None => EvalContext::default(),
        };
        // 11. Perform the following substeps in an implementation-defined order:
        //     a. Let script be ParseText(x, Script).
        //     b. If script is a List of errors, throw a SyntaxError exception.
        //     c–f. The early errors of inFunction etc.
        let source_text = x.to_rust_string();
        let script = match crate::syntax::parse_eval(&source_text, strict_caller, context) {
            Ok(script) => Rc::new(script),
            Err(e) => return Err(self.syntax_error(e.message)),
        };
        // 12–15. body, strictEval (the parse recorded the script's strictness).
        let strict_eval = !script.sloppy.get();
        let scope = script
            .scope
            .get()
            .expect("eval code is analysed when parsed");
        // 16–18. lexEnv: a new declarative environment on the running
        //        context's LexicalEnvironment (direct) or the global
        //        environment (indirect); varEnv: the running context's
        //        VariableEnvironment or the global environment, or lexEnv
        //        itself for strict eval code.
        let (outer_env, module_env) = match &caller {
            Some(caller) => (caller.frame.env.clone(), caller.frame.module_env.clone()),
            None => (None, None),
        };
        let lex_env = Env::new_named(outer_env, scope.env_slots, scope.env_names.clone());
        let source = SourceText::new("eval", Rc::<str>::from(source_text.as_str()));
        self.mark_source_realm(&source);
        let mut frame = Frame::new(
            scope.frame_size,
            Some(lex_env),
            module_env,
            source.clone(),
            caller.as_ref().and_then(|c| c.frame.function.clone()),
        );
        frame.strict = strict_eval;
        // The completion value of the eval code (§14 UpdateEmpty rules).
        frame.completion = Some(Value::Undefined);
        // 19–25. evalContext: a new ECMAScript code execution context.
        self.stack.push(StackFrame {
            function: None,
            source,
            position: std::cell::Cell::new(0),
        });
        // 26. Let result be Completion(EvalDeclarationInstantiation(body,
        //     varEnv, lexEnv, privateEnv, strictEval)).
        let in_parameters = caller
            .as_ref()
            .filter(|c| c.frame.evaluating_parameters)
            .and_then(|c| c.frame.function.as_ref())
            .and_then(closure_function);
        let mut result = match in_parameters {
            Some(function) if !strict_eval => {
                parameter_environment_conflict(self, &function, scope)
            }
            _ => Ok(()),
        };
        if result.is_ok() {
            result = self.eval_declaration_instantiation(&mut frame, &script, scope, strict_eval);
        }
        // 27. If result is a normal completion, then
        //     a. Set result to Completion(Evaluation of body).
        if result.is_ok() {
            result = self.eval_stmts(&mut frame, &script.body).map(|_| ());
        }
        // 29. Suspend evalContext and remove it from the execution context stack.
        self.stack.pop();
        result?;
        // 28. If result is a normal completion and result.[[Value]] is empty,
        //     set result to NormalCompletion(undefined).
        // 30. Return ? result.
        Ok(frame.completion.take().unwrap_or(Value::Undefined))
    }

    /// PerformEval steps 5–10: what GetThisEnvironment() of the caller
    /// permits eval code (the active function of the nearest non-arrow
    /// function, which scope analysis keeps for direct eval callers).
    fn eval_context(&mut self, frame: &Frame) -> JsResult<EvalContext> {
        let function = match self.resolve_binding_by_name(frame, "%function")? {
            DynamicBinding::Slot { env, slot, .. } => env.get(slot),
            _ => None,
        };
        let Some(Value::Object(function)) = function else {
            return Ok(EvalContext::default());
        };
        let ObjectKind::Function(data) = &function.kind else {
            return Ok(EvalContext::default());
        };
        let Callable::Closure(closure) = &data.callable else {
            return Ok(EvalContext::default());
        };
        // 7. inFunction: true.
        let mut context = EvalContext {
            new_target_allowed: true,
            ..EvalContext::default()
        };
        match &closure.code {
            Code::Function(f) => match f.kind {
                // 8. inMethod: thisEnvRec.HasSuperBinding().
                FunctionKind::Method | FunctionKind::Getter | FunctionKind::Setter => {
                    context.super_property_allowed = true;
                }
                FunctionKind::ClassConstructor => {
                    context.super_property_allowed = true;
                    // 9. inDerivedConstructor.
                    context.super_call_allowed =
                        closure.constructor_kind == ConstructorKind::Derived;
                }
                FunctionKind::Normal | FunctionKind::Arrow => {}
            },
            // 10. inClassFieldInitializer (and static blocks, whose
            //     `arguments` is an early error as well).
            Code::FieldInitializer { .. } | Code::StaticBlock { .. } => {
                context.super_property_allowed = true;
                context.arguments_forbidden = true;
            }
            Code::DefaultConstructor { .. } => {}
        }
        Ok(context)
    }

    /// EvalDeclarationInstantiation ( body, varEnv, lexEnv, privateEnv, strict ) —
    /// <https://tc39.es/ecma262/#sec-evaldeclarationinstantiation>
    fn eval_declaration_instantiation(
        &mut self,
        frame: &mut Frame,
        script: &Script,
        scope: &ScriptScope,
        strict: bool,
    ) -> JsResult<()> {
        if strict {
            // Strict eval code: varEnv is lexEnv, whose var and function
            // bindings scope analysis laid out (steps 3 and 8–10 only
            // concern other environments; 16–17 initialise them).
            for &b in &scope.var_bindings {
                self.initialize_binding(frame, b, "", Value::Undefined)?;
            }
            for h in &scope.hoisted_functions {
                let fo = self.instantiate_function_declaration(frame, &h.function);
                self.initialize_binding(frame, h.target, "", Value::Object(fo))?;
            }
            return Ok(());
        }
        let _ = script;
        // The caller's VariableEnvironment: the nearest environment marked
        // as a function's var scope, else the global environment.
        let var_env = var_environment(frame);
        // 1. Let varNames be the VarDeclaredNames of body.
        let var_names: Vec<&Name> = scope
            .var_names
            .iter()
            .chain(scope.functions.iter().filter_map(|f| function_name(f)))
            .collect();
        // 3. If strict is false, then
        //    a. If varEnv is a Global Environment Record, then
        if var_env.is_none() {
            // i. For each element name of varNames: if
            //    varEnv.HasLexicalDeclaration(name) is true, throw a SyntaxError.
            for name in &var_names {
                if self.has_lexical_declaration(name) {
                    return Err(already_declared(self, name));
                }
            }
        }
        // b. Let thisEnv be lexEnv. (Its own bindings are the eval code's
        //    lexical declarations, which the early errors keep apart.)
        // d. Repeat, while thisEnv is not varEnv: for each name of varNames,
        //    if thisEnv (not an Object Environment Record) HasBinding(name),
        //    throw a SyntaxError (Annex B.3.4: a catch parameter may be
        //    redeclared). vmjs keeps a function's top-level lexical
        //    declarations in its var environment, so that one is checked too.
        let mut this_env = frame.env.as_ref().and_then(|e| e.parent.clone());
        while let Some(env) = this_env {
            if let Some(names) = env.extra.as_ref().and_then(|x| x.names.as_ref()) {
                for name in &var_names {
                    if names.find(name).is_some_and(|slot| slot.lexical) {
                        return Err(already_declared(self, name));
                    }
                }
            }
            if var_env.as_ref().is_some_and(|v| Gc::ptr_eq(v, &env)) {
                break;
            }
            this_env = env.parent.clone();
        }
        // 4–7. (Private names: see the deviation in spec-notes.)
        // 8. Let functionsToInitialize / declaredFunctionNames, in reverse order.
        let mut functions_to_initialize: Vec<(&Name, &Rc<Function>)> = Vec::new();
        let mut declared_function_names: HashSet<&Name> = HashSet::new();
        for d in scope.functions.iter().rev() {
            let Some(fn_name) = function_name(d) else {
                continue;
            };
            if declared_function_names.insert(fn_name) {
                // 1. If varEnv is a Global Environment Record, then
                //    a. Let fnDefinable be ? varEnv.CanDeclareGlobalFunction(fn).
                //    b. If fnDefinable is false, throw a TypeError exception.
                if var_env.is_none() && !self.can_declare_global_function(fn_name)? {
                    return self.throw_type_error(format!("Cannot redefine property: {fn_name}"));
                }
                functions_to_initialize.push((fn_name, d));
            }
        }
        functions_to_initialize.reverse();
        // 9–10. declaredVarNames.
        let mut declared_var_names: Vec<&Name> = Vec::new();
        for vn in &scope.var_names {
            if declared_function_names.contains(vn) || declared_var_names.contains(&vn) {
                continue;
            }
            // a. If varEnv is a Global Environment Record: CanDeclareGlobalVar.
            if var_env.is_none() && !self.can_declare_global_var(vn)? {
                return self.throw_type_error(format!(
                    "Cannot add property {vn}, object is not extensible"
                ));
            }
            declared_var_names.push(vn);
        }
        // 11. (Annex B.3.3.3) Block-level functions' var bindings.
        let declared: HashSet<&Name> = declared_function_names
            .iter()
            .copied()
            .chain(declared_var_names.iter().copied())
            .collect();
        self.eval_annex_b_instantiation(frame, scope, var_env.as_ref(), &declared)?;
        // 12–14. (Private names: see the deviation in spec-notes.)
        // 15. lexDeclarations are lexEnv's slots, uninitialised already.
        // 16. For each Parse Node f of functionsToInitialize, do
        for (fn_name, f) in functions_to_initialize {
            // b. Let fo be InstantiateFunctionObject of f with arguments lexEnv and privateEnv.
            let fo = Value::Object(self.instantiate_function_declaration(frame, f));
            match &var_env {
                // c. If varEnv is a Global Environment Record: CreateGlobalFunctionBinding(fn, fo, true).
                None => self.create_global_function_binding(fn_name, fo, true)?,
                // d. Else: bindingExists = varEnv.HasBinding(fn); create a
                //    deletable binding, or SetMutableBinding(fn, fo, false).
                Some(env) => set_or_add_var(env, fn_name, Some(fo)),
            }
        }
        // 17. For each String vn of declaredVarNames, do
        for vn in declared_var_names {
            match &var_env {
                // a. CreateGlobalVarBinding(vn, true).
                None => self.create_global_var_binding(vn, true)?,
                // b. If bindingExists is false: CreateMutableBinding(vn, true),
                //    InitializeBinding(vn, undefined).
                Some(env) => set_or_add_var(env, vn, None),
            }
        }
        // 18. Return unused.
        Ok(())
    }
}

/// The caller's VariableEnvironment: None for the global environment.
pub(super) fn var_environment(frame: &Frame) -> Option<Gc<Env>> {
    let mut env = frame.env.clone();
    while let Some(e) = env {
        if e.extra
            .as_ref()
            .and_then(|x| x.names.as_ref())
            .is_some_and(|names| names.var_scope)
        {
            return Some(e);
        }
        env = e.parent.clone();
    }
    None
}

/// A var (value None: keep an existing binding's value, else undefined) or
/// function binding in a function's variable environment.
pub(super) fn set_or_add_var(env: &Gc<Env>, name: &Name, value: Option<Value>) {
    let extra = env.extra.as_ref().expect("a var scope has names");
    if let Some(slot) = extra.names.as_ref().and_then(|n| n.find(name)) {
        if let Some(v) = value {
            env.set(slot.slot, v);
        }
        return;
    }
    if let Some(index) = extra.added_index(name) {
        if let Some(v) = value {
            extra.set_added(index, v);
        }
        return;
    }
    extra.add(name.clone(), value.unwrap_or(Value::Undefined));
}

/// EvalDeclarationInstantiation step 3.d for a direct eval in a function's
/// parameter expressions: there lexEnv is the function's parameter
/// environment (FunctionDeclarationInstantiation step 20), which holds the
/// parameters and `arguments`, and varEnv lies outside it, so eval code
/// declaring a var of one of those names throws a SyntaxError.
/// Deviation: vmjs keeps parameters and vars in one environment, so the
/// parameter environment's bindings are found from the function's
/// parameter names and its arguments binding.
fn parameter_environment_conflict(
    agent: &mut Agent,
    function: &Function,
    scope: &ScriptScope,
) -> JsResult<()> {
    let mut idents = Vec::new();
    for param in &function.params {
        param.target.bound_names(&mut idents);
    }
    if let Some(rest) = &function.rest {
        rest.bound_names(&mut idents);
    }
    let parameters: Vec<&Name> = idents.iter().map(|id| &id.name).collect();
    // FunctionDeclarationInstantiation steps 15–18: with parameter
    // expressions, every non-arrow function has an arguments object
    // (unless a parameter is named `arguments`, found above), even when
    // its body declares `arguments`.
    let has_arguments = function.kind != FunctionKind::Arrow;
    let var_names = scope
        .var_names
        .iter()
        .chain(scope.functions.iter().filter_map(|f| function_name(f)));
    for name in var_names {
        // d.i.2.a. If ! thisEnv.HasBinding(name) is true, throw a SyntaxError.
        if parameters.contains(&name) || (has_arguments && &**name == "arguments") {
            return Err(already_declared(agent, name));
        }
    }
    Ok(())
}

/// The ECMAScript function a function object runs, if it is one.
fn closure_function(function: &Gc<JsObject>) -> Option<Rc<Function>> {
    let ObjectKind::Function(data) = &function.kind else {
        return None;
    };
    let Callable::Closure(closure) = &data.callable else {
        return None;
    };
    match &closure.code {
        Code::Function(f) => Some(f.clone()),
        _ => None,
    }
}

fn function_name(f: &Function) -> Option<&Name> {
    f.name.as_ref().map(|id| &id.name)
}

/// The SyntaxError of a var that eval code declares over a lexical binding.
fn already_declared(agent: &mut Agent, name: &str) -> Throw {
    agent.syntax_error(format!("Identifier '{name}' has already been declared"))
}
