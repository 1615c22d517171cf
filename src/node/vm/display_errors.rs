//! `displayErrors`: the "arrow message" Node puts above the stack of an
//! error thrown out of `vm` script code (node_errors.cc's GetErrorSource,
//! for a runtime error): `NAME:LINE`, the line the error was thrown on, and
//! a caret under the place, each followed by a line feed.

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::string::JsStr;
use crate::interp::throw_site::ThrowSite;
use crate::interp::value::Value;

/// What V8 calls code without a script name (eval code, `Function` bodies).
const ANONYMOUS_SCRIPT: &str = "<anonymous_script>";

/// `arrowMessage(error)`: the arrow message for the object thrown last if
/// `error` is it, else undefined (a primitive, or a value vmjs handed on
/// without recording where it was thrown).
pub fn arrow_message_native(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(match agent.throw_site_of(&args.arg(0)) {
        Some(site) => Value::String(JsStr::from(arrow_message(site).as_str())),
        None => Value::Undefined,
    })
}

/// `NAME:LINE\nSOURCE LINE\n` and, when the place lies within the line, an
/// underline: the line's characters before it as spaces (tabs kept) and
/// one `^`. Code placed at a column offset shows its first line without
/// the padding, the caret moved back with it.
///
/// As in Node, the underline walks the line's UTF-8 bytes for as many
/// steps as the place's UTF-16 column, so a line with non-ASCII text
/// before the place gets as many spaces as that column.
///
/// Deviation: the place of a `JSON.parse` error is the calling code, not
/// the JSON text V8 reports.
pub fn arrow_message(site: &ThrowSite) -> String {
    let source = &site.source;
    let position = source.line_col(site.offset);
    let mut line = source.line_text(position.line);
    // The 0-based UTF-16 column, as V8's message start column.
    let mut start = position.column as usize - 1;
    let (first_line, padding) = source.placement();
    if position.line == first_line {
        let padding = padding as usize;
        line = line.get(padding..).unwrap_or(line);
        start = start.saturating_sub(padding);
    }
    let name = match source.name.as_str() {
        "eval" | "anonymous" => ANONYMOUS_SCRIPT,
        name => name,
    };
    let mut out = format!("{name}:{}\n{line}\n", position.line);
    let end = start + 1;
    if end > line.len() {
        return out;
    }
    for &b in line.as_bytes()[..start].iter().take_while(|&&b| b != 0) {
        out.push(if b == b'\t' { '\t' } else { ' ' });
    }
    out.push_str("^\n");
    out
}
