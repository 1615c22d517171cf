//! Number objects (ECMA-262 §21.1): the constructor, its constants and
//! predicates, and Number.prototype's conversions to strings.

mod decimal;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::native::{define_value, FIXED};
use crate::interp::number::{number_to_radix_string, number_to_string};
use crate::interp::object::ObjectKind;
use crate::interp::ops::conversion::Numeric;
use crate::interp::value::Value;
use decimal::{exact_decimal, round_digits};

/// Number ( value ) — <https://tc39.es/ecma262/#sec-number-constructor-number-value>
fn number_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let n be +0 or ToNumeric(value); a BigInt prim becomes 𝔽(ℝ(prim)).
    let n = if args.args.is_empty() {
        0.0
    } else {
        match agent.to_numeric(&args.arg(0))? {
            Numeric::Number(n) => n,
            Numeric::BigInt(b) => b.to_f64(),
        }
    };
    // 3. If NewTarget is undefined, return n.
    let Some(nt) = args.new_target else {
        return Ok(Value::Number(n));
    };
    let default = agent.intrinsics().number_prototype.clone();
    Ok(Value::Object(agent.ordinary_create_from_constructor(
        nt,
        default,
        ObjectKind::Number(n),
    )?))
}

/// ThisNumberValue ( value ) — <https://tc39.es/ecma262/#sec-thisnumbervalue>
fn this_number_value(agent: &mut Agent, v: &Value, method: &str) -> JsResult<f64> {
    match v {
        Value::Number(n) => Ok(*n),
        Value::Object(o) => match o.kind {
            ObjectKind::Number(n) => Ok(n),
            _ => agent.throw_type_error(format!(
                "Number.prototype.{method} requires that 'this' be a Number"
            )),
        },
        _ => agent.throw_type_error(format!(
            "Number.prototype.{method} requires that 'this' be a Number"
        )),
    }
}

fn arg_number(args: &CallArgs) -> Option<f64> {
    match args.arg(0) {
        Value::Number(n) => Some(n),
        _ => None,
    }
}

fn is_finite(_: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Bool(arg_number(args).is_some_and(f64::is_finite)))
}

fn is_integer(_: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Bool(
        arg_number(args).is_some_and(|n| n.is_finite() && n.trunc() == n),
    ))
}

fn is_nan(_: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Bool(arg_number(args).is_some_and(f64::is_nan)))
}

fn is_safe_integer(_: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Bool(arg_number(args).is_some_and(|n| {
        n.is_finite() && n.trunc() == n && n.abs() <= 9007199254740991.0
    })))
}

/// Number.prototype.toString ( [ radix ] ) — <https://tc39.es/ecma262/#sec-number.prototype.tostring>
fn to_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let x = this_number_value(agent, args.this, "toString")?;
    // 2–4. radixMV: 10 when undefined, else ToIntegerOrInfinity; outside 2..36 a RangeError.
    let radix = match args.arg(0) {
        Value::Undefined => 10.0,
        r => agent.to_integer_or_infinity(&r)?,
    };
    if !(2.0..=36.0).contains(&radix) {
        return agent.throw_range_error("toString() radix must be between 2 and 36");
    }
    let s = if radix == 10.0 {
        number_to_string(x)
    } else {
        number_to_radix_string(x, radix as u32)
    };
    Ok(Value::from(s.as_str()))
}

fn value_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Number(this_number_value(
        agent, args.this, "valueOf",
    )?))
}

fn digits_text(digits: &[u8]) -> String {
    digits.iter().map(|d| (b'0' + d) as char).collect()
}

/// Number.prototype.toFixed ( fractionDigits ) — <https://tc39.es/ecma262/#sec-number.prototype.tofixed>
fn to_fixed(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let x = this_number_value(agent, args.this, "toFixed")?;
    // 2–5. Let f be ToIntegerOrInfinity(fractionDigits), in 0..100.
    let f = agent.to_integer_or_infinity(&args.arg(0))?;
    if !(0.0..=100.0).contains(&f) {
        return agent.throw_range_error("toFixed() digits argument must be between 0 and 100");
    }
    // 6. If x is not finite, return Number::toString(x).
    if !x.is_finite() {
        return Ok(Value::from(number_to_string(x).as_str()));
    }
    // 10. If x ≥ 10^21, let m be ! ToString(𝔽(x)).
    if x.abs() >= 1e21 {
        return Ok(Value::from(number_to_string(x).as_str()));
    }
    Ok(Value::from(fixed(x, f as i32).as_str()))
}

