//! How an uncaught exception or unhandled rejection prints: the one
//! formatter behind `vmjs run`'s stderr, the Rust API's
//! `Error::Exception` description and the source runners' `RunError`.
//! The text is Node's (the value as `triggerUncaughtException` prints it,
//! without the source line and caret Node puts above it).

use std::io::Write;

use super::agent::Agent;
use super::object::ObjectKind;
use super::property::PropertyKey;
use super::value::Value;

impl Agent {
    /// An uncaught value as Node prints it: an object's own `stack` string
    /// (an error's: `String(e)` then the `    at` lines); an error without
    /// one as `String(e)`; any other object as util.inspect shows it
    /// (`{ a: 1 }`, `Test262Error { message: 'boom' }`); a primitive as
    /// its string.
    pub fn describe_uncaught(&mut self, value: &Value) -> String {
        let Value::Object(o) = value else {
            return self.to_display_string(value);
        };
        let stack = PropertyKey::from("stack");
        // The header of an error's `stack` is computed on first read; if
        // that throws, the error is shown without its stack.
        let _ = self.materialize_stack(o, &stack);
        match (o.get_own_data_value(&stack), &o.kind) {
            (Some(Value::String(stack)), _) => stack.to_rust_string(),
            (_, ObjectKind::Error(_)) => self.to_display_string(value),
            _ => super::inspect::inspect(self, value, &Default::default())
                .unwrap_or_else(|_| self.to_display_string(value)),
        }
    }

    /// Prints an uncaught value ([`describe_uncaught`](Self::describe_uncaught))
    /// on stderr, after what was written to stdout so far.
    pub fn report_uncaught(&mut self, value: &Value) {
        // A termination (a limit, `process.exit`) is not an exception.
        if self.is_termination(value) {
            return;
        }
        let text = self.describe_uncaught(value);
        let _ = self.stdout.flush();
        let _ = writeln!(self.stderr, "{text}");
    }
}
