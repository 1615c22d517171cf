//! The BigInt type (ECMA-262 §6.1.6.2): arbitrary-precision integers and
//! the BigInt:: operations the operators dispatch to.
//!
//! The digits live in a `num_bigint::BigInt` behind an `Rc`, so a
//! [`Value`](super::value::Value) does not grow (a String is wider) and copying a BigInt
//! value copies a pointer. BigInt values are immutable: every operation
//! makes a new one.

use std::ops::Deref;
use std::rc::Rc;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// A BigInt value.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct JsBigInt(Rc<BigInt>);

/// The largest BigInt vmjs makes, in bits (V8's limit, 2^30): an operation
/// whose result would be wider throws a RangeError instead of exhausting
/// memory.
pub const MAX_BITS: u64 = 1 << 30;

/// Why a BigInt:: operation has no result; the agent turns each into the
/// exception V8 throws.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum BigIntError {
    /// RangeError "Division by zero".
    DivisionByZero,
    /// RangeError for a negative exponent.
    NegativeExponent,
    /// RangeError "Maximum BigInt size exceeded".
    TooBig,
}

impl BigIntError {
    /// The message V8 gives (all three are RangeErrors).
    pub fn message(self) -> &'static str {
        match self {
            BigIntError::DivisionByZero => "Division by zero",
            // V8's wording, a template whose operand name is missing.
            BigIntError::NegativeExponent => "undefined must be positive",
            BigIntError::TooBig => "Maximum BigInt size exceeded",
        }
    }
}

type BigIntResult = Result<JsBigInt, BigIntError>;

impl Deref for JsBigInt {
    type Target = BigInt;
    fn deref(&self) -> &BigInt {
        &self.0
    }
}

impl From<BigInt> for JsBigInt {
    fn from(n: BigInt) -> JsBigInt {
        JsBigInt(Rc::new(n))
    }
}

impl From<i64> for JsBigInt {
    fn from(n: i64) -> JsBigInt {
        JsBigInt::from(BigInt::from(n))
    }
}

impl From<u64> for JsBigInt {
    fn from(n: u64) -> JsBigInt {
        JsBigInt::from(BigInt::from(n))
    }
}

/// A result no wider than [`MAX_BITS`].
fn checked(n: BigInt) -> BigIntResult {
    if n.bits() > MAX_BITS {
        return Err(BigIntError::TooBig);
    }
    Ok(JsBigInt::from(n))
}

impl JsBigInt {
    pub fn zero() -> JsBigInt {
        JsBigInt::from(BigInt::zero())
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }

    /// BigInt::unaryMinus ( x ) — <https://tc39.es/ecma262/#sec-numeric-types-bigint-unaryMinus>
    pub fn unary_minus(&self) -> JsBigInt {
        // 1. If x = 0ℤ, return 0ℤ. 2. Return -x.
        JsBigInt::from(-&*self.0)
    }

    /// BigInt::bitwiseNOT ( x ) — <https://tc39.es/ecma262/#sec-numeric-types-bigint-bitwiseNOT>
    pub fn bitwise_not(&self) -> JsBigInt {
        // 1. Return -x - 1ℤ.
        JsBigInt::from(-&*self.0 - 1)
    }

    /// BigInt::exponentiate ( base, exponent ) — <https://tc39.es/ecma262/#sec-numeric-types-bigint-exponentiate>
    pub fn exponentiate(&self, exponent: &JsBigInt) -> BigIntResult {
        // 1. If exponent < 0ℤ, throw a RangeError exception.
        if exponent.is_negative() {
            return Err(BigIntError::NegativeExponent);
        }
        // 2. If base = 0ℤ and exponent = 0ℤ, return 1ℤ.
        if exponent.is_zero() {
            return Ok(JsBigInt::from(BigInt::one()));
        }
        // 3. Return base raised to the power exponent.
        // Bases 0, 1 and -1 stay small whatever the exponent.
        if self.is_zero() || self.magnitude().is_one() {
            let odd = exponent.is_odd();
            let n = if self.is_negative() && !odd {
                BigInt::one()
            } else {
                (*self.0).clone()
            };
            return Ok(JsBigInt::from(n));
        }
        // Any other base at least doubles per factor: bound the width first.
        let exponent = match exponent.to_u64() {
            Some(e) if e <= MAX_BITS => e,
            _ => return Err(BigIntError::TooBig),
        };
        if (self.bits() - 1).saturating_mul(exponent) > MAX_BITS {
            return Err(BigIntError::TooBig);
        }
        checked(num_traits::pow::Pow::pow(&*self.0, exponent))
    }

