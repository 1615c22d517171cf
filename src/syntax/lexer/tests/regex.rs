//! Regular expression literals and the regex-versus-division decision.

use super::*;

/// Whether each `/`-starting token in `src` became a regex, in order.
fn slashes(src: &str) -> Vec<&'static str> {
    toks(src)
        .into_iter()
        .filter_map(|t| match t {
            Tok::Regex { .. } => Some("re"),
            Tok::Slash | Tok::SlashEq => Some("div"),
            _ => None,
        })
        .collect()
}

fn is_regex(src: &str) -> bool {
    match slashes(src).as_slice() {
        ["re"] => true,
        ["div", "div"] | ["div"] => false,
        other => panic!("{src}: {other:?}"),
    }
}

fn regex(src: &str) -> (String, String) {
    match toks(src).as_slice() {
        [Tok::Regex(regex)] => (
            String::from_utf16_lossy(&regex.pattern),
            regex.flags.to_string(),
        ),
        other => panic!("{src}: {other:?}"),
    }
}

#[test]
fn regex_bodies_and_flags() {
    assert_eq!(regex("/abc/"), ("abc".into(), "".into()));
    assert_eq!(regex("/a/gimsuyd"), ("a".into(), "gimsuyd".into()));
    assert_eq!(regex("/a/v"), ("a".into(), "v".into()));
    assert_eq!(regex("/[/]/"), ("[/]".into(), "".into()));
    assert_eq!(regex(r"/\//g"), (r"\/".into(), "g".into()));
    assert_eq!(regex(r"/[\]/]/"), (r"[\]/]".into(), "".into()));
    assert_eq!(regex("/é😀/u"), ("é😀".into(), "u".into()));
    assert_eq!(regex("/=/"), ("=".into(), "".into()));
    assert_eq!(regex("/(?:)/"), ("(?:)".into(), "".into()));
    let t = tokens("x = /a/g;");
    assert_eq!((t[2].start, t[2].end), (4, 8));
}

#[test]
fn bad_regex_literals() {
    let missing = "Invalid regular expression: missing /";
    assert_eq!(error("/abc"), missing);
    assert_eq!(error("/a\nb/"), missing);
    assert_eq!(error("/[\n]/"), missing);
    assert_eq!(error("/a\\"), missing);
    assert_eq!(error("/a\\\n/"), missing);
    assert_eq!(error("/a\u{2028}/"), missing);
    assert_eq!(error("/[/"), missing);
    let flags = "Invalid regular expression flags";
    assert_eq!(error("/a/gg"), flags);
    assert_eq!(error("/a/x"), flags);
    assert_eq!(error("/a/uv"), flags);
    assert_eq!(error("/a/\\u0067"), flags);
    assert_eq!(error("/a/gé"), flags);
}

#[test]
fn division_after_expressions() {
    assert!(!is_regex("a / b / c"));
    assert!(!is_regex("a /= b"));
    assert!(!is_regex("1 / 2"));
    assert!(!is_regex("'s' / 2"));
    assert!(!is_regex("`t` / 2"));
    assert!(!is_regex("`${a}` / 2"));
    assert!(!is_regex("(a) / 2"));
    assert!(!is_regex("a[0] / 2"));
    assert!(!is_regex("this / 2"));
    assert!(!is_regex("super.x / 2"));
    assert!(!is_regex("null / 2"));
    assert!(!is_regex("true / 2"));
    assert!(!is_regex("a++ / 2"));
    assert!(!is_regex("a-- / 2"));
    assert!(!is_regex("x = {} / 1"));
    assert!(!is_regex("x = {a: 1}\n/1/g"));
    assert!(!is_regex("x = function(){} / 1"));
    assert!(!is_regex("x = class {} / 1"));
    assert!(!is_regex("x = a\n/b/g"));
    assert!(!is_regex("#x in a / 2"));
    assert!(!is_regex("1n / 2n"));
    assert_eq!(slashes("/a/g / 2"), ["re", "div"]);
}

#[test]
fn keyword_property_names_are_division() {
    assert!(!is_regex("a.return / 2"));
    assert!(!is_regex("a.typeof / 2"));
    assert!(!is_regex("a?.delete / 2"));
    assert!(!is_regex("a.if / 2"));
    assert!(!is_regex("a.of / 2"));
    assert!(!is_regex("a.yield / 2"));
    assert!(!is_regex("a.in / 2"));
    assert!(!is_regex("import.meta / 2"));
    assert!(!is_regex("new.target / 2"));
    // A call of a method named like a control keyword.
    assert!(!is_regex("a.if(x) / 2"));
    assert!(!is_regex("a.while(x) / 2"));
}

#[test]
fn regex_after_operators_and_keywords() {
    assert!(is_regex("/re/"));
    assert!(is_regex("x = /re/"));
    assert!(is_regex("f(/re/)"));
    assert!(is_regex("[/re/]"));
    assert!(is_regex("a, /re/"));
    assert!(is_regex("!/re/.test(s)"));
    assert!(is_regex("a && /re/"));
    assert_eq!(slashes("a ? /re/ : /x/"), ["re", "re"]);
    assert!(is_regex("x => /re/"));
    for kw in [
        "return",
        "typeof",
        "in",
        "yield",
        "await",
        "case",
        "do",
        "else",
        "delete",
        "void",
        "new",
        "throw",
        "instanceof",
    ] {
        assert!(is_regex(&format!("{kw} /re/")), "{kw}");
    }
    assert!(is_regex("++/re/.lastIndex"));
    assert!(is_regex("a\n++/re/.lastIndex"));
    assert!(is_regex("`${/re/}`"));
    assert!(is_regex("`${a}${/re/}`"));
    assert!(is_regex("export default /re/"));
}

