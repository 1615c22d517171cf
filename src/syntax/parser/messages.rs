//! V8's wording for parse errors.
//!
//! LALRPOP reports the unexpected token and the terminals it expected; V8
//! words some errors after their context (an unclosed argument list, a
//! template substitution, `super` on its own), so those contexts are
//! recovered from the tokens around the error.

use lalrpop_util::ParseError;

use super::super::error::SyntaxError;
use super::super::span::Span;
use super::super::token::Tok;
use super::adapter::{Bracket, Lex};
use super::state::{Goal, ParseState};

/// LALRPOP's errors in V8's words.
pub fn to_syntax_error(
    error: ParseError<usize, Lex, SyntaxError>,
    state: &ParseState,
) -> SyntaxError {
    match error {
        ParseError::UnrecognizedToken {
            token: (l, lex, r),
            expected,
        } => unexpected_token(state, l, &lex, r, &expected),
        ParseError::ExtraToken { token: (l, lex, r) } => unexpected_token(state, l, &lex, r, &[]),
        ParseError::UnrecognizedEof { expected, .. } => {
            let end = state.source.len();
            if let Some(error) = escaped_import_meta_at_end(state, end) {
                return error;
            }
            let after_expression = expected.iter().any(|e| e == "\",\"");
            let message = after_expression
                .then(|| unclosed_context(state, end))
                .flatten()
                .unwrap_or("Unexpected end of input");
            SyntaxError::new(message, Span::new(end, end))
        }
        ParseError::InvalidToken { location } => {
            SyntaxError::new("Invalid or unexpected token", Span::new(location, location))
        }
        ParseError::User { error } => error,
    }
}

pub fn unexpected_token(
    state: &ParseState,
    l: usize,
    lex: &Lex,
    r: usize,
    expected: &[String],
) -> SyntaxError {
    // The token before the unexpected one (the last token at the end of
    // the input).
    let previous = match state.token_index(l) {
        Some(i) => i.checked_sub(1).map(|i| state.tokens[i]),
        None => state.tokens.last().copied().filter(|t| t.end <= l),
    }
    .map(|t| Span::new(t.start, t.end));
    if let Some(error) = escaped_keyword(state, l, lex, r, previous) {
        return error;
    }
    if let Some(error) = await_operand_in_script(state, lex, previous) {
        return error;
    }
    // `super` may only be called or have a property read.
    if let Some(prev) = previous.filter(|p| state.text(*p) == "super") {
        return SyntaxError::new("'super' keyword unexpected here", prev);
    }
    // An assignment operator after a complete expression that is not a
    // LeftHandSideExpression (`a + b = c`, `a++ = 1`).
    let is_assign_op = matches!(
        lex,
        Lex::T(tok) if tok.fixed_text().is_some_and(|t| t.len() >= 2 && t.ends_with('=') && !matches!(t, "==" | "!=" | "<=" | ">=" | "===" | "!=="))
            || *tok == Tok::Eq
    );
    if is_assign_op && expected.iter().any(|e| e == "\"?\"") {
        return SyntaxError::new("Invalid left-hand side in assignment", Span::new(l, r));
    }
    if *lex == Lex::T(Tok::QuestionDot) {
        return SyntaxError::new(
            "Invalid optional chain from new expression",
            Span::new(l, r),
        );
    }
    if *lex == Lex::T(Tok::In) && previous.is_some_and(|p| state.text(p) == "let") {
        let prev = previous.unwrap_or_default();
        return SyntaxError::new("Unexpected strict mode reserved word", prev);
    }
    let after_expression = expected.iter().any(|e| e == "\",\"");
    if let Some(message) = after_expression
        .then(|| unclosed_context(state, l))
        .flatten()
    {
        return SyntaxError::new(message, Span::new(l, r));
    }
    SyntaxError::new(unexpected_message(lex), Span::new(l, r))
}

