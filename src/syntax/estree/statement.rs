//! Statements and declarations.

use super::builder::Estree;
use crate::syntax::ast::{Expr, ForHead, ForInit, Stmt, StmtKind, VarDecl, VarKind};
use crate::syntax::span::Span;
use crate::syntax::token::Tok;

fn var_kind_name(kind: VarKind) -> &'static str {
    match kind {
        VarKind::Var => "var",
        VarKind::Let => "let",
        VarKind::Const => "const",
    }
}

impl Estree<'_> {
    pub(super) fn statement(&mut self, stmt: &Stmt) {
        self.statement_with_directive(stmt, None);
    }

    fn opt_statement(&mut self, stmt: Option<&Stmt>) {
        match stmt {
            Some(stmt) => self.statement(stmt),
            None => self.w.null(),
        }
    }

    /// A `BlockStatement` of `body` at `span`.
    pub(super) fn block(&mut self, body: &[Stmt], span: Span, prologue: bool) {
        self.open("BlockStatement", span);
        self.key("body");
        self.statement_list(body, prologue);
        self.close();
    }

    /// A statement ends where its last token (a `;` or the last token of its
    /// last part) ends; an inserted semicolon adds nothing to the span.
    pub(super) fn statement_span(&self, span: Span) -> Span {
        let end = self
            .tokens
            .last_before(span.end)
            .and_then(|i| self.tokens.span(i))
            .map_or(span.end, |last| last.end.max(span.start));
        Span { end, ..span }
    }

    pub(super) fn statement_with_directive(&mut self, stmt: &Stmt, directive: Option<&str>) {
        let span = self.statement_span(stmt.span);
        match &stmt.kind {
            StmtKind::Block(body) => self.block(body, span, false),
            StmtKind::Empty => self.leaf("EmptyStatement", span),
            StmtKind::Expr(expr) => {
                self.open("ExpressionStatement", span);
                self.key("expression");
                self.expression(expr);
                if let Some(directive) = directive {
                    self.key("directive");
                    self.w.str(directive);
                }
                self.close();
            }
            StmtKind::If {
                test,
                consequent,
                alternate,
            } => {
                self.open("IfStatement", span);
                self.key("test");
                self.expression(test);
                self.key("consequent");
                self.statement(consequent);
                self.key("alternate");
                self.opt_statement(alternate.as_deref());
                self.close();
            }
            StmtKind::For {
                init,
                test,
                update,
                body,
            } => {
                let (init, test, update) = (init.as_deref(), test.as_deref(), update.as_deref());
                self.open("ForStatement", span);
                self.key("init");
                match init {
                    Some(ForInit::Var(decl)) => self.variable_declaration(decl, decl.span),
                    Some(ForInit::Expr(expr)) => self.expression(expr),
                    None => self.w.null(),
                }
                self.key("test");
                self.opt_expression(test);
                self.key("update");
                self.opt_expression(update);
                self.key("body");
                self.statement(body);
                self.close();
            }
            StmtKind::ForIn {
                left,
                right,
                body,
                initializer,
            } => {
                self.open("ForInStatement", span);
                self.key("left");
                self.for_head(left, initializer.as_deref(), span);
                self.key("right");
                self.expression(right);
                self.key("body");
                self.statement(body);
                self.close();
            }
            StmtKind::ForOf {
                left,
                right,
                body,
                is_await,
            } => {
                self.open("ForOfStatement", span);
                self.key("await");
                self.w.bool(*is_await);
                self.key("left");
                self.for_head(left, None, span);
                self.key("right");
                self.expression(right);
                self.key("body");
                self.statement(body);
                self.close();
            }
            StmtKind::While { test, body } => {
                self.open("WhileStatement", span);
                self.key("test");
                self.expression(test);
                self.key("body");
                self.statement(body);
                self.close();
            }
            StmtKind::DoWhile { body, test } => {
                self.open("DoWhileStatement", span);
                self.key("body");
                self.statement(body);
                self.key("test");
                self.expression(test);
                self.close();
            }
            StmtKind::Continue(label) | StmtKind::Break(label) => {
                let is_continue = matches!(stmt.kind, StmtKind::Continue(_));
                let node_type = if is_continue {
                    "ContinueStatement"
                } else {
                    "BreakStatement"
                };
                self.open(node_type, span);
                self.key("label");
                self.opt_ident(label.as_ref());
                self.close();
            }
            StmtKind::Return(arg) => {
                self.open("ReturnStatement", span);
                self.key("argument");
                self.opt_expression(arg.as_ref());
                self.close();
            }
            StmtKind::With { object, body } => {
                self.open("WithStatement", span);
                self.key("object");
                self.expression(object);
                self.key("body");
                self.statement(body);
                self.close();
            }
            StmtKind::Labeled { label, body } => {
                self.open("LabeledStatement", span);
                self.key("body");
                self.statement(body);
                self.key("label");
                self.ident(label);
                self.close();
            }
            StmtKind::Switch {
                discriminant,
                cases,
            } => {
                self.open("SwitchStatement", span);
                self.key("discriminant");
                self.expression(discriminant);
                self.key("cases");
                self.w.begin_array();
                for case in cases {
                    let case_span = self.statement_span(case.span);
                    self.open("SwitchCase", case_span);
                    self.key("consequent");
                    self.statement_list(&case.body, false);
                    self.key("test");
                    self.opt_expression(case.test.as_ref());
                    self.close();
                }
                self.w.end_array();
                self.close();
            }
            StmtKind::Throw(arg) => {
                self.open("ThrowStatement", span);
                self.key("argument");
                self.expression(arg);
                self.close();
            }
            StmtKind::Try {
                block,
                handler,
                finalizer,
                ..
            } => self.try_statement(span, block, handler.as_deref(), finalizer.as_deref()),
            StmtKind::Debugger => self.leaf("DebuggerStatement", span),
            // As a statement, the declaration's span includes the `;`.
            StmtKind::Var(decl) => self.variable_declaration(decl, span),
            StmtKind::Function(func) => self.function("FunctionDeclaration", func, span),
            StmtKind::Class(class) => self.class("ClassDeclaration", class, span),
            StmtKind::TooDeep => self.leaf("Invalid", span),
        }
    }

    fn try_statement(
        &mut self,
        span: Span,
        block: &[Stmt],
        handler: Option<&crate::syntax::ast::CatchClause>,
        finalizer: Option<&[Stmt]>,
    ) {
        self.open("TryStatement", span);
        self.key("block");
        // The block is the `{ ... }` right after the `try` keyword.
        let block_span = self
            .tokens
            .starting_at(span.start)
            .and_then(|i| self.tokens.span(i))
            .and_then(|try_kw| self.tokens.block_starting_from(try_kw.end))
            .unwrap_or(span);
        self.block(block, block_span, false);
        self.key("handler");
        match handler {
            Some(clause) => {
                self.open("CatchClause", clause.span);
                self.key("param");
                match &clause.param {
                    Some(param) => self.pattern(param),
                    None => self.w.null(),
                }
                self.key("body");
                let body_span = self
                    .tokens
                    .block_ending_at(clause.span.end)
                    .unwrap_or(clause.span);
                self.block(&clause.body, body_span, false);
                self.close();
            }
            None => self.w.null(),
        }
        self.key("finalizer");
        match finalizer {
            Some(body) => {
                let body_span = self.tokens.block_ending_at(span.end).unwrap_or(span);
                self.block(body, body_span, false);
            }
            None => self.w.null(),
        }
        self.close();
    }

    pub(super) fn variable_declaration(&mut self, decl: &VarDecl, span: Span) {
        self.open("VariableDeclaration", span);
        self.key("declarations");
        self.w.begin_array();
        for declarator in &decl.declarations {
            self.open("VariableDeclarator", declarator.span);
            self.key("id");
            self.pattern(&declarator.target);
            self.key("init");
            self.opt_expression(declarator.init.as_ref());
            self.close();
        }
        self.w.end_array();
        self.key("kind");
        self.w.str(var_kind_name(decl.kind));
        self.close();
    }

    /// `span` extended over the `)` tokens right after it (an initializer
    /// in parentheses: the declarator ends after them, the expression
    /// inside them).
    fn with_closing_parens(&self, span: Span) -> Span {
        let mut end = span.end;
        let mut i = self.tokens.first_from(span.end);
        while let Some(index) = i {
            if self.tokens.tok(index) != Some(&Tok::RParen) {
                break;
            }
            end = self.tokens.span(index).map_or(end, |s| s.end);
            i = Some(index + 1);
        }
        Span {
            start: span.start,
            end,
        }
    }

    /// The left side of for-in/of. A declaration is
    /// `VariableDeclaration` with one declarator, whose initialiser is
    /// Annex B.3.5's of `for (var x = init in o)` if any; its keyword
    /// follows `for`, an optional `await` and `(`.
    fn for_head(&mut self, head: &ForHead, initializer: Option<&Expr>, for_span: Span) {
        match head {
            ForHead::Target(target) => self.pattern(target),
            ForHead::Var(kind, target) => {
                let keyword_start = self.tokens.starting_at(for_span.start).and_then(|i| {
                    let i = if self.tokens.tok(i + 1) == Some(&Tok::Await) {
                        i + 1
                    } else {
                        i
                    };
                    self.tokens.span(i + 2).map(|s| s.start)
                });
                let declarator = match initializer {
                    Some(init) => target.span.to(self.with_closing_parens(init.span)),
                    None => target.span,
                };
                let span = Span {
                    start: keyword_start.unwrap_or(target.span.start),
                    end: declarator.end,
                };
                self.open("VariableDeclaration", span);
                self.key("declarations");
                self.w.begin_array();
                self.open("VariableDeclarator", declarator);
                self.key("id");
                self.pattern(target);
                self.key("init");
                match initializer {
                    Some(init) => self.expression(init),
                    None => self.w.null(),
                }
                self.close();
                self.w.end_array();
                self.key("kind");
                self.w.str(var_kind_name(*kind));
                self.close();
            }
        }
    }
}
