//! Evaluation of statements and declarations (ECMA-262 §14), except the
//! iteration statements (loops.rs).

use std::rc::Rc;

use gc::Gc;

use super::frame::{Completion, Frame};
use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::environment::Env;
use crate::interp::ops::equality::is_strictly_equal;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::syntax::ast::{
    CatchClause, Expr, PatternKind, Stmt, StmtKind, SwitchCase, VarDecl, VarKind,
};
use crate::syntax::scope::BlockScope;

impl Agent {
    /// A StatementList's evaluation: stops at the first abrupt completion.
    pub(crate) fn eval_stmts(&mut self, f: &mut Frame, stmts: &[Stmt]) -> JsResult<Completion> {
        for stmt in stmts {
            match self.eval_stmt(f, stmt)? {
                Completion::Normal => {}
                abrupt => return Ok(abrupt),
            }
        }
        Ok(Completion::Normal)
    }

    pub(crate) fn eval_stmt(&mut self, f: &mut Frame, stmt: &Stmt) -> JsResult<Completion> {
        self.eval_labelled(f, stmt, &mut Vec::new())
    }

    /// Evaluates a statement with the label set of the labels around it
    /// (LabelledEvaluation), which loops use for `continue label`.
    pub(crate) fn eval_labelled(
        &mut self,
        f: &mut Frame,
        stmt: &Stmt,
        labels: &mut Vec<Rc<str>>,
    ) -> JsResult<Completion> {
        match &stmt.kind {
            StmtKind::Expr(e) => {
                let v = self.eval_expr(f, e)?;
                match &mut f.completion {
                    Some(completion) => *completion = v,
                    None => v.discard(),
                }
                Ok(Completion::Normal)
            }
            StmtKind::Var(decl) => {
                self.eval_var_decl(f, decl)?;
                Ok(Completion::Normal)
            }
            StmtKind::Block(stmts) => {
                let scope = stmt_scope(stmt);
                // A block that declares nothing needs no scope work.
                if scope.env_slots.is_none() && scope.bindings.is_empty() {
                    return self.eval_stmts(f, stmts);
                }
                let saved = self.enter_block(f, scope);
                let result = self.eval_stmts(f, stmts);
                f.env = saved;
                result
            }
            StmtKind::Empty | StmtKind::Debugger => Ok(Completion::Normal),
            StmtKind::Function(function) => self.eval_function_declaration(f, stmt, function),
            StmtKind::Class(class) => {
                let value = self.eval_class(f, class, None)?;
                if let Some(name) = &class.name {
                    self.initialize_binding(f, name.binding.get(), &name.name, value)?;
                }
                Ok(Completion::Normal)
            }
            StmtKind::If {
                test,
                consequent,
                alternate,
            } => {
                let t = self.eval_condition(f, test)?;
                // Return ? UpdateEmpty(stmtCompletion, undefined).
                reset_completion(f);
                if t {
                    self.eval_stmt(f, consequent)
                } else if let Some(alt) = alternate {
                    self.eval_stmt(f, alt)
                } else {
                    Ok(Completion::Normal)
                }
            }
            StmtKind::Return(arg) => {
                let v = match arg {
                    Some(e) => self.eval_expr(f, e)?,
                    None => Value::Undefined,
                };
                Ok(Completion::Return(v))
            }
            StmtKind::Throw(e) => {
                let v = self.eval_expr(f, e)?;
                self.set_position(stmt.span.start);
                self.record_throw_site(&v);
                Err(Throw::new(v))
            }
            StmtKind::Break(label) => Ok(Completion::Break(label.as_ref().map(|l| l.name.clone()))),
            StmtKind::Continue(label) => {
                Ok(Completion::Continue(label.as_ref().map(|l| l.name.clone())))
            }
            StmtKind::Labeled { label, body } => {
                labels.push(label.name.clone());
                let result = self.eval_labelled(f, body, labels)?;
                Ok(match result {
                    // LabelledStatement: a break to this label ends it normally.
                    Completion::Break(Some(l)) if l == label.name => Completion::Normal,
                    other => other,
                })
            }
            StmtKind::Try {
                block,
                handler,
                finalizer,
                block_scope,
                finalizer_scope,
            } => {
                let finalizer = finalizer
                    .as_deref()
                    .map(|body| (body, finalizer_scope_of(finalizer_scope)));
                reset_completion(f);
                self.eval_try(
                    f,
                    (block, finalizer_scope_of(block_scope)),
                    handler.as_deref(),
                    finalizer,
                )
            }
            StmtKind::Switch {
                discriminant,
                cases,
            } => {
                reset_completion(f);
                self.eval_switch(f, stmt, discriminant, cases)
            }
            StmtKind::With { object, body } => self.eval_with(f, object, body),
            StmtKind::While { .. }
            | StmtKind::DoWhile { .. }
            | StmtKind::For { .. }
            | StmtKind::ForIn { .. }
            | StmtKind::ForOf { .. } => {
                let own_labels = std::mem::take(labels);
                reset_completion(f);
                let result = self.eval_loop(f, stmt, &own_labels)?;
                Ok(match result {
                    // A loop's own unlabelled break ends it normally.
                    Completion::Break(None) => Completion::Normal,
                    other => other,
                })
            }
            StmtKind::TooDeep => Err(self.stack_overflow()),
        }
    }

