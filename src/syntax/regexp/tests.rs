//! Patterns and the messages V8 gives for them (checked with Node 24).

use super::validate;

fn check(pattern: &str, flags: &str) -> Result<(), String> {
    let units = |s: &str| s.encode_utf16().collect::<Vec<u16>>();
    validate(&units(pattern), &units(flags))
}

fn detail(pattern: &str, flags: &str) -> String {
    let message = check(pattern, flags).expect_err(pattern);
    message.rsplit(": ").next().unwrap_or_default().to_string()
}

#[test]
fn valid_patterns() {
    for (pattern, flags) in [
        ("", ""),
        ("a|b|", ""),
        ("(?<a>.)|(?<a>.)", ""),
        ("(?:(?<a>x)|(?<a>y))\\k<a>", "u"),
        ("\\k<a>", ""),
        ("(?=a)*", ""),
        ("{", ""),
        ("a{", ""),
        ("a{1,", ""),
        ("}]", ""),
        ("\\c", ""),
        ("[\\c_]", ""),
        ("[\\d-a]", ""),
        ("\\8\\9\\1\\07", ""),
        ("\\u{1F600}", "u"),
        ("\\ud83d\\ude00", "u"),
        ("(?<𝑓𝑜𝑥>fox)", ""),
        ("(?<\\u{1d4d3}>.)", ""),
        ("\\p{gc=Lu}\\p{Script_Extensions=Latn}\\P{ASCII}", "u"),
        ("\\p{RGI_Emoji}[\\p{Basic_Emoji}--\\q{x}]", "v"),
        ("[[a-z]&&[aeiou]][\\w--\\d][^\\q{a|b}]", "v"),
        ("(?i:a)(?-s:b)(?m-i:c)", ""),
        ("a{2,1", ""),
        ("a{99999999999999999999}", ""),
        ("\\/", "u"),
        ("[\\-]", "u"),
    ] {
        assert!(check(pattern, flags).is_ok(), "{pattern} /{flags}");
    }
}

#[test]
fn invalid_patterns() {
    for (pattern, flags, message) in [
        ("(?<a>.)(?<a>.)", "", "Duplicate capture group name"),
        ("(?<a>x)|(?<a>y)(?<a>z)", "", "Duplicate capture group name"),
        ("\\k<a>", "u", "Invalid named capture referenced"),
        ("(?<a>.)\\k<b>", "", "Invalid named capture referenced"),
        ("(?<a>)\\k", "", "Invalid named reference"),
        ("a{2,1}", "", "numbers out of order in {} quantifier"),
        ("{1}", "", "Nothing to repeat"),
        ("a**", "", "Nothing to repeat"),
        ("(?<=a)*", "", "Invalid quantifier"),
        ("(?=a)*", "u", "Invalid quantifier"),
        ("\\1", "u", "Invalid escape"),
        ("\\01", "u", "Invalid decimal escape"),
        ("\\c", "u", "Invalid Unicode escape"),
        ("\\-", "u", "Invalid escape"),
        ("[b-a]", "", "Range out of order in character class"),
        ("[\\d-a]", "u", "Invalid character class"),
        ("\\p{Script=Foo}", "u", "Invalid property name"),
        (
            "[\\p{Basic_Emoji}]",
            "u",
            "Invalid property name in character class",
        ),
        ("\\P{Basic_Emoji}", "v", "Invalid property name"),
        (
            "[^\\p{Basic_Emoji}]",
            "v",
            "Negated character class may contain strings",
        ),
        ("\\u{110000}", "u", "Invalid Unicode escape"),
        ("(?<1a>)", "", "Invalid capture group name"),
        ("(?<a", "", "Invalid capture group name"),
        ("(?i-i:a)", "", "Repeated flag in flag group"),
        ("(?-:a)", "", "Invalid flag group"),
        ("(?i)", "", "Invalid group"),
        ("[a&&&b]", "v", "Invalid character in character class"),
        ("[(]", "v", "Invalid character in character class"),
        ("[a-z&&b]", "v", "Invalid set operation in character class"),
        (
            "[[a]&&[b]--[c]]",
            "v",
            "Invalid set operation in character class",
        ),
        ("(", "", "Unterminated group"),
        (")", "", "Unmatched ')'"),
        ("[", "", "Unterminated character class"),
        ("\\", "", "\\ at end of pattern"),
        ("x{1", "u", "Incomplete quantifier"),
        ("}", "u", "Lone quantifier brackets"),
        ("[\\c]", "u", "Invalid class escape"),
        ("[\\1]", "u", "Invalid decimal escape"),
        ("[\\k]", "u", "Invalid escape"),
        ("[\\z]", "u", "Invalid escape"),
        ("\\x4", "u", "Invalid escape"),
    ] {
        assert_eq!(detail(pattern, flags), message, "{pattern} /{flags}");
    }
}

#[test]
fn flags() {
    assert_eq!(
        check("a", "gg").unwrap_err(),
        "Invalid regular expression flags"
    );
    assert_eq!(
        check("a", "uv").unwrap_err(),
        "Invalid regular expression flags"
    );
    assert!(check("a", "dgimsyv").is_ok());
}

#[test]
fn deep_nesting_does_not_overflow() {
    let deep = format!("{}{}", "(".repeat(100_000), ")".repeat(100_000));
    assert!(check(&deep, "u").is_ok());
    let classes = "[".repeat(100_000);
    assert!(check(&classes, "v").is_err());
}
