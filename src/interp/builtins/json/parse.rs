//! The JSON text parser behind JSON.parse (ECMA-262 §25.5.1 steps 2–4,
//! the grammar of ECMA-404), over UTF-16 code units, with V8's error
//! messages. Nesting is handled with an explicit stack rather than
//! recursion; it is still capped at `MAX_DEPTH` levels (RangeError), since
//! later recursive walks over the result (the collector's marking,
//! stringify, inspection) must not meet unbounded depth either.

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::number::string_to_number;
use crate::interp::object::JsObject;
use crate::interp::property::PropertyKey;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// A container whose members are still being read.
enum Open {
    Array(Vec<Value>),
    /// The object and the key of the member whose value comes next.
    Object(Gc<JsObject>, JsStr),
}

/// Why parsing stopped, rendered into V8's message by `fail`.
enum Problem {
    /// A token that cannot appear here (V8 quotes it with some context).
    UnexpectedToken,
    /// The text ended early.
    EndOfInput,
    /// A number where none may be (`01`).
    UnexpectedNumber,
    /// One of V8's specific messages; " in JSON at position N" is appended.
    Message(&'static str),
    /// Nesting deeper than `MAX_DEPTH`.
    TooDeep,
    /// A limit of the evaluation was reached (the termination marker).
    Interrupted(Throw),
}

struct Parser<'a> {
    text: &'a [u16],
    pos: usize,
}

const SPECIAL_TEXTS: [&str; 4] = ["[object Object]", "undefined", "Infinity", "NaN"];

/// Parses `text` as JSON, building objects and arrays of the current realm.
pub fn parse_json_text(agent: &mut Agent, text: &JsStr) -> JsResult<Value> {
    let mut parser = Parser {
        text: text.units(),
        pos: 0,
    };
    match parser.parse(agent) {
        Ok(v) => Ok(v),
        Err((problem, pos)) => Err(fail(agent, text, problem, pos)),
    }
}

/// V8's SyntaxError for a problem at `pos`.
fn fail(agent: &mut Agent, text: &JsStr, problem: Problem, pos: usize) -> Throw {
    let units = text.units();
    let message = match problem {
        Problem::TooDeep => return agent.stack_overflow(),
        Problem::Interrupted(termination) => return termination,
        Problem::EndOfInput => "Unexpected end of JSON input".to_string(),
        Problem::UnexpectedNumber => format!("Unexpected number in JSON at position {pos}"),
        Problem::Message(m) if m.ends_with("JSON") => format!("{m} at position {pos}"),
        Problem::Message(m) => format!("{m} in JSON at position {pos}"),
        Problem::UnexpectedToken => {
            let special = SPECIAL_TEXTS
                .iter()
                .find(|s| s.encode_utf16().eq(units.iter().copied()));
            if let Some(special) = special {
                format!("\"{special}\" is not valid JSON")
            } else {
                // The message quotes source text, which may hold lone
                // surrogates: build it as UTF-16.
                let mut message: Vec<u16> = "Unexpected token '".encode_utf16().collect();
                message.push(units[pos]);
                message.extend("', ".encode_utf16());
                message.extend(context(units, pos));
                message.extend(" is not valid JSON".encode_utf16());
                return syntax_error_with_units(agent, message);
            }
        }
    };
    agent.syntax_error(message)
}

/// A SyntaxError whose message is arbitrary UTF-16 text.
fn syntax_error_with_units(agent: &mut Agent, message: Vec<u16>) -> Throw {
    let message = JsStr::from_units(message);
    let error = agent.syntax_error(message.to_rust_string());
    if let Value::Object(o) = &*error.0 {
        o.define_own_property(
            PropertyKey::from("message"),
            crate::interp::property::PropertyDescriptor::data(
                Value::String(message),
                crate::interp::property::Attributes::METHOD,
            ),
        );
    }
    error
}

/// The quoted source around `pos` as V8 shows it: all of a short text,
/// else ten code units either side with `...` where text was cut.
fn context(units: &[u16], pos: usize) -> Vec<u16> {
    const SIDE: usize = 10;
    let quoted = |before: &str, s: &[u16], after: &str| -> Vec<u16> {
        let mut out: Vec<u16> = before.encode_utf16().collect();
        out.push(u16::from(b'"'));
        out.extend_from_slice(s);
        out.push(u16::from(b'"'));
        out.extend(after.encode_utf16());
        out
    };
    if units.len() < SIDE * 2 + 1 {
        quoted("", units, "")
    } else if pos < SIDE {
        quoted("", &units[..pos + SIDE], "...")
    } else if pos < units.len() - SIDE {
        quoted("...", &units[pos - SIDE..pos + SIDE], "...")
    } else {
        quoted("...", &units[pos - SIDE..], "")
    }
}

