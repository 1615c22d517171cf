//! Properties of the global object (ECMA-262 §19.1–§19.2): globalThis,
//! NaN, Infinity, undefined, parseInt, parseFloat, isNaN, isFinite (the URI
//! functions are in uri.rs).

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::native::{define_value, FIXED};
use crate::interp::number::is_str_white_space;
use crate::interp::property::Attributes;
use crate::interp::value::Value;

/// parseInt ( string, radix ) — <https://tc39.es/ecma262/#sec-parseint-string-radix>
fn parse_int(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let inputString be ? ToString(string).
    let input = agent.to_string(&args.arg(0))?;
    // 2. Let S be ! TrimString(inputString, start).
    let units = input.units();
    let mut i = units
        .iter()
        .position(|&u| !is_str_white_space(u))
        .unwrap_or(units.len());
    // 3–5. The sign.
    let mut sign = 1.0;
    if i < units.len() && (units[i] == u16::from(b'-') || units[i] == u16::from(b'+')) {
        if units[i] == u16::from(b'-') {
            sign = -1.0;
        }
        i += 1;
    }
    // 6–7. Let R be ℝ(? ToInt32(radix)); stripPrefix.
    let mut r = agent.to_int32(&args.arg(1))?;
    let mut strip_prefix = true;
    // 8. If R ≠ 0, then
    if r != 0 {
        // a. If R < 2 or R > 36, return NaN.
        if !(2..=36).contains(&r) {
            return Ok(Value::Number(f64::NAN));
        }
        // b. If R ≠ 16, set stripPrefix to false.
        if r != 16 {
            strip_prefix = false;
        }
    } else {
        // 9. Else, set R to 10.
        r = 10;
    }
    // 10. If stripPrefix and S begins with "0x" or "0X", drop it and set R to 16.
    if strip_prefix
        && units.len() >= i + 2
        && units[i] == u16::from(b'0')
        && (units[i + 1] == u16::from(b'x') || units[i + 1] == u16::from(b'X'))
    {
        i += 2;
        r = 16;
    }
    // 11–12. Let end be the index of the first code unit that is not a radix-R digit.
    let radix = r as u32;
    let digits: Vec<u32> = units[i..]
        .iter()
        .map_while(|&u| char::from_u32(u32::from(u)).and_then(|c| c.to_digit(radix)))
        .collect();
    // 13. If Z is empty, return NaN.
    if digits.is_empty() {
        return Ok(Value::Number(f64::NAN));
    }
    // 14–16. mathInt: exact for radix 10 (through the decimal parser), else accumulated.
    let value = if radix == 10 {
        let text: String = digits
            .iter()
            .map(|d| char::from_digit(*d, 10).unwrap_or('0'))
            .collect();
        text.parse::<f64>().unwrap_or(f64::NAN)
    } else {
        digits
            .iter()
            .fold(0.0, |acc, &d| acc * f64::from(radix) + f64::from(d))
    };
    // 17. Return 𝔽(sign × mathInt) (−0 for "-0").
    Ok(Value::Number(sign * value))
}

/// parseFloat ( string ) — <https://tc39.es/ecma262/#sec-parsefloat-string>
fn parse_float(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let input = agent.to_string(&args.arg(0))?;
    let units = input.units();
    let start = units
        .iter()
        .position(|&u| !is_str_white_space(u))
        .unwrap_or(units.len());
    let text: String = units[start..]
        .iter()
        .take_while(|&&u| u < 128)
        .map(|&u| u as u8 as char)
        .collect();
    Ok(Value::Number(parse_float_prefix(&text)))
}

/// The value of the longest prefix of `s` that is a StrDecimalLiteral (NaN if none).
fn parse_float_prefix(s: &str) -> f64 {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut sign = 1.0;
    if i < bytes.len() && (bytes[i] == b'+' || bytes[i] == b'-') {
        if bytes[i] == b'-' {
            sign = -1.0;
        }
        i += 1;
    }
    if s[i..].starts_with("Infinity") {
        return sign * f64::INFINITY;
    }
    let digits_start = i;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
    }
    let int_digits = i - digits_start;
    let mut frac_digits = 0;
    if i < bytes.len() && bytes[i] == b'.' {
        let mut j = i + 1;
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        frac_digits = j - i - 1;
        if int_digits > 0 || frac_digits > 0 {
            i = j;
        }
    }
    if int_digits == 0 && frac_digits == 0 {
        return f64::NAN;
    }
    // An exponent counts only when digits follow it.
    if i < bytes.len() && (bytes[i] == b'e' || bytes[i] == b'E') {
        let mut j = i + 1;
        if j < bytes.len() && (bytes[j] == b'+' || bytes[j] == b'-') {
            j += 1;
        }
        let exp_start = j;
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        if j > exp_start {
            i = j;
        }
    }
    let literal = &s[digits_start..i];
    let literal = if literal.starts_with('.') {
        format!("0{literal}")
    } else {
        literal.to_string()
    };
    let literal = if literal.ends_with('.') {
        format!("{literal}0")
    } else {
        literal
    };
    sign * literal.parse::<f64>().unwrap_or(f64::NAN)
}

/// isNaN ( number ) — <https://tc39.es/ecma262/#sec-isnan-number>
fn is_nan(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Bool(agent.to_number(&args.arg(0))?.is_nan()))
}

/// isFinite ( number ) — <https://tc39.es/ecma262/#sec-isfinite-number>
fn is_finite(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Bool(agent.to_number(&args.arg(0))?.is_finite()))
}

pub fn install(agent: &mut Agent) {
    let global = agent.global_object();
    define_value(
        &global,
        "globalThis",
        Value::Object(global.clone()),
        Attributes::METHOD,
    );
    define_value(&global, "NaN", Value::Number(f64::NAN), FIXED);
    define_value(&global, "Infinity", Value::Number(f64::INFINITY), FIXED);
    define_value(&global, "undefined", Value::Undefined, FIXED);
    let parse_int = agent.define_method(&global, "parseInt", 2, parse_int);
    let parse_float = agent.define_method(&global, "parseFloat", 1, parse_float);
    agent.intrinsics().register("parseInt", parse_int);
    agent.intrinsics().register("parseFloat", parse_float);
    agent.define_method(&global, "isNaN", 1, is_nan);
    agent.define_method(&global, "isFinite", 1, is_finite);
    super::uri::install(agent);
}

#[cfg(test)]
mod tests {
    use super::parse_float_prefix;

    #[test]
    fn parse_float_takes_the_longest_decimal_prefix() {
        // Values from Node: parseFloat('3.14abc'), ('.5'), ('5.'), ('1e3x'), ('1e'), ('-.5e-2'), ('abc').
        assert_eq!(parse_float_prefix("2.75abc"), 2.75);
        assert_eq!(parse_float_prefix(".5"), 0.5);
        assert_eq!(parse_float_prefix("5."), 5.0);
        assert_eq!(parse_float_prefix("1e3x"), 1000.0);
        assert_eq!(parse_float_prefix("1e"), 1.0);
        assert_eq!(parse_float_prefix("-.5e-2"), -0.005);
        assert!(parse_float_prefix("abc").is_nan());
        assert_eq!(parse_float_prefix("-Infinityx"), f64::NEG_INFINITY);
    }
}
