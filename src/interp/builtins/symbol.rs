//! Symbol objects (ECMA-262 §20.4).

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::native::define_value;
use crate::interp::object::ObjectKind;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::{Symbol, Value};

/// Symbol ( [ description ] ) — <https://tc39.es/ecma262/#sec-symbol-description>
fn symbol_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If NewTarget is not undefined, throw a TypeError exception.
    if args.new_target.is_some() {
        return agent.throw_type_error("Symbol is not a constructor");
    }
    // 2–3. Let descString be undefined or ? ToString(description).
    let description = match args.arg(0) {
        Value::Undefined => None,
        d => Some(agent.to_string(&d)?),
    };
    // 4. Return a new Symbol whose [[Description]] is descString.
    Ok(Value::Symbol(Symbol::new(description)))
}

/// Symbol.for ( key ) — <https://tc39.es/ecma262/#sec-symbol.for>
fn symbol_for(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let key = agent.to_string(&args.arg(0))?;
    if let Some(s) = agent.symbol_registry.get(&key) {
        return Ok(Value::Symbol(s.clone()));
    }
    let s = Symbol::new(Some(key.clone()));
    agent.symbol_registry.insert(key, s.clone());
    Ok(Value::Symbol(s))
}

/// Symbol.keyFor ( sym ) — <https://tc39.es/ecma262/#sec-symbol.keyfor>
fn symbol_key_for(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let Value::Symbol(sym) = args.arg(0) else {
        let shown = agent.to_display_string(&args.arg(0));
        return agent.throw_type_error(format!("{shown} is not a symbol"));
    };
    for (key, s) in &agent.symbol_registry {
        if Gc::ptr_eq(s, &sym) {
            return Ok(Value::String(key.clone()));
        }
    }
    Ok(Value::Undefined)
}

/// ThisSymbolValue ( value ) — <https://tc39.es/ecma262/#sec-thissymbolvalue>
fn this_symbol_value(agent: &mut Agent, v: &Value, method: &str) -> JsResult<Gc<Symbol>> {
    match v {
        Value::Symbol(s) => Ok(s.clone()),
        Value::Object(o) => match &o.kind {
            ObjectKind::Symbol(s) => Ok(s.clone()),
            _ => agent.throw_type_error(format!("{method} requires that 'this' be a Symbol")),
        },
        _ => agent.throw_type_error(format!("{method} requires that 'this' be a Symbol")),
    }
}

/// SymbolDescriptiveString ( sym ) — <https://tc39.es/ecma262/#sec-symboldescriptivestring>
pub fn symbol_descriptive_string(sym: &Symbol) -> JsStr {
    let desc = sym
        .description
        .as_ref()
        .map(|d| d.to_rust_string())
        .unwrap_or_default();
    JsStr::from(format!("Symbol({desc})"))
}

fn symbol_to_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_symbol_value(agent, args.this, "Symbol.prototype.toString")?;
    Ok(Value::String(symbol_descriptive_string(&s)))
}

fn symbol_value_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Symbol(this_symbol_value(
        agent,
        args.this,
        "Symbol.prototype.valueOf",
    )?))
}

fn symbol_description(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_symbol_value(agent, args.this, "Symbol.prototype.description")?;
    Ok(s.description
        .clone()
        .map(Value::String)
        .unwrap_or(Value::Undefined))
}

pub fn install(agent: &mut Agent) {
    let proto = agent.intrinsics().symbol_prototype.clone();
    let ctor = agent.native_constructor("Symbol", 0, symbol_constructor, &proto);
    agent.define_method(&ctor, "for", 1, symbol_for);
    agent.define_method(&ctor, "keyFor", 1, symbol_key_for);
    for (name, symbol) in agent.symbols.all() {
        define_value(
            &ctor,
            name,
            Value::Symbol(symbol),
            crate::interp::native::FIXED,
        );
    }
    agent.define_method(&proto, "toString", 0, symbol_to_string);
    agent.define_method(&proto, "valueOf", 0, symbol_value_of);
    agent.define_accessor(
        &proto,
        PropertyKey::from("description"),
        Some(symbol_description),
        None,
    );
    let to_primitive = agent.symbols.to_primitive.clone();
    let f = agent.native_function("[Symbol.toPrimitive]", 1, symbol_value_of);
    proto.define_own_property(
        PropertyKey::Symbol(to_primitive),
        PropertyDescriptor::data(
            Value::Object(f),
            Attributes {
                writable: false,
                enumerable: false,
                configurable: true,
            },
        ),
    );
    let tag = PropertyKey::Symbol(agent.symbols.to_string_tag.clone());
    proto.define_own_property(
        tag,
        PropertyDescriptor::data(
            Value::from("Symbol"),
            Attributes {
                writable: false,
                enumerable: false,
                configurable: true,
            },
        ),
    );
}
