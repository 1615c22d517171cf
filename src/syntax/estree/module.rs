//! `Program` (a module's or a script's) and the module items: imports and exports.

use super::builder::Estree;
use crate::syntax::ast::{
    ExportDecl, ExportKind, ExprKind, ImportAttribute, ImportDecl, Literal, Module, ModuleItem,
    Script, Stmt, StmtKind,
};
use crate::syntax::span::Span;
use crate::syntax::token::Tok;

impl<'a> Estree<'a> {
    /// `Program` spans the whole source, comments and trailing blank lines
    /// included, as acorn's does.
    pub(super) fn program(&mut self, module: &Module) {
        self.open("Program", Span::new(0, self.source.len()));
        self.key("body");
        self.w.begin_array();
        let mut in_prologue = true;
        for item in &module.body {
            match item {
                ModuleItem::Stmt(stmt) => {
                    let directive = if in_prologue {
                        self.directive(stmt)
                    } else {
                        None
                    };
                    in_prologue = directive.is_some();
                    self.statement_with_directive(stmt, directive);
                }
                ModuleItem::Import(import) => {
                    in_prologue = false;
                    self.import_declaration(import);
                }
                ModuleItem::Export(export) => {
                    in_prologue = false;
                    self.export_declaration(export);
                }
            }
        }
        self.w.end_array();
        self.key("sourceType");
        self.w.str("module");
        self.close();
    }

    /// A script's `Program`: its statements, with the directive prologue
    /// at their head, and `"sourceType": "script"`.
    pub(super) fn script_program(&mut self, script: &Script) {
        self.open("Program", Span::new(0, self.source.len()));
        self.key("body");
        self.statement_list(&script.body, true);
        self.key("sourceType");
        self.w.str("script");
        self.close();
    }

    /// A statement list, with the `directive` field on the statements of
    /// its directive prologue (ECMA-262 §11.2.1) when `prologue` is set.
    pub(super) fn statement_list(&mut self, stmts: &[Stmt], prologue: bool) {
        self.w.begin_array();
        let mut in_prologue = prologue;
        for stmt in stmts {
            let directive = if in_prologue {
                self.directive(stmt)
            } else {
                None
            };
            in_prologue = directive.is_some();
            self.statement_with_directive(stmt, directive);
        }
        self.w.end_array();
    }

    /// The raw text between the quotes of a directive: an expression
    /// statement that is only an unparenthesised string literal.
    fn directive(&self, stmt: &Stmt) -> Option<&'a str> {
        let StmtKind::Expr(expr) = &stmt.kind else {
            return None;
        };
        let ExprKind::Lit(Literal::Str(_)) = &expr.kind else {
            return None;
        };
        let raw = self.text(expr.span);
        raw.get(1..raw.len().checked_sub(1)?)
    }

    fn import_declaration(&mut self, import: &ImportDecl) {
        let span = self.statement_span(import.span);
        self.open("ImportDeclaration", span);
        self.key("specifiers");
        self.w.begin_array();
        if let Some(local) = &import.default {
            self.open("ImportDefaultSpecifier", local.span);
            self.key("local");
            self.ident(local);
            self.close();
        }
        if let Some(local) = &import.namespace {
            // `* as local`: the `*` is two tokens before the local name.
            let star = self
                .tokens
                .starting_at(local.span.start)
                .and_then(|i| i.checked_sub(2))
                .filter(|&i| self.tokens.tok(i) == Some(&Tok::Star))
                .and_then(|i| self.tokens.span(i));
            let start = star.map_or(local.span.start, |s| s.start);
            self.open(
                "ImportNamespaceSpecifier",
                Span {
                    start,
                    ..local.span
                },
            );
            self.key("local");
            self.ident(local);
            self.close();
        }
        for spec in import.named.iter().flatten() {
            self.open("ImportSpecifier", spec.span);
            self.key("imported");
            match &spec.imported {
                Some(name) => self.module_export_name(name),
                None => self.ident(&spec.local),
            }
            self.key("local");
            self.ident(&spec.local);
            self.close();
        }
        self.w.end_array();
        self.key("source");
        self.string_literal(&import.source);
        self.attributes(&import.attributes);
        self.close();
    }

    fn attributes(&mut self, attributes: &[ImportAttribute]) {
        self.key("attributes");
        self.w.begin_array();
        for attribute in attributes {
            self.open("ImportAttribute", attribute.span);
            self.key("key");
            self.module_export_name(&attribute.key);
            self.key("value");
            self.string_literal(&attribute.value);
            self.close();
        }
        self.w.end_array();
    }

    fn export_declaration(&mut self, export: &ExportDecl) {
        let span = self.statement_span(export.span);
        match &export.kind {
            ExportKind::Decl(stmt) => {
                self.open("ExportNamedDeclaration", span);
                self.key("declaration");
                self.statement(stmt);
                self.key("specifiers");
                self.w.begin_array();
                self.w.end_array();
                self.key("source");
                self.w.null();
                self.attributes(&[]);
            }
            ExportKind::DefaultExpr(expr) => {
                self.open("ExportDefaultDeclaration", span);
                self.key("declaration");
                self.expression(expr);
            }
            ExportKind::DefaultFunction(func) => {
                self.open("ExportDefaultDeclaration", span);
                self.key("declaration");
                self.function("FunctionDeclaration", func, func.span);
            }
            ExportKind::DefaultClass(class) => {
                self.open("ExportDefaultDeclaration", span);
                self.key("declaration");
                self.class("ClassDeclaration", class, class.span);
            }
            ExportKind::Named {
                specifiers,
                source,
                attributes,
            } => {
                self.open("ExportNamedDeclaration", span);
                self.key("declaration");
                self.w.null();
                self.key("specifiers");
                self.w.begin_array();
                for spec in specifiers {
                    self.open("ExportSpecifier", spec.span);
                    self.key("local");
                    self.module_export_name(&spec.local);
                    self.key("exported");
                    self.module_export_name(spec.exported.as_ref().unwrap_or(&spec.local));
                    self.close();
                }
                self.w.end_array();
                self.key("source");
                self.opt_string_literal(source.as_ref());
                self.attributes(attributes);
            }
            ExportKind::All {
                exported,
                source,
                attributes,
            } => {
                self.open("ExportAllDeclaration", span);
                self.key("exported");
                match exported {
                    Some(name) => self.module_export_name(name),
                    None => self.w.null(),
                }
                self.key("source");
                self.string_literal(source);
                self.attributes(attributes);
            }
        }
        self.close();
    }
}
