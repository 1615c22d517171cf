//! Exact decimal digits of a double, and rounding them half-up at a digit
//! position: what Number.prototype.toFixed / toExponential / toPrecision
//! need ("let n be an integer for which n / 10^f − x is as close to zero as
//! possible; if there are two such n, pick the larger n").
//!
//! Every finite double is m × 2^k with integer m, so its decimal expansion
//! is finite: m × 2^k (k ≥ 0) or m × 5^−k / 10^−k (k < 0). The digits come
//! from a small arbitrary-precision integer.

/// Little-endian base-10^9 digits of a natural number.
struct BigNat(Vec<u32>);

const BASE: u64 = 1_000_000_000;

impl BigNat {
    fn from_u64(mut v: u64) -> BigNat {
        let mut limbs = Vec::new();
        while v > 0 {
            limbs.push((v % BASE) as u32);
            v /= BASE;
        }
        BigNat(limbs)
    }

    fn mul_small(&mut self, factor: u32) {
        let mut carry = 0u64;
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(factor) + carry;
            *limb = (v % BASE) as u32;
            carry = v / BASE;
        }
        while carry > 0 {
            self.0.push((carry % BASE) as u32);
            carry /= BASE;
        }
    }

    fn to_digits(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for (i, limb) in self.0.iter().rev().enumerate() {
            let s = if i == 0 {
                limb.to_string()
            } else {
                format!("{limb:09}")
            };
            out.extend(s.bytes().map(|b| b - b'0'));
        }
        if out.is_empty() {
            out.push(0);
        }
        out
    }
}

/// The exact value of a finite, positive `x` as digits D (no leading zero)
/// and an exponent P: x = 0.D × 10^P.
pub fn exact_decimal(x: f64) -> (Vec<u8>, i32) {
    debug_assert!(x.is_finite() && x > 0.0);
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mantissa, k) = if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), exponent - 1075)
    };
    let mut n = BigNat::from_u64(mantissa);
    let scale = if k >= 0 {
        for _ in 0..k {
            n.mul_small(2);
        }
        0
    } else {
        for _ in 0..-k {
            n.mul_small(5);
        }
        -k
    };
    // value = digits × 10^−scale
    let mut digits = n.to_digits();
    let point = digits.len() as i32 - scale;
    while digits.last() == Some(&0) && digits.len() > 1 {
        digits.pop();
    }
    (digits, point)
}

/// Rounds 0.D × 10^P half-up to `keep` leading digits. Returns the kept
/// digits (exactly `keep` of them, or `keep + 1` after a carry out of the
/// first digit) and the new P.
pub fn round_digits(digits: &[u8], point: i32, keep: i32) -> (Vec<u8>, i32) {
    if keep <= 0 {
        // Everything is rounded away: the result is 0 or one unit at the position.
        let round_up = keep == 0 && digits.first().is_some_and(|&d| d >= 5);
        return if round_up {
            (vec![1], point + 1)
        } else {
            (Vec::new(), point)
        };
    }
    let keep = keep as usize;
    let mut kept: Vec<u8> = digits.iter().copied().take(keep).collect();
    kept.resize(keep, 0);
    if digits.get(keep).is_some_and(|&d| d >= 5) {
        let mut i = keep;
        loop {
            if i == 0 {
                kept.insert(0, 1);
                kept.pop();
                return (kept, point + 1);
            }
            i -= 1;
            if kept[i] == 9 {
                kept[i] = 0;
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    (kept, point)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(x: f64) -> String {
        let (d, p) = exact_decimal(x);
        format!(
            "0.{}e{}",
            d.iter().map(|d| (b'0' + d) as char).collect::<String>(),
            p
        )
    }

    #[test]
    fn exact_expansions() {
        assert_eq!(text(1.0), "0.1e1");
        assert_eq!(text(0.5), "0.5e0");
        assert_eq!(
            text(1.005),
            "0.100499999999999989341858963598497211933135986328125e1"
        );
        assert_eq!(text(123.0), "0.123e3");
    }

    #[test]
    fn rounding_carries() {
        assert_eq!(round_digits(&[9, 9, 5], 1, 2), (vec![1, 0], 2));
        assert_eq!(round_digits(&[1, 2, 4], 1, 2), (vec![1, 2], 1));
        assert_eq!(round_digits(&[5], 0, 0), (vec![1], 1));
    }
}
