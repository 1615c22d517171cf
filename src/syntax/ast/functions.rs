//! Functions and classes.

use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use super::*;
use crate::syntax::scope::{AnnexBFunction, ClassScope, FunctionScope};
use crate::syntax::span::Span;

#[derive(Copy, Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FunctionKind {
    /// `function` declarations and expressions.
    Normal,
    Arrow,
    /// Object-literal and class methods (including `*m(){}`, `async m(){}`).
    Method,
    Getter,
    Setter,
    /// A class's `constructor(...) {...}`.
    ClassConstructor,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Param {
    pub target: Pattern,
    pub default: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum FunctionBody {
    Block(Vec<Stmt>),
    /// The concise body of an arrow function: `x => x + 1`.
    Expr(Box<Expr>),
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Function {
    pub name: Option<Ident>,
    pub kind: FunctionKind,
    pub is_async: bool,
    pub is_generator: bool,
    pub params: Vec<Param>,
    /// `...rest` parameter.
    pub rest: Option<Pattern>,
    pub body: FunctionBody,
    pub span: Span,
    /// Set by scope analysis.
    #[serde(with = "crate::syntax::cache::serde_with::analysed")]
    pub scope: OnceCell<Box<FunctionScope>>,
    /// Whether the function's code is non-strict (ECMA-262 §11.2.2): set by
    /// the early-error walk, which knows the enclosing code's strictness.
    /// The default, false, is strict code.
    pub sloppy: Cell<bool>,
    /// A block-level declaration in non-strict code: what Annex B.3.3 adds
    /// to its evaluation (set by scope analysis).
    pub annex_b: Cell<AnnexBFunction>,
}

impl Function {
    /// Whether the function's code is strict mode code (ECMA-262 §11.2.2).
    pub fn is_strict(&self) -> bool {
        !self.sloppy.get()
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum MethodKind {
    Method,
    Get,
    Set,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum ClassMember {
    /// `constructor(...) {...}` (kind `FunctionKind::ClassConstructor`).
    Constructor(#[serde(with = "crate::syntax::cache::serde_with::shared_function")] Rc<Function>),
    Method {
        key: PropKey,
        kind: MethodKind,
        is_static: bool,
        #[serde(with = "crate::syntax::cache::serde_with::shared_function")]
        func: Rc<Function>,
        span: Span,
    },
    Field {
        key: PropKey,
        value: Option<Expr>,
        is_static: bool,
        span: Span,
        /// The initialiser's own function scope (set by scope analysis).
        #[serde(with = "crate::syntax::cache::serde_with::analysed")]
        scope: OnceCell<Box<FunctionScope>>,
    },
    /// `accessor x = v;` (auto-accessor).
    Accessor {
        key: PropKey,
        value: Option<Expr>,
        is_static: bool,
        span: Span,
        #[serde(with = "crate::syntax::cache::serde_with::analysed")]
        scope: OnceCell<Box<FunctionScope>>,
    },
    StaticBlock {
        body: Vec<Stmt>,
        span: Span,
        #[serde(with = "crate::syntax::cache::serde_with::analysed")]
        scope: OnceCell<Box<FunctionScope>>,
    },
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Class {
    pub name: Option<Ident>,
    pub super_class: Option<Box<Expr>>,
    pub members: Vec<ClassMember>,
    pub span: Span,
    /// Set by scope analysis.
    #[serde(with = "crate::syntax::cache::serde_with::analysed")]
    pub scope: OnceCell<Box<ClassScope>>,
}
