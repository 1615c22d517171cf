//! RegExp String Iterator Objects (ECMA-262 §22.2.9):
//! %RegExpStringIteratorPrototype%.

use gc::{Finalize, Gc, Trace};

use super::exec::regexp_exec;
use super::symbols::step_past_empty_match;
use crate::interp::agent::Agent;
use crate::interp::builtins::map_set::labels::receiver_label;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::property::PropertyKey;
use crate::interp::slots::Slot;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// The state of the generator CreateRegExpStringIterator describes.
#[derive(Trace, Finalize)]
struct RegExpStringIteratorData {
    /// The matcher; None once the iterator is done.
    matcher: Slot<Option<Gc<JsObject>>>,
    string: JsStr,
    #[unsafe_ignore_trace]
    global: bool,
    #[unsafe_ignore_trace]
    full_unicode: bool,
}

impl ObjectData for RegExpStringIteratorData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "RegExp String Iterator"
    }
}

pub fn install(agent: &mut Agent) {
    let proto = agent.intrinsics().regexp_string_iterator_prototype.clone();
    agent.define_method(&proto, "next", 0, regexp_string_iterator_next);
    agent.define_to_string_tag(&proto, "RegExp String Iterator");
}

/// CreateRegExpStringIterator ( R, S, global, fullUnicode ) —
/// <https://tc39.es/ecma262/#sec-createregexpstringiterator>
pub fn create_regexp_string_iterator(
    agent: &mut Agent,
    matcher: Gc<JsObject>,
    string: JsStr,
    global: bool,
    full_unicode: bool,
) -> Value {
    let proto = agent.intrinsics().regexp_string_iterator_prototype.clone();
    Value::Object(JsObject::with_kind(
        Some(proto),
        ObjectKind::Other(Box::new(RegExpStringIteratorData {
            matcher: Slot::new(Some(matcher)),
            string,
            global,
            full_unicode,
        })),
    ))
}

/// %RegExpStringIteratorPrototype%.next ( ) —
/// <https://tc39.es/ecma262/#sec-%regexpstringiteratorprototype%.next>
fn regexp_string_iterator_next(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let data = match args.this {
        Value::Object(o) => o.data::<RegExpStringIteratorData>(),
        _ => None,
    };
    let Some(data) = data else {
        let shown = receiver_label(args.this);
        return agent.throw_type_error(format!(
            "Method RegExp String Iterator.prototype.next called on incompatible receiver {shown}"
        ));
    };
    // A completed generator keeps returning { undefined, done: true }.
    let Some(r) = data.matcher.get() else {
        return Ok(agent.create_iter_result_object(Value::Undefined, true));
    };
    let s = data.string.clone();
    // 1.a.i. Let match be ? RegExpExec(R, S).
    let m = regexp_exec(agent, &r, &s)?;
    // ii. If match is null, return undefined (done).
    if matches!(m, Value::Null) {
        data.matcher.set(None);
        return Ok(agent.create_iter_result_object(Value::Undefined, true));
    }
    if data.global {
        // iii.1–2. If global: step past an empty match, then yield it.
        let first = agent.get_v(&m, &PropertyKey::Index(0))?;
        let match_str = agent.to_string(&first)?;
        if match_str.is_empty() {
            step_past_empty_match(agent, &r, &s, data.full_unicode)?;
        }
    } else {
        // iv. Else: yield the one match, then finish.
        data.matcher.set(None);
    }
    Ok(agent.create_iter_result_object(m, false))
}
