//! The Math object (ECMA-262 §21.3).

use std::cell::Cell;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::eval::exponentiate;
use crate::interp::function::CallArgs;
use crate::interp::native::{define_value, FIXED};
use crate::interp::number::{to_int32, to_uint32};
use crate::interp::object::JsObject;
use crate::interp::property::Attributes;
use crate::interp::value::Value;

thread_local! {
    /// xorshift128+ state for Math.random, seeded from the clock.
    static RNG: Cell<(u64, u64)> = Cell::new(seed());
}

fn seed() -> (u64, u64) {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0x9E37_79B9_7F4A_7C15);
    let a = nanos ^ 0x9E37_79B9_7F4A_7C15;
    let b = nanos.rotate_left(29) ^ 0xBF58_476D_1CE4_E5B9;
    (a | 1, b | 2)
}

fn next_random() -> f64 {
    RNG.with(|state| {
        let (mut s1, s0) = state.get();
        let result = s0.wrapping_add(s1);
        s1 ^= s1 << 23;
        s1 ^= s1 >> 17;
        s1 ^= s0;
        s1 ^= s0 >> 26;
        state.set((s0, s1));
        // 53 random bits in [0, 1).
        (result >> 11) as f64 / (1u64 << 53) as f64
    })
}

/// ToNumber of each argument in order (every Math function converts all of them first).
fn numbers(agent: &mut Agent, args: &CallArgs, count: usize) -> JsResult<Vec<f64>> {
    (0..count).map(|i| agent.to_number(&args.arg(i))).collect()
}

macro_rules! unary {
    ($name:ident, $f:expr) => {
        fn $name(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
            let x = agent.to_number(&args.arg(0))?;
            let f: fn(f64) -> f64 = $f;
            Ok(Value::Number(f(x)))
        }
    };
}

/// Math.f16round's steps 3–6: `x` rounded to the nearest IEEE 754-2019
/// binary16 value (ties to even; ±Infinity past the largest finite one),
/// as a Number. Rounds once, straight from binary64: the quantum of the
/// binade `x` falls in is a power of two, so scaling by it is exact.
fn round_to_binary16(x: f64) -> f64 {
    // 3. If n is NaN, return NaN. 4. If n is +0𝔽, -0𝔽, +∞𝔽 or -∞𝔽, return n.
    if x.is_nan() || x == 0.0 || x.is_infinite() {
        return x;
    }
    let magnitude = x.abs();
    // Halfway between the largest finite binary16 value (65504) and 2^16
    // rounds to the even neighbour, which overflows.
    if magnitude >= 65520.0 {
        return f64::INFINITY.copysign(x);
    }
    // The quantum: 2^-24 below 2^-14 (subnormals), else 2^(e - 10) for
    // 2^e ≤ magnitude < 2^(e + 1).
    let exponent = (((magnitude.to_bits() >> 52) & 0x7ff) as i32 - 1023).max(-14);
    let quantum = 2f64.powi(exponent - 10);
    ((magnitude / quantum).round_ties_even() * quantum).copysign(x)
}

unary!(abs, f64::abs);
unary!(acos, f64::acos);
unary!(acosh, f64::acosh);
unary!(asin, f64::asin);
unary!(asinh, |x| if x == 0.0 { x } else { x.asinh() });
unary!(atan, f64::atan);
unary!(atanh, |x| if x == 0.0 { x } else { x.atanh() });
unary!(cbrt, f64::cbrt);
unary!(ceil, f64::ceil);
unary!(cos, f64::cos);
unary!(cosh, f64::cosh);
unary!(exp, f64::exp);
unary!(expm1, f64::exp_m1);
unary!(floor, f64::floor);
unary!(fround, |x| x as f32 as f64);
unary!(f16round, round_to_binary16);
unary!(log, f64::ln);
unary!(log1p, f64::ln_1p);
unary!(log10, f64::log10);
unary!(log2, f64::log2);
unary!(sign, |x| if x.is_nan() || x == 0.0 {
    x
} else {
    x.signum()
});
unary!(sin, f64::sin);
unary!(sinh, f64::sinh);
unary!(sqrt, f64::sqrt);
unary!(tan, f64::tan);
unary!(tanh, f64::tanh);
unary!(trunc, f64::trunc);
unary!(clz32, |x| f64::from(to_uint32(x).leading_zeros()));

/// Math.round ( x ) — <https://tc39.es/ecma262/#sec-math.round>: halves round up, −0 kept.
fn round(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let x = agent.to_number(&args.arg(0))?;
    if !x.is_finite() || x == 0.0 || x.trunc() == x {
        return Ok(Value::Number(x));
    }
    if x > 0.0 && x < 0.5 {
        return Ok(Value::Number(0.0));
    }
    if (-0.5..0.0).contains(&x) {
        return Ok(Value::Number(-0.0));
    }
    let floor = x.floor();
    Ok(Value::Number(if x - floor >= 0.5 {
        floor + 1.0
    } else {
        floor
    }))
}

