//! Declarations: accepted and rejected sources; messages and columns are what Node v20 printed.

use super::{accepts, rejects_at};

/// Block / ModuleItemList: LexicallyDeclaredNames has no duplicates (ECMA-262 §14.2.1, §16.2.1.1).
#[test]
fn duplicate_lexical_declarations() {
    rejects_at(
        "let a; let a;",
        "Identifier 'a' has already been declared",
        11,
    );
    rejects_at("let a, a;", "Identifier 'a' has already been declared", 7);
    rejects_at(
        "const [a, a] = [];",
        "Identifier 'a' has already been declared",
        10,
    );
    rejects_at(
        "const {a, b: {a}} = {};",
        "Identifier 'a' has already been declared",
        14,
    );
    rejects_at(
        "let [a, ...a] = [];",
        "Identifier 'a' has already been declared",
        11,
    );
    rejects_at(
        "class A {} class A {}",
        "Identifier 'A' has already been declared",
        11,
    );
    rejects_at(
        "{ class A {} class A {} }",
        "Identifier 'A' has already been declared",
        13,
    );
    rejects_at(
        "function a(){} function a(){}",
        "Identifier 'a' has already been declared",
        15,
    );
    rejects_at(
        "{ function a(){} function a(){} }",
        "Identifier 'a' has already been declared",
        17,
    );
    rejects_at(
        "export function f(){} export function f(){}",
        "Identifier 'f' has already been declared",
        29,
    );
    accepts("let a; { let a; }");
    accepts("{ let a; } let a;");
    accepts("let a; function f(){ let a; }");
}

/// LexicallyDeclaredNames and VarDeclaredNames are disjoint in every scope.
#[test]
fn lexical_and_var_names_clash() {
    rejects_at(
        "var a; let a;",
        "Identifier 'a' has already been declared",
        11,
    );
    rejects_at(
        "let a; var a;",
        "Identifier 'a' has already been declared",
        11,
    );
    rejects_at(
        "let a; { var a; }",
        "Identifier 'a' has already been declared",
        13,
    );
    rejects_at(
        "{ var a; } let a;",
        "Identifier 'a' has already been declared",
        15,
    );
    rejects_at(
        "{ let a; { var a; } }",
        "Identifier 'a' has already been declared",
        15,
    );
    rejects_at(
        "function a(){} var a;",
        "Identifier 'a' has already been declared",
        19,
    );
    rejects_at(
        "class A {} var A;",
        "Identifier 'A' has already been declared",
        15,
    );
    rejects_at(
        "{ function a(){} var a; }",
        "Identifier 'a' has already been declared",
        21,
    );
    rejects_at(
        "{ let a; function a(){} }",
        "Identifier 'a' has already been declared",
        9,
    );
    rejects_at(
        "{ function a(){} let a; }",
        "Identifier 'a' has already been declared",
        21,
    );
    rejects_at(
        "function f(){ { var a; } let a; }",
        "Identifier 'a' has already been declared",
        29,
    );
    rejects_at(
        "function f(){ let a; { var a; } }",
        "Identifier 'a' has already been declared",
        27,
    );
    rejects_at(
        "function f(){ for (var i;;) {} let i; }",
        "Identifier 'i' has already been declared",
        35,
    );
    accepts("var [a, a] = [];");
    accepts("var a; var a;");
    accepts("{ var a; } { let a; }");
    accepts("function f(){ var a; { function a(){} } }");
    accepts("for (let x in {}) { var y } var y");
}

