//! The declarations a scope hoists (VarDeclaredNames, LexicallyScopedDeclarations
//! and BoundNames of ECMA-262 §8.2), collected with the identifiers that
//! declare them so their binding occurrences can be resolved.

use std::rc::Rc;

use crate::syntax::ast::*;

use super::DeclKind;

/// A lexical declaration of a block or function body.
pub(super) enum Lexical<'a> {
    /// let/const (with its identifiers) or a class.
    Binding(&'a Ident, DeclKind),
    /// A function declaration (hoisted and initialised on entry).
    Function(&'a Ident, &'a Rc<Function>),
}

/// VarDeclaredNames of a statement list: `var` declarations anywhere
/// inside it except in nested functions and classes.
pub(super) fn var_idents<'a>(stmts: &'a [Stmt], out: &mut Vec<&'a Ident>) {
    for s in stmts {
        var_idents_stmt(s, out);
    }
}

fn var_decl_idents<'a>(decl: &'a VarDecl, out: &mut Vec<&'a Ident>) {
    if decl.kind == VarKind::Var {
        for d in &decl.declarations {
            d.target.bound_names(out);
        }
    }
}

pub(super) fn var_idents_stmt<'a>(s: &'a Stmt, out: &mut Vec<&'a Ident>) {
    match &s.kind {
        StmtKind::Var(decl) => var_decl_idents(decl, out),
        StmtKind::Block(body) => var_idents(body, out),
        StmtKind::If {
            consequent,
            alternate,
            ..
        } => {
            var_idents_stmt(consequent, out);
            if let Some(a) = alternate {
                var_idents_stmt(a, out);
            }
        }
        StmtKind::For { init, body, .. } => {
            if let Some(ForInit::Var(decl)) = init.as_deref() {
                var_decl_idents(decl, out);
            }
            var_idents_stmt(body, out);
        }
        StmtKind::ForIn { left, body, .. } | StmtKind::ForOf { left, body, .. } => {
            if let ForHead::Var(VarKind::Var, pattern) = left {
                pattern.bound_names(out);
            }
            var_idents_stmt(body, out);
        }
        StmtKind::While { body, .. } | StmtKind::DoWhile { body, .. } => var_idents_stmt(body, out),
        StmtKind::Labeled { body, .. } | StmtKind::With { body, .. } => var_idents_stmt(body, out),
        StmtKind::Switch { cases, .. } => {
            for c in cases {
                var_idents(&c.body, out);
            }
        }
        StmtKind::Try {
            block,
            handler,
            finalizer,
            ..
        } => {
            var_idents(block, out);
            if let Some(h) = handler {
                var_idents(&h.body, out);
            }
            if let Some(f) = finalizer {
                var_idents(f, out);
            }
        }
        _ => {}
    }
}

/// LexicallyScopedDeclarations of a statement list (its top level only).
pub(super) fn lexical_decls<'a>(stmts: &'a [Stmt], out: &mut Vec<Lexical<'a>>) {
    for s in stmts {
        lexical_decls_stmt(s, out);
    }
}

pub(super) fn lexical_decls_stmt<'a>(s: &'a Stmt, out: &mut Vec<Lexical<'a>>) {
    match &s.kind {
        StmtKind::Var(decl) if decl.kind != VarKind::Var => {
            let kind = if decl.kind == VarKind::Const {
                DeclKind::Const
            } else {
                DeclKind::Let
            };
            let mut ids = Vec::new();
            for d in &decl.declarations {
                d.target.bound_names(&mut ids);
            }
            out.extend(ids.into_iter().map(|id| Lexical::Binding(id, kind)));
        }
        StmtKind::Class(class) => {
            if let Some(name) = &class.name {
                out.push(Lexical::Binding(name, DeclKind::Class));
            }
        }
        StmtKind::Function(f) => {
            if let Some(name) = &f.name {
                out.push(Lexical::Function(name, f));
            }
        }
        // `label: function f() {}` declares f in the enclosing scope.
        StmtKind::Labeled { body, .. } => lexical_decls_stmt(body, out),
        _ => {}
    }
}
