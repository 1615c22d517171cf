//! Template literals (§12.9.6): pieces, cooked and raw values, nesting.

use super::*;

fn part(cooked: Option<&str>, raw: &str) -> Box<TemplatePart> {
    Box::new(TemplatePart {
        cooked: cooked.map(js_string),
        raw: js_string(raw),
    })
}

use crate::syntax::token::TemplatePart;

#[test]
fn no_substitution() {
    assert_eq!(
        toks("`abc`"),
        vec![Tok::NoSubstTemplate(part(Some("abc"), "abc"))]
    );
    assert_eq!(toks("``"), vec![Tok::NoSubstTemplate(part(Some(""), ""))]);
    assert_eq!(
        toks("`a$b{c}$`"),
        vec![Tok::NoSubstTemplate(part(Some("a$b{c}$"), "a$b{c}$"))]
    );
    assert_eq!(
        toks("`😀`"),
        vec![Tok::NoSubstTemplate(part(Some("😀"), "😀"))]
    );
}

#[test]
fn substitutions() {
    assert_eq!(
        toks("`a${x}b${y}c`"),
        vec![
            Tok::TemplateHead(part(Some("a"), "a")),
            ident("x"),
            Tok::TemplateMiddle(part(Some("b"), "b")),
            ident("y"),
            Tok::TemplateTail(part(Some("c"), "c")),
        ]
    );
    let t = tokens("`a${x}b`");
    assert_eq!((t[0].start, t[0].end), (0, 4));
    assert_eq!((t[1].start, t[1].end), (4, 5));
    assert_eq!((t[2].start, t[2].end), (5, 8));
}

#[test]
fn nested_templates_and_braces() {
    assert_eq!(
        toks("`${ {a: `${b}`} }`"),
        vec![
            Tok::TemplateHead(part(Some(""), "")),
            Tok::LBrace,
            ident("a"),
            Tok::Colon,
            Tok::TemplateHead(part(Some(""), "")),
            ident("b"),
            Tok::TemplateTail(part(Some(""), "")),
            Tok::RBrace,
            Tok::TemplateTail(part(Some(""), "")),
        ]
    );
    assert_eq!(
        toks("`${function(){ return `${1}` }}`").last(),
        Some(&Tok::TemplateTail(part(Some(""), "")))
    );
    // Deep nesting.
    let depth = 200;
    let src = format!("{}x{}", "`${".repeat(depth), "}`".repeat(depth));
    assert_eq!(toks(&src).len(), 2 * depth + 1);
}

#[test]
fn cooked_and_raw_values() {
    assert_eq!(
        toks(r"`\n\x41\u{42}\``"),
        vec![Tok::NoSubstTemplate(part(Some("\nAB`"), r"\n\x41\u{42}\`"))]
    );
    // CRLF and CR become LF in both values.
    assert_eq!(
        toks("`a\r\nb\rc`"),
        vec![Tok::NoSubstTemplate(part(Some("a\nb\nc"), "a\nb\nc"))]
    );
    assert_eq!(
        toks("`a\\\r\nb`"),
        vec![Tok::NoSubstTemplate(part(Some("ab"), "a\\\nb"))]
    );
    assert_eq!(
        toks("`\\0`"),
        vec![Tok::NoSubstTemplate(part(Some("\0"), "\\0"))]
    );
    assert_eq!(
        toks("`\\${x}`"),
        vec![Tok::NoSubstTemplate(part(Some("${x}"), "\\${x}"))]
    );
    // Raw line terminators are allowed.
    assert_eq!(
        toks("`a\nb`"),
        vec![Tok::NoSubstTemplate(part(Some("a\nb"), "a\nb"))]
    );
}

#[test]
fn invalid_escapes_leave_cooked_undefined() {
    for (src, raw) in [
        (r"`\1`", r"\1"),
        (r"`\01`", r"\01"),
        (r"`\8`", r"\8"),
        (r"`\x`", r"\x"),
        (r"`\x4`", r"\x4"),
        (r"`\u`", r"\u"),
        (r"`\u{`", r"\u{"),
        (r"`\u{110000}`", r"\u{110000}"),
        (r"`\unicode`", r"\unicode"),
    ] {
        assert_eq!(
            toks(src),
            vec![Tok::NoSubstTemplate(part(None, raw))],
            "{src}"
        );
    }
    // The escape does not swallow a following substitution.
    assert_eq!(
        toks(r"`\u${x}`"),
        vec![
            Tok::TemplateHead(part(None, r"\u")),
            ident("x"),
            Tok::TemplateTail(part(Some(""), ""))
        ]
    );
    assert_eq!(toks(r"`\u{${x}`")[0], Tok::TemplateHead(part(None, r"\u{")));
}

#[test]
fn untagged_error_messages() {
    let check = |src: &str, message: &str| {
        let t = tokens(src);
        let e = super::super::template_escape_error(src, &t[0]).expect(src);
        assert_eq!(e.message, message, "{src}");
    };
    check(
        r"`\1`",
        "Octal escape sequences are not allowed in template strings.",
    );
    check(
        r"`\01`",
        "Octal escape sequences are not allowed in template strings.",
    );
    check(r"`\8`", "\\8 and \\9 are not allowed in template strings.");
    check(r"`\x`", "Invalid hexadecimal escape sequence");
    check(r"`\u`", "Invalid Unicode escape sequence");
    check(r"`\u{110000}`", "Undefined Unicode code-point");
    let t = tokens("`ok`");
    assert!(super::super::template_escape_error("`ok`", &t[0]).is_none());
}

#[test]
fn unterminated_templates() {
    assert_eq!(error("`abc"), "Unexpected end of input");
    assert_eq!(error("`abc\n"), "Unexpected end of input");
    // The parser reports a missing `}`; the tokens themselves are fine.
    assert_eq!(toks("`${").len(), 1);
    assert_eq!(error("`${x}"), "Unexpected end of input");
    assert_eq!(error("`\\"), "Unexpected end of input");
}
