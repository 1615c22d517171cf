use crate::interp::agent::Agent;
use crate::interp::property::PropertyKey;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

fn json_fn(agent: &mut Agent, name: &str) -> Value {
    let json = agent.intrinsics().get("JSON");
    agent.get(&json, &PropertyKey::from(name)).ok().unwrap()
}

fn parse(agent: &mut Agent, text: &str) -> Result<Value, String> {
    let f = json_fn(agent, "parse");
    agent
        .call(&f, &Value::Undefined, &[Value::from(text)])
        .map_err(|e| error_text(agent, *e.0))
}

fn error_text(agent: &mut Agent, e: Value) -> String {
    let Value::Object(o) = e else {
        return "not an object".into();
    };
    let message = agent.get(&o, &PropertyKey::from("message")).ok().unwrap();
    format!(
        "{}: {}",
        error_name(agent, &o),
        agent.to_display_string(&message)
    )
}

/// The native error type of `o`, found from its prototype (the Error
/// family's own `name` properties may not be installed).
pub(crate) fn error_name(
    agent: &Agent,
    o: &gc::Gc<crate::interp::object::JsObject>,
) -> &'static str {
    use crate::interp::ops::errors::ErrorKind::*;
    let proto = o.get_prototype_of();
    for kind in [TypeError, RangeError, SyntaxError, Error] {
        if proto
            .as_ref()
            .is_some_and(|p| gc::Gc::ptr_eq(p, &agent.error_prototype(kind)))
        {
            return kind.name();
        }
    }
    "?"
}

fn stringify(agent: &mut Agent, args: &[Value]) -> Result<String, String> {
    let f = json_fn(agent, "stringify");
    match agent.call(&f, &Value::Undefined, args) {
        Ok(Value::String(s)) => Ok(s.to_rust_string()),
        Ok(other) => Ok(agent.to_display_string(&other)),
        Err(e) => Err(error_text(agent, *e.0)),
    }
}

fn round_trip(agent: &mut Agent, text: &str) -> String {
    let v = parse(agent, text).unwrap();
    stringify(agent, &[v]).unwrap()
}

