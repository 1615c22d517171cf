//! The parsing pipeline: lexer → token adapter → grammar → early errors.

use super::super::ast::{Module, ModuleItem, Script};
use super::super::early_errors;
use super::super::error::SyntaxError;
use super::super::lexer;
use super::super::span::Span;
use super::super::token::Token;
use super::adapter;
use super::grammar::ProgramParser;
use super::messages::{escaped_import_meta_at_end, to_syntax_error, unexpected_token};
use super::phase_times::{Phase, PhaseTimes, Stopwatch};
use super::recovery;
use super::script_words::decide_script_words;
use super::state::{Goal, ParseState};
use lalrpop_util::ParseError;

/// Parses `source` as an ECMAScript module (ParseModule's syntax part).
pub fn parse_module(source: &str) -> Result<Module, SyntaxError> {
    parse_module_with(source, &mut ())
}

/// [`parse_module`], recording the time of each phase in `times`.
pub fn parse_module_timed(source: &str, times: &mut PhaseTimes) -> Result<Module, SyntaxError> {
    parse_module_with(source, times)
}

fn parse_module_with(source: &str, watch: &mut impl Stopwatch) -> Result<Module, SyntaxError> {
    let (body, _) = parse_program(source, Goal::Module, watch)?;
    let module = Module {
        body,
        span: Span::new(0, source.len()),
        scope: Default::default(),
    };
    early_errors::check_module(&module)?;
    watch.lap(Phase::EarlyErrors);
    crate::syntax::scope::analyze_module(&module);
    watch.lap(Phase::ScopeAnalysis);
    Ok(module)
}

/// The parse alone, without the early errors (for tests of the grammar).
#[cfg(test)]
pub(super) fn parse_module_syntax(source: &str) -> Result<Module, SyntaxError> {
    let (body, _) = parse_program(source, Goal::Module, &mut ())?;
    Ok(Module {
        body,
        span: Span::new(0, source.len()),
        scope: Default::default(),
    })
}

/// Parses `source` as a script: the module grammar without import/export
/// declarations, top-level `await` or `import.meta`. The script is strict
/// code only with a Use Strict Directive (`Script::sloppy` records it, and
/// `Function::sloppy` each function's strictness).
pub fn parse_script(source: &str) -> Result<Script, SyntaxError> {
    parse_script_as(source, false)
}

/// [`parse_script`], recording the time of each phase in `times`.
pub fn parse_script_timed(source: &str, times: &mut PhaseTimes) -> Result<Script, SyntaxError> {
    parse_script_with(source, false, None, times)
}

/// Parses `source` as a script that is strict code throughout, as if it
/// began with a Use Strict Directive (test262's strict variant of a test).
pub fn parse_strict_script(source: &str) -> Result<Script, SyntaxError> {
    parse_script_as(source, true)
}

/// Parses eval code (PerformEval steps 11–12): a script, strict if
/// `strict` (the caller's strictness) or by its own directive, with what
/// the code around the `eval` call permits, analysed as eval code.
pub fn parse_eval(
    source: &str,
    strict: bool,
    context: early_errors::EvalContext,
) -> Result<Script, SyntaxError> {
    parse_script_with(source, strict, Some(context), &mut ())
}

fn parse_script_as(source: &str, strict: bool) -> Result<Script, SyntaxError> {
    parse_script_with(source, strict, None, &mut ())
}

fn parse_script_with(
    source: &str,
    strict: bool,
    eval: Option<early_errors::EvalContext>,
    watch: &mut impl Stopwatch,
) -> Result<Script, SyntaxError> {
    let (items, strict_only) = parse_program(source, Goal::Script, watch)?;
    let mut body = Vec::with_capacity(items.len());
    for item in items {
        match item {
            ModuleItem::Stmt(s) => body.push(s),
            ModuleItem::Import(d) => {
                return Err(SyntaxError::new(
                    "Cannot use import statement outside a module",
                    d.span,
                ))
            }
            ModuleItem::Export(d) => {
                let export = Span::new(d.span.start as usize, d.span.start as usize + 6);
                return Err(SyntaxError::new("Unexpected token 'export'", export));
            }
        }
    }
    watch.lap(Phase::Parsing);
    let script = Script {
        body,
        span: Span::new(0, source.len()),
        scope: Default::default(),
        sloppy: Default::default(),
    };
    let (checked, strict_ranges) = match eval {
        None => early_errors::check_script_with_strict_ranges(&script, strict),
        Some(context) => early_errors::check_eval_with_strict_ranges(&script, strict, context),
    };
    // The parser's strict-only errors that fall in strict code; the first
    // of those and the early error is reported.
    let in_strict_code = |e: &&SyntaxError| {
        strict_ranges
            .iter()
            .any(|r| r.start <= e.span.start && e.span.start < r.end)
    };
    if let Some(error) = strict_only.iter().find(in_strict_code) {
        let error = error.clone();
        return Err(match checked {
            Err(early) if early.span.start < error.span.start => early,
            _ => error,
        });
    }
    checked?;
    watch.lap(Phase::EarlyErrors);
    match eval {
        None => crate::syntax::scope::analyze_script(&script),
        Some(_) => crate::syntax::scope::analyze_eval(&script),
    }
    watch.lap(Phase::ScopeAnalysis);
    Ok(script)
}

