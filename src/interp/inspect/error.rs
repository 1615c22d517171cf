//! Errors as Node shows them (`formatError`): the `stack`, with the name
//! corrected to the constructor's, frames shared with the `cause` folded,
//! the message and name keys hidden when the stack already shows them,
//! and `cause` / `errors` listed with the other properties.

use gc::Gc;

use super::options::Ctx;
use super::prefix::get_prefix;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::ops::conversion::to_boolean;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

/// Node's `isError`: a native error, or an instance of `Error`.
pub fn is_error(agent: &Agent, o: &Gc<JsObject>) -> bool {
    if matches!(o.kind, ObjectKind::Error(_)) {
        return true;
    }
    let error_prototype = agent.intrinsics().error_prototype.clone();
    let mut p = o.get_prototype_of();
    while let Some(proto) = p {
        if Gc::ptr_eq(&proto, &error_prototype) {
            return true;
        }
        p = proto.get_prototype_of();
    }
    false
}

fn get(agent: &mut Agent, o: &Gc<JsObject>, name: &str) -> JsResult<Value> {
    agent.get(o, &PropertyKey::from(name))
}

/// `Error.prototype.toString` for the stack-less case.
fn error_to_string(agent: &mut Agent, err: &Gc<JsObject>) -> JsResult<String> {
    let name = match get(agent, err, "name")? {
        Value::Undefined => "Error".to_string(),
        v => agent.to_string(&v)?.to_rust_string(),
    };
    let message = match get(agent, err, "message")? {
        Value::Undefined => String::new(),
        v => agent.to_string(&v)?.to_rust_string(),
    };
    Ok(if name.is_empty() {
        message
    } else if message.is_empty() {
        name
    } else {
        format!("{name}: {message}")
    })
}

/// Node's `getStackString`: `stack` when truthy, else `Error.prototype.toString`.
fn stack_string(agent: &mut Agent, err: &Gc<JsObject>) -> JsResult<String> {
    let stack = get(agent, err, "stack")?;
    if to_boolean(&stack) {
        Ok(super::prefix::name_to_string(agent, &stack)?)
    } else {
        error_to_string(agent, err)
    }
}

fn key_is(key: &PropertyKey, name: &str) -> bool {
    matches!(key, PropertyKey::String(s) if s.to_rust_string() == name)
}

/// Node's `formatError ( err, constructor, tag, ctx, keys )`.
pub fn format_error(
    agent: &mut Agent,
    ctx: &Ctx,
    err: &Gc<JsObject>,
    constructor: Option<&str>,
    tag: &str,
    keys: &mut Vec<PropertyKey>,
) -> JsResult<String> {
    let name = match get(agent, err, "name")? {
        Value::Undefined | Value::Null => "Error".to_string(),
        v => super::prefix::name_to_string(agent, &v)?,
    };
    let mut stack = stack_string(agent, err)?;
    // removeDuplicateErrorKeys
    if !ctx.opts.show_hidden && !keys.is_empty() {
        for field in ["name", "message", "stack"] {
            if let Some(index) = keys.iter().position(|k| key_is(k, field)) {
                let v = get(agent, err, field)?;
                let shown = super::prefix::name_to_string(agent, &v)?;
                if stack.contains(&shown) {
                    keys.remove(index);
                }
            }
        }
    }
    if agent.has_property(err, &PropertyKey::from("cause"))?
        && !keys.iter().any(|k| key_is(k, "cause"))
    {
        keys.push(PropertyKey::from("cause"));
    }
    if let Value::Object(errors) = get(agent, err, "errors")? {
        if errors.is_array() && !keys.iter().any(|k| key_is(k, "errors")) {
            keys.push(PropertyKey::from("errors"));
        }
    }
    stack = improve_stack(stack, constructor, &name, tag);
    // Ignore the error message if it's contained in the stack.
    let message = get(agent, err, "message")?;
    let mut pos: Option<usize> = None;
    if let Value::String(m) = &message {
        let m = m.to_rust_string();
        if !m.is_empty() {
            if let Some(found) = stack.find(&m) {
                if found != 0 {
                    pos = Some(found + m.len());
                }
            }
        }
    }
    let search_from = pos.unwrap_or(0).min(stack.len());
    let stack_start = stack
        .get(search_from..)
        .and_then(|rest| rest.find("\n    at"))
        .map(|i| i + search_from);
    match stack_start {
        None => stack = format!("[{stack}]"),
        Some(start) => {
            let mut new_stack = stack[..start].to_string();
            let frames = stack_frames(agent, err, &stack[start + 1..])?;
            new_stack.push('\n');
            new_stack.push_str(&frames.join("\n"));
            stack = new_stack;
        }
    }
    if ctx.indentation_lvl != 0 {
        let indentation = " ".repeat(ctx.indentation_lvl);
        stack = stack.replace('\n', &format!("\n{indentation}"));
    }
    Ok(stack)
}

