//! Finds the source positions of syntax the AST does not keep a span for
//! (property keys, `...`, the braces of function bodies, template pieces,
//! `new.target`'s parts) by looking at the token stream around the spans it
//! does keep.
//!
//! The AST was parsed from these same tokens, so the lookups succeed on any
//! tree `parse_module` returned; still, every lookup is an `Option` and the
//! printers fall back to a nearby span rather than fail.

use crate::syntax::lexer::{tokenize, tokenize_script};
use crate::syntax::span::Span;
use crate::syntax::token::{Tok, Token};

const NO_PARTNER: u32 = u32::MAX;

pub struct TokenLocator {
    tokens: Vec<Token>,
    /// For each bracket token (`{ } ( ) [ ]` and the `${` / `}` ends of
    /// template pieces), the index of the bracket that pairs with it.
    partner: Vec<u32>,
}

impl TokenLocator {
    /// The locator for a module's source.
    pub fn new(source: &str) -> TokenLocator {
        TokenLocator::with_tokens(tokenize(source).unwrap_or_default())
    }

    /// The locator for a script's source, whose HTML-like comments
    /// (ECMA-262 §B.1.1) are comments.
    pub fn for_script(source: &str) -> TokenLocator {
        TokenLocator::with_tokens(tokenize_script(source).unwrap_or_default())
    }

    fn with_tokens(tokens: Vec<Token>) -> TokenLocator {
        let partner = pair_brackets(&tokens);
        TokenLocator { tokens, partner }
    }

    pub fn tok(&self, index: usize) -> Option<&Tok> {
        self.tokens.get(index).map(|t| &t.tok)
    }

    pub fn span(&self, index: usize) -> Option<Span> {
        self.tokens.get(index).map(|t| Span::new(t.start, t.end))
    }

    /// The token that starts exactly at `offset`.
    pub fn starting_at(&self, offset: u32) -> Option<usize> {
        self.tokens
            .binary_search_by_key(&(offset as usize), |t| t.start)
            .ok()
    }

    /// The first token starting at or after `offset`.
    pub fn first_from(&self, offset: u32) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.start < offset as usize);
        (i < self.tokens.len()).then_some(i)
    }

    /// The last token ending at or before `offset`.
    pub fn last_before(&self, offset: u32) -> Option<usize> {
        self.tokens
            .partition_point(|t| t.end <= offset as usize)
            .checked_sub(1)
    }

    /// The token that ends exactly at `offset`.
    pub fn ending_at(&self, offset: u32) -> Option<usize> {
        self.last_before(offset)
            .filter(|&i| self.tokens[i].end == offset as usize)
    }

    /// The bracket paired with the bracket at `index`.
    pub fn partner(&self, index: usize) -> Option<usize> {
        match self.partner.get(index) {
            Some(&p) if p != NO_PARTNER => Some(p as usize),
            _ => None,
        }
    }

    /// The span of a `{ ... }` block that ends where `end` is (the closing
    /// brace ends at `end`).
    pub fn block_ending_at(&self, end: u32) -> Option<Span> {
        let close = self.ending_at(end)?;
        let open = self.partner(close)?;
        Some(Span::new(self.tokens[open].start, self.tokens[close].end))
    }

    /// The span of a `{ ... }` block whose opening brace is the first token
    /// at or after `offset`.
    pub fn block_starting_from(&self, offset: u32) -> Option<Span> {
        let open = self.first_from(offset)?;
        let close = self.partner(open)?;
        Some(Span::new(self.tokens[open].start, self.tokens[close].end))
    }
}

fn is_opening(tok: &Tok) -> bool {
    matches!(
        tok,
        Tok::LBrace | Tok::LParen | Tok::LBracket | Tok::TemplateHead(_)
    )
}

fn is_closing(tok: &Tok) -> bool {
    matches!(
        tok,
        Tok::RBrace | Tok::RParen | Tok::RBracket | Tok::TemplateTail(_)
    )
}

/// Pairs brackets with a stack. A template middle piece `}...${` closes one
/// substitution and opens the next.
fn pair_brackets(tokens: &[Token]) -> Vec<u32> {
    let mut partner = vec![NO_PARTNER; tokens.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let tok = &token.tok;
        if is_closing(tok) || matches!(tok, Tok::TemplateMiddle(_)) {
            if let Some(o) = open.pop() {
                partner[o] = i as u32;
                partner[i] = o as u32;
            }
        }
        if is_opening(tok) || matches!(tok, Tok::TemplateMiddle(_)) {
            open.push(i);
        }
    }
    partner
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_braces_across_template_substitutions() {
        let src = "f({a: `x${ {b: [1]} }y${c}z`}) ";
        let tokens = TokenLocator::new(src);
        let open_paren = tokens.starting_at(1).expect("(");
        assert_eq!(tokens.tok(open_paren), Some(&Tok::LParen));
        let close_paren = tokens.partner(open_paren).expect("paired )");
        assert_eq!(tokens.span(close_paren), Some(Span::new(29, 30)));
        assert_eq!(
            tokens.block_starting_from(2),
            Some(Span::new(2, 29)),
            "the object literal's braces"
        );
        assert_eq!(tokens.block_ending_at(19), Some(Span::new(11, 19)));
    }

    #[test]
    fn finds_tokens_by_offset() {
        let src = "a  +  bc";
        let tokens = TokenLocator::new(src);
        assert_eq!(tokens.starting_at(3), Some(1));
        assert_eq!(tokens.starting_at(4), None);
        assert_eq!(tokens.first_from(4), Some(2));
        assert_eq!(tokens.last_before(6), Some(1));
        assert_eq!(tokens.ending_at(8), Some(2));
        assert_eq!(tokens.ending_at(7), None);
        assert_eq!(tokens.first_from(9), None);
        assert_eq!(tokens.last_before(0), None);
    }
}
