//! Date objects (ECMA-262 §21.4): time values and their arithmetic
//! (`time_values`), local time from the IANA time-zone database
//! (`local_time`, `zone_names`), Date.parse's formats (`parse`), the
//! constructor and its statics (`constructor`), the prototype's getters,
//! setters and string conversions, and Annex B's `getYear`/`setYear`/
//! `toGMTString`.

mod constructor;
mod format;
mod getters;
mod local_time;
mod parse;
mod prototype;
mod setters;
mod time_values;
mod zone_names;

use std::cell::Cell;

use gc::{Finalize, Gc, Trace};

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectData};
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

/// The [[DateValue]] internal slot: a time value (NaN for an invalid date).
#[derive(Trace, Finalize)]
pub struct DateData {
    #[unsafe_ignore_trace]
    value: Cell<f64>,
}

impl DateData {
    pub fn new(value: f64) -> DateData {
        DateData {
            value: Cell::new(value),
        }
    }
}

impl ObjectData for DateData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "Date"
    }
}

/// The [[DateValue]] of `o`, if it is a Date object.
pub fn date_value(o: &Gc<JsObject>) -> Option<f64> {
    o.data::<DateData>().map(|d| d.value.get())
}

/// How util.inspect shows a Date: its ISO string, or `Invalid Date`.
pub fn date_display(o: &Gc<JsObject>) -> Option<String> {
    let tv = date_value(o)?;
    Some(if tv.is_nan() {
        "Invalid Date".into()
    } else {
        format::iso_string(tv)
    })
}

/// RequireInternalSlot(dateObject, [[DateValue]]) on the this value, with
/// V8's message naming the method (`args.callee`'s name).
fn this_date(agent: &mut Agent, args: &CallArgs) -> JsResult<Gc<JsObject>> {
    match args.this {
        Value::Object(o) if o.data::<DateData>().is_some() => Ok(o.clone()),
        this => {
            let name = agent.get(args.callee, &PropertyKey::from("name"))?;
            let name = agent.to_display_string(&name);
            let shown = agent.to_display_string(this);
            agent.throw_type_error(format!(
                "Method Date.prototype.{name} called on incompatible receiver {shown}"
            ))
        }
    }
}

/// The this value's [[DateValue]].
fn this_time_value(agent: &mut Agent, args: &CallArgs) -> JsResult<f64> {
    let o = this_date(agent, args)?;
    Ok(date_value(&o).unwrap_or(f64::NAN))
}

/// The this value's [[DateValue]], with the message V8's field getters give.
fn getter_time_value(agent: &mut Agent, this: &Value) -> JsResult<f64> {
    match this {
        Value::Object(o) => match date_value(o) {
            Some(tv) => Ok(tv),
            None => agent.throw_type_error("this is not a Date object."),
        },
        _ => agent.throw_type_error("this is not a Date object."),
    }
}

/// Sets a Date object's [[DateValue]].
fn set_date_value(o: &Gc<JsObject>, value: f64) {
    if let Some(d) = o.data::<DateData>() {
        d.value.set(value);
    }
}

pub fn install(agent: &mut Agent) {
    constructor::install(agent);
    getters::install(agent);
    setters::install(agent);
    prototype::install(agent);
}
