//! Module structure: the module, its import and export declarations.

use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use super::*;
use crate::syntax::scope::{BindingRef, ModuleScope, ScriptScope};
use crate::syntax::span::Span;

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Module {
    pub body: Vec<ModuleItem>,
    pub span: Span,
    /// Set by scope analysis.
    #[serde(with = "crate::syntax::cache::serde_with::analysed")]
    pub scope: OnceCell<Box<ModuleScope>>,
}

/// A script: `vmjs run --script`, `Function(...)` bodies, test harnesses.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Script {
    pub body: Vec<Stmt>,
    pub span: Span,
    /// Set by scope analysis.
    #[serde(with = "crate::syntax::cache::serde_with::analysed")]
    pub scope: OnceCell<Box<ScriptScope>>,
    /// Whether the script is non-strict code: it has no Use Strict Directive
    /// (ECMA-262 §11.2.2). Set by the early-error walk; false (strict) by
    /// default.
    pub sloppy: Cell<bool>,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum ModuleItem {
    Import(ImportDecl),
    Export(ExportDecl),
    Stmt(Stmt),
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Ident {
    pub name: Name,
    pub span: Span,
    /// Where the binding this name refers to lives (set by scope analysis).
    pub binding: Cell<BindingRef>,
    /// What the evaluator keeps for a name it uses as a property key or a
    /// global (most identifiers are local bindings and never need it), made
    /// on first use so that an identifier takes 48 bytes, not 80.
    #[serde(skip)]
    cache: OnceCell<Box<IdentCache>>,
}

/// The evaluator's memo for an identifier used as a property name.
#[derive(Clone, Debug, Default)]
struct IdentCache {
    /// The name as UTF-16, made once (property keys and global lookups use it).
    units: OnceCell<JsString>,
    /// Where `o.name` last found an own data property.
    property_cache: PropertyCache,
}

/// An inline cache on a property name in the tree: the shape of the object
/// the evaluator last read the property from or wrote it to, as the object
/// model numbers shapes (0: empty), how far up its prototype chain the
/// property was (0: an own property; `PropertyCache::ADD`: a write that
/// added it), and the property's index in the holder's storage.
#[derive(Clone, Debug, Default)]
pub struct PropertyCache {
    pub shape: Cell<u64>,
    pub index: Cell<u32>,
    pub depth: Cell<u8>,
    /// How many times the cache was refilled for an inherited property; a
    /// site that keeps missing stops walking prototypes to refill it.
    pub refills: Cell<u8>,
    /// For an inherited property: which prototype the receiver had.
    pub proto: OnceCell<Box<ProtoGuard>>,
    /// A site that meets objects of several shapes (or prototypes) keeps
    /// entries for them here, made when the second one arrives: the cache
    /// is polymorphic up to `1 + POLYMORPHIC` entries.
    pub others: OnceCell<Box<[PropertyCache; PropertyCache::POLYMORPHIC]>>,
    /// Which of `others` a new receiver replaces when all are in use.
    pub next: Cell<u8>,
}

/// What an inherited-property cache entry depends on besides the
/// receiver's shape: the receiver's [[Prototype]] (its address, compared,
/// never followed) and the object model's prototype epoch, which moves
/// whenever a prototype gains or loses a key or changes its own
/// [[Prototype]], or an object becomes a prototype.
#[derive(Clone, Debug, Default)]
pub struct ProtoGuard {
    pub address: Cell<usize>,
    pub epoch: Cell<u64>,
    /// For a write that added the property: the shape the object moved to.
    pub transition: Cell<u64>,
}

impl PropertyCache {
    /// The `depth` of an entry recording a write that added the property.
    pub const ADD: u8 = u8::MAX;
    /// The `shape` of an entry on an identifier that names a property of
    /// the global object (no object shape has this number).
    pub const GLOBAL: u64 = u64::MAX;
    /// How many entries a site keeps beside its first.
    pub const POLYMORPHIC: usize = 3;

    /// The entries beside the first, if the site has needed them.
    pub fn others(&self) -> Option<&[PropertyCache]> {
        self.others.get().map(|others| &others[..])
    }

    /// The entry to fill for a receiver of shape `shape` whose property
    /// is its own (`proto`: None) or found through the prototype at
    /// address `proto`: the entry that records that pair already, else an
    /// empty one, else (in turn) one of the others.
    pub fn entry_for(&self, shape: u64, proto: Option<usize>) -> &PropertyCache {
        if self.records(shape, proto) {
            return self;
        }
        let others = self.others.get_or_init(Box::default);
        if let Some(entry) = others.iter().find(|e| e.records(shape, proto)) {
            return entry;
        }
        let i = usize::from(self.next.get()) % Self::POLYMORPHIC;
        self.next.set(((i + 1) % Self::POLYMORPHIC) as u8);
        &others[i]
    }

    /// Whether this entry is empty or records `shape` with `proto`.
    fn records(&self, shape: u64, proto: Option<usize>) -> bool {
        match self.shape.get() {
            0 => true,
            s if s != shape => false,
            _ => match proto {
                None => self.depth.get() == 0,
                Some(address) => {
                    self.depth.get() != 0
                        && self.proto.get().map(|g| g.address.get()) == Some(address)
                }
            },
        }
    }
}

impl Ident {
    pub fn new(name: Name, span: Span) -> Ident {
        Ident {
            name,
            span,
            binding: Cell::new(BindingRef::Unresolved),
            cache: OnceCell::new(),
        }
    }

    fn cache(&self) -> &IdentCache {
        self.cache.get_or_init(Box::default)
    }

    /// The name's UTF-16 code units, shared.
    pub fn units(&self) -> JsString {
        self.cache()
            .units
            .get_or_init(|| js_string(&self.name))
            .clone()
    }

    /// The inline cache of `o.name` (or of a global `name`) at this site.
    pub fn property_cache(&self) -> &PropertyCache {
        &self.cache().property_cache
    }
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct StringLit {
    pub value: JsString,
    pub span: Span,
}

/// ModuleExportName: an IdentifierName or a string literal.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum ModuleExportName {
    Ident(Ident),
    Str(StringLit),
}

/// `with { type: 'json' }`: one key/value pair (key is an IdentifierName or a string).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ImportAttribute {
    pub key: ModuleExportName,
    pub value: StringLit,
    pub span: Span,
}