type Step<T> = Result<T, (Problem, usize)>;

fn is_digit(u: u16) -> bool {
    (u16::from(b'0')..=u16::from(b'9')).contains(&u)
}

impl Parser<'_> {
    fn peek(&self) -> Option<u16> {
        self.text.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(0x20 | 0x09 | 0x0A | 0x0D) = self.peek() {
            self.pos += 1;
        }
    }

    /// A problem at the current position; at the end of the text the
    /// token problems become "Unexpected end of JSON input".
    fn here<T>(&self, problem: Problem) -> Step<T> {
        match (&problem, self.peek()) {
            (Problem::UnexpectedToken, None) => Err((Problem::EndOfInput, self.pos)),
            _ => Err((problem, self.pos)),
        }
    }

    fn parse(&mut self, agent: &mut Agent) -> Step<Value> {
        let mut open: Vec<Open> = Vec::new();
        'value: loop {
            // The text is bounded, but a long one makes millions of values.
            if let Err(termination) = agent.poll_interrupt() {
                return Err((Problem::Interrupted(termination), self.pos));
            }
            // JSONValue: read one value, or open a container and read its first member.
            self.skip_whitespace();
            let mut value = match self.peek() {
                Some(0x7B) => {
                    // '{'
                    self.pos += 1;
                    self.skip_whitespace();
                    let object = super::plain_object(agent);
                    if self.peek() == Some(0x7D) {
                        self.pos += 1;
                        Value::Object(object)
                    } else {
                        if self.peek() != Some(0x22) {
                            return self.here(Problem::Message("Expected property name or '}'"));
                        }
                        let key = self.member_name()?;
                        if open.len() >= super::stringify::MAX_DEPTH {
                            return Err((Problem::TooDeep, self.pos));
                        }
                        open.push(Open::Object(object, key));
                        continue 'value;
                    }
                }
                Some(0x5B) => {
                    // '['
                    self.pos += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(0x5D) {
                        self.pos += 1;
                        Value::Object(agent.create_array_from_list(Vec::new()))
                    } else {
                        if open.len() >= super::stringify::MAX_DEPTH {
                            return Err((Problem::TooDeep, self.pos));
                        }
                        open.push(Open::Array(Vec::new()));
                        continue 'value;
                    }
                }
                Some(0x22) => Value::String(self.string()?),
                Some(u) if u == u16::from(b'-') || is_digit(u) => Value::Number(self.number()?),
                Some(0x74) => self.literal("true", Value::Bool(true))?,
                Some(0x66) => self.literal("false", Value::Bool(false))?,
                Some(0x6E) => self.literal("null", Value::Null)?,
                _ => return self.here(Problem::UnexpectedToken),
            };
            // Close every container the value completes.
            loop {
                self.skip_whitespace();
                match open.last_mut() {
                    None => {
                        if self.peek().is_some() {
                            return self.here(Problem::Message(
                                "Unexpected non-whitespace character after JSON",
                            ));
                        }
                        return Ok(value);
                    }
                    Some(Open::Array(items)) => {
                        items.push(value);
                        match self.peek() {
                            Some(0x2C) => {
                                self.pos += 1;
                                continue 'value;
                            }
                            Some(0x5D) => {
                                self.pos += 1;
                                let Some(Open::Array(items)) = open.pop() else {
                                    unreachable!("the last open container is this array")
                                };
                                value = Value::Object(agent.create_array_from_list(items));
                            }
                            _ => {
                                return self.here(Problem::Message(
                                    "Expected ',' or ']' after array element",
                                ))
                            }
                        }
                    }
                    Some(Open::Object(object, key)) => {
                        // Duplicate names: the last one wins (CreateDataProperty replaces).
                        object.define_own_property(
                            PropertyKey::from_string(key.clone()),
                            crate::interp::property::PropertyDescriptor::data(
                                value,
                                crate::interp::property::Attributes::ALL,
                            ),
                        );
                        match self.peek() {
                            Some(0x2C) => {
                                self.pos += 1;
                                self.skip_whitespace();
                                if self.peek() != Some(0x22) {
                                    return self.here(Problem::Message(
                                        "Expected double-quoted property name",
                                    ));
                                }
                                *key = self.member_name()?;
                                continue 'value;
                            }
                            Some(0x7D) => {
                                self.pos += 1;
                                let object = object.clone();
                                open.pop();
                                value = Value::Object(object);
                            }
                            _ => {
                                return self.here(Problem::Message(
                                    "Expected ',' or '}' after property value",
                                ))
                            }
                        }
                    }
                }
            }
        }
    }

    /// A member's name and the ':' after it.
    fn member_name(&mut self) -> Step<JsStr> {
        let key = self.string()?;
        self.skip_whitespace();
        if self.peek() != Some(0x3A) {
            return self.here(Problem::Message("Expected ':' after property name"));
        }
        self.pos += 1;
        Ok(key)
    }

    /// `true`, `false` or `null`.
    fn literal(&mut self, word: &str, value: Value) -> Step<Value> {
        for b in word.bytes() {
            if self.peek() != Some(u16::from(b)) {
                return self.here(Problem::UnexpectedToken);
            }
            self.pos += 1;
        }
        Ok(value)
    }

    /// JSONString, starting at its opening quote.
    fn string(&mut self) -> Step<JsStr> {
        self.pos += 1;
        let mut out: Vec<u16> = Vec::new();
        loop {
            let Some(u) = self.peek() else {
                return self.here(Problem::Message("Unterminated string"));
            };
            match u {
                0x22 => {
                    self.pos += 1;
                    return Ok(JsStr::from_units(out));
                }
                0x5C => {
                    self.pos += 1;
                    let Some(e) = self.peek() else {
                        return Err((Problem::EndOfInput, self.pos));
                    };
                    let unit = match e {
                        0x22 | 0x5C | 0x2F => e,
                        0x62 => 0x08,
                        0x66 => 0x0C,
                        0x6E => 0x0A,
                        0x72 => 0x0D,
                        0x74 => 0x09,
                        0x75 => {
                            let mut code: u16 = 0;
                            for _ in 0..4 {
                                self.pos += 1;
                                let digit = self.peek().and_then(|h| char::from_u32(u32::from(h)));
                                match digit.and_then(|c| c.to_digit(16)) {
                                    Some(d) => code = code * 16 + d as u16,
                                    None => {
                                        return self.here(Problem::Message("Bad Unicode escape"))
                                    }
                                }
                            }
                            code
                        }
                        _ => return self.here(Problem::Message("Bad escaped character")),
                    };
                    out.push(unit);
                    self.pos += 1;
                }
                0x00..=0x1F => {
                    return self.here(Problem::Message("Bad control character in string literal"))
                }
                _ => {
                    out.push(u);
                    self.pos += 1;
                }
            }
        }
    }

    /// JSONNumber: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    fn number(&mut self) -> Step<f64> {
        let start = self.pos;
        if self.peek() == Some(u16::from(b'-')) {
            self.pos += 1;
            if !self.peek().is_some_and(is_digit) {
                return self.here(Problem::Message("No number after minus sign"));
            }
        }
        if self.peek() == Some(u16::from(b'0')) {
            self.pos += 1;
            if self.peek().is_some_and(is_digit) {
                return self.here(Problem::UnexpectedNumber);
            }
        } else {
            self.digits();
        }
        if self.peek() == Some(u16::from(b'.')) {
            self.pos += 1;
            if !self.peek().is_some_and(is_digit) {
                return self.here(Problem::Message("Unterminated fractional number"));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(0x65 | 0x45)) {
            self.pos += 1;
            if matches!(self.peek(), Some(0x2B | 0x2D)) {
                self.pos += 1;
            }
            if !self.peek().is_some_and(is_digit) {
                return self.here(Problem::Message("Exponent part is missing a number"));
            }
            self.digits();
        }
        Ok(string_to_number(&self.text[start..self.pos]))
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(is_digit) {
            self.pos += 1;
        }
    }
}

/// V8's "Unexpected token" SyntaxError for the code unit at `pos` of
/// `text` (JSON.rawJSON's rejections of leading or trailing whitespace
/// and of objects and arrays).
pub fn unexpected_token_error(agent: &mut Agent, text: &JsStr, pos: usize) -> Throw {
    fail(agent, text, Problem::UnexpectedToken, pos)
}
