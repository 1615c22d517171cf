//! Intermediate values the grammar's actions pass between productions before
//! they become AST nodes, and the small free helpers the grammar calls.

use std::rc::Rc;

use lalrpop_util::ParseError;

use super::super::ast::{
    BinaryOp, Expr, ExprOrSpread, ForHead, ForInit, Function, Ident, LogicalOp, MemberProp,
    MethodKind, Name, Param, Pattern, PropKey, Stmt, Template,
};
use super::super::error::SyntaxError;
use super::super::span::Span;
use super::super::token::TemplatePart;
use super::adapter::Lex;

/// The error type of fallible grammar actions.
pub type ActionError = ParseError<usize, Lex, SyntaxError>;
/// The result of a fallible grammar action.
pub type R<T> = Result<T, ActionError>;

/// A SyntaxError raised by a grammar action.
pub fn fail<T>(message: impl Into<String>, span: Span) -> R<T> {
    Err(ParseError::User {
        error: SyntaxError::new(message, span),
    })
}

pub fn sp(l: usize, r: usize) -> Span {
    Span::new(l, r)
}

pub fn name(s: &str) -> Name {
    s.into()
}

pub fn push<T>(mut v: Vec<T>, t: T) -> Vec<T> {
    v.push(t);
    v
}

/// Assembles a template with substitutions from its pieces.
pub fn template(
    head: TemplatePart,
    first: Expr,
    middles: Vec<(TemplatePart, Expr)>,
    tail: TemplatePart,
) -> Template {
    let mut quasis = Vec::with_capacity(middles.len() + 2);
    let mut exprs = Vec::with_capacity(middles.len() + 1);
    quasis.push(head);
    exprs.push(first);
    for (part, expr) in middles {
        quasis.push(part);
        exprs.push(expr);
    }
    quasis.push(tail);
    Template { quasis, exprs }
}

/// `( ... )` argument lists.
pub struct Args {
    pub items: Vec<ExprOrSpread>,
    pub trailing_comma: bool,
    pub span: Span,
}

/// `async(...)`: a call of `async`, or the head of an async arrow function.
pub struct AsyncCallHead {
    pub args: Args,
    pub async_span: Span,
    pub span: Span,
}

/// CoverParenthesizedExpressionAndArrowParameterList.
pub struct CoverParen {
    pub items: Vec<Expr>,
    pub trailing_comma: bool,
    pub rest: Option<Box<Pattern>>,
    pub span: Span,
}

/// What precedes `=>`.
pub enum ArrowParams {
    Single(Ident, usize, usize),
    Cover(CoverParen),
    AsyncCover(AsyncCallHead),
}

pub enum ConciseBody {
    /// The statements and the position of `{`.
    Block(Vec<Stmt>, usize),
    /// The expression and its start.
    Expr(Box<Expr>, usize),
}

#[derive(Default)]
pub struct Params {
    pub params: Vec<Param>,
    pub rest: Option<Box<Pattern>>,
}

/// `( params ) { body }` of a function or method.
pub struct FuncTail {
    pub params: Params,
    pub body: Vec<Stmt>,
    pub params_start: usize,
    pub body_start: usize,
    pub end: usize,
}

/// A method definition before it is placed in an object or class.
pub struct MethodParts {
    pub key: PropKey,
    pub kind: MethodKind,
    pub func: Rc<Function>,
    pub span: Span,
}

/// The head of a loop whose body is parsed next (`while (...)`, `for (...)`).
pub enum LoopHead {
    While(Expr),
    For(Option<ForInit>, Option<Expr>, Option<Expr>),
    /// The head, the initializer of `for (var x = init in o)` (Annex
    /// B.3.5), the object.
    ForIn(ForHead, Option<Expr>, Expr),
    ForOf(ForHead, Expr, bool),
}

/// A link after `?.`.
pub enum OptionalLink {
    Call(Args),
    Prop(MemberProp),
    /// A template after `?.` (always an error).
    Template(Span),
}

/// A binary operator token of the flat operator chain.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BinTok {
    Binary(BinaryOp),
    Logical(LogicalOp),
}

/// An operand of the flat operator chain: an expression, or the private
/// name of `#x in obj`.
pub enum Operand {
    Expr(Expr),
    Private(Ident),
}

/// `a op b op c ...` before precedence is applied: each operand with the
/// operator before it (the first has none). One vector, so that the
/// parser's symbol stays small (a lone operand never becomes a chain).
pub struct BinChain {
    pub items: Vec<(Option<(BinTok, Span)>, Operand)>,
}

impl BinChain {
    pub fn new(first: Operand) -> BinChain {
        let mut items = Vec::with_capacity(4);
        items.push((None, first));
        BinChain { items }
    }

    pub fn push(mut self, op: (BinTok, Span), operand: Operand) -> BinChain {
        self.items.push((Some(op), operand));
        self
    }
}
