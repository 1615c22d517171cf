//! Annex B.3.3 (Block-Level Function Declarations Web Legacy Compatibility
//! Semantics) at run time: the evaluation of a block-level function
//! declaration in non-strict code, and the parts of
//! GlobalDeclarationInstantiation (B.3.3.2) and EvalDeclarationInstantiation
//! (B.3.3.3) that decide whether its name gets a var binding. Scope analysis
//! (`syntax::scope::annex_b`) did the static part, and B.3.3.1's var
//! bindings in functions are ordinary var slots. See
//! `spec-notes/14-non-strict-code.md`.

use std::collections::HashSet;

use gc::Gc;

use super::eval_code::{set_or_add_var, var_environment};
use super::frame::{Completion, Frame};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::environment::Env;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;
use crate::syntax::ast::{Function, Name, Stmt};
use crate::syntax::scope::{AnnexBFunction, ScriptScope};

impl Agent {
    /// Evaluation of a FunctionDeclaration (§15.2.6: return empty), with
    /// Annex B.3.3's replacement for hoisted block-level declarations, and
    /// B.3.4's block around a declaration that is an `if` clause.
    pub(super) fn eval_function_declaration(
        &mut self,
        frame: &mut Frame,
        stmt: &Stmt,
        function: &Function,
    ) -> JsResult<Completion> {
        if function.annex_b.get() == AnnexBFunction::None {
            return Ok(Completion::Normal);
        }
        // B.3.4: `if (x) function f() {}` is evaluated as `if (x) { function f() {} }`,
        // the block's scope kept on the declaration's own statement.
        let Some(scope) = stmt.scope.get() else {
            return self.copy_block_function_to_var(frame, function);
        };
        let saved = self.enter_block(frame, scope);
        let result = self.copy_block_function_to_var(frame, function);
        frame.env = saved;
        result
    }

    /// B.3.3.1–3, "When the FunctionDeclaration f is evaluated, perform the
    /// following steps in place of the FunctionDeclaration Evaluation
    /// algorithm provided in 15.2.6".
    fn copy_block_function_to_var(
        &mut self,
        frame: &mut Frame,
        function: &Function,
    ) -> JsResult<Completion> {
        let Some(name) = &function.name else {
            return Ok(Completion::Normal);
        };
        match function.annex_b.get() {
            AnnexBFunction::None => {}
            // B.3.3.1 (in a function: the var binding is a known slot).
            AnnexBFunction::Var(var) => {
                // i. Let fenv be the running execution context's VariableEnvironment.
                // ii. Let benv be the running execution context's LexicalEnvironment.
                // iii. Let fobj be ! benv.GetBindingValue(F, false).
                let fobj = self.read_ident(frame, name)?;
                // iv. Perform ? fenv.SetMutableBinding(F, fobj, false).
                self.initialize_binding(frame, var, &name.name, fobj)?;
            }
            // B.3.3.2–3 (in a script or eval code), if instantiation made
            // the var binding.
            AnnexBFunction::VarByName { flag } => {
                if self.read_binding(frame, flag)?.is_none() {
                    return Ok(Completion::Normal);
                }
                // i. Let genv be the running execution context's VariableEnvironment.
                // ii. Let benv be the running execution context's LexicalEnvironment.
                // iii. Let fobj be ! benv.GetBindingValue(F, false).
                let fobj = self.read_ident(frame, name)?;
                // iv. Perform ? genv.SetMutableBinding(F, fobj, false).
                match var_environment(frame) {
                    Some(var_env) => set_or_add_var(&var_env, &name.name, Some(fobj)),
                    None => {
                        // The global Object Environment Record's
                        // SetMutableBinding with S false: Set(globalObj, F, fobj, false).
                        // (Instantiation checked that no global lexical
                        // declaration has the name.)
                        let global = self.global_object();
                        self.set_property(&global, &PropertyKey::from(&*name.name), fobj)?;
                    }
                }
            }
        }
        Ok(Completion::Normal)
    }

    /// GlobalDeclarationInstantiation step 12, as Annex B.3.3.2 changes it:
    /// for each block-level function F that scope analysis found hoistable,
    /// a var binding of F if the global environment allows one.
    /// `declared` holds declaredFunctionNames and declaredVarNames (the
    /// bindings steps 17–18 will make).
    pub(super) fn global_annex_b_instantiation(
        &mut self,
        frame: &mut Frame,
        scope: &ScriptScope,
        declared: &HashSet<&Name>,
    ) -> JsResult<()> {
        let mut declared_here: HashSet<&Name> = HashSet::new();
        // a. For each FunctionDeclaration f that is directly contained in the
        //    StatementList of a Block, CaseClause, or DefaultClause
        //    Contained within script, do
        //    i. Let F be StringValue of the BindingIdentifier of f.
        //    ii. If replacing the FunctionDeclaration f with a VariableStatement
        //        that has F as a BindingIdentifier would not produce any Early
        //        Errors for script, then (scope analysis checked this)
        for (name, flag) in &scope.annex_b_functions {
            // 1. If env.HasLexicalDeclaration(F) is false, then
            if self.has_lexical_declaration(name) {
                continue;
            }
            // a. Let fnDefinable be ? env.CanDeclareGlobalVar(F).
            // b. If fnDefinable is true, then
            if !self.can_declare_global_var(name)? {
                continue;
            }
            // i. NOTE: A var binding for F is only instantiated here if it is
            //    neither a VarDeclaredName nor the name of another FunctionDeclaration.
            // ii. If declaredFunctionOrVarNames does not contain F, then
            if !declared.contains(name) && declared_here.insert(name) {
                // 1. Perform ? env.CreateGlobalVarBinding(F, false).
                // 2. Append F to declaredFunctionOrVarNames.
                self.create_global_var_binding(name, false)?;
            }
            // iii. When the FunctionDeclaration f is evaluated, … (the flag
            //      tells `copy_block_function_to_var`).
            self.initialize_binding(frame, *flag, "", Value::Bool(true))?;
        }
        Ok(())
    }

