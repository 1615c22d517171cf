//! Non-strict scripts: the early errors that apply only to strict mode code
//! (ECMA-262 §11.2.2, Annex C), and how a Use Strict Directive, an enclosing
//! strict function or a class makes code strict. Messages are Node v20's
//! (`new vm.Script(source)`).

use crate::syntax::ast::{ExprKind, StmtKind};
use crate::syntax::parse_script;

fn sloppy_accepts(source: &str) {
    if let Err(error) = parse_script(source) {
        panic!("{source:?} was rejected: {}", error.message);
    }
}

fn rejects_at(source: &str, message: &str, column: u32) {
    match parse_script(source) {
        Ok(_) => panic!("{source:?} was accepted; expected {message:?}"),
        Err(error) => {
            assert_eq!(error.message, message, "for {source:?}");
            assert_eq!(error.span.start, column, "error position for {source:?}");
        }
    }
}

const OCTAL: &str = "Octal literals are not allowed in strict mode.";
const LEADING_ZERO: &str = "Decimals with leading zeros are not allowed in strict mode.";
const OCTAL_ESCAPE: &str = "Octal escape sequences are not allowed in strict mode.";
const EIGHT_NINE: &str = "\\8 and \\9 are not allowed in strict mode.";
const EVAL_OR_ARGUMENTS: &str = "Unexpected eval or arguments in strict mode";
const DUPLICATE_PARAMETER: &str = "Duplicate parameter name not allowed in this context";
const DELETE_IDENTIFIER: &str = "Delete of an unqualified identifier in strict mode.";

#[test]
fn legacy_octal_literals_and_escapes() {
    sloppy_accepts("010; 08; 09.5; '\\07'; '\\8'; '\\0'; ({ 010: 1 });");
    rejects_at("'use strict'; 010", OCTAL, 14);
    rejects_at("'use strict'; 08", LEADING_ZERO, 14);
    rejects_at("'use strict'; '\\07'", OCTAL_ESCAPE, 14);
    rejects_at("'use strict'; '\\9'", EIGHT_NINE, 14);
    rejects_at("function f() { 'use strict'; return 010; }", OCTAL, 36);
    // An escape in a directive before the Use Strict Directive.
    rejects_at("function f() { '\\07'; 'use strict'; }", OCTAL_ESCAPE, 15);
    // Class code is strict: the heritage and the body.
    rejects_at("class C extends (010, Object) {}", OCTAL, 17);
    rejects_at("(class { m() { return '\\07'; } })", OCTAL_ESCAPE, 22);
    // A strict function does not make the code after it strict.
    sloppy_accepts("function f() { 'use strict'; } 010;");
}

#[test]
fn eval_and_arguments_as_names() {
    sloppy_accepts("var eval; var arguments; eval = 1; arguments++; [eval] = [1];");
    sloppy_accepts("function eval() {} function f(eval, arguments) {} try {} catch (eval) {}");
    rejects_at("'use strict'; var eval;", EVAL_OR_ARGUMENTS, 18);
    rejects_at("'use strict'; arguments = 1;", EVAL_OR_ARGUMENTS, 14);
    rejects_at("function f(eval) { 'use strict'; }", EVAL_OR_ARGUMENTS, 11);
    rejects_at("function eval() { 'use strict'; }", EVAL_OR_ARGUMENTS, 9);
}

#[test]
fn duplicate_parameters() {
    sloppy_accepts("function f(a, a) {} (function (a, b, a) {}); function* g(a, a) {}");
    rejects_at(
        "function f(a, a) { 'use strict'; }",
        DUPLICATE_PARAMETER,
        14,
    );
    rejects_at("'use strict'; function f(a, a) {}", DUPLICATE_PARAMETER, 28);
    // UniqueFormalParameters and non-simple lists: always unique.
    rejects_at("(a, a) => 1", DUPLICATE_PARAMETER, 4);
    rejects_at("({ m(a, a) {} })", DUPLICATE_PARAMETER, 8);
    rejects_at("function f(a, a = 1) {}", DUPLICATE_PARAMETER, 14);
    rejects_at("function f(a, ...a) {}", DUPLICATE_PARAMETER, 17);
}

