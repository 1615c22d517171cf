//! The element types of typed arrays and DataView accessors (ECMA-262
//! §23.2 Table 71) and the conversions between Numerics (Numbers and
//! BigInts) and raw bytes (§25.1.3.15 RawBytesToNumeric, §25.1.3.18
//! NumericToRawBytes).

use crate::interp::bigint::JsBigInt;
use crate::interp::number::{to_int32, to_uint32};
use crate::interp::object::ContentType;
use crate::interp::value::Value;

/// An Element Type of Table 71.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum ElementType {
    Int8,
    Uint8,
    Uint8Clamped,
    Int16,
    Uint16,
    Int32,
    Uint32,
    Float16,
    Float32,
    Float64,
    BigInt64,
    BigUint64,
}

impl ElementType {
    /// Every element type, in the order the constructors are installed.
    pub const ALL: [ElementType; 12] = [
        ElementType::Int8,
        ElementType::Uint8,
        ElementType::Uint8Clamped,
        ElementType::Int16,
        ElementType::Uint16,
        ElementType::Int32,
        ElementType::Uint32,
        ElementType::Float16,
        ElementType::Float32,
        ElementType::Float64,
        ElementType::BigInt64,
        ElementType::BigUint64,
    ];

    /// [[ContentType]]: bigint for BigInt64 and BigUint64, number otherwise.
    pub fn content_type(self) -> ContentType {
        match self {
            ElementType::BigInt64 | ElementType::BigUint64 => ContentType::BigInt,
            _ => ContentType::Number,
        }
    }

    /// The Element Size column.
    pub fn size(self) -> usize {
        match self {
            ElementType::Int8 | ElementType::Uint8 | ElementType::Uint8Clamped => 1,
            ElementType::Int16 | ElementType::Uint16 | ElementType::Float16 => 2,
            ElementType::Int32 | ElementType::Uint32 | ElementType::Float32 => 4,
            ElementType::Float64 | ElementType::BigInt64 | ElementType::BigUint64 => 8,
        }
    }

    /// The [[TypedArrayName]] of the constructor that uses this type.
    pub fn constructor_name(self) -> &'static str {
        match self {
            ElementType::Int8 => "Int8Array",
            ElementType::Uint8 => "Uint8Array",
            ElementType::Uint8Clamped => "Uint8ClampedArray",
            ElementType::Int16 => "Int16Array",
            ElementType::Uint16 => "Uint16Array",
            ElementType::Int32 => "Int32Array",
            ElementType::Uint32 => "Uint32Array",
            ElementType::Float16 => "Float16Array",
            ElementType::Float32 => "Float32Array",
            ElementType::Float64 => "Float64Array",
            ElementType::BigInt64 => "BigInt64Array",
            ElementType::BigUint64 => "BigUint64Array",
        }
    }

    /// The name DataView's methods use (`getInt8`, `setFloat64`, …).
    pub fn data_view_name(self) -> &'static str {
        let name = self.constructor_name();
        &name[..name.len() - "Array".len()]
    }

    /// The conversion a stored Number goes through (the Conversion
    /// Operation column), as the Number the element will read back as
    /// (a Number element type only).
    pub fn convert(self, n: f64) -> f64 {
        match self {
            ElementType::BigInt64 | ElementType::BigUint64 => f64::NAN,
            ElementType::Int8 => f64::from(to_int32(n) as i8),
            ElementType::Uint8 => f64::from(to_uint32(n) as u8),
            ElementType::Uint8Clamped => f64::from(to_uint8_clamp(n)),
            ElementType::Int16 => f64::from(to_int32(n) as i16),
            ElementType::Uint16 => f64::from(to_uint32(n) as u16),
            ElementType::Int32 => f64::from(to_int32(n)),
            ElementType::Uint32 => f64::from(to_uint32(n)),
            ElementType::Float16 => f16_bits_to_f64(f64_to_f16_bits(n)),
            ElementType::Float32 => f64::from(n as f32),
            ElementType::Float64 => n,
        }
    }

    /// RawBytesToNumeric ( type, rawBytes, isLittleEndian ) —
    /// <https://tc39.es/ecma262/#sec-rawbytestonumeric>; `bytes` holds
    /// exactly `self.size()` bytes. The result is a Number, or a BigInt for
    /// BigInt64 and BigUint64.
    pub fn raw_bytes_to_numeric(self, bytes: &[u8], little_endian: bool) -> Value {
        // 2. If isLittleEndian is false, reverse the order of the elements of rawBytes.
        let mut raw = [0u8; 8];
        let size = self.size();
        raw[..size].copy_from_slice(&bytes[..size]);
        if !little_endian {
            raw[..size].reverse();
        }
        let b2 = [raw[0], raw[1]];
        let b4 = [raw[0], raw[1], raw[2], raw[3]];
        Value::Number(match self {
            ElementType::Int8 => f64::from(raw[0] as i8),
            ElementType::Uint8 | ElementType::Uint8Clamped => f64::from(raw[0]),
            ElementType::Int16 => f64::from(i16::from_le_bytes(b2)),
            ElementType::Uint16 => f64::from(u16::from_le_bytes(b2)),
            ElementType::Int32 => f64::from(i32::from_le_bytes(b4)),
            ElementType::Uint32 => f64::from(u32::from_le_bytes(b4)),
            // 3–4. A binary16/32/64 value; NaN stays NaN.
            ElementType::Float16 => f16_bits_to_f64(u16::from_le_bytes(b2)),
            ElementType::Float32 => f64::from(f32::from_le_bytes(b4)),
            ElementType::Float64 => f64::from_le_bytes(raw),
            // 5–9. A BigInt64 or BigUint64: the bytes as a (signed) 64-bit integer.
            ElementType::BigInt64 => return Value::BigInt(JsBigInt::from(i64::from_le_bytes(raw))),
            ElementType::BigUint64 => {
                return Value::BigInt(JsBigInt::from(u64::from_le_bytes(raw)))
            }
        })
    }

    /// NumericToRawBytes ( type, value, isLittleEndian ) —
    /// <https://tc39.es/ecma262/#sec-numerictorawbytes>; writes
    /// `self.size()` bytes into `out`. `value` is a Number for a Number
    /// element type and a BigInt for BigInt64 and BigUint64 (the caller's
    /// ToNumber or ToBigInt); anything else stores zero bits.
    pub fn numeric_to_raw_bytes(self, value: &Value, little_endian: bool, out: &mut [u8]) {
        let raw: [u8; 8] = match (self, value) {
            // 2–3. BigInt64 / BigUint64: ToBigInt64 / ToBigUint64's 64 bits.
            (ElementType::BigInt64 | ElementType::BigUint64, Value::BigInt(b)) => {
                b.low_u64().to_le_bytes()
            }
            (_, Value::Number(n)) => self.number_to_raw_bytes(*n),
            _ => {
                debug_assert!(false, "a value of the wrong content type");
                [0; 8]
            }
        };
        let size = self.size();
        out[..size].copy_from_slice(&raw[..size]);
        // If isLittleEndian is false, reverse the order of the elements of rawBytes.
        if !little_endian {
            out[..size].reverse();
        }
    }

    /// NumericToRawBytes step 1 for a Number element type, little-endian.
    fn number_to_raw_bytes(self, value: f64) -> [u8; 8] {
        match self {
            ElementType::Int8 => widen(&[to_int32(value) as i8 as u8]),
            ElementType::Uint8 => widen(&[to_uint32(value) as u8]),
            ElementType::Uint8Clamped => widen(&[to_uint8_clamp(value)]),
            ElementType::Int16 => widen(&(to_int32(value) as i16).to_le_bytes()),
            ElementType::Uint16 => widen(&(to_uint32(value) as u16).to_le_bytes()),
            ElementType::Int32 => widen(&to_int32(value).to_le_bytes()),
            ElementType::Uint32 => widen(&to_uint32(value).to_le_bytes()),
            ElementType::Float16 => widen(&f64_to_f16_bits(value).to_le_bytes()),
            ElementType::Float32 => widen(&(value as f32).to_le_bytes()),
            ElementType::Float64 => value.to_le_bytes(),
            ElementType::BigInt64 | ElementType::BigUint64 => [0; 8],
        }
    }
}

