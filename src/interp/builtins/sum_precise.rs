//! Math.sumPrecise (ECMA-262 §21.3.2.34): the exact sum of a list of
//! Numbers, rounded once. The sum is kept exactly as a fixed-point integer
//! in units of 2^-1074 (the smallest subnormal), wide enough for 2^53
//! addends of the largest finite Number.

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::value::Value;

/// Limbs of the accumulator: 2^1024 · 2^1074 · 2^53 needs 2151 bits plus a sign.
const LIMBS: usize = 35;

/// An exact sum of finite Numbers: a two's-complement integer, least
/// significant limb first, counting units of 2^-1074.
struct ExactSum {
    limbs: [u64; LIMBS],
}

impl ExactSum {
    fn new() -> ExactSum {
        ExactSum { limbs: [0; LIMBS] }
    }

    /// Adds the finite Number `n` exactly.
    fn add(&mut self, n: f64) {
        let bits = n.to_bits();
        let biased = ((bits >> 52) & 0x7FF) as u32;
        let fraction = bits & ((1 << 52) - 1);
        // n = mantissa · 2^(shift - 1074).
        let (mantissa, shift) = match biased {
            0 => (fraction, 0),
            _ => (fraction | (1 << 52), biased - 1),
        };
        if mantissa == 0 {
            return;
        }
        let limb = (shift / 64) as usize;
        let offset = shift % 64;
        let wide = u128::from(mantissa) << offset;
        let parts = [wide as u64, (wide >> 64) as u64];
        if n.is_sign_negative() {
            self.subtract_at(limb, parts);
        } else {
            self.add_at(limb, parts);
        }
    }

    fn add_at(&mut self, limb: usize, parts: [u64; 2]) {
        let mut carry = 0u64;
        for (i, limb_value) in self.limbs.iter_mut().enumerate().skip(limb) {
            let part = parts.get(i - limb).copied().unwrap_or(0);
            let (sum, c1) = limb_value.overflowing_add(part);
            let (sum, c2) = sum.overflowing_add(carry);
            *limb_value = sum;
            carry = u64::from(c1 || c2);
            if carry == 0 && i > limb {
                break;
            }
        }
    }

    fn subtract_at(&mut self, limb: usize, parts: [u64; 2]) {
        let mut borrow = 0u64;
        for (i, limb_value) in self.limbs.iter_mut().enumerate().skip(limb) {
            let part = parts.get(i - limb).copied().unwrap_or(0);
            let (diff, b1) = limb_value.overflowing_sub(part);
            let (diff, b2) = diff.overflowing_sub(borrow);
            *limb_value = diff;
            borrow = u64::from(b1 || b2);
            if borrow == 0 && i > limb {
                break;
            }
        }
    }

    /// 𝔽(sum): the Number nearest the exact sum, ties to even (+0 for 0).
    fn to_number(&self) -> f64 {
        let negative = self.limbs[LIMBS - 1] >> 63 == 1;
        let mut magnitude = self.limbs;
        if negative {
            // Two's-complement negation.
            let mut carry = 1u64;
            for limb in magnitude.iter_mut() {
                let (v, c) = (!*limb).overflowing_add(carry);
                *limb = v;
                carry = u64::from(c);
            }
        }
        let Some(top) = magnitude.iter().rposition(|&l| l != 0) else {
            return 0.0;
        };
        // p: the index of the highest set bit.
        let p = top * 64 + 63 - magnitude[top].leading_zeros() as usize;
        let bit = |i: usize| (magnitude[i / 64] >> (i % 64)) & 1 == 1;
        let value = if p < 53 {
            // Fewer than 53 significant bits: exact (a subnormal or a small normal).
            scale(magnitude[0] as f64, -1074)
        } else {
            // The top 53 bits, rounded to nearest, ties to even.
            let low = p - 52;
            let mut mantissa = 0u64;
            for i in (low..=p).rev() {
                mantissa = mantissa << 1 | u64::from(bit(i));
            }
            let half = bit(low - 1);
            let sticky = (0..low - 1).any(bit);
            let mut exponent = low as i32 - 1074;
            if half && (sticky || mantissa & 1 == 1) {
                mantissa += 1;
                if mantissa == 1 << 53 {
                    mantissa >>= 1;
                    exponent += 1;
                }
            }
            scale(mantissa as f64, exponent)
        };
        if negative {
            -value
        } else {
            value
        }
    }
}

/// x · 2^exponent for an x below 2^53, exact unless it overflows to ∞.
fn scale(x: f64, exponent: i32) -> f64 {
    let power = |e: i32| -> f64 {
        if e > 1023 {
            f64::INFINITY
        } else if e >= -1022 {
            f64::from_bits(((e + 1023) as u64) << 52)
        } else {
            f64::from_bits(1u64 << (e + 1074))
        }
    };
    // Two steps keep every factor representable.
    let half = exponent / 2;
    x * power(half) * power(exponent - half)
}

