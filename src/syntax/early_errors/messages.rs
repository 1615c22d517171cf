//! V8's wording for each early error (what Node prints after `SyntaxError: `).

pub const MAX_NESTING: &str = "Maximum nesting depth exceeded";

// Declarations.
pub fn already_declared(name: &str) -> String {
    format!("Identifier '{name}' has already been declared")
}
pub const DUPLICATE_PARAMETER: &str = "Duplicate parameter name not allowed in this context";
pub const EVAL_OR_ARGUMENTS: &str = "Unexpected eval or arguments in strict mode";
pub const INVALID_DESTRUCTURING_TARGET: &str = "Invalid destructuring assignment target";
pub const STRICT_RESERVED_WORD: &str = "Unexpected strict mode reserved word";
pub const RESERVED_WORD: &str = "Unexpected reserved word";
pub const ESCAPED_KEYWORD: &str = "Keyword must not contain escaped characters";
pub const FUNCTION_IN_SINGLE_STATEMENT: &str =
    "In strict mode code, functions can only be declared at top level or inside a block.";
pub const NON_STRICT_FUNCTION_IN_SINGLE_STATEMENT: &str = "In non-strict mode code, functions can only be declared at top level, inside a block, or as the body of an if statement.";
pub const GENERATOR_IN_SINGLE_STATEMENT: &str =
    "Generators can only be declared at the top level or inside a block.";
pub const ASYNC_FUNCTION_IN_SINGLE_STATEMENT: &str =
    "Async functions can only be declared at the top level or inside a block.";
pub const CLASS_IN_SINGLE_STATEMENT: &str = "Unexpected token 'class'";

// Functions.
pub const ILLEGAL_USE_STRICT: &str =
    "Illegal 'use strict' directive in function with non-simple parameter list";
pub const ILLEGAL_RETURN: &str = "Illegal return statement";
pub const DELETE_IDENTIFIER: &str = "Delete of an unqualified identifier in strict mode.";
pub const DELETE_PRIVATE: &str = "Private fields can not be deleted";
pub const NEW_TARGET: &str = "new.target expression is not allowed here";
pub const SUPER: &str = "'super' keyword unexpected here";
pub const YIELD_IN_PARAMETER: &str = "Yield expression not allowed in formal parameter";
pub const AWAIT_IN_PARAMETER: &str =
    "Illegal await-expression in formal parameters of async function";
pub const AWAIT_OUTSIDE_ASYNC: &str =
    "await is only valid in async functions and the top level bodies of modules";
pub const IMPORT_META_OUTSIDE_MODULE: &str = "Cannot use 'import.meta' outside a module";

// Labels and jumps.
pub fn undefined_label(name: &str) -> String {
    format!("Undefined label '{name}'")
}
pub fn duplicate_label(name: &str) -> String {
    format!("Label '{name}' has already been declared")
}
pub fn continue_to_non_loop(name: &str) -> String {
    format!("Illegal continue statement: '{name}' does not denote an iteration statement")
}
pub const ILLEGAL_BREAK: &str = "Illegal break statement";
pub const ILLEGAL_CONTINUE: &str = "Illegal continue statement: no surrounding iteration statement";

// Classes.
pub const DUPLICATE_CONSTRUCTOR: &str = "A class may only have one constructor";
pub const CONSTRUCTOR_ACCESSOR: &str = "Class constructor may not be an accessor";
pub const CONSTRUCTOR_GENERATOR: &str = "Class constructor may not be a generator";
pub const CONSTRUCTOR_ASYNC: &str = "Class constructor may not be an async method";
pub const CONSTRUCTOR_PRIVATE: &str = "Class constructor may not be a private method";
pub const FIELD_CONSTRUCTOR: &str = "Classes may not have a field named 'constructor'";
pub const STATIC_PROTOTYPE: &str = "Classes may not have a static property named 'prototype'";
pub const ARGUMENTS_IN_INITIALIZER: &str =
    "'arguments' is not allowed in class field initializer or static initialization block";
pub fn undeclared_private(name: &str) -> String {
    format!("Private field '#{name}' must be declared in an enclosing class")
}

// Object literals.
pub const DUPLICATE_PROTO: &str = "Duplicate __proto__ fields are not allowed in object literals";
pub const SHORTHAND_INITIALIZER: &str = "Invalid shorthand property initializer";

// Modules.
pub fn duplicate_export(name: &str) -> String {
    format!("Duplicate export of '{name}'")
}
pub fn undefined_export(name: &str) -> String {
    format!("Export '{name}' is not defined in module")
}
pub const STRING_EXPORT_WITHOUT_FROM: &str =
    "String literal module export names must be followed by a 'from' clause";
pub const UNPAIRED_SURROGATE_EXPORT: &str =
    "Invalid module export name: contains unpaired surrogate";
pub fn duplicate_import_attribute(key: &str) -> String {
    format!("Import assertion has duplicate key '{key}'")
}

/// A `let` or `const` declaration (or a for-in/of head's) binding `let`.
pub const LET_LEXICALLY_BOUND: &str = "let is disallowed as a lexically bound name";
