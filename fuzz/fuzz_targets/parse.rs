//! Lexer, parser and ESTree printer on arbitrary bytes: no panic, and every
//! tree that parses prints as valid JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
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
        if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
            panic!("ESTree output is not JSON ({e}): {json}");
        }
        let _ = vmjs::syntax::dump::dump_module(&module, source);
    }
});
