//! Automatic semicolon insertion (ECMA-262 §12.10).
//!
//! The grammar's `Semi` accepts LALRPOP's error token `!` wherever a
//! semicolon may be inserted. The parser injects `!` for every syntax error,
//! so the action must decide whether this error really is a place for an
//! inserted semicolon (§12.10.1):
//!
//! 1. the offending token is separated from the previous token by at least
//!    one LineTerminator, or is `}`, or the input has ended;
//! 2. (do-while) the previous token is the `)` of a do-while statement.
//!
//! And the recovery must not have skipped anything: no tokens dropped, and no
//! parsed symbols popped, which shows as the error token starting exactly
//! where the token before the offending one ends. The semicolons of a
//! `for (;;)` header are plain `";"` in the grammar, so none is ever inserted
//! there.

use lalrpop_util::{ErrorRecovery, ParseError};

use super::super::error::SyntaxError;
use super::adapter::{Bracket, Lex};
use super::parts::R;
use super::state::ParseState;

type Recovery = ErrorRecovery<usize, Lex, SyntaxError>;

impl ParseState<'_> {
    /// `Semi: <l:@L> <e:!>`: rule 1.
    pub fn insert_semicolon(&self, l: usize, recovery: Recovery) -> R<()> {
        self.check_recovery(l, recovery, false)
    }

    /// `SemiDo`: after `do ... while (...)` the semicolon may always be inserted.
    pub fn insert_semicolon_after_do_while(&self, l: usize, recovery: Recovery) -> R<()> {
        self.check_recovery(l, recovery, true)
    }

    fn check_recovery(&self, l: usize, recovery: Recovery, after_do_while: bool) -> R<()> {
        super::recovery::recovery_done();
        if !recovery.dropped_tokens.is_empty() {
            return Err(recovery.error);
        }
        let allowed = match &recovery.error {
            ParseError::UnrecognizedToken {
                token: (start, _, _),
                ..
            } => match self.token_index(*start) {
                Some(i) => {
                    let offending = self.tokens[i];
                    let previous_end = if i == 0 { 0 } else { self.tokens[i - 1].end };
                    l == previous_end
                        && (after_do_while
                            || offending.nl_before
                            || offending.bracket == Bracket::CloseBrace)
                }
                None => false,
            },
            ParseError::UnrecognizedEof { .. } => l == self.tokens.last().map_or(0, |t| t.end),
            _ => false,
        };
        if allowed {
            Ok(())
        } else {
            Err(recovery.error)
        }
    }
}
