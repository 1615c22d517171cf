//! String.prototype.toLowerCase / toUpperCase (ECMA-262 §22.1.3.28,
//! §22.1.3.30): the Unicode default case mappings, with lone surrogates
//! left as they are.

use gc::Gc;

use super::methods::this_string;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

fn map_case(units: &[u16], upper: bool) -> Vec<u16> {
    // Fast path: ASCII.
    if units.iter().all(|&u| u < 128) {
        return units
            .iter()
            .map(|&u| {
                let b = u as u8;
                u16::from(if upper {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                })
            })
            .collect();
    }
    let mut out = Vec::with_capacity(units.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut Vec<u16>| {
        let mapped = if upper {
            run.to_uppercase()
        } else {
            run.to_lowercase()
        };
        out.extend(mapped.encode_utf16());
        run.clear();
    };
    for c in char::decode_utf16(units.iter().copied()) {
        match c {
            Ok(c) => run.push(c),
            Err(e) => {
                flush(&mut run, &mut out);
                out.push(e.unpaired_surrogate());
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

fn to_lower_case(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.toLowerCase")?;
    Ok(Value::String(JsStr::from_units(map_case(s.units(), false))))
}

fn to_upper_case(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.toUpperCase")?;
    Ok(Value::String(JsStr::from_units(map_case(s.units(), true))))
}

pub(super) fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    agent.define_method(proto, "toLowerCase", 0, to_lower_case);
    agent.define_method(proto, "toUpperCase", 0, to_upper_case);
    agent.define_method(proto, "toLocaleLowerCase", 0, to_lower_case);
    agent.define_method(proto, "toLocaleUpperCase", 0, to_upper_case);
}
