//! Classes: accepted and rejected sources; messages and columns are what Node v20 printed.

use super::{accepts, rejects, rejects_at};

/// PrototypePropertyNameList contains "constructor" at most once (ECMA-262 §15.7.1).
#[test]
fn one_constructor() {
    rejects_at(
        "class C { constructor(){} constructor(){} }",
        "A class may only have one constructor",
        26,
    );
    rejects_at(
        "class C { constructor(){} \"constructor\"(){} }",
        "A class may only have one constructor",
        26,
    );
    rejects_at(
        "class C { 'constructor'(){} constructor(){} }",
        "A class may only have one constructor",
        28,
    );
    accepts("class C { constructor(){} [\"constructor\"](){} }");
    accepts("class C { constructor(){} static constructor(){} }");
    accepts("class C { static constructor(){} }");
}

/// PropName "constructor" with SpecialMethod true (ECMA-262 §15.7.1).
#[test]
fn special_constructor_methods() {
    rejects(
        "class C { get constructor(){} }",
        "Class constructor may not be an accessor",
    );
    rejects(
        "class C { set constructor(v){} }",
        "Class constructor may not be an accessor",
    );
    rejects(
        "class C { *constructor(){} }",
        "Class constructor may not be a generator",
    );
    rejects(
        "class C { async constructor(){} }",
        "Class constructor may not be an async method",
    );
    rejects(
        "class C { async *constructor(){} }",
        "Class constructor may not be a generator",
    );
    rejects(
        "class C { constructor(){} get constructor(){} }",
        "Class constructor may not be an accessor",
    );
    accepts("class C { get ['constructor'](){} }");
    rejects_at(
        "class C { #constructor(){} }",
        "Class constructor may not be a private method",
        10,
    );
}

/// FieldDefinition named constructor; static elements named prototype (ECMA-262 §15.7.1).
#[test]
fn constructor_and_prototype_fields() {
    rejects_at(
        "class C { constructor = 1 }",
        "Classes may not have a field named 'constructor'",
        10,
    );
    rejects_at(
        "class C { \"constructor\" = 1 }",
        "Classes may not have a field named 'constructor'",
        10,
    );
    rejects(
        "class C { static constructor = 1 }",
        "Classes may not have a field named 'constructor'",
    );
    rejects_at(
        "class C { #constructor }",
        "Classes may not have a field named 'constructor'",
        10,
    );
    rejects_at(
        "class C { static prototype(){} }",
        "Classes may not have a static property named 'prototype'",
        17,
    );
    rejects(
        "class C { static prototype = 1 }",
        "Classes may not have a static property named 'prototype'",
    );
    rejects_at(
        "class C { static \"prototype\"(){} }",
        "Classes may not have a static property named 'prototype'",
        17,
    );
    rejects(
        "class C { static get prototype(){} }",
        "Classes may not have a static property named 'prototype'",
    );
    rejects(
        "class C { static async *prototype(){} }",
        "Classes may not have a static property named 'prototype'",
    );
    rejects(
        "class C { static 'prototype' = 1 }",
        "Classes may not have a static property named 'prototype'",
    );
    rejects(
        "class C { static prototype }",
        "Classes may not have a static property named 'prototype'",
    );
    accepts("class C { prototype(){} }");
    accepts("class C { 'prototype' = 1 }");
    accepts("class C { static #prototype }");
}

/// PrivateBoundIdentifiers: no duplicates except one getter and one setter of the same placement (ECMA-262 §15.7.1).
#[test]
fn duplicate_private_names() {
    rejects_at(
        "class C { #a; #a }",
        "Identifier '#a' has already been declared",
        14,
    );
    rejects(
        "class C { #a; #a(){} }",
        "Identifier '#a' has already been declared",
    );
    accepts("class C { get #a(){} set #a(v){} }");
    rejects(
        "class C { get #a(){} static set #a(v){} }",
        "Identifier '#a' has already been declared",
    );
    rejects(
        "class C { get #a(){} get #a(){} }",
        "Identifier '#a' has already been declared",
    );
    rejects_at(
        "class C { get #a(){} set #a(v){} #a }",
        "Identifier '#a' has already been declared",
        33,
    );
    accepts("class C { static get #a(){} static set #a(v){} }");
    rejects_at(
        "class C { static #a; #a }",
        "Identifier '#a' has already been declared",
        21,
    );
    rejects(
        "class C { static #a(){} get #a(){} }",
        "Identifier '#a' has already been declared",
    );
    accepts("class C { set #a(v){} get #a(){} }");
    rejects(
        "class C { set #a(v){} set #a(v){} }",
        "Identifier '#a' has already been declared",
    );
    rejects_at(
        "class C { m(){ this.#b } #a; #a }",
        "Identifier '#a' has already been declared",
        29,
    );
    accepts("class C { #a } class D { #a }");
    rejects(
        "class C { static async *#m(){} static #m }",
        "Identifier '#m' has already been declared",
    );
}

