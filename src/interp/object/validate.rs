//! ValidateAndApplyPropertyDescriptor, shared by ordinary and exotic
//! [[DefineOwnProperty]] methods.

use super::{same_object, Attributes, Property, PropertyDescriptor, Value};

/// ValidateAndApplyPropertyDescriptor ( O, P, extensible, Desc, current ) —
/// <https://tc39.es/ecma262/#sec-validateandapplypropertydescriptor>
///
/// Returns the property to store, or `None` when the change is refused
/// (the spec's `false`). Storing is the caller's part (step 2.c–d and 6).
pub(crate) fn validate_and_apply_property_descriptor(
    extensible: bool,
    desc: PropertyDescriptor,
    current: Option<Property>,
) -> Option<Property> {
    // 2. If current is undefined, then
    let Some(current) = current else {
        // a. If extensible is false, return false.
        if !extensible {
            return None;
        }
        // c. If IsAccessorDescriptor(Desc) is true, then create an own
        //    accessor property; d. Else, create an own data property;
        //    absent fields get their default values.
        let attrs = Attributes {
            writable: desc.writable.unwrap_or(false),
            enumerable: desc.enumerable.unwrap_or(false),
            configurable: desc.configurable.unwrap_or(false),
        };
        let property = if desc.is_accessor() {
            Property::accessor(desc.get.flatten(), desc.set.flatten(), attrs)
        } else {
            Property::Data {
                value: desc.value.unwrap_or(Value::Undefined),
                attrs,
            }
        };
        // e. Return true.
        return Some(property);
    };
    // 3. Assert: current is a fully populated Property Descriptor.
    // 4. If Desc does not have any fields, return true.
    let cur_attrs = current.attrs();
    // 5. If current.[[Configurable]] is false, then
    if !cur_attrs.configurable {
        // a. If Desc has a [[Configurable]] field and Desc.[[Configurable]] is true, return false.
        if desc.configurable == Some(true) {
            return None;
        }
        // b. If Desc has an [[Enumerable]] field and it differs from current's, return false.
        if desc.enumerable.is_some_and(|e| e != cur_attrs.enumerable) {
            return None;
        }
        // c. If IsGenericDescriptor(Desc) is false and IsAccessorDescriptor(Desc)
        //    is not IsAccessorDescriptor(current), return false.
        let current_is_accessor = matches!(current, Property::Accessor { .. });
        if !desc.is_generic() && desc.is_accessor() != current_is_accessor {
            return None;
        }
        match &current {
            // d. If IsAccessorDescriptor(current) is true, then
            Property::Accessor(a) => {
                // i. If Desc has a [[Get]] field and SameValue(Desc.[[Get]], current.[[Get]]) is false, return false.
                if desc.get.as_ref().is_some_and(|g| !same_object(g, &a.get)) {
                    return None;
                }
                // ii. If Desc has a [[Set]] field and SameValue(Desc.[[Set]], current.[[Set]]) is false, return false.
                if desc.set.as_ref().is_some_and(|s| !same_object(s, &a.set)) {
                    return None;
                }
            }
            // e. Else if current.[[Writable]] is false, then
            Property::Data { value, attrs } if !attrs.writable => {
                // i. If Desc has a [[Writable]] field and Desc.[[Writable]] is true, return false.
                if desc.writable == Some(true) {
                    return None;
                }
                // ii. If Desc has a [[Value]] field and SameValue(Desc.[[Value]], current.[[Value]]) is false, return false.
                if desc.value.as_ref().is_some_and(|v| !v.same_value(value)) {
                    return None;
                }
            }
            Property::Data { .. } => {}
        }
    }
    // 6. If O is not undefined, then
    let enumerable = desc.enumerable.unwrap_or(cur_attrs.enumerable);
    let configurable = desc.configurable.unwrap_or(cur_attrs.configurable);
    let updated = match current {
        // a. If IsDataDescriptor(current) is true and IsAccessorDescriptor(Desc)
        //    is true, replace with an accessor property, keeping
        //    [[Configurable]] and [[Enumerable]] unless Desc sets them.
        Property::Data { .. } if desc.is_accessor() => Property::accessor(
            desc.get.flatten(),
            desc.set.flatten(),
            Attributes {
                writable: false,
                enumerable,
                configurable,
            },
        ),
        // b. Else if IsAccessorDescriptor(current) is true and
        //    IsDataDescriptor(Desc) is true, replace with a data property.
        Property::Accessor { .. } if desc.is_data() => Property::Data {
            value: desc.value.unwrap_or(Value::Undefined),
            attrs: Attributes {
                writable: desc.writable.unwrap_or(false),
                enumerable,
                configurable,
            },
        },
        // c. Else, set each field of Desc on the property.
        Property::Data { value, attrs } => Property::Data {
            value: desc.value.unwrap_or(value),
            attrs: Attributes {
                writable: desc.writable.unwrap_or(attrs.writable),
                enumerable,
                configurable,
            },
        },
        Property::Accessor(a) => Property::accessor(
            desc.get.unwrap_or(a.get),
            desc.set.unwrap_or(a.set),
            Attributes {
                writable: false,
                enumerable,
                configurable,
            },
        ),
    };
    // 7. Return true.
    Some(updated)
}
