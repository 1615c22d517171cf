//! What the console remembers between calls: the `console.group`
//! indentation, `console.count` counters and `console.time` timers.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::time::Instant;

use gc::{Finalize, Trace};

use crate::interp::agent::Agent;
use crate::interp::function::CallArgs;
use crate::interp::object::ObjectData;
use crate::interp::value::Value;

/// How far each `console.group()` indents (Node's `groupIndentation`).
pub const GROUP_INDENTATION: usize = 2;

#[derive(Trace, Finalize, Default)]
pub struct ConsoleState {
    #[unsafe_ignore_trace]
    pub group_indent: RefCell<String>,
    #[unsafe_ignore_trace]
    pub counts: RefCell<HashMap<String, u64>>,
    #[unsafe_ignore_trace]
    pub timers: RefCell<HashMap<String, Instant>>,
}

impl ObjectData for ConsoleState {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class_name(&self) -> &'static str {
        "Object"
    }
}

/// Which stream a console method writes to.
#[derive(Copy, Clone)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// Runs `f` with the console state captured by the called method.
pub fn with_state<R>(args: &CallArgs, f: impl FnOnce(&ConsoleState) -> R) -> Option<R> {
    let Value::Object(o) = args.capture(0) else {
        return None;
    };
    o.data::<ConsoleState>().map(f)
}

/// Node's `kWriteToConsole`: the group indentation before every line, then
/// a newline. Write errors are ignored, as Node's console does.
pub fn write_line(agent: &mut Agent, args: &CallArgs, stream: Stream, text: &str) {
    let indent = with_state(args, |s| s.group_indent.borrow().clone()).unwrap_or_default();
    let mut line = if indent.is_empty() {
        text.to_string()
    } else {
        format!("{indent}{}", text.replace('\n', &format!("\n{indent}")))
    };
    line.push('\n');
    let out = match stream {
        Stream::Stdout => &mut agent.stdout,
        Stream::Stderr => &mut agent.stderr,
    };
    let _ = out.write_all(line.as_bytes());
    let _ = out.flush();
}

/// `process.emitWarning(message)`: a warning line on stderr.
pub fn emit_warning(agent: &mut Agent, message: &str) {
    let _ = writeln!(agent.stderr, "Warning: {message}");
}
