//! Statements in the tree printer.

use super::printer::TreePrinter;
use crate::syntax::ast::{ForHead, ForInit, Stmt, StmtKind, VarDecl, VarKind};

fn var_kind(kind: VarKind) -> &'static str {
    match kind {
        VarKind::Var => "var",
        VarKind::Let => "let",
        VarKind::Const => "const",
    }
}

impl TreePrinter<'_> {
    pub(super) fn stmts(&mut self, depth: usize, role: &str, stmts: &[Stmt]) {
        for stmt in stmts {
            self.stmt(depth, role, stmt);
        }
    }

    pub(super) fn stmt(&mut self, depth: usize, role: &str, stmt: &Stmt) {
        let span = Some(stmt.span);
        let inner = depth + 1;
        match &stmt.kind {
            StmtKind::Block(body) => {
                self.line(depth, role, "Block", span);
                self.stmts(inner, "", body);
            }
            StmtKind::Empty => self.line(depth, role, "Empty", span),
            StmtKind::Expr(expr) => {
                self.line(depth, role, "ExprStmt", span);
                self.expr(inner, "", expr);
            }
            StmtKind::If {
                test,
                consequent,
                alternate,
            } => {
                self.line(depth, role, "If", span);
                self.expr(inner, "test", test);
                self.stmt(inner, "then", consequent);
                if let Some(alternate) = alternate {
                    self.stmt(inner, "else", alternate);
                }
            }
            StmtKind::For {
                init,
                test,
                update,
                body,
            } => {
                let (init, test, update) = (init.as_deref(), test.as_deref(), update.as_deref());
                self.line(depth, role, "For", span);
                match init {
                    Some(ForInit::Var(decl)) => self.var_decl(inner, "init", decl),
                    Some(ForInit::Expr(expr)) => self.expr(inner, "init", expr),
                    None => {}
                }
                if let Some(test) = test {
                    self.expr(inner, "test", test);
                }
                if let Some(update) = update {
                    self.expr(inner, "update", update);
                }
                self.stmt(inner, "body", body);
            }
            StmtKind::ForIn {
                left,
                right,
                body,
                initializer,
            } => {
                self.line(depth, role, "ForIn", span);
                self.for_head(inner, left);
                if let Some(initializer) = initializer {
                    self.expr(inner, "init", initializer);
                }
                self.expr(inner, "right", right);
                self.stmt(inner, "body", body);
            }
            StmtKind::ForOf {
                left,
                right,
                body,
                is_await,
            } => {
                let label = if *is_await { "ForOf await" } else { "ForOf" };
                self.line(depth, role, label, span);
                self.for_head(inner, left);
                self.expr(inner, "right", right);
                self.stmt(inner, "body", body);
            }
            StmtKind::While { test, body } => {
                self.line(depth, role, "While", span);
                self.expr(inner, "test", test);
                self.stmt(inner, "body", body);
            }
            StmtKind::DoWhile { body, test } => {
                self.line(depth, role, "DoWhile", span);
                self.stmt(inner, "body", body);
                self.expr(inner, "test", test);
            }
            StmtKind::Continue(label) => {
                let text = match label {
                    Some(label) => format!("Continue {}", label.name),
                    None => "Continue".to_string(),
                };
                self.line(depth, role, &text, span);
            }
            StmtKind::Break(label) => {
                let text = match label {
                    Some(label) => format!("Break {}", label.name),
                    None => "Break".to_string(),
                };
                self.line(depth, role, &text, span);
            }
            StmtKind::Return(arg) => {
                self.line(depth, role, "Return", span);
                if let Some(arg) = arg {
                    self.expr(inner, "", arg);
                }
            }
            StmtKind::With { object, body } => {
                self.line(depth, role, "With", span);
                self.expr(inner, "object", object);
                self.stmt(inner, "body", body);
            }
            StmtKind::Labeled { label, body } => {
                self.line(depth, role, &format!("Labeled {}", label.name), span);
                self.stmt(inner, "", body);
            }
            StmtKind::Switch {
                discriminant,
                cases,
            } => {
                self.line(depth, role, "Switch", span);
                self.expr(inner, "discriminant", discriminant);
                for case in cases {
                    match &case.test {
                        Some(test) => {
                            self.line(inner, "", "Case", Some(case.span));
                            self.expr(inner + 1, "test", test);
                        }
                        None => self.line(inner, "", "Default", Some(case.span)),
                    }
                    self.stmts(inner + 1, "", &case.body);
                }
            }
            StmtKind::Throw(arg) => {
                self.line(depth, role, "Throw", span);
                self.expr(inner, "", arg);
            }
            StmtKind::Try {
                block,
                handler,
                finalizer,
                ..
            } => {
                self.line(depth, role, "Try", span);
                self.stmts(inner, "", block);
                if let Some(clause) = handler {
                    self.line(inner, "", "Catch", Some(clause.span));
                    if let Some(param) = &clause.param {
                        self.pattern(inner + 1, "param", param);
                    }
                    self.stmts(inner + 1, "", &clause.body);
                }
                if let Some(body) = finalizer {
                    self.line(inner, "", "Finally", None);
                    self.stmts(inner + 1, "", body);
                }
            }
            StmtKind::Debugger => self.line(depth, role, "Debugger", span),
            StmtKind::Var(decl) => self.var_decl(depth, role, decl),
            StmtKind::Function(func) => self.function(depth, role, func),
            StmtKind::Class(class) => self.class(depth, role, class),
            StmtKind::TooDeep => self.line(depth, role, "TooDeep", span),
        }
    }

    fn var_decl(&mut self, depth: usize, role: &str, decl: &VarDecl) {
        self.line(
            depth,
            role,
            &format!("Var {}", var_kind(decl.kind)),
            Some(decl.span),
        );
        for declarator in &decl.declarations {
            self.line(depth + 1, "", "Declarator", Some(declarator.span));
            self.pattern(depth + 2, "target", &declarator.target);
            if let Some(init) = &declarator.init {
                self.expr(depth + 2, "init", init);
            }
        }
    }

    fn for_head(&mut self, depth: usize, head: &ForHead) {
        match head {
            ForHead::Var(kind, target) => {
                self.pattern(depth, &format!("left {}", var_kind(*kind)), target)
            }
            ForHead::Target(target) => self.pattern(depth, "left", target),
        }
    }
}
