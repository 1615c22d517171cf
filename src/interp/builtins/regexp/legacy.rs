//! The legacy static properties of the RegExp constructor (`RegExp.$1`,
//! `RegExp.lastMatch`, `RegExp.input`, …) that Node provides: accessors
//! reading the last successful match of a built-in exec in this realm.

use std::cell::RefCell;
use std::ops::Range;

use gc::{Finalize, Gc, Trace};

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::property::{PropertyDescriptor, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;

const STATE: &str = "RegExpLegacyState";

/// The last successful match: its subject and ranges.
struct LastMatch {
    input: JsStr,
    whole: Range<usize>,
    captures: Vec<Option<Range<usize>>>,
}

#[derive(Trace, Finalize, Default)]
struct LegacyState {
    #[unsafe_ignore_trace]
    last: RefCell<Option<LastMatch>>,
    /// `RegExp.input` as last assigned or matched.
    #[unsafe_ignore_trace]
    input: RefCell<Option<JsStr>>,
}

impl ObjectData for LegacyState {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "RegExpLegacyState"
    }
}

/// Which value an accessor reads.
#[derive(Copy, Clone)]
enum Part {
    Input,
    LastMatch,
    LastParen,
    LeftContext,
    RightContext,
    Group(usize),
}

const PARTS: [(&str, &str, Part); 5] = [
    ("input", "$_", Part::Input),
    ("lastMatch", "$&", Part::LastMatch),
    ("lastParen", "$+", Part::LastParen),
    ("leftContext", "$`", Part::LeftContext),
    ("rightContext", "$'", Part::RightContext),
];

fn part_code(part: Part) -> f64 {
    match part {
        Part::Input => -1.0,
        Part::LastMatch => -2.0,
        Part::LastParen => -3.0,
        Part::LeftContext => -4.0,
        Part::RightContext => -5.0,
        Part::Group(n) => n as f64,
    }
}

fn part_from_code(code: f64) -> Part {
    match code as i64 {
        -1 => Part::Input,
        -2 => Part::LastMatch,
        -3 => Part::LastParen,
        -4 => Part::LeftContext,
        -5 => Part::RightContext,
        n => Part::Group(n.max(0) as usize),
    }
}

pub fn install(agent: &mut Agent, ctor: &Gc<JsObject>) {
    let proto = agent.intrinsics().object_prototype.clone();
    let state = JsObject::with_kind(
        Some(proto),
        ObjectKind::Other(Box::new(LegacyState::default())),
    );
    agent.intrinsics().register(STATE, state);
    let mut names: Vec<(String, Part)> = Vec::new();
    for (long, short, part) in PARTS {
        names.push((long.to_string(), part));
        names.push((short.to_string(), part));
    }
    for n in 1..=9 {
        names.push((format!("${n}"), Part::Group(n)));
    }
    for (name, part) in names {
        let code = vec![Value::Number(part_code(part))];
        let get =
            agent.native_function_with(&format!("get {name}"), 0, legacy_get, false, code.clone());
        let set = agent.native_function_with(&format!("set {name}"), 1, legacy_set, false, code);
        ctor.define_own_property(
            PropertyKey::from(name.as_str()),
            PropertyDescriptor {
                get: Some(Some(get)),
                set: Some(Some(set)),
                enumerable: Some(false),
                configurable: Some(true),
                ..Default::default()
            },
        );
    }
}

fn with_state<T>(agent: &Agent, f: impl FnOnce(&LegacyState) -> T) -> Option<T> {
    let holder = agent.intrinsics().try_get(STATE)?;
    let state = holder.data::<LegacyState>()?;
    Some(f(state))
}

/// Records a successful match of a built-in exec.
pub fn record(
    agent: &Agent,
    input: &JsStr,
    whole: &Range<usize>,
    captures: &[Option<Range<usize>>],
) {
    with_state(agent, |state| {
        *state.input.borrow_mut() = Some(input.clone());
        *state.last.borrow_mut() = Some(LastMatch {
            input: input.clone(),
            whole: whole.clone(),
            captures: captures.to_vec(),
        });
    });
}

fn legacy_get(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let part = match args.capture(0) {
        Value::Number(n) => part_from_code(n),
        _ => Part::Input,
    };
    let text = with_state(agent, |state| {
        if let Part::Input = part {
            return state
                .input
                .borrow()
                .clone()
                .unwrap_or_else(|| JsStr::from(""));
        }
        let last = state.last.borrow();
        let Some(m) = last.as_ref() else {
            return JsStr::from("");
        };
        let units = m.input.units();
        let slice = |r: &Range<usize>| JsStr::from_units(&units[r.clone()]);
        match part {
            Part::Input => m.input.clone(),
            Part::LastMatch => slice(&m.whole),
            Part::LastParen => match m.captures.last() {
                Some(Some(r)) => slice(r),
                _ => JsStr::from(""),
            },
            Part::LeftContext => JsStr::from_units(&units[..m.whole.start]),
            Part::RightContext => JsStr::from_units(&units[m.whole.end..]),
            Part::Group(n) => match m.captures.get(n.wrapping_sub(1)) {
                Some(Some(r)) => slice(r),
                _ => JsStr::from(""),
            },
        }
    });
    Ok(Value::String(text.unwrap_or_else(|| JsStr::from(""))))
}

/// Only `RegExp.input` / `RegExp.$_` can be assigned; the others ignore writes.
fn legacy_set(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    if let Value::Number(n) = args.capture(0) {
        if let Part::Input = part_from_code(n) {
            let text = agent.to_string(&args.arg(0))?;
            with_state(agent, |state| *state.input.borrow_mut() = Some(text));
        }
    }
    Ok(Value::Undefined)
}
