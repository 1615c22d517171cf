//! Numeric literals (§12.9.3, §B.1.1). Values checked against Node.

use super::*;

fn value(src: &str) -> f64 {
    match toks(src).as_slice() {
        [Tok::Num { value, .. }] => *value,
        other => panic!("{src}: {other:?}"),
    }
}

fn legacy(src: &str) -> (f64, bool) {
    match toks(src).as_slice() {
        [Tok::Num {
            value,
            legacy_octal,
        }] => (*value, *legacy_octal),
        other => panic!("{src}: {other:?}"),
    }
}

fn bigint(src: &str) -> String {
    match toks(src).as_slice() {
        [Tok::BigInt(digits)] => digits.to_string(),
        other => panic!("{src}: {other:?}"),
    }
}

#[test]
fn decimal() {
    assert_eq!(value("0"), 0.0);
    assert_eq!(value("42"), 42.0);
    assert_eq!(value("1.5"), 1.5);
    assert_eq!(value(".5"), 0.5);
    assert_eq!(value("5."), 5.0);
    assert_eq!(value("1e3"), 1000.0);
    assert_eq!(value("1E+3"), 1000.0);
    assert_eq!(value("1e-3"), 0.001);
    assert_eq!(value("1.e5"), 100000.0);
    assert_eq!(value("0.e5"), 0.0);
    assert_eq!(value(".5e1"), 5.0);
    assert_eq!(value("0.1"), 0.1);
    assert_eq!(value("1e400"), f64::INFINITY);
    assert_eq!(value("1e-400"), 0.0);
    assert_eq!(value("5e-324"), 5e-324);
    assert_eq!(value("9007199254740993"), 9007199254740992.0);
    assert_eq!(
        value("123456789012345678901234567890"),
        1.2345678901234568e29
    );
    assert_eq!(value("1.7976931348623157e308"), f64::MAX);
    assert_eq!(value("2.2250738585072011e-308"), 2.225073858507201e-308);
}

#[test]
fn separators() {
    assert_eq!(value("1_000_000"), 1e6);
    assert_eq!(value("1_000.000_1e1_0"), 10000001000000.0);
    assert_eq!(value("0.0_1"), 0.01);
    assert_eq!(value("0e1_0"), 0.0);
    assert_eq!(value("0x1_0"), 16.0);
    assert_eq!(value("0b1_0"), 2.0);
    assert_eq!(value("0o1_0"), 8.0);
    assert_eq!(bigint("1_000n"), "1000");
    let end = "Numeric separators are not allowed at the end of numeric literals";
    let double = "Only one underscore is allowed as numeric separator";
    assert_eq!(error("1_"), end);
    assert_eq!(error("1_.5"), end);
    assert_eq!(error(".5_"), end);
    assert_eq!(error("1e5_"), end);
    assert_eq!(error("1.5_e3"), end);
    assert_eq!(error("0x1_"), end);
    assert_eq!(error("1_n"), end);
    assert_eq!(error("0x1_n"), end);
    assert_eq!(error("1__0"), double);
    assert_eq!(error("1__"), double);
    assert_eq!(error("1__.5"), double);
    assert_eq!(error("0x1__2"), double);
    assert_eq!(error("0b1__0"), double);
    assert_eq!(
        error("0_1"),
        "Numeric separator can not be used after leading 0."
    );
    assert_eq!(
        error("0_8"),
        "Numeric separator can not be used after leading 0."
    );
    assert_eq!(error("1._5"), "Invalid or unexpected token");
    assert_eq!(error("1e_5"), "Invalid or unexpected token");
    assert_eq!(error("0x_1"), "Invalid or unexpected token");
    assert_eq!(error("0b_1"), "Invalid or unexpected token");
    assert_eq!(error("08_1"), "Invalid or unexpected token");
}

