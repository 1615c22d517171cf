//! Labels: accepted and rejected sources; messages and columns are what Node v20 printed.

use super::{accepts, rejects_at};

/// ContainsUndefinedBreakTarget / ContainsUndefinedContinueTarget (ECMA-262 §8.3.2, §8.3.3).
#[test]
fn break_and_continue_targets() {
    rejects_at("break x;", "Undefined label 'x'", 6);
    rejects_at("continue x;", "Undefined label 'x'", 9);
    accepts("x: break x;");
    rejects_at("x: continue x;", "Undefined label 'x'", 12);
    rejects_at(
        "x: { continue x; }",
        "Illegal continue statement: 'x' does not denote an iteration statement",
        14,
    );
    rejects_at(
        "x: { while(0) continue x; }",
        "Illegal continue statement: 'x' does not denote an iteration statement",
        23,
    );
    accepts("x: y: while(0) continue x;");
    rejects_at(
        "x: while(0) { function f(){ break x; } }",
        "Undefined label 'x'",
        34,
    );
    rejects_at(
        "x: { class C { static { break x } } }",
        "Undefined label 'x'",
        30,
    );
    rejects_at(
        "x: for(;;) { y: { continue y } }",
        "Illegal continue statement: 'y' does not denote an iteration statement",
        27,
    );
    rejects_at("x: ; break x;", "Undefined label 'x'", 11);
    accepts("x: if (1) break x;");
    accepts("label: { label2: { break label; } }");
    accepts("label: for (;;) { label2: for (;;) continue label }");
    accepts("x: while(0) { continue x; }");
}

/// V8 tells apart labels of non-loops from unknown labels.
#[test]
fn continue_to_a_non_iteration_label() {
    rejects_at(
        "x: if (1) { continue x; }",
        "Illegal continue statement: 'x' does not denote an iteration statement",
        21,
    );
    rejects_at("while(0) { x: continue x; }", "Undefined label 'x'", 23);
    rejects_at("x: if (1) continue x;", "Undefined label 'x'", 19);
    rejects_at(
        "while(0) { x: if (1) { continue x } }",
        "Illegal continue statement: 'x' does not denote an iteration statement",
        32,
    );
    rejects_at(
        "x: try { continue x } finally {}",
        "Illegal continue statement: 'x' does not denote an iteration statement",
        18,
    );
    rejects_at(
        "while (0) x: try { continue x } finally {}",
        "Illegal continue statement: 'x' does not denote an iteration statement",
        28,
    );
    rejects_at(
        "x: switch(1) { case 1: continue x; }",
        "Illegal continue statement: 'x' does not denote an iteration statement",
        32,
    );
    rejects_at(
        "while(0) { x: y: { continue x } }",
        "Illegal continue statement: 'x' does not denote an iteration statement",
        28,
    );
    rejects_at(
        "x: if (0) ; else { continue x }",
        "Illegal continue statement: 'x' does not denote an iteration statement",
        28,
    );
    rejects_at("x: if (0) { } else continue x", "Undefined label 'x'", 28);
    rejects_at(
        "x: if (0) { } else if (1) { continue x }",
        "Illegal continue statement: 'x' does not denote an iteration statement",
        37,
    );
    rejects_at(
        "x: { if (0) continue x }",
        "Illegal continue statement: 'x' does not denote an iteration statement",
        21,
    );
    rejects_at(
        "x: try { } catch { continue x }",
        "Illegal continue statement: 'x' does not denote an iteration statement",
        28,
    );
}

/// break needs an iteration or switch statement, continue an iteration statement (ECMA-262 §14.8.1, §14.9.1).
#[test]
fn break_and_continue_need_a_statement() {
    rejects_at("break;", "Illegal break statement", 0);
    rejects_at(
        "continue;",
        "Illegal continue statement: no surrounding iteration statement",
        0,
    );
    rejects_at(
        "while(0) { function f(){ break; } }",
        "Illegal break statement",
        25,
    );
    rejects_at(
        "while(0) { () => { continue } }",
        "Illegal continue statement: no surrounding iteration statement",
        19,
    );
    accepts("switch(1){ case 1: break; }");
    rejects_at(
        "switch(1){ case 1: continue; }",
        "Illegal continue statement: no surrounding iteration statement",
        19,
    );
    accepts("while (0) { switch(1){ case 1: continue; } }");
    rejects_at(
        "while(0) { class C { static { break } } }",
        "Illegal break statement",
        30,
    );
    rejects_at(
        "x: { continue; }",
        "Illegal continue statement: no surrounding iteration statement",
        5,
    );
    accepts("do { continue } while (0)");
    accepts("do break; while (0)");
    accepts("for (;;) { break }");
    accepts("for (x in {}) break");
    accepts("for (x of []) continue");
}

/// ContainsDuplicateLabels (ECMA-262 §8.3.1).
#[test]
fn duplicate_labels() {
    rejects_at("a: a: ;", "Label 'a' has already been declared", 3);
    rejects_at("a: { a: ; }", "Label 'a' has already been declared", 5);
    rejects_at(
        "x: { y: { x: ; } }",
        "Label 'x' has already been declared",
        10,
    );
    accepts("a: { b: ; } a: ;");
    accepts("a: { function f(){ a: ; } }");
    accepts("a: { () => { a: ; } }");
    accepts("x: { function f(){ x: ; } }");
    accepts("class C { static { x: ; } } x: ;");
}

/// IsLabelledFunction and the strict-mode form of if/loop bodies (ECMA-262 §14.13.1, §14.6.1).
#[test]
fn functions_in_single_statement_positions() {
    rejects_at(
        "label: function f(){}",
        "In strict mode code, functions can only be declared at top level or inside a block.",
        7,
    );
    rejects_at(
        "if (1) function f(){}",
        "In strict mode code, functions can only be declared at top level or inside a block.",
        7,
    );
    rejects_at(
        "while (0) function f(){}",
        "In strict mode code, functions can only be declared at top level or inside a block.",
        10,
    );
    rejects_at(
        "a: function* g(){}",
        "In strict mode code, functions can only be declared at top level or inside a block.",
        3,
    );
    rejects_at(
        "if (1) function* g(){}",
        "In strict mode code, functions can only be declared at top level or inside a block.",
        7,
    );
    accepts("a: { function f(){} }");
    accepts("if (1) { function f(){} }");
}
