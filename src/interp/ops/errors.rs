//! Creating and throwing the native errors (§20.5.5, §20.5.6) from Rust.

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::value::Value;

/// The native error types.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    Error,
    TypeError,
    RangeError,
    ReferenceError,
    SyntaxError,
    EvalError,
    URIError,
    AggregateError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Error => "Error",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::RangeError => "RangeError",
            ErrorKind::ReferenceError => "ReferenceError",
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::EvalError => "EvalError",
            ErrorKind::URIError => "URIError",
            ErrorKind::AggregateError => "AggregateError",
        }
    }
}

impl Agent {
    /// The prototype of a native error type in the current realm.
    pub fn error_prototype(&self, kind: ErrorKind) -> Gc<JsObject> {
        let i = self.intrinsics();
        match kind {
            ErrorKind::Error => i.error_prototype.clone(),
            ErrorKind::TypeError => i.type_error_prototype.clone(),
            ErrorKind::RangeError => i.range_error_prototype.clone(),
            ErrorKind::ReferenceError => i.reference_error_prototype.clone(),
            ErrorKind::SyntaxError => i.syntax_error_prototype.clone(),
            ErrorKind::EvalError => i.eval_error_prototype.clone(),
            ErrorKind::URIError => i.uri_error_prototype.clone(),
            ErrorKind::AggregateError => i.aggregate_error_prototype.clone(),
        }
    }

    /// A new error object with the given prototype and message, and a
    /// `stack` captured from the current execution-context stack.
    pub fn create_error_object(
        &mut self,
        prototype: Gc<JsObject>,
        message: Option<&str>,
    ) -> Gc<JsObject> {
        let error = JsObject::with_kind(Some(prototype), ObjectKind::Error);
        if let Some(message) = message {
            error.define_own_property(
                PropertyKey::from("message"),
                PropertyDescriptor::data(Value::from(message), Attributes::METHOD),
            );
        }
        self.install_stack(&error);
        error
    }

    /// Defines `stack` on an error: its header (`String(e)` as far as it can
    /// be computed without running code) and `    at LOCATION` lines.
    pub fn install_stack(&mut self, error: &Gc<JsObject>) {
        let header = self.error_header(error);
        let mut stack = header;
        for line in self.stack_trace_lines() {
            stack.push('\n');
            stack.push_str(&line);
        }
        error.define_own_property(
            PropertyKey::from("stack"),
            PropertyDescriptor::data(Value::from(stack.as_str()), Attributes::METHOD),
        );
    }

    /// `name: message` read from own/inherited data properties only.
    fn error_header(&self, error: &Gc<JsObject>) -> String {
        let read = |key: &str| -> Option<String> {
            let key = PropertyKey::from(key);
            let mut o = Some(error.clone());
            while let Some(obj) = o {
                if let Some(v) = obj.get_own_data_value(&key) {
                    return match v {
                        Value::String(s) => Some(s.to_rust_string()),
                        _ => None,
                    };
                }
                o = obj.get_prototype_of();
            }
            None
        };
        let name = read("name").unwrap_or_else(|| "Error".into());
        match read("message") {
            Some(m) if !m.is_empty() => format!("{name}: {m}"),
            _ => name,
        }
    }

    /// `    at NAME (LOCATION)` / `    at LOCATION` for each active frame, innermost first.
    pub fn stack_trace_lines(&self) -> Vec<String> {
        self.stack
            .iter()
            .rev()
            .take(10)
            .map(|frame| {
                let location = frame.source.location(frame.position.get());
                let name = frame
                    .function
                    .as_ref()
                    .and_then(|f| f.get_own_data_value(&PropertyKey::from("name")))
                    .map(|v| match v {
                        Value::String(s) => s.to_rust_string(),
                        _ => String::new(),
                    })
                    .unwrap_or_default();
                if name.is_empty() {
                    format!("    at {location}")
                } else {
                    format!("    at {name} ({location})")
                }
            })
            .collect()
    }

    /// A new native error of `kind` as a thrown completion.
    pub fn error(&mut self, kind: ErrorKind, message: impl AsRef<str>) -> Throw {
        let proto = self.error_prototype(kind);
        Throw(Value::Object(
            self.create_error_object(proto, Some(message.as_ref())),
        ))
    }

    pub fn type_error(&mut self, message: impl AsRef<str>) -> Throw {
        self.error(ErrorKind::TypeError, message)
    }

    pub fn range_error(&mut self, message: impl AsRef<str>) -> Throw {
        self.error(ErrorKind::RangeError, message)
    }

    pub fn reference_error(&mut self, message: impl AsRef<str>) -> Throw {
        self.error(ErrorKind::ReferenceError, message)
    }

    pub fn syntax_error(&mut self, message: impl AsRef<str>) -> Throw {
        self.error(ErrorKind::SyntaxError, message)
    }

    /// `Err(TypeError)`, for `return agent.throw_type_error(...)`.
    pub fn throw_type_error<T>(&mut self, message: impl AsRef<str>) -> JsResult<T> {
        Err(self.type_error(message))
    }

    pub fn throw_range_error<T>(&mut self, message: impl AsRef<str>) -> JsResult<T> {
        Err(self.range_error(message))
    }

    /// The recursion limit's error.
    pub fn stack_overflow(&mut self) -> Throw {
        self.range_error("Maximum call stack size exceeded")
    }
}
