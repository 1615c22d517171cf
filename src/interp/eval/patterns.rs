//! Assignment and destructuring: BindingInitialization,
//! DestructuringAssignmentEvaluation and the assignment operators
//! (ECMA-262 §8.6.2, §13.15).

use super::bindings::initialized_slot_value;
use super::frame::Frame;
use super::functions::is_anonymous_function_definition;
use super::operators::number_binary;
use super::references::Reference;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::object::JsObject;
use crate::interp::ops::conversion::to_boolean;
use crate::interp::ops::iteration::IteratorRecord;
use crate::interp::property::PropertyKey;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::syntax::ast::{
    AssignOp, BinaryOp, Expr, ExprKind, Ident, MemberProp, ObjectPatternProp, Pattern, PatternElem,
    PatternKind,
};
use crate::syntax::scope::BindingRef;

impl Agent {
    /// Binds (`init`: declarations and parameters) or assigns a value to a
    /// pattern.
    pub(crate) fn bind_pattern(
        &mut self,
        f: &mut Frame,
        target: &Pattern,
        value: Value,
        init: bool,
    ) -> JsResult<()> {
        match &target.kind {
            PatternKind::Ident(id) => {
                if init {
                    self.initialize_binding(f, id.binding.get(), &id.name, value)
                } else {
                    self.assign_ident(f, id, value)
                }
            }
            PatternKind::Expr(e) => {
                let reference = self.eval_reference(f, e)?;
                self.put_reference_value(f, &reference, value)
            }
            PatternKind::Object { props, rest } => {
                self.bind_object_pattern(f, props, rest.as_deref(), value, init)
            }
            PatternKind::Array { elems, rest } => {
                self.bind_array_pattern(f, elems, rest.as_deref(), value, init)
            }
            PatternKind::TooDeep => Err(self.stack_overflow()),
        }
    }

    /// A default initialiser's value, named after a plain identifier target.
    pub(crate) fn eval_default(
        &mut self,
        f: &mut Frame,
        target: &Pattern,
        default: &Expr,
    ) -> JsResult<Value> {
        if let PatternKind::Ident(id) = &target.kind {
            if is_anonymous_function_definition(default) {
                return self.eval_named_function(f, default, JsStr::from_units(id.units()));
            }
        }
        self.eval_expr(f, default)
    }

    /// Binds one element: member targets are evaluated before the value is
    /// fetched (AssignmentElement step 1), then the default applies.
    fn bind_element(
        &mut self,
        f: &mut Frame,
        target: &Pattern,
        default: Option<&Expr>,
        init: bool,
        fetch: &mut dyn FnMut(&mut Agent) -> JsResult<Value>,
    ) -> JsResult<()> {
        if let PatternKind::Expr(e) = &target.kind {
            let reference = self.eval_reference(f, e)?;
            let mut v = fetch(self)?;
            if let (Value::Undefined, Some(d)) = (&v, default) {
                v = self.eval_expr(f, d)?;
            }
            return self.put_reference_value(f, &reference, v);
        }
        // SingleNameBinding / AssignmentElement: the reference first (only
        // a name looked up at run time can change meanwhile).
        let early = self.resolve_target_first(f, target)?;
        let mut v = fetch(self)?;
        if let (Value::Undefined, Some(d)) = (&v, default) {
            v = self.eval_default(f, target, d)?;
        }
        match early {
            Some((id, binding)) => self.put_dynamic_value(f, id, binding, v),
            None => self.bind_pattern(f, target, v, init),
        }
    }

    fn bind_object_pattern(
        &mut self,
        f: &mut Frame,
        props: &[ObjectPatternProp],
        rest: Option<&Pattern>,
        value: Value,
        init: bool,
    ) -> JsResult<()> {
        // RequireObjectCoercible(value).
        if matches!(value, Value::Undefined | Value::Null) {
            let shown = self.to_display_string(&value);
            return match props.first() {
                Some(p) if !matches!(p.key, crate::syntax::ast::PropKey::Computed(_)) => {
                    let key = self.eval_prop_key(f, &p.key)?;
                    let key = crate::interp::ops::object_ops::key_display(&key);
                    self.throw_type_error(format!(
                        "Cannot destructure property '{key}' of '{shown}' as it is {shown}."
                    ))
                }
                _ => {
                    self.throw_type_error(format!("Cannot destructure '{shown}' as it is {shown}."))
                }
            };
        }
        let mut seen: Vec<PropertyKey> = Vec::new();
        for prop in props {
            let key = self.eval_prop_key(f, &prop.key)?;
            if rest.is_some() {
                seen.push(key.clone());
            }
            let source = value.clone();
            self.bind_element(f, &prop.value, prop.default.as_ref(), init, &mut |agent| {
                agent.get_v(&source, &key)
            })?;
        }
        if let Some(rest) = rest {
            let target =
                JsObject::ordinary_create(Some(self.intrinsics().object_prototype.clone()));
            self.copy_data_properties(&target, &value, &seen)?;
            self.bind_pattern(f, rest, Value::Object(target), init)?;
        }
        Ok(())
    }

