//! Date.prototype's string conversions, toJSON, @@toPrimitive and Annex B's
//! toGMTString (ECMA-262 §21.4.4.35–§21.4.4.45, B.2.3.3).

use super::format::{
    date_string, iso_string, locale_date_string, locale_string, locale_time_string, time_string,
    time_zone_string, to_date_string, utc_string,
};
use super::local_time::{local_time, local_time_in_zone};
use super::this_time_value;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::native::define_value;
use crate::interp::ops::conversion::PreferredType;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::value::Value;

fn string(s: String) -> JsResult<Value> {
    Ok(Value::from(s.as_str()))
}

/// Date.prototype.toDateString ( ) — <https://tc39.es/ecma262/#sec-date.prototype.todatestring>
fn to_date_string_method(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–3. Let tv be dateObject.[[DateValue]].
    let tv = this_time_value(agent, args)?;
    // 4. If tv is NaN, return "Invalid Date".
    if tv.is_nan() {
        return string("Invalid Date".into());
    }
    // 5. Let t be LocalTime(tv).
    // 6. Return DateString(t).
    string(date_string(local_time(tv)))
}

/// Date.prototype.toISOString ( ) — <https://tc39.es/ecma262/#sec-date.prototype.toisostring>
fn to_iso_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–3. Let tv be dateObject.[[DateValue]].
    let tv = this_time_value(agent, args)?;
    // 4. If tv is not finite, throw a RangeError exception.
    if !tv.is_finite() {
        return agent.throw_range_error("Invalid time value");
    }
    // 5–6. Return a String representation of tv in the Date Time String
    //      Format on the UTC time scale (expanded years outside 0–9999).
    string(iso_string(tv))
}

/// Date.prototype.toJSON ( key ) — <https://tc39.es/ecma262/#sec-date.prototype.tojson>
fn to_json(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = Value::Object(agent.to_object(args.this)?);
    // 2. Let tv be ? ToPrimitive(O, number).
    let tv = agent.to_primitive(&o, PreferredType::Number)?;
    // 3. If tv is a Number and tv is not finite, return null.
    if let Value::Number(n) = tv {
        if !n.is_finite() {
            return Ok(Value::Null);
        }
    }
    // 4. Return ? Invoke(O, "toISOString").
    agent.invoke(&o, &PropertyKey::from("toISOString"), &[])
}

/// The local time value `toLocale*String` shows: in the `timeZone` of the
/// options argument when one is given, else in the system's time zone.
/// Deviation: the form is always en-US's, whatever the locale and the other
/// options say.
fn locale_time_value(agent: &mut Agent, args: &CallArgs, tv: f64) -> JsResult<f64> {
    let Value::Object(options) = args.arg(1) else {
        return Ok(local_time(tv));
    };
    let zone = agent.get(&options, &PropertyKey::from("timeZone"))?;
    if matches!(zone, Value::Undefined) {
        return Ok(local_time(tv));
    }
    let name = agent.to_string(&zone)?.to_rust_string();
    match local_time_in_zone(&name, tv) {
        Some(t) => Ok(t),
        None => agent.throw_range_error(format!("Invalid time zone specified: {name}")),
    }
}

/// The shared steps of the three `toLocale*String` methods.
fn to_locale(agent: &mut Agent, args: &CallArgs, form: fn(f64) -> String) -> JsResult<Value> {
    let tv = this_time_value(agent, args)?;
    if tv.is_nan() {
        return string("Invalid Date".into());
    }
    let t = locale_time_value(agent, args, tv)?;
    string(form(t))
}

/// Date.prototype.toLocaleDateString ( [ reserved1 [ , reserved2 ] ] ) —
/// <https://tc39.es/ecma262/#sec-date.prototype.tolocaledatestring>
fn to_locale_date_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    to_locale(agent, args, locale_date_string)
}

/// Date.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ) —
/// <https://tc39.es/ecma262/#sec-date.prototype.tolocalestring>
fn to_locale_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    to_locale(agent, args, locale_string)
}

