//! The proxy internal methods about own properties: [[GetOwnProperty]] and
//! [[DefineOwnProperty]] (ECMA-262 §10.5.5–§10.5.6).

use gc::Gc;

use super::{invariant_error, proxy_trap, quoted};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::object::{validate_and_apply_property_descriptor, JsObject};
use crate::interp::ops::conversion::to_boolean;
use crate::interp::property::{Property, PropertyDescriptor, PropertyKey};
use crate::interp::value::Value;

/// IsCompatiblePropertyDescriptor ( Extensible, Desc, Current ) —
/// <https://tc39.es/ecma262/#sec-iscompatiblepropertydescriptor>
fn is_compatible_property_descriptor(
    extensible: bool,
    desc: PropertyDescriptor,
    current: Option<Property>,
) -> bool {
    // 1. Return ValidateAndApplyPropertyDescriptor(undefined, "", Extensible, Desc, Current).
    validate_and_apply_property_descriptor(extensible, desc, current).is_some()
}

/// CompletePropertyDescriptor ( Desc ) —
/// <https://tc39.es/ecma262/#sec-completepropertydescriptor>: the absent
/// fields take their default values.
fn complete_property_descriptor(desc: PropertyDescriptor) -> Property {
    // Creating a property on an extensible object with no current property
    // fills in exactly the defaults CompletePropertyDescriptor gives.
    validate_and_apply_property_descriptor(true, desc, None)
        .expect("a new property on an extensible object is always valid")
}

/// [[GetOwnProperty]] ( P ) —
/// <https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p>
pub fn proxy_get_own_property(
    agent: &mut Agent,
    o: &Gc<JsObject>,
    key: &PropertyKey,
) -> JsResult<Option<Property>> {
    const TRAP: &str = "getOwnPropertyDescriptor";
    // 1–4. Validate O; target, handler; trap be ? GetMethod(handler, "getOwnPropertyDescriptor").
    let (target, handler, trap) = proxy_trap(agent, o, TRAP)?;
    // 5. If trap is undefined, return ? target.[[GetOwnProperty]](P).
    let Some(trap) = trap else {
        return agent.get_own_property(&target, key);
    };
    // 6. Let trapResultObj be ? Call(trap, handler, « target, P »).
    let trap_result_obj = agent.call(
        &trap,
        &Value::Object(handler),
        &[Value::Object(target.clone()), key.to_value()],
    )?;
    // 7. If trapResultObj is not an Object and trapResultObj is not undefined, throw a TypeError exception.
    if !matches!(trap_result_obj, Value::Object(_) | Value::Undefined) {
        return invariant_error(
            agent,
            TRAP,
            format!(
                "trap returned neither object nor undefined for property '{}'",
                quoted(key)
            ),
        );
    }
    // 8. Let targetDesc be ? target.[[GetOwnProperty]](P).
    let target_desc = agent.get_own_property(&target, key)?;
    // 9. If trapResultObj is undefined, then
    if trap_result_obj.is_undefined() {
        // a. If targetDesc is undefined, return undefined.
        let Some(target_desc) = target_desc else {
            return Ok(None);
        };
        // b. If targetDesc.[[Configurable]] is false, throw a TypeError exception.
        if !target_desc.configurable() {
            return invariant_error(
                agent,
                TRAP,
                format!(
                    "trap returned undefined for property '{}' which is non-configurable in the proxy target",
                    quoted(key)
                ),
            );
        }
        // c. Let extensibleTarget be ? IsExtensible(target).
        // d. If extensibleTarget is false, throw a TypeError exception.
        if !agent.is_extensible(&target)? {
            return invariant_error(
                agent,
                TRAP,
                format!(
                    "trap returned undefined for property '{}' which exists in the non-extensible proxy target",
                    quoted(key)
                ),
            );
        }
        // e. Return undefined.
        return Ok(None);
    }
    // 10. Let extensibleTarget be ? IsExtensible(target).
    let extensible_target = agent.is_extensible(&target)?;
    // 11. Let resultDesc be ? ToPropertyDescriptor(trapResultObj).
    let result_desc = agent.to_property_descriptor(&trap_result_obj)?;
    // 12. Perform CompletePropertyDescriptor(resultDesc).
    let result = complete_property_descriptor(result_desc);
    // 13. Let valid be IsCompatiblePropertyDescriptor(extensibleTarget, resultDesc, targetDesc).
    // 14. If valid is false, throw a TypeError exception.
    if !is_compatible_property_descriptor(
        extensible_target,
        result.to_descriptor(),
        target_desc.clone(),
    ) {
        return invariant_error(
            agent,
            TRAP,
            format!(
                "trap returned descriptor for property '{}' that is incompatible with the existing property in the proxy target",
                quoted(key)
            ),
        );
    }
    // 15. If resultDesc.[[Configurable]] is false, then
    if !result.configurable() {
        // a. If targetDesc is undefined or targetDesc.[[Configurable]] is true, then
        let target_desc = match target_desc {
            Some(d) if !d.configurable() => d,
            // i. Throw a TypeError exception.
            _ => {
                return invariant_error(
                    agent,
                    TRAP,
                    format!(
                        "trap reported non-configurability for property '{}' which is either non-existent or configurable in the proxy target",
                        quoted(key)
                    ),
                )
            }
        };
        // b. If resultDesc has a [[Writable]] field and resultDesc.[[Writable]] is false, then
        if let Property::Data { attrs, .. } = &result {
            if !attrs.writable {
                // i. Assert: targetDesc has a [[Writable]] field.
                // ii. If targetDesc.[[Writable]] is true, throw a TypeError exception.
                if let Property::Data { attrs, .. } = &target_desc {
                    if attrs.writable {
                        return invariant_error(
                            agent,
                            TRAP,
                            format!(
                                "trap reported non-configurable and writable for property '{}' which is non-configurable, non-writable in the proxy target",
                                quoted(key)
                            ),
                        );
                    }
                }
            }
        }
    }
    // 16. Return resultDesc.
    Ok(Some(result))
}

