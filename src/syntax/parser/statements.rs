//! Grammar actions for statements (ECMA-262 §14) and module items (§16.2).

use std::rc::Rc;

use super::super::ast::{
    Class, ExportDecl, ExportKind, ExportSpecifier, Expr, ExprKind, ForHead, ForInit, Function,
    Ident, ImportAttribute, ImportDecl, ImportPhase, ImportSpecifier, ModuleExportName, Pattern,
    Stmt, StmtKind, StringLit, SwitchCase, VarDecl, VarKind,
};
use super::super::cover;
use super::super::error::SyntaxError;
use super::super::span::Span;
use super::super::token::Tok;
use super::parts::{fail, sp, LoopHead, R};
use super::state::ParseState;

impl ParseState<'_> {
    // ---- modules ----

    #[allow(clippy::too_many_arguments)]
    pub fn import_decl(
        &self,
        default: Option<Ident>,
        namespace: Option<Ident>,
        named: Option<Vec<ImportSpecifier>>,
        source: StringLit,
        attributes: Option<Vec<ImportAttribute>>,
        l: usize,
        r: usize,
    ) -> Box<ImportDecl> {
        Box::new(ImportDecl {
            phase: ImportPhase::Evaluation,
            default,
            namespace,
            named,
            source,
            attributes: attributes.unwrap_or_default(),
            span: sp(l, r),
        })
    }

    /// `import defer * as ns from "m"` (Deferring Module Evaluation) and
    /// `import source x from "m"` (Source Phase Imports): `word`, parsed as
    /// an identifier, must be the phase's contextual keyword, unescaped.
    /// With the proposals off (`vmjs run --no-import-phases`) the forms
    /// are errors, with the message V8 without them gives.
    #[allow(clippy::too_many_arguments)]
    pub fn import_phase_decl(
        &self,
        word: Ident,
        phase: ImportPhase,
        binding: Ident,
        source: StringLit,
        attributes: Option<Vec<ImportAttribute>>,
        l: usize,
        r: usize,
    ) -> R<Box<ImportDecl>> {
        let keyword = phase.name();
        let raw = &self.source[word.span.start as usize..word.span.end as usize];
        if raw != keyword || !crate::syntax::proposals::import_phases_enabled() {
            // What follows the word is unexpected: `*` after `defer`, the
            // binding after `source`.
            return match phase {
                ImportPhase::Defer => {
                    let after = word.span.end as usize;
                    let star = self.source[after..].find('*').map_or(after, |i| after + i);
                    fail("Unexpected token '*'", sp(star, star + 1))
                }
                _ => fail(
                    format!("Unexpected identifier '{}'", binding.name),
                    binding.span,
                ),
            };
        }
        let mut decl = match phase {
            ImportPhase::Defer => {
                self.import_decl(None, Some(binding), None, source, attributes, l, r)
            }
            _ => self.import_decl(Some(binding), None, None, source, attributes, l, r),
        };
        decl.phase = phase;
        Ok(decl)
    }

    /// `import { "name" } from "m"`: a string import name needs `as`.
    pub fn string_import_without_as(&self, l: usize, r: usize) -> R<ImportSpecifier> {
        fail("Unexpected reserved word", sp(l, r))
    }

    pub fn export(&self, kind: ExportKind, l: usize, r: usize) -> Box<ExportDecl> {
        Box::new(ExportDecl {
            kind,
            span: sp(l, r),
        })
    }

    /// `export { a, b as c };` without `from`: the local names must be
    /// identifier references (§16.2.3.1, the early errors of ExportDeclaration).
    pub fn export_local_names(
        &self,
        specifiers: Vec<ExportSpecifier>,
        l: usize,
        r: usize,
    ) -> R<Box<ExportDecl>> {
        for s in &specifiers {
            match &s.local {
                ModuleExportName::Str(lit) => {
                    return fail(
                        "String literal module export names must be followed by a 'from' clause",
                        lit.span,
                    )
                }
                ModuleExportName::Ident(id) => {
                    let reserved =
                        Tok::keyword(self.text(id.span)).is_some_and(|t| t.is_reserved_word());
                    if reserved {
                        return fail("Unexpected reserved word", id.span);
                    }
                }
            }
        }
        Ok(self.export(
            ExportKind::Named {
                specifiers,
                source: None,
                attributes: Vec::new(),
            },
            l,
            r,
        ))
    }

    // ---- declarations ----

    pub fn function_decl(&self, f: Rc<Function>) -> R<Box<StmtKind>> {
        if f.name.is_none() {
            return fail("Function statements require a function name", f.span);
        }
        Ok(Box::new(StmtKind::Function(f)))
    }

    pub fn class_decl(&self, c: Rc<Class>) -> R<Box<StmtKind>> {
        if c.name.is_none() {
            // `class {}` / `class extends B {}`: the token after `class` is unexpected.
            let next = self
                .token_index(c.span.start as usize)
                .and_then(|i| self.tokens.get(i + 1))
                .map(|t| sp(t.start, t.end))
                .unwrap_or(c.span);
            return fail(format!("Unexpected token '{}'", self.text(next)), next);
        }
        Ok(Box::new(StmtKind::Class(c)))
    }

    /// `var`/`let`/`const` as a statement: const and destructuring
    /// declarations need an initialiser.
    pub fn var_stmt(&self, decl: VarDecl) -> R<Box<StmtKind>> {
        self.check_initializers(&decl)?;
        Ok(Box::new(StmtKind::Var(decl)))
    }

    pub fn for_init_decl(&self, decl: VarDecl) -> R<ForInit> {
        self.check_initializers(&decl)?;
        Ok(ForInit::Var(decl))
    }

    /// `for (var x = init in o)`: Annex B.3.5 allows an initializer on a
    /// `var` head that binds one identifier, in non-strict code; any other
    /// initialized for-in head is a SyntaxError (V8's message, spanning
    /// the binding and its initializer).
    pub fn for_in_initialized_head(
        &self,
        kind: VarKind,
        target: Pattern,
        initializer: Expr,
        right: Expr,
    ) -> R<Box<LoopHead>> {
        const MESSAGE: &str = "for-in loop variable declaration may not have an initializer.";
        let span = target.span.to(initializer.span);
        let simple = matches!(target.kind, super::super::ast::PatternKind::Ident(_));
        if kind != VarKind::Var || !simple {
            return fail(MESSAGE, span);
        }
        self.defer_strict(SyntaxError::new(MESSAGE, span));
        Ok(Box::new(LoopHead::ForIn(
            ForHead::Var(kind, target),
            Some(initializer),
            right,
        )))
    }

    fn check_initializers(&self, decl: &VarDecl) -> R<()> {
        for d in decl.declarations.iter().filter(|d| d.init.is_none()) {
            if !matches!(d.target.kind, super::super::ast::PatternKind::Ident(_)) {
                return fail("Missing initializer in destructuring declaration", d.span);
            }
            if decl.kind == VarKind::Const {
                return fail("Missing initializer in const declaration", d.span);
            }
        }
        Ok(())
    }

    // ---- statements with a sub-statement ----

    /// `with (object) body`: a SyntaxError in strict code (ECMA-262
    /// §14.11.1), which the driver reports once it knows where the code is
    /// strict.
    pub fn with_statement(&self, head: (Span, Expr), body: Stmt) -> StmtKind {
        let (keyword, object) = head;
        self.note_with_statement(keyword);
        StmtKind::With {
            object: Box::new(object),
            body: Box::new(body),
        }
    }

    /// The body of `if`, loops and labels is a single Statement, never a
    /// declaration (§14; the strict-mode messages are V8's).
    fn check_single_statement(&self, body: &Stmt) {
        let message = match &body.kind {
            // Functions: the early-error walk, which knows the strictness
            // (Annex B.3.2, B.3.4).
            StmtKind::Class(_) => "Unexpected token 'class'",
            StmtKind::Var(d) if d.kind != VarKind::Var => {
                "Lexical declaration cannot appear in a single-statement context"
            }
            _ => return,
        };
        self.defer(SyntaxError::new(message, body.span));
    }

    pub fn if_stmt(
        &self,
        test: Expr,
        consequent: Box<Stmt>,
        alternate: Option<Box<Stmt>>,
    ) -> StmtKind {
        self.check_single_statement(&consequent);
        if let Some(a) = &alternate {
            self.check_single_statement(a);
        }
        StmtKind::If {
            test,
            consequent,
            alternate,
        }
    }

    pub fn loop_stmt(&self, head: LoopHead, body: Box<Stmt>) -> StmtKind {
        self.check_single_statement(&body);
        match head {
            LoopHead::While(test) => StmtKind::While { test, body },
            LoopHead::For(init, test, update) => StmtKind::For {
                init: init.map(Box::new),
                test: test.map(Box::new),
                update: update.map(Box::new),
                body,
            },
            LoopHead::ForIn(left, initializer, right) => StmtKind::ForIn {
                left,
                right: Box::new(right),
                body,
                initializer: initializer.map(Box::new),
            },
            LoopHead::ForOf(left, right, is_await) => StmtKind::ForOf {
                left,
                right: Box::new(right),
                body,
                is_await,
            },
        }
    }

    pub fn labeled(&self, label: Ident, body: Box<Stmt>) -> StmtKind {
        self.check_single_statement(&body);
        StmtKind::Labeled { label, body }
    }

    pub fn do_while(&self, body: Box<Stmt>, test: Expr) -> StmtKind {
        self.check_single_statement(&body);
        StmtKind::DoWhile { body, test }
    }

    /// The expression before `in`/`of` in a for-in/of head.
    pub fn for_in_of_target(&self, lhs: Expr, is_of: bool) -> R<ForHead> {
        // §14.7.5: `for (async of` is excluded by a lookahead restriction
        // (an escaped or parenthesised `async` is fine).
        if is_of {
            if let ExprKind::Ident(id) = &lhs.kind {
                if &*id.name == "async" && self.text(id.span) == "async" {
                    return fail(
                        "The left-hand side of a for-of loop may not be 'async'.",
                        id.span,
                    );
                }
            }
        }
        Ok(ForHead::Target(cover::for_in_of_target(self, lhs)?))
    }

    /// `for await`: allowed where `await` is (claimed like an await expression).
    pub fn for_await(&self, l: usize, r: usize) -> R<()> {
        let await_start = r - "await".len();
        let _ = l;
        self.note_await(sp(await_start, r));
        Ok(())
    }

    pub fn switch(&self, discriminant: Expr, cases: Vec<SwitchCase>) -> R<Box<StmtKind>> {
        if let Some(second) = cases.iter().filter(|c| c.test.is_none()).nth(1) {
            return fail(
                "More than one default clause in switch statement",
                second.span,
            );
        }
        Ok(Box::new(StmtKind::Switch {
            discriminant,
            cases,
        }))
    }

    /// `try {}` followed by neither `catch` nor `finally`: V8 reports the token
    /// after the block.
    pub fn missing_catch_or_finally(&self, r: usize) -> R<Box<StmtKind>> {
        let next = self
            .tokens
            .iter()
            .find(|t| t.start >= r)
            .map_or(sp(r, r), |t| sp(t.start, t.end));
        fail("Missing catch or finally after try", next)
    }

    pub fn illegal_newline_after_throw(&self, l: usize, r: usize) -> R<Box<StmtKind>> {
        fail("Illegal newline after throw", sp(l, r))
    }
}
