//! Evaluation of expressions (ECMA-262 §13): the dispatch over expression
//! kinds, and the kinds too small for a file of their own.

use super::bindings::{initialized_slot_value, number_operand};
use super::frame::Frame;
use super::operators::{number_binary, number_comparison};
use super::references::is_plain_ident_callee;
use crate::interp::agent::Agent;
use crate::interp::bigint::JsBigInt;
use crate::interp::completion::JsResult;
use crate::interp::ops::conversion::to_boolean;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::syntax::ast::{BinaryOp, Expr, ExprKind, Literal, LogicalOp};

impl Agent {
    /// Evaluation of an expression, then GetValue.
    pub(crate) fn eval_expr(&mut self, f: &mut Frame, e: &Expr) -> JsResult<Value> {
        match &e.kind {
            ExprKind::Lit(Literal::Num(n)) => Ok(Value::Number(*n)),
            ExprKind::Lit(lit) => self.eval_literal(lit, e),
            // An initialised frame or environment slot, without a call.
            ExprKind::Ident(id) => match initialized_slot_value(f, id.binding.get()) {
                Some(v) => Ok(v),
                None => self.read_ident(f, id),
            },
            ExprKind::This(binding) => self.eval_this(f, binding.get(), e.span.start),
            ExprKind::Paren(inner) => self.eval_expr(f, inner),
            ExprKind::Template(t) => self.eval_template(f, t),
            ExprKind::TaggedTemplate { tag, quasi } => self.eval_tagged_template(f, tag, quasi, e),
            ExprKind::Array(elems) => self.eval_array_literal(f, elems),
            ExprKind::Object(props) => self.eval_object_literal(f, props),
            ExprKind::Function(func) | ExprKind::Arrow(func) => Ok(Value::Object(
                self.instantiate_function_expression(f, func, None),
            )),
            ExprKind::Class(class) => self.eval_class(f, class, None),
            ExprKind::Unary { op, arg } => self.eval_unary(f, *op, arg),
            ExprKind::Update { op, prefix, arg } => self.eval_update(f, *op, *prefix, arg),
            ExprKind::Binary { op, left, right } => {
                // Number operands read in place (see `number_operand`), and
                // number results taken apart where they are: a `Value` moved
                // whole just after the two stores that made it waits for
                // them.
                let l = match number_operand(f, left) {
                    Some(a) => {
                        let b = match number_operand(f, right) {
                            Some(b) => b,
                            None => match self.eval_expr(f, right)? {
                                Value::Number(b) => b,
                                r => return self.apply_binary_at(e, *op, Value::Number(a), r),
                            },
                        };
                        return match number_binary(*op, a, b) {
                            Some(v) => Ok(v),
                            None => {
                                self.apply_binary_at(e, *op, Value::Number(a), Value::Number(b))
                            }
                        };
                    }
                    None => self.eval_expr(f, left)?,
                };
                let r = match number_operand(f, right) {
                    Some(b) => Value::Number(b),
                    None => self.eval_expr(f, right)?,
                };
                // Two numbers need no conversion and cannot throw.
                if let (Value::Number(a), Value::Number(b)) = (&l, &r) {
                    if let Some(v) = number_binary(*op, *a, *b) {
                        l.discard();
                        r.discard();
                        return Ok(v);
                    }
                }
                self.apply_binary_at(e, *op, l, r)
            }
            ExprKind::Logical { op, left, right } => {
                let l = self.eval_expr(f, left)?;
                let short = match op {
                    LogicalOp::And => !to_boolean(&l),
                    LogicalOp::Or => to_boolean(&l),
                    LogicalOp::Nullish => !matches!(l, Value::Undefined | Value::Null),
                };
                if short {
                    Ok(l)
                } else {
                    self.eval_expr(f, right)
                }
            }
            ExprKind::PrivateIn { name, right } => {
                let r = self.eval_expr(f, right)?;
                let Value::Object(o) = r else {
                    return self.throw_type_error(
                        "Cannot use 'in' operator to search for '#private' in non-object",
                    );
                };
                let key = self.private_key(f, name)?;
                Ok(Value::Bool(o.get_own_property(&key).is_some()))
            }
            ExprKind::Assign { op, target, value } => self.eval_assign(f, *op, target, value),
            ExprKind::Cond {
                test,
                consequent,
                alternate,
            } => {
                if self.eval_condition(f, test)? {
                    self.eval_expr(f, consequent)
                } else {
                    self.eval_expr(f, alternate)
                }
            }
            ExprKind::Member {
                object,
                prop,
                optional: false,
            } => self.eval_member(f, object, prop),
            ExprKind::Call {
                callee,
                args,
                optional: false,
            } => match &callee.kind {
                ExprKind::Ident(_) if is_plain_ident_callee(callee) => {
                    self.eval_ident_call(f, callee, args)
                }
                ExprKind::Member {
                    object,
                    prop,
                    optional: false,
                } => self.eval_method_call(f, callee, object, prop, args),
                _ => match self.eval_chain(f, e)? {
                    Some((v, _)) => Ok(v),
                    None => Ok(Value::Undefined),
                },
            },
            ExprKind::Call { .. } | ExprKind::Member { .. } | ExprKind::SuperMember { .. } => {
                match self.eval_chain(f, e)? {
                    Some((v, _)) => Ok(v),
                    None => Ok(Value::Undefined),
                }
            }
            ExprKind::OptionalChain(inner) => match self.eval_chain(f, inner)? {
                Some((v, _)) => Ok(v),
                None => Ok(Value::Undefined),
            },
            ExprKind::New { callee, args } => self.eval_new(f, callee, args.as_deref(), e),
            ExprKind::SuperCall { args, refs } => self.eval_super_call(f, args, refs.get(), e),
            ExprKind::Seq(exprs) => {
                let mut last = Value::Undefined;
                for x in exprs {
                    last = self.eval_expr(f, x)?;
                }
                Ok(last)
            }
            ExprKind::Yield { arg, delegate } => self.eval_yield(f, arg.as_deref(), *delegate),
            ExprKind::Await(arg) => {
                let v = self.eval_expr(f, arg)?;
                self.await_value(v)
            }
            ExprKind::NewTarget(binding) => Ok(self
                .read_binding(f, binding.get())?
                .unwrap_or(Value::Undefined)),
            ExprKind::ImportMeta => self.eval_import_meta(f),
            ExprKind::ImportCall {
                phase,
                specifier,
                options,
            } => self.eval_import_call(f, *phase, specifier, options.as_deref()),
            ExprKind::TooDeep => Err(self.stack_overflow()),
        }
    }

