//! The tree printer's state, line output and module items.

use crate::syntax::ast::{
    ExportKind, ImportAttribute, ImportDecl, JsString, Module, ModuleExportName, ModuleItem, Script,
};
use crate::syntax::estree::json::quote_utf16;
use crate::syntax::span::LineIndex;
use crate::syntax::span::Span;

/// Prints a parsed module as an indented tree (see the module docs).
/// `source` must be the text `module` was parsed from.
///
/// ```
/// use vmjs::syntax::{dump::dump_module, parse_module};
///
/// let source = "import x from './a.mjs';\nx();\n";
/// let module = parse_module(source).expect("valid module");
/// assert_eq!(
///     dump_module(&module, source),
///     "Module @1:1\n  ImportDecl default=x from \"./a.mjs\" @1:1\n  ExprStmt @2:1\n    Call @2:1\n      callee: Ident x @2:1\n"
/// );
/// ```
pub fn dump_module(module: &Module, source: &str) -> String {
    let mut printer = TreePrinter {
        out: String::new(),
        positions: LineIndex::new(source),
    };
    printer.module(module);
    printer.out
}

/// Prints a parsed script as an indented tree: a `Script` line, then its
/// statements as [`dump_module`] prints a module's. `source` must be the
/// text `script` was parsed from.
///
/// ```
/// use vmjs::syntax::{dump::dump_script, parse_script};
///
/// let source = "with (o) x;";
/// let script = parse_script(source).expect("valid script");
/// assert_eq!(
///     dump_script(&script, source),
///     "Script @1:1\n  With @1:1\n    object: Ident o @1:7\n    body: ExprStmt @1:10\n      Ident x @1:10\n"
/// );
/// ```
pub fn dump_script(script: &Script, source: &str) -> String {
    let mut printer = TreePrinter {
        out: String::new(),
        positions: LineIndex::new(source),
    };
    printer.line(0, "", "Script", Some(script.span));
    for stmt in &script.body {
        printer.stmt(1, "", stmt);
    }
    printer.out
}

pub(super) struct TreePrinter<'a> {
    out: String,
    positions: LineIndex<'a>,
}

/// A string value as a double-quoted, escaped literal.
pub(super) fn quoted(value: &JsString) -> String {
    let mut out = String::new();
    quote_utf16(&mut out, value);
    out
}

pub(super) fn export_name(name: &ModuleExportName) -> String {
    match name {
        ModuleExportName::Ident(id) => id.name.to_string(),
        ModuleExportName::Str(s) => quoted(&s.value),
    }
}

fn attributes_text(attributes: &[ImportAttribute]) -> String {
    if attributes.is_empty() {
        return String::new();
    }
    let pairs: Vec<String> = attributes
        .iter()
        .map(|a| format!("{}: {}", export_name(&a.key), quoted(&a.value.value)))
        .collect();
    format!(" with {{{}}}", pairs.join(", "))
}

impl TreePrinter<'_> {
    /// One line: indentation, `role: ` when there is a role, the label and
    /// the position of `span`'s start (no position without a span).
    pub(super) fn line(&mut self, depth: usize, role: &str, label: &str, span: Option<Span>) {
        for _ in 0..depth {
            self.out.push_str("  ");
        }
        if !role.is_empty() {
            self.out.push_str(role);
            self.out.push_str(": ");
        }
        self.out.push_str(label);
        if let Some(span) = span {
            let pos = self.positions.line_col(span.start as usize);
            self.out.push_str(&format!(" @{}:{}", pos.line, pos.column));
        }
        self.out.push('\n');
    }

    fn module(&mut self, module: &Module) {
        self.line(0, "", "Module", Some(module.span));
        for item in &module.body {
            match item {
                ModuleItem::Import(import) => self.import(import),
                ModuleItem::Export(export) => self.export(&export.kind, export.span),
                ModuleItem::Stmt(stmt) => self.stmt(1, "", stmt),
            }
        }
    }

    fn import(&mut self, import: &ImportDecl) {
        let mut label = String::from("ImportDecl");
        if let Some(local) = &import.default {
            label.push_str(&format!(" default={}", local.name));
        }
        if let Some(local) = &import.namespace {
            label.push_str(&format!(" namespace={}", local.name));
        }
        if let Some(named) = &import.named {
            let specs: Vec<String> = named
                .iter()
                .map(|s| match &s.imported {
                    Some(imported) => format!("{} as {}", export_name(imported), s.local.name),
                    None => s.local.name.to_string(),
                })
                .collect();
            label.push_str(&format!(" named=[{}]", specs.join(", ")));
        }
        label.push_str(&format!(" from {}", quoted(&import.source.value)));
        label.push_str(&attributes_text(&import.attributes));
        self.line(1, "", &label, Some(import.span));
    }

    fn export(&mut self, kind: &ExportKind, span: Span) {
        match kind {
            ExportKind::Decl(stmt) => {
                self.line(1, "", "ExportDecl", Some(span));
                self.stmt(2, "", stmt);
            }
            ExportKind::DefaultExpr(expr) => {
                self.line(1, "", "ExportDefault", Some(span));
                self.expr(2, "", expr);
            }
            ExportKind::DefaultFunction(func) => {
                self.line(1, "", "ExportDefault", Some(span));
                self.function(2, "", func);
            }
            ExportKind::DefaultClass(class) => {
                self.line(1, "", "ExportDefault", Some(span));
                self.class(2, "", class);
            }
            ExportKind::Named {
                specifiers,
                source,
                attributes,
            } => {
                let specs: Vec<String> = specifiers
                    .iter()
                    .map(|s| match &s.exported {
                        Some(exported) => {
                            format!("{} as {}", export_name(&s.local), export_name(exported))
                        }
                        None => export_name(&s.local),
                    })
                    .collect();
                let mut label = format!("ExportNamed [{}]", specs.join(", "));
                if let Some(source) = source {
                    label.push_str(&format!(" from {}", quoted(&source.value)));
                }
                label.push_str(&attributes_text(attributes));
                self.line(1, "", &label, Some(span));
            }
            ExportKind::All {
                exported,
                source,
                attributes,
            } => {
                let mut label = String::from("ExportAll");
                if let Some(name) = exported {
                    label.push_str(&format!(" as {}", export_name(name)));
                }
                label.push_str(&format!(" from {}", quoted(&source.value)));
                label.push_str(&attributes_text(attributes));
                self.line(1, "", &label, Some(span));
            }
        }
    }
}