fn widen(bytes: &[u8]) -> [u8; 8] {
    let mut raw = [0u8; 8];
    raw[..bytes.len()].copy_from_slice(bytes);
    raw
}

/// ToUint8Clamp ( argument ) for a Number — <https://tc39.es/ecma262/#sec-touint8clamp>
pub fn to_uint8_clamp(n: f64) -> u8 {
    // 2. If number is NaN, return +0𝔽.
    if n.is_nan() {
        return 0;
    }
    // 3–4. Clamp to 0..255, rounding halves to even.
    n.clamp(0.0, 255.0).round_ties_even() as u8
}

/// The IEEE 754-2019 binary16 bits nearest to `x` (roundTiesToEven).
pub fn f64_to_f16_bits(x: f64) -> u16 {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return 0x7e00;
    }
    let a = x.abs();
    // The largest finite binary16 is 65504; 65520 is the halfway point to infinity.
    if a >= 65520.0 {
        return sign | 0x7c00;
    }
    // Below 2^-14: subnormals, in units of 2^-24 (scaling by 2^24 is exact).
    if a < 2f64.powi(-14) {
        let m = (a * 2f64.powi(24)).round_ties_even() as u16;
        return sign | m;
    }
    let mut exponent = ((a.to_bits() >> 52) as i32) - 1023;
    let fraction = a / 2f64.powi(exponent) - 1.0;
    let mut m = (fraction * 1024.0).round_ties_even() as u16;
    if m == 1024 {
        m = 0;
        exponent += 1;
    }
    if exponent > 15 {
        return sign | 0x7c00;
    }
    sign | (((exponent + 15) as u16) << 10) | m
}

/// The Number a binary16 value denotes.
pub fn f16_bits_to_f64(bits: u16) -> f64 {
    let sign = if bits & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exponent = i32::from((bits >> 10) & 0x1f);
    let mantissa = f64::from(bits & 0x3ff);
    let magnitude = match exponent {
        0 => mantissa * 2f64.powi(-24),
        31 if mantissa == 0.0 => f64::INFINITY,
        31 => return f64::NAN,
        e => (1.0 + mantissa / 1024.0) * 2f64.powi(e - 15),
    };
    sign * magnitude
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float16_round_trips_and_rounds_to_even() {
        assert_eq!(f64_to_f16_bits(1.0), 0x3c00);
        assert_eq!(f64_to_f16_bits(65504.0), 0x7bff);
        assert_eq!(f64_to_f16_bits(65520.0), 0x7c00);
        assert_eq!(f64_to_f16_bits(-0.0), 0x8000);
        assert_eq!(f16_bits_to_f64(0x0001), 2f64.powi(-24));
        assert_eq!(f64_to_f16_bits(2f64.powi(-25)), 0);
        assert_eq!(f16_bits_to_f64(f64_to_f16_bits(0.1)), 0.0999755859375);
    }

    #[test]
    fn clamping_rounds_halves_to_even() {
        assert_eq!(to_uint8_clamp(2.5), 2);
        assert_eq!(to_uint8_clamp(3.5), 4);
        assert_eq!(to_uint8_clamp(-1.0), 0);
        assert_eq!(to_uint8_clamp(300.0), 255);
    }
}
