//! Creating and throwing the native errors (§20.5.5, §20.5.6) from Rust.

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// Whether `key` is "stack".
fn is_stack_key(key: &PropertyKey) -> bool {
    matches!(key, PropertyKey::String(s) if s.units() == [115, 116, 97, 99, 107])
}

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
        let error = JsObject::with_kind(Some(prototype), ObjectKind::Error(Default::default()));
        // V8 defines `stack` first.
        self.install_stack(&error, None);
        if let Some(message) = message {
            error.define_own_property(
                PropertyKey::from("message"),
                PropertyDescriptor::data(Value::from(message), Attributes::METHOD),
            );
        }
        error
    }

    /// Defines `stack` on an error: its header (`String(e)` as far as it can
    /// be computed without running code) and `    at LOCATION` lines.
    ///
    /// On an error object (one with [[ErrorData]]) the header waits, as in
    /// V8, until `stack` is first read (`materialize_stack`): the property
    /// holds the frames alone until then.
    ///
    /// With `skip_to`, the frames from the innermost call of that function
    /// inwards are left out, as V8 leaves out the constructors an error
    /// went through (new.target's) and `Error.captureStackTrace`'s
    /// `constructorOpt`; all frames stay when it is not on the stack.
    pub fn install_stack(&mut self, error: &Gc<JsObject>, skip_to: Option<&Gc<JsObject>>) {
        let mut frames = String::new();
        let skip = skip_to
            .and_then(|f| {
                self.stack
                    .iter()
                    .rev()
                    .position(|frame| frame.function.as_ref().is_some_and(|g| Gc::ptr_eq(f, g)))
            })
            .map_or(0, |inner| inner + 1);
        for line in self.stack_trace_lines_from(skip) {
            frames.push('\n');
            frames.push_str(&line);
        }
        let stack = match &error.kind {
            ObjectKind::Error(data) => {
                let frames = JsStr::from(frames.as_str());
                data.set_pending_frames(frames.clone());
                frames
            }
            _ => JsStr::from(format!("{}{frames}", self.error_header(error)).as_str()),
        };
        error.define_own_property(
            PropertyKey::from("stack"),
            PropertyDescriptor::data(Value::String(stack), Attributes::METHOD),
        );
    }

    /// Puts the header in front of an error's `stack` frames if it is still
    /// waiting for it and `key` is `stack` (V8 formats the stack on first
    /// access): `ErrorUtils::ToString`, which reads `name` and `message`
    /// with [[Get]] as `Error.prototype.toString` does. The frames stay
    /// waiting when that throws.
    pub(crate) fn materialize_stack(
        &mut self,
        error: &Gc<JsObject>,
        key: &PropertyKey,
    ) -> JsResult<()> {
        let ObjectKind::Error(data) = &error.kind else {
            return Ok(());
        };
        if !data.has_pending_frames() || !is_stack_key(key) {
            return Ok(());
        }
        let Some(frames) = data.take_pending_frames() else {
            return Ok(());
        };
        // Only the value the frames were stored as gets the header; a
        // value written since stays as it is.
        match error.get_own_data_value(key) {
            Some(Value::String(stored)) if stored.ptr_eq(&frames) => {}
            _ => return Ok(()),
        }
        let header = match crate::interp::builtins::error::error_to_string_of(self, error) {
            Ok(header) => header,
            Err(thrown) => {
                if let ObjectKind::Error(data) = &error.kind {
                    data.set_pending_frames(frames);
                }
                return Err(thrown);
            }
        };
        error.replace_own_data_value(key, Value::String(header.concat(&frames)));
        Ok(())
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
        self.stack_trace_lines_from(0)
    }

    /// The `    at` lines without the `skip` innermost frames.
    fn stack_trace_lines_from(&self, skip: usize) -> Vec<String> {
        self.stack
            .iter()
            .rev()
            .skip(skip)
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
        let error = Value::Object(self.create_error_object(proto, Some(message.as_ref())));
        self.record_throw_site(&error);
        Throw::new(error)
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