#[test]
fn parses_and_serialises_values() {
    let mut agent = Agent::new();
    assert_eq!(
        round_trip(
            &mut agent,
            r#" {"a": [1, 2.5e1, -0, true, false, null], "b": "x\ny\u00e9", "2": {}, "1": []} "#
        ),
        r#"{"1":[],"2":{},"a":[1,25,0,true,false,null],"b":"x\nyé"}"#
    );
    assert_eq!(round_trip(&mut agent, r#"{"a":1,"a":2}"#), r#"{"a":2}"#);
    assert_eq!(round_trip(&mut agent, "[1e999]"), "[null]");
}

#[test]
fn syntax_errors_use_v8_messages() {
    let mut agent = Agent::new();
    let cases = [
        ("", "SyntaxError: Unexpected end of JSON input"),
        (
            "{",
            "SyntaxError: Expected property name or '}' in JSON at position 1",
        ),
        (
            "[1,]",
            "SyntaxError: Unexpected token ']', \"[1,]\" is not valid JSON",
        ),
        (
            "{\"a\":1,}",
            "SyntaxError: Expected double-quoted property name in JSON at position 7",
        ),
        ("tru", "SyntaxError: Unexpected end of JSON input"),
        (
            "\"abc",
            "SyntaxError: Unterminated string in JSON at position 4",
        ),
        (
            "\"a\\x\"",
            "SyntaxError: Bad escaped character in JSON at position 3",
        ),
        ("01", "SyntaxError: Unexpected number in JSON at position 1"),
        (
            "1.",
            "SyntaxError: Unterminated fractional number in JSON at position 2",
        ),
        (
            "-",
            "SyntaxError: No number after minus sign in JSON at position 1",
        ),
        (
            "[1 2]",
            "SyntaxError: Expected ',' or ']' after array element in JSON at position 3",
        ),
        (
            "{\"a\" 1}",
            "SyntaxError: Expected ':' after property name in JSON at position 5",
        ),
        (
            "\"\u{1}\"",
            "SyntaxError: Bad control character in string literal in JSON at position 1",
        ),
        (
            "1e",
            "SyntaxError: Exponent part is missing a number in JSON at position 2",
        ),
        (
            "{\"a\":1}x",
            "SyntaxError: Unexpected non-whitespace character after JSON at position 7",
        ),
        (
            "\"\\u12\"",
            "SyntaxError: Bad Unicode escape in JSON at position 5",
        ),
        ("NaN", "SyntaxError: \"NaN\" is not valid JSON"),
        (
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "SyntaxError: Unexpected token 'a', \"aaaaaaaaaa\"... is not valid JSON",
        ),
        (
            "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,x]",
            "SyntaxError: Unexpected token 'x', ...\",28,29,30,x]\" is not valid JSON",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(
            parse(&mut agent, text).err().as_deref(),
            Some(expected),
            "{text:?}"
        );
    }
}

/// Runs `f` on a thread with a registered 64 MiB stack, as the CLI runs scripts.
pub(crate) fn with_big_stack(f: impl FnOnce() + Send + 'static) {
    const SIZE: usize = 64 << 20;
    std::thread::Builder::new()
        .stack_size(SIZE)
        .spawn(move || {
            crate::interp::stack_guard::register_thread_stack(SIZE);
            f()
        })
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn deep_nesting_parses_and_stringify_is_bounded() {
    with_big_stack(deep_nesting);
}

fn deep_nesting() {
    let mut agent = Agent::new();
    let text = "[".repeat(4_000);
    assert_eq!(
        parse(&mut agent, &text).err().as_deref(),
        Some("SyntaxError: Unexpected end of JSON input")
    );
    let text = format!("{}{}", "[".repeat(4_000), "]".repeat(4_000));
    let v = parse(&mut agent, &text).unwrap();
    assert!(stringify(&mut agent, &[v]).is_ok());
    let text = "[{\"a\":".repeat(1_000_000);
    assert_eq!(
        parse(&mut agent, &text).err().as_deref(),
        Some("RangeError: Maximum call stack size exceeded")
    );
    let text = format!("{}{}", "[".repeat(6_000), "]".repeat(6_000));
    assert!(parse(&mut agent, &text).is_err());
}

#[test]
fn stringify_quotes_lone_surrogates_and_indents() {
    let mut agent = Agent::new();
    let s = Value::String(JsStr::from_units(vec![0xD800, 0x2028, 0x7, 0xD83D, 0xDE00]));
    assert_eq!(
        stringify(&mut agent, &[s]).unwrap(),
        "\"\\ud800\u{2028}\\u0007😀\""
    );
    let v = parse(&mut agent, r#"{"a":[1,{"b":2}],"c":[],"d":{}}"#).unwrap();
    assert_eq!(
        stringify(&mut agent, &[v.clone(), Value::Null, Value::Number(2.0)]).unwrap(),
        "{\n  \"a\": [\n    1,\n    {\n      \"b\": 2\n    }\n  ],\n  \"c\": [],\n  \"d\": {}\n}"
    );
    assert_eq!(
        stringify(&mut agent, &[v, Value::Null, Value::from("--")]).unwrap(),
        "{\n--\"a\": [\n----1,\n----{\n------\"b\": 2\n----}\n--],\n--\"c\": [],\n--\"d\": {}\n}"
    );
}

#[test]
fn stringify_detects_cycles() {
    let mut agent = Agent::new();
    let v = parse(&mut agent, r#"{"x":{"y":[]}}"#).unwrap();
    let Value::Object(o) = &v else { unreachable!() };
    let x = agent.get(o, &PropertyKey::from("x")).ok().unwrap();
    let y = agent.get_v(&x, &PropertyKey::from("y")).ok().unwrap();
    let Value::Object(y) = y else { unreachable!() };
    agent
        .create_data_property(&y, PropertyKey::from(0u32), v.clone())
        .ok()
        .unwrap();
    assert_eq!(
        stringify(&mut agent, &[v]).err().unwrap(),
        "TypeError: Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    |     property 'x' -> object with constructor 'Object'\n    |     property 'y' -> object with constructor 'Array'\n    --- index 0 closes the circle"
    );
}

fn double_numbers_drop_c(
    _: &mut Agent,
    args: &crate::interp::function::CallArgs,
) -> crate::interp::completion::JsResult<Value> {
    let key = args.arg(0);
    if key.same_value(&Value::from("c")) {
        return Ok(Value::Undefined);
    }
    Ok(match args.arg(1) {
        Value::Number(n) => Value::Number(n * 2.0),
        other => other,
    })
}

#[test]
fn reviver_and_replacer_functions() {
    let mut agent = Agent::new();
    let f = Value::Object(agent.native_function("reviver", 2, double_numbers_drop_c));
    let parse_fn = json_fn(&mut agent, "parse");
    let revived = agent
        .call(
            &parse_fn,
            &Value::Undefined,
            &[Value::from(r#"{"a":[1,{"c":2}],"b":3,"c":4}"#), f.clone()],
        )
        .ok()
        .unwrap();
    assert_eq!(
        stringify(&mut agent, &[revived]).unwrap(),
        r#"{"a":[2,{}],"b":6}"#
    );
    let v = parse(&mut agent, r#"{"a":[1,{"c":2}],"b":3,"c":4}"#).unwrap();
    assert_eq!(
        stringify(&mut agent, &[v.clone(), f]).unwrap(),
        r#"{"a":[2,{}],"b":6}"#
    );
    let list = parse(&mut agent, r#"["c", "b", 1, "b"]"#).unwrap();
    assert_eq!(
        stringify(&mut agent, &[v, list]).unwrap(),
        r#"{"c":4,"b":3}"#
    );
}

#[test]
fn unexpected_token_quotes_a_single_code_unit() {
    let mut agent = Agent::new();
    let f = json_fn(&mut agent, "parse");
    let err = agent
        .call(&f, &Value::Undefined, &[Value::from("[😀]")])
        .err()
        .unwrap();
    let Value::Object(e) = *err.0 else {
        panic!("an error object")
    };
    let message = agent.get(&e, &PropertyKey::from("message")).ok().unwrap();
    let Value::String(message) = message else {
        panic!("a string message")
    };
    let mut expected: Vec<u16> = "Unexpected token '".encode_utf16().collect();
    expected.push(0xD83D);
    expected.extend("', \"[😀]\" is not valid JSON".encode_utf16());
    assert_eq!(message.units(), &expected[..]);
}