/// ImportedBindings are LexicallyDeclaredNames of the module (ECMA-262 §16.2.1.1).
#[test]
fn imports_are_lexical_declarations() {
    rejects_at(
        "import a from \"x\"; let a;",
        "Identifier 'a' has already been declared",
        23,
    );
    rejects_at(
        "import {a, a} from \"x\";",
        "Identifier 'a' has already been declared",
        11,
    );
    rejects_at(
        "import {a as b, c as b} from \"x\";",
        "Identifier 'b' has already been declared",
        21,
    );
    rejects_at(
        "import a from \"x\"; var a;",
        "Identifier 'a' has already been declared",
        23,
    );
    rejects_at(
        "import a from \"x\"; function a(){}",
        "Identifier 'a' has already been declared",
        19,
    );
    accepts("import * as ns from 'x'; { let ns; }");
    rejects_at(
        "import a, {a} from 'x'",
        "Identifier 'a' has already been declared",
        11,
    );
    rejects_at(
        "import {a} from 'x'; import {a} from 'y'",
        "Identifier 'a' has already been declared",
        29,
    );
    rejects_at(
        "import * as a from 'x'; import a from 'y'",
        "Identifier 'a' has already been declared",
        24,
    );
    rejects_at(
        "import a from 'x'; import * as a from 'y'",
        "Identifier 'a' has already been declared",
        19,
    );
    rejects_at(
        "let a; import * as a from 'y'",
        "Identifier 'a' has already been declared",
        7,
    );
    rejects_at(
        "let a; import a from 'y'",
        "Identifier 'a' has already been declared",
        7,
    );
    rejects_at(
        "import {b as a} from 'x'; let a",
        "Identifier 'a' has already been declared",
        30,
    );
}

/// TopLevelVarDeclaredNames: a function body's top-level functions are var-scoped (ECMA-262 §8.2.9).
#[test]
fn function_declarations_are_var_scoped_in_function_bodies() {
    rejects_at(
        "function f(){ let a; function a(){} }",
        "Identifier 'a' has already been declared",
        21,
    );
    rejects_at(
        "function f(){ function a(){} let a; }",
        "Identifier 'a' has already been declared",
        33,
    );
    accepts("function f(){ var a; function a(){} }");
    accepts("function f(){ function a(){} function a(){} }");
    accepts("function f(){ function a(){} var a; }");
}

/// Function bodies: BoundNames of FormalParameters are not LexicallyDeclaredNames of the body (ECMA-262 §15.2.1).
#[test]
fn parameters_and_body_declarations() {
    rejects_at(
        "function f(a){ let a; }",
        "Identifier 'a' has already been declared",
        19,
    );
    accepts("function f(a){ var a; }");
    rejects_at(
        "function f(a){ class a {} }",
        "Identifier 'a' has already been declared",
        15,
    );
    accepts("function f(a){ function a(){} }");
    accepts("function f(a){ { let a; } }");
    accepts("function f(a){ { var a; } }");
    rejects_at(
        "(a) => { let a }",
        "Identifier 'a' has already been declared",
        13,
    );
    accepts("a => { var a }");
    accepts("(function a(){ let a })");
    accepts("class C { m(){ let m } }");
    rejects_at(
        "({ m(a){ const a = 1 } })",
        "Identifier 'a' has already been declared",
        15,
    );
}

/// CaseBlock: LexicallyDeclaredNames has no duplicates nor var clashes (ECMA-262 §14.12.1).
#[test]
fn switch_case_block_is_one_scope() {
    rejects_at(
        "switch (1) { case 1: let a; case 2: let a; }",
        "Identifier 'a' has already been declared",
        40,
    );
    rejects_at(
        "switch (1) { case 1: let a; default: var a; }",
        "Identifier 'a' has already been declared",
        41,
    );
    rejects_at(
        "switch (0) { case 1: function a(){} case 2: function a(){} }",
        "Identifier 'a' has already been declared",
        44,
    );
    rejects_at(
        "switch (1) { case 1: function f(){} default: let f; }",
        "Identifier 'f' has already been declared",
        49,
    );
    accepts("switch (1) { case 1: { let a; } case 2: let a; }");
}

