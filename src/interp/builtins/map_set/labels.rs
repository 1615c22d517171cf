//! How V8 shows values in the TypeErrors of the collection and RegExp
//! built-ins (computed without running any JavaScript code).

use gc::Gc;

use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

/// The name of `o`'s constructor as V8 finds it for `#<Name>`: the `name`
/// data property of the `constructor` data property on its prototype chain.
fn constructor_name(o: &Gc<JsObject>) -> Option<String> {
    let ctor_key = PropertyKey::from("constructor");
    let mut current = Some(o.clone());
    let mut steps = 0;
    while let Some(obj) = current {
        if let Some(Value::Object(ctor)) = obj.get_own_data_value(&ctor_key) {
            return match ctor.get_own_data_value(&PropertyKey::from("name")) {
                Some(Value::String(s)) if !s.is_empty() => Some(s.to_rust_string()),
                _ => None,
            };
        }
        steps += 1;
        if steps > 10_000 {
            return None;
        }
        current = obj.get_prototype_of();
    }
    None
}

/// `#<Map>`, `[object Array]`, `[object Object]` (null prototype), or the
/// primitive as a string: V8's "incompatible receiver" wording.
pub fn receiver_label(v: &Value) -> String {
    match v {
        Value::Object(o) => match &o.kind {
            ObjectKind::Array(_) => "[object Array]".into(),
            ObjectKind::Function(_) => "function".into(),
            _ => match constructor_name(o) {
                Some(name) => format!("#<{name}>"),
                None => "[object Object]".into(),
            },
        },
        other => primitive_text(other),
    }
}

fn primitive_text(v: &Value) -> String {
    match v {
        Value::Undefined => "undefined".into(),
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => crate::interp::number::number_to_string(*n),
        Value::BigInt(b) => b.to_string_radix(10),
        Value::String(s) => s.to_rust_string(),
        Value::Symbol(s) => format!(
            "Symbol({})",
            s.description
                .as_ref()
                .map(|d| d.to_rust_string())
                .unwrap_or_default()
        ),
        Value::Object(_) => "object".into(),
    }
}

/// V8's "X is not a function" subject for a callback argument:
/// `number 1.5`, `string "abc"`, `object null`, `undefined`, `object`.
pub fn callback_label(v: &Value) -> String {
    match v {
        Value::Undefined => "undefined".into(),
        Value::Null => "object null".into(),
        Value::Bool(b) => format!("boolean {b}"),
        Value::Number(n) => format!("number {}", crate::interp::number::number_to_string(*n)),
        Value::String(s) => format!("string \"{}\"", s.to_rust_string()),
        Value::Symbol(_) => "symbol".into(),
        // V8 names only the type of a BigInt here.
        Value::BigInt(_) => "bigint".into(),
        Value::Object(_) => "object".into(),
    }
}

/// `'5'` as V8 quotes a non-callable adder in "'5' returned for property ...".
pub fn quoted_value(v: &Value) -> String {
    match v {
        Value::Object(o) => receiver_label(&Value::Object(o.clone())),
        other => primitive_text(other),
    }
}