/// The program's items and, for a script, the errors that apply only where
/// its code is strict.
type Parsed = (Vec<ModuleItem>, Vec<SyntaxError>);

fn parse_program(
    source: &str,
    goal: Goal,
    watch: &mut impl Stopwatch,
) -> Result<Parsed, SyntaxError> {
    let tokens = match tokenize(source, goal) {
        Ok(tokens) => tokens,
        Err(lex_error) => return Err(earlier_parse_error(source, goal, lex_error)),
    };
    watch.lap(Phase::Lexing);
    let parsed = run_grammar(source, tokens, goal);
    watch.lap(Phase::Parsing);
    parsed
}

/// Runs the grammar over the tokens. The terminals the parser expected are
/// only listed (for the error message) when a first run fails: then the
/// same, deterministic pipeline runs again with the list enabled.
fn run_grammar(source: &str, mut tokens: Vec<Token>, goal: Goal) -> Result<Parsed, SyntaxError> {
    let word_errors = script_words(&mut tokens, goal);
    let metas = adapter::metas(&tokens);
    let state = ParseState::new(source, &metas, goal);
    word_errors.into_iter().for_each(|e| state.defer(e));
    recovery::start(false);
    let result = ProgramParser::new().parse(&state, adapter::terminals(tokens));
    let result = match result {
        Ok(items) => {
            state.finish();
            Ok((items, state.take_strict_only()))
        }
        Err(ParseError::User { error }) if error.message != recovery::DROPPED_TOKEN => Err(error),
        Err(_) => return explain_parse_error(source, goal),
    };
    state.earliest(result)
}

/// The goal's tokens: a script's have Annex B.1.1's HTML-like comments.
fn tokenize(source: &str, goal: Goal) -> Result<Vec<Token>, SyntaxError> {
    match goal {
        Goal::Script => lexer::tokenize_script(source),
        Goal::Module => lexer::tokenize(source),
    }
}

/// In a script, which `yield`, `await` and `let` are identifiers (see
/// `script_words`); module code reserves all three.
fn script_words(tokens: &mut [Token], goal: Goal) -> Vec<SyntaxError> {
    match goal {
        Goal::Script => decide_script_words(tokens),
        Goal::Module => Vec::new(),
    }
}

/// The second run of a parse that failed, with expected terminals listed.
fn explain_parse_error(source: &str, goal: Goal) -> Result<Parsed, SyntaxError> {
    let mut tokens = tokenize(source, goal)?;
    let word_errors = script_words(&mut tokens, goal);
    let metas = adapter::metas(&tokens);
    let state = ParseState::new(source, &metas, goal);
    word_errors.into_iter().for_each(|e| state.defer(e));
    recovery::start(true);
    let result = ProgramParser::new().parse(&state, adapter::terminals(tokens));
    let (last_token, expected) = recovery::take_failure();
    recovery::start(false);
    let result = result.map_err(|e| match e {
        ParseError::User { error } if error.message == recovery::DROPPED_TOKEN => {
            match last_token {
                Some((l, lex, r)) => unexpected_token(&state, l, &lex, r, &expected),
                None => escaped_import_meta_at_end(&state, source.len()).unwrap_or_else(|| {
                    SyntaxError::new(
                        "Unexpected end of input",
                        Span::new(source.len(), source.len()),
                    )
                }),
            }
        }
        e => to_syntax_error(e, &state),
    });
    state.earliest(result.map(|items| (items, Vec::new())))
}

/// A lexical error stops the lexer, but a syntax error before it comes first
/// in the source: parse the text before the bad token to find one.
fn earlier_parse_error(source: &str, goal: Goal, lex_error: SyntaxError) -> SyntaxError {
    let cut = lex_error.span.start as usize;
    let Some(prefix) = source.get(..cut) else {
        return lex_error;
    };
    let Ok(tokens) = tokenize(prefix, goal) else {
        return lex_error;
    };
    let result = run_grammar(prefix, tokens, goal);
    match result {
        Err(e) if (e.span.start as usize) < cut => e,
        _ => lex_error,
    }
}