    /// BigInt::multiply ( x, y ) — <https://tc39.es/ecma262/#sec-numeric-types-bigint-multiply>
    pub fn multiply(&self, y: &JsBigInt) -> BigIntResult {
        if self.bits() + y.bits() > MAX_BITS + 1 {
            return Err(BigIntError::TooBig);
        }
        checked(&*self.0 * &*y.0)
    }

    /// BigInt::divide ( x, y ) — <https://tc39.es/ecma262/#sec-numeric-types-bigint-divide>
    pub fn divide(&self, y: &JsBigInt) -> BigIntResult {
        // 1. If y = 0ℤ, throw a RangeError exception.
        if y.is_zero() {
            return Err(BigIntError::DivisionByZero);
        }
        // 2–3. Let quotient be ℝ(x) / ℝ(y); return truncate(quotient).
        Ok(JsBigInt::from(&*self.0 / &*y.0))
    }

    /// BigInt::remainder ( n, d ) — <https://tc39.es/ecma262/#sec-numeric-types-bigint-remainder>
    pub fn remainder(&self, d: &JsBigInt) -> BigIntResult {
        // 1. If d = 0ℤ, throw a RangeError exception.
        if d.is_zero() {
            return Err(BigIntError::DivisionByZero);
        }
        // 2–5. The remainder takes the sign of the dividend n (Rust's % truncates).
        Ok(JsBigInt::from(&*self.0 % &*d.0))
    }

    /// BigInt::add ( x, y ) — <https://tc39.es/ecma262/#sec-numeric-types-bigint-add>
    pub fn add(&self, y: &JsBigInt) -> BigIntResult {
        checked(&*self.0 + &*y.0)
    }

    /// BigInt::subtract ( x, y ) — <https://tc39.es/ecma262/#sec-numeric-types-bigint-subtract>
    pub fn subtract(&self, y: &JsBigInt) -> BigIntResult {
        checked(&*self.0 - &*y.0)
    }

    /// BigInt::leftShift ( x, y ) — <https://tc39.es/ecma262/#sec-numeric-types-bigint-leftShift>
    pub fn left_shift(&self, y: &JsBigInt) -> BigIntResult {
        if y.is_negative() {
            // 1. Return x × 2^y, which for y < 0 is a floor division.
            return Ok(self.shift_right_by(y.magnitude()));
        }
        if self.is_zero() {
            return Ok(self.clone());
        }
        match y.to_u64() {
            Some(shift) if self.bits() + shift <= MAX_BITS => {
                checked(&*self.0 << usize::try_from(shift).map_err(|_| BigIntError::TooBig)?)
            }
            _ => Err(BigIntError::TooBig),
        }
    }

    /// BigInt::signedRightShift ( x, y ) — <https://tc39.es/ecma262/#sec-numeric-types-bigint-signedRightShift>
    pub fn signed_right_shift(&self, y: &JsBigInt) -> BigIntResult {
        // 1. Return BigInt::leftShift(x, -y).
        self.left_shift(&y.unary_minus())
    }