#[test]
fn radix_literals() {
    assert_eq!(value("0x1F"), 31.0);
    assert_eq!(value("0X1f"), 31.0);
    assert_eq!(value("0o17"), 15.0);
    assert_eq!(value("0O17"), 15.0);
    assert_eq!(value("0b101"), 5.0);
    assert_eq!(value("0B101"), 5.0);
    // Beyond 2^53: round half to even (values from Node).
    assert_eq!(value("0x1fffffffffffff"), 9007199254740991.0);
    assert_eq!(value("0x20000000000001"), 9007199254740992.0);
    assert_eq!(value("0x20000000000003"), 9007199254740996.0);
    assert_eq!(value("0x20000000000002"), 9007199254740994.0);
    assert_eq!(value("0xFFFFFFFFFFFFFFFF"), 18446744073709552000.0);
    assert_eq!(value("0x1_0000_0000_0000_0001"), 18446744073709552000.0);
    assert_eq!(value("0o1777777777777777777777"), 18446744073709552000.0);
    assert_eq!(
        value("0b100000000000000000000000000000000000000000000000000011"),
        9007199254740996.0
    );
    assert_eq!(value("0x8000000000000800"), 9223372036854778000.0);
    assert_eq!(value("0x8000000000000800000001"), 1.5474250491067257e26);
    assert_eq!(
        value("0x80000000000008000000000000000"),
        4.153837486827863e34
    );
    let huge = format!("0x{}", "f".repeat(256));
    assert_eq!(value(&huge), f64::INFINITY);
    assert_eq!(value(&format!("0x{}", "0".repeat(300))), 0.0);
    assert_eq!(error("0x"), "Invalid or unexpected token");
    assert_eq!(error("0o"), "Invalid or unexpected token");
    assert_eq!(error("0b"), "Invalid or unexpected token");
    assert_eq!(error("0b2"), "Invalid or unexpected token");
    assert_eq!(error("0b12"), "Invalid or unexpected token");
    assert_eq!(error("0o8"), "Invalid or unexpected token");
    assert_eq!(error("0o18"), "Invalid or unexpected token");
    assert_eq!(error("0x1g"), "Invalid or unexpected token");
}

#[test]
fn legacy_octal_and_non_octal_decimal() {
    assert_eq!(legacy("017"), (15.0, true));
    assert_eq!(legacy("0777"), (511.0, true));
    assert_eq!(legacy("00"), (0.0, true));
    assert_eq!(
        legacy("017777777777777777777"),
        (288230376151711740.0, true)
    );
    assert_eq!(legacy("08"), (8.0, true));
    assert_eq!(legacy("09.5"), (9.5, true));
    assert_eq!(legacy("08e1"), (80.0, true));
    // The fraction and exponent of `08.…` may hold separators.
    assert_eq!(legacy("09.5_1"), (9.51, true));
    assert_eq!(legacy("09e1_0"), (9e10, true));
    assert_eq!(legacy("0"), (0.0, false));
    assert_eq!(legacy("0.5"), (0.5, false));
    // `017.5` is `017` then `.5` (the parser rejects the pair).
    assert_eq!(
        toks("017.5"),
        vec![
            Tok::Num {
                value: 15.0,
                legacy_octal: true
            },
            num(0.5)
        ]
    );
    assert_eq!(error("017e1"), "Invalid or unexpected token");
}

#[test]
fn bigints() {
    assert_eq!(bigint("0n"), "0");
    assert_eq!(bigint("123n"), "123");
    assert_eq!(bigint("0x1Fn"), "31");
    assert_eq!(bigint("0b0n"), "0");
    assert_eq!(bigint("0x000n"), "0");
    assert_eq!(
        bigint("0xFFFFFFFFFFFFFFFFFFFFn"),
        "1208925819614629174706175"
    );
    assert_eq!(
        bigint("0o777777777777777777777777n"),
        "4722366482869645213695"
    );
    assert_eq!(
        bigint("0b1010101010101010101010101010101010101010101010101010101010101010101n"),
        "98382635059784275285"
    );
    assert_eq!(
        bigint("0x1_0000_0000_0000_0000_0000_0000n"),
        "79228162514264337593543950336"
    );
    for bad in [
        "01n", "00n", "08n", "09n", "1.5n", "1e3n", ".5n", "0.5n", "1n2", "1nn",
    ] {
        assert_eq!(error(bad), "Invalid or unexpected token", "{bad}");
    }
}

#[test]
fn no_identifier_or_digit_after_a_number() {
    for bad in [
        "3in",
        "1a",
        "0x1g",
        "1.toString",
        "1_a",
        "5\\u0061",
        "1é",
        "0b1f",
    ] {
        assert!(tokenize(bad).is_err(), "{bad}");
    }
    assert_eq!(error("3in"), "Invalid or unexpected token");
    assert_eq!(error("1e"), "Invalid or unexpected token");
    assert_eq!(error("1e+"), "Invalid or unexpected token");
    assert_eq!(error(".5e"), "Invalid or unexpected token");
    // A dot after a number is fine.
    assert_eq!(toks("1..a"), vec![num(1.0), Tok::Dot, ident("a")]);
    assert_eq!(toks("1.5.a"), vec![num(1.5), Tok::Dot, ident("a")]);
    assert_eq!(toks("1 .a"), vec![num(1.0), Tok::Dot, ident("a")]);
}

#[test]
fn number_spans() {
    let t = tokens(" 0x1F + 1_0n");
    assert_eq!((t[0].start, t[0].end), (1, 5));
    assert_eq!((t[2].start, t[2].end), (8, 12));
}
