//! Lexical errors: V8's messages (probed with Node 20) and sensible spans.

use super::*;

fn error_span(src: &str) -> (u32, u32) {
    let e = tokenize(src).expect_err(src);
    (e.span.start, e.span.end)
}

#[test]
fn messages() {
    let invalid = "Invalid or unexpected token";
    for src in [
        "\"abc", "'abc", "/* x", "#", "\\", "a\u{0}", "3in", "0x", "01n", "1e", "@", "€", " #!x",
    ] {
        assert_eq!(error(src), invalid, "{src:?}");
    }
    assert_eq!(error("`abc"), "Unexpected end of input");
    assert_eq!(error("x = /abc"), "Invalid regular expression: missing /");
    assert_eq!(error("x = /abc/gg"), "Invalid regular expression flags");
    assert_eq!(
        error(r"\u0069f"),
        "Keyword must not contain escaped characters"
    );
    assert_eq!(error(r"x = \u{110000}"), "Undefined Unicode code-point");
    assert_eq!(error(r"x = \u{"), "Invalid Unicode escape sequence");
    assert_eq!(error(r#""\x4""#), "Invalid hexadecimal escape sequence");
    assert_eq!(
        error("a <!-- b"),
        "HTML comments are not allowed in modules"
    );
    assert_eq!(
        error("a\n--> b"),
        "HTML comments are not allowed in modules"
    );
    assert_eq!(
        error("/*\n*/--> b"),
        "HTML comments are not allowed in modules"
    );
}

#[test]
fn html_close_needs_a_line_start() {
    assert_eq!(
        toks("x-->y"),
        vec![ident("x"), Tok::MinusMinus, Tok::Gt, ident("y")]
    );
    assert_eq!(toks("a /**/ --> x").len(), 4);
    assert_eq!(
        error("/**/ --> x"),
        "HTML comments are not allowed in modules"
    );
}

#[test]
fn spans_point_at_the_problem() {
    assert_eq!(error_span("x = 'ab"), (4, 7));
    assert_eq!(error_span("x @"), (2, 3));
    assert_eq!(error_span(r"a = '\x4'"), (5, 7));
    assert_eq!(error_span("a = b /* c"), (6, 10));
}

#[test]
fn the_prefix_before_an_error_is_kept() {
    let (tokens, error) = super::super::tokenize_prefix("let x = ; 'open");
    assert_eq!(tokens.len(), 4);
    assert_eq!(
        error.expect("an error").message,
        "Invalid or unexpected token"
    );
}

#[test]
fn streaming_yields_tokens_before_the_error() {
    let items: Vec<_> = super::super::tokens("a b 'c").collect();
    assert_eq!(items.len(), 3);
    assert_eq!(items[1].as_ref().map(|t| t.tok.clone()), Ok(ident("b")));
    assert!(items[2].is_err());
    // `?.5` yields two tokens from one raw token.
    let items: Vec<_> = super::super::tokens("a?.5:b").collect();
    assert_eq!(items.len(), 5);
    assert!(items.iter().all(Result::is_ok));
}

#[test]
fn strict_mode_messages_for_legacy_tokens() {
    let check = |src: &str, message: &str, span: (u32, u32)| {
        let t = tokens(src);
        let e = super::super::legacy_octal_error(src, &t[t.len() - 1]).expect(src);
        assert_eq!(e.message, message, "{src}");
        assert_eq!((e.span.start, e.span.end), span, "{src}");
    };
    let octal_literal = "Octal literals are not allowed in strict mode.";
    let leading_zero = "Decimals with leading zeros are not allowed in strict mode.";
    let octal_escape = "Octal escape sequences are not allowed in strict mode.";
    let eight_nine = "\\8 and \\9 are not allowed in strict mode.";
    check("x = 017", octal_literal, (4, 7));
    check("00", octal_literal, (0, 2));
    check("08", leading_zero, (0, 2));
    check("09.5", leading_zero, (0, 4));
    check("x = 'a\\1'", octal_escape, (6, 8));
    check("'\\08'", octal_escape, (1, 3));
    check("'\\9'", eight_nine, (1, 3));
    // The last legacy escape decides, as in V8.
    check("'\\8\\1'", octal_escape, (3, 5));
    check("'\\1\\8'", eight_nine, (3, 5));
    let t = tokens("'\\0' 10");
    assert!(super::super::legacy_octal_error("'\\0' 10", &t[0]).is_none());
    assert!(super::super::legacy_octal_error("'\\0' 10", &t[1]).is_none());
}
