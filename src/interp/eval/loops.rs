//! Iteration statements (ECMA-262 §14.7): while, do-while, for, for-in,
//! for-of and for-await-of.

use std::rc::Rc;

use gc::Gc;

use super::frame::{Completion, Frame};
use super::statements::stmt_scope;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::environment::Env;
use crate::interp::object::JsObject;
use crate::interp::ops::iteration::IteratorRecord;
use crate::interp::property::PropertyKey;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::syntax::ast::{Expr, ForHead, ForInit, Pattern, PatternKind, Stmt, StmtKind, VarKind};

/// What a loop does after its body completed.
enum Next {
    Continue,
    /// Leave the loop with this completion.
    Exit(Completion),
}

/// LoopContinues ( completion, labelSet ) — <https://tc39.es/ecma262/#sec-loopcontinues>
fn after_body(c: Completion, labels: &[Rc<str>]) -> Next {
    match c {
        Completion::Normal | Completion::Continue(None) => Next::Continue,
        Completion::Continue(Some(l)) if labels.contains(&l) => Next::Continue,
        Completion::Break(None) => Next::Exit(Completion::Normal),
        other => Next::Exit(other),
    }
}

impl Agent {
    pub(crate) fn eval_loop(
        &mut self,
        f: &mut Frame,
        stmt: &Stmt,
        labels: &[Rc<str>],
    ) -> JsResult<Completion> {
        match &stmt.kind {
            StmtKind::While { test, body } => loop {
                self.poll_interrupt()?;
                if !self.eval_condition(f, test)? {
                    return Ok(Completion::Normal);
                }
                let c = self.eval_stmt(f, body)?;
                if let Next::Exit(c) = after_body(c, labels) {
                    return Ok(c);
                }
            },
            StmtKind::DoWhile { body, test } => loop {
                self.poll_interrupt()?;
                let c = self.eval_stmt(f, body)?;
                if let Next::Exit(c) = after_body(c, labels) {
                    return Ok(c);
                }
                if !self.eval_condition(f, test)? {
                    return Ok(Completion::Normal);
                }
            },
            StmtKind::For {
                init,
                test,
                update,
                body,
            } => {
                let saved = self.enter_block(f, stmt_scope(stmt));
                let result = self.eval_for(
                    f,
                    stmt,
                    init.as_deref(),
                    test.as_deref(),
                    update.as_deref(),
                    body,
                    labels,
                );
                f.env = saved;
                result
            }
            StmtKind::ForIn {
                left,
                right,
                body,
                initializer,
            } => {
                if let (Some(initializer), ForHead::Var(_, target)) = (initializer, left) {
                    self.eval_for_in_initializer(f, target, initializer)?;
                }
                self.eval_for_in(f, stmt, left, right, body, labels)
            }
            StmtKind::ForOf {
                left,
                right,
                body,
                is_await,
            } => self.eval_for_of(f, stmt, left, right, body, *is_await, labels),
            _ => unreachable!("eval_loop is only called on loops"),
        }
    }

    /// ForLoopEvaluation and ForBodyEvaluation (§14.7.4.2–3).
    #[allow(clippy::too_many_arguments)]
    fn eval_for(
        &mut self,
        f: &mut Frame,
        stmt: &Stmt,
        init: Option<&ForInit>,
        test: Option<&Expr>,
        update: Option<&Expr>,
        body: &Stmt,
        labels: &[Rc<str>],
    ) -> JsResult<Completion> {
        let mut per_iteration = false;
        match init {
            Some(ForInit::Var(decl)) => {
                self.eval_var_decl(f, decl)?;
                // let-declared loop variables get a copy per iteration (when captured).
                per_iteration = decl.kind == VarKind::Let && stmt_scope(stmt).env_slots.is_some();
            }
            Some(ForInit::Expr(e)) => {
                self.eval_expr(f, e)?;
            }
            None => {}
        }
        // CreatePerIterationEnvironment before the first test.
        if per_iteration {
            copy_iteration_env(f);
        }
        loop {
            self.poll_interrupt()?;
            if let Some(test) = test {
                if !self.eval_condition(f, test)? {
                    return Ok(Completion::Normal);
                }
            }
            let c = self.eval_stmt(f, body)?;
            if let Next::Exit(c) = after_body(c, labels) {
                return Ok(c);
            }
            if per_iteration {
                copy_iteration_env(f);
            }
            if let Some(update) = update {
                self.eval_expr(f, update)?.discard();
            }
        }
    }

    /// Binds the loop head of for-in/for-of to one value, entering a fresh
    /// scope for let/const heads. Returns the environment to restore.
    fn bind_for_head(
        &mut self,
        f: &mut Frame,
        stmt: &Stmt,
        left: &ForHead,
        value: Value,
    ) -> JsResult<Option<Gc<Env>>> {
        let saved = f.env.clone();
        match left {
            ForHead::Var(VarKind::Var, pattern) => self.bind_pattern(f, pattern, value, true)?,
            ForHead::Var(_, pattern) => {
                self.enter_block(f, stmt_scope(stmt));
                if let Err(e) = self.bind_pattern(f, pattern, value, true) {
                    f.env = saved;
                    return Err(e);
                }
            }
            ForHead::Target(pattern) => self.bind_pattern(f, pattern, value, false)?,
        }
        Ok(saved)
    }

