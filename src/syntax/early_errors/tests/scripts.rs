//! `check_script`: a strict Script, where top-level functions are
//! var-scoped (ECMA-262 §16.1.1, TopLevelVarDeclaredNames). Messages are
//! what Node's `new vm.Script('"use strict";' + source)` reported.

use crate::syntax::parse_script;

fn script_accepts(source: &str) {
    if let Err(error) = parse_script(source) {
        panic!("{source:?} was rejected: {}", error.message);
    }
}

fn script_rejects(source: &str, message: &str) {
    match parse_script(source) {
        Ok(_) => panic!("{source:?} was accepted; expected {message:?}"),
        Err(error) => assert_eq!(error.message, message, "for {source:?}"),
    }
}

/// Script top-level function declarations are var-scoped, not lexical.
#[test]
fn script_top_level_functions_are_var_scoped() {
    script_accepts("function a(){} var a;");
    script_accepts("function a(){} function a(){}");
    script_accepts("var x; { let x; }");
    script_rejects(
        "let a; function a(){}",
        "Identifier 'a' has already been declared",
    );
}

/// The Script rules shared with modules.
#[test]
fn script_context_rules() {
    script_rejects("return 1", "Illegal return statement");
    script_rejects("new.target", "new.target expression is not allowed here");
    script_rejects(
        "class C { m(){ this.#x } }",
        "Private field '#x' must be declared in an enclosing class",
    );
    script_accepts("label: { break label; }");
}
