//! Unary, update and binary operators (ECMA-262 §13.4–§13.12, §13.15.3
//! ApplyStringOrNumericBinaryOperator).

use super::bindings::env_at;
use super::frame::Frame;
use super::references::Reference;
use crate::interp::agent::Agent;
use crate::interp::bigint::JsBigInt;
use crate::interp::completion::JsResult;
use crate::interp::number::{to_int32, to_uint32};
use crate::interp::ops::conversion::{to_boolean, Numeric, PreferredType};
use crate::interp::ops::equality::is_strictly_equal;
use crate::interp::property::PropertyKey;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::syntax::ast::{BinaryOp, Expr, ExprKind, Ident, UnaryOp, UpdateOp};
use crate::syntax::scope::BindingRef;

impl Agent {
    pub(super) fn eval_unary(&mut self, f: &mut Frame, op: UnaryOp, arg: &Expr) -> JsResult<Value> {
        match op {
            UnaryOp::Typeof => {
                // typeof an unresolvable reference is "undefined", not a ReferenceError.
                let mut inner = arg;
                while let ExprKind::Paren(e) = &inner.kind {
                    inner = e;
                }
                if let ExprKind::Ident(id) = &inner.kind {
                    let unresolvable = match id.binding.get() {
                        BindingRef::Global | BindingRef::Unresolved => {
                            self.global_is_unresolvable(&id.name)
                        }
                        BindingRef::Dynamic(_) => self.dynamic_is_unresolvable(f, id)?,
                        _ => false,
                    };
                    if unresolvable {
                        return Ok(Value::from("undefined"));
                    }
                }
                let v = self.eval_expr(f, arg)?;
                Ok(Value::from(self.type_of(&v)))
            }
            UnaryOp::Delete => self.eval_delete(f, arg),
            _ => {
                let v = self.eval_expr(f, arg)?;
                Ok(match op {
                    // Unary -: 2. If oldValue is a BigInt, return BigInt::unaryMinus(oldValue).
                    UnaryOp::Minus => match self.to_numeric(&v)? {
                        Numeric::Number(n) => Value::Number(-n),
                        Numeric::BigInt(b) => Value::BigInt(b.unary_minus()),
                    },
                    UnaryOp::Plus => Value::Number(self.to_number(&v)?),
                    UnaryOp::Not => Value::Bool(!to_boolean(&v)),
                    // Bitwise NOT: Number::bitwiseNOT or BigInt::bitwiseNOT.
                    UnaryOp::BitNot => match self.to_numeric(&v)? {
                        Numeric::Number(n) => Value::Number(f64::from(!to_int32(n))),
                        Numeric::BigInt(b) => Value::BigInt(b.bitwise_not()),
                    },
                    UnaryOp::Void => Value::Undefined,
                    UnaryOp::Typeof | UnaryOp::Delete => unreachable!("handled above"),
                })
            }
        }
    }

    /// The delete operator on an identifier reference (step 6: base is an
    /// Environment Record, `DeleteBinding`): declared bindings (function
    /// scopes, modules, the global declarative record) cannot be deleted;
    /// a global object property can if it is configurable, and a name that
    /// resolves nowhere is deleted trivially.
    fn delete_binding(&mut self, f: &Frame, id: &Ident) -> JsResult<bool> {
        Ok(match id.binding.get() {
            BindingRef::Global | BindingRef::Unresolved => self.delete_global(id),
            BindingRef::Dynamic(_) => self.delete_dynamic(f, id)?,
            _ => false,
        })
    }

    /// GlobalEnvironmentRecord.DeleteBinding ( N ).
    pub(super) fn delete_global(&mut self, id: &Ident) -> bool {
        // 2. If DclRec.HasBinding(N) is true, return ! DclRec.DeleteBinding(N).
        if self.realm.global_env.lexical_binding(&id.name).is_some() {
            return false;
        }
        // 4–5. If globalObject has an own property N, return ? ObjRec.DeleteBinding(N).
        let global = self.global_object();
        let key = PropertyKey::from_string(JsStr::from_units(id.units()));
        global.delete(&key)
    }

