//! Imports and exports — ECMA-262 §16.2.1.1 (Module), §16.2.2.1
//! (ImportDeclaration), §16.2.3.1 (ExportDeclaration).

use rustc_hash::FxHashSet as HashSet;

use crate::syntax::ast::{
    js_string_lossy, ExportDecl, ExportKind, Ident, ImportAttribute, ImportDecl, ModuleExportName,
    Name, StmtKind,
};
use crate::syntax::error::SyntaxError;
use crate::syntax::span::Span;

use super::context::{Check, Checker};
use super::declarations::Binding;
use super::messages;
use super::names::{is_well_formed_unicode, keyword_span, reserved_word};
use super::patterns::TargetPosition;

/// The name V8 gives the binding of `export default <expression>` and of
/// anonymous default functions and classes (the spec's "*default*").
const DEFAULT_BINDING: &str = ".default";

/// One entry of ExportedNames.
#[derive(Debug)]
struct ExportedName {
    name: String,
    span: Span,
}

/// What the module exports, checked when the whole module is known.
#[derive(Debug, Default)]
pub(super) struct ExportTable {
    /// ExportedNames of the ModuleItemList, in source order.
    exported: Vec<ExportedName>,
    /// ExportedBindings: the local names of `export { local }` without
    /// `from`, each with its specifier's span.
    referenced: Vec<(Name, Span)>,
}

/// The name of a ModuleExportName as Rust text (lone surrogates replaced;
/// those are rejected before the name is used).
fn export_name_text(name: &ModuleExportName) -> String {
    match name {
        ModuleExportName::Ident(ident) => ident.name.to_string(),
        ModuleExportName::Str(s) => js_string_lossy(&s.value),
    }
}

fn export_name_span(name: &ModuleExportName) -> Span {
    match name {
        ModuleExportName::Ident(ident) => ident.span,
        ModuleExportName::Str(s) => s.span,
    }
}

/// ModuleExportName : StringLiteral — ECMA-262 §16.2.1.1: "It is a Syntax
/// Error if IsStringWellFormedUnicode(the SV of StringLiteral) is false."
fn check_well_formed(name: &ModuleExportName) -> Result<(), SyntaxError> {
    match name {
        ModuleExportName::Str(s) if !is_well_formed_unicode(&s.value) => Err(SyntaxError::new(
            messages::UNPAIRED_SURROGATE_EXPORT,
            s.span,
        )),
        _ => Ok(()),
    }
}

/// WithClause — ECMA-262 §16.2.2.1: "It is a Syntax Error if
/// WithClauseToAttributes of WithClause has two different entries a and b
/// such that a.`[[Key]]` is b.`[[Key]]`."
fn check_import_attributes(attributes: &[ImportAttribute]) -> Result<(), SyntaxError> {
    let mut keys = HashSet::default();
    for attribute in attributes {
        let key = export_name_text(&attribute.key);
        if !keys.insert(key.clone()) {
            return Err(SyntaxError::new(
                messages::duplicate_import_attribute(&key),
                attribute.span,
            ));
        }
    }
    Ok(())
}

impl Checker {
    /// ImportDeclaration: well-formed string names, then the bindings,
    /// which are lexical declarations of the module (V8 declares them once
    /// the whole declaration is read).
    pub fn check_import(&mut self, import: &ImportDecl) -> Check {
        for specifier in import.named.iter().flatten() {
            if let Some(imported) = &specifier.imported {
                self.report(check_well_formed(imported))?;
            }
        }
        let mut locals: Vec<&Ident> = Vec::new();
        locals.extend(import.default.iter());
        locals.extend(import.namespace.iter());
        locals.extend(import.named.iter().flatten().map(|s| &s.local));
        for local in &locals {
            self.check_binding_identifier(local, TargetPosition::Direct)?;
        }
        self.report(check_import_attributes(&import.attributes))?;
        // V8 points at `import a` / `import * as a` for a default or
        // namespace binding, and at the name for a named one.
        let from_import = |local: &Ident| Span {
            start: import.span.start,
            end: local.span.end.max(import.span.start),
        };
        for local in import.default.iter().chain(import.namespace.iter()) {
            self.declare(Binding::Lexical, &local.name, from_import(local))?;
        }
        for specifier in import.named.iter().flatten() {
            let local = &specifier.local;
            self.declare(Binding::Lexical, &local.name, local.span)?;
        }
        Ok(())
    }

