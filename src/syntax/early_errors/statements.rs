//! Statements and declarations (ECMA-262 §14).

use crate::syntax::ast::{
    CatchClause, ForHead, ForInit, Pattern, PatternKind, Stmt, StmtKind, SwitchCase, VarDecl,
    VarKind,
};

use crate::syntax::span::Span;

use super::context::{Check, Checker, OperatorRule};
use super::declarations::{Binding, ScopeKind};
use super::labels::OwnLabels;
use super::messages;
use super::names::keyword_span;

/// V8's message for a lexical declaration where only a statement may stand.
const LEXICAL_IN_SINGLE_STATEMENT: &str =
    "Lexical declaration cannot appear in a single-statement context";

impl Checker {
    /// A StatementListItem of a block, case clause, function body, script or
    /// module.
    pub fn check_statement_list_item(&mut self, stmt: &Stmt) -> Check {
        let own = self.no_own_labels();
        self.check_statement(stmt, own)
    }

    pub fn check_statement_list(&mut self, stmts: &[Stmt]) -> Check {
        for stmt in stmts {
            let own = self.no_own_labels();
            self.check_statement(stmt, own)?;
        }
        Ok(())
    }

    /// One statement; `own` marks the labels that label it directly. Like
    /// `check_expr`, this dispatches to helpers that each bind the fields of
    /// a few kinds, keeping the per-level stack cost of deep nesting small.
    fn check_statement(&mut self, stmt: &Stmt, own: OwnLabels) -> Check {
        match &stmt.kind {
            StmtKind::Block(stmts) => {
                self.attach_labels(own, false);
                // check_block, written out: one frame less per nested block.
                self.push_scope(ScopeKind::Block);
                for stmt in stmts {
                    let own = self.no_own_labels();
                    self.check_statement(stmt, own)?;
                }
                self.pop_scope();
            }
            StmtKind::Empty | StmtKind::Debugger => {}
            StmtKind::Expr(expr) | StmtKind::Throw(expr) => self.check_expr(expr)?,
            StmtKind::If { .. } => self.check_if(stmt, own)?,
            StmtKind::For { .. }
            | StmtKind::ForIn { .. }
            | StmtKind::ForOf { .. }
            | StmtKind::While { .. }
            | StmtKind::DoWhile { .. } => {
                self.attach_labels(own, true);
                self.check_iteration(stmt)?;
            }
            StmtKind::Continue(label) => self.check_continue(stmt, label.as_ref())?,
            StmtKind::Break(label) => self.check_break(stmt, label.as_ref())?,
            StmtKind::Return(_) => self.check_return(stmt)?,
            StmtKind::Labeled { label, body } => {
                let in_substatement = std::mem::take(&mut self.labelled_in_substatement);
                self.push_label(label)?;
                self.check_labelled_item(body, own, in_substatement)?;
                self.pop_label();
            }
            StmtKind::Switch { .. } | StmtKind::Try { .. } => {
                self.attach_labels(own, false);
                self.check_switch_or_try(stmt)?;
            }
            StmtKind::With { object, body } => {
                self.attach_labels(own, false);
                self.check_expr(object)?;
                let own = self.no_own_labels();
                self.check_substatement(body, own)?;
            }
            StmtKind::Var(decl) => self.check_var_decl(decl)?,
            StmtKind::Function(function) => {
                let binding = self.function_declaration_binding(function);
                self.check_function_declaration(function, binding)?;
            }
            StmtKind::Class(class) => self.check_class_declaration(class, stmt.span)?,
            StmtKind::TooDeep => self.fail(messages::MAX_NESTING, stmt.span)?,
        }
        if own < self.no_own_labels() {
            self.detach_labels(own);
        }
        Ok(())
    }

    fn check_if(&mut self, stmt: &Stmt, own: OwnLabels) -> Check {
        let StmtKind::If {
            test,
            consequent,
            alternate,
        } = &stmt.kind
        else {
            return Ok(());
        };
        self.check_expr(test)?;
        // V8 hands an `if`'s labels on to its branches.
        self.check_if_clause(consequent, own)?;
        match alternate {
            Some(alternate) => self.check_if_clause(alternate, own),
            None => Ok(()),
        }
    }

    /// A clause of an `if` statement. Annex B.3.4 (FunctionDeclarations in
    /// IfStatement Statement Clauses): in non-strict code a plain function
    /// declaration may stand there, as if it were the sole StatementListItem
    /// of a BlockStatement.
    fn check_if_clause(&mut self, clause: &Stmt, own: OwnLabels) -> Check {
        match &clause.kind {
            StmtKind::Function(function) if self.annex_b_function(function) => {
                self.push_scope(ScopeKind::Block);
                self.check_function_declaration(function, Binding::Lexical)?;
                self.pop_scope();
                Ok(())
            }
            _ => self.check_substatement(clause, own),
        }
    }