    /// The delete operator — <https://tc39.es/ecma262/#sec-delete-operator-runtime-semantics-evaluation>
    fn eval_delete(&mut self, f: &mut Frame, arg: &Expr) -> JsResult<Value> {
        let mut inner = arg;
        while let ExprKind::Paren(e) = &inner.kind {
            inner = e;
        }
        let reference = match &inner.kind {
            ExprKind::Member { .. } => self.eval_reference(f, inner)?,
            ExprKind::OptionalChain(chain) => match self.eval_chain_reference(f, chain)? {
                Some(r) => r,
                None => return Ok(Value::Bool(true)),
            },
            ExprKind::SuperMember { .. } => {
                return Err(self.reference_error("Unsupported reference to 'super'"));
            }
            // Non-strict code only (an early error in strict code).
            ExprKind::Ident(id) => return Ok(Value::Bool(self.delete_binding(f, id)?)),
            _ => {
                // 2. If ref is not a Reference Record, return true.
                self.eval_expr(f, arg)?;
                return Ok(Value::Bool(true));
            }
        };
        match reference {
            Reference::Property { base, key } => {
                // 5.c. Let baseObj be ? ToObject(ref.[[Base]]).
                let obj = self.to_object(&base)?;
                // 5.d–e. deleteStatus = baseObj.[[Delete]]; strict: throw if false.
                if !self.delete(&obj, &key)? {
                    if !f.strict {
                        return Ok(Value::Bool(false));
                    }
                    if obj.is_proxy() {
                        return self.throw_proxy_falsish("deleteProperty", Some(&key));
                    }
                    let shown = crate::interp::ops::object_ops::key_display(&key);
                    let label = self.object_label(&obj);
                    return self
                        .throw_type_error(format!("Cannot delete property '{shown}' of {label}"));
                }
                Ok(Value::Bool(true))
            }
            _ => Ok(Value::Bool(true)),
        }
    }

    pub(super) fn eval_update(
        &mut self,
        f: &mut Frame,
        op: UpdateOp,
        prefix: bool,
        arg: &Expr,
    ) -> JsResult<Value> {
        // A number in an initialised, mutable frame or environment slot is
        // updated in place (the steps below, with nothing to convert and
        // nothing to throw).
        if let ExprKind::Ident(id) = &arg.kind {
            let step = |old: f64| match op {
                UpdateOp::Increment => old + 1.0,
                UpdateOp::Decrement => old - 1.0,
            };
            match id.binding.get() {
                BindingRef::Frame {
                    slot,
                    mutable: true,
                } => {
                    // The payload is rewritten in place: a whole new value
                    // stored over it would be copied in one wide move that
                    // waits for the two narrow stores that made it.
                    if let Some(Value::Number(cell)) = &mut f.slots[slot as usize] {
                        let old = *cell;
                        let new = step(old);
                        *cell = new;
                        return Ok(Value::Number(if prefix { new } else { old }));
                    }
                }
                BindingRef::Env {
                    hops,
                    slot,
                    mutable: true,
                } => {
                    let env = env_at(f, hops);
                    if let Some(old) = env.number_at(slot) {
                        let new = step(old);
                        env.set_number_in_place(slot, new);
                        return Ok(Value::Number(if prefix { new } else { old }));
                    }
                }
                _ => {}
            }
        }
        let reference = self.eval_reference(f, arg)?;
        let old = self.get_reference_value(f, &reference)?;
        // 3. Let oldValue be ? ToNumeric(? GetValue(expr)).
        let old = match old {
            Value::Number(n) => Numeric::Number(n),
            other => self.to_numeric(&other)?,
        };
        // 4–5. newValue is oldValue ± 1 (1𝔽 for a Number, 1ℤ for a BigInt).
        let (old, new) = match old {
            Numeric::Number(old) => {
                let new = match op {
                    UpdateOp::Increment => old + 1.0,
                    UpdateOp::Decrement => old - 1.0,
                };
                (Value::Number(old), Value::Number(new))
            }
            Numeric::BigInt(old) => {
                let one = JsBigInt::from(1i64);
                let new = match op {
                    UpdateOp::Increment => old.add(&one),
                    UpdateOp::Decrement => old.subtract(&one),
                }
                .map_err(|e| self.bigint_error(e))?;
                (Value::BigInt(old), Value::BigInt(new))
            }
        };
        self.put_reference_value(f, &reference, new.clone())?;
        Ok(if prefix { new } else { old })
    }