    /// Enters a block scope (BlockDeclarationInstantiation): a new
    /// environment if its bindings are captured, TDZ for its frame slots,
    /// hoisted function declarations. Returns the environment to restore.
    pub(crate) fn enter_block(&mut self, f: &mut Frame, scope: &BlockScope) -> Option<Gc<Env>> {
        let saved = f.env.clone();
        if let Some(n) = scope.env_slots {
            f.env = Some(Env::new_named(f.env.clone(), n, scope.env_names.clone()));
        }
        for &slot in &scope.tdz_frame_slots {
            f.slots[slot as usize] = None;
        }
        for h in &scope.hoisted_functions {
            let fo = self.instantiate_function_declaration(f, &h.function);
            // Function bindings are mutable and never in a TDZ.
            let _ = self.initialize_binding(f, h.target, "", Value::Object(fo));
        }
        saved
    }

    /// `var` / `let` / `const` declarations.
    pub(crate) fn eval_var_decl(&mut self, f: &mut Frame, decl: &VarDecl) -> JsResult<()> {
        for d in &decl.declarations {
            match &d.init {
                Some(init) => {
                    // 1. Let lhs be ? ResolveBinding(bindingId) (first when
                    //    found by name: a `with` object may lose the name).
                    let early = self.resolve_target_first(f, &d.target)?;
                    let v = match &d.target.kind {
                        PatternKind::Ident(id)
                            if super::functions::is_anonymous_function_definition(init) =>
                        {
                            self.eval_named_function(f, init, JsStr::from_units(id.units()))?
                        }
                        _ => self.eval_expr(f, init)?,
                    };
                    match early {
                        Some((id, binding)) => self.put_dynamic_value(f, id, binding, v)?,
                        None => self.bind_pattern(f, &d.target, v, true)?,
                    }
                }
                // `let x;` initialises to undefined; `var x;` does nothing.
                None if decl.kind != VarKind::Var => {
                    self.bind_pattern(f, &d.target, Value::Undefined, true)?;
                }
                None => {}
            }
        }
        Ok(())
    }

    /// TryStatement evaluation (§14.15.3).
    #[inline(never)]
    fn eval_try(
        &mut self,
        f: &mut Frame,
        block: ScopedBody,
        handler: Option<&CatchClause>,
        finalizer: Option<ScopedBody>,
    ) -> JsResult<Completion> {
        let mut result = self.eval_scoped(f, block);
        if let (Err(Throw(thrown)), Some(handler)) = (&result, handler) {
            let thrown = thrown.clone();
            // A generator's return() passes through catch clauses.
            if self.is_generator_return(&thrown) || self.is_termination(&thrown) {
                return self.finish_try(f, result, finalizer);
            }
            result = self.eval_catch(f, handler, *thrown);
        }
        self.finish_try(f, result, finalizer)
    }

    /// A statement list in its own block scope.
    fn eval_scoped(&mut self, f: &mut Frame, (body, scope): ScopedBody) -> JsResult<Completion> {
        let saved = self.enter_block(f, scope);
        let result = self.eval_stmts(f, body);
        f.env = saved;
        result
    }

    fn finish_try(
        &mut self,
        f: &mut Frame,
        result: JsResult<Completion>,
        finalizer: Option<ScopedBody>,
    ) -> JsResult<Completion> {
        if let Some(finalizer) = finalizer {
            // A pending generator return survives what the finally block does.
            let pending = self.pending_return.take();
            // A normal finally block keeps the earlier completion's value.
            let completion = f.completion.clone();
            // The finally block's abrupt completion replaces the earlier one.
            match self.eval_scoped(f, finalizer)? {
                Completion::Normal => f.completion = completion,
                abrupt => return Ok(abrupt),
            }
            if pending.is_some() {
                self.pending_return = pending;
            }
        }
        result
    }