    /// Whether Annex B lets `function` stand where only a Statement may:
    /// non-strict code, and a plain function (not async, not a generator).
    fn annex_b_function(&self, function: &crate::syntax::ast::Function) -> bool {
        !self.function.strict && !function.is_async && !function.is_generator
    }

    /// The Statement of a LabelledStatement: a LabelledItem. Annex B.3.2
    /// (Labelled Function Declarations): in non-strict code it may be a plain
    /// function declaration, unless the labelled statement is itself the body
    /// of an `if`, a loop or `with` (IsLabelledFunction, §14.6.1, §14.7.1).
    fn check_labelled_item(&mut self, body: &Stmt, own: OwnLabels, in_substatement: bool) -> Check {
        match &body.kind {
            StmtKind::Function(function) if !in_substatement && self.annex_b_function(function) => {
                let binding = self.function_declaration_binding(function);
                self.check_function_declaration(function, binding)
            }
            StmtKind::Labeled { .. } => {
                self.labelled_in_substatement = in_substatement;
                self.check_statement(body, own)
            }
            _ => self.check_substatement(body, own),
        }
    }

    fn check_iteration(&mut self, stmt: &Stmt) -> Check {
        match &stmt.kind {
            StmtKind::For {
                init,
                test,
                update,
                body,
            } => self.check_for(init.as_deref(), test.as_deref(), update.as_deref(), body),
            StmtKind::ForIn {
                left,
                right,
                body,
                initializer,
            } => {
                if let Some(initializer) = initializer {
                    self.check_expr(initializer)?;
                }
                self.check_for_in_of(left, right, body)
            }
            StmtKind::ForOf {
                left,
                right,
                body,
                is_await,
            } => {
                if *is_await && self.function.await_rule != OperatorRule::Allowed {
                    // `for await`: the keyword after `for `.
                    let for_await = keyword_span(stmt.span, 9);
                    let await_keyword = Span {
                        start: for_await.end.saturating_sub(5),
                        end: for_await.end,
                    };
                    return self.fail(messages::RESERVED_WORD, await_keyword);
                }
                self.check_for_in_of(left, right, body)
            }
            StmtKind::While { test, body } => {
                self.check_expr(test)?;
                self.check_loop_body(body)
            }
            StmtKind::DoWhile { body, test } => {
                self.check_loop_body(body)?;
                self.check_expr(test)
            }
            _ => Ok(()),
        }
    }

    /// ECMA-262 §16.1.1 / §16.2.1.1: a Script or ModuleBody may not contain
    /// a ReturnStatement (nor may a static block, §15.7.1).
    fn check_return(&mut self, stmt: &Stmt) -> Check {
        if !self.function.return_allowed {
            return self.fail(messages::ILLEGAL_RETURN, keyword_span(stmt.span, 6));
        }
        match &stmt.kind {
            StmtKind::Return(Some(arg)) => self.check_expr(arg),
            _ => Ok(()),
        }
    }

    fn check_switch_or_try(&mut self, stmt: &Stmt) -> Check {
        match &stmt.kind {
            StmtKind::Switch {
                discriminant,
                cases,
            } => {
                self.check_expr(discriminant)?;
                self.check_case_block(cases)
            }
            StmtKind::Try {
                block,
                handler,
                finalizer,
                ..
            } => {
                self.check_block(block)?;
                if let Some(handler) = handler {
                    self.check_catch(handler)?;
                }
                match finalizer {
                    Some(finalizer) => self.check_block(finalizer),
                    None => Ok(()),
                }
            }
            _ => Ok(()),
        }
    }

    /// A Statement where no declaration may stand: the body of `if`, a loop
    /// or a label. ECMA-262 §14.6.1 / §14.7.1 / §14.13.1: "It is a Syntax
    /// Error if IsLabelledFunction(Statement) is true", and in strict code
    /// the Annex B.3.3 function-in-if form does not exist.
    fn check_substatement(&mut self, stmt: &Stmt, own: OwnLabels) -> Check {
        match &stmt.kind {
            StmtKind::Function(function) if function.is_async => self.fail(
                messages::ASYNC_FUNCTION_IN_SINGLE_STATEMENT,
                keyword_span(function.span, 5),
            ),
            StmtKind::Function(function) if function.is_generator && !self.function.strict => self
                .fail(
                    messages::GENERATOR_IN_SINGLE_STATEMENT,
                    keyword_span(function.span, 8),
                ),
            StmtKind::Function(function) if !self.function.strict => self.fail(
                messages::NON_STRICT_FUNCTION_IN_SINGLE_STATEMENT,
                keyword_span(function.span, 8),
            ),
            StmtKind::Function(function) => self.fail(
                messages::FUNCTION_IN_SINGLE_STATEMENT,
                keyword_span(function.span, 8),
            ),
            StmtKind::Labeled { .. } => {
                self.labelled_in_substatement = true;
                self.check_statement(stmt, own)
            }
            StmtKind::Class(_) => self.fail(
                messages::CLASS_IN_SINGLE_STATEMENT,
                keyword_span(stmt.span, 5),
            ),
            StmtKind::Var(decl) if decl.kind != VarKind::Var => {
                self.fail(LEXICAL_IN_SINGLE_STATEMENT, decl.span)
            }
            _ => self.check_statement(stmt, own),
        }
    }