/// toFixed's digits for a finite |x| < 10^21.
fn fixed(x: f64, f: i32) -> String {
    let sign = if x < 0.0 { "-" } else { "" };
    let (int_digits, frac) = if x == 0.0 {
        (Vec::new(), 0)
    } else {
        let (digits, point) = exact_decimal(x.abs());
        let (kept, point) = round_digits(&digits, point, point + f);
        (kept, point)
    };
    // n's digits: the kept ones, scaled so that n = value × 10^f.
    let mut n: Vec<u8> = int_digits;
    let n_len = frac + f; // how many digits n has when written without leading zeros
    n.resize(n_len.max(0) as usize, 0);
    let mut s = digits_text(&n);
    if s.is_empty() {
        s.push('0');
    }
    if f == 0 {
        return format!("{sign}{s}");
    }
    let f = f as usize;
    if s.len() <= f {
        s = format!("{}{}", "0".repeat(f + 1 - s.len()), s);
    }
    let (a, b) = s.split_at(s.len() - f);
    // A value that rounds to zero keeps its sign in V8 only when negative and non-zero.
    let sign = if a.bytes().all(|c| c == b'0')
        && b.bytes().all(|c| c == b'0')
        && x > -0.5
        && x != 0.0
        && x < 0.0
    {
        "-"
    } else {
        sign
    };
    format!("{sign}{a}.{b}")
}

/// Number.prototype.toExponential ( fractionDigits ) — <https://tc39.es/ecma262/#sec-number.prototype.toexponential>
fn to_exponential(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let x = this_number_value(agent, args.this, "toExponential")?;
    let fd = args.arg(0);
    // 2. Let f be ? ToIntegerOrInfinity(fractionDigits).
    let f = agent.to_integer_or_infinity(&fd)?;
    // 4. If x is not finite, return Number::toString(x).
    if !x.is_finite() {
        return Ok(Value::from(number_to_string(x).as_str()));
    }
    // 5. If f < 0 or f > 100, throw a RangeError exception.
    if !(0.0..=100.0).contains(&f) {
        return agent.throw_range_error("toExponential() argument must be between 0 and 100");
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let (digits, e) = if x == 0.0 {
        (
            vec![0; if fd.is_undefined() { 1 } else { f as usize + 1 }],
            0,
        )
    } else if fd.is_undefined() {
        // 10.b. As many digits as needed to represent x uniquely (ToString's digits).
        shortest_digits(x.abs())
    } else {
        let (digits, point) = exact_decimal(x.abs());
        let (kept, point) = round_digits(&digits, point, f as i32 + 1);
        (kept, point - 1)
    };
    let text = digits_text(&digits);
    let (first, rest) = text.split_at(1);
    let mantissa = if rest.is_empty() {
        first.to_string()
    } else {
        format!("{first}.{rest}")
    };
    let exp_sign = if e < 0 { '-' } else { '+' };
    Ok(Value::from(
        format!("{sign}{mantissa}e{exp_sign}{}", e.abs()).as_str(),
    ))
}

/// The shortest round-tripping digits of |x| and its decimal exponent.
fn shortest_digits(x: f64) -> (Vec<u8>, i32) {
    let s = format!("{x:e}");
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: Vec<u8> = mantissa
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    (digits, exp.parse().unwrap_or(0))
}

/// Number.prototype.toPrecision ( precision ) — <https://tc39.es/ecma262/#sec-number.prototype.toprecision>
fn to_precision(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let x = this_number_value(agent, args.this, "toPrecision")?;
    // 2. If precision is undefined, return ! ToString(x).
    if args.arg(0).is_undefined() {
        return Ok(Value::from(number_to_string(x).as_str()));
    }
    // 3. Let p be ? ToIntegerOrInfinity(precision).
    let p = agent.to_integer_or_infinity(&args.arg(0))?;
    // 4. If x is not finite, return Number::toString(x).
    if !x.is_finite() {
        return Ok(Value::from(number_to_string(x).as_str()));
    }
    // 5. If p < 1 or p > 100, throw a RangeError exception.
    if !(1.0..=100.0).contains(&p) {
        return agent.throw_range_error("toPrecision() argument must be between 1 and 100");
    }
    let p = p as i32;
    let sign = if x < 0.0 { "-" } else { "" };
    let (digits, e) = if x == 0.0 {
        (vec![0; p as usize], 0)
    } else {
        let (digits, point) = exact_decimal(x.abs());
        let (kept, point) = round_digits(&digits, point, p);
        (kept, point - 1)
    };
    let text = digits_text(&digits);
    // 10.c. If e < −6 or e ≥ p: exponential notation.
    if e < -6 || e >= p {
        let (first, rest) = text.split_at(1);
        let mantissa = if rest.is_empty() {
            first.to_string()
        } else {
            format!("{first}.{rest}")
        };
        let exp_sign = if e < 0 { '-' } else { '+' };
        return Ok(Value::from(
            format!("{sign}{mantissa}e{exp_sign}{}", e.abs()).as_str(),
        ));
    }
    // 11–12. Fixed notation.
    let s = if e == p - 1 {
        text
    } else if e >= 0 {
        let (a, b) = text.split_at(e as usize + 1);
        format!("{a}.{b}")
    } else {
        format!("0.{}{}", "0".repeat((-(e + 1)) as usize), text)
    };
    Ok(Value::from(format!("{sign}{s}").as_str()))
}

/// Number.prototype.toLocaleString: en-US grouping, at most 3 fraction digits
/// (what Node prints with its default locale).
fn to_locale_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let x = this_number_value(agent, args.this, "toLocaleString")?;
    if x.is_nan() {
        return Ok(Value::from("NaN"));
    }
    if x.is_infinite() {
        return Ok(Value::from(if x > 0.0 { "∞" } else { "-∞" }));
    }
    let text = fixed(x.abs(), 3);
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = frac.trim_end_matches('0');
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if x < 0.0 && (int != "0" || !frac.is_empty()) {
        "-"
    } else {
        ""
    };
    let out = if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    };
    Ok(Value::from(out.as_str()))
}