    /// ApplyStringOrNumericBinaryOperator and the relational and equality
    /// operators, with the error position at the operator's expression.
    #[inline(never)]
    fn apply_binary_at(&mut self, e: &Expr, op: BinaryOp, l: Value, r: Value) -> JsResult<Value> {
        self.set_position(e.span.start);
        self.apply_binary(op, l, r)
    }

    /// ToBoolean(? GetValue(? Evaluation of `e`)): the truth of a test. A
    /// comparison of number operands (see `number_operand`) is decided
    /// without making a Boolean value.
    pub(crate) fn eval_condition(&mut self, f: &mut Frame, e: &Expr) -> JsResult<bool> {
        if let ExprKind::Binary { op, left, right } = &e.kind {
            if let Some(a) = number_operand(f, left) {
                if let Some(b) = number_operand(f, right) {
                    if let Some(truth) = number_comparison(*op, a, b) {
                        return Ok(truth);
                    }
                }
            }
        }
        let v = self.eval_expr(f, e)?;
        let truth = to_boolean(&v);
        v.discard();
        Ok(truth)
    }

    fn eval_literal(&mut self, lit: &Literal, e: &Expr) -> JsResult<Value> {
        Ok(match lit {
            Literal::Null => Value::Null,
            Literal::Bool(b) => Value::Bool(*b),
            Literal::Num(n) => Value::Number(*n),
            Literal::Str(s) => Value::String(JsStr::from_units(s.clone())),
            // The lexer hands over the value's decimal digits.
            Literal::BigInt(digits) => Value::BigInt(
                JsBigInt::from_decimal(digits).expect("the lexer produces decimal digits"),
            ),
            Literal::Regex { pattern, flags } => {
                self.set_position(e.span.start);
                crate::interp::builtins::regexp::regexp_create(
                    self,
                    JsStr::from_units(pattern.clone()),
                    JsStr::from(&**flags),
                )?
            }
        })
    }

    /// `this`: ResolveThisBinding, with the derived-constructor TDZ.
    pub(super) fn eval_this(
        &mut self,
        f: &Frame,
        binding: crate::syntax::scope::BindingRef,
        at: u32,
    ) -> JsResult<Value> {
        if binding == crate::syntax::scope::BindingRef::Unresolved {
            return Ok(Value::Undefined);
        }
        match self.read_binding(f, binding)? {
            Some(v) => Ok(v),
            None => {
                self.set_position(at);
                Err(self.reference_error(
                    "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
                ))
            }
        }
    }
}
