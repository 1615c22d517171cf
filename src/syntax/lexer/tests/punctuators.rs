//! Punctuators (§12.8), longest match first.

use super::*;

#[test]
fn every_punctuator() {
    let src = "{ } ( ) [ ] . ... ; , < > <= >= == != === !== + - * / % ** ++ -- << >> >>> & | ^ ! ~ && || ?? ? ?. : = += -= *= /= %= **= <<= >>= >>>= &= |= ^= &&= ||= ??= =>";
    // `/` and `/=` after `]`-like context: put an identifier before each
    // slash so they are division.
    let src = src.replace(" / ", " x / x ").replace(" /= ", " x /= x ");
    let expected_texts: Vec<&str> = src.split(' ').collect();
    let got = toks(&src);
    assert_eq!(got.len(), expected_texts.len());
    for (tok, text) in got.iter().zip(expected_texts) {
        if text == "x" {
            assert_eq!(tok, &ident("x"));
        } else {
            assert_eq!(tok.fixed_text(), Some(text), "{tok:?}");
        }
    }
}

#[test]
fn longest_match() {
    assert_eq!(toks("a>>>=b"), vec![ident("a"), Tok::UShrEq, ident("b")]);
    assert_eq!(toks("a>>>b"), vec![ident("a"), Tok::UShr, ident("b")]);
    assert_eq!(toks("a>>=b"), vec![ident("a"), Tok::ShrEq, ident("b")]);
    assert_eq!(toks("a**=b"), vec![ident("a"), Tok::StarStarEq, ident("b")]);
    assert_eq!(toks("a===b"), vec![ident("a"), Tok::EqEqEq, ident("b")]);
    assert_eq!(toks("a!==b"), vec![ident("a"), Tok::NotEqEq, ident("b")]);
    assert_eq!(
        toks("a??=b"),
        vec![ident("a"), Tok::QuestionQuestionEq, ident("b")]
    );
    assert_eq!(
        toks("a+++b"),
        vec![ident("a"), Tok::PlusPlus, Tok::Plus, ident("b")]
    );
    assert_eq!(toks("a=>b"), vec![ident("a"), Tok::Arrow, ident("b")]);
    assert_eq!(toks("....5"), vec![Tok::Ellipsis, num(0.5)]);
    assert_eq!(
        toks("a..b"),
        vec![ident("a"), Tok::Dot, Tok::Dot, ident("b")]
    );
}

#[test]
fn optional_chaining_versus_conditional() {
    assert_eq!(toks("a?.b"), vec![ident("a"), Tok::QuestionDot, ident("b")]);
    assert_eq!(toks("a?.[0]")[1], Tok::QuestionDot);
    // `?.` followed by a decimal digit is `?` then a number.
    assert_eq!(
        toks("a?.5:b"),
        vec![ident("a"), Tok::Question, num(0.5), Tok::Colon, ident("b")]
    );
    let t = tokens("a?.5:b");
    assert_eq!((t[1].start, t[1].end, t[2].start, t[2].end), (1, 2, 2, 4));
    assert_eq!(toks("a??.5:b")[1], Tok::QuestionQuestion);
}

#[test]
fn stray_characters_are_errors() {
    // Node 20 has no decorators.
    assert_eq!(error("@x"), "Invalid or unexpected token");
    assert_eq!(error("a\u{0}b"), "Invalid or unexpected token");
    assert_eq!(error("a \u{1} b"), "Invalid or unexpected token");
    assert_eq!(error("\u{7f}"), "Invalid or unexpected token");
    assert_eq!(error("€"), "Invalid or unexpected token");
}
