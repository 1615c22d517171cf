//! TypedArray objects (ECMA-262 §23.2): the %TypedArray% intrinsic, its
//! prototype's methods (split over the files here) and the concrete
//! constructors, one per element type. BigInt64Array and BigUint64Array
//! are missing until vmjs has BigInt values.

mod access;
mod callbacks;
mod constructor;
mod getters;
mod mutation;
mod object;
mod sort;
mod statics;
mod uint8_base64;
mod views;

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::builtins::array_buffer::element_type::ElementType;
use crate::interp::native::{define_value, FIXED};
use crate::interp::object::JsObject;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::value::Value;
pub use object::{is_typed_array, TypedArrayData};

pub fn install(agent: &mut Agent) {
    // %TypedArray% and %TypedArray.prototype%.
    let proto = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
    let intrinsic = agent.native_function_with(
        "TypedArray",
        0,
        constructor::typed_array_intrinsic,
        true,
        Vec::new(),
    );
    link(&intrinsic, &proto);
    agent.intrinsics().register("TypedArray", intrinsic.clone());
    agent
        .intrinsics()
        .register("TypedArray.prototype", proto.clone());
    agent.define_species(&intrinsic);
    statics::install(agent, &intrinsic);
    getters::install(agent, &proto);
    access::install(agent, &proto);
    callbacks::install(agent, &proto);
    mutation::install(agent, &proto);
    sort::install(agent, &proto);
    views::install(agent, &proto);

    // The concrete constructors (§23.2.6–§23.2.7).
    for (i, element) in ElementType::ALL.into_iter().enumerate() {
        install_concrete(agent, &intrinsic, &proto, i, element);
    }
    uint8_base64::install(agent);
}

/// `C.prototype` and `C.prototype.constructor`.
fn link(ctor: &Gc<JsObject>, proto: &Gc<JsObject>) {
    ctor.define_own_property(
        PropertyKey::from("prototype"),
        PropertyDescriptor::data(Value::Object(proto.clone()), FIXED),
    );
    proto.define_own_property(
        PropertyKey::from("constructor"),
        PropertyDescriptor::data(Value::Object(ctor.clone()), Attributes::METHOD),
    );
}

fn install_concrete(
    agent: &mut Agent,
    intrinsic: &Gc<JsObject>,
    typed_array_prototype: &Gc<JsObject>,
    index: usize,
    element: ElementType,
) {
    let name = element.constructor_name();
    let proto = JsObject::ordinary_create(Some(typed_array_prototype.clone()));
    let ctor = agent.native_function_with(
        name,
        3,
        constructor::typed_array_constructor,
        true,
        vec![Value::Number(index as f64)],
    );
    // §23.2.6: the [[Prototype]] of each constructor is %TypedArray%.
    JsObject::set_prototype_of(&ctor, Some(intrinsic.clone()));
    link(&ctor, &proto);
    // TypedArray.BYTES_PER_ELEMENT and TypedArray.prototype.BYTES_PER_ELEMENT.
    let size = Value::Number(element.size() as f64);
    define_value(&ctor, "BYTES_PER_ELEMENT", size.clone(), FIXED);
    define_value(&proto, "BYTES_PER_ELEMENT", size, FIXED);
    agent.intrinsics().register(name, ctor.clone());
    agent
        .intrinsics()
        .register(constructor::prototype_name(element), proto);
    let global = agent.global_object();
    define_value(&global, name, Value::Object(ctor), Attributes::METHOD);
}

/// The current length of a typed array: `None` for other objects,
/// `Some(None)` when out of bounds or detached.
pub fn typed_array_length(o: &JsObject) -> Option<Option<usize>> {
    o.data::<TypedArrayData>().map(TypedArrayData::length)
}
