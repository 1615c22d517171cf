//! The parsing pipeline: lexer → token adapter → grammar → early errors.

use lalrpop_util::ParseError;

use super::super::ast::{Module, ModuleItem, Script};
use super::super::early_errors;
use super::super::error::SyntaxError;
use super::super::lexer;
use super::super::span::Span;
use super::adapter::{self, unexpected_message, Lex};
use super::grammar::ProgramParser;
use super::state::{Goal, ParseState};

/// Parses `source` as an ECMAScript module (ParseModule's syntax part).
pub fn parse_module(source: &str) -> Result<Module, SyntaxError> {
    let body = parse_program(source, Goal::Module)?;
    let module = Module {
        body,
        span: Span::new(0, source.len()),
    };
    early_errors::check_module(&module)?;
    Ok(module)
}

/// Parses `source` as a strict script: the module grammar without
/// import/export declarations, top-level `await` or `import.meta`.
pub fn parse_script(source: &str) -> Result<Script, SyntaxError> {
    let items = parse_program(source, Goal::Script)?;
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
    let script = Script {
        body,
        span: Span::new(0, source.len()),
    };
    early_errors::check_script(&script)?;
    Ok(script)
}

fn parse_program(source: &str, goal: Goal) -> Result<Vec<ModuleItem>, SyntaxError> {
    let tokens = match lexer::tokenize(source) {
        Ok(tokens) => tokens,
        Err(lex_error) => return Err(earlier_parse_error(source, goal, lex_error)),
    };
    let adapted = adapter::adapt(tokens);
    let state = ParseState::new(source, &adapted.metas, goal);
    let result = ProgramParser::new()
        .parse(
            &state,
            adapted.lexes.into_iter().map(Ok::<_, SyntaxError>),
        )
        .map_err(|e| to_syntax_error(e, source));
    if result.is_ok() {
        state.finish();
    }
    state.earliest(result)
}

/// A lexical error stops the lexer, but a syntax error before it comes first
/// in the source: parse the text before the bad token to find one.
fn earlier_parse_error(source: &str, goal: Goal, lex_error: SyntaxError) -> SyntaxError {
    let cut = lex_error.span.start as usize;
    let Some(prefix) = source.get(..cut) else {
        return lex_error;
    };
    let Ok(tokens) = lexer::tokenize(prefix) else {
        return lex_error;
    };
    let adapted = adapter::adapt(tokens);
    let state = ParseState::new(prefix, &adapted.metas, goal);
    let result = ProgramParser::new()
        .parse(&state, adapted.lexes.into_iter().map(Ok::<_, SyntaxError>))
        .map_err(|e| to_syntax_error(e, prefix));
    match state.earliest(result) {
        Err(e) if (e.span.start as usize) < cut => e,
        _ => lex_error,
    }
}

/// LALRPOP's errors in V8's words.
fn to_syntax_error(error: ParseError<usize, Lex, SyntaxError>, source: &str) -> SyntaxError {
    match error {
        ParseError::UnrecognizedToken {
            token: (l, lex, r), ..
        }
        | ParseError::ExtraToken { token: (l, lex, r) } => {
            SyntaxError::new(unexpected_message(&lex), Span::new(l, r))
        }
        ParseError::UnrecognizedEof { .. } => SyntaxError::new(
            "Unexpected end of input",
            Span::new(source.len(), source.len()),
        ),
        ParseError::InvalidToken { location } => {
            SyntaxError::new("Invalid or unexpected token", Span::new(location, location))
        }
        ParseError::User { error } => error,
    }
}
