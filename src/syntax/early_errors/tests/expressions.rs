//! Expressions: accepted and rejected sources; messages and columns are what Node v20 printed.

use super::{accepts, rejects_at};

/// PropertyNameList of an ObjectLiteral has "__proto__" at most once (ECMA-262 §13.2.5.1).
#[test]
fn duplicate_proto_in_object_literals() {
    rejects_at(
        "({__proto__: 1, __proto__: 2})",
        "Duplicate __proto__ fields are not allowed in object literals",
        16,
    );
    rejects_at(
        "({__proto__: 1, \"__proto__\": 2})",
        "Duplicate __proto__ fields are not allowed in object literals",
        16,
    );
    rejects_at(
        "({ '__proto__': 1, '__proto__': 2 })",
        "Duplicate __proto__ fields are not allowed in object literals",
        19,
    );
    accepts("({__proto__: 1, __proto__(){} })");
    accepts("({__proto__: 1, [\"__proto__\"]: 2})");
    accepts("({__proto__, __proto__: 2})");
    accepts("({ __proto__: 1, __proto__ })");
    rejects_at(
        "({__proto__: 1, __proto__: 2} = {})",
        "Invalid destructuring assignment target",
        13,
    );
    accepts("x = { get a(){}, get a(){} }");
}

/// CoverInitializedName in an ObjectLiteral (ECMA-262 §13.2.5.1).
#[test]
fn shorthand_initializers_outside_patterns() {
    rejects_at("({x = 1})", "Invalid shorthand property initializer", 2);
    rejects_at(
        "({a: {x = 1}})",
        "Invalid shorthand property initializer",
        6,
    );
    rejects_at("f({x = 1})", "Invalid shorthand property initializer", 3);
    accepts("({x = 1}) => 1");
    accepts("({x = 1} = {})");
}