/// Catch: the parameter's names are unique and not lexically redeclared; Annex B.3.4 allows var for a simple parameter.
#[test]
fn catch_parameter_and_body() {
    rejects_at(
        "try {} catch (e) { let e; }",
        "Identifier 'e' has already been declared",
        23,
    );
    accepts("try {} catch (e) { var e; }");
    rejects_at(
        "try {} catch ([e]) { var e; }",
        "Identifier 'e' has already been declared",
        25,
    );
    rejects_at(
        "try {} catch ([e, e]) {}",
        "Identifier 'e' has already been declared",
        18,
    );
    rejects_at(
        "try {} catch ({a, b: a}) {}",
        "Identifier 'a' has already been declared",
        21,
    );
    rejects_at(
        "try {} catch (e) { function e(){} }",
        "Identifier 'e' has already been declared",
        19,
    );
    rejects_at(
        "try {} catch (e) { class e {} }",
        "Identifier 'e' has already been declared",
        19,
    );
    accepts("try {} catch (e) { { let e } }");
    accepts("try {} catch (e) { try {} catch (e) {} }");
    rejects_at(
        "function f(){ try {} catch ([e]) { { var e } } }",
        "Identifier 'e' has already been declared",
        41,
    );
    accepts("try {} catch { let e; var f; }");
    accepts("try {} catch (e) { for (var e of []); }");
}

/// ForStatement / ForInOfStatement: the head's lexical names are unique and not among the body's var names (ECMA-262 §14.7.4.1, §14.7.5.1).
#[test]
fn for_heads_and_bodies() {
    rejects_at(
        "for (let i;;) { var i; }",
        "Identifier 'i' has already been declared",
        20,
    );
    rejects_at(
        "for (let i of []) { var i; }",
        "Identifier 'i' has already been declared",
        24,
    );
    rejects_at(
        "for (const i in {}) var i;",
        "Identifier 'i' has already been declared",
        24,
    );
    rejects_at(
        "for (let [a] = [], a;;);",
        "Identifier 'a' has already been declared",
        19,
    );
    accepts("for (let x of []) { let x }");
    accepts("for (let i;;) { let i; }");
    accepts("for (var i;;) { var i; }");
    rejects_at(
        "for (let [a, a] of []);",
        "Identifier 'a' has already been declared",
        13,
    );
}

/// ClassStaticBlockBody: its own LexicallyDeclaredNames / VarDeclaredNames (ECMA-262 §15.7.1).
#[test]
fn static_blocks_are_var_scopes() {
    rejects_at(
        "class C { static { var x; let x } }",
        "Identifier 'x' has already been declared",
        30,
    );
    accepts("class C { static { var x; } static { let x } }");
    accepts("var x; class C { static { let x; } }");
    rejects_at(
        "x = class { static { var await } }",
        "Unexpected reserved word",
        25,
    );
}

