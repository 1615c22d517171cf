//! String literals (§12.9.4): values are UTF-16 code units.

use super::*;

fn value(src: &str) -> (Vec<u16>, bool) {
    match toks(src).as_slice() {
        [Tok::Str {
            value,
            legacy_octal,
        }] => (value.to_vec(), *legacy_octal),
        other => panic!("{src}: {other:?}"),
    }
}

fn text(src: &str) -> String {
    let (units, legacy) = value(src);
    assert!(!legacy, "{src}");
    String::from_utf16(&units).expect("valid UTF-16")
}

#[test]
fn plain_strings() {
    assert_eq!(text("'abc'"), "abc");
    assert_eq!(text("\"abc\""), "abc");
    assert_eq!(text("''"), "");
    assert_eq!(text("\"it's\""), "it's");
    assert_eq!(text("'say \"hi\"'"), "say \"hi\"");
    assert_eq!(text("'héllo 😀'"), "héllo 😀");
    assert_eq!(value("'😀'").0, vec![0xD83D, 0xDE00]);
    // U+2028 and U+2029 are allowed raw.
    assert_eq!(text("'a\u{2028}b\u{2029}c'"), "a\u{2028}b\u{2029}c");
}

#[test]
fn single_character_escapes() {
    assert_eq!(
        text(r#"'\b\t\n\v\f\r\"\'\\'"#),
        "\u{8}\t\n\u{B}\u{C}\r\"'\\"
    );
    assert_eq!(text(r"'\0'"), "\0");
    // NonEscapeCharacter stands for itself.
    assert_eq!(text(r"'\a\q\é\$'"), "aqé$");
}

#[test]
fn hex_and_unicode_escapes() {
    assert_eq!(text(r"'\x41\x7a'"), "Az");
    assert_eq!(text(r"'\u0041\u{42}\u{000043}'"), "ABC");
    assert_eq!(text(r"'\u{1F600}'"), "😀");
    assert_eq!(text(r"'\u{10FFFF}'"), "\u{10FFFF}");
    // Lone surrogates are one code unit each.
    assert_eq!(value(r"'\uD800'").0, vec![0xD800]);
    assert_eq!(value(r"'\u{DC00}x'").0, vec![0xDC00, 0x78]);
    assert_eq!(value(r"'\uD83D\uDE00'").0, vec![0xD83D, 0xDE00]);
    assert_eq!(error(r"'\x4'"), "Invalid hexadecimal escape sequence");
    assert_eq!(error(r"'\xg0'"), "Invalid hexadecimal escape sequence");
    assert_eq!(error(r"'\u00G0'"), "Invalid Unicode escape sequence");
    assert_eq!(error(r"'\u{}'"), "Invalid Unicode escape sequence");
    assert_eq!(error(r"'\u{12'"), "Invalid Unicode escape sequence");
    assert_eq!(error(r"'\u{110000}'"), "Undefined Unicode code-point");
    assert_eq!(
        error(r"'\u{FFFFFFFFFFFFFFFFFF}'"),
        "Undefined Unicode code-point"
    );
}

#[test]
fn line_continuations() {
    assert_eq!(text("'a\\\nb'"), "ab");
    assert_eq!(text("'a\\\r\nb'"), "ab");
    assert_eq!(text("'a\\\rb'"), "ab");
    assert_eq!(text("'a\\\u{2028}b'"), "ab");
    assert_eq!(text("'a\\\u{2029}b'"), "ab");
    // A line continuation is not a line terminator between tokens.
    assert!(!tokens("'a\\\nb' x")[1].nl_before);
}

#[test]
fn legacy_octal_escapes() {
    assert_eq!(value(r"'\1'"), (vec![1], true));
    assert_eq!(value(r"'\7'"), (vec![7], true));
    assert_eq!(value(r"'\00'"), (vec![0], true));
    assert_eq!(value(r"'\08'"), (vec![0, 0x38], true));
    assert_eq!(value(r"'\101'"), (vec![0x41], true));
    assert_eq!(value(r"'\377'"), (vec![0xFF], true));
    assert_eq!(value(r"'\400'"), (vec![0x20, 0x30], true));
    assert_eq!(value(r"'\777'"), (vec![0x3F, 0x37], true));
    assert_eq!(value(r"'\8'"), (vec![0x38], true));
    assert_eq!(value(r"'\9'"), (vec![0x39], true));
    assert_eq!(value(r"'\0a'"), (vec![0, 0x61], false));
}

#[test]
fn unterminated_and_broken_strings() {
    assert_eq!(error("\"abc"), "Invalid or unexpected token");
    assert_eq!(error("'abc"), "Invalid or unexpected token");
    assert_eq!(error("'abc\ndef'"), "Invalid or unexpected token");
    assert_eq!(error("'abc\rdef'"), "Invalid or unexpected token");
    assert_eq!(error("'abc\\"), "Invalid or unexpected token");
    assert_eq!(error("'\\x41"), "Invalid or unexpected token");
    assert_eq!(error("'"), "Invalid or unexpected token");
}

#[test]
fn string_spans() {
    let t = tokens(" 'a\\n' \"é\"");
    assert_eq!((t[0].start, t[0].end), (1, 6));
    assert_eq!((t[1].start, t[1].end), (7, 11));
}
