//! Template literals. `TemplateElement` spans cover a piece's text without
//! the backticks, `${` and `}` around it, as acorn's do; they come from the
//! template tokens, since the AST keeps only the pieces' values.

use super::builder::Estree;
use crate::syntax::ast::{Expr, Template};
use crate::syntax::span::Span;
use crate::syntax::token::{TemplatePart, Tok};

impl Estree<'_> {
    /// The template-piece token at or after `offset` (after any `)` that
    /// closes a parenthesised substitution or tag).
    fn template_token_from(&self, offset: u32) -> Option<usize> {
        let mut i = self.tokens.first_from(offset)?;
        while self.tokens.tok(i) == Some(&Tok::RParen) {
            i += 1;
        }
        match self.tokens.tok(i)? {
            Tok::NoSubstTemplate(_)
            | Tok::TemplateHead(_)
            | Tok::TemplateMiddle(_)
            | Tok::TemplateTail(_) => Some(i),
            _ => None,
        }
    }

    pub(super) fn template_literal(&mut self, template: &Template, span: Span) {
        self.open("TemplateLiteral", span);
        self.key("expressions");
        self.w.begin_array();
        for expr in &template.exprs {
            self.expression(expr);
        }
        self.w.end_array();
        self.key("quasis");
        self.w.begin_array();
        let count = template.quasis.len();
        for (i, part) in template.quasis.iter().enumerate() {
            let piece_start = match i {
                0 => span.start,
                _ => template.exprs.get(i - 1).map_or(span.start, |e| e.span.end),
            };
            let token = self.template_token_from(piece_start);
            self.template_element(part, token, i + 1 == count, piece_start);
        }
        self.w.end_array();
        self.close();
    }

    fn template_element(&mut self, part: &TemplatePart, token: Option<usize>, tail: bool, at: u32) {
        let span = token
            .and_then(|i| {
                let closer_len = match self.tokens.tok(i)? {
                    Tok::TemplateHead(_) | Tok::TemplateMiddle(_) => 2,
                    _ => 1,
                };
                let s = self.tokens.span(i)?;
                Some(Span {
                    start: s.start + 1,
                    end: s.end.saturating_sub(closer_len).max(s.start + 1),
                })
            })
            .unwrap_or(Span { start: at, end: at });
        self.open("TemplateElement", span);
        self.key("value");
        self.w.begin_object();
        self.w.key("raw");
        self.w.utf16(&part.raw);
        self.w.key("cooked");
        match &part.cooked {
            Some(cooked) => self.w.utf16(cooked),
            None => self.w.null(),
        }
        self.w.end_object();
        self.key("tail");
        self.w.bool(tail);
        self.close();
    }

    pub(super) fn tagged_template(&mut self, tag: &Expr, quasi: &Template, span: Span) {
        self.open("TaggedTemplateExpression", span);
        self.key("tag");
        self.expression(tag);
        self.key("quasi");
        let start = self
            .template_token_from(tag.span.end)
            .and_then(|i| self.tokens.span(i))
            .map_or(tag.span.end, |s| s.start);
        self.template_literal(quasi, Span { start, ..span });
        self.close();
    }
}
