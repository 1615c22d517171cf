//! The getters of Date.prototype (ECMA-262 §21.4.4.2–§21.4.4.20) and
//! Annex B's getYear: each reads [[DateValue]], returns NaN for an invalid
//! date, and otherwise one field of the local or UTC time.

use super::local_time::{local_time, timezone_offset_minutes};
use super::time_values::{
    date_from_time, hour_from_time, min_from_time, month_from_time, ms_from_time, sec_from_time,
    week_day, year_from_time,
};
use super::{getter_time_value, this_time_value};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::value::Value;

/// Defines a getter: 1. Let dateObject be the this value. 2. Perform ?
/// RequireInternalSlot(dateObject, [[DateValue]]). 3. Let t be
/// dateObject.[[DateValue]]. 4. If t is NaN, return NaN. 5. Return
/// FIELD(LocalTime(t)) (or FIELD(t) for the UTC getters).
macro_rules! getter {
    ($name:ident, $field:expr, local) => {
        fn $name(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
            let t = getter_time_value(agent, args.this)?;
            if t.is_nan() {
                return Ok(Value::Number(f64::NAN));
            }
            Ok(Value::Number($field(local_time(t))))
        }
    };
    ($name:ident, $field:expr, utc) => {
        fn $name(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
            let t = getter_time_value(agent, args.this)?;
            if t.is_nan() {
                return Ok(Value::Number(f64::NAN));
            }
            Ok(Value::Number($field(t)))
        }
    };
}

getter!(get_date, date_from_time, local);
getter!(get_day, week_day, local);
getter!(get_full_year, year_from_time, local);
getter!(get_hours, hour_from_time, local);
getter!(get_milliseconds, ms_from_time, local);
getter!(get_minutes, min_from_time, local);
getter!(get_month, month_from_time, local);
getter!(get_seconds, sec_from_time, local);
getter!(get_utc_date, date_from_time, utc);
getter!(get_utc_day, week_day, utc);
getter!(get_utc_full_year, year_from_time, utc);
getter!(get_utc_hours, hour_from_time, utc);
getter!(get_utc_milliseconds, ms_from_time, utc);
getter!(get_utc_minutes, min_from_time, utc);
getter!(get_utc_month, month_from_time, utc);
getter!(get_utc_seconds, sec_from_time, utc);
// Date.prototype.getTimezoneOffset ( ): (t − LocalTime(t)) / msPerMinute.
getter!(get_timezone_offset, timezone_offset_minutes, utc);
/// Date.prototype.getYear ( ) — <https://tc39.es/ecma262/#sec-date.prototype.getyear>
fn get_year(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–3. Let t be dateObject.[[DateValue]].
    let t = this_time_value(agent, args)?;
    // 4. If t is NaN, return NaN.
    if t.is_nan() {
        return Ok(Value::Number(f64::NAN));
    }
    // 5. Return YearFromTime(LocalTime(t)) − 1900𝔽.
    Ok(Value::Number(year_from_time(local_time(t)) - 1900.0))
}

/// Date.prototype.getTime ( ) — <https://tc39.es/ecma262/#sec-date.prototype.gettime>
/// (and valueOf, which has the same steps).
pub fn get_time(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–3. Return dateObject.[[DateValue]].
    Ok(Value::Number(getter_time_value(agent, args.this)?))
}

pub fn install(agent: &mut Agent) {
    let proto = agent.intrinsics().date_prototype.clone();
    let getters: [(&str, crate::interp::function::NativeFn); 20] = [
        ("getDate", get_date),
        ("getDay", get_day),
        ("getFullYear", get_full_year),
        ("getHours", get_hours),
        ("getMilliseconds", get_milliseconds),
        ("getMinutes", get_minutes),
        ("getMonth", get_month),
        ("getSeconds", get_seconds),
        ("getTime", get_time),
        ("getTimezoneOffset", get_timezone_offset),
        ("getUTCDate", get_utc_date),
        ("getUTCDay", get_utc_day),
        ("getUTCFullYear", get_utc_full_year),
        ("getUTCHours", get_utc_hours),
        ("getUTCMilliseconds", get_utc_milliseconds),
        ("getUTCMinutes", get_utc_minutes),
        ("getUTCMonth", get_utc_month),
        ("getUTCSeconds", get_utc_seconds),
        ("getYear", get_year),
        ("valueOf", get_time),
    ];
    for (name, f) in getters {
        agent.define_method(&proto, name, 0, f);
    }
}
