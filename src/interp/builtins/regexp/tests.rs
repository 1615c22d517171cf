use crate::interp::agent::Agent;
use crate::interp::property::PropertyKey;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

fn error_message(agent: &mut Agent, e: Value) -> String {
    let Value::Object(o) = &e else {
        return "not an object".into();
    };
    let m = agent.get(o, &PropertyKey::from("message")).ok().unwrap();
    agent.to_display_string(&m)
}

fn new_regexp(agent: &mut Agent, p: &str, f: &str) -> Result<Value, String> {
    let c = agent.intrinsics().get("RegExp");
    agent
        .construct(&c, &[Value::from(p), Value::from(f)], None)
        .map_err(|e| error_message(agent, *e.0))
}

fn call(
    agent: &mut Agent,
    this: &Value,
    key: PropertyKey,
    args: &[Value],
) -> Result<Value, String> {
    let f = agent.get_v(this, &key).ok().unwrap();
    agent
        .call(&f, this, args)
        .map_err(|e| error_message(agent, *e.0))
}

fn text(agent: &mut Agent, v: &Value) -> String {
    let json = agent.intrinsics().get("JSON");
    let stringify = agent
        .get(&json, &PropertyKey::from("stringify"))
        .ok()
        .unwrap();
    match agent.call(&stringify, &Value::Undefined, std::slice::from_ref(v)) {
        Ok(Value::String(s)) => s.to_rust_string(),
        Ok(_) => "undefined".into(),
        Err(e) => error_message(agent, *e.0),
    }
}

#[test]
fn syntax_errors_follow_v8() {
    let mut agent = Agent::new();
    let cases = [
        (
            "(",
            "",
            "Invalid regular expression: /(/: Unterminated group",
        ),
        (")", "", "Invalid regular expression: /)/: Unmatched ')'"),
        (
            "[",
            "",
            "Invalid regular expression: /[/: Unterminated character class",
        ),
        (
            "a",
            "gg",
            "Invalid flags supplied to RegExp constructor 'gg'",
        ),
        (
            "a",
            "uv",
            "Invalid flags supplied to RegExp constructor 'uv'",
        ),
    ];
    for (p, f, expected) in cases {
        assert_eq!(
            new_regexp(&mut agent, p, f).err().as_deref(),
            Some(expected)
        );
    }
}

