//! Functions: accepted and rejected sources; messages and columns are what Node v20 printed.

use super::{accepts, rejects, rejects_at};

/// FormalParameters: no duplicate BoundNames in strict code (ECMA-262 §15.2.1, §15.1.1).
#[test]
fn duplicate_parameters() {
    rejects_at(
        "function f(a, a){}",
        "Duplicate parameter name not allowed in this context",
        14,
    );
    rejects_at(
        "function f(a, [a]){}",
        "Duplicate parameter name not allowed in this context",
        15,
    );
    rejects_at(
        "function f(a, ...a){}",
        "Duplicate parameter name not allowed in this context",
        17,
    );
    rejects_at(
        "function f(a, {b: a}){}",
        "Duplicate parameter name not allowed in this context",
        18,
    );
    rejects_at(
        "(a, a) => 1",
        "Duplicate parameter name not allowed in this context",
        4,
    );
    rejects_at(
        "({ m(a, a){} })",
        "Duplicate parameter name not allowed in this context",
        8,
    );
    rejects_at(
        "class C { m(a, a){} }",
        "Duplicate parameter name not allowed in this context",
        15,
    );
    rejects_at(
        "({ set m([a, a]){} })",
        "Duplicate parameter name not allowed in this context",
        13,
    );
    rejects_at(
        "async function f(a, a){}",
        "Duplicate parameter name not allowed in this context",
        20,
    );
    accepts("function f(a, b){}");
}

/// FunctionBodyContainsUseStrict with a non-simple parameter list (ECMA-262 §15.2.1).
#[test]
fn use_strict_with_non_simple_parameters() {
    rejects_at(
        "function f(a=1){ \"use strict\"; }",
        "Illegal 'use strict' directive in function with non-simple parameter list",
        17,
    );
    rejects_at(
        "function f([a]){ \"use strict\"; }",
        "Illegal 'use strict' directive in function with non-simple parameter list",
        17,
    );
    rejects_at(
        "function f(...a){ \"use strict\"; }",
        "Illegal 'use strict' directive in function with non-simple parameter list",
        18,
    );
    rejects_at(
        "(a=1) => { \"use strict\" }",
        "Illegal 'use strict' directive in function with non-simple parameter list",
        11,
    );
    rejects_at(
        "function f(a=1){ \"a\"; \"use strict\"; }",
        "Illegal 'use strict' directive in function with non-simple parameter list",
        22,
    );
    rejects_at(
        "async (a, b = 2) => { 'use strict' }",
        "Illegal 'use strict' directive in function with non-simple parameter list",
        22,
    );
    rejects_at(
        "({ m(a = 1) { 'use strict' } })",
        "Illegal 'use strict' directive in function with non-simple parameter list",
        14,
    );
    rejects_at(
        "class C { m({a}) { 'use strict' } }",
        "Illegal 'use strict' directive in function with non-simple parameter list",
        19,
    );
    accepts("function f(a=1){ \"use\\x20strict\"; }");
    accepts("function f(a=1){ (\"use strict\"); }");
    accepts("function f(a=1){ 1; \"use strict\"; }");
    accepts("function f(a){ 'use strict'; }");
    accepts("function f(){ 'use strict'; 'use strict'; }");
}

/// AssignmentTargetType of eval/arguments is invalid in strict code (ECMA-262 §13.1.1, §13.15.1).
#[test]
fn assignment_to_eval_or_arguments() {
    rejects_at(
        "eval = 1;",
        "Unexpected eval or arguments in strict mode",
        0,
    );
    rejects_at(
        "arguments++;",
        "Unexpected eval or arguments in strict mode",
        0,
    );
    rejects_at(
        "eval += 1",
        "Unexpected eval or arguments in strict mode",
        0,
    );
    rejects_at("--eval", "Unexpected eval or arguments in strict mode", 2);
    rejects_at(
        "++(arguments)",
        "Unexpected eval or arguments in strict mode",
        2,
    );
    rejects_at(
        "(function(){ eval = 1 })",
        "Unexpected eval or arguments in strict mode",
        13,
    );
    rejects_at(
        "for (eval of []);",
        "Unexpected eval or arguments in strict mode",
        5,
    );
    rejects_at(
        "for (eval in {});",
        "Unexpected eval or arguments in strict mode",
        5,
    );
    rejects_at(
        "({arguments} = {});",
        "Unexpected eval or arguments in strict mode",
        2,
    );
    rejects_at(
        "({eval = 1} = {});",
        "Unexpected eval or arguments in strict mode",
        2,
    );
    rejects_at(
        "[eval = 1] = [];",
        "Unexpected eval or arguments in strict mode",
        1,
    );
    rejects_at(
        "({a: eval = 1} = {});",
        "Unexpected eval or arguments in strict mode",
        5,
    );
    rejects_at("[eval] = [];", "Invalid destructuring assignment target", 1);
    rejects_at(
        "({a: arguments} = {});",
        "Invalid destructuring assignment target",
        5,
    );
    rejects_at(
        "[...eval] = [];",
        "Invalid destructuring assignment target",
        4,
    );
    rejects_at(
        "({...eval} = {});",
        "Invalid destructuring assignment target",
        5,
    );
    rejects_at(
        "[[eval]] = [];",
        "Invalid destructuring assignment target",
        2,
    );
    rejects_at(
        "for ([eval] of []);",
        "Invalid destructuring assignment target",
        6,
    );
    rejects_at(
        "x = {a: eval} = {}",
        "Invalid destructuring assignment target",
        8,
    );
    accepts("evil = 1");
    accepts("arguments.x = 1");
    accepts("eval.x++");
}