#[test]
fn parenthesised_heads() {
    assert!(is_regex("if (x) /re/.test(s)"));
    assert!(is_regex("while (x) /re/.exec(s)"));
    assert!(is_regex("for (;;) /re/"));
    assert!(is_regex("for (const a of b) /re/"));
    assert!(is_regex("for await (const a of b) /re/"));
    assert!(is_regex("for (const a of /re/g.exec(s)) {}"));
    assert!(is_regex("for await (const a of /re/) {}"));
    // Outside a `for` head, `of` is a name.
    assert!(!is_regex("var of = 1; of / 2 / 3"));
    assert!(is_regex("with (o) /re/"));
    assert!(is_regex("if (f(a, (b))) /re/"));
    assert!(!is_regex("f(x) / 2"));
    assert!(!is_regex("(a, b) / 2"));
    assert!(!is_regex("if (x) a / 2"));
}

#[test]
fn braces_closing_blocks_and_expressions() {
    assert!(is_regex("function f(){}\n/re/.test(s)"));
    assert!(is_regex("function* g(){}\n/re/"));
    assert!(is_regex("async function f(){}\n/re/"));
    assert!(is_regex("export function f(){}\n/re/"));
    assert!(is_regex("export default function(){}\n/re/"));
    assert!(is_regex("class A {}\n/re/"));
    assert!(is_regex("class A extends B {}\n/re/"));
    assert!(is_regex("class A extends f({}) { m() {} }\n/re/"));
    assert!(is_regex("{}\n/re/"));
    assert!(is_regex("{} /re/"));
    assert!(is_regex("if (a) {} /re/"));
    assert!(is_regex("if (a) {} else {} /re/"));
    assert!(is_regex("try {} catch (e) {} /re/"));
    assert!(is_regex("try {} catch {} finally {} /re/"));
    assert!(is_regex("do {} while (x) /re/"));
    assert!(is_regex("switch (x) { case 1: /re/ }"));
    assert!(is_regex("switch (x) { default: {} /re/ }"));
    assert!(is_regex("label: {} /re/"));
    assert!(is_regex("x = () => {}\n/re/"));
    assert!(is_regex("class A { static {} }\n/re/"));
    assert!(is_regex("import {a} from 'b'\n/re/"));
    assert!(is_regex("import 'b'\n/re/"));
    assert!(is_regex("export * from 'b'\n/re/"));
    assert!(is_regex("import a from 'b' with { type: 'json' }\n/re/"));
    assert!(!is_regex("import('b') / 2"));
    assert!(!is_regex("export default 'b' / 2"));
    assert!(is_regex("export {a}\n/re/"));
    assert!(is_regex("function f() { return {} }\n/re/"));
    assert!(is_regex("x = 1;\n{}\n/re/"));
    // Object literals and function/class expressions end expressions.
    assert!(!is_regex("x = {a: {}} / 2"));
    assert!(!is_regex("f({}) / 2"));
    assert!(!is_regex("x = a ? {} : {} / 2"));
    assert!(!is_regex("x = [{}] / 2"));
    assert!(!is_regex("x = (function f(){}) / 2"));
    assert!(!is_regex("x = async function(){} / 2"));
    assert!(!is_regex("x = function f(){} / 2"));
    assert!(!is_regex("x = function* g(){} / 2"));
    assert!(!is_regex("x = function of(){} / 2"));
    assert!(!is_regex("x = async function yield_(a, {b}){} / 2"));
    assert!(is_regex("function f(a = {}, [b] = []) {}\n/re/"));
    assert!(!is_regex("return {} / 2"));
    assert!(!is_regex("`${{}/2}`"));
    assert!(!is_regex("x = { f() {} , g: 1} / 2"));
    // A ternary's `:` inside a block is not a label.
    assert!(!is_regex("{ a ? b : {} / 2 }"));
}

#[test]
fn template_braces_resume_templates() {
    assert_eq!(toks("`${ {} }`").len(), 4, "head, {{, }}, tail");
    assert!(is_regex("`${ function(){} }` + /re/"));
    assert!(!is_regex("`${ a }` / 2"));
}

#[test]
fn every_keyword_is_a_property_name_after_a_dot() {
    let words = [
        "await",
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "debugger",
        "default",
        "delete",
        "do",
        "else",
        "enum",
        "export",
        "extends",
        "false",
        "finally",
        "for",
        "function",
        "if",
        "import",
        "in",
        "instanceof",
        "new",
        "null",
        "return",
        "super",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "var",
        "void",
        "while",
        "with",
        "yield",
        "let",
        "static",
        "implements",
        "interface",
        "package",
        "private",
        "protected",
        "public",
        "async",
        "of",
        "get",
        "set",
        "as",
        "from",
        "meta",
        "target",
        "accessor",
    ];
    for word in words {
        assert!(Tok::keyword(word).is_some(), "{word}");
        assert!(!is_regex(&format!("a.{word} / 2 / 3")), "{word}");
        assert!(!is_regex(&format!("x = {{ {word}: 1 }} / 2")), "{word}");
    }
}
