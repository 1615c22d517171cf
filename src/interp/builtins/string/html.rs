//! String.prototype's HTML methods (ECMA-262 Annex B.2.2.2–B.2.2.14):
//! `anchor`, `big`, `blink`, … each wrap the string in an HTML element
//! through CreateHTML.

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::{CallArgs, NativeFn};
use crate::interp::object::JsObject;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// CreateHTML ( string, tag, attribute, value ) —
/// <https://tc39.es/ecma262/#sec-createhtml>
fn create_html(
    agent: &mut Agent,
    string: &Value,
    method: &str,
    tag: &str,
    attribute: Option<(&str, &Value)>,
) -> JsResult<Value> {
    // 1. Let str be ? RequireObjectCoercible(string).
    if matches!(string, Value::Undefined | Value::Null) {
        return agent.throw_type_error(format!(
            "String.prototype.{method} called on null or undefined"
        ));
    }
    // 2. Let S be ? ToString(str).
    let s = agent.to_string(string)?;
    // 3. Let p1 be the string-concatenation of "<" and tag.
    let mut out: Vec<u16> = Vec::with_capacity(s.len() + 2 * tag.len() + 5);
    out.push(u16::from(b'<'));
    out.extend(tag.encode_utf16());
    // 4. If attribute is not the empty String, then
    if let Some((attribute, value)) = attribute {
        // a. Let V be ? ToString(value).
        let v = agent.to_string(value)?;
        // b. Let escapedV be V with each code unit 0x0022 (QUOTATION MARK)
        //    replaced by "&quot;".
        // c. Set p1 to p1 + " " + attribute + "=" + '"' + escapedV + '"'.
        out.push(u16::from(b' '));
        out.extend(attribute.encode_utf16());
        out.extend("=\"".encode_utf16());
        for &unit in v.units() {
            if unit == u16::from(b'"') {
                out.extend("&quot;".encode_utf16());
            } else {
                out.push(unit);
            }
        }
        out.push(u16::from(b'"'));
    }
    // 5. Let p2 be the string-concatenation of p1 and ">".
    out.push(u16::from(b'>'));
    // 6. Let p3 be the string-concatenation of p2 and S.
    out.extend_from_slice(s.units());
    // 7. Let p4 be the string-concatenation of p3, "</", tag, and ">".
    out.extend("</".encode_utf16());
    out.extend(tag.encode_utf16());
    out.push(u16::from(b'>'));
    // 8. Return p4.
    Ok(Value::String(JsStr::from_units(out)))
}

/// A method `name` that returns CreateHTML(this, tag, "", "").
macro_rules! plain_tag {
    ($f:ident, $name:literal, $tag:literal) => {
        #[doc = concat!("String.prototype.", $name, " ( ) — CreateHTML(S, \"", $tag, "\", \"\", \"\")")]
        fn $f(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
            create_html(agent, args.this, $name, $tag, None)
        }
    };
}

/// A method `name(value)` that returns CreateHTML(this, tag, attribute, value).
macro_rules! attribute_tag {
    ($f:ident, $name:literal, $tag:literal, $attribute:literal) => {
        #[doc = concat!("String.prototype.", $name, " ( ", $attribute, " ) — CreateHTML(S, \"", $tag, "\", \"", $attribute, "\", ", $attribute, ")")]
        fn $f(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
            create_html(agent, args.this, $name, $tag, Some(($attribute, &args.arg(0))))
        }
    };
}

attribute_tag!(anchor, "anchor", "a", "name");
plain_tag!(big, "big", "big");
plain_tag!(blink, "blink", "blink");
plain_tag!(bold, "bold", "b");
plain_tag!(fixed, "fixed", "tt");
attribute_tag!(fontcolor, "fontcolor", "font", "color");
attribute_tag!(fontsize, "fontsize", "font", "size");
plain_tag!(italics, "italics", "i");
attribute_tag!(link, "link", "a", "href");
plain_tag!(small, "small", "small");
plain_tag!(strike, "strike", "strike");
plain_tag!(sub, "sub", "sub");
plain_tag!(sup, "sup", "sup");

pub(super) fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    let methods: [(&str, u32, NativeFn); 13] = [
        ("anchor", 1, anchor),
        ("big", 0, big),
        ("blink", 0, blink),
        ("bold", 0, bold),
        ("fixed", 0, fixed),
        ("fontcolor", 1, fontcolor),
        ("fontsize", 1, fontsize),
        ("italics", 0, italics),
        ("link", 1, link),
        ("small", 0, small),
        ("strike", 0, strike),
        ("sub", 0, sub),
        ("sup", 0, sup),
    ];
    for (name, length, f) in methods {
        agent.define_method(proto, name, length, f);
    }
}
