//! The `Buffer` function and `Buffer.prototype`, made once per realm on
//! first use; the `Buffer` global of `vmjs run` (an accessor, as Node's
//! is); and the binding object behind `node:buffer`.

use gc::Gc;

use super::errors::K_MAX_LENGTH;
use super::{numbers, prototype, search, statics};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::{CallArgs, NativeFn};
use crate::interp::inspect::CUSTOM_INSPECT_KEY;
use crate::interp::native::define_value;
use crate::interp::object::JsObject;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::{Symbol, Value};
use crate::node::globals::invalid_arg_type;

/// `INSPECT_MAX_BYTES`: how many bytes `util.inspect` shows of a Buffer.
pub const INSPECT_MAX_BYTES: usize = 50;

/// `Buffer(arg, encodingOrOffset, length)`, called or constructed: a number
/// allocates a zero-filled Buffer, anything else goes to `Buffer.from`.
// Deviation: Node prints DEP0005's deprecation warning once; vmjs does not.
fn buffer(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let arg = args.arg(0);
    if let Value::Number(_) = arg {
        if let Value::String(_) = args.arg(1) {
            return Err(invalid_arg_type(agent, "string", "string", &arg));
        }
        return statics::alloc_zeroed(agent, &arg);
    }
    statics::buffer_from(agent, &arg, &args.arg(1), &args.arg(2))
}

/// The realm's `Buffer` function, made on first use.
pub fn buffer_constructor(agent: &mut Agent) -> Gc<JsObject> {
    if let Some(ctor) = agent.intrinsics().try_get("Buffer") {
        return ctor;
    }
    let (ctor, proto) = uint8_array_subclass(agent, "Buffer", 3, buffer);
    agent.intrinsics().register("Buffer", ctor.clone());
    agent
        .intrinsics()
        .register("Buffer.prototype", proto.clone());
    define_value(
        &ctor,
        "poolSize",
        Value::Number(8192.0),
        Attributes {
            writable: true,
            enumerable: true,
            configurable: true,
        },
    );
    statics::install(agent, &ctor);
    numbers::install(agent, &proto);
    prototype::install(agent, &proto);
    search::install(agent, &proto);
    let custom = inspect_custom_symbol(agent);
    let inspect = agent.define_method(&proto, "inspect", 2, prototype::inspect);
    proto.define_own_property(
        PropertyKey::Symbol(custom),
        PropertyDescriptor::data(Value::Object(inspect), Attributes::METHOD),
    );
    ctor
}

/// The realm's `Buffer.prototype`.
pub fn buffer_prototype(agent: &mut Agent) -> Gc<JsObject> {
    if let Some(proto) = agent.intrinsics().try_get("Buffer.prototype") {
        return proto;
    }
    buffer_constructor(agent);
    agent.intrinsics().get("Buffer.prototype")
}

/// `Symbol.for('nodejs.util.inspect.custom')`.
fn inspect_custom_symbol(agent: &mut Agent) -> Gc<Symbol> {
    let key = JsStr::from(CUSTOM_INSPECT_KEY);
    if let Some(s) = agent.symbol_registry.get(&key) {
        return s.clone();
    }
    let s = Symbol::new(Some(key.clone()));
    agent.symbol_registry.insert(key, s.clone());
    s
}

/// The key under which the global accessor's holder keeps an assigned value.
const ASSIGNED: &str = "assigned";

/// `get Buffer` on the global object: the value assigned to the global,
/// or else the Buffer function.
fn get_global(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    if let Value::Object(holder) = args.capture(0) {
        if let Some(value) = holder.get_own_data_value(&PropertyKey::from(ASSIGNED)) {
            return Ok(value);
        }
    }
    Ok(Value::Object(buffer_constructor(agent)))
}

/// `set Buffer` on the global object: the getter returns the value from
/// now on (the property stays an accessor, as Node's does).
fn set_global(_: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    if let Value::Object(holder) = args.capture(0) {
        define_value(&holder, ASSIGNED, args.arg(0), Attributes::ALL);
    }
    Ok(Value::Undefined)
}