#[test]
fn exec_reports_index_groups_and_indices() {
    let mut agent = Agent::new();
    let re = new_regexp(&mut agent, "(?<n>b)(c)?", "d").unwrap();
    let m = call(
        &mut agent,
        &re,
        PropertyKey::from("exec"),
        &[Value::from("abc")],
    )
    .unwrap();
    assert_eq!(text(&mut agent, &m), r#"["bc","b","c"]"#);
    let index = agent.get_v(&m, &PropertyKey::from("index")).ok().unwrap();
    assert!(index.same_value(&Value::Number(1.0)));
    let indices = agent.get_v(&m, &PropertyKey::from("indices")).ok().unwrap();
    assert_eq!(text(&mut agent, &indices), "[[1,3],[1,2],[2,3]]");
    let groups = agent
        .get_v(&indices, &PropertyKey::from("groups"))
        .ok()
        .unwrap();
    assert_eq!(text(&mut agent, &groups), r#"{"n":[1,2]}"#);
}

#[test]
fn utf16_indices_and_unicode_mode() {
    let mut agent = Agent::new();
    let smile = JsStr::from("😀x");
    let re = new_regexp(&mut agent, "x", "g").unwrap();
    let m = call(
        &mut agent,
        &re,
        PropertyKey::from("exec"),
        &[Value::String(smile.clone())],
    )
    .unwrap();
    let index = agent.get_v(&m, &PropertyKey::from("index")).ok().unwrap();
    assert!(index.same_value(&Value::Number(2.0)));
    let last = agent
        .get_v(&re, &PropertyKey::from("lastIndex"))
        .ok()
        .unwrap();
    assert!(last.same_value(&Value::Number(3.0)));
    let dot_u = new_regexp(&mut agent, "^.$", "u").unwrap();
    let one = Value::from("😀");
    let t = call(
        &mut agent,
        &dot_u,
        PropertyKey::from("test"),
        std::slice::from_ref(&one),
    )
    .unwrap();
    assert!(t.same_value(&Value::Bool(true)));
    let dot = new_regexp(&mut agent, "^.$", "").unwrap();
    let t = call(&mut agent, &dot, PropertyKey::from("test"), &[one]).unwrap();
    assert!(t.same_value(&Value::Bool(false)));
}

#[test]
fn replace_split_match_and_search() {
    let mut agent = Agent::new();
    let replace = PropertyKey::Symbol(agent.symbols.replace.clone());
    let split = PropertyKey::Symbol(agent.symbols.split.clone());
    let search = PropertyKey::Symbol(agent.symbols.search.clone());
    let match_ = PropertyKey::Symbol(agent.symbols.match_.clone());
    let re = new_regexp(&mut agent, "(?<n>b)", "").unwrap();
    let r = call(
        &mut agent,
        &re,
        replace.clone(),
        &[
            Value::from("abc"),
            Value::from("[$<n>|$1|$01|$10|$2|$<m>|$&|$`|$'|$$]"),
        ],
    )
    .unwrap();
    assert_eq!(agent.to_display_string(&r), "a[b|b|b|b0|$2||b|a|c|$]c");
    let digits = new_regexp(&mut agent, "(\\d)", "").unwrap();
    let parts = call(
        &mut agent,
        &digits,
        split.clone(),
        &[Value::from("a1b2c3"), Value::Number(3.0)],
    )
    .unwrap();
    assert_eq!(text(&mut agent, &parts), r#"["a","1","b"]"#);
    let plain = new_regexp(&mut agent, "\\d", "").unwrap();
    let parts = call(&mut agent, &plain, split.clone(), &[Value::from("a1b2c3")]).unwrap();
    assert_eq!(text(&mut agent, &parts), r#"["a","b","c",""]"#);
    let empty = new_regexp(&mut agent, "", "").unwrap();
    let parts = call(&mut agent, &empty, split, &[Value::from("abc")]).unwrap();
    assert_eq!(text(&mut agent, &parts), r#"["a","b","c"]"#);
    let i = call(&mut agent, &plain, search, &[Value::from("ab3")]).unwrap();
    assert!(i.same_value(&Value::Number(2.0)));
    let g = new_regexp(&mut agent, "\\d", "g").unwrap();
    let all = call(&mut agent, &g, match_, &[Value::from("a1b22")]).unwrap();
    assert_eq!(text(&mut agent, &all), r#"["1","2","2"]"#);
    let empty_u = new_regexp(&mut agent, "(?:)", "gu").unwrap();
    let r = call(
        &mut agent,
        &empty_u,
        replace,
        &[Value::from("😀"), Value::from("-")],
    )
    .unwrap();
    assert_eq!(agent.to_display_string(&r), "-😀-");
}

#[test]
fn source_flags_and_to_string() {
    let mut agent = Agent::new();
    let re = new_regexp(&mut agent, "a/b\n[/]", "ysmigd").unwrap();
    let s = call(&mut agent, &re, PropertyKey::from("toString"), &[]).unwrap();
    assert_eq!(agent.to_display_string(&s), "/a\\/b\\n[/]/dgimsy");
    let empty = new_regexp(&mut agent, "", "").unwrap();
    let Value::Object(o) = &empty else {
        unreachable!()
    };
    assert_eq!(super::regexp_display(o).as_deref(), Some("/(?:)/"));
}

#[test]
fn engine_errors_are_reworded_like_v8() {
    let mut agent = Agent::new();
    let cases = [
        ("a**", "", "Nothing to repeat"),
        ("\\", "", "\\ at end of pattern"),
        ("a{2,1}", "", "numbers out of order in {} quantifier"),
        ("(?<a>x)(?<a>y)", "", "Duplicate capture group name"),
        ("\\k<b>(?<a>x)", "", "Invalid named capture referenced"),
        ("[b-a]", "", "Range out of order in character class"),
        ("(?<1>x)", "", "Invalid capture group name"),
        ("(?", "", "Invalid group"),
        ("\\u{110000}", "u", "Invalid Unicode escape"),
        ("\\p{Foo}", "u", "Invalid property name"),
        ("[\\d-a]", "u", "Invalid character class"),
        ("\\-", "u", "Invalid escape"),
        ("}", "u", "Lone quantifier brackets"),
    ];
    for (p, f, reason) in cases {
        let expected = format!("Invalid regular expression: /{p}/{f}: {reason}");
        assert_eq!(new_regexp(&mut agent, p, f).err(), Some(expected));
    }
}

#[test]
fn deep_patterns_and_surrogate_positions_do_not_crash() {
    let mut agent = Agent::new();
    let deep = format!("{}a{}", "(".repeat(5000), ")".repeat(5000));
    let _ = new_regexp(&mut agent, &deep, "");
    let unbalanced = "(".repeat(100_000);
    assert!(new_regexp(&mut agent, &unbalanced, "").is_err());
    let classes = "[".repeat(100_000);
    assert!(new_regexp(&mut agent, &classes, "v").is_err());
    // lastIndex inside a surrogate pair, with and without the u flag.
    for flags in ["gu", "g", "yu", "y"] {
        let re = new_regexp(&mut agent, "x|\\ude00", flags).unwrap();
        agent
            .set_property(
                match &re {
                    Value::Object(o) => o,
                    _ => unreachable!(),
                },
                &PropertyKey::from("lastIndex"),
                Value::Number(1.0),
            )
            .ok();
        let _ = call(
            &mut agent,
            &re,
            PropertyKey::from("exec"),
            &[Value::from("😀x")],
        );
    }
}

#[test]
fn match_all_iterates_and_finishes() {
    let mut agent = Agent::new();
    let match_all = PropertyKey::Symbol(agent.symbols.match_all.clone());
    let re = new_regexp(&mut agent, "(?:)", "g").unwrap();
    let it = call(&mut agent, &re, match_all, &[Value::from("ab")]).unwrap();
    let mut indices = Vec::new();
    loop {
        let step = call(&mut agent, &it, PropertyKey::from("next"), &[]).unwrap();
        let done = agent.get_v(&step, &PropertyKey::from("done")).ok().unwrap();
        if done.same_value(&Value::Bool(true)) {
            break;
        }
        let m = agent
            .get_v(&step, &PropertyKey::from("value"))
            .ok()
            .unwrap();
        let i = agent.get_v(&m, &PropertyKey::from("index")).ok().unwrap();
        indices.push(agent.to_display_string(&i));
    }
    assert_eq!(indices, ["0", "1", "2"]);
}

#[test]
fn many_small_patterns_never_panic() {
    let alphabet: Vec<u16> = "a(|)[]^$\\.*+?{}1,-<>kpu=!:bBdDwWsS"
        .encode_utf16()
        .chain([0xD83D, 0xDE00, 0xDC00, 0x17F])
        .collect();
    let subjects: Vec<Value> = ["", "aab", "a1-b,c", "😀a\u{17F}s"]
        .iter()
        .map(|s| Value::from(*s))
        .collect();
    let mut agent = Agent::new();
    let ctor = agent.intrinsics().get("RegExp");
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..4000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = (seed % 7) as usize + 1;
        let units: Vec<u16> = (0..len)
            .map(|i| alphabet[((seed >> (i * 5)) % alphabet.len() as u64) as usize])
            .collect();
        let flags = ["", "i", "u", "iu", "v", "gy", "ims", "d"][((seed >> 40) % 8) as usize];
        let pattern = Value::String(JsStr::from_units(units));
        let Ok(re) = agent.construct(&ctor, &[pattern, Value::from(flags)], None) else {
            continue;
        };
        for s in &subjects {
            let _ = call(
                &mut agent,
                &re,
                PropertyKey::from("exec"),
                std::slice::from_ref(s),
            );
        }
    }
}

#[test]
fn legacy_static_properties_follow_the_last_match() {
    let mut agent = Agent::new();
    let re = new_regexp(&mut agent, "(a)(b)?", "").unwrap();
    call(
        &mut agent,
        &re,
        PropertyKey::from("exec"),
        &[Value::from("xxaby")],
    )
    .unwrap();
    let ctor = agent.intrinsics().get("RegExp");
    let read = |agent: &mut Agent, name: &str| {
        let v = agent.get(&ctor, &PropertyKey::from(name)).ok().unwrap();
        agent.to_display_string(&v)
    };
    let got: Vec<String> = [
        "$1",
        "$2",
        "lastMatch",
        "$`",
        "rightContext",
        "input",
        "lastParen",
        "$9",
    ]
    .iter()
    .map(|n| read(&mut agent, n))
    .collect();
    assert_eq!(got, ["a", "b", "ab", "xx", "y", "xxaby", "b", ""]);
}

#[test]
fn large_quantifiers_compile_and_run() {
    let mut agent = Agent::new();
    for p in [
        "a{100000}",
        "(?:a{1000}){1000}",
        "a{4294967295}",
        "a{0,99999999999999999999}",
        "(a|b)*c",
    ] {
        if let Ok(re) = new_regexp(&mut agent, p, "") {
            let subject = Value::String(JsStr::from("ab".repeat(2000).as_str()));
            let _ = call(&mut agent, &re, PropertyKey::from("exec"), &[subject]);
        }
    }
}

#[test]
fn long_subjects_do_not_overflow_the_stack() {
    let mut agent = Agent::new();
    let subject = Value::String(JsStr::from("ab".repeat(200_000).as_str()));
    for p in ["^(a|b)*$", "^(?:(a)|b)*?$"] {
        let re = new_regexp(&mut agent, p, "").unwrap();
        let _ = call(
            &mut agent,
            &re,
            PropertyKey::from("exec"),
            std::slice::from_ref(&subject),
        );
    }
}

#[test]
fn sticky_matching_is_anchored_and_cheap() {
    let mut agent = Agent::new();
    let re = new_regexp(&mut agent, "(?<d>\\d)(x)?|z", "y").unwrap();
    let Value::Object(o) = &re else {
        unreachable!()
    };
    let subject = Value::String(JsStr::from(format!("a1x{}", "b".repeat(100_000)).as_str()));
    let last_index = PropertyKey::from("lastIndex");
    // 20,000 failing sticky attempts on a long text: each must stop at its position.
    for _ in 0..20_000 {
        agent.set_property(o, &last_index, Value::Number(0.0)).ok();
        let m = call(
            &mut agent,
            &re,
            PropertyKey::from("exec"),
            std::slice::from_ref(&subject),
        )
        .unwrap();
        assert!(matches!(m, Value::Null));
    }
    agent.set_property(o, &last_index, Value::Number(1.0)).ok();
    let m = call(
        &mut agent,
        &re,
        PropertyKey::from("exec"),
        std::slice::from_ref(&subject),
    )
    .unwrap();
    let Value::Object(m) = &m else {
        panic!("a match at 1")
    };
    let length = agent.get(m, &PropertyKey::from("length")).ok().unwrap();
    assert_eq!(agent.to_display_string(&length), "3");
    let groups = agent.get(m, &PropertyKey::from("groups")).ok().unwrap();
    let d = agent.get_v(&groups, &PropertyKey::from("d")).ok().unwrap();
    assert_eq!(agent.to_display_string(&d), "1");
    let li = agent.get(o, &last_index).ok().unwrap();
    assert_eq!(agent.to_display_string(&li), "3");
    // At the end of the text only P itself can match.
    let empty = new_regexp(&mut agent, "$", "y").unwrap();
    let Value::Object(e) = &empty else {
        unreachable!()
    };
    agent.set_property(e, &last_index, Value::Number(3.0)).ok();
    let m = call(
        &mut agent,
        &empty,
        PropertyKey::from("exec"),
        &[Value::from("abc")],
    )
    .unwrap();
    assert!(!matches!(m, Value::Null));
}