    /// Annex B.3.5 `for (var x = initializer in o)`, steps 1–5: the
    /// initializer's value (named `x` if an anonymous function) is put in
    /// `x` before ForIn/OfHeadEvaluation.
    fn eval_for_in_initializer(
        &mut self,
        f: &mut Frame,
        target: &Pattern,
        initializer: &Expr,
    ) -> JsResult<()> {
        // 1. Let bindingId be the StringValue of BindingIdentifier.
        // 2. Let lhs be ? ResolveBinding(bindingId) (early only when found
        //    by name: no other binding can change meanwhile).
        let early = self.resolve_target_first(f, target)?;
        // 3. If IsAnonymousFunctionDefinition(Initializer) is true, then
        //    a. Let value be ? NamedEvaluation of Initializer with argument bindingId.
        // 4. Else, let rhs be ? Evaluation of Initializer; let value be ? GetValue(rhs).
        let value = match &target.kind {
            PatternKind::Ident(id)
                if super::functions::is_anonymous_function_definition(initializer) =>
            {
                self.eval_named_function(f, initializer, JsStr::from_units(id.units()))?
            }
            _ => self.eval_expr(f, initializer)?,
        };
        // 5. Perform ? PutValue(lhs, value).
        match early {
            Some((id, binding)) => self.put_dynamic_value(f, id, binding, value),
            None => self.bind_pattern(f, target, value, true),
        }
    }

    /// for-in: ForIn/OfHeadEvaluation with EnumerateObjectProperties.
    #[inline(never)]
    fn eval_for_in(
        &mut self,
        f: &mut Frame,
        stmt: &Stmt,
        left: &ForHead,
        right: &Expr,
        body: &Stmt,
        labels: &[Rc<str>],
    ) -> JsResult<Completion> {
        let v = self.eval_expr(f, right)?;
        // 6.a. If exprValue is either undefined or null, return break.
        if matches!(v, Value::Undefined | Value::Null) {
            return Ok(Completion::Normal);
        }
        let obj = self.to_object(&v)?;
        let keys = enumerate_object_properties(self, &obj)?;
        for (owner, key) in keys {
            // Properties deleted before being visited are skipped; a
            // proxy's keys are checked for enumerability only now (V8 asks
            // its getOwnPropertyDescriptor trap key by key as it goes).
            if owner.is_proxy() {
                if !self
                    .get_own_property(&owner, &key)?
                    .is_some_and(|p| p.enumerable())
                {
                    continue;
                }
            } else if owner.get_own_property(&key).is_none() {
                continue;
            }
            let saved = self.bind_for_head(f, stmt, left, key.to_value())?;
            let c = self.eval_stmt(f, body);
            f.env = saved;
            if let Next::Exit(c) = after_body(c?, labels) {
                return Ok(c);
            }
        }
        Ok(Completion::Normal)
    }

    /// for-of and for-await-of (ForIn/OfBodyEvaluation with iterationKind iterate).
    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    fn eval_for_of(
        &mut self,
        f: &mut Frame,
        stmt: &Stmt,
        left: &ForHead,
        right: &Expr,
        body: &Stmt,
        is_await: bool,
        labels: &[Rc<str>],
    ) -> JsResult<Completion> {
        let iterable = self.eval_expr(f, right)?;
        let mut record = if is_await {
            self.get_async_iterator(&iterable)?
        } else {
            self.get_iterator(&iterable)?
        };
        loop {
            self.poll_interrupt()?;
            // a–d. Let nextResult be ? Call(next); (await it); done? value.
            let value = if is_await {
                let result =
                    self.call(&record.next_method.clone(), &record.iterator.clone(), &[])?;
                let result = self.await_value(result)?;
                let Value::Object(result) = result else {
                    return self.throw_type_error("Iterator result is not an object");
                };
                if self.iterator_complete(&result)? {
                    return Ok(Completion::Normal);
                }
                self.iterator_value(&result)?
            } else {
                match self.iterator_step_value(&mut record)? {
                    Some(v) => v,
                    None => return Ok(Completion::Normal),
                }
            };
            let saved = match self.bind_for_head(f, stmt, left, value) {
                Ok(saved) => saved,
                Err(e) => return self.close_for_of(&record, is_await, Err(e)),
            };
            let c = self.eval_stmt(f, body);
            f.env = saved;
            let c = match c {
                Ok(c) => c,
                Err(e) => return self.close_for_of(&record, is_await, Err(e)),
            };
            if let Next::Exit(c) = after_body(c, labels) {
                // An abrupt exit closes the iterator (IteratorClose / AsyncIteratorClose).
                return self.close_for_of(&record, is_await, Ok(c));
            }
        }
    }