#[test]
fn delete_of_identifiers() {
    sloppy_accepts("delete x; delete (x); delete ((x));");
    rejects_at("'use strict'; delete x;", DELETE_IDENTIFIER, 21);
    rejects_at(
        "function f() { 'use strict'; delete (x); }",
        DELETE_IDENTIFIER,
        36,
    );
}

#[test]
fn with_statements() {
    sloppy_accepts("with (a) b;");
    rejects_at(
        "'use strict'; with (a) b;",
        "Strict mode code may not include a with statement",
        14,
    );
    rejects_at(
        "function f() { 'use strict'; if (x) with (a) b; }",
        "Strict mode code may not include a with statement",
        36,
    );
}

#[test]
fn strictness_is_recorded_on_the_ast() {
    let script = parse_script("function a() {} function b() { 'use strict'; function c() {} }")
        .expect("parses");
    assert!(script.sloppy.get());
    let strictness: Vec<bool> = script
        .body
        .iter()
        .map(|stmt| match &stmt.kind {
            StmtKind::Function(f) => f.is_strict(),
            _ => unreachable!("function declarations"),
        })
        .collect();
    assert_eq!(strictness, [false, true]);
    let script = parse_script("'use strict'; (function () {});").expect("parses");
    assert!(!script.sloppy.get());
    let StmtKind::Expr(expr) = &script.body[1].kind else {
        unreachable!("an expression statement")
    };
    let ExprKind::Paren(inner) = &expr.kind else {
        unreachable!("parenthesised")
    };
    let ExprKind::Function(f) = &inner.kind else {
        unreachable!("a function expression")
    };
    assert!(f.is_strict());
}

const NON_STRICT_FUNCTION_IN_STATEMENT: &str = "In non-strict mode code, functions can only be declared at top level, inside a block, or as the body of an if statement.";
const STRICT_FUNCTION_IN_STATEMENT: &str =
    "In strict mode code, functions can only be declared at top level or inside a block.";

/// Annex B.3.2 (labelled function declarations), B.3.3.4 (repeated block
/// functions) and B.3.4 (function declarations as `if` clauses).
#[test]
fn function_declarations_in_statement_positions() {
    sloppy_accepts("if (1) function f(){} else function g(){}");
    sloppy_accepts("lab: function f(){} { l1: l2: function g(){} }");
    sloppy_accepts("{ function f(){} function f(){} } switch (0) { case 0: function g(){} default: function g(){} }");
    rejects_at(
        "while (0) function f(){}",
        NON_STRICT_FUNCTION_IN_STATEMENT,
        10,
    );
    rejects_at(
        "if (1) lab: function f(){}",
        NON_STRICT_FUNCTION_IN_STATEMENT,
        12,
    );
    rejects_at(
        "lab: function* g(){}",
        "Generators can only be declared at the top level or inside a block.",
        5,
    );
    rejects_at(
        "'use strict'; lab: function f(){}",
        STRICT_FUNCTION_IN_STATEMENT,
        19,
    );
    rejects_at(
        "'use strict'; if (1) function f(){}",
        STRICT_FUNCTION_IN_STATEMENT,
        21,
    );
    rejects_at(
        "'use strict'; { function f(){} function f(){} }",
        "Identifier 'f' has already been declared",
        31,
    );
    rejects_at(
        "{ function* f(){} function* f(){} }",
        "Identifier 'f' has already been declared",
        18,
    );
}

/// ECMA-262 §13.1.1: the words strict mode code alone reserves.
#[test]
fn strict_mode_reserved_words() {
    sloppy_accepts("var implements, interface, package, private, protected, public, static;");
    sloppy_accepts("publ\\u0069c = 1; st\\u0061tic: ;");
    rejects_at(
        "'use strict'; var public;",
        "Unexpected strict mode reserved word",
        18,
    );
    rejects_at(
        "'use strict'; static: ;",
        "Unexpected strict mode reserved word",
        14,
    );
    rejects_at(
        "'use strict'; publ\\u0069c = 1;",
        "Keyword must not contain escaped characters",
        14,
    );
    rejects_at(
        "function* g() { var yi\\u0065ld; }",
        "Unexpected identifier 'yield'",
        20,
    );
}
