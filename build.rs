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
/// list depend on a flag that the parser sets only when it reports an error
/// (`syntax::parser::expected_tokens_wanted`). If LALRPOP's output ever
/// changes shape, the file is left as generated (correct, only slower).
fn expected_tokens_only_on_request(generated: &Path) {
    const LIST: &str = "        __TERMINAL.iter().enumerate().filter_map(|(index, terminal)| {\n            if __accepts(";
    const GUARD: &str = "        if !crate::syntax::parser::expected_tokens_wanted() {\n            return alloc::vec::Vec::new();\n        }\n";
    let Ok(code) = std::fs::read_to_string(generated) else {
        return;
    };
    if code.contains(GUARD) {
        return;
    }
    if code.matches(LIST).count() != 1 {
        println!("cargo:warning=grammar: expected-token list not found; parser left unpatched");
        return;
    }
    let patched = code.replacen(LIST, &format!("{GUARD}{LIST}"), 1);
    std::fs::write(generated, patched).expect("rewrite the generated parser");
}