fn atan2(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let v = numbers(agent, args, 2)?;
    Ok(Value::Number(v[0].atan2(v[1])))
}

fn pow(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let v = numbers(agent, args, 2)?;
    Ok(Value::Number(exponentiate(v[0], v[1])))
}

fn imul(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let v = numbers(agent, args, 2)?;
    Ok(Value::Number(f64::from(
        to_int32(v[0]).wrapping_mul(to_int32(v[1])),
    )))
}

/// Math.hypot ( ...args ) — <https://tc39.es/ecma262/#sec-math.hypot>
fn hypot(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let v = numbers(agent, args, args.args.len())?;
    if v.iter().any(|x| x.is_infinite()) {
        return Ok(Value::Number(f64::INFINITY));
    }
    if v.iter().any(|x| x.is_nan()) {
        return Ok(Value::Number(f64::NAN));
    }
    let max = v.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    if max == 0.0 {
        return Ok(Value::Number(0.0));
    }
    let sum: f64 = v.iter().map(|x| (x / max) * (x / max)).sum();
    Ok(Value::Number(sum.sqrt() * max))
}

/// Math.max / Math.min: NaN wins, +0 beats −0 (max) and −0 beats +0 (min).
fn extremum(agent: &mut Agent, args: &CallArgs, max: bool) -> JsResult<Value> {
    let v = numbers(agent, args, args.args.len())?;
    let mut result = if max {
        f64::NEG_INFINITY
    } else {
        f64::INFINITY
    };
    for x in v {
        if x.is_nan() {
            result = f64::NAN;
        } else if result.is_nan() {
            continue;
        } else if (max && (x > result || (x == 0.0 && result == 0.0 && result.is_sign_negative())))
            || (!max && (x < result || (x == 0.0 && result == 0.0 && x.is_sign_negative())))
        {
            result = x;
        }
    }
    Ok(Value::Number(result))
}

fn math_max(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    extremum(agent, args, true)
}

fn math_min(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    extremum(agent, args, false)
}

fn random(_: &mut Agent, _: &CallArgs) -> JsResult<Value> {
    Ok(Value::Number(next_random()))
}

pub fn install(agent: &mut Agent) {
    let math = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
    for (name, value) in [
        ("E", std::f64::consts::E),
        ("LN10", std::f64::consts::LN_10),
        ("LN2", std::f64::consts::LN_2),
        ("LOG10E", std::f64::consts::LOG10_E),
        ("LOG2E", std::f64::consts::LOG2_E),
        ("PI", std::f64::consts::PI),
        ("SQRT1_2", std::f64::consts::FRAC_1_SQRT_2),
        ("SQRT2", std::f64::consts::SQRT_2),
    ] {
        define_value(&math, name, Value::Number(value), FIXED);
    }
    let functions: [(&str, u32, crate::interp::function::NativeFn); 36] = [
        ("abs", 1, abs),
        ("acos", 1, acos),
        ("acosh", 1, acosh),
        ("asin", 1, asin),
        ("asinh", 1, asinh),
        ("atan", 1, atan),
        ("atanh", 1, atanh),
        ("atan2", 2, atan2),
        ("cbrt", 1, cbrt),
        ("ceil", 1, ceil),
        ("clz32", 1, clz32),
        ("cos", 1, cos),
        ("cosh", 1, cosh),
        ("exp", 1, exp),
        ("expm1", 1, expm1),
        ("floor", 1, floor),
        ("fround", 1, fround),
        ("f16round", 1, f16round),
        ("hypot", 2, hypot),
        ("imul", 2, imul),
        ("log", 1, log),
        ("log1p", 1, log1p),
        ("log10", 1, log10),
        ("log2", 1, log2),
        ("max", 2, math_max),
        ("min", 2, math_min),
        ("pow", 2, pow),
        ("random", 0, random),
        ("round", 1, round),
        ("sign", 1, sign),
        ("sin", 1, sin),
        ("sinh", 1, sinh),
        ("sqrt", 1, sqrt),
        ("tan", 1, tan),
        ("tanh", 1, tanh),
        ("trunc", 1, trunc),
    ];
    for (name, length, f) in functions {
        agent.define_method(&math, name, length, f);
    }
    agent.define_method(&math, "sumPrecise", 1, super::sum_precise::sum_precise);
    agent.define_to_string_tag(&math, "Math");
    let global = agent.global_object();
    define_value(&global, "Math", Value::Object(math), Attributes::METHOD);
}