/// The phase an import asks for: ModuleRequest's [[Phase]] in the
/// Deferring Module Evaluation and Source Phase Imports proposals
/// (spec-notes/18-import-phases.md).
#[derive(
    Copy, Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum ImportPhase {
    /// `~evaluation~`: link and evaluate the module (every ES2025 import).
    #[default]
    Evaluation,
    /// `~defer~`: `import defer * as ns`, `import.defer()`.
    Defer,
    /// `~source~`: `import source x`, `import.source()`.
    Source,
}

impl ImportPhase {
    /// The name Node's `moduleRequests` and the Rust API give the phase.
    pub fn name(self) -> &'static str {
        match self {
            ImportPhase::Evaluation => "evaluation",
            ImportPhase::Defer => "defer",
            ImportPhase::Source => "source",
        }
    }
}

/// Every import form. `import 'x'` has all three binding fields empty;
/// `import {} from 'x'` has `named == Some(vec![])`.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ImportDecl {
    /// The import phase: `import defer * as ns` and `import source x` name
    /// one; every other form is the evaluation phase.
    pub phase: ImportPhase,
    pub default: Option<Ident>,
    pub namespace: Option<Ident>,
    pub named: Option<Vec<ImportSpecifier>>,
    pub source: StringLit,
    pub attributes: Vec<ImportAttribute>,
    pub span: Span,
}

/// `imported as local`, or just `local` (then `imported` is None).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ImportSpecifier {
    pub imported: Option<ModuleExportName>,
    pub local: Ident,
    pub span: Span,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ExportDecl {
    pub kind: ExportKind,
    pub span: Span,
}

// Exports are few per module; boxing the declaration would only add a hop.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum ExportKind {
    /// `export var|let|const|function|class ...`
    Decl(Stmt),
    /// `export default AssignmentExpression;`
    DefaultExpr(Expr),
    /// `export default function [name] ...` (also async/generator forms).
    DefaultFunction(
        #[serde(with = "crate::syntax::cache::serde_with::shared_function")] Rc<Function>,
    ),
    /// `export default class [name] ...`
    DefaultClass(Rc<Class>),
    /// `export { a, b as c } [from 'm']`
    Named {
        specifiers: Vec<ExportSpecifier>,
        source: Option<StringLit>,
        attributes: Vec<ImportAttribute>,
    },
    /// `export * [as ns] from 'm'`
    All {
        exported: Option<ModuleExportName>,
        source: StringLit,
        attributes: Vec<ImportAttribute>,
    },
}

/// `local as exported`, or just `local` (then `exported` is None).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ExportSpecifier {
    pub local: ModuleExportName,
    pub exported: Option<ModuleExportName>,
    pub span: Span,
}
