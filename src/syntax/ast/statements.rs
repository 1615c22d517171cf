//! Statements and declarations.

use std::cell::OnceCell;
use std::rc::Rc;

use super::*;
use crate::syntax::scope::BlockScope;
use crate::syntax::span::Span;

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "crate::syntax::cache::serde_with::StmtFields")]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
    pub depth: u32,
    /// Block, Switch, For, ForIn and ForOf: their scope (set by scope analysis).
    #[serde(with = "crate::syntax::cache::serde_with::once_cell")]
    pub scope: OnceCell<Box<BlockScope>>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum VarKind {
    Var,
    Let,
    Const,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct VarDecl {
    pub kind: VarKind,
    pub declarations: Vec<VarDeclarator>,
    pub span: Span,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct VarDeclarator {
    pub target: Pattern,
    pub init: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum ForInit {
    Var(VarDecl),
    Expr(Expr),
}

/// The left side of for-in / for-of.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum ForHead {
    /// `for (var|let|const target of ...)` (a single declarator, no initialiser
    /// except the legacy for-in case, which is an error in strict code).
    Var(VarKind, Pattern),
    /// `for (target of ...)`: an assignment target.
    Target(Pattern),
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct SwitchCase {
    /// None for `default:`.
    pub test: Option<Expr>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct CatchClause {
    /// None for `catch { }` (optional catch binding).
    pub param: Option<Pattern>,
    pub body: Vec<Stmt>,
    pub span: Span,
    /// The parameter and the body's declarations (set by scope analysis).
    #[serde(with = "crate::syntax::cache::serde_with::analysed")]
    pub scope: OnceCell<Box<BlockScope>>,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum StmtKind {
    Block(Vec<Stmt>),
    Empty,
    Expr(Expr),
    If {
        test: Expr,
        consequent: Box<Stmt>,
        alternate: Option<Box<Stmt>>,
    },
    // The parts are boxed: every statement is as large as the largest
    // variant, and the parser moves statements around by value.
    For {
        init: Option<Box<ForInit>>,
        test: Option<Box<Expr>>,
        update: Option<Box<Expr>>,
        body: Box<Stmt>,
    },
    ForIn {
        left: ForHead,
        right: Box<Expr>,
        body: Box<Stmt>,
        /// `for (var x = initializer in o)`: Annex B.3.5's initializer of a
        /// `var` head that binds one identifier (non-strict code only).
        initializer: Option<Box<Expr>>,
    },
    ForOf {
        left: ForHead,
        right: Box<Expr>,
        body: Box<Stmt>,
        is_await: bool,
    },
    While {
        test: Expr,
        body: Box<Stmt>,
    },
    DoWhile {
        body: Box<Stmt>,
        test: Expr,
    },
    Continue(Option<Ident>),
    Break(Option<Ident>),
    Return(Option<Expr>),
    Labeled {
        label: Ident,
        body: Box<Stmt>,
    },
    Switch {
        discriminant: Expr,
        cases: Vec<SwitchCase>,
    },
    Throw(Expr),
    Try {
        block: Vec<Stmt>,
        handler: Option<Box<CatchClause>>,
        finalizer: Option<Vec<Stmt>>,
        /// Scopes of the try block and the finally block (set by scope analysis).
        #[serde(with = "crate::syntax::cache::serde_with::analysed")]
        block_scope: OnceCell<Box<BlockScope>>,
        #[serde(with = "crate::syntax::cache::serde_with::once_cell")]
        finalizer_scope: OnceCell<Box<BlockScope>>,
    },
    Debugger,
    /// `with (object) body` (non-strict code only, ECMA-262 §14.11).
    With {
        object: Box<Expr>,
        body: Box<Stmt>,
    },
    /// `var` / `let` / `const` declarations.
    Var(VarDecl),
    /// Function, generator, async function and async generator declarations.
    Function(#[serde(with = "crate::syntax::cache::serde_with::shared_function")] Rc<Function>),
    Class(Rc<Class>),
    /// Stands in for a subtree deeper than [`MAX_NESTING`] (never in a
    /// checked tree, so never in a code cache).
    #[serde(skip)]
    TooDeep,
}