    /// floor(x / 2^shift) for a non-negative shift of any size.
    fn shift_right_by(&self, shift: &num_bigint::BigUint) -> JsBigInt {
        match shift.to_u64() {
            Some(s) if s < self.bits() => {
                // `>>` on a negative num_bigint::BigInt rounds toward -∞.
                JsBigInt::from(&*self.0 >> s as usize)
            }
            _ => JsBigInt::from(BigInt::from(if self.is_negative() { -1 } else { 0 })),
        }
    }

    /// BigInt::lessThan ( x, y ) — <https://tc39.es/ecma262/#sec-numeric-types-bigint-lessThan>
    pub fn less_than(&self, y: &JsBigInt) -> bool {
        self.0 < y.0
    }

    /// BigInt::bitwiseAND ( x, y ) — <https://tc39.es/ecma262/#sec-numeric-types-bigint-bitwiseAND>
    pub fn bitwise_and(&self, y: &JsBigInt) -> JsBigInt {
        // 1. Return BigIntBitwiseOp(&, x, y): num_bigint works in two's complement.
        JsBigInt::from(&*self.0 & &*y.0)
    }

    /// BigInt::bitwiseOR ( x, y ) — <https://tc39.es/ecma262/#sec-numeric-types-bigint-bitwiseOR>
    pub fn bitwise_or(&self, y: &JsBigInt) -> JsBigInt {
        JsBigInt::from(&*self.0 | &*y.0)
    }

    /// BigInt::bitwiseXOR ( x, y ) — <https://tc39.es/ecma262/#sec-numeric-types-bigint-bitwiseXOR>
    pub fn bitwise_xor(&self, y: &JsBigInt) -> JsBigInt {
        JsBigInt::from(&*self.0 ^ &*y.0)
    }

    /// BigInt::toString ( x, radix ) — <https://tc39.es/ecma262/#sec-numeric-types-bigint-tostring>
    pub fn to_string_radix(&self, radix: u32) -> String {
        debug_assert!((2..=36).contains(&radix));
        // 1. If x < 0ℤ, return "-" followed by BigInt::toString(-x, radix).
        // 2. Return the digits of x in radix, lowercase letters for 10–35.
        self.0.to_str_radix(radix)
    }

    /// 𝔽(ℝ(x)): the Number nearest the BigInt, ties to even (Number(x)).
    pub fn to_f64(&self) -> f64 {
        bigint_to_f64(&self.0)
    }

    /// BigInt.asIntN / asUintN's steps 3–4 (bits ≤ 2^53 − 1): ℝ(bigint)
    /// modulo 2^bits, as a signed or unsigned integer. Too wide a result
    /// (a negative value modulo a huge power of two) is an error.
    pub fn as_n_bits(&self, bits: u64, signed: bool) -> BigIntResult {
        if bits == 0 {
            return Ok(JsBigInt::zero());
        }
        // A value that already fits comes back unchanged (and no 2^bits is
        // built for a huge `bits`).
        let fits = if signed {
            self.bits() < bits
        } else {
            !self.is_negative() && self.bits() <= bits
        };
        if fits {
            return Ok(self.clone());
        }
        // Only an unsigned reduction of a negative value grows: to `bits` bits.
        if bits > MAX_BITS {
            return Err(BigIntError::TooBig);
        }
        // 3. Let mod be ℝ(bigint) modulo 2^bits.
        let modulus = BigInt::one() << bits as usize;
        let m = self.0.mod_floor(&modulus);
        // 4. If signed and mod ≥ 2^(bits - 1), return mod - 2^bits; otherwise return mod.
        Ok(if signed && m.bits() == bits {
            JsBigInt::from(m - modulus)
        } else {
            JsBigInt::from(m)
        })
    }

    /// The low 64 bits in two's complement (ToBigInt64 / ToBigUint64's modulo).
    pub fn low_u64(&self) -> u64 {
        let digits = self.0.iter_u64_digits().next().unwrap_or(0);
        if self.0.sign() == Sign::Minus {
            digits.wrapping_neg()
        } else {
            digits
        }
    }