/// Script / ModuleItemList may not contain a ReturnStatement (ECMA-262 §16.2.1.1).
#[test]
fn return_outside_functions() {
    rejects_at("return 1;", "Illegal return statement", 0);
    rejects_at("{ return; }", "Illegal return statement", 2);
    rejects_at(
        "class C { static { return } }",
        "Illegal return statement",
        19,
    );
    accepts("function f(){ return 1 }");
    accepts("() => { return }");
    accepts("class C { x = () => { return } }");
    accepts("class C { m(){ return } }");
}

/// delete UnaryExpression: no identifier operand in strict code (ECMA-262 §13.5.1.1).
#[test]
fn delete_of_identifiers() {
    rejects_at(
        "delete x;",
        "Delete of an unqualified identifier in strict mode.",
        7,
    );
    rejects(
        "delete (x);",
        "Delete of an unqualified identifier in strict mode.",
    );
    rejects(
        "delete ((x));",
        "Delete of an unqualified identifier in strict mode.",
    );
    accepts("delete x.y;");
    accepts("delete x?.y");
    accepts("delete (x, y)");
    accepts("delete x[0]");
}

/// Contains NewTarget outside functions (ECMA-262 §16.2.1.1).
#[test]
fn new_target_outside_functions() {
    rejects_at("new.target", "new.target expression is not allowed here", 4);
    rejects_at(
        "() => new.target",
        "new.target expression is not allowed here",
        10,
    );
    accepts("function f(){ new.target }");
    accepts("function f(){ () => new.target }");
    accepts("class C { x = new.target }");
    accepts("class C { static { new.target } }");
    rejects_at(
        "class C { [new.target] = 1 }",
        "new.target expression is not allowed here",
        15,
    );
    accepts("function f(){ class C { [new.target] = 1 } }");
    accepts("({ m(){ new.target } })");
    accepts("function f(){ return () => new.target }");
}

/// SuperCall only in derived constructors (ECMA-262 §15.7.1).
#[test]
fn super_call_outside_derived_constructors() {
    rejects_at("super()", "'super' keyword unexpected here", 0);
    rejects_at(
        "class C { constructor(){ super() } }",
        "'super' keyword unexpected here",
        25,
    );
    rejects_at(
        "class C extends D { m(){ super() } }",
        "'super' keyword unexpected here",
        25,
    );
    rejects_at(
        "class C extends D { constructor(){ function f(){ super() } } }",
        "'super' keyword unexpected here",
        49,
    );
    rejects_at(
        "class C extends D { x = super() }",
        "'super' keyword unexpected here",
        24,
    );
    rejects_at(
        "class C extends D { static { super() } }",
        "'super' keyword unexpected here",
        29,
    );
    rejects_at(
        "class C extends D { constructor(){ class E { x = super() } } }",
        "'super' keyword unexpected here",
        49,
    );
    rejects_at(
        "class C extends D { constructor(){ ({ m(){ super() } }) } }",
        "'super' keyword unexpected here",
        43,
    );
    accepts("class C extends D { constructor(){ super() } }");
    accepts("class C extends D { constructor(){ () => super() } }");
    accepts("class C extends D { constructor(a = super()){ } }");
    accepts("class C extends D { constructor(){ class E { [super()] = 1 } } }");
    accepts("class C extends B { constructor(){ () => { () => super() } } }");
    accepts("class C extends D { 'constructor'(){ super() } }");
    rejects_at(
        "class C extends B { x = () => super() }",
        "'super' keyword unexpected here",
        30,
    );
}

