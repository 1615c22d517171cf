//! `DOMException` (WebIDL §2.8.1, as Node provides it): an error with a
//! `name` and a legacy `code`, whose prototype inherits from
//! Error.prototype. `atob`/`btoa` (and later `structuredClone`) throw them.

use gc::{Finalize, Gc, Trace};

use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::function::CallArgs;
use crate::interp::native::define_value;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// The legacy code constants (WebIDL's DOMException error names table).
const CODES: [(&str, &str, u32); 25] = [
    ("INDEX_SIZE_ERR", "IndexSizeError", 1),
    ("DOMSTRING_SIZE_ERR", "", 2),
    ("HIERARCHY_REQUEST_ERR", "HierarchyRequestError", 3),
    ("WRONG_DOCUMENT_ERR", "WrongDocumentError", 4),
    ("INVALID_CHARACTER_ERR", "InvalidCharacterError", 5),
    ("NO_DATA_ALLOWED_ERR", "", 6),
    (
        "NO_MODIFICATION_ALLOWED_ERR",
        "NoModificationAllowedError",
        7,
    ),
    ("NOT_FOUND_ERR", "NotFoundError", 8),
    ("NOT_SUPPORTED_ERR", "NotSupportedError", 9),
    ("INUSE_ATTRIBUTE_ERR", "InUseAttributeError", 10),
    ("INVALID_STATE_ERR", "InvalidStateError", 11),
    ("SYNTAX_ERR", "SyntaxError", 12),
    ("INVALID_MODIFICATION_ERR", "InvalidModificationError", 13),
    ("NAMESPACE_ERR", "NamespaceError", 14),
    ("INVALID_ACCESS_ERR", "InvalidAccessError", 15),
    ("VALIDATION_ERR", "", 16),
    ("TYPE_MISMATCH_ERR", "TypeMismatchError", 17),
    ("SECURITY_ERR", "SecurityError", 18),
    ("NETWORK_ERR", "NetworkError", 19),
    ("ABORT_ERR", "AbortError", 20),
    ("URL_MISMATCH_ERR", "URLMismatchError", 21),
    ("QUOTA_EXCEEDED_ERR", "QuotaExceededError", 22),
    ("TIMEOUT_ERR", "TimeoutError", 23),
    ("INVALID_NODE_TYPE_ERR", "InvalidNodeTypeError", 24),
    ("DATA_CLONE_ERR", "DataCloneError", 25),
];

/// A DOMException's name and message.
#[derive(Trace, Finalize)]
struct DomExceptionData {
    #[unsafe_ignore_trace]
    name: JsStr,
    #[unsafe_ignore_trace]
    message: JsStr,
}

impl ObjectData for DomExceptionData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "DOMException"
    }
}

/// The legacy code of an error name (0 for names without one).
fn legacy_code(name: &str) -> u32 {
    CODES
        .iter()
        .find(|(_, n, _)| !n.is_empty() && *n == name)
        .map_or(0, |(_, _, code)| *code)
}

/// A new DOMException with `message` and `name`, with a stack trace.
fn create(agent: &mut Agent, proto: Gc<JsObject>, message: JsStr, name: JsStr) -> Gc<JsObject> {
    let header = format!("{name}: {message}");
    let o = JsObject::with_kind(
        Some(proto),
        ObjectKind::Other(Box::new(DomExceptionData { name, message })),
    );
    let mut stack = header;
    for line in agent.stack_trace_lines() {
        stack.push('\n');
        stack.push_str(&line);
    }
    define_value(&o, "stack", Value::from(stack.as_str()), Attributes::METHOD);
    o
}

/// A DOMException named `name` to throw (`InvalidCharacterError`, …).
pub fn dom_exception(agent: &mut Agent, message: &str, name: &str) -> Throw {
    let proto = agent.intrinsics().get("DOMException.prototype");
    let o = create(agent, proto, JsStr::from(message), JsStr::from(name));
    Throw::new(Value::Object(o))
}

/// DOMException ( [ message [ , options ] ] )
fn constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let Some(new_target) = args.new_target else {
        return agent
            .throw_type_error("Class constructor DOMException cannot be invoked without 'new'");
    };
    let message = match args.arg(0) {
        Value::Undefined => JsStr::from(""),
        m => agent.to_string(&m)?,
    };
    let name = match args.arg(1) {
        Value::Undefined => JsStr::from("Error"),
        Value::Object(options) => {
            let name = agent.get(&options, &PropertyKey::from("name"))?;
            match name {
                Value::Undefined => JsStr::from("Error"),
                n => agent.to_string(&n)?,
            }
        }
        n => agent.to_string(&n)?,
    };
    let default = agent.intrinsics().get("DOMException.prototype");
    let proto = agent.get_prototype_from_constructor(new_target, default)?;
    Ok(Value::Object(create(agent, proto, message, name)))
}

fn this_data<'a>(agent: &mut Agent, this: &'a Value) -> JsResult<&'a DomExceptionData> {
    match this {
        Value::Object(o) => match o.data::<DomExceptionData>() {
            Some(d) => Ok(d),
            None => agent.throw_type_error("Value of \"this\" must be of type DOMException"),
        },
        _ => agent.throw_type_error("Value of \"this\" must be of type DOMException"),
    }
}

fn get_name(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::String(this_data(agent, args.this)?.name.clone()))
}

fn get_message(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::String(this_data(agent, args.this)?.message.clone()))
}

fn get_code(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let name = this_data(agent, args.this)?.name.to_rust_string();
    Ok(Value::Number(f64::from(legacy_code(&name))))
}

pub(super) fn install(agent: &mut Agent) {
    let error_prototype = agent.intrinsics().error_prototype.clone();
    let proto = JsObject::ordinary_create(Some(error_prototype));
    let ctor = agent.native_constructor("DOMException", 0, constructor, &proto);
    for (key, getter) in [
        ("name", get_name as crate::interp::function::NativeFn),
        ("message", get_message),
        ("code", get_code),
    ] {
        agent.define_accessor(&proto, PropertyKey::from(key), Some(getter), None);
    }
    for (constant, _, code) in CODES {
        for target in [&ctor, &proto] {
            target.define_own_property(
                PropertyKey::from(constant),
                PropertyDescriptor::data(
                    Value::Number(f64::from(code)),
                    crate::interp::native::FIXED,
                ),
            );
        }
    }
    agent.define_to_string_tag(&proto, "DOMException");
    agent.intrinsics().register("DOMException.prototype", proto);
    let global = agent.global_object();
    define_value(
        &global,
        "DOMException",
        Value::Object(ctor),
        Attributes::METHOD,
    );
}