/// `await x` where `await` is an identifier (a script outside async
/// functions): V8 explains where the operator is allowed.
fn await_operand_in_script(
    state: &ParseState,
    lex: &Lex,
    previous: Option<Span>,
) -> Option<SyntaxError> {
    let previous = previous?;
    let operand = match lex {
        Lex::T(tok) => tok.fixed_text().is_none() || tok.is_keyword(),
        _ => false,
    };
    (state.goal == Goal::Script && operand && state.text(previous) == "await").then(|| {
        SyntaxError::new(
            "await is only valid in async functions and the top level bodies of modules",
            previous,
        )
    })
}

/// V8's message for an unexpected token.
pub fn unexpected_message(lex: &Lex) -> String {
    use Tok::*;
    let tok = match lex {
        Lex::T(tok) => tok,
        Lex::AsyncParen => return "Unexpected identifier 'async'".into(),
        Lex::YieldNl => return "Unexpected strict mode reserved word".into(),
        Lex::AssertKw => return "Unexpected identifier 'assert'".into(),
        other => return format!("Unexpected token '{other}'"),
    };
    match tok {
        Ident(name) => format!("Unexpected identifier '{name}'"),
        PrivateName(name) => format!("Unexpected identifier '#{name}'"),
        Async | Of | Get | Set | As | From | Meta | Target | Accessor => {
            format!("Unexpected identifier '{tok}'")
        }
        Num { .. } | BigInt(_) => "Unexpected number".into(),
        Str { .. } => "Unexpected string".into(),
        NoSubstTemplate(_) | TemplateHead(_) | TemplateMiddle(_) | TemplateTail(_) => {
            "Unexpected template string".into()
        }
        Regex { .. } => "Unexpected regular expression".into(),
        Let | Static | Yield | Implements | Interface | Package | Private | Protected | Public => {
            "Unexpected strict mode reserved word".into()
        }
        Await | Enum => "Unexpected reserved word".into(),
        At => "Invalid or unexpected token".into(),
        other => format!("Unexpected token '{other}'"),
    }
}

/// The message for an error right after an expression inside an unclosed
/// argument list or template substitution, if it is inside one.
fn unclosed_context(state: &ParseState, error_start: usize) -> Option<&'static str> {
    let end = state.tokens.partition_point(|t| t.start < error_start);
    let mut depth = 0usize;
    for i in (0..end).rev() {
        match state.tokens[i].bracket {
            Bracket::CloseBrace | Bracket::CloseOther | Bracket::TemplateClose => depth += 1,
            Bracket::OpenOther if depth > 0 => depth -= 1,
            Bracket::OpenParen if depth > 0 => depth -= 1,
            Bracket::TemplateOpen if depth > 0 => depth -= 1,
            Bracket::TemplateMiddle if depth > 0 => {}
            Bracket::TemplateOpen | Bracket::TemplateMiddle => {
                return Some("Missing } in template expression")
            }
            Bracket::OpenParen => {
                return is_call_paren(state, i).then_some("missing ) after argument list")
            }
            Bracket::OpenOther => return None,
            Bracket::None => {}
        }
    }
    None
}

/// Whether the `(` at token `i` opens the arguments of a call or `new`.
fn is_call_paren(state: &ParseState, i: usize) -> bool {
    let Some(callee) = i.checked_sub(1).map(|j| state.tokens[j]) else {
        return false;
    };
    let text = state.text(Span::new(callee.start, callee.end));
    let ends_expression = matches!(callee.bracket, Bracket::CloseOther | Bracket::TemplateClose)
        || text.starts_with('`')
        || text
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '\\');
    let statement_keyword = matches!(
        text,
        "if" | "while"
            | "for"
            | "switch"
            | "catch"
            | "with"
            | "function"
            | "return"
            | "typeof"
            | "void"
            | "delete"
            | "await"
            | "yield"
            | "in"
            | "of"
            | "instanceof"
            | "case"
            | "throw"
            | "new"
            | "else"
            | "do"
            | "import"
    );
    // `function f(`, `function* f(`, and method definitions are parameter lists.
    let before = i.checked_sub(2).map(|j| state.tokens[j]);
    let declares = before.is_some_and(|t| {
        matches!(
            state.text(Span::new(t.start, t.end)),
            "function" | "*" | "get" | "set" | "static" | "async"
        )
    });
    ends_expression && !statement_keyword && !declares
}

