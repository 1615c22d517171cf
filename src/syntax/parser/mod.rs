//! The parser: tokens to AST.
//!
//! `driver` runs the pipeline (lexer, token adapter, the LALRPOP grammar in
//! `grammar/js.lalrpop`, early errors); the other modules hold the grammar's
//! actions, grouped by the part of ECMA-262 they build.

pub(crate) mod adapter;
mod asi;
mod driver;
mod expressions;
mod functions;
mod messages;
pub(crate) mod parts;
mod patterns;
mod phase_times;
pub(crate) mod recovery;
mod script_words;
pub(crate) mod state;
mod statements;
mod suspensions;

#[cfg(test)]
mod tests;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, unused)]
    grammar,
    "/js.rs"
);

pub use driver::{
    parse_eval, parse_module, parse_module_timed, parse_script, parse_script_timed,
    parse_strict_script,
};
pub use phase_times::{Phase, PhaseTimes};
