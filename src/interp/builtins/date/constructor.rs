//! The Date constructor and its static methods (ECMA-262 §21.4.2, §21.4.3).

use std::time::{SystemTime, UNIX_EPOCH};

use super::format::to_date_string;
use super::local_time::utc;
use super::parse::parse_date;
use super::time_values::{make_date, make_day, make_full_year, make_time, time_clip};
use super::{date_value, DateData};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::ObjectKind;
use crate::interp::ops::conversion::PreferredType;
use crate::interp::value::Value;

pub fn install(agent: &mut Agent) {
    let proto = agent.intrinsics().date_prototype.clone();
    let ctor = agent.native_constructor("Date", 7, date_constructor, &proto);
    agent.define_method(&ctor, "now", 0, date_now);
    agent.define_method(&ctor, "parse", 1, date_parse);
    agent.define_method(&ctor, "UTC", 7, date_utc);
}

/// The time value (UTC) identifying the current time.
fn now() -> f64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_millis() as f64,
        Err(e) => -(e.duration().as_millis() as f64),
    }
}

/// Date ( ...values ) — <https://tc39.es/ecma262/#sec-date>
fn date_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If NewTarget is undefined, then
    let Some(new_target) = args.new_target else {
        // a. Let now be the time value (UTC) identifying the current time.
        // b. Return ToDateString(now).
        return Ok(Value::from(to_date_string(now()).as_str()));
    };
    // 2. Let numberOfArgs be the number of elements in values.
    let dv = match args.args.len() {
        // 3. If numberOfArgs = 0, then
        //    a. Let dv be the time value (UTC) identifying the current time.
        0 => now(),
        // 4. Else if numberOfArgs = 1, then
        1 => {
            // a. Let value be values[0].
            let value = args.arg(0);
            // b. If value is an Object and value has a [[DateValue]] internal
            //    slot, then let tv be value.[[DateValue]].
            let tv = match &value {
                Value::Object(o) if date_value(o).is_some() => date_value(o).unwrap_or(f64::NAN),
                // c. Else,
                _ => {
                    // i. Let v be ? ToPrimitive(value).
                    match agent.to_primitive(&value, PreferredType::Default)? {
                        // ii. If v is a String, then let tv be the result of
                        //     parsing v as a date, as the parse method does.
                        Value::String(s) => parse_date(s.units()),
                        // iii. Else, let tv be ? ToNumber(v).
                        v => agent.to_number(&v)?,
                    }
                }
            };
            // d. Let dv be TimeClip(tv).
            time_clip(tv)
        }
        // 5. Else,
        _ => {
            // b–h. y, m ToNumber; dt defaults to 1, the others to +0.
            let fields = number_fields(agent, args)?;
            // i. Let yr be MakeFullYear(y).
            // j. Let finalDate be MakeDate(MakeDay(yr, m, dt), MakeTime(h, min, s, milli)).
            // k. Let dv be TimeClip(UTC(finalDate)).
            time_clip(utc(final_date(fields)))
        }
    };
    // 6. Let O be ? OrdinaryCreateFromConstructor(NewTarget, "%Date.prototype%",
    //    « [[DateValue]] »).
    let default = agent.intrinsics().date_prototype.clone();
    let o = agent.ordinary_create_from_constructor(
        new_target,
        default,
        ObjectKind::Other(Box::new(DateData::new(f64::NAN))),
    )?;
    // 7. Set O.[[DateValue]] to dv.
    super::set_date_value(&o, dv);
    // 8. Return O.
    Ok(Value::Object(o))
}

/// The seven numeric arguments of `Date(y, m, …)` and `Date.UTC`: each
/// present one converted with ToNumber in order; dt defaults to 1, the
/// rest to +0 (and month to +0 when absent).
fn number_fields(agent: &mut Agent, args: &CallArgs) -> JsResult<[f64; 7]> {
    let mut fields = [f64::NAN, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0];
    for (i, field) in fields.iter_mut().enumerate() {
        if i == 0 || i < args.args.len() {
            *field = agent.to_number(&args.arg(i))?;
        }
    }
    Ok(fields)
}

/// MakeDate(MakeDay(MakeFullYear(y), m, dt), MakeTime(h, min, s, milli)).
fn final_date([y, m, dt, h, min, s, milli]: [f64; 7]) -> f64 {
    make_date(
        make_day(make_full_year(y), m, dt),
        make_time(h, min, s, milli),
    )
}

/// Date.now ( ) — <https://tc39.es/ecma262/#sec-date.now>
fn date_now(_: &mut Agent, _: &CallArgs) -> JsResult<Value> {
    Ok(Value::Number(now()))
}

/// Date.parse ( string ) — <https://tc39.es/ecma262/#sec-date.parse>
fn date_parse(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = agent.to_string(&args.arg(0))?;
    Ok(Value::Number(parse_date(s.units())))
}

/// Date.UTC ( year [ , month [ , date [ , hours [ , minutes [ , seconds [ , ms ] ] ] ] ] ] ) —
/// <https://tc39.es/ecma262/#sec-date.utc>
fn date_utc(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–7. y, m, dt, h, min, s, milli.
    let fields = number_fields(agent, args)?;
    // 8. Let yr be MakeFullYear(y).
    // 9. Return TimeClip(MakeDate(MakeDay(yr, m, dt), MakeTime(h, min, s, milli))).
    Ok(Value::Number(time_clip(final_date(fields))))
}
