//! Console output compared with what Node 20 prints for the same calls.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use crate::interp::agent::Agent;
use crate::interp::object::JsObject;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

/// A writer whose bytes the test reads back.
#[derive(Clone, Default)]
struct Captured(Rc<RefCell<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.borrow()).into_owned()
    }
}

struct Console {
    agent: Agent,
    out: Captured,
    err: Captured,
}

impl Console {
    fn new() -> Console {
        let mut agent = crate::interp::inspect::test_support::agent();
        let out = Captured::default();
        let err = Captured::default();
        agent.stdout = Box::new(out.clone());
        agent.stderr = Box::new(err.clone());
        Console { agent, out, err }
    }

    /// `console[name](...args)`, called unbound.
    fn call(&mut self, name: &str, args: &[Value]) {
        let global = self.agent.global_object();
        let console = self
            .agent
            .get(&global, &PropertyKey::from("console"))
            .ok()
            .and_then(|c| c.as_object().cloned())
            .expect("console is installed");
        let f = self
            .agent
            .get(&console, &PropertyKey::from(name))
            .unwrap_or(Value::Undefined);
        if self.agent.call(&f, &Value::Undefined, args).is_err() {
            panic!("console.{name} threw");
        }
    }

    fn object(&self, props: &[(&str, Value)]) -> Value {
        let o = JsObject::ordinary_create(Some(self.agent.intrinsics().object_prototype.clone()));
        for (k, v) in props {
            o.define_own_property(
                PropertyKey::from(*k),
                crate::interp::property::PropertyDescriptor::data(
                    v.clone(),
                    crate::interp::property::Attributes::ALL,
                ),
            );
        }
        o.into()
    }
}

fn s(text: &str) -> Value {
    Value::from(text)
}

#[test]
fn groups_indent_every_line_on_both_streams() {
    let mut c = Console::new();
    c.call("group", &[s("G1")]);
    c.call("log", &[s("in 1")]);
    c.call("group", &[]);
    c.call("log", &[s("multi\nline")]);
    c.call("warn", &[s("warned")]);
    c.call("groupEnd", &[]);
    c.call("groupEnd", &[]);
    c.call("groupEnd", &[]);
    c.call("log", &[s("out")]);
    assert_eq!(c.out.text(), "G1\n  in 1\n    multi\n    line\nout\n");
    assert_eq!(c.err.text(), "    warned\n");
}

#[test]
fn counts_and_resets() {
    let mut c = Console::new();
    c.call("count", &[]);
    c.call("count", &[]);
    c.call("count", &[s("x")]);
    c.call("countReset", &[]);
    c.call("count", &[]);
    assert_eq!(c.out.text(), "default: 1\ndefault: 2\nx: 1\ndefault: 1\n");
}

#[test]
fn assertions_go_to_stderr() {
    let mut c = Console::new();
    c.call("assert", &[Value::Bool(true), s("no")]);
    c.call("assert", &[Value::Bool(false), s("yes %s"), s("fmt")]);
    c.call("assert", &[Value::Number(0.0)]);
    // Object.prototype.toString stands in for the object family's.
    let to_string = c
        .agent
        .native_function("toString", 0, |_, _| Ok(Value::from("[object Object]")));
    let o = c.object(&[("a", Value::Number(1.0)), ("toString", to_string.into())]);
    c.call("assert", &[Value::Bool(false), o]);
    c.call("error", &[s("error %d"), Value::Number(5.0)]);
    assert_eq!(
        c.err.text(),
        "Assertion failed: yes fmt\nAssertion failed\nAssertion failed: [object Object]\nerror 5\n"
    );
    assert_eq!(c.out.text(), "");
}