/// BindingIdentifier: not eval or arguments in strict code (ECMA-262 §13.1.1).
#[test]
fn binding_eval_or_arguments() {
    rejects_at(
        "var eval;",
        "Unexpected eval or arguments in strict mode",
        4,
    );
    rejects_at(
        "let arguments;",
        "Unexpected eval or arguments in strict mode",
        4,
    );
    rejects_at(
        "const eval = 1;",
        "Unexpected eval or arguments in strict mode",
        6,
    );
    rejects_at(
        "function eval(){}",
        "Unexpected eval or arguments in strict mode",
        9,
    );
    rejects_at(
        "function f(eval){}",
        "Unexpected eval or arguments in strict mode",
        11,
    );
    rejects_at(
        "function f(arguments){}",
        "Unexpected eval or arguments in strict mode",
        11,
    );
    rejects_at(
        "(eval) => 1",
        "Unexpected eval or arguments in strict mode",
        1,
    );
    rejects_at(
        "(arguments) => 1",
        "Unexpected eval or arguments in strict mode",
        1,
    );
    rejects_at(
        "async (eval) => 1",
        "Unexpected eval or arguments in strict mode",
        7,
    );
    rejects_at(
        "function* g(eval){}",
        "Unexpected eval or arguments in strict mode",
        12,
    );
    rejects_at(
        "try {} catch (eval) {}",
        "Unexpected eval or arguments in strict mode",
        14,
    );
    rejects_at(
        "class eval {}",
        "Unexpected eval or arguments in strict mode",
        6,
    );
    rejects_at(
        "import eval from \"x\"",
        "Unexpected eval or arguments in strict mode",
        7,
    );
    rejects_at(
        "(function eval(){})",
        "Unexpected eval or arguments in strict mode",
        10,
    );
    rejects_at(
        "async function eval(){}",
        "Unexpected eval or arguments in strict mode",
        15,
    );
    rejects_at(
        "function* arguments(){}",
        "Unexpected eval or arguments in strict mode",
        10,
    );
    rejects_at(
        "class C { m(arguments){} }",
        "Unexpected eval or arguments in strict mode",
        12,
    );
    rejects_at(
        "function f(...eval){}",
        "Unexpected eval or arguments in strict mode",
        14,
    );
    rejects_at(
        "class C { set m(eval){} }",
        "Unexpected eval or arguments in strict mode",
        16,
    );
    rejects_at(
        "var {eval} = {};",
        "Unexpected eval or arguments in strict mode",
        5,
    );
    rejects_at(
        "var {eval = 1} = {};",
        "Unexpected eval or arguments in strict mode",
        5,
    );
    rejects_at(
        "for (let eval in {});",
        "Unexpected eval or arguments in strict mode",
        9,
    );
    rejects_at(
        "(a, eval) => 1",
        "Unexpected eval or arguments in strict mode",
        4,
    );
    rejects_at(
        "({eval}) => 1",
        "Unexpected eval or arguments in strict mode",
        2,
    );
}

/// V8 words eval/arguments as bare nested pattern targets as invalid destructuring targets.
#[test]
fn nested_eval_or_arguments_targets() {
    rejects_at(
        "let [eval] = [];",
        "Invalid destructuring assignment target",
        5,
    );
    rejects_at(
        "let {a: eval} = {}",
        "Invalid destructuring assignment target",
        8,
    );
    rejects_at(
        "var [...eval] = [];",
        "Invalid destructuring assignment target",
        8,
    );
    rejects_at(
        "var {...eval} = {};",
        "Invalid destructuring assignment target",
        8,
    );
    rejects_at(
        "function f([eval]){}",
        "Invalid destructuring assignment target",
        12,
    );
    rejects_at(
        "function f({a: eval}){}",
        "Invalid destructuring assignment target",
        15,
    );
    rejects_at(
        "let {a: [eval]} = {};",
        "Invalid destructuring assignment target",
        9,
    );
    rejects_at(
        "try {} catch ([eval]) {}",
        "Invalid destructuring assignment target",
        15,
    );
    rejects_at(
        "for (let [eval] of []);",
        "Invalid destructuring assignment target",
        10,
    );
    rejects_at(
        "([eval]) => 1",
        "Invalid destructuring assignment target",
        2,
    );
    rejects_at(
        "for (var [eval] of []);",
        "Invalid destructuring assignment target",
        10,
    );
}

/// Escaped reserved words are still reserved (ECMA-262 §13.1.1).
#[test]
fn reserved_words_as_names() {
    rejects_at(
        "var l\\u0065t;",
        "Keyword must not contain escaped characters",
        4,
    );
    rejects_at(
        "var st\\u0061tic;",
        "Keyword must not contain escaped characters",
        4,
    );
    rejects_at(
        "var impl\\u0065ments;",
        "Keyword must not contain escaped characters",
        4,
    );
    rejects_at(
        "l\\u0065t;",
        "Keyword must not contain escaped characters",
        0,
    );
    accepts("var \\u0061sync;");
    accepts("var x = {l\\u0065t: 1}; x.l\\u0065t");
    rejects_at("let let = 1;", "Unexpected strict mode reserved word", 4);
    rejects_at("class let {}", "Unexpected strict mode reserved word", 6);
    rejects_at(
        "import let from \"x\"",
        "Unexpected strict mode reserved word",
        7,
    );
}
