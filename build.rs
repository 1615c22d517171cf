use std::path::Path;

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    lalrpop::Configuration::new()
        .emit_rerun_directives(true)
        .set_in_dir("grammar")
        .set_out_dir(&out_dir)
        .process()
        .expect("LALRPOP failed to process grammar/");
    expected_tokens_only_on_request(&Path::new(&out_dir).join("js.rs"));
}

/// The generated parser lists the terminals it expected for every syntax
/// error, including the ones its error recovery turns into inserted
/// semicolons (ASI), where the list is never used: on code without
/// semicolons that costs about a quarter of the parse time. This makes the
/// function that lists them report each error to the parser module
/// (`syntax::parser::recovery`), which decides whether the list is needed and
/// keeps it. If LALRPOP's output ever changes shape, the file is left as
/// generated (correct, only slower, and without the recovery bound).
fn expected_tokens_only_on_request(generated: &Path) {
    const START: &str = "        __TERMINAL.iter().enumerate().filter_map(|(index, terminal)| {\n            if __accepts(";
    const END: &str = "        }).collect()\n    }\n    struct __StateMachine";
    const GUARD: &str = "crate::syntax::parser::recovery::error_found()";
    let Ok(code) = std::fs::read_to_string(generated) else {
        return;
    };
    if code.contains(GUARD) {
        return;
    }
    if code.matches(START).count() != 1 || code.matches(END).count() != 1 {
        println!("cargo:warning=grammar: expected-token list not found; parser left unpatched");
        return;
    }
    let guarded_start = format!(
        "        if !{GUARD} {{\n            return alloc::vec::Vec::new();\n        }}\n        let __expected: alloc::vec::Vec<alloc::string::String> =\n{START}"
    );
    let noted_end = "        }).collect();\n        crate::syntax::parser::recovery::note_expected(&__expected);\n        __expected\n    }\n    struct __StateMachine";
    let patched = code
        .replacen(START, &guarded_start, 1)
        .replacen(END, noted_end, 1);
    std::fs::write(generated, patched).expect("rewrite the generated parser");
}