    fn bind_array_pattern(
        &mut self,
        f: &mut Frame,
        elems: &[Option<PatternElem>],
        rest: Option<&Pattern>,
        value: Value,
        init: bool,
    ) -> JsResult<()> {
        // 1. Let iteratorRecord be ? GetIterator(value, sync).
        let mut record = self.get_iterator(&value)?;
        // 2. Let result be Completion(IteratorBindingInitialization / DestructuringAssignmentEvaluation).
        let result = self.bind_array_elements(f, &mut record, elems, rest, init);
        // 3. If iteratorRecord.[[Done]] is false, return ? IteratorClose(iteratorRecord, result).
        if !record.done {
            return self.iterator_close(&record, result);
        }
        // 4. Return ? result.
        result
    }

    fn bind_array_elements(
        &mut self,
        f: &mut Frame,
        record: &mut IteratorRecord,
        elems: &[Option<PatternElem>],
        rest: Option<&Pattern>,
        init: bool,
    ) -> JsResult<()> {
        for elem in elems {
            match elem {
                // Elision: step the iterator, discard the value.
                None => {
                    if !record.done {
                        self.iterator_step_value(record)?;
                    }
                }
                Some(PatternElem { target, default }) => {
                    let mut fetch = |agent: &mut Agent| -> JsResult<Value> {
                        if record.done {
                            return Ok(Value::Undefined);
                        }
                        Ok(agent
                            .iterator_step_value(record)?
                            .unwrap_or(Value::Undefined))
                    };
                    self.bind_element(f, target, default.as_ref(), init, &mut fetch)?;
                }
            }
        }
        if let Some(rest) = rest {
            let reference = match &rest.kind {
                PatternKind::Expr(e) => Some(self.eval_reference(f, e)?),
                _ => None,
            };
            let mut values = Vec::new();
            while !record.done {
                match self.iterator_step_value(record)? {
                    Some(v) => values.push(v),
                    None => break,
                }
            }
            let array = Value::Object(self.create_array_from_list(values));
            match reference {
                Some(r) => self.put_reference_value(f, &r, array)?,
                None => self.bind_pattern(f, rest, array, init)?,
            }
        }
        Ok(())
    }

    /// AssignmentExpression evaluation (§13.15.2).
    /// `o.name = value`: the assignment's steps (the base, then the value,
    /// then PutValue) with the name's inline cache answering [[Set]] when
    /// it can.
    fn eval_named_member_assign(
        &mut self,
        f: &mut Frame,
        member: &Expr,
        value: &Expr,
    ) -> JsResult<Value> {
        let ExprKind::Member {
            object,
            prop: MemberProp::Ident(id),
            ..
        } = &member.kind
        else {
            unreachable!("is_named_member checked the target");
        };
        let base = self.eval_expr(f, object)?;
        let v = self.eval_expr(f, value)?;
        if let Value::Object(o) = &base {
            if o.cached_set(id.property_cache(), &v) {
                return Ok(v);
            }
        }
        let key = PropertyKey::from_string(JsStr::from_units(id.units()));
        let before = match &base {
            Value::Object(o) => o.shape_id(),
            _ => None,
        };
        let target = base.clone();
        let reference = Reference::Property { base, key };
        self.put_reference_value(f, &reference, v.clone())?;
        if let (Value::Object(o), Reference::Property { key, .. }) = (&target, &reference) {
            o.fill_store_cache(key, before, id.property_cache());
        }
        Ok(v)
    }

