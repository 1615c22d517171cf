//! Modules: accepted and rejected sources; messages and columns are what Node v20 printed.

use super::{accepts, rejects_at};

/// ExportedNames has no duplicates (ECMA-262 §16.2.1.1).
#[test]
fn duplicate_exports() {
    rejects_at("let x; export {x, x};", "Duplicate export of 'x'", 18);
    rejects_at(
        "let x; export {x as \"y\", x as y};",
        "Duplicate export of 'y'",
        25,
    );
    rejects_at("export var a; export var a;", "Duplicate export of 'a'", 21);
    rejects_at("export let a; export {a};", "Duplicate export of 'a'", 22);
    rejects_at(
        "export default function f(){} export default class {}",
        "Duplicate export of 'default'",
        37,
    );
    rejects_at(
        "export default function(){} function f(){} export {f as default}",
        "Duplicate export of 'default'",
        51,
    );
    rejects_at(
        "export * as a from \"x\"; export * as a from \"y\"",
        "Duplicate export of 'a'",
        36,
    );
    rejects_at(
        "export { x as default }; export default 1; let x",
        "Duplicate export of 'default'",
        32,
    );
    rejects_at(
        "export default 1; export { x as default }; let x",
        "Duplicate export of 'default'",
        27,
    );
    rejects_at(
        "export {y}; export * as y from \"z\"",
        "Duplicate export of 'y'",
        24,
    );
    rejects_at(
        "let x, y; export {x as b}; export {y as a}; export {y as b}; export {x as a}",
        "Duplicate export of 'a'",
        69,
    );
    rejects_at(
        "let x, y; export {x as a}; export {y as b}; export {y as a}; export {x as b}",
        "Duplicate export of 'b'",
        69,
    );
    rejects_at("let x; export {x, x, x}", "Duplicate export of 'x'", 21);
    rejects_at(
        "export {x}; let y; export {y, y}",
        "Duplicate export of 'y'",
        30,
    );
    rejects_at(
        "let y; export {y, y}; export {x};",
        "Duplicate export of 'y'",
        18,
    );
    rejects_at(
        "export const a = 1, b = 2; export {a};",
        "Duplicate export of 'a'",
        35,
    );
    rejects_at(
        "export class C {} export {C};",
        "Duplicate export of 'C'",
        26,
    );
    rejects_at(
        "export function f(){} export {f as g}; export {f as g};",
        "Duplicate export of 'g'",
        47,
    );
    rejects_at(
        "export let [a, {b}] = [1, {}]; export {b}",
        "Duplicate export of 'b'",
        39,
    );
    rejects_at(
        "var a; export {a as 'b'}; export {a as b}",
        "Duplicate export of 'b'",
        34,
    );
    rejects_at(
        "export * as default from 'x'; export default 1",
        "Duplicate export of 'default'",
        37,
    );
    rejects_at(
        "export {a as default} from 'x'; export default function(){}",
        "Duplicate export of 'default'",
        39,
    );
    accepts("let a; export {a as b}; export {a as c}");
    accepts("export * from \"x\"; export * from \"x\"");
}

/// Default exports bind "*default*" (V8 calls it .default) unless they name a declaration.
#[test]
fn default_export_bindings() {
    rejects_at(
        "export default 1; export default 2;",
        "Identifier '.default' has already been declared",
        25,
    );
    rejects_at(
        "export default 1; export default function(){}",
        "Identifier '.default' has already been declared",
        33,
    );
    rejects_at(
        "export default function(){}; export default 1",
        "Identifier '.default' has already been declared",
        36,
    );
    rejects_at(
        "export default function f(){} let f;",
        "Identifier 'f' has already been declared",
        34,
    );
    rejects_at(
        "export default class C{} let C;",
        "Identifier 'C' has already been declared",
        29,
    );
    accepts("export default (function f(){}); let f;");
    rejects_at(
        "export default async function(){} export default 1",
        "Identifier '.default' has already been declared",
        41,
    );
    rejects_at(
        "export default function* g(){} let g",
        "Identifier 'g' has already been declared",
        35,
    );
    rejects_at(
        "export default 1; export default class {}",
        "Identifier '.default' has already been declared",
        33,
    );
}