/// At the end of the input: the error of an escaped `import.meta` that
/// ends it (`import.m\u0065ta` reads as the start of `import.defer(…)`).
pub fn escaped_import_meta_at_end(state: &ParseState, end: usize) -> Option<SyntaxError> {
    let last = state.tokens.last().copied()?;
    escaped_keyword(
        state,
        end,
        &Lex::T(Tok::Semicolon),
        end,
        Some(Span::new(last.start, last.end)),
    )
}

/// V8's messages for a contextual keyword written with escapes, which makes
/// it a plain identifier (ECMA-262 §12.7.2).
fn escaped_keyword(
    state: &ParseState,
    l: usize,
    lex: &Lex,
    r: usize,
    previous: Option<Span>,
) -> Option<SyntaxError> {
    let text_before = |n: usize| {
        state
            .token_index(l)
            .and_then(|i| i.checked_sub(n))
            .map(|i| state.text(Span::new(state.tokens[i].start, state.tokens[i].end)))
    };
    if let Lex::T(Tok::Ident(name)) = lex {
        if state.text(Span::new(l, r)).contains('\\') {
            let message = match &**name {
                "meta" if text_before(2) == Some("import") => {
                    "'import.meta' must not contain escaped characters"
                }
                "target" if text_before(2) == Some("new") => {
                    "'new.target' must not contain escaped characters"
                }
                "from" => "'from' must not contain escaped characters",
                "as" if text_before(1) == Some("*") && text_before(2) == Some("import") => {
                    "'as' must not contain escaped characters"
                }
                _ => return None,
            };
            return Some(SyntaxError::new(message, Span::new(l, r)));
        }
    }
    let previous = previous?;
    let text = state.text(previous);
    // `import.m\u0065ta` reaches the grammar as `import.` and a name (the
    // form of `import.defer(…)`), so the error comes at the token after it.
    let before_previous = state
        .token_index(previous.start as usize)
        .and_then(|i| i.checked_sub(2))
        .map(|i| state.text(Span::new(state.tokens[i].start, state.tokens[i].end)));
    if text.contains('\\')
        && unescaped_word(text).as_deref() == Some("meta")
        && before_previous == Some("import")
    {
        return Some(SyntaxError::new(
            "'import.meta' must not contain escaped characters",
            previous,
        ));
    }
    // `import a \u0066rom 'x'` reads as `import source x` up to the string.
    if text.contains('\\') && unescaped_word(text).as_deref() == Some("from") {
        return Some(SyntaxError::new(
            "'from' must not contain escaped characters",
            previous,
        ));
    }
    let escaped_modifier = text.contains('\\')
        && state.token_index(previous.start as usize).is_some()
        && matches!(
            unescaped_word(text).as_deref(),
            Some("get" | "set" | "async")
        );
    escaped_modifier
        .then(|| SyntaxError::new("Keyword must not contain escaped characters", previous))
}

/// The identifier `text` spells, with `\uXXXX` / `\u{X}` escapes decoded.
fn unescaped_word(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let after = rest[i..].strip_prefix("\\u")?;
        let (hex, tail) = match after.strip_prefix('{') {
            Some(braced) => {
                let end = braced.find('}')?;
                (&braced[..end], &braced[end + 1..])
            }
            None => (after.get(..4)?, &after[4..]),
        };
        out.push(char::from_u32(u32::from_str_radix(hex, 16).ok()?)?);
        rest = tail;
    }
    out.push_str(rest);
    Some(out)
}
