//! White space, line terminators, comments and `nl_before` (§12.2–§12.5).

use super::*;

fn nl(src: &str) -> Vec<bool> {
    tokens(src).into_iter().map(|t| t.nl_before).collect()
}

#[test]
fn white_space() {
    let spaces =
        "\t\u{B}\u{C} \u{A0}\u{FEFF}\u{1680}\u{2000}\u{2005}\u{200A}\u{202F}\u{205F}\u{3000}";
    let src = format!("a{spaces}b");
    assert_eq!(toks(&src), vec![ident("a"), ident("b")]);
    assert_eq!(nl(&src), vec![false, false]);
    // A byte order mark at the start is white space.
    assert_eq!(toks("\u{FEFF}x"), vec![ident("x")]);
    // U+180E is not white space any more (Unicode 6.3).
    assert!(tokenize("a\u{180E}b").is_err());
}

#[test]
fn line_terminators() {
    for terminator in ["\n", "\r", "\r\n", "\u{2028}", "\u{2029}"] {
        let src = format!("a{terminator}b");
        assert_eq!(nl(&src), vec![false, true], "{src:?}");
        let t = tokens(&src);
        assert_eq!(t[1].start, 1 + terminator.len());
    }
    assert_eq!(nl("\na"), vec![true]);
    assert_eq!(nl("a \n \n b c"), vec![false, true, false]);
}

#[test]
fn comments() {
    assert_eq!(toks("a // c\nb"), vec![ident("a"), ident("b")]);
    assert_eq!(nl("a // c\nb"), vec![false, true]);
    assert_eq!(nl("a // c\u{2028}b"), vec![false, true]);
    assert_eq!(nl("a /* c */ b"), vec![false, false]);
    assert_eq!(nl("a /* \n */ b"), vec![false, true]);
    assert_eq!(nl("a /* \r */ b"), vec![false, true]);
    assert_eq!(nl("a /* \u{2029} */ b"), vec![false, true]);
    assert_eq!(nl("a /**/ b"), vec![false, false]);
    assert_eq!(nl("a /***/ b"), vec![false, false]);
    assert_eq!(
        toks("a /* / */ / b"),
        vec![ident("a"), Tok::Slash, ident("b")]
    );
    assert_eq!(toks("// only"), vec![]);
    assert_eq!(toks("/* only */"), vec![]);
    assert_eq!(toks("a//"), vec![ident("a")]);
    // A comment is never a regex, even where one could start.
    assert_eq!(toks("x = //c\n1"), vec![ident("x"), Tok::Eq, num(1.0)]);
    assert_eq!(error("/* open"), "Invalid or unexpected token");
    assert_eq!(error("a /* * /"), "Invalid or unexpected token");
    // Module code has no HTML-like comments; V8 rejects them outright.
    assert_eq!(
        error("a <!-- b"),
        "HTML comments are not allowed in modules"
    );
}

#[test]
fn hashbang() {
    assert_eq!(toks("#!/usr/bin/env node\nx"), vec![ident("x")]);
    assert_eq!(nl("#!/usr/bin/env node\nx"), vec![true]);
    assert_eq!(toks("#!"), vec![]);
    assert_eq!(error(" #!x"), "Invalid or unexpected token");
    assert_eq!(error("x\n#!y"), "Invalid or unexpected token");
}

#[test]
fn spans_of_tokens_after_trivia() {
    let t = tokens("/* é */ a // x\n  b");
    assert_eq!((t[0].start, t[0].end), (9, 10));
    assert_eq!((t[1].start, t[1].end), (18, 19));
}
