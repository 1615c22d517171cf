//! The ESTree writer's state and the helpers every node printer shares:
//! node headers with `start`/`end`/`loc`, identifiers and literals.

use super::json::JsonWriter;
use super::locate::TokenLocator;
use crate::syntax::ast::{Ident, Literal, Module, ModuleExportName, Script, StringLit};
use crate::syntax::span::LineIndex;
use crate::syntax::span::Span;

/// Serialises a parsed module as ESTree JSON, the tree acorn and espree
/// produce for `sourceType: "module"` with `locations: true`: every node has
/// `type`, `start`/`end` (byte offsets) and `loc` (1-based lines, 0-based
/// UTF-16 columns). `source` must be the text `module` was parsed from.
///
/// Literals whose value JSON cannot hold (BigInt, RegExp) have `"value": null`
/// beside their `bigint` / `regex` fields, as ESTree specifies for hosts
/// without those types.
///
/// ```
/// use vmjs::syntax::{estree::module_to_estree_json, parse_module};
///
/// let source = "export const answer = 42;";
/// let module = parse_module(source).expect("valid module");
/// let json = module_to_estree_json(&module, source);
/// assert!(json.starts_with(r#"{"type":"Program","start":0,"end":25,"#));
/// assert!(json.contains(r#""type":"Literal","start":22,"end":24,"#));
/// ```
pub fn module_to_estree_json(module: &Module, source: &str) -> String {
    let mut out = Estree::new(source, TokenLocator::new(source));
    out.program(module);
    out.w.finish()
}

/// Serialises a parsed script as ESTree JSON, the tree acorn produces for
/// `sourceType: "script"` with `locations: true` (see
/// [`module_to_estree_json`] for the conventions). `source` must be the
/// text `script` was parsed from.
///
/// ```
/// use vmjs::syntax::{estree::script_to_estree_json, parse_script};
///
/// let source = "with (o) x;";
/// let script = parse_script(source).expect("valid script");
/// let json = script_to_estree_json(&script, source);
/// assert!(json.contains(r#""type":"WithStatement","start":0,"end":11,"#));
/// assert!(json.ends_with(r#""sourceType":"script"}"#));
/// ```
pub fn script_to_estree_json(script: &Script, source: &str) -> String {
    let mut out = Estree::new(source, TokenLocator::for_script(source));
    out.script_program(script);
    out.w.finish()
}

pub(super) struct Estree<'a> {
    pub(super) w: JsonWriter,
    pub(super) source: &'a str,
    positions: LineIndex<'a>,
    pub(super) tokens: TokenLocator,
}

impl<'a> Estree<'a> {
    fn new(source: &'a str, tokens: TokenLocator) -> Estree<'a> {
        Estree {
            w: JsonWriter::new(),
            source,
            positions: LineIndex::new(source),
            tokens,
        }
    }

    /// The source text of a span (empty if the span is not in the source).
    pub(super) fn text(&self, span: Span) -> &'a str {
        self.source.get(span.range()).unwrap_or("")
    }

    fn position(&mut self, offset: u32) {
        let pos = self.positions.line_col(offset as usize);
        self.w.begin_object();
        self.w.key("line");
        self.w.uint(pos.line);
        self.w.key("column");
        self.w.uint(pos.column - 1);
        self.w.end_object();
    }

    /// Opens a node object and writes its `type`, `start`, `end` and `loc`;
    /// the caller writes the fields and calls [`Estree::close`].
    pub(super) fn open(&mut self, node_type: &str, span: Span) {
        self.w.begin_object();
        self.w.key("type");
        self.w.str(node_type);
        self.w.key("start");
        self.w.uint(span.start);
        self.w.key("end");
        self.w.uint(span.end);
        self.w.key("loc");
        self.w.begin_object();
        self.w.key("start");
        self.position(span.start);
        self.w.key("end");
        self.position(span.end);
        self.w.end_object();
    }

    pub(super) fn close(&mut self) {
        self.w.end_object();
    }

    /// A node with no fields beyond its position (`ThisExpression`, `Super`, ...).
    pub(super) fn leaf(&mut self, node_type: &str, span: Span) {
        self.open(node_type, span);
        self.close();
    }

    pub(super) fn key(&mut self, key: &str) {
        self.w.key(key);
    }

    pub(super) fn identifier(&mut self, name: &str, span: Span) {
        self.open("Identifier", span);
        self.key("name");
        self.w.str(name);
        self.close();
    }

    pub(super) fn ident(&mut self, id: &Ident) {
        self.identifier(&id.name, id.span);
    }

    pub(super) fn opt_ident(&mut self, id: Option<&Ident>) {
        match id {
            Some(id) => self.ident(id),
            None => self.w.null(),
        }
    }

    /// `#name`; the span is widened to include the `#` when the parser's
    /// span starts after it.
    pub(super) fn private_identifier(&mut self, name: &str, span: Span) {
        let mut span = span;
        if span.start > 0 && self.source.as_bytes().get(span.start as usize) != Some(&b'#') {
            span.start -= 1;
        }
        self.open("PrivateIdentifier", span);
        self.key("name");
        self.w.str(name);
        self.close();
    }

    pub(super) fn string_literal(&mut self, lit: &StringLit) {
        self.open("Literal", lit.span);
        self.key("value");
        self.w.utf16(&lit.value);
        self.key("raw");
        self.w.str(self.text(lit.span));
        self.close();
    }

    pub(super) fn opt_string_literal(&mut self, lit: Option<&StringLit>) {
        match lit {
            Some(lit) => self.string_literal(lit),
            None => self.w.null(),
        }
    }

    pub(super) fn module_export_name(&mut self, name: &ModuleExportName) {
        match name {
            ModuleExportName::Ident(id) => self.ident(id),
            ModuleExportName::Str(s) => self.string_literal(s),
        }
    }

    /// A `Literal`; `raw` is the literal's source text.
    pub(super) fn literal(&mut self, lit: &Literal, span: Span) {
        self.open("Literal", span);
        self.key("value");
        match lit {
            Literal::Null | Literal::BigInt(_) | Literal::Regex { .. } => self.w.null(),
            Literal::Bool(b) => self.w.bool(*b),
            Literal::Num(n) => self.w.number(*n),
            Literal::Str(s) => self.w.utf16(s),
        }
        self.key("raw");
        self.w.str(self.text(span));
        match lit {
            Literal::Regex { pattern, flags } => {
                self.key("regex");
                self.w.begin_object();
                self.w.key("pattern");
                self.w.utf16(pattern);
                self.w.key("flags");
                self.w.str(flags);
                self.w.end_object();
            }
            Literal::BigInt(digits) => {
                self.key("bigint");
                self.w.str(digits);
            }
            _ => {}
        }
        self.close();
    }
}