    /// CatchClauseEvaluation ( thrownValue ) — <https://tc39.es/ecma262/#sec-runtime-semantics-catchclauseevaluation>
    fn eval_catch(
        &mut self,
        f: &mut Frame,
        handler: &CatchClause,
        thrown: Value,
    ) -> JsResult<Completion> {
        let scope = handler.scope.get().expect("catch clauses are analysed");
        reset_completion(f);
        let saved = self.enter_block(f, scope);
        let result = match &handler.param {
            Some(param) => self.bind_pattern(f, param, thrown, true),
            None => Ok(()),
        };
        let result = match result {
            Ok(()) => self.eval_stmts(f, &handler.body),
            Err(e) => Err(e),
        };
        f.env = saved;
        result
    }

    /// WithStatement evaluation — <https://tc39.es/ecma262/#sec-with-statement-runtime-semantics-evaluation>
    #[inline(never)]
    fn eval_with(&mut self, f: &mut Frame, object: &Expr, body: &Stmt) -> JsResult<Completion> {
        // 1. Let val be ? Evaluation of Expression.
        let val = self.eval_expr(f, object)?;
        // 2. Let obj be ? ToObject(? GetValue(val)).
        let obj = self.to_object(&val)?;
        // 3. Let oldEnv be the running execution context's LexicalEnvironment.
        // 4. Let newEnv be NewObjectEnvironment(obj, true, oldEnv).
        // 5. Set the running execution context's LexicalEnvironment to newEnv.
        let old_env = f.env.clone();
        f.env = Some(Env::new_object(old_env.clone(), obj));
        reset_completion(f);
        // 6. Let C be Completion(Evaluation of Statement).
        let c = self.eval_stmt(f, body);
        // 7. Set the running execution context's LexicalEnvironment to oldEnv.
        f.env = old_env;
        // 8. Return ? UpdateEmpty(C, undefined).
        c
    }

    /// SwitchStatement evaluation with CaseBlockEvaluation (§14.12.4).
    #[inline(never)]
    fn eval_switch(
        &mut self,
        f: &mut Frame,
        stmt: &Stmt,
        discriminant: &Expr,
        cases: &[SwitchCase],
    ) -> JsResult<Completion> {
        let value = self.eval_expr(f, discriminant)?;
        let saved = self.enter_block(f, stmt_scope(stmt));
        let result = self.eval_case_block(f, &value, cases);
        f.env = saved;
        match result? {
            Completion::Break(None) => Ok(Completion::Normal),
            other => Ok(other),
        }
    }

    fn eval_case_block(
        &mut self,
        f: &mut Frame,
        value: &Value,
        cases: &[SwitchCase],
    ) -> JsResult<Completion> {
        // Find the first case whose test matches (in order, skipping default).
        let mut start = None;
        for (i, case) in cases.iter().enumerate() {
            if let Some(test) = &case.test {
                let t = self.eval_expr(f, test)?;
                if is_strictly_equal(value, &t) {
                    start = Some(i);
                    break;
                }
            }
        }
        let start = match start.or_else(|| cases.iter().position(|c| c.test.is_none())) {
            Some(i) => i,
            None => return Ok(Completion::Normal),
        };
        // Fall through from the selected clause to the end.
        for case in &cases[start..] {
            match self.eval_stmts(f, &case.body)? {
                Completion::Normal => {}
                abrupt => return Ok(abrupt),
            }
        }
        Ok(Completion::Normal)
    }
}

/// A try or finally block: its statements and their scope.
type ScopedBody<'a> = (&'a [Stmt], &'a BlockScope);

fn finalizer_scope_of(cell: &std::cell::OnceCell<Box<BlockScope>>) -> &BlockScope {
    cell.get().expect("try statements are analysed")
}

/// The scope record scope analysis attached to a scope-bearing statement.
pub(crate) fn stmt_scope(stmt: &Stmt) -> &BlockScope {
    stmt.scope.get().expect("block statements are analysed")
}

/// UpdateEmpty(C, undefined) for the statements that complete with
/// undefined when their body's completion is empty (if, loops, switch,
/// try, with): the tracked completion value starts over as undefined.
fn reset_completion(f: &mut Frame) {
    if f.completion.is_some() {
        f.completion = Some(Value::Undefined);
    }
}
