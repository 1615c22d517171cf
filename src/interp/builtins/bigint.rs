//! BigInt objects (ECMA-262 §21.2): the BigInt function, BigInt.asIntN and
//! BigInt.asUintN, and BigInt.prototype.

use crate::interp::agent::Agent;
use crate::interp::bigint::JsBigInt;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::ObjectKind;
use crate::interp::ops::conversion::PreferredType;
use crate::interp::value::Value;

/// 2^53 − 1, the largest index ToIndex accepts.
const MAX_SAFE_INTEGER: f64 = 9007199254740991.0;

/// BigInt ( value ) — <https://tc39.es/ecma262/#sec-bigint-constructor-number-value>
fn bigint_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If NewTarget is not undefined, throw a TypeError exception.
    if args.new_target.is_some() {
        return agent.throw_type_error("BigInt is not a constructor");
    }
    // 2. Let prim be ? ToPrimitive(value, number).
    let prim = agent.to_primitive(&args.arg(0), PreferredType::Number)?;
    // 3. If prim is a Number, return ? NumberToBigInt(prim).
    if let Value::Number(n) = prim {
        return Ok(Value::BigInt(agent.number_to_bigint(n)?));
    }
    // 4. Otherwise, return ? ToBigInt(prim).
    Ok(Value::BigInt(agent.to_bigint(&prim)?))
}

/// ToIndex ( value ) — <https://tc39.es/ecma262/#sec-toindex>, with V8's
/// message for BigInt.asIntN and BigInt.asUintN.
fn to_index(agent: &mut Agent, value: &Value) -> JsResult<u64> {
    // 1. Let integer be ? ToIntegerOrInfinity(value).
    let integer = agent.to_integer_or_infinity(value)?;
    // 2. If integer is not in the inclusive interval from 0 to 2^53 - 1, throw a RangeError exception.
    if !(0.0..=MAX_SAFE_INTEGER).contains(&integer) {
        return agent.throw_range_error("Invalid value: not (convertible to) a safe integer");
    }
    // 3. Return integer.
    Ok(integer as u64)
}

/// BigInt.asIntN ( bits, bigint ) — <https://tc39.es/ecma262/#sec-bigint.asintn>
fn as_int_n(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Set bits to ? ToIndex(bits).
    let bits = to_index(agent, &args.arg(0))?;
    // 2. Set bigint to ? ToBigInt(bigint).
    let bigint = agent.to_bigint(&args.arg(1))?;
    // 3–4. mod = ℝ(bigint) modulo 2^bits; subtract 2^bits when mod ≥ 2^(bits - 1).
    let result = bigint.as_n_bits(bits, true);
    result.map(Value::BigInt).map_err(|e| agent.bigint_error(e))
}

/// BigInt.asUintN ( bits, bigint ) — <https://tc39.es/ecma262/#sec-bigint.asuintn>
fn as_uint_n(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Set bits to ? ToIndex(bits).
    let bits = to_index(agent, &args.arg(0))?;
    // 2. Set bigint to ? ToBigInt(bigint).
    let bigint = agent.to_bigint(&args.arg(1))?;
    // 3. Return ℤ(ℝ(bigint) modulo 2^bits).
    let result = bigint.as_n_bits(bits, false);
    result.map(Value::BigInt).map_err(|e| agent.bigint_error(e))
}

/// ThisBigIntValue ( value ) — <https://tc39.es/ecma262/#sec-thisbigintvalue>
fn this_bigint_value(agent: &mut Agent, value: &Value, method: &str) -> JsResult<JsBigInt> {
    match value {
        // 1. If value is a BigInt, return value.
        Value::BigInt(b) => Ok(b.clone()),
        // 2. If value is an Object and value has a [[BigIntData]] internal slot, then
        //    return value.[[BigIntData]].
        Value::Object(o) => match &o.kind {
            ObjectKind::BigInt(b) => Ok(b.clone()),
            _ => agent.throw_type_error(format!("{method} requires that 'this' be a BigInt")),
        },
        // 3. Throw a TypeError exception.
        _ => agent.throw_type_error(format!("{method} requires that 'this' be a BigInt")),
    }
}

/// BigInt.prototype.toString ( [ radix ] ) — <https://tc39.es/ecma262/#sec-bigint.prototype.tostring>
fn to_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let x be ? ThisBigIntValue(this value).
    let x = this_bigint_value(agent, args.this, "BigInt.prototype.toString")?;
    // 2–3. If radix is undefined, let radixMV be 10; else ? ToIntegerOrInfinity(radix).
    let radix = match args.arg(0) {
        Value::Undefined => 10.0,
        r => agent.to_integer_or_infinity(&r)?,
    };
    // 4. If radixMV is not in the inclusive interval from 2 to 36, throw a RangeError exception.
    if !(2.0..=36.0).contains(&radix) {
        return agent.throw_range_error("toString() radix argument must be between 2 and 36");
    }
    // 5. Return BigInt::toString(x, radixMV).
    Ok(Value::from(x.to_string_radix(radix as u32).as_str()))
}

/// BigInt.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ) —
/// <https://tc39.es/ecma262/#sec-bigint.prototype.tolocalestring>
///
/// Deviation: vmjs has no ECMA-402; the text is what Node prints in its
/// default en-US locale, the digits in groups of three.
fn to_locale_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let x = this_bigint_value(agent, args.this, "BigInt.prototype.toLocaleString")?;
    Ok(Value::from(
        group_thousands(&x.to_string_radix(10)).as_str(),
    ))
}

/// `-1234567` as `-1,234,567`.
fn group_thousands(decimal: &str) -> String {
    let (sign, digits) = match decimal.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", decimal),
    };
    let mut out = String::from(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// BigInt.prototype.valueOf ( ) — <https://tc39.es/ecma262/#sec-bigint.prototype.valueof>
fn value_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Return ? ThisBigIntValue(this value).
    Ok(Value::BigInt(this_bigint_value(
        agent,
        args.this,
        "BigInt.prototype.valueOf",
    )?))
}

pub fn install(agent: &mut Agent) {
    let proto = agent.intrinsics().bigint_prototype.clone();
    let ctor = agent.native_constructor("BigInt", 1, bigint_constructor, &proto);
    // In V8's order (what Object.getOwnPropertyNames shows).
    agent.define_method(&ctor, "asUintN", 2, as_uint_n);
    agent.define_method(&ctor, "asIntN", 2, as_int_n);
    agent.define_method(&proto, "toLocaleString", 0, to_locale_string);
    agent.define_method(&proto, "toString", 0, to_string);
    agent.define_method(&proto, "valueOf", 0, value_of);
    agent.define_to_string_tag(&proto, "BigInt");
}

#[cfg(test)]
mod tests {
    use super::group_thousands;

    #[test]
    fn groups_of_three() {
        assert_eq!(group_thousands("1234567"), "1,234,567");
        assert_eq!(group_thousands("-123"), "-123");
        assert_eq!(group_thousands("123456"), "123,456");
        assert_eq!(group_thousands("0"), "0");
    }
}