/// [[DefineOwnProperty]] ( P, Desc ) —
/// <https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc>
pub fn proxy_define_own_property(
    agent: &mut Agent,
    o: &Gc<JsObject>,
    key: PropertyKey,
    desc: PropertyDescriptor,
) -> JsResult<bool> {
    const TRAP: &str = "defineProperty";
    // 1–4. Validate O; target, handler; trap be ? GetMethod(handler, "defineProperty").
    let (target, handler, trap) = proxy_trap(agent, o, TRAP)?;
    // 5. If trap is undefined, return ? target.[[DefineOwnProperty]](P, Desc).
    let Some(trap) = trap else {
        return agent.define_own_property(&target, key, desc);
    };
    // 6. Let descObj be FromPropertyDescriptor(Desc).
    let desc_obj = agent.from_property_descriptor(Some(desc.clone()))?;
    // 7. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target, P, descObj »)).
    let result = agent.call(
        &trap,
        &Value::Object(handler),
        &[Value::Object(target.clone()), key.to_value(), desc_obj],
    )?;
    // 8. If booleanTrapResult is false, return false.
    if !to_boolean(&result) {
        return Ok(false);
    }
    // 9. Let targetDesc be ? target.[[GetOwnProperty]](P).
    let target_desc = agent.get_own_property(&target, &key)?;
    // 10. Let extensibleTarget be ? IsExtensible(target).
    let extensible_target = agent.is_extensible(&target)?;
    // 11. If Desc has a [[Configurable]] field and Desc.[[Configurable]] is
    //     false, let settingConfigFalse be true; otherwise false.
    let setting_config_false = desc.configurable == Some(false);
    match target_desc {
        // 12. If targetDesc is undefined, then
        None => {
            // a. If extensibleTarget is false, throw a TypeError exception.
            if !extensible_target {
                return invariant_error(
                    agent,
                    TRAP,
                    format!(
                        "trap returned truish for adding property '{}'  to the non-extensible proxy target",
                        quoted(&key)
                    ),
                );
            }
            // b. If settingConfigFalse is true, throw a TypeError exception.
            if setting_config_false {
                return invariant_error(agent, TRAP, non_configurable_message(&key));
            }
        }
        // 13. Else,
        Some(target_desc) => {
            // a. If IsCompatiblePropertyDescriptor(extensibleTarget, Desc,
            //    targetDesc) is false, throw a TypeError exception.
            if !is_compatible_property_descriptor(
                extensible_target,
                desc.clone(),
                Some(target_desc.clone()),
            ) {
                return invariant_error(
                    agent,
                    TRAP,
                    format!(
                        "trap returned truish for adding property '{}'  that is incompatible with the existing property in the proxy target",
                        quoted(&key)
                    ),
                );
            }
            // b. If settingConfigFalse is true and targetDesc.[[Configurable]]
            //    is true, throw a TypeError exception.
            if setting_config_false && target_desc.configurable() {
                return invariant_error(agent, TRAP, non_configurable_message(&key));
            }
            // c. If IsDataDescriptor(targetDesc) is true, targetDesc.[[Configurable]]
            //    is false, and targetDesc.[[Writable]] is true, then
            if let Property::Data { attrs, .. } = &target_desc {
                if !attrs.configurable && attrs.writable {
                    // i. If Desc has a [[Writable]] field and Desc.[[Writable]]
                    //    is false, throw a TypeError exception.
                    if desc.writable == Some(false) {
                        return invariant_error(
                            agent,
                            TRAP,
                            format!(
                                "trap returned truish for defining non-configurable property '{}' which cannot be non-writable, unless there exists a corresponding non-configurable, non-writable own property of the target object.",
                                quoted(&key)
                            ),
                        );
                    }
                }
            }
        }
    }
    // 14. Return true.
    Ok(true)
}

fn non_configurable_message(key: &PropertyKey) -> String {
    format!(
        "trap returned truish for defining non-configurable property '{}' which is either non-existent or configurable in the proxy target",
        quoted(key)
    )
}