/// SuperProperty only in methods, field initializers and static blocks (ECMA-262 §15.2.1).
#[test]
fn super_property_outside_methods() {
    rejects_at("super.x", "'super' keyword unexpected here", 0);
    rejects_at(
        "class C { m(){ function f(){ super.x } } }",
        "'super' keyword unexpected here",
        29,
    );
    rejects_at(
        "({ m: function(){ super.x } })",
        "'super' keyword unexpected here",
        18,
    );
    rejects_at(
        "class C extends (super.x) {}",
        "'super' keyword unexpected here",
        17,
    );
    accepts("class C { m(){ super.x } }");
    accepts("class C { m(){ () => super.x } }");
    accepts("({ m(){ super.x } })");
    accepts("({ get m(){ return super.x } })");
    accepts("class C { x = super.x }");
    accepts("class C { static { super.x } }");
    accepts("class C { constructor(a = super.x){ } }");
    accepts("class C { m(){ class D extends super.x {} } }");
    accepts("class C { static m(){ super.x } }");
    accepts("class C extends B { m = () => super.x }");
    accepts("({ m(){ return { n(){ super.x } } } })");
}

/// YieldExpression / AwaitExpression placement (ECMA-262 §15.5.1, §15.8.1, §15.7.1).
#[test]
fn yield_and_await_contexts() {
    rejects_at(
        "function* g(a = yield){}",
        "Yield expression not allowed in formal parameter",
        16,
    );
    rejects_at(
        "function* g(){ function* h(a = yield 1){} }",
        "Yield expression not allowed in formal parameter",
        31,
    );
    rejects_at(
        "async function f(a = await 1){}",
        "Illegal await-expression in formal parameters of async function",
        21,
    );
    rejects_at(
        "async function f(){ async function g(a = await 1){} }",
        "Illegal await-expression in formal parameters of async function",
        41,
    );
    rejects_at(
        "async function f(){ async (a = await 1) => 1 }",
        "Illegal await-expression in formal parameters of async function",
        31,
    );
    rejects_at("function f(){ await 1 }", "Unexpected reserved word", 14);
    rejects_at("() => await 1", "Unexpected reserved word", 6);
    rejects_at("class C { x = await 1 }", "Unexpected reserved word", 14);
    rejects_at(
        "function f(){ for await (x of []); }",
        "Unexpected reserved word",
        18,
    );
    rejects_at("function f(a = await 1){}", "Unexpected reserved word", 15);
    rejects_at(
        "async function f(){ function g(){ await 1 } }",
        "Unexpected reserved word",
        34,
    );
    rejects_at(
        "function f(){ yield 1 }",
        "Unexpected strict mode reserved word",
        14,
    );
    rejects_at("yield 1", "Unexpected strict mode reserved word", 0);
    rejects_at(
        "function* g(){ () => yield 1 }",
        "Unexpected strict mode reserved word",
        21,
    );
    rejects_at(
        "function* g(){ class C { x = yield } }",
        "Unexpected strict mode reserved word",
        29,
    );
    rejects_at(
        "class C { static { await 1 } }",
        "Unexpected reserved word",
        19,
    );
    rejects_at(
        "async function* g(a = yield){}",
        "Yield expression not allowed in formal parameter",
        22,
    );
    rejects_at(
        "async function* g(a = await 1){}",
        "Illegal await-expression in formal parameters of async function",
        22,
    );
    rejects_at(
        "function* g(a = () => yield){}",
        "Unexpected strict mode reserved word",
        22,
    );
    accepts("class C { [await 1] = 1 }");
    accepts("for await (x of []);");
    accepts("await 1; export {}");
    accepts("let x = await 1;");
    accepts("async function f(){ for await (x of []); }");
    accepts("function* g(){ yield* g(); }");
    accepts("async function* g(){ yield await 1; }");
    accepts("class C { async *m(){ yield; await 1 } }");
    accepts("function* g(){ ({ *m(){ yield } }) }");
    rejects_at(
        "function* g(){ ({ m(){ yield } }) }",
        "Unexpected strict mode reserved word",
        23,
    );
    accepts("async function f(){ class C { [await 1] = 1 } }");
}