    /// Block — ECMA-262 §14.2.1: its lexical names are unique and do not
    /// clash with its var names.
    fn check_block(&mut self, stmts: &[Stmt]) -> Check {
        self.push_scope(ScopeKind::Block);
        self.check_statement_list(stmts)?;
        self.pop_scope();
        Ok(())
    }

    /// VariableStatement and LexicalDeclaration — ECMA-262 §14.3.1: "It is a
    /// Syntax Error if the BoundNames of BindingList contains "let"" or
    /// duplicates (reported through the scope).
    pub fn check_var_decl(&mut self, decl: &VarDecl) -> Check {
        let binding = match decl.kind {
            VarKind::Var => Binding::Var,
            VarKind::Let | VarKind::Const => Binding::Lexical,
        };
        for declarator in &decl.declarations {
            self.check_binding_pattern(&declarator.target, binding)?;
            if let Some(init) = &declarator.init {
                self.check_expr(init)?;
            }
        }
        Ok(())
    }

    /// The body of an iteration statement.
    fn check_loop_body(&mut self, body: &Stmt) -> Check {
        self.function.iteration_depth += 1;
        self.function.breakable_depth += 1;
        let own = self.no_own_labels();
        self.check_substatement(body, own)?;
        self.function.iteration_depth -= 1;
        self.function.breakable_depth -= 1;
        Ok(())
    }

    /// ForStatement — ECMA-262 §14.7.4.1: "It is a Syntax Error if any
    /// element of the BoundNames of LexicalDeclaration also occurs in the
    /// VarDeclaredNames of Statement" (the head gets its own scope).
    fn check_for(
        &mut self,
        init: Option<&ForInit>,
        test: Option<&crate::syntax::ast::Expr>,
        update: Option<&crate::syntax::ast::Expr>,
        body: &Stmt,
    ) -> Check {
        let lexical_head = matches!(init, Some(ForInit::Var(decl)) if decl.kind != VarKind::Var);
        if lexical_head {
            self.push_scope(ScopeKind::Block);
        }
        match init {
            Some(ForInit::Var(decl)) => self.check_var_decl(decl)?,
            Some(ForInit::Expr(expr)) => self.check_expr(expr)?,
            None => {}
        }
        if let Some(test) = test {
            self.check_expr(test)?;
        }
        if let Some(update) = update {
            self.check_expr(update)?;
        }
        self.check_loop_body(body)?;
        if lexical_head {
            self.pop_scope();
        }
        Ok(())
    }

    /// ForInOfStatement — ECMA-262 §14.7.5.1: the ForDeclaration's bound
    /// names are unique, not "let", and not among the body's var names.
    fn check_for_in_of(
        &mut self,
        left: &ForHead,
        right: &crate::syntax::ast::Expr,
        body: &Stmt,
    ) -> Check {
        let lexical_head = matches!(left, ForHead::Var(kind, _) if *kind != VarKind::Var);
        if lexical_head {
            self.push_scope(ScopeKind::Block);
        }
        match left {
            ForHead::Var(VarKind::Var, target) => {
                self.check_binding_pattern(target, Binding::Var)?
            }
            ForHead::Var(_, target) => self.check_binding_pattern(target, Binding::Lexical)?,
            ForHead::Target(target) => self.check_assignment_target(target)?,
        }
        self.check_expr(right)?;
        self.check_loop_body(body)?;
        if lexical_head {
            self.pop_scope();
        }
        Ok(())
    }

    /// SwitchStatement — ECMA-262 §14.12.1: the CaseBlock is one scope.
    fn check_case_block(&mut self, cases: &[SwitchCase]) -> Check {
        self.push_scope(ScopeKind::Block);
        self.function.breakable_depth += 1;
        for case in cases {
            if let Some(test) = &case.test {
                self.check_expr(test)?;
            }
            self.check_statement_list(&case.body)?;
        }
        self.function.breakable_depth -= 1;
        self.pop_scope();
        Ok(())
    }

    /// Catch — ECMA-262 §14.15.1: the parameter's bound names are unique and
    /// clash with the body's lexical names; with Annex B.3.4, only a
    /// destructuring parameter clashes with the body's var names.
    fn check_catch(&mut self, handler: &CatchClause) -> Check {
        let simple_parameter = !matches!(
            &handler.param,
            Some(param) if !matches!(param.kind, PatternKind::Ident(_))
        );
        self.push_scope(ScopeKind::Catch { simple_parameter });
        if let Some(Pattern {
            kind: PatternKind::Ident(name),
            ..
        }) = &handler.param
        {
            self.check_declared_name(name)?;
        }
        if let Some(param) = &handler.param {
            self.check_binding_pattern(param, Binding::CatchParameter)?;
        }
        self.check_statement_list(&handler.body)?;
        self.pop_scope();
        Ok(())
    }
}
