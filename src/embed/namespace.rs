//! Reading a module namespace object from Rust.

use gc::Gc;

use super::error::{Error, Result};
use super::runtime::Runtime;
use super::value::JsValue;
use crate::interp::object::JsObject;
use crate::interp::property::PropertyKey;

/// A module's namespace: its exports by name (live bindings).
pub struct Namespace {
    pub(crate) object: Gc<JsObject>,
}

impl Namespace {
    /// The export names, sorted as the namespace sorts them.
    pub fn keys(&self) -> Vec<String> {
        self.object
            .own_property_keys()
            .into_iter()
            .filter_map(|k| match k {
                PropertyKey::String(s) => Some(s.to_rust_string()),
                PropertyKey::Index(i) => Some(i.to_string()),
                PropertyKey::Symbol(_) => None,
            })
            .collect()
    }

    /// The current value of export `name` (a ReferenceError in its TDZ).
    pub fn get(&self, rt: &mut Runtime, name: &str) -> Result<JsValue> {
        let object = self.object.clone();
        let v = rt.guarded(|agent| agent.get(&object, &PropertyKey::from(name)))?;
        Ok(JsValue::from_value(&v))
    }

    /// Export `name` as a number (a type error names the export otherwise).
    pub fn get_number(&self, rt: &mut Runtime, name: &str) -> Result<f64> {
        let v = self.get(rt, name)?;
        v.as_number().ok_or_else(|| wrong_type(name, "number", &v))
    }

    pub fn get_string(&self, rt: &mut Runtime, name: &str) -> Result<String> {
        let v = self.get(rt, name)?;
        v.as_str()
            .map(str::to_string)
            .ok_or_else(|| wrong_type(name, "string", &v))
    }

    pub fn get_bool(&self, rt: &mut Runtime, name: &str) -> Result<bool> {
        let v = self.get(rt, name)?;
        v.as_bool().ok_or_else(|| wrong_type(name, "boolean", &v))
    }

    /// Calls exported function `name` with `args`.
    pub fn call(&self, rt: &mut Runtime, name: &str, args: &[JsValue]) -> Result<JsValue> {
        let f = self.get(rt, name)?;
        rt.call(&f, args)
    }

    /// The namespace object itself.
    pub fn as_value(&self) -> JsValue {
        JsValue::Object(super::value::ObjectRef(self.object.clone()))
    }
}

fn wrong_type(name: &str, expected: &str, got: &JsValue) -> Error {
    Error::vm(
        "ERR_INVALID_ARG_TYPE",
        format!("The export \"{name}\" must be of type {expected}. Received {got:?}"),
    )
}