#[test]
fn info_debug_dir_and_empty_log() {
    let mut c = Console::new();
    c.call("info", &[s("info")]);
    c.call("debug", &[s("debug")]);
    let d = c.object(&[("d", Value::Number(1.0))]);
    let cc = c.object(&[("c", d)]);
    let b = c.object(&[("b", cc)]);
    let a = c.object(&[("a", b)]);
    let options = c.object(&[("depth", Value::Number(0.0))]);
    c.call("dir", &[a, options]);
    c.call("dir", &[s("str")]);
    c.call("log", &[]);
    c.call("log", &[s("%s"), s("a"), s("b")]);
    assert_eq!(c.out.text(), "info\ndebug\n{ a: [Object] }\n'str'\n\na b\n");
}

#[test]
fn time_end_prints_label_and_duration() {
    let mut c = Console::new();
    c.call("time", &[s("t")]);
    c.call("timeEnd", &[s("t")]);
    let out = c.out.text();
    assert!(out.starts_with("t: ") && out.ends_with("ms\n"), "{out}");
    c.call("timeEnd", &[s("t")]);
    assert_eq!(
        c.err.text(),
        "Warning: No such label 't' for console.timeEnd()\n"
    );
}

/// `util.format(...args)` through `format_args`.
fn format(c: &mut Console, args: &[Value]) -> String {
    match super::format_args(&mut c.agent, args) {
        Ok(text) => text,
        Err(_) => panic!("format threw"),
    }
}

fn n(x: f64) -> Value {
    Value::Number(x)
}

#[test]
fn placeholders_like_util_format() {
    let mut c = Console::new();
    let o = c.object(&[("a", n(1.0))]);
    assert_eq!(
        format(
            &mut c,
            &[
                s("%s|%d|%i|%f|%%|%c."),
                o,
                s("42.5"),
                s("42.5abc"),
                s("1.5e3x"),
                s("color")
            ]
        ),
        "{ a: 1 }|42.5|42|1500|%|."
    );
    assert_eq!(format(&mut c, &[s("%s %s"), s("only")]), "only %s");
    assert_eq!(format(&mut c, &[s("a%"), n(1.0), s("b")]), "a% 1 b");
    assert_eq!(
        format(&mut c, &[s("%s"), s("str"), s("extra"), n(3.0)]),
        "str extra 3"
    );
    assert_eq!(format(&mut c, &[s("%x %s"), n(1.0)]), "%x 1");
    assert_eq!(format(&mut c, &[s("100%% %s"), s("done")]), "100% done");
    assert_eq!(format(&mut c, &[s("%s %d"), s("a")]), "a %d");
    let sym = Value::Symbol(crate::interp::value::Symbol::new(Some("s".into())));
    assert_eq!(
        format(&mut c, &[s("%s %s %s %s"), s("str"), n(42.0), n(-0.0), sym]),
        "str 42 -0 Symbol(s)"
    );
    assert_eq!(
        format(
            &mut c,
            &[
                s("%d %d %d %i %f"),
                s("0x10"),
                Value::Bool(true),
                Value::Null,
                n(-5.9),
                s("abc")
            ]
        ),
        "16 1 0 -5 NaN"
    );
}

#[test]
fn arguments_without_a_format_string() {
    let mut c = Console::new();
    let arr = Value::Object(JsObject::array_from_values(
        vec![n(1.0)],
        Some(c.agent.intrinsics().array_prototype.clone()),
    ));
    assert_eq!(
        format(&mut c, &[n(1.0), s("x"), arr, s("y")]),
        "1 x [ 1 ] y"
    );
    let o = c.object(&[("a", n(1.0))]);
    assert_eq!(format(&mut c, &[o, s("x")]), "{ a: 1 } x");
}