    /// ExportDeclaration: checks the declaration or expression it carries
    /// and records its ExportedNames and ExportedBindings.
    pub fn check_export(&mut self, export: &ExportDecl) -> Check {
        // The AST keeps no span for the `default` keyword; `export default`
        // is written with one space between the two words.
        let default_keyword = Span {
            start: keyword_span(export.span, 7).end,
            end: keyword_span(export.span, 14).end,
        };
        match &export.kind {
            ExportKind::Decl(stmt) => {
                self.check_statement_list_item(stmt)?;
                self.record_declaration_exports(stmt);
                Ok(())
            }
            ExportKind::DefaultExpr(expr) => {
                self.check_expr(expr)?;
                let binding_span = Span {
                    start: default_keyword.start,
                    end: export.span.end.max(default_keyword.start),
                };
                self.declare_default_binding(binding_span)?;
                self.record_export("default".to_string(), default_keyword);
                Ok(())
            }
            ExportKind::DefaultFunction(function) => {
                match &function.name {
                    Some(_) => self.check_function_declaration(function, Binding::Lexical)?,
                    None => {
                        self.declare_default_binding(keyword_span(function.span, 1))?;
                        self.check_function(function, false)?;
                    }
                }
                self.record_export("default".to_string(), default_keyword);
                Ok(())
            }
            ExportKind::DefaultClass(class) => {
                if class.name.is_none() {
                    self.declare_default_binding(class.span)?;
                }
                self.check_class_declaration(class, class.span)?;
                self.record_export("default".to_string(), default_keyword);
                Ok(())
            }
            ExportKind::Named {
                specifiers,
                source,
                attributes,
            } => {
                for specifier in specifiers {
                    self.report(check_well_formed(&specifier.local))?;
                    if let Some(exported) = &specifier.exported {
                        self.report(check_well_formed(exported))?;
                    }
                    if source.is_none() {
                        self.record_local_export(&specifier.local, specifier.span)?;
                    }
                    let exported = specifier.exported.as_ref().unwrap_or(&specifier.local);
                    self.record_export(export_name_text(exported), specifier.span);
                }
                self.report(check_import_attributes(attributes))
            }
            ExportKind::All {
                exported,
                attributes,
                ..
            } => {
                if let Some(exported) = exported {
                    self.report(check_well_formed(exported))?;
                    self.record_export(export_name_text(exported), export_name_span(exported));
                }
                self.report(check_import_attributes(attributes))
            }
        }
    }

    /// The "*default*" binding of a default export.
    fn declare_default_binding(&mut self, span: Span) -> Check {
        let name: Name = Name::from(DEFAULT_BINDING);
        self.declare(Binding::Lexical, &name, span)
    }

    fn record_export(&mut self, name: String, span: Span) {
        self.exports.exported.push(ExportedName { name, span });
    }

    /// ExportedNames of `export var|let|const|function|class …` are the
    /// declaration's BoundNames (V8 points at the whole declaration).
    fn record_declaration_exports(&mut self, stmt: &crate::syntax::ast::Stmt) {
        let mut names: Vec<&Ident> = Vec::new();
        match &stmt.kind {
            StmtKind::Var(decl) => {
                for declarator in &decl.declarations {
                    declarator.target.bound_names(&mut names);
                }
            }
            StmtKind::Function(function) => names.extend(function.name.iter()),
            StmtKind::Class(class) => names.extend(class.name.iter()),
            _ => {}
        }
        for name in names {
            self.record_export(name.name.to_string(), stmt.span);
        }
    }

    /// ExportSpecifier without `from` — ECMA-262 §16.2.3.1: "It is a Syntax
    /// Error if ReferencedBindings of NamedExports contains any
    /// StringLiterals" or any reserved word.
    fn record_local_export(&mut self, local: &ModuleExportName, span: Span) -> Check {
        match local {
            ModuleExportName::Str(s) => self.fail(messages::STRING_EXPORT_WITHOUT_FROM, s.span),
            ModuleExportName::Ident(ident) => {
                if reserved_word(&ident.name).is_some() {
                    return self.fail(messages::RESERVED_WORD, ident.span);
                }
                self.exports.referenced.push((ident.name.clone(), span));
                Ok(())
            }
        }
    }

    /// The Module rules that need the whole module — ECMA-262 §16.2.1.1:
    /// "It is a Syntax Error if the ExportedNames of ModuleItemList contains
    /// any duplicate entries" and "if any element of the ExportedBindings of
    /// ModuleItemList does not also occur in either the VarDeclaredNames of
    /// ModuleItemList, or the LexicallyDeclaredNames of ModuleItemList".
    pub fn check_export_table(&mut self) -> Check {
        // Like V8, report the duplicate that comes last in the source.
        let mut seen = HashSet::default();
        let mut last_duplicate = None;
        for entry in &self.exports.exported {
            if !seen.insert(entry.name.as_str()) {
                last_duplicate = Some(entry);
            }
        }
        if let Some(entry) = last_duplicate {
            return self.fail(messages::duplicate_export(&entry.name), entry.span);
        }
        let Some(module_scope) = self.scopes.first() else {
            return Ok(());
        };
        // V8 reports the undefined name that sorts first.
        let undefined = self
            .exports
            .referenced
            .iter()
            .filter(|(local, _)| {
                !module_scope.lexical.contains(local) && !module_scope.vars.contains_key(local)
            })
            .min_by(|a, b| a.0.cmp(&b.0).then(a.1.start.cmp(&b.1.start)));
        match undefined {
            Some((local, span)) => self.fail(messages::undefined_export(local), *span),
            None => Ok(()),
        }
    }
}