/// The state of Math.sumPrecise's step 7.
#[derive(PartialEq)]
enum State {
    MinusZero,
    Finite,
    PlusInfinity,
    MinusInfinity,
    NotANumber,
}

/// Math.sumPrecise ( items ) — <https://tc39.es/ecma262/#sec-math.sumprecise>
pub fn sum_precise(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let items = args.arg(0);
    // 1. Perform ? RequireObjectCoercible(items).
    if matches!(items, Value::Undefined | Value::Null) {
        let shown = agent.to_display_string(&items);
        return agent.throw_type_error(format!("{shown} is not iterable"));
    }
    // 2. Let iteratorRecord be ? GetIterator(items, sync).
    let mut record = agent.get_iterator(&items)?;
    // 3. Let state be minus-zero.  4. Let sum be 0.  5. Let count be 0.
    let mut state = State::MinusZero;
    let mut sum = ExactSum::new();
    let mut count: u64 = 0;
    // 7. Repeat, while next is not done,
    while let Some(next) = agent.iterator_step_value(&mut record)? {
        if let Err(e) = agent.poll_interrupt() {
            return Err(agent.iterator_close_with_error(&record, e));
        }
        // b.i. Set count to count + 1.
        count += 1;
        // b.ii. If count ≥ 2^53, then throw a RangeError (closing the iterator).
        if count >= 1 << 53 {
            let error = agent.range_error("Too many values to sum precisely");
            return Err(agent.iterator_close_with_error(&record, error));
        }
        // b.iv. If next is not a Number, then throw a TypeError (closing the iterator).
        let Value::Number(n) = next else {
            let shown = agent.to_display_string(&next);
            let error = agent.type_error(format!("{shown} is not a number"));
            return Err(agent.iterator_close_with_error(&record, error));
        };
        // b.v. Let n be next.
        // b.vi. If state is not not-a-number, then
        if state == State::NotANumber {
            continue;
        }
        if n.is_nan() {
            // 1. If n is NaN, set state to not-a-number.
            state = State::NotANumber;
        } else if n == f64::INFINITY {
            // 2. Else if n is +∞: not-a-number after −∞, else plus-infinity.
            state = match state {
                State::MinusInfinity => State::NotANumber,
                _ => State::PlusInfinity,
            };
        } else if n == f64::NEG_INFINITY {
            // 3. Else if n is −∞: not-a-number after +∞, else minus-infinity.
            state = match state {
                State::PlusInfinity => State::NotANumber,
                _ => State::MinusInfinity,
            };
        } else if !(n == 0.0 && n.is_sign_negative())
            && matches!(state, State::MinusZero | State::Finite)
        {
            // 4. Else if n is not −0 and state is either minus-zero or finite:
            //    set state to finite and add ℝ(n) to sum.
            state = State::Finite;
            sum.add(n);
        }
    }
    Ok(Value::Number(match state {
        // 8. If state is not-a-number, return NaN.
        State::NotANumber => f64::NAN,
        // 9. If state is plus-infinity, return +∞𝔽.
        State::PlusInfinity => f64::INFINITY,
        // 10. If state is minus-infinity, return −∞𝔽.
        State::MinusInfinity => f64::NEG_INFINITY,
        // 11. If state is minus-zero, return −0𝔽.
        State::MinusZero => -0.0,
        // 12. Return 𝔽(sum).
        State::Finite => sum.to_number(),
    }))
}

#[cfg(test)]
mod tests {
    use super::ExactSum;

    fn exact(values: &[f64]) -> f64 {
        let mut sum = ExactSum::new();
        for &v in values {
            sum.add(v);
        }
        sum.to_number()
    }

    #[test]
    fn sums_are_exact_then_rounded_once() {
        // Expected values from the Math.sumPrecise proposal's examples and
        // test262 (built-ins/Math/sumPrecise).
        assert_eq!(exact(&[1e20, 0.1, -1e20]), 0.1);
        assert_eq!(exact(&[0.1, 0.2, 0.3]), 0.6);
        assert_eq!(exact(&[1e308, 1e308, -1e308]), 1e308);
        assert_eq!(exact(&[f64::MAX, f64::MAX]), f64::INFINITY);
        assert_eq!(exact(&[-f64::MAX, -f64::MAX]), f64::NEG_INFINITY);
        assert_eq!(exact(&[5e-324, 5e-324]), 1e-323);
        assert_eq!(exact(&[1.0, -1.0]).to_bits(), 0.0f64.to_bits());
        assert_eq!(exact(&[2f64.powi(53), 1.0]), 2f64.powi(53));
        assert_eq!(exact(&[2f64.powi(53), 1.0, 1e-10]), 2f64.powi(53) + 2.0);
    }
}