#[test]
fn object_placeholders_choose_depth_and_hidden_keys() {
    let mut c = Console::new();
    let proto = Some(c.agent.intrinsics().array_prototype.clone());
    let inner = c.object(&[("a", n(2.0))]);
    let arr = Value::Object(JsObject::array_from_values(
        vec![n(1.0), inner],
        proto.clone(),
    ));
    assert_eq!(
        format(&mut c, &[s("%o"), arr]),
        "[ 1, { a: 2 }, [length]: 2 ]"
    );
    let d = c.object(&[("d", n(1.0))]);
    let cc = c.object(&[("c", d)]);
    let b = c.object(&[("b", cc)]);
    let a = c.object(&[("a", b)]);
    let two = Value::Object(JsObject::array_from_values(vec![n(2.0)], proto.clone()));
    let nested = Value::Object(JsObject::array_from_values(vec![n(1.0), two], proto));
    assert_eq!(
        format(&mut c, &[s("%O %s %d"), a, nested, n(-0.0)]),
        "{ a: { b: { c: [Object] } } } [ 1, [Array] ] -0"
    );
    let to_string = c
        .agent
        .native_function("toString", 0, |_, _| Ok(Value::from("TS")));
    let own = c.object(&[("toString", to_string.into())]);
    assert_eq!(format(&mut c, &[s("%s"), own]), "TS");
    let inner = c.object(&[("b", n(1.0))]);
    let outer = c.object(&[("a", inner)]);
    assert_eq!(format(&mut c, &[s("%s"), outer]), "{ a: [Object] }");
}

#[test]
fn table_of_rows_and_primitives() {
    let mut c = Console::new();
    let proto = Some(c.agent.intrinsics().array_prototype.clone());
    let r1 = c.object(&[("a", n(1.0)), ("b", s("x"))]);
    let list = Value::Object(JsObject::array_from_values(
        vec![n(1.0), n(2.0), n(3.0), n(4.0)],
        proto.clone(),
    ));
    let r2 = c.object(&[("a", n(22.0)), ("c", list)]);
    let rows = Value::Object(JsObject::array_from_values(vec![r1, r2], proto.clone()));
    c.call("table", &[rows]);
    let r3 = c.object(&[("a", n(3.0))]);
    let mixed = Value::Object(JsObject::array_from_values(
        vec![n(1.0), s("two"), r3],
        proto,
    ));
    c.call("table", &[mixed]);
    c.call("table", &[n(5.0)]);
    assert_eq!(
        c.out.text(),
        "┌─────────┬────┬─────┬──────────────────────────────┐
│ (index) │ a  │ b   │ c                            │
├─────────┼────┼─────┼──────────────────────────────┤
│ 0       │ 1  │ 'x' │                              │
│ 1       │ 22 │     │ [ 1, 2, 3, ... 1 more item ] │
└─────────┴────┴─────┴──────────────────────────────┘
┌─────────┬───┬────────┐
│ (index) │ a │ Values │
├─────────┼───┼────────┤
│ 0       │   │ 1      │
│ 1       │   │ 'two'  │
│ 2       │ 3 │        │
└─────────┴───┴────────┘
5
"
    );
}

#[test]
fn random_format_calls_match_node() {
    use crate::interp::inspect::test_support::differential::{to_value, Json, Reader};
    let text = include_str!("format_differential.json");
    let mut reader = Reader {
        text: text.as_bytes(),
        pos: 0,
    };
    let Json::Object(fixture) = reader.value() else {
        panic!("fixture is an object");
    };
    let mut cases = Vec::new();
    let mut expected = Vec::new();
    for (k, v) in fixture {
        match (k.as_str(), v) {
            ("cases", Json::Array(c)) => cases = c,
            ("expected", Json::Array(e)) => expected = e,
            _ => {}
        }
    }
    let mut c = Console::new();
    let mut failures = Vec::new();
    for (i, (case, want)) in cases.iter().zip(&expected).enumerate() {
        let (Json::Array(args), Json::String(want)) = (case, want) else {
            continue;
        };
        let values: Vec<Value> = args.iter().map(|j| to_value(&c.agent, j)).collect();
        let got = match super::format_args(&mut c.agent, &values) {
            Ok(text) => text,
            Err(thrown) => {
                let m = thrown
                    .0
                    .as_object()
                    .and_then(|o| o.get_own_data_value(&PropertyKey::from("message")));
                format!(
                    "threw {}",
                    m.map(|m| c.agent.to_display_string(&m)).unwrap_or_default()
                )
            }
        };
        if &got != want {
            failures.push(format!("case {i}: node {want:?}, vmjs {got:?}"));
        }
    }
    assert!(cases.len() > 100);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
