//! The syntax layer: source text to a checked AST.
//!
//! `lexer` turns text into tokens (logos plus a driver that decides regular
//! expressions and splits templates), `parser` runs the LALRPOP grammar in
//! `grammar/js.lalrpop` over them (with automatic semicolon insertion), and
//! `early_errors` applies the static semantics rules the grammar cannot.

pub mod ast;
pub mod cache;
pub mod cover;
pub mod dump;
pub mod early_errors;
pub mod error;
pub mod estree;
pub mod lexer;
pub mod parser;
pub mod proposals;
pub mod regexp;
pub mod scope;
pub mod span;
pub mod token;

pub use error::SyntaxError;
pub use parser::{
    parse_eval, parse_module, parse_module_timed, parse_script, parse_script_timed,
    parse_strict_script, Phase, PhaseTimes,
};
pub use span::{LineCol, LineIndex, Span};