    /// EvalDeclarationInstantiation step 11, as Annex B.3.3.3 changes it
    /// (non-strict eval code). `var_env` is None for the global
    /// environment; `declared` holds declaredFunctionNames and
    /// declaredVarNames.
    pub(super) fn eval_annex_b_instantiation(
        &mut self,
        frame: &mut Frame,
        scope: &ScriptScope,
        var_env: Option<&Gc<Env>>,
        declared: &HashSet<&Name>,
    ) -> JsResult<()> {
        let mut declared_here: HashSet<&Name> = HashSet::new();
        // a. Let declaredFunctionOrVarNames be the list-concatenation of
        //    declaredFunctionNames and declaredVarNames.
        // b. For each FunctionDeclaration f that is directly contained in the
        //    StatementList of a Block, CaseClause, or DefaultClause Contained
        //    within body, do
        //    i. Let F be StringValue of the BindingIdentifier of f.
        //    ii. If replacing the FunctionDeclaration f with a VariableStatement
        //        that has F as a BindingIdentifier would not produce any Early
        //        Errors for body, then (scope analysis checked this)
        for (name, flag) in &scope.annex_b_functions {
            // 1. Let bindingExists be false.
            // 2. Let thisEnv be lexEnv.
            // 3. Assert: The following loop will terminate.
            // 4. Repeat, while thisEnv is not varEnv,
            //    a. If thisEnv is not an Object Environment Record, then
            //       i. If ! thisEnv.HasBinding(F) is true, then
            //          1. Let bindingExists be true.
            //    b. Set thisEnv to thisEnv.[[OuterEnv]].
            // (lexEnv's own bindings are the eval code's lexical declarations,
            // which scope analysis already excluded.)
            let binding_exists = binding_between(frame, var_env, name);
            // 5. If bindingExists is false and varEnv is a Global Environment Record, then
            let fn_definable = if !binding_exists && var_env.is_none() {
                // a. If varEnv.HasLexicalDeclaration(F) is false, then
                //    i. Let fnDefinable be ? varEnv.CanDeclareGlobalVar(F).
                // b. Else, let fnDefinable be false.
                !self.has_lexical_declaration(name) && self.can_declare_global_var(name)?
            } else {
                // 6. Else, let fnDefinable be true.
                true
            };
            // 7. If bindingExists is false and fnDefinable is true, then
            if binding_exists || !fn_definable {
                continue;
            }
            // a. If declaredFunctionOrVarNames does not contain F, then
            if !declared.contains(name) && declared_here.insert(name) {
                match var_env {
                    // i. If varEnv is a Global Environment Record, then
                    //    1. Perform ? varEnv.CreateGlobalVarBinding(F, true).
                    None => self.create_global_var_binding(name, true)?,
                    // ii. Else,
                    //     1. Let bindingExists be ! varEnv.HasBinding(F).
                    //     2. If bindingExists is false, then
                    //        a. Perform ! varEnv.CreateMutableBinding(F, true).
                    //        b. Perform ! varEnv.InitializeBinding(F, undefined).
                    Some(env) => set_or_add_var(env, name, None),
                }
                // iii. Append F to declaredFunctionOrVarNames.
            }
            // b. When the FunctionDeclaration f is evaluated, … (the flag
            //    tells `copy_block_function_to_var`).
            self.initialize_binding(frame, *flag, "", Value::Bool(true))?;
        }
        Ok(())
    }
}

/// Whether an environment between eval code's lexEnv (exclusive) and its
/// varEnv (exclusive; the global environment when None) has a binding of
/// `name`. vmjs keeps a function's top-level lexical declarations in its
/// var environment, so those count too.
fn binding_between(frame: &Frame, var_env: Option<&Gc<Env>>, name: &str) -> bool {
    let mut env = frame.env.as_ref().and_then(|e| e.parent.clone());
    while let Some(e) = env {
        let is_var_env = var_env.is_some_and(|v| Gc::ptr_eq(v, &e));
        if let Some(names) = e.extra.as_ref().and_then(|x| x.names.as_ref()) {
            if let Some(slot) = names.find(name) {
                if !is_var_env || slot.lexical {
                    return true;
                }
            }
        }
        if is_var_env {
            return false;
        }
        env = e.parent.clone();
    }
    false
}
