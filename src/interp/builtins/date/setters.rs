//! The setters of Date.prototype (ECMA-262 §21.4.4.20–§21.4.4.34) and
//! Annex B's setYear. Every setter has the same shape: convert the given
//! arguments with ToNumber in order, take the other fields from the
//! current (local or UTC) time, recompose with MakeDay/MakeTime/MakeDate,
//! convert back with UTC for the local setters, TimeClip, store, return.

use super::local_time::{local_time, utc};
use super::time_values::{
    make_date, make_day, make_full_year, make_time, time_clip, time_within_day, Fields,
};
use super::{date_value, set_date_value, this_date};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::{CallArgs, NativeFn};
use crate::interp::value::Value;

/// The field a setter's first argument sets.
#[derive(Clone, Copy, PartialEq, Eq)]
enum First {
    Year = 0,
    Month = 1,
    Date = 2,
    Hours = 3,
    Minutes = 4,
    Seconds = 5,
    Milliseconds = 6,
}

/// The steps every setter shares. `count` is how many arguments the setter
/// takes (setMinutes ( min [ , sec [ , ms ] ] ) takes 3).
fn set_fields(
    agent: &mut Agent,
    args: &CallArgs,
    first: First,
    count: usize,
    local: bool,
) -> JsResult<Value> {
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    let date_object = this_date(agent, args)?;
    // 3. Let t be dateObject.[[DateValue]].
    let t = date_value(&date_object).unwrap_or(f64::NAN);
    // 4–6. Let each given argument be ? ToNumber(argument), in order (the
    //      first always; the others only when present).
    let mut given = Vec::with_capacity(count);
    for i in 0..count {
        if i == 0 || i < args.args.len() {
            given.push(agent.to_number(&args.arg(i))?);
        }
    }
    let t = if t.is_nan() {
        // setFullYear / setUTCFullYear: If t is NaN, set t to +0𝔽.
        if first == First::Year {
            0.0
        } else {
            // 7. If t is NaN, return NaN.
            return Ok(Value::Number(f64::NAN));
        }
    } else if local {
        // 8. Set t to LocalTime(t).
        local_time(t)
    } else {
        t
    };
    // 9–10. The fields not given come from t.
    let f = Fields::of(t);
    let mut fields = [f.year, f.month, f.date, f.hour, f.minute, f.second, f.ms];
    for (i, v) in given.into_iter().enumerate() {
        fields[first as usize + i] = v;
    }
    let [y, m, dt, h, min, s, milli] = fields;
    // 11. Let newDate be MakeDate(MakeDay(y, m, dt), MakeTime(h, min, s, milli))
    //     (MakeDay of t's own fields is Day(t); MakeTime of them, TimeWithinDay(t)).
    let new_date = make_date(make_day(y, m, dt), make_time(h, min, s, milli));
    // 12. Let u be TimeClip(UTC(newDate)) (TimeClip(newDate) for the UTC setters).
    let u = time_clip(if local { utc(new_date) } else { new_date });
    // 13. Set dateObject.[[DateValue]] to u.
    set_date_value(&date_object, u);
    // 14. Return u.
    Ok(Value::Number(u))
}

macro_rules! setter {
    ($name:ident, $first:ident, $count:expr, $local:expr) => {
        fn $name(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
            set_fields(agent, args, First::$first, $count, $local)
        }
    };
}

setter!(set_date, Date, 1, true);
setter!(set_full_year, Year, 3, true);
setter!(set_hours, Hours, 4, true);
setter!(set_milliseconds, Milliseconds, 1, true);
setter!(set_minutes, Minutes, 3, true);
setter!(set_month, Month, 2, true);
setter!(set_seconds, Seconds, 2, true);
setter!(set_utc_date, Date, 1, false);
setter!(set_utc_full_year, Year, 3, false);
setter!(set_utc_hours, Hours, 4, false);
setter!(set_utc_milliseconds, Milliseconds, 1, false);
setter!(set_utc_minutes, Minutes, 3, false);
setter!(set_utc_month, Month, 2, false);
setter!(set_utc_seconds, Seconds, 2, false);

/// Date.prototype.setTime ( time ) — <https://tc39.es/ecma262/#sec-date.prototype.settime>
fn set_time(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. RequireInternalSlot(dateObject, [[DateValue]]).
    let date_object = this_date(agent, args)?;
    // 3. Let t be ? ToNumber(time).
    let t = agent.to_number(&args.arg(0))?;
    // 4. Let v be TimeClip(t).
    let v = time_clip(t);
    // 5. Set dateObject.[[DateValue]] to v.
    set_date_value(&date_object, v);
    // 6. Return v.
    Ok(Value::Number(v))
}

/// Date.prototype.setYear ( year ) — <https://tc39.es/ecma262/#sec-date.prototype.setyear>
fn set_year(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. RequireInternalSlot(dateObject, [[DateValue]]).
    let date_object = this_date(agent, args)?;
    // 3. Let t be dateObject.[[DateValue]].
    let t = date_value(&date_object).unwrap_or(f64::NAN);
    // 4. Let y be ? ToNumber(year).
    let y = agent.to_number(&args.arg(0))?;
    // 5. If t is NaN, set t to +0𝔽; otherwise, set t to LocalTime(t).
    let t = if t.is_nan() { 0.0 } else { local_time(t) };
    // 6. Let yyyy be MakeFullYear(y).
    let yyyy = make_full_year(y);
    // 7. Let d be MakeDay(yyyy, MonthFromTime(t), DateFromTime(t)).
    let f = Fields::of(t);
    let d = make_day(yyyy, f.month, f.date);
    // 8. Let date be MakeDate(d, TimeWithinDay(t)).
    let date = make_date(d, time_within_day(t));
    // 9. Let u be TimeClip(UTC(date)).
    let u = time_clip(utc(date));
    // 10. Set dateObject.[[DateValue]] to u.
    set_date_value(&date_object, u);
    // 11. Return u.
    Ok(Value::Number(u))
}

pub fn install(agent: &mut Agent) {
    let proto = agent.intrinsics().date_prototype.clone();
    let setters: [(&str, u32, NativeFn); 16] = [
        ("setDate", 1, set_date),
        ("setFullYear", 3, set_full_year),
        ("setHours", 4, set_hours),
        ("setMilliseconds", 1, set_milliseconds),
        ("setMinutes", 3, set_minutes),
        ("setMonth", 2, set_month),
        ("setSeconds", 2, set_seconds),
        ("setTime", 1, set_time),
        ("setUTCDate", 1, set_utc_date),
        ("setUTCFullYear", 3, set_utc_full_year),
        ("setUTCHours", 4, set_utc_hours),
        ("setUTCMilliseconds", 1, set_utc_milliseconds),
        ("setUTCMinutes", 3, set_utc_minutes),
        ("setUTCMonth", 2, set_utc_month),
        ("setUTCSeconds", 2, set_utc_seconds),
        ("setYear", 1, set_year),
    ];
    for (name, length, f) in setters {
        agent.define_method(&proto, name, length, f);
    }
}