    /// ApplyStringOrNumericBinaryOperator and the relational/equality operators.
    pub(crate) fn apply_binary(&mut self, op: BinaryOp, l: Value, r: Value) -> JsResult<Value> {
        // Fast path: both operands numbers.
        if let (Value::Number(a), Value::Number(b)) = (&l, &r) {
            if let Some(v) = number_binary(op, *a, *b) {
                return Ok(v);
            }
        }
        Ok(match op {
            BinaryOp::Add => {
                // 1.a–b. Let lprim/rprim be ? ToPrimitive(lval/rval).
                let lp = self.to_primitive(&l, PreferredType::Default)?;
                let rp = self.to_primitive(&r, PreferredType::Default)?;
                // 1.c. If either is a String, concatenate.
                if matches!(lp, Value::String(_)) || matches!(rp, Value::String(_)) {
                    let ls = self.to_string(&lp)?;
                    let rs = self.to_string(&rp)?;
                    match ls.try_concat(&rs) {
                        Some(s) => {
                            self.reserve_string(s.len())?;
                            Value::String(s)
                        }
                        None => return self.throw_range_error("Invalid string length"),
                    }
                } else {
                    // 3–4. Let lnum/rnum be ? ToNumeric(lprim/rprim).
                    let a = self.to_numeric(&lp)?;
                    let b = self.to_numeric(&rp)?;
                    self.apply_numeric(op, a, b)?
                }
            }
            BinaryOp::EqEqEq => Value::Bool(is_strictly_equal(&l, &r)),
            BinaryOp::NotEqEq => Value::Bool(!is_strictly_equal(&l, &r)),
            BinaryOp::EqEq => Value::Bool(self.is_loosely_equal(&l, &r)?),
            BinaryOp::NotEq => Value::Bool(!self.is_loosely_equal(&l, &r)?),
            BinaryOp::Lt => Value::Bool(self.is_less_than(&l, &r, true)? == Some(true)),
            BinaryOp::Gt => Value::Bool(self.is_less_than(&r, &l, false)? == Some(true)),
            BinaryOp::LtEq => Value::Bool(self.is_less_than(&r, &l, false)? == Some(false)),
            BinaryOp::GtEq => Value::Bool(self.is_less_than(&l, &r, true)? == Some(false)),
            BinaryOp::Instanceof => Value::Bool(self.instance_of(&l, &r)?),
            BinaryOp::In => {
                let Value::Object(o) = &r else {
                    let key = self.to_display_string(&l);
                    let shown = self.to_display_string(&r);
                    return self.throw_type_error(format!(
                        "Cannot use 'in' operator to search for '{key}' in {shown}"
                    ));
                };
                let key = self.to_property_key(&l)?;
                Value::Bool(self.has_property(o, &key)?)
            }
            _ => {
                let a = self.to_numeric(&l)?;
                let b = self.to_numeric(&r)?;
                self.apply_numeric(op, a, b)?
            }
        })
    }

    /// ApplyStringOrNumericBinaryOperator steps 3–8 on numeric operands.
    fn apply_numeric(&mut self, op: BinaryOp, a: Numeric, b: Numeric) -> JsResult<Value> {
        match (a, b) {
            (Numeric::Number(a), Numeric::Number(b)) => {
                Ok(number_binary(op, a, b).expect("every remaining operator is numeric"))
            }
            (Numeric::BigInt(a), Numeric::BigInt(b)) => self.bigint_binary(op, &a, &b),
            // 5. If Type(lnum) is not Type(rnum), throw a TypeError exception.
            _ => {
                self.throw_type_error("Cannot mix BigInt and other types, use explicit conversions")
            }
        }
    }

    /// The BigInt:: operation of a binary operator (Table 9's BigInt column).
    fn bigint_binary(&mut self, op: BinaryOp, a: &JsBigInt, b: &JsBigInt) -> JsResult<Value> {
        let result = match op {
            BinaryOp::Add => a.add(b),
            BinaryOp::Sub => a.subtract(b),
            BinaryOp::Mul => a.multiply(b),
            BinaryOp::Div => a.divide(b),
            BinaryOp::Mod => a.remainder(b),
            BinaryOp::Exp => a.exponentiate(b),
            BinaryOp::Shl => a.left_shift(b),
            BinaryOp::Shr => a.signed_right_shift(b),
            // BigInt::unsignedRightShift: 1. Throw a TypeError exception.
            BinaryOp::UShr => {
                return self
                    .throw_type_error("BigInts have no unsigned right shift, use >> instead")
            }
            BinaryOp::BitAnd => Ok(a.bitwise_and(b)),
            BinaryOp::BitOr => Ok(a.bitwise_or(b)),
            BinaryOp::BitXor => Ok(a.bitwise_xor(b)),
            _ => unreachable!("only the arithmetic and bitwise operators reach here"),
        };
        result.map(Value::BigInt).map_err(|e| self.bigint_error(e))
    }
}

