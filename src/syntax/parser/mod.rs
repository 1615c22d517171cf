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
pub(crate) mod state;
mod statements;

#[cfg(test)]
mod tests;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, unused)]
    grammar,
    "/js.rs"
);

pub use driver::{parse_module, parse_script};

thread_local! {
    static EXPECTED_TOKENS_WANTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the generated parser should list the terminals it expected when
/// it meets a syntax error (build.rs makes it ask). Only a parse that reports
/// its error needs them; see `driver::run_grammar`.
pub fn expected_tokens_wanted() -> bool {
    EXPECTED_TOKENS_WANTED.with(|w| w.get())
}

fn set_expected_tokens_wanted(wanted: bool) {
    EXPECTED_TOKENS_WANTED.with(|w| w.set(wanted));
}