/// Defines the `Buffer` global of `vmjs run`: an accessor, as in Node,
/// whose getter makes the function on first use.
pub fn install_global(agent: &mut Agent) {
    let global = agent.global_object();
    let holder = Value::Object(JsObject::ordinary_create(None));
    let get = agent.native_function_with("get", 0, get_global, false, vec![holder.clone()]);
    let set = agent.native_function_with("set", 1, set_global, false, vec![holder]);
    global.define_own_property(
        PropertyKey::from("Buffer"),
        PropertyDescriptor {
            get: Some(Some(get)),
            set: Some(Some(set)),
            enumerable: Some(false),
            configurable: Some(true),
            ..Default::default()
        },
    );
}

/// `SlowBuffer` (deprecated): a function with a prototype of its own that
/// inherits from `Uint8Array.prototype`, as in Node; it makes Buffers.
fn slow_buffer_constructor(agent: &mut Agent) -> Gc<JsObject> {
    let (slow, _) = uint8_array_subclass(agent, "SlowBuffer", 1, statics::slow_buffer);
    slow
}

/// A constructor `name` whose own prototype inherits from
/// `Uint8Array.prototype` (as a class extending Uint8Array makes them):
/// `prototype` writable, neither enumerable nor configurable, and the
/// prototype's `constructor` pointing back.
fn uint8_array_subclass(
    agent: &mut Agent,
    name: &str,
    length: u32,
    call: NativeFn,
) -> (Gc<JsObject>, Gc<JsObject>) {
    let uint8_array = agent.intrinsics().get("Uint8Array");
    let uint8_proto = agent.intrinsics().get("Uint8Array.prototype");
    let proto = JsObject::ordinary_create(Some(uint8_proto));
    let ctor = agent.native_function_with(name, length, call, true, Vec::new());
    JsObject::set_prototype_of(&ctor, Some(uint8_array));
    define_value(
        &ctor,
        "prototype",
        Value::Object(proto.clone()),
        Attributes {
            writable: true,
            enumerable: false,
            configurable: false,
        },
    );
    define_value(
        &proto,
        "constructor",
        Value::Object(ctor.clone()),
        Attributes::METHOD,
    );
    (ctor, proto)
}

/// The object `node:buffer` re-exports: `Buffer`, `SlowBuffer`,
/// `constants`, `kMaxLength`, `kStringMaxLength`, `INSPECT_MAX_BYTES`,
/// `atob`, `btoa`, `isUtf8` and `isAscii`.
pub fn binding(agent: &mut Agent) -> Gc<JsObject> {
    let ctor = buffer_constructor(agent);
    let object_proto = agent.intrinsics().object_prototype.clone();
    let binding = JsObject::ordinary_create(Some(object_proto.clone()));
    define_value(&binding, "Buffer", Value::Object(ctor), Attributes::ALL);
    let slow = slow_buffer_constructor(agent);
    define_value(&binding, "SlowBuffer", Value::Object(slow), Attributes::ALL);
    let max_length = Value::Number(K_MAX_LENGTH);
    let max_string = Value::Number(JsStr::MAX_LENGTH as f64);
    let constants = JsObject::ordinary_create(Some(object_proto));
    define_value(
        &constants,
        "MAX_LENGTH",
        max_length.clone(),
        Attributes::ALL,
    );
    define_value(
        &constants,
        "MAX_STRING_LENGTH",
        max_string.clone(),
        Attributes::ALL,
    );
    define_value(
        &binding,
        "constants",
        Value::Object(constants),
        Attributes::ALL,
    );
    define_value(&binding, "kMaxLength", max_length, Attributes::ALL);
    define_value(&binding, "kStringMaxLength", max_string, Attributes::ALL);
    define_value(
        &binding,
        "INSPECT_MAX_BYTES",
        Value::Number(INSPECT_MAX_BYTES as f64),
        Attributes::ALL,
    );
    for name in ["atob", "btoa"] {
        let f = crate::node::globals::base64_function(agent, name);
        define_value(&binding, name, Value::Object(f), Attributes::ALL);
    }
    agent.define_method(&binding, "isUtf8", 1, statics::is_utf8);
    agent.define_method(&binding, "isAscii", 1, statics::is_ascii);
    binding
}
