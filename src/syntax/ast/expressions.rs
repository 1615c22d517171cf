//! Expressions, literals and operators.

use std::cell::Cell;
use std::rc::Rc;

use super::*;
use crate::syntax::scope::{BindingRef, SuperCallRefs};
use crate::syntax::span::Span;

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Expr {
    #[serde(deserialize_with = "crate::syntax::cache::serde_with::nested")]
    pub kind: ExprKind,
    pub span: Span,
    pub depth: u32,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum PropKey {
    /// An IdentifierName (also reserved words: `{ if: 1 }`).
    Ident(Name),
    Str(JsString),
    Num(f64),
    /// A BigInt literal key, its digits in decimal.
    BigInt(Name),
    Computed(Box<Expr>),
    /// `#x` (classes only).
    Private(Name),
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum Prop {
    /// `key: value` (a `__proto__: v` entry is this with `PropKey::Ident("__proto__")`
    /// or `PropKey::Str("__proto__")`).
    KeyValue {
        key: PropKey,
        value: Expr,
        span: Span,
    },
    /// `{ x }`
    Shorthand(Ident),
    /// `{ x = 1 }`: only valid when the literal is reinterpreted as an
    /// assignment pattern (CoverInitializedName).
    CoverInit {
        name: Ident,
        default: Expr,
        span: Span,
    },
    Method {
        key: PropKey,
        kind: MethodKind,
        #[serde(with = "crate::syntax::cache::serde_with::shared_function")]
        func: Rc<Function>,
        span: Span,
    },
    /// `{ ...obj }`
    Spread(Expr),
}

/// An element of an argument list or array literal.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum ExprOrSpread {
    Expr(Expr),
    /// `...e` (boxed, so that an element is no larger than an `Expr`).
    Spread(Box<Expr>),
}

impl ExprOrSpread {
    /// The expression, spread or not.
    pub fn expr(&self) -> &Expr {
        match self {
            ExprOrSpread::Expr(e) => e,
            ExprOrSpread::Spread(e) => e,
        }
    }
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Template {
    /// One more quasi than expressions.
    pub quasis: Vec<crate::syntax::token::TemplatePart>,
    pub exprs: Vec<Expr>,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum Literal {
    Null,
    Bool(bool),
    Num(f64),
    Str(JsString),
    /// Digits in decimal.
    BigInt(Name),
    Regex {
        pattern: JsString,
        flags: Name,
    },
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum UnaryOp {
    Minus,
    Plus,
    Not,
    BitNot,
    Typeof,
    Void,
    Delete,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum UpdateOp {
    Increment,
    Decrement,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum BinaryOp {
    EqEq,
    NotEq,
    EqEqEq,
    NotEqEq,
    Lt,
    LtEq,
    Gt,
    GtEq,
    Shl,
    Shr,
    UShr,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Exp,
    BitOr,
    BitXor,
    BitAnd,
    In,
    Instanceof,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LogicalOp {
    And,
    Or,
    Nullish,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AssignOp {
    Assign,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Exp,
    Shl,
    Shr,
    UShr,
    BitOr,
    BitXor,
    BitAnd,
    And,
    Or,
    Nullish,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum MemberProp {
    /// `.name`
    Ident(Ident),
    /// `.#name`
    Private(Ident),
    /// `[expr]`
    Computed(Box<Expr>),
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum ExprKind {
    /// `this`: resolved like a binding of the nearest non-arrow function.
    This(Cell<BindingRef>),
    Ident(Ident),
    Lit(Literal),
    Template(Template),
    TaggedTemplate {
        tag: Box<Expr>,
        quasi: Template,
    },
    /// `[a, , ...b]`: holes are None.
    Array(Vec<Option<ExprOrSpread>>),
    Object(Vec<Prop>),
    /// Function, generator and async function expressions.
    Function(#[serde(with = "crate::syntax::cache::serde_with::shared_function")] Rc<Function>),
    Arrow(#[serde(with = "crate::syntax::cache::serde_with::shared_function")] Rc<Function>),
    Class(Rc<Class>),
    /// `( expr )`: kept because early errors and assignment targets depend on it.
    Paren(Box<Expr>),
    Unary {
        op: UnaryOp,
        arg: Box<Expr>,
    },
    Update {
        op: UpdateOp,
        prefix: bool,
        arg: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    Logical {
        op: LogicalOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// `#x in obj`
    PrivateIn {
        name: Ident,
        right: Box<Expr>,
    },
    Assign {
        op: AssignOp,
        /// For `=`, a destructuring pattern or a simple target; for compound
        /// operators always a simple target (`Pattern::Ident` or `Pattern::Expr`).
        target: Box<Pattern>,
        value: Box<Expr>,
    },
    Cond {
        test: Box<Expr>,
        consequent: Box<Expr>,
        alternate: Box<Expr>,
    },
    Call {
        callee: Box<Expr>,
        args: Vec<ExprOrSpread>,
        /// `f?.()`
        optional: bool,
    },
    New {
        callee: Box<Expr>,
        /// None for `new C` without parentheses.
        args: Option<Vec<ExprOrSpread>>,
    },
    Member {
        object: Box<Expr>,
        prop: MemberProp,
        /// `a?.b`
        optional: bool,
    },
    /// The whole of `a?.b.c()`: optional links inside it short-circuit to
    /// the end of this node.
    OptionalChain(Box<Expr>),
    /// `super.x` / `super[x]` (refs: the `this` and active function bindings).
    SuperMember {
        prop: MemberProp,
        /// Boxed: `super` is rare, and this would make every Expr larger.
        refs: Box<Cell<SuperCallRefs>>,
    },
    /// `super(...)`
    SuperCall {
        args: Vec<ExprOrSpread>,
        refs: Box<Cell<SuperCallRefs>>,
    },
    Seq(Vec<Expr>),
    Yield {
        arg: Option<Box<Expr>>,
        delegate: bool,
    },
    Await(Box<Expr>),
    NewTarget(Cell<BindingRef>),
    ImportMeta,
    /// `import(specifier [, options])`, `import.defer(…)`, `import.source(…)`
    ImportCall {
        phase: ImportPhase,
        specifier: Box<Expr>,
        options: Option<Box<Expr>>,
    },
    /// Stands in for a subtree deeper than [`MAX_NESTING`] (never in a
    /// checked tree, so never in a code cache).
    #[serde(skip)]
    TooDeep,
}
