//! Identifiers, escapes, keywords and private names (§12.7).

use super::*;

#[test]
fn ascii_and_unicode_identifiers() {
    assert_eq!(
        toks("foo $ _ a1 $b_2"),
        vec![
            ident("foo"),
            ident("$"),
            ident("_"),
            ident("a1"),
            ident("$b_2")
        ]
    );
    assert_eq!(
        toks("café π ℘x"),
        vec![ident("café"), ident("π"), ident("℘x")]
    );
    // ZWNJ and ZWJ continue a name; U+00B7 (Other_ID_Continue) too.
    assert_eq!(
        toks("a\u{200C}b\u{200D}c"),
        vec![ident("a\u{200C}b\u{200D}c")]
    );
    assert_eq!(toks("a\u{B7}"), vec![ident("a\u{B7}")]);
    // U+037A is ID_Start but not XID_Start.
    assert_eq!(toks("\u{37A}"), vec![ident("\u{37A}")]);
    // Astral letters.
    assert_eq!(toks("𐐀x"), vec![ident("𐐀x")]);
}

#[test]
fn identifier_spans() {
    let t = tokens("  héllo  x");
    assert_eq!((t[0].start, t[0].end), (2, 8));
    assert_eq!((t[1].start, t[1].end), (10, 11));
}

