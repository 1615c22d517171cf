//! Which async function bodies can run without a coroutine: those whose
//! every `await` stands at a position the stackless runner (see
//! `stackless_async`) can resume from — a whole statement of the body's
//! statement list, or of a block or if branch standing there.
//!
//! The walks are iterative: a body nested up to the parser's limit cannot
//! exhaust the native stack.

use crate::module::has_tla::{contains_await, Node};
use crate::syntax::ast::{
    AssignOp, Expr, ExprKind, Function, FunctionBody, Pattern, PatternKind, Stmt, StmtKind, VarDecl,
};
use crate::syntax::scope::{BindingRef, Implicit};

/// An `await` statement the stackless runner resumes: what it does with
/// the awaited value.
pub(crate) enum AwaitStmt<'a> {
    /// `await E;`
    Discard(&'a Expr),
    /// `x = await E;`
    Assign(&'a Pattern, &'a Expr),
    /// `const|let|var target = await E;`
    Declare(&'a Pattern, &'a Expr),
    /// `return await E;`
    Return(&'a Expr),
}

impl<'a> AwaitStmt<'a> {
    /// E, the operand of the statement's `await`.
    pub(crate) fn operand(&self) -> &'a Expr {
        match self {
            AwaitStmt::Discard(e)
            | AwaitStmt::Assign(_, e)
            | AwaitStmt::Declare(_, e)
            | AwaitStmt::Return(e) => e,
        }
    }
}

/// The await statement `stmt` is, if it has one of the resumable forms
/// (whatever its operand contains).
pub(crate) fn await_stmt(stmt: &Stmt) -> Option<AwaitStmt<'_>> {
    match &stmt.kind {
        StmtKind::Expr(e) => match &e.kind {
            ExprKind::Await(operand) => Some(AwaitStmt::Discard(operand)),
            ExprKind::Assign {
                op: AssignOp::Assign,
                target,
                value,
            } => match (&target.kind, &value.kind) {
                (PatternKind::Ident(id), ExprKind::Await(operand)) if is_static(id) => {
                    Some(AwaitStmt::Assign(target, operand))
                }
                _ => None,
            },
            _ => None,
        },
        StmtKind::Var(VarDecl { declarations, .. }) if declarations.len() == 1 => {
            let d = &declarations[0];
            let Some(Expr {
                kind: ExprKind::Await(operand),
                ..
            }) = &d.init
            else {
                return None;
            };
            match &d.target.kind {
                PatternKind::Ident(id) if !is_static(id) => None,
                _ => Some(AwaitStmt::Declare(&d.target, operand)),
            }
        }
        StmtKind::Return(Some(Expr {
            kind: ExprKind::Await(operand),
            ..
        })) => Some(AwaitStmt::Return(operand)),
        _ => None,
    }
}

/// Whether an identifier target resolves without a lookup by name: a
/// name found through `with` or a direct eval's variables is resolved
/// before the value is evaluated (the Reference outlives the await), which
/// the stackless runner does not keep.
fn is_static(id: &crate::syntax::ast::Ident) -> bool {
    id.binding.get() != BindingRef::Dynamic(Implicit::Name)
}

/// Whether `func`'s body may run on the stackless path: a plain async
/// function or async arrow whose every `await` is the operand of a
/// resumable statement (or of a concise body), with no `await` inside that
/// operand. A resumable statement stands in the body's statement list, or
/// in a block or an if statement's branch that does (level by level), and
/// the test of such an if statement does not await.
pub(crate) fn is_stackless_eligible(func: &Function) -> bool {
    if !func.is_async || func.is_generator {
        return false;
    }
    match &func.body {
        FunctionBody::Expr(e) => match &e.kind {
            ExprKind::Await(operand) => !contains_await(Node::Expr(operand)),
            _ => !contains_await(Node::Expr(e)),
        },
        FunctionBody::Block(stmts) => {
            // Iterative: blocks may nest as deep as the parser allows.
            let mut work: Vec<&Stmt> = stmts.iter().collect();
            while let Some(s) = work.pop() {
                if let Some(a) = await_stmt(s) {
                    if contains_await(Node::Expr(a.operand())) {
                        return false;
                    }
                    continue;
                }
                match &s.kind {
                    StmtKind::Block(inner) => work.extend(inner.iter()),
                    StmtKind::If {
                        test,
                        consequent,
                        alternate,
                    } => {
                        if contains_await(Node::Expr(test)) {
                            return false;
                        }
                        work.push(consequent);
                        work.extend(alternate.as_deref());
                    }
                    _ if contains_await(Node::Stmt(s)) => return false,
                    _ => {}
                }
            }
            true
        }
    }
}