    /// The text of a decimal integer (the digits a lexer hands over).
    pub fn from_decimal(digits: &str) -> Option<JsBigInt> {
        BigInt::parse_bytes(digits.as_bytes(), 10).map(JsBigInt::from)
    }
}

/// The Number nearest `n`, rounding half to even (num_bigint's `to_f64`
/// truncates, so the rounding is done here on the top 64 bits).
fn bigint_to_f64(n: &BigInt) -> f64 {
    let magnitude = n.magnitude();
    let bits = magnitude.bits();
    let value = if bits <= 64 {
        // u64 → f64 rounds to nearest, ties to even.
        magnitude.to_u64().expect("at most 64 bits") as f64
    } else if bits > 1024 {
        f64::INFINITY
    } else {
        // Keep 64 significant bits and fold every lower bit into the last
        // one (a sticky bit), so the u64 → f64 rounding sees the same tie
        // or non-tie as the full value.
        let shift = bits - 64;
        let top = (magnitude >> shift as usize)
            .to_u64()
            .expect("64 bits after the shift");
        let sticky = magnitude.trailing_zeros().is_some_and(|z| z < shift);
        let top = top | u64::from(sticky);
        (top as f64) * 2f64.powi(shift as i32)
    };
    if n.is_negative() {
        -value
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(text: &str) -> JsBigInt {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(d) => (true, d),
            None => (false, text),
        };
        let n = JsBigInt::from_decimal(digits).unwrap();
        if negative {
            n.unary_minus()
        } else {
            n
        }
    }

    #[test]
    fn division_truncates_and_remainder_follows_the_dividend() {
        assert_eq!(big("-5").divide(&big("2")).unwrap(), big("-2"));
        assert_eq!(big("-5").remainder(&big("2")).unwrap(), big("-1"));
        assert_eq!(big("1").divide(&big("0")), Err(BigIntError::DivisionByZero));
    }

    #[test]
    fn shifts_floor_and_bound_their_width() {
        assert_eq!(big("-5").signed_right_shift(&big("1")).unwrap(), big("-3"));
        assert_eq!(
            big("-5").signed_right_shift(&big("1000")).unwrap(),
            big("-1")
        );
        assert_eq!(big("5").left_shift(&big("-1")).unwrap(), big("2"));
        assert_eq!(
            big("1").left_shift(&big("100000000000")),
            Err(BigIntError::TooBig)
        );
    }

    #[test]
    fn as_n_bits_wraps() {
        assert_eq!(
            big("-1").as_n_bits(64, false),
            Ok(big("18446744073709551615"))
        );
        assert_eq!(
            big("9223372036854775808").as_n_bits(64, true),
            Ok(big("-9223372036854775808"))
        );
        assert_eq!(big("3").as_n_bits(1, true), Ok(big("-1")));
        assert_eq!(big("5").as_n_bits(1 << 52, false), Ok(big("5")));
        assert_eq!(
            big("-1").as_n_bits(1 << 52, false),
            Err(BigIntError::TooBig)
        );
        assert_eq!(big("-1").low_u64(), u64::MAX);
    }

    #[test]
    fn conversion_to_number_rounds_half_to_even() {
        // 2^64 + 2^11 is halfway between two doubles: round to even (2^64).
        assert_eq!(big("18446744073709553664").to_f64(), 18446744073709551616.0);
        // One more breaks the tie upward.
        assert_eq!(big("18446744073709553665").to_f64(), 18446744073709555712.0);
        assert_eq!(big("-123").to_f64(), -123.0);
    }

    #[test]
    fn exponentiation_checks_its_operands() {
        assert_eq!(big("0").exponentiate(&big("0")).unwrap(), big("1"));
        assert_eq!(
            big("-1").exponentiate(&big("1000000000001")).unwrap(),
            big("-1")
        );
        assert_eq!(
            big("2").exponentiate(&big("-1")),
            Err(BigIntError::NegativeExponent)
        );
        assert_eq!(big("2").exponentiate(&big("10")).unwrap(), big("1024"));
    }
}