#[test]
fn identifier_escapes() {
    assert_eq!(toks(r"\u0061bc"), vec![ident("abc")]);
    assert_eq!(toks(r"a\u{62}c"), vec![ident("abc")]);
    assert_eq!(toks(r"\u{1d4d0}"), vec![ident("\u{1d4d0}")]);
    assert_eq!(toks(r"\u{000000061}"), vec![ident("a")]);
    assert_eq!(toks(r"x\u200C"), vec![ident("x\u{200C}")]);
    // The escaped character must itself be a valid start/part.
    assert_eq!(error(r"\u0030x"), "Invalid or unexpected token");
    assert_eq!(error(r"a\u0020"), "Invalid or unexpected token");
    assert_eq!(error(r"a\u002D"), "Invalid or unexpected token");
    assert_eq!(error(r"\uD800"), "Invalid or unexpected token");
    assert_eq!(error(r"\u{"), "Invalid Unicode escape sequence");
    assert_eq!(error(r"\u{}"), "Invalid Unicode escape sequence");
    assert_eq!(error(r"\u{61"), "Invalid Unicode escape sequence");
    assert_eq!(error(r"\u00"), "Invalid Unicode escape sequence");
    assert_eq!(error(r"\u{110000}"), "Undefined Unicode code-point");
    assert_eq!(error(r"\x41"), "Invalid or unexpected token");
    assert_eq!(error(r"\"), "Invalid or unexpected token");
}

#[test]
fn keywords() {
    assert_eq!(
        toks("if else function class return yield await let static of async get set"),
        vec![
            Tok::If,
            Tok::Else,
            Tok::Function,
            Tok::Class,
            Tok::Return,
            Tok::Yield,
            Tok::Await,
            Tok::Let,
            Tok::Static,
            Tok::Of,
            Tok::Async,
            Tok::Get,
            Tok::Set
        ]
    );
    assert_eq!(
        toks("iff ifx async1"),
        vec![ident("iff"), ident("ifx"), ident("async1")]
    );
    // Keyword tokens share nothing with names that merely contain them.
    assert_eq!(toks("in instanceof"), vec![Tok::In, Tok::Instanceof]);
}

#[test]
fn escaped_keywords() {
    // An escaped reserved word is an error (V8 wording) ...
    assert_eq!(
        error(r"\u0069f"),
        "Keyword must not contain escaped characters"
    );
    assert_eq!(
        error(r"var x = n\u0065w X"),
        "Keyword must not contain escaped characters"
    );
    // Words that only strict code reserves pass as identifiers: the
    // early-error walk, which knows the strictness, decides.
    assert_eq!(toks(r"l\u0065t"), vec![ident("let")]);
    assert_eq!(toks(r"publ\u0069c"), vec![ident("public")]);
    assert_eq!(
        error(r"({ a: \u0069f })"),
        "Keyword must not contain escaped characters"
    );
    // ... except as a property name, where Node accepts it.
    assert_eq!(toks(r"x.\u0069f"), vec![ident("x"), Tok::Dot, ident("if")]);
    assert_eq!(
        toks(r"({\u0069f: 1})"),
        vec![
            Tok::LParen,
            Tok::LBrace,
            ident("if"),
            Tok::Colon,
            num(1.0),
            Tok::RBrace,
            Tok::RParen
        ]
    );
    assert_eq!(toks(r"class A { \u0069f() {} }")[3], ident("if"));
    // An escaped contextual keyword is a plain identifier.
    assert_eq!(toks(r"\u0061sync"), vec![ident("async")]);
    assert_eq!(toks(r"\u{6f}f"), vec![ident("of")]);
    assert_eq!(toks(r"g\u0065t"), vec![ident("get")]);
}

#[test]
fn private_names() {
    assert_eq!(
        toks("#x #$a #_"),
        vec![
            Tok::PrivateName("x".into()),
            Tok::PrivateName("$a".into()),
            Tok::PrivateName("_".into())
        ]
    );
    assert_eq!(toks(r"#\u0061b"), vec![Tok::PrivateName("ab".into())]);
    assert_eq!(toks(r"#a\u{62}"), vec![Tok::PrivateName("ab".into())]);
    assert_eq!(toks("#é"), vec![Tok::PrivateName("é".into())]);
    // Reserved words are fine as private names, even escaped.
    assert_eq!(toks(r"#\u0069f"), vec![Tok::PrivateName("if".into())]);
    assert_eq!(
        toks("this.#if"),
        vec![Tok::This, Tok::Dot, Tok::PrivateName("if".into())]
    );
    assert_eq!(error("#"), "Invalid or unexpected token");
    assert_eq!(error("# x"), "Invalid or unexpected token");
    assert_eq!(error(r"#\u0030"), "Invalid or unexpected token");
    let t = tokens("a.#bc");
    assert_eq!((t[2].start, t[2].end), (2, 5));
}

#[test]
fn names_are_interned_wherever_they_sit() {
    // The first `abc`/`abcdefghijk` have 16 bytes of source after them, the
    // last ones do not: both ways of reading a name must agree.
    let t = tokens("abc abcdefghijk + 1234567890123456789; abcdefghijk abc");
    match (&t[0].tok, &t[6].tok, &t[1].tok, &t[5].tok) {
        (Tok::Ident(a), Tok::Ident(b), Tok::Ident(c), Tok::Ident(d)) => {
            assert!(std::rc::Rc::ptr_eq(a, b));
            assert!(std::rc::Rc::ptr_eq(c, d));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(toks("if x"), vec![Tok::If, ident("x")]);
    assert_eq!(
        toks("if xxxxxxxxxxxxxxxxxxxxxxx"),
        vec![Tok::If, ident("xxxxxxxxxxxxxxxxxxxxxxx")]
    );
}

#[test]
fn names_are_interned() {
    let t = tokens("foo bar foo");
    match (&t[0].tok, &t[2].tok) {
        (Tok::Ident(a), Tok::Ident(b)) => assert!(std::rc::Rc::ptr_eq(a, b)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn many_and_long_names() {
    let names: Vec<String> = (0..5000)
        .map(|i| format!("name_{i}_{}", "x".repeat(i % 40)))
        .collect();
    let src = names.join(" ") + " " + &names.join(" ");
    let t = toks(&src);
    assert_eq!(t.len(), 10_000);
    for (i, name) in names.iter().enumerate() {
        assert_eq!(t[i], ident(name));
        match (&t[i], &t[i + 5000]) {
            (Tok::Ident(a), Tok::Ident(b)) => assert!(std::rc::Rc::ptr_eq(a, b)),
            other => panic!("{other:?}"),
        }
    }
    // Names equal in their first 16 bytes but not after.
    assert_eq!(
        toks("abcdefghijklmnopq abcdefghijklmnopr"),
        vec![ident("abcdefghijklmnopq"), ident("abcdefghijklmnopr")]
    );
}

#[test]
fn escaped_reserved_words_in_object_literals() {
    let keyword = "Keyword must not contain escaped characters";
    // A shorthand property is a reference, not a property name.
    for src in [
        r"x = { \u0069f }",
        r"x = { \u0069f, a }",
        r"x = { a, \u0063lass }",
        r"x = { \u0069f = 1 }",
        "x = { \\u0069f /* c */ }",
        "x = { \\u0069f\n}",
        r"label: { \u0069f }",
    ] {
        assert_eq!(error(src), keyword, "{src}");
    }
    for src in [
        r"x = { \u0069f() {} }",
        r"x = { async \u0069f() {} }",
        r"x = { get \u0069f() {} }",
        r"x = { *\u0069f() {} }",
        r"x = { \u0069f: 1 }",
        "x = { \\u0069f // c\n: 1 }",
    ] {
        assert!(tokenize(src).is_ok(), "{src}");
    }
}