/// Date.prototype.toLocaleTimeString ( [ reserved1 [ , reserved2 ] ] ) —
/// <https://tc39.es/ecma262/#sec-date.prototype.tolocaletimestring>
fn to_locale_time_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    to_locale(agent, args, locale_time_string)
}

/// Date.prototype.toString ( ) — <https://tc39.es/ecma262/#sec-date.prototype.tostring>
fn to_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–3. Let tv be dateObject.[[DateValue]].
    let tv = this_time_value(agent, args)?;
    // 4. Return ToDateString(tv).
    string(to_date_string(tv))
}

/// Date.prototype.toTimeString ( ) — <https://tc39.es/ecma262/#sec-date.prototype.totimestring>
fn to_time_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let tv = this_time_value(agent, args)?;
    // 4. If tv is NaN, return "Invalid Date".
    if tv.is_nan() {
        return string("Invalid Date".into());
    }
    // 5. Let t be LocalTime(tv).
    // 6. Return the string-concatenation of TimeString(t) and TimeZoneString(tv).
    string(format!(
        "{}{}",
        time_string(local_time(tv)),
        time_zone_string(tv)
    ))
}

/// Date.prototype.toUTCString ( ) — <https://tc39.es/ecma262/#sec-date.prototype.toutcstring>
fn to_utc_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let tv = this_time_value(agent, args)?;
    // 4. If tv is NaN, return "Invalid Date".
    if tv.is_nan() {
        return string("Invalid Date".into());
    }
    string(utc_string(tv))
}

/// Date.prototype [ %Symbol.toPrimitive% ] ( hint ) —
/// <https://tc39.es/ecma262/#sec-date.prototype-%symbol.toprimitive%>
fn to_primitive(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    let Value::Object(o) = args.this else {
        let shown = agent.to_display_string(args.this);
        return agent.throw_type_error(format!(
            "Method Date.prototype [ @@toPrimitive ] called on incompatible receiver {shown}"
        ));
    };
    let hint = args.arg(0);
    let try_first = match &hint {
        // 3. If hint is either "string" or "default", let tryFirst be string.
        Value::String(s) if matches!(s.to_rust_string().as_str(), "string" | "default") => {
            PreferredType::String
        }
        // 4. Else if hint is "number", let tryFirst be number.
        Value::String(s) if s.to_rust_string() == "number" => PreferredType::Number,
        // 5. Else, throw a TypeError exception.
        other => {
            let shown = agent.to_display_string(other);
            return agent.throw_type_error(format!("Invalid hint: {shown}"));
        }
    };
    // 6. Return ? OrdinaryToPrimitive(O, tryFirst).
    agent.ordinary_to_primitive(o, try_first)
}

pub fn install(agent: &mut Agent) {
    let proto = agent.intrinsics().date_prototype.clone();
    agent.define_method(&proto, "toDateString", 0, to_date_string_method);
    agent.define_method(&proto, "toISOString", 0, to_iso_string);
    agent.define_method(&proto, "toJSON", 1, to_json);
    agent.define_method(&proto, "toLocaleDateString", 0, to_locale_date_string);
    agent.define_method(&proto, "toLocaleString", 0, to_locale_string);
    agent.define_method(&proto, "toLocaleTimeString", 0, to_locale_time_string);
    agent.define_method(&proto, "toString", 0, to_string);
    agent.define_method(&proto, "toTimeString", 0, to_time_string);
    let to_utc = agent.define_method(&proto, "toUTCString", 0, to_utc_string);
    // B.2.3.3 Date.prototype.toGMTString ( ): the same function object as
    // Date.prototype.toUTCString.
    define_value(
        &proto,
        "toGMTString",
        Value::Object(to_utc),
        Attributes::METHOD,
    );
    // This property has the attributes { [[Writable]]: false,
    // [[Enumerable]]: false, [[Configurable]]: true }.
    let symbol = agent.symbols.to_primitive.clone();
    let f = agent.define_symbol_method(&proto, &symbol, 1, to_primitive);
    proto.define_own_property(
        PropertyKey::Symbol(symbol),
        PropertyDescriptor::data(
            Value::Object(f),
            Attributes {
                writable: false,
                enumerable: false,
                configurable: true,
            },
        ),
    );
}