    pub(crate) fn eval_assign(
        &mut self,
        f: &mut Frame,
        op: AssignOp,
        target: &Pattern,
        value: &Expr,
    ) -> JsResult<Value> {
        if let PatternKind::Ident(id) = &target.kind {
            if let Some(old) = compound_slot_operand(f, op, id) {
                return self.eval_compound_slot_assign(f, op, id, old, value);
            }
        }
        match (&target.kind, op) {
            (PatternKind::Object { .. } | PatternKind::Array { .. }, AssignOp::Assign) => {
                let v = self.eval_expr(f, value)?;
                self.bind_pattern(f, target, v.clone(), false)?;
                Ok(v)
            }
            (PatternKind::Ident(id), AssignOp::Assign)
                if id.binding.get()
                    != crate::syntax::scope::BindingRef::Dynamic(
                        crate::syntax::scope::Implicit::Name,
                    ) =>
            {
                let v = if is_anonymous_function_definition(value) {
                    self.eval_named_function(f, value, JsStr::from_units(id.units()))?
                } else {
                    self.eval_expr(f, value)?
                };
                self.assign_ident(f, id, v.clone())?;
                Ok(v)
            }
            (PatternKind::Expr(member), AssignOp::Assign) if is_named_member(member) => {
                self.eval_named_member_assign(f, member, value)
            }
            _ => {
                let reference = match &target.kind {
                    PatternKind::Ident(id) => self.ident_reference(f, id)?,
                    PatternKind::Expr(e) => self.eval_reference(f, e)?,
                    _ => return Err(self.syntax_error("Invalid left-hand side in assignment")),
                };
                if op == AssignOp::Assign {
                    let v = match &target.kind {
                        PatternKind::Ident(id) if is_anonymous_function_definition(value) => {
                            self.eval_named_function(f, value, JsStr::from_units(id.units()))?
                        }
                        _ => self.eval_expr(f, value)?,
                    };
                    self.put_reference_value(f, &reference, v.clone())?;
                    return Ok(v);
                }
                let old = self.get_reference_value(f, &reference)?;
                // Logical assignment short-circuits without assigning.
                let short = match op {
                    AssignOp::And => Some(!to_boolean(&old)),
                    AssignOp::Or => Some(to_boolean(&old)),
                    AssignOp::Nullish => Some(!matches!(old, Value::Undefined | Value::Null)),
                    _ => None,
                };
                let new = match short {
                    Some(true) => return Ok(old),
                    Some(false) => {
                        if let PatternKind::Ident(id) = &target.kind {
                            if is_anonymous_function_definition(value) {
                                let v = self.eval_named_function(
                                    f,
                                    value,
                                    JsStr::from_units(id.units()),
                                )?;
                                self.put_reference_value(f, &reference, v.clone())?;
                                return Ok(v);
                            }
                        }
                        self.eval_expr(f, value)?
                    }
                    None => {
                        let r = self.eval_expr(f, value)?;
                        self.apply_binary(binary_of(op), old, r)?
                    }
                };
                self.put_reference_value(f, &reference, new.clone())?;
                Ok(new)
            }
        }
    }

    /// `id op= value` (AssignmentExpression, the `AssignmentOperator` form)
    /// for an initialised, mutable frame or environment slot whose value
    /// `old` is: the steps below without a Reference record.
    fn eval_compound_slot_assign(
        &mut self,
        f: &mut Frame,
        op: AssignOp,
        id: &Ident,
        old: Value,
        value: &Expr,
    ) -> JsResult<Value> {
        // 1–2. lref is the slot; lval (`old`) was read before the right
        // operand is evaluated.
        // 3–4. rval = ? GetValue(? Evaluation of AssignmentExpression).
        let r = self.eval_expr(f, value)?;
        // 5–7. r = ? ApplyStringOrNumericBinaryOperator(lval, opText, rval).
        let op = binary_of(op);
        let fast = match (&old, &r) {
            (Value::Number(a), Value::Number(b)) => number_binary(op, *a, *b),
            _ => None,
        };
        let new = match fast {
            Some(v) => v,
            None => self.apply_binary(op, old, r)?,
        };
        // 8. Perform ? PutValue(lref, r).
        self.assign_ident(f, id, new.clone())?;
        // 9. Return r.
        Ok(new)
    }
}

/// The value of `id` when `id op= …` can take the slot fast path: `op` is
/// an arithmetic compound operator and `id` an initialised, mutable frame
/// or environment slot.
fn compound_slot_operand(f: &Frame, op: AssignOp, id: &Ident) -> Option<Value> {
    if matches!(
        op,
        AssignOp::Assign | AssignOp::And | AssignOp::Or | AssignOp::Nullish
    ) {
        return None;
    }
    let binding = id.binding.get();
    match binding {
        BindingRef::Frame { mutable: true, .. } | BindingRef::Env { mutable: true, .. } => {
            initialized_slot_value(f, binding)
        }
        _ => None,
    }
}

/// The binary operator of a compound assignment.
fn binary_of(op: AssignOp) -> BinaryOp {
    match op {
        AssignOp::Add => BinaryOp::Add,
        AssignOp::Sub => BinaryOp::Sub,
        AssignOp::Mul => BinaryOp::Mul,
        AssignOp::Div => BinaryOp::Div,
        AssignOp::Mod => BinaryOp::Mod,
        AssignOp::Exp => BinaryOp::Exp,
        AssignOp::Shl => BinaryOp::Shl,
        AssignOp::Shr => BinaryOp::Shr,
        AssignOp::UShr => BinaryOp::UShr,
        AssignOp::BitOr => BinaryOp::BitOr,
        AssignOp::BitXor => BinaryOp::BitXor,
        AssignOp::BitAnd => BinaryOp::BitAnd,
        AssignOp::Assign | AssignOp::And | AssignOp::Or | AssignOp::Nullish => {
            unreachable!("not a compound arithmetic assignment")
        }
    }
}

/// Whether an assignment target is `o.name` (not `super.name`, `o[k]` or
/// `o.#name`).
fn is_named_member(e: &Expr) -> bool {
    matches!(
        &e.kind,
        ExprKind::Member {
            prop: MemberProp::Ident(_),
            ..
        }
    )
}
