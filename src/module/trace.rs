//! The module algorithms' trace as structured events (`vmjs trace --html`
//! draws them). Each event names the algorithm and step that ran, the
//! module it ran on, the record fields the step wrote, and any other
//! values it used; an event that `vmjs run --trace` prints also carries its
//! text line, which the text sinks print unchanged.

use super::record::ModuleId;
use crate::interp::value::Value;

/// A value in a trace event.
#[derive(Clone, Debug, PartialEq)]
pub enum TraceValue {
    Int(i64),
    Bool(bool),
    Text(String),
    Module(ModuleId),
    Modules(Vec<ModuleId>),
}

impl From<u32> for TraceValue {
    fn from(n: u32) -> Self {
        TraceValue::Int(i64::from(n))
    }
}

impl From<u64> for TraceValue {
    fn from(n: u64) -> Self {
        TraceValue::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<usize> for TraceValue {
    fn from(n: usize) -> Self {
        TraceValue::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<bool> for TraceValue {
    fn from(b: bool) -> Self {
        TraceValue::Bool(b)
    }
}

impl From<&str> for TraceValue {
    fn from(s: &str) -> Self {
        TraceValue::Text(s.to_string())
    }
}

impl From<String> for TraceValue {
    fn from(s: String) -> Self {
        TraceValue::Text(s)
    }
}

impl From<ModuleId> for TraceValue {
    fn from(m: ModuleId) -> Self {
        TraceValue::Module(m)
    }
}

impl From<Vec<ModuleId>> for TraceValue {
    fn from(ms: Vec<ModuleId>) -> Self {
        TraceValue::Modules(ms)
    }
}

/// One step of a module algorithm, as it ran.
#[derive(Clone, Debug, PartialEq)]
pub struct TraceEvent {
    /// The algorithm, as the spec names it (`InnerModuleLinking`); empty
    /// for a text line that has no structured form.
    pub algorithm: &'static str,
    /// The steps of the algorithm the event covers: `4-8`, `13.b`,
    /// `9.c.iii.1` (several separated by commas).
    pub step: &'static str,
    /// The module the algorithm ran on (its `module` argument).
    pub module: Option<ModuleId>,
    /// The record fields the steps wrote: (module, `[[Field]]`, new value).
    pub writes: Vec<(ModuleId, &'static str, TraceValue)>,
    /// Other values the steps used or produced (a popped component, an
    /// execList, an error), by name.
    pub values: Vec<(&'static str, TraceValue)>,
    /// The line `vmjs run --trace` prints for it, if it prints one.
    pub text: Option<String>,
}

impl TraceEvent {
    /// An event for `step` of `algorithm` run on `module`.
    pub fn new(algorithm: &'static str, step: &'static str, module: ModuleId) -> TraceEvent {
        TraceEvent {
            algorithm,
            step,
            module: Some(module),
            writes: Vec::new(),
            values: Vec::new(),
            text: None,
        }
    }

    /// A plain text line with no structured form.
    pub fn line(text: String) -> TraceEvent {
        TraceEvent {
            algorithm: "",
            step: "",
            module: None,
            writes: Vec::new(),
            values: Vec::new(),
            text: Some(text),
        }
    }

    /// The step wrote `value` to the event's module's `field`.
    pub fn write(self, field: &'static str, value: impl Into<TraceValue>) -> TraceEvent {
        let m = self.module.expect("an event with a module");
        self.write_to(m, field, value)
    }

    /// The step wrote `value` to `module`'s `field`.
    pub fn write_to(
        mut self,
        module: ModuleId,
        field: &'static str,
        value: impl Into<TraceValue>,
    ) -> TraceEvent {
        self.writes.push((module, field, value.into()));
        self
    }

    /// The step used or produced `value`, called `name`.
    pub fn value(mut self, name: &'static str, value: impl Into<TraceValue>) -> TraceEvent {
        self.values.push((name, value.into()));
        self
    }

    /// The line `vmjs run --trace` prints for the event.
    pub fn text(mut self, line: String) -> TraceEvent {
        self.text = Some(line);
        self
    }
}

/// A thrown value as the trace shows it, read without running any
/// JavaScript code (no getters, no `toString`): an error object's `name`
/// (own or inherited data property) and own `message`, a primitive as its
/// string.
pub fn describe_thrown(value: &Value) -> String {
    use crate::interp::property::PropertyKey;
    let Value::Object(o) = value else {
        return match value {
            Value::String(s) => s.to_rust_string(),
            Value::Number(n) => crate::interp::number::number_to_string(*n),
            Value::BigInt(b) => format!("{}n", b.to_string_radix(10)),
            Value::Bool(b) => b.to_string(),
            Value::Undefined => "undefined".into(),
            Value::Null => "null".into(),
            Value::Symbol(_) => "a symbol".into(),
            Value::Object(_) => unreachable!("objects are handled below"),
        };
    };
    let text = |v: Option<Value>| match v {
        Some(Value::String(s)) => Some(s.to_rust_string()),
        _ => None,
    };
    let name_key = PropertyKey::from("name");
    let mut name = None;
    let mut current = Some(o.clone());
    // A bounded walk: prototype chains are acyclic, but may be long.
    for _ in 0..16 {
        let Some(object) = current else { break };
        if object.is_proxy() {
            break;
        }
        if let Some(n) = text(object.get_own_data_value(&name_key)) {
            name = Some(n);
            break;
        }
        current = object.get_prototype_of();
    }
    let message = if o.is_proxy() {
        None
    } else {
        text(o.get_own_data_value(&PropertyKey::from("message")))
    };
    match (name, message) {
        (Some(n), Some(m)) if !m.is_empty() => format!("{n}: {m}"),
        (Some(n), _) => n,
        (None, Some(m)) => m,
        (None, None) => "an object".into(),
    }
}
