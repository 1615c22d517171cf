//! Annex B.3.3 (Block-Level Function Declarations Web Legacy Compatibility
//! Semantics): which function declarations in the blocks of non-strict code
//! also get a var binding of their name in the enclosing function, script
//! or eval code.
//!
//! B.3.3.1–3 hoist a block-level FunctionDeclaration f named F "if
//! replacing the FunctionDeclaration f with a VariableStatement that has F
//! as a BindingIdentifier would not produce any Early Errors". A `var F`
//! there clashes with a lexical declaration of F in any block between f and
//! the function (let, const, class, a block-level function, a `for (let F`
//! head, a destructured `catch` parameter; B.3.4 lets `catch (F)` be
//! redeclared), and with a let, const or class of F at the top level. The
//! caller checks the top level (and the parameter names); this module
//! walks the blocks.
//!
//! Only plain function declarations qualify: not generators, not async
//! functions. As in V8, a labelled declaration (`l: function f() {}`, B.3.2)
//! counts as directly contained in its block, and two declarations of F in
//! the same block (allowed by B.3.3.4) do not stop each other.

use rustc_hash::FxHashSet as HashSet;
use std::rc::Rc;

use super::declarations::{lexical_decls_stmt, Lexical};
use crate::syntax::ast::*;

/// The block-level function declarations of a function body, script or
/// eval code (not those of nested functions) whose replacement by `var F`
/// would clash with no enclosing block's lexical declaration.
pub(super) fn hoistable_block_functions(body: &[Stmt]) -> Vec<&Rc<Function>> {
    let mut collector = Collector {
        enclosing: Vec::new(),
        out: Vec::new(),
    };
    for s in body {
        collector.stmt(s);
    }
    collector.out
}

struct Collector<'a> {
    /// The names each enclosing block (for-head, destructured catch
    /// parameter) declares lexically, outermost first.
    enclosing: Vec<HashSet<&'a str>>,
    out: Vec<&'a Rc<Function>>,
}

/// A plain function declaration (B.3.3 applies to FunctionDeclaration only),
/// possibly labelled.
fn plain_function(s: &Stmt) -> Option<&Rc<Function>> {
    match &s.kind {
        StmtKind::Function(f) if !f.is_async && !f.is_generator => Some(f),
        StmtKind::Labeled { body, .. } => plain_function(body),
        _ => None,
    }
}

impl<'a> Collector<'a> {
    fn clashes(&self, name: &str) -> bool {
        self.enclosing.iter().any(|names| names.contains(name))
    }

    /// A StatementList of a Block, CaseBlock or catch/try/finally block.
    fn block(&mut self, stmts: &[&'a Stmt]) {
        for s in stmts {
            if let Some(f) = plain_function(s) {
                if let Some(name) = &f.name {
                    if !self.clashes(&name.name) {
                        self.out.push(f);
                    }
                }
            }
        }
        let mut lexical = Vec::new();
        for s in stmts {
            lexical_decls_stmt(s, &mut lexical);
        }
        let names = lexical
            .iter()
            .map(|decl| match decl {
                Lexical::Binding(id, _) | Lexical::Function(id, _) => &*id.name,
            })
            .collect();
        self.enclosing.push(names);
        for s in stmts {
            self.stmt(s);
        }
        self.enclosing.pop();
    }

    /// Names that enclose `body` only (a for-head's let/const, a
    /// destructured catch parameter).
    fn with_names(&mut self, ids: Vec<&'a Ident>, body: impl FnOnce(&mut Self)) {
        self.enclosing
            .push(ids.iter().map(|id| &*id.name).collect());
        body(self);
        self.enclosing.pop();
    }

    fn stmt(&mut self, s: &'a Stmt) {
        match &s.kind {
            StmtKind::Block(body) => self.block(&body.iter().collect::<Vec<_>>()),
            StmtKind::If {
                consequent,
                alternate,
                ..
            } => {
                // B.3.4: a function declaration as an if clause is the sole
                // StatementListItem of a block.
                for clause in std::iter::once(consequent).chain(alternate) {
                    match &clause.kind {
                        StmtKind::Function(_) => self.block(&[clause]),
                        _ => self.stmt(clause),
                    }
                }
            }
            StmtKind::For { init, body, .. } => {
                let mut ids = Vec::new();
                if let Some(ForInit::Var(decl)) = init.as_deref() {
                    if decl.kind != VarKind::Var {
                        for d in &decl.declarations {
                            d.target.bound_names(&mut ids);
                        }
                    }
                }
                self.with_names(ids, |c| c.stmt(body));
            }
            StmtKind::ForIn { left, body, .. } | StmtKind::ForOf { left, body, .. } => {
                let mut ids = Vec::new();
                if let ForHead::Var(kind, pattern) = left {
                    if *kind != VarKind::Var {
                        pattern.bound_names(&mut ids);
                    }
                }
                self.with_names(ids, |c| c.stmt(body));
            }
            StmtKind::While { body, .. }
            | StmtKind::DoWhile { body, .. }
            | StmtKind::Labeled { body, .. }
            | StmtKind::With { body, .. } => self.stmt(body),
            StmtKind::Switch { cases, .. } => {
                let stmts: Vec<&Stmt> = cases.iter().flat_map(|c| c.body.iter()).collect();
                self.block(&stmts);
            }
            StmtKind::Try {
                block,
                handler,
                finalizer,
                ..
            } => {
                self.block(&block.iter().collect::<Vec<_>>());
                if let Some(h) = handler {
                    let mut ids = Vec::new();
                    if let Some(param) = &h.param {
                        if !matches!(param.kind, PatternKind::Ident(_)) {
                            param.bound_names(&mut ids);
                        }
                    }
                    self.with_names(ids, |c| c.block(&h.body.iter().collect::<Vec<_>>()));
                }
                if let Some(f) = finalizer {
                    self.block(&f.iter().collect::<Vec<_>>());
                }
            }
            _ => {}
        }
    }
}