pub fn install(agent: &mut Agent) {
    let proto = agent.intrinsics().number_prototype.clone();
    let ctor = agent.native_constructor("Number", 1, number_constructor, &proto);
    for (name, value) in [
        ("EPSILON", f64::EPSILON),
        ("MAX_SAFE_INTEGER", 9007199254740991.0),
        ("MIN_SAFE_INTEGER", -9007199254740991.0),
        ("MAX_VALUE", f64::MAX),
        ("MIN_VALUE", 5e-324),
        ("NaN", f64::NAN),
        ("NEGATIVE_INFINITY", f64::NEG_INFINITY),
        ("POSITIVE_INFINITY", f64::INFINITY),
    ] {
        define_value(&ctor, name, Value::Number(value), FIXED);
    }
    agent.define_method(&ctor, "isFinite", 1, is_finite);
    agent.define_method(&ctor, "isInteger", 1, is_integer);
    agent.define_method(&ctor, "isNaN", 1, is_nan);
    agent.define_method(&ctor, "isSafeInteger", 1, is_safe_integer);
    // Number.parseInt and Number.parseFloat are the global functions themselves.
    for name in ["parseInt", "parseFloat"] {
        if let Some(f) = agent.intrinsics().try_get(name) {
            define_value(
                &ctor,
                name,
                Value::Object(f),
                crate::interp::property::Attributes::METHOD,
            );
        }
    }
    agent.define_method(&proto, "toExponential", 1, to_exponential);
    agent.define_method(&proto, "toFixed", 1, to_fixed);
    agent.define_method(&proto, "toLocaleString", 0, to_locale_string);
    agent.define_method(&proto, "toPrecision", 1, to_precision);
    agent.define_method(&proto, "toString", 1, to_string);
    agent.define_method(&proto, "valueOf", 0, value_of);
}