/// ExportedBindings occur in VarDeclaredNames or LexicallyDeclaredNames (ECMA-262 §16.2.1.1).
#[test]
fn exported_bindings_are_declared() {
    rejects_at("export {x};", "Export 'x' is not defined in module", 8);
    rejects_at("export {x as y};", "Export 'x' is not defined in module", 8);
    rejects_at(
        "export {y}; export {x}; var y",
        "Export 'x' is not defined in module",
        20,
    );
    accepts("export {x as default}; var x;");
    accepts("export {x}; { var x; }");
    rejects_at(
        "export {x}; { let x; }",
        "Export 'x' is not defined in module",
        8,
    );
    rejects_at(
        "export {x}; { function x(){} }",
        "Export 'x' is not defined in module",
        8,
    );
    rejects_at(
        "export {x}; function f(){ var x }",
        "Export 'x' is not defined in module",
        8,
    );
    rejects_at(
        "export {arguments}",
        "Export 'arguments' is not defined in module",
        8,
    );
    rejects_at("export {eval}", "Export 'eval' is not defined in module", 8);
    accepts("export {x}; for (var x of []);");
    accepts("function f(){ var x; } let x; export {x}");
    accepts("export {x}; class x {}");
    accepts("export {x}; import {x} from \"y\"");
    accepts("import * as ns from 'x'; export {ns};");
    accepts("import {a} from 'x'; export {a as b};");
    rejects_at(
        "export {bb}; export {a}",
        "Export 'a' is not defined in module",
        21,
    );
    rejects_at(
        "export {b}; export {aa}",
        "Export 'aa' is not defined in module",
        20,
    );
    rejects_at(
        "export {_}; export {a}; export {$}",
        "Export '$' is not defined in module",
        32,
    );
    rejects_at(
        "export {y}; export {x}",
        "Export 'x' is not defined in module",
        20,
    );
    rejects_at("export {x, y}", "Export 'x' is not defined in module", 8);
}

/// String ModuleExportNames: well-formed Unicode, and only with `from` as local names (ECMA-262 §16.2.1.1, §16.2.3.1).
#[test]
fn string_export_names() {
    rejects_at(
        "export {\"a\"};",
        "String literal module export names must be followed by a 'from' clause",
        8,
    );
    accepts("export {\"a\"} from \"x\";");
    rejects_at(
        "export {\"\\uD800\" as x} from \"y\"",
        "Invalid module export name: contains unpaired surrogate",
        8,
    );
    rejects_at(
        "let x; export {x as \"\\uD800\"};",
        "Invalid module export name: contains unpaired surrogate",
        20,
    );
    rejects_at(
        "export * as \"\\uDC00\" from \"y\"",
        "Invalid module export name: contains unpaired surrogate",
        12,
    );
    rejects_at(
        "import {\"\\uD800\" as x} from \"y\"",
        "Invalid module export name: contains unpaired surrogate",
        8,
    );
    accepts("import {\"\\uD83D\\uDE00\" as x} from \"y\"");
    rejects_at("export {let}", "Unexpected reserved word", 8);
    rejects_at("export {static as s}", "Unexpected reserved word", 8);
    rejects_at("export {await}", "Unexpected reserved word", 8);
    accepts("export {x as if}; var x");
}

/// WithClause keys are unique (ECMA-262 §16.2.2.1).
#[test]
fn import_attributes() {
    rejects_at(
        "import x from \"./t.mjs\" with {type: \"json\", type: \"json\"}",
        "Import assertion has duplicate key 'type'",
        44,
    );
    accepts("import x from \"./t.mjs\" with {type: \"json\"}");
}
