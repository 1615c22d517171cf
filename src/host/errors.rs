//! Node's errors for module loading: an `Error` or `TypeError` with a
//! `code` property whose `stack` starts `Name [CODE]: message`.

use crate::interp::agent::{Agent, Throw};
use crate::interp::ops::errors::ErrorKind;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// An error of `kind` with Node's `code` (`ERR_MODULE_NOT_FOUND`, …).
pub fn coded_error(agent: &mut Agent, kind: ErrorKind, code: &str, message: String) -> Throw {
    let Throw(e) = agent.error(kind, &message);
    if let Value::Object(o) = &e {
        let name = match kind {
            ErrorKind::TypeError => "TypeError",
            _ => "Error",
        };
        o.define_own_property(
            PropertyKey::from("code"),
            PropertyDescriptor::data(Value::from(code), Attributes::METHOD),
        );
        o.define_own_property(
            PropertyKey::from("stack"),
            PropertyDescriptor::data(
                Value::String(JsStr::from(format!("{name} [{code}]: {message}"))),
                Attributes::METHOD,
            ),
        );
    }
    Throw(e)
}
