//! Arbitrary-precision helpers for numeric literals written in a power-of-two
//! radix: BigInt values in decimal, and correctly rounded `f64` values.

/// Converts the digits of a hexadecimal, octal or binary literal (most
/// significant first, each `bits` wide) to decimal text.
pub(super) fn power_of_two_digits_to_decimal(digits: &[u8], bits: u32) -> String {
    // Pack the bits into little-endian 32-bit limbs.
    let mut limbs: Vec<u32> = Vec::with_capacity(digits.len() * bits as usize / 32 + 1);
    let mut acc: u64 = 0;
    let mut acc_bits = 0;
    for &d in digits.iter().rev() {
        acc |= (d as u64) << acc_bits;
        acc_bits += bits;
        if acc_bits >= 32 {
            limbs.push(acc as u32);
            acc >>= 32;
            acc_bits -= 32;
        }
    }
    if acc_bits > 0 {
        limbs.push(acc as u32);
    }
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
    if limbs.is_empty() {
        return "0".to_string();
    }
    // Repeated division by 10^9 yields base-10^9 chunks, least significant first.
    const CHUNK: u64 = 1_000_000_000;
    let mut chunks: Vec<u32> = Vec::new();
    while !limbs.is_empty() {
        let mut rem: u64 = 0;
        for limb in limbs.iter_mut().rev() {
            let cur = (rem << 32) | *limb as u64;
            *limb = (cur / CHUNK) as u32;
            rem = cur % CHUNK;
        }
        chunks.push(rem as u32);
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
    }
    let mut text = String::with_capacity(chunks.len() * 9);
    let mut iter = chunks.iter().rev();
    if let Some(first) = iter.next() {
        text.push_str(&first.to_string());
    }
    for chunk in iter {
        text.push_str(&format!("{chunk:09}"));
    }
    text
}

/// The value of a hexadecimal, octal or binary literal rounded to the
/// nearest `f64`, ties to even (§12.9.3.1 and §6.1.6.1: the mathematical
/// value rounded as for a Number).
pub(super) fn power_of_two_digits_to_f64(digits: &[u8], bits: u32) -> f64 {
    // The leading 61–64 significant bits, how many bits were dropped below
    // them, and whether any dropped bit was set.
    let mut mantissa: u64 = 0;
    let mut dropped_bits: i32 = 0;
    let mut sticky = false;
    for &d in digits {
        if mantissa >> (64 - bits) == 0 {
            mantissa = (mantissa << bits) | d as u64;
        } else {
            dropped_bits = dropped_bits.saturating_add(bits as i32);
            sticky |= d != 0;
        }
    }
    if mantissa == 0 {
        return 0.0;
    }
    let width = 64 - mantissa.leading_zeros();
    if width <= 53 {
        // Exact (dropped bits are then all zero only if none were dropped;
        // a mantissa this small means nothing was dropped).
        return scale(mantissa as f64, dropped_bits);
    }
    let shift = width - 53;
    let below = mantissa & ((1u64 << shift) - 1);
    let half = 1u64 << (shift - 1);
    let mut top = mantissa >> shift;
    let round_up = below > half || (below == half && (sticky || top & 1 == 1));
    if round_up {
        top += 1;
    }
    scale(top as f64, dropped_bits.saturating_add(shift as i32))
}

/// `value × 2^exp` for an integer-valued `value` below 2^54, overflowing to
/// infinity.
fn scale(value: f64, exp: i32) -> f64 {
    let mut result = value;
    let mut remaining = exp;
    // powi on 2.0 is exact for exponents within range; step to stay in range.
    while remaining > 0 {
        let step = remaining.min(1000);
        result *= 2f64.powi(step);
        remaining -= step;
        if result.is_infinite() {
            break;
        }
    }
    result
}
