//! String objects (ECMA-262 §22.1): the constructor, String.fromCharCode /
//! fromCodePoint / raw, and String.prototype (split over the files here).

mod case;
mod html;
mod iterator;
mod methods;
mod pattern;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::ObjectKind;
use crate::interp::property::PropertyKey;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// String ( value ) — <https://tc39.es/ecma262/#sec-string-constructor-string-value>
fn string_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let s be "" or, for a Symbol called as a function, SymbolDescriptiveString.
    let s = if args.args.is_empty() {
        JsStr::from("")
    } else {
        match (&args.arg(0), args.new_target) {
            (Value::Symbol(sym), None) => super::symbol::symbol_descriptive_string(sym),
            (v, _) => agent.to_string(v)?,
        }
    };
    // 3. If NewTarget is undefined, return s.
    let Some(nt) = args.new_target else {
        return Ok(Value::String(s));
    };
    // 4. Return StringCreate(s, ? GetPrototypeFromConstructor(NewTarget, "%String.prototype%")).
    let default = agent.intrinsics().string_prototype.clone();
    let proto = agent.get_prototype_from_constructor(nt, default)?;
    Ok(Value::Object(crate::interp::object::JsObject::with_kind(
        Some(proto),
        ObjectKind::String(s),
    )))
}

/// String.fromCharCode ( ...codeUnits ) — <https://tc39.es/ecma262/#sec-string.fromcharcode>
fn from_char_code(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let mut units = Vec::with_capacity(args.args.len());
    for a in args.args {
        units.push(crate::interp::number::to_uint16(agent.to_number(a)?));
    }
    Ok(Value::String(JsStr::from_units(units)))
}

/// String.fromCodePoint ( ...codePoints ) — <https://tc39.es/ecma262/#sec-string.fromcodepoint>
fn from_code_point(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let mut units = Vec::with_capacity(args.args.len());
    for a in args.args {
        let n = agent.to_number(a)?;
        if n.trunc() != n || !(0.0..=1114111.0).contains(&n) {
            let shown = agent.to_display_string(a);
            return agent.throw_range_error(format!("Invalid code point {shown}"));
        }
        push_code_point(&mut units, n as u32);
    }
    Ok(Value::String(JsStr::from_units(units)))
}

/// UTF16EncodeCodePoint, appended to `out`.
pub(super) fn push_code_point(out: &mut Vec<u16>, cp: u32) {
    if cp < 0x10000 {
        out.push(cp as u16);
    } else {
        let c = cp - 0x10000;
        out.push(0xD800 + (c >> 10) as u16);
        out.push(0xDC00 + (c & 0x3FF) as u16);
    }
}

/// String.raw ( template, ...substitutions ) — <https://tc39.es/ecma262/#sec-string.raw>
fn raw(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let cooked = agent.to_object(&args.arg(0))?;
    let raw = agent.get(&cooked, &PropertyKey::from("raw"))?;
    let raw = agent.to_object(&raw)?;
    let literal_count = agent.length_of_array_like(&raw)? as usize;
    let mut out: Vec<u16> = Vec::new();
    for i in 0..literal_count {
        let seg = agent.get(&raw, &PropertyKey::Index(i as u32))?;
        out.extend_from_slice(agent.to_string(&seg)?.units());
        if i + 1 == literal_count {
            break;
        }
        if let Some(sub) = args.args.get(i + 1) {
            out.extend_from_slice(agent.to_string(sub)?.units());
        }
    }
    Ok(Value::String(JsStr::from_units(out)))
}

pub fn install(agent: &mut Agent) {
    let proto = agent.intrinsics().string_prototype.clone();
    let ctor = agent.native_constructor("String", 1, string_constructor, &proto);
    agent.define_method(&ctor, "fromCharCode", 1, from_char_code);
    agent.define_method(&ctor, "fromCodePoint", 1, from_code_point);
    agent.define_method(&ctor, "raw", 1, raw);
    methods::install(agent, &proto);
    case::install(agent, &proto);
    html::install(agent, &proto);
    pattern::install(agent, &proto);
    iterator::install(agent, &proto);
}
