//! Lexer, parser and ESTree printer on arbitrary bytes: no panic, and every
//! tree that parses prints as valid JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde::Deserialize;
use vmjs::syntax::{estree, lexer, parse_module, parse_script};

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let _ = lexer::tokenize(source);
    let _ = lexer::tokenize_prefix(source);
    let _ = parse_script(source);
    if let Ok(module) = parse_module(source) {
        let json = estree::module_to_estree_json(&module, source);
        if let Err(e) = check_json(&without_surrogate_escapes(&json)) {
            panic!("ESTree output is not JSON ({e}): {json}");
        }
        let _ = vmjs::syntax::dump::dump_module(&module, source);
    }
});

/// Whether `json` is one JSON value, however deeply nested (the parser
/// accepts 2,000 levels; serde_json stops at 128 unless told otherwise).
fn check_json(json: &str) -> serde_json::Result<()> {
    let mut de = serde_json::Deserializer::from_str(json);
    de.disable_recursion_limit();
    serde::de::IgnoredAny::deserialize(&mut de)?;
    de.end()
}

/// `json` with every `\uD800`–`\uDFFF` escape made `\uFFFD`. A string
/// literal may hold a lone surrogate, which JSON.stringify (and so acorn's
/// output, and vmjs's) writes as such an escape: valid JSON text that
/// serde_json refuses to decode into a Rust string.
fn without_surrogate_escapes(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut rest = json;
    while let Some(i) = rest.find("\\u") {
        let hex = rest.get(i + 2..i + 6).unwrap_or("");
        out.push_str(&rest[..i]);
        match u16::from_str_radix(hex, 16) {
            Ok(unit) if hex.len() == 4 && (0xD800..=0xDFFF).contains(&unit) => {
                out.push_str("\\uFFFD");
                rest = &rest[i + 6..];
            }
            _ => {
                out.push_str("\\u");
                rest = &rest[i + 2..];
            }
        }
    }
    out.push_str(rest);
    out
}