/// AllPrivateIdentifiersValid (ECMA-262 §15.7.1, §15.7.8).
#[test]
fn undeclared_private_names() {
    rejects(
        "class C { m(){ this.#x } }",
        "Private field '#x' must be declared in an enclosing class",
    );
    accepts("class C { #x; m(){ class D { n(){ this.#x } } } }");
    accepts("class C { m(){ this.#x } #x }");
    rejects(
        "class C { m(){ #x in this } }",
        "Private field '#x' must be declared in an enclosing class",
    );
    rejects(
        "this.#x",
        "Private field '#x' must be declared in an enclosing class",
    );
    rejects(
        "class C { m(){ this.#x; this.#y } }",
        "Private field '#x' must be declared in an enclosing class",
    );
    rejects(
        "class C { m(){ class D { n(){ this.#x } } } }",
        "Private field '#x' must be declared in an enclosing class",
    );
    accepts("class C { #x; m(){ return #x in this } }");
    accepts("class C { #a; static { this.#a } }");
    rejects(
        "class C { m(){ this.#x; } } class D { #x }",
        "Private field '#x' must be declared in an enclosing class",
    );
    accepts("class C { #x; static m(){ class D { [this.#x] = 1 } } }");
    accepts("class C { [this.#x] = 1; #x }");
    rejects(
        "class C extends (class { #x }) { m(){ this.#x } }",
        "Private field '#x' must be declared in an enclosing class",
    );
    rejects(
        "class C extends (this.#x) { #x }",
        "Private field '#x' must be declared in an enclosing class",
    );
}

/// ContainsArguments of field initializers and static blocks (ECMA-262 §15.7.1).
#[test]
fn arguments_in_class_initializers() {
    rejects_at(
        "class C { x = arguments }",
        "'arguments' is not allowed in class field initializer or static initialization block",
        14,
    );
    rejects_at(
        "class C { x = () => arguments }",
        "'arguments' is not allowed in class field initializer or static initialization block",
        20,
    );
    rejects_at(
        "class C { static { arguments } }",
        "'arguments' is not allowed in class field initializer or static initialization block",
        19,
    );
    rejects_at(
        "class C { static { () => arguments } }",
        "'arguments' is not allowed in class field initializer or static initialization block",
        25,
    );
    rejects_at(
        "class C { static { let arguments } }",
        "'arguments' is not allowed in class field initializer or static initialization block",
        23,
    );
    rejects_at(
        "class C { x = typeof arguments }",
        "'arguments' is not allowed in class field initializer or static initialization block",
        21,
    );
    accepts("class C { x = function(){ arguments } }");
    accepts("class C { static { function f(){ arguments } } }");
    accepts("function f(){ class C { [arguments] = 1 } }");
    rejects_at(
        "class C { x = class { [arguments] = 1 } }",
        "'arguments' is not allowed in class field initializer or static initialization block",
        23,
    );
    rejects_at(
        "class C { x = (arguments) => 1 }",
        "'arguments' is not allowed in class field initializer or static initialization block",
        15,
    );
    rejects_at(
        "class C { x = eval = 1 }",
        "Unexpected eval or arguments in strict mode",
        14,
    );
    rejects_at(
        "class C { x = arguments = 1 }",
        "'arguments' is not allowed in class field initializer or static initialization block",
        14,
    );
    rejects_at(
        "class C { x = eval++ }",
        "Unexpected eval or arguments in strict mode",
        14,
    );
    rejects_at(
        "class C { x = arguments++ }",
        "'arguments' is not allowed in class field initializer or static initialization block",
        14,
    );
    rejects_at(
        "class C { static { eval = 1 } }",
        "Unexpected eval or arguments in strict mode",
        19,
    );
    rejects(
        "class C { x = (eval) = 1 }",
        "Unexpected eval or arguments in strict mode",
    );
    rejects_at(
        "class C { x = [arguments] = [] }",
        "'arguments' is not allowed in class field initializer or static initialization block",
        15,
    );
    rejects_at(
        "class C { x = function arguments(){} }",
        "Unexpected eval or arguments in strict mode",
        23,
    );
    rejects_at(
        "class C { x = class arguments {} }",
        "'arguments' is not allowed in class field initializer or static initialization block",
        20,
    );
    rejects_at(
        "class C { static { function arguments(){} } }",
        "Unexpected eval or arguments in strict mode",
        28,
    );
    rejects_at(
        "class C { static { class arguments {} } }",
        "Unexpected eval or arguments in strict mode",
        25,
    );
    rejects_at(
        "class C { static { try {} catch (arguments) {} } }",
        "Unexpected eval or arguments in strict mode",
        33,
    );
    rejects_at(
        "class C { static { var {arguments} = {} } }",
        "'arguments' is not allowed in class field initializer or static initialization block",
        24,
    );
    rejects_at(
        "class C { x = ({arguments}) => 1 }",
        "'arguments' is not allowed in class field initializer or static initialization block",
        16,
    );
    rejects_at(
        "class C { static { arguments: ; } }",
        "'arguments' is not allowed in class field initializer or static initialization block",
        19,
    );
    rejects_at(
        "class C { x = async () => arguments }",
        "'arguments' is not allowed in class field initializer or static initialization block",
        26,
    );
    accepts("class C { x = { m(){ arguments } } }");
    rejects_at(
        "class C { x = { [arguments]: 1 } }",
        "'arguments' is not allowed in class field initializer or static initialization block",
        17,
    );
}