/// The result of a relational or equality operator on two numbers (None
/// for the other operators).
#[inline(always)]
pub(super) fn number_comparison(op: BinaryOp, a: f64, b: f64) -> Option<bool> {
    Some(match op {
        BinaryOp::EqEqEq | BinaryOp::EqEq => a == b,
        BinaryOp::NotEqEq | BinaryOp::NotEq => a != b,
        BinaryOp::Lt => a < b,
        BinaryOp::Gt => a > b,
        BinaryOp::LtEq => a <= b,
        BinaryOp::GtEq => a >= b,
        _ => return None,
    })
}

/// The Number:: operations of a binary operator (None for the operators
/// that are not purely numeric).
#[inline(always)]
pub(super) fn number_binary(op: BinaryOp, a: f64, b: f64) -> Option<Value> {
    Some(match op {
        BinaryOp::Add => Value::Number(a + b),
        BinaryOp::Sub => Value::Number(a - b),
        BinaryOp::Mul => Value::Number(a * b),
        BinaryOp::Div => Value::Number(a / b),
        BinaryOp::Mod => Value::Number(number_remainder(a, b)),
        BinaryOp::Exp => Value::Number(exponentiate(a, b)),
        BinaryOp::Shl => Value::Number(f64::from(to_int32(a).wrapping_shl(to_uint32(b) & 31))),
        BinaryOp::Shr => Value::Number(f64::from(to_int32(a) >> (to_uint32(b) & 31))),
        BinaryOp::UShr => Value::Number(f64::from(to_uint32(a) >> (to_uint32(b) & 31))),
        BinaryOp::BitAnd => Value::Number(f64::from(to_int32(a) & to_int32(b))),
        BinaryOp::BitOr => Value::Number(f64::from(to_int32(a) | to_int32(b))),
        BinaryOp::BitXor => Value::Number(f64::from(to_int32(a) ^ to_int32(b))),
        BinaryOp::EqEqEq | BinaryOp::EqEq => Value::Bool(a == b),
        BinaryOp::NotEqEq | BinaryOp::NotEq => Value::Bool(a != b),
        BinaryOp::Lt => Value::Bool(a < b),
        BinaryOp::Gt => Value::Bool(a > b),
        BinaryOp::LtEq => Value::Bool(a <= b),
        BinaryOp::GtEq => Value::Bool(a >= b),
        BinaryOp::In | BinaryOp::Instanceof => return None,
    })
}

/// Number::remainder ( n, d ) — <https://tc39.es/ecma262/#sec-numeric-types-number-remainder>
/// The result truncates like C's fmod, which Rust's `%` on floats is; but
/// that is a software routine, so operands that are 32-bit integers (the
/// common case) take an integer division instead.
#[inline(always)]
pub fn number_remainder(n: f64, d: f64) -> f64 {
    let (i, j) = (n as i32, d as i32);
    if i as f64 == n && j as f64 == d && j != 0 {
        // `wrapping_rem`: i32::MIN % -1 is 0, where `%` would overflow.
        let r = i.wrapping_rem(j);
        // 6. The result has the sign of the dividend: a zero from a
        //    negative n (or from -0) is -0.
        if r == 0 && n.is_sign_negative() {
            return -0.0;
        }
        return f64::from(r);
    }
    n % d
}

/// Number::exponentiate ( base, exponent ) — <https://tc39.es/ecma262/#sec-numeric-types-number-exponentiate>
pub fn exponentiate(base: f64, exponent: f64) -> f64 {
    // 1. If exponent is NaN, return NaN. 2. If exponent is ±0, return 1.
    if exponent.is_nan() {
        return f64::NAN;
    }
    if exponent == 0.0 {
        return 1.0;
    }
    // 9–10: |base| = 1 with an infinite exponent is NaN (powf says 1).
    if base.abs() == 1.0 && exponent.is_infinite() {
        return f64::NAN;
    }
    base.powf(exponent)
}