    fn close_for_of(
        &mut self,
        record: &IteratorRecord,
        is_await: bool,
        completion: JsResult<Completion>,
    ) -> JsResult<Completion> {
        if !is_await {
            return self.iterator_close(record, completion);
        }
        self.async_iterator_close(record, completion)
    }

    /// AsyncIteratorClose ( iteratorRecord, completion ) —
    /// <https://tc39.es/ecma262/#sec-asynciteratorclose>
    pub(crate) fn async_iterator_close<T>(
        &mut self,
        record: &IteratorRecord,
        completion: JsResult<T>,
    ) -> JsResult<T> {
        // 3. Let innerResult be Completion(GetMethod(iterator, "return")).
        let iterator = record.iterator.clone();
        let inner = match self.get_method(&iterator, &PropertyKey::from("return")) {
            // 4.c–d. Set innerResult to Completion(Call(return, iterator)); if
            //        it is normal, set it to Completion(Await(innerResult.[[Value]])).
            Ok(Some(ret)) => match self.call(&ret, &iterator, &[]) {
                Ok(v) => self.await_value(v),
                Err(e) => Err(e),
            },
            // 4.b. If return is undefined, return ? completion.
            Ok(None) => return completion,
            Err(e) => Err(e),
        };
        // 5. If completion is a throw completion, return ? completion.
        let c = completion?;
        // 6. If innerResult is a throw completion, return ? innerResult.
        let inner = inner?;
        // 7. If innerResult.[[Value]] is not an Object, throw a TypeError exception.
        if !matches!(inner, Value::Object(_)) {
            return self.throw_type_error("Iterator result is not an object");
        }
        // 8. Return ? completion.
        Ok(c)
    }

    /// GetIterator ( obj, async ) — <https://tc39.es/ecma262/#sec-getiterator>:
    /// @@asyncIterator, or CreateAsyncFromSyncIterator of the sync iterator.
    pub(crate) fn get_async_iterator(&mut self, obj: &Value) -> JsResult<IteratorRecord> {
        // 1.a. Let method be ? GetMethod(obj, @@asyncIterator).
        let key = PropertyKey::Symbol(self.symbols.async_iterator.clone());
        match self.get_method(obj, &key)? {
            Some(method) => self.get_iterator_from_method(obj, &method),
            // b. If method is undefined, then
            None => {
                // i–v. Let syncIteratorRecord be ? GetIterator(obj, sync);
                //      return CreateAsyncFromSyncIterator(syncIteratorRecord).
                let sync = self.get_iterator(obj)?;
                self.create_async_from_sync_iterator(sync)
            }
        }
    }
}
/// CreatePerIterationEnvironment: a copy of the loop scope's environment.
fn copy_iteration_env(f: &mut Frame) {
    if let Some(env) = &f.env {
        f.env = Some(Env::copy(env));
    }
}

/// EnumerateObjectProperties ( O ): enumerable string keys of the object
/// and its prototypes, each name once (shadowed names are skipped), with
/// the object that owns each. Enumerability is read with [[GetOwnProperty]],
/// which throws for a module namespace's uninitialised binding.
fn enumerate_object_properties(
    agent: &mut Agent,
    obj: &Gc<JsObject>,
) -> JsResult<Vec<(Gc<JsObject>, PropertyKey)>> {
    if !obj.is_proxy() && quiet_prototypes(obj) {
        // Only the object's own keys can be visited, and none of them is
        // shadowed: no set of seen names is needed.
        let mut out = Vec::new();
        for key in agent.own_property_keys(obj)? {
            if !matches!(key, PropertyKey::Symbol(_))
                && agent
                    .get_own_property(obj, &key)?
                    .is_some_and(|p| p.enumerable())
            {
                out.push((obj.clone(), key));
            }
        }
        return Ok(out);
    }
    let mut seen = rustc_hash::FxHashSet::default();
    let mut out = Vec::new();
    let mut current = Some(obj.clone());
    while let Some(o) = current {
        for key in agent.own_property_keys(&o)? {
            if matches!(key, PropertyKey::Symbol(_)) {
                continue;
            }
            if !seen.insert(key.id()) {
                continue;
            }
            if o.is_proxy() {
                out.push((o.clone(), key));
                continue;
            }
            if agent
                .get_own_property(&o, &key)?
                .is_some_and(|p| p.enumerable())
            {
                out.push((o.clone(), key));
            }
        }
        current = agent.get_prototype_of(&o)?;
    }
    Ok(out)
}

/// Whether every prototype of `obj` (not a proxy) surely has no enumerable
/// own property, so that the walk up the chain would add no name and
/// asking those objects for their keys would run no code and throw nothing
/// (what is usual: a class's prototype of methods, then
/// `Object.prototype`).
fn quiet_prototypes(obj: &Gc<JsObject>) -> bool {
    let mut current = obj.get_prototype_of();
    while let Some(o) = current {
        if !o.surely_no_enumerable_keys() {
            return false;
        }
        current = o.get_prototype_of();
    }
    true
}