/// Node's `identicalSequenceRange ( a, b )`: the longest run (more than
/// three lines) of `a` that also appears in `b`.
fn identical_sequence_range(a: &[String], b: &[String]) -> (usize, usize) {
    let mut i = 0;
    while i + 3 < a.len() {
        if let Some(pos) = b.iter().position(|line| *line == a[i]) {
            let rest = b.len() - pos;
            if rest > 3 {
                let mut len = 1;
                let max_len = (a.len() - i).min(rest);
                while max_len > len && a[i + len] == b[pos + len] {
                    len += 1;
                }
                if len > 3 {
                    return (len, i);
                }
            }
        }
        i += 1;
    }
    (0, 0)
}

/// Node's `getStackFrames`: the frame lines, with those repeated from the
/// cause's stack folded into one `... N lines matching cause stack trace ...`.
fn stack_frames(agent: &mut Agent, err: &Gc<JsObject>, stack: &str) -> JsResult<Vec<String>> {
    let mut frames: Vec<String> = stack.split('\n').map(String::from).collect();
    let cause = get(agent, err, "cause").unwrap_or(Value::Undefined);
    if let Value::Object(cause) = cause {
        if is_error(agent, &cause) {
            let cause_stack = stack_string(agent, &cause)?;
            if let Some(start) = cause_stack.find("\n    at") {
                let cause_frames: Vec<String> = cause_stack[start + 1..]
                    .split('\n')
                    .map(String::from)
                    .collect();
                let (len, offset) = identical_sequence_range(&frames, &cause_frames);
                if len > 0 {
                    let skipped = len - 2;
                    let message = format!("    ... {skipped} lines matching cause stack trace ...");
                    frames.splice(offset + 1..offset + 1 + skipped, [message]);
                }
            }
        }
    }
    Ok(frames)
}

/// The `Name` that starts a stack of an error with a null prototype:
/// `^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)` or `^([a-z_A-Z0-9-]*Error)$`.
fn stack_name_fallback(stack: &str) -> String {
    let is_name_char = |c: char| c.is_ascii_alphanumeric() || " _[]()-".contains(c);
    let mut chars = stack.char_indices();
    if let Some((_, first)) = chars.next() {
        if first.is_ascii_uppercase() {
            let end = stack[1..]
                .find(|c: char| !is_name_char(c))
                .map(|i| i + 1)
                .unwrap_or(stack.len());
            let rest = &stack[end..];
            if end > 1 && (rest.starts_with(':') || rest.starts_with("\n    at")) {
                return stack[..end].to_string();
            }
        }
    }
    let whole = stack.ends_with("Error")
        && stack
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if whole {
        stack.to_string()
    } else {
        String::new()
    }
}

/// Node's `improveStack`: makes the stack start with the constructor's
/// name (`MyError: msg`, `Error [CustomName]: msg`, null-prototype prefixes).
fn improve_stack(stack: String, constructor: Option<&str>, name: &str, tag: &str) -> String {
    let mut len = name.len();
    let looks_normal = name.ends_with("Error")
        && stack.starts_with(name)
        && (stack.len() == len || matches!(stack.as_bytes()[len], b':' | b'\n'));
    if constructor.is_some() && !looks_normal {
        return stack;
    }
    let mut fallback = "Error".to_string();
    if constructor.is_none() {
        let found = stack_name_fallback(&stack);
        len = found.len();
        fallback = if found.is_empty() {
            "Error".into()
        } else {
            found
        };
    }
    let prefix_full = get_prefix(constructor, tag, &fallback, "");
    let prefix = super::prefix::trim_last(&prefix_full);
    if name == prefix {
        return stack;
    }
    let rest = stack.get(len..).unwrap_or("");
    if prefix.contains(name) {
        if len == 0 {
            format!("{prefix}: {stack}")
        } else {
            format!("{prefix}{rest}")
        }
    } else {
        format!("{prefix} [{name}]{rest}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn improves_stack_names_like_node() {
        assert_eq!(
            improve_stack("Error: x\n    at f".into(), Some("MyError"), "Error", ""),
            "MyError: x\n    at f"
        );
        assert_eq!(
            improve_stack("Foo: x".into(), Some("Error"), "Foo", ""),
            "Foo: x"
        );
        assert_eq!(
            improve_stack("TypeError: x".into(), Some("Error"), "TypeError", ""),
            "Error [TypeError]: x"
        );
        assert_eq!(
            improve_stack("Error: x".into(), None, "Error", ""),
            "[Error: null prototype]: x"
        );
    }
}
