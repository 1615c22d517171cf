//! The abstract syntax tree of an ECMAScript module.
//!
//! Every node keeps its byte span. `Expr`, `Stmt` and `Pattern` also record
//! their nesting depth, computed by their constructors from their children:
//! the parser refuses trees deeper than [`MAX_NESTING`] (a SyntaxError
//! instead of a Rust stack overflow when such a tree is walked or dropped).
//! A constructor whose node would be too deep returns a `TooDeep` node in its
//! place (its children are dropped there, while still shallow); the parser
//! turns the first `TooDeep` into the SyntaxError.
//!
//! Functions and classes sit behind `Rc` so that the evaluator can share them
//! with the closures it creates without copying bodies.

use std::rc::Rc;

use super::span::Span;

/// An identifier name (never contains lone surrogates).
pub type Name = Rc<str>;
/// A string value as UTF-16 code units (string literals may hold lone surrogates).
pub type JsString = Rc<[u16]>;

/// The deepest nesting of expressions, statements and patterns the parser
/// accepts. Deeper input is a SyntaxError, so every later recursive pass
/// (early errors, scope analysis, the evaluator, `Drop`) is bounded.
pub const MAX_NESTING: u32 = 2000;

/// Encodes a Rust string as a `JsString`.
pub fn js_string(s: &str) -> JsString {
    s.encode_utf16().collect::<Vec<u16>>().into()
}

/// Decodes a `JsString`, replacing lone surrogates with U+FFFD.
pub fn js_string_lossy(s: &[u16]) -> String {
    String::from_utf16_lossy(s)
}

// ---------------------------------------------------------------------------
// Module structure
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
pub struct Module {
    pub body: Vec<ModuleItem>,
    pub span: Span,
}

/// A script (test262's non-module tests); vmjs itself only runs modules.
#[derive(Clone, Debug)]
pub struct Script {
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum ModuleItem {
    Import(ImportDecl),
    Export(ExportDecl),
    Stmt(Stmt),
}

#[derive(Clone, Debug)]
pub struct Ident {
    pub name: Name,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct StringLit {
    pub value: JsString,
    pub span: Span,
}

/// ModuleExportName: an IdentifierName or a string literal.
#[derive(Clone, Debug)]
pub enum ModuleExportName {
    Ident(Ident),
    Str(StringLit),
}

/// `with { type: 'json' }`: one key/value pair (key is an IdentifierName or a string).
#[derive(Clone, Debug)]
pub struct ImportAttribute {
    pub key: ModuleExportName,
    pub value: StringLit,
    pub span: Span,
}

/// Every import form. `import 'x'` has all three binding fields empty;
/// `import {} from 'x'` has `named == Some(vec![])`.
#[derive(Clone, Debug)]
pub struct ImportDecl {
    pub default: Option<Ident>,
    pub namespace: Option<Ident>,
    pub named: Option<Vec<ImportSpecifier>>,
    pub source: StringLit,
    pub attributes: Vec<ImportAttribute>,
    pub span: Span,
}

/// `imported as local`, or just `local` (then `imported` is None).
#[derive(Clone, Debug)]
pub struct ImportSpecifier {
    pub imported: Option<ModuleExportName>,
    pub local: Ident,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct ExportDecl {
    pub kind: ExportKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum ExportKind {
    /// `export var|let|const|function|class ...`
    Decl(Stmt),
    /// `export default AssignmentExpression;`
    DefaultExpr(Expr),
    /// `export default function [name] ...` (also async/generator forms).
    DefaultFunction(Rc<Function>),
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
#[derive(Clone, Debug)]
pub struct ExportSpecifier {
    pub local: ModuleExportName,
    pub exported: Option<ModuleExportName>,
    pub span: Span,
}

// ---------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
    pub depth: u32,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum VarKind {
    Var,
    Let,
    Const,
}

#[derive(Clone, Debug)]
pub struct VarDecl {
    pub kind: VarKind,
    pub declarations: Vec<VarDeclarator>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct VarDeclarator {
    pub target: Pattern,
    pub init: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum ForInit {
    Var(VarDecl),
    Expr(Expr),
}

/// The left side of for-in / for-of.
#[derive(Clone, Debug)]
pub enum ForHead {
    /// `for (var|let|const target of ...)` (a single declarator, no initialiser
    /// except the legacy for-in case, which is an error in strict code).
    Var(VarKind, Pattern),
    /// `for (target of ...)`: an assignment target.
    Target(Pattern),
}

#[derive(Clone, Debug)]
pub struct SwitchCase {
    /// None for `default:`.
    pub test: Option<Expr>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct CatchClause {
    /// None for `catch { }` (optional catch binding).
    pub param: Option<Pattern>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Block(Vec<Stmt>),
    Empty,
    Expr(Expr),
    If {
        test: Expr,
        consequent: Box<Stmt>,
        alternate: Option<Box<Stmt>>,
    },
    For {
        init: Option<ForInit>,
        test: Option<Expr>,
        update: Option<Expr>,
        body: Box<Stmt>,
    },
    ForIn {
        left: ForHead,
        right: Expr,
        body: Box<Stmt>,
    },
    ForOf {
        left: ForHead,
        right: Expr,
        body: Box<Stmt>,
        is_await: bool,
    },
    While {
        test: Expr,
        body: Box<Stmt>,
    },
    DoWhile {
        body: Box<Stmt>,
        test: Expr,
    },
    Continue(Option<Ident>),
    Break(Option<Ident>),
    Return(Option<Expr>),
    Labeled {
        label: Ident,
        body: Box<Stmt>,
    },
    Switch {
        discriminant: Expr,
        cases: Vec<SwitchCase>,
    },
    Throw(Expr),
    Try {
        block: Vec<Stmt>,
        handler: Option<CatchClause>,
        finalizer: Option<Vec<Stmt>>,
    },
    Debugger,
    /// `var` / `let` / `const` declarations.
    Var(VarDecl),
    /// Function, generator, async function and async generator declarations.
    Function(Rc<Function>),
    Class(Rc<Class>),
    /// Stands in for a subtree deeper than [`MAX_NESTING`].
    TooDeep,
}

// ---------------------------------------------------------------------------
// Functions and classes
// ---------------------------------------------------------------------------

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FunctionKind {
    /// `function` declarations and expressions.
    Normal,
    Arrow,
    /// Object-literal and class methods (including `*m(){}`, `async m(){}`).
    Method,
    Getter,
    Setter,
    /// A class's `constructor(...) {...}`.
    ClassConstructor,
}

#[derive(Clone, Debug)]
pub struct Param {
    pub target: Pattern,
    pub default: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum FunctionBody {
    Block(Vec<Stmt>),
    /// The concise body of an arrow function: `x => x + 1`.
    Expr(Box<Expr>),
}

#[derive(Clone, Debug)]
pub struct Function {
    pub name: Option<Ident>,
    pub kind: FunctionKind,
    pub is_async: bool,
    pub is_generator: bool,
    pub params: Vec<Param>,
    /// `...rest` parameter.
    pub rest: Option<Pattern>,
    pub body: FunctionBody,
    pub span: Span,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum MethodKind {
    Method,
    Get,
    Set,
}

#[derive(Clone, Debug)]
pub enum ClassMember {
    /// `constructor(...) {...}` (kind `FunctionKind::ClassConstructor`).
    Constructor(Rc<Function>),
    Method {
        key: PropKey,
        kind: MethodKind,
        is_static: bool,
        func: Rc<Function>,
        span: Span,
    },
    Field {
        key: PropKey,
        value: Option<Expr>,
        is_static: bool,
        span: Span,
    },
    /// `accessor x = v;` (auto-accessor).
    Accessor {
        key: PropKey,
        value: Option<Expr>,
        is_static: bool,
        span: Span,
    },
    StaticBlock {
        body: Vec<Stmt>,
        span: Span,
    },
}

#[derive(Clone, Debug)]
pub struct Class {
    pub name: Option<Ident>,
    pub super_class: Option<Box<Expr>>,
    pub members: Vec<ClassMember>,
    pub span: Span,
}

// ---------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
    pub depth: u32,
}

#[derive(Clone, Debug)]
pub enum PropKey {
    /// An IdentifierName (also reserved words: `{ if: 1 }`).
    Ident(Name),
    Str(JsString),
    Num(f64),
    /// A BigInt literal key, its digits in decimal.
    BigInt(Name),
    Computed(Box<Expr>),
    /// `#x` (classes only).
    Private(Name),
}

#[derive(Clone, Debug)]
pub enum Prop {
    /// `key: value` (a `__proto__: v` entry is this with `PropKey::Ident("__proto__")`
    /// or `PropKey::Str("__proto__")`).
    KeyValue {
        key: PropKey,
        value: Expr,
        span: Span,
    },
    /// `{ x }`
    Shorthand(Ident),
    /// `{ x = 1 }`: only valid when the literal is reinterpreted as an
    /// assignment pattern (CoverInitializedName).
    CoverInit {
        name: Ident,
        default: Expr,
        span: Span,
    },
    Method {
        key: PropKey,
        kind: MethodKind,
        func: Rc<Function>,
        span: Span,
    },
    /// `{ ...obj }`
    Spread(Expr),
}

/// An element of an argument list or array literal.
#[derive(Clone, Debug)]
pub enum ExprOrSpread {
    Expr(Expr),
    Spread(Expr),
}

#[derive(Clone, Debug)]
pub struct Template {
    /// One more quasi than expressions.
    pub quasis: Vec<super::token::TemplatePart>,
    pub exprs: Vec<Expr>,
}

#[derive(Clone, Debug)]
pub enum Literal {
    Null,
    Bool(bool),
    Num(f64),
    Str(JsString),
    /// Digits in decimal.
    BigInt(Name),
    Regex {
        pattern: JsString,
        flags: Name,
    },
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Minus,
    Plus,
    Not,
    BitNot,
    Typeof,
    Void,
    Delete,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum UpdateOp {
    Increment,
    Decrement,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    EqEq,
    NotEq,
    EqEqEq,
    NotEqEq,
    Lt,
    LtEq,
    Gt,
    GtEq,
    Shl,
    Shr,
    UShr,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Exp,
    BitOr,
    BitXor,
    BitAnd,
    In,
    Instanceof,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum LogicalOp {
    And,
    Or,
    Nullish,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum AssignOp {
    Assign,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Exp,
    Shl,
    Shr,
    UShr,
    BitOr,
    BitXor,
    BitAnd,
    And,
    Or,
    Nullish,
}

#[derive(Clone, Debug)]
pub enum MemberProp {
    /// `.name`
    Ident(Ident),
    /// `.#name`
    Private(Ident),
    /// `[expr]`
    Computed(Box<Expr>),
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    This,
    Ident(Ident),
    Lit(Literal),
    Template(Template),
    TaggedTemplate {
        tag: Box<Expr>,
        quasi: Template,
    },
    /// `[a, , ...b]`: holes are None.
    Array(Vec<Option<ExprOrSpread>>),
    Object(Vec<Prop>),
    /// Function, generator and async function expressions.
    Function(Rc<Function>),
    Arrow(Rc<Function>),
    Class(Rc<Class>),
    /// `( expr )`: kept because early errors and assignment targets depend on it.
    Paren(Box<Expr>),
    Unary {
        op: UnaryOp,
        arg: Box<Expr>,
    },
    Update {
        op: UpdateOp,
        prefix: bool,
        arg: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    Logical {
        op: LogicalOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// `#x in obj`
    PrivateIn {
        name: Ident,
        right: Box<Expr>,
    },
    Assign {
        op: AssignOp,
        /// For `=`, a destructuring pattern or a simple target; for compound
        /// operators always a simple target (`Pattern::Ident` or `Pattern::Expr`).
        target: Box<Pattern>,
        value: Box<Expr>,
    },
    Cond {
        test: Box<Expr>,
        consequent: Box<Expr>,
        alternate: Box<Expr>,
    },
    Call {
        callee: Box<Expr>,
        args: Vec<ExprOrSpread>,
        /// `f?.()`
        optional: bool,
    },
    New {
        callee: Box<Expr>,
        /// None for `new C` without parentheses.
        args: Option<Vec<ExprOrSpread>>,
    },
    Member {
        object: Box<Expr>,
        prop: MemberProp,
        /// `a?.b`
        optional: bool,
    },
    /// The whole of `a?.b.c()`: optional links inside it short-circuit to
    /// the end of this node.
    OptionalChain(Box<Expr>),
    /// `super.x` / `super[x]`
    SuperMember(MemberProp),
    /// `super(...)`
    SuperCall(Vec<ExprOrSpread>),
    Seq(Vec<Expr>),
    Yield {
        arg: Option<Box<Expr>>,
        delegate: bool,
    },
    Await(Box<Expr>),
    NewTarget,
    ImportMeta,
    /// `import(specifier [, options])`
    ImportCall {
        specifier: Box<Expr>,
        options: Option<Box<Expr>>,
    },
    /// Stands in for a subtree deeper than [`MAX_NESTING`].
    TooDeep,
}

// ---------------------------------------------------------------------------
// Patterns (binding and assignment targets)
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
pub struct Pattern {
    pub kind: PatternKind,
    pub span: Span,
    pub depth: u32,
}

#[derive(Clone, Debug)]
pub struct ObjectPatternProp {
    pub key: PropKey,
    pub value: Pattern,
    pub default: Option<Expr>,
    /// `{ x }` / `{ x = 1 }` rather than `{ x: y }`.
    pub shorthand: bool,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct PatternElem {
    pub target: Pattern,
    pub default: Option<Expr>,
}

#[derive(Clone, Debug)]
pub enum PatternKind {
    Ident(Ident),
    Object {
        props: Vec<ObjectPatternProp>,
        rest: Option<Box<Pattern>>,
    },
    /// Holes are None.
    Array {
        elems: Vec<Option<PatternElem>>,
        rest: Option<Box<Pattern>>,
    },
    /// A member expression as an assignment target (`a.b = 1`, `[o.x] = arr`).
    Expr(Box<Expr>),
    /// Stands in for a subtree deeper than [`MAX_NESTING`].
    TooDeep,
}

// ---------------------------------------------------------------------------
// Depth-checked constructors
// ---------------------------------------------------------------------------

fn depth_of_stmts(stmts: &[Stmt]) -> u32 {
    stmts.iter().map(|s| s.depth).max().unwrap_or(0)
}

fn depth_of_args(args: &[ExprOrSpread]) -> u32 {
    args.iter().map(ExprOrSpread::depth).max().unwrap_or(0)
}

fn opt_depth<T>(x: &Option<T>, f: impl Fn(&T) -> u32) -> u32 {
    x.as_ref().map(f).unwrap_or(0)
}

impl ExprOrSpread {
    pub fn depth(&self) -> u32 {
        match self {
            ExprOrSpread::Expr(e) | ExprOrSpread::Spread(e) => e.depth,
        }
    }
}

impl PropKey {
    pub fn depth(&self) -> u32 {
        match self {
            PropKey::Computed(e) => e.depth,
            _ => 0,
        }
    }
}

impl MemberProp {
    pub fn depth(&self) -> u32 {
        match self {
            MemberProp::Computed(e) => e.depth,
            _ => 0,
        }
    }
}

impl Template {
    pub fn depth(&self) -> u32 {
        self.exprs.iter().map(|e| e.depth).max().unwrap_or(0)
    }
}

impl Function {
    /// The depth of the deepest node inside this function.
    pub fn depth(&self) -> u32 {
        let params = self
            .params
            .iter()
            .map(|p| p.target.depth.max(opt_depth(&p.default, |e| e.depth)))
            .max()
            .unwrap_or(0);
        let body = match &self.body {
            FunctionBody::Block(stmts) => depth_of_stmts(stmts),
            FunctionBody::Expr(e) => e.depth,
        };
        params.max(opt_depth(&self.rest, |p| p.depth)).max(body)
    }
}

impl ClassMember {
    pub fn depth(&self) -> u32 {
        match self {
            ClassMember::Constructor(f) => f.depth(),
            ClassMember::Method { key, func, .. } => key.depth().max(func.depth()),
            ClassMember::Field { key, value, .. } | ClassMember::Accessor { key, value, .. } => {
                key.depth().max(opt_depth(value, |e| e.depth))
            }
            ClassMember::StaticBlock { body, .. } => depth_of_stmts(body),
        }
    }
}

impl Class {
    pub fn depth(&self) -> u32 {
        let members = self
            .members
            .iter()
            .map(ClassMember::depth)
            .max()
            .unwrap_or(0);
        members.max(opt_depth(&self.super_class, |e| e.depth))
    }
}

impl Prop {
    pub fn depth(&self) -> u32 {
        match self {
            Prop::KeyValue { key, value, .. } => key.depth().max(value.depth),
            Prop::Shorthand(_) => 0,
            Prop::CoverInit { default, .. } => default.depth,
            Prop::Method { key, func, .. } => key.depth().max(func.depth()),
            Prop::Spread(e) => e.depth,
        }
    }
}

impl VarDecl {
    pub fn depth(&self) -> u32 {
        self.declarations
            .iter()
            .map(|d| d.target.depth.max(opt_depth(&d.init, |e| e.depth)))
            .max()
            .unwrap_or(0)
    }
}

impl ForHead {
    pub fn depth(&self) -> u32 {
        match self {
            ForHead::Var(_, p) | ForHead::Target(p) => p.depth,
        }
    }
}

impl ExprKind {
    /// The greatest depth among this node's direct children.
    fn child_depth(&self) -> u32 {
        use ExprKind::*;
        match self {
            This | Ident(_) | Lit(_) | NewTarget | ImportMeta | TooDeep => 0,
            Template(t) => t.depth(),
            TaggedTemplate { tag, quasi } => tag.depth.max(quasi.depth()),
            Array(elems) => elems
                .iter()
                .map(|e| opt_depth(e, ExprOrSpread::depth))
                .max()
                .unwrap_or(0),
            Object(props) => props.iter().map(Prop::depth).max().unwrap_or(0),
            Function(f) | Arrow(f) => f.depth(),
            Class(c) => c.depth(),
            Paren(e) | Unary { arg: e, .. } | Update { arg: e, .. } | Await(e) => e.depth,
            OptionalChain(e) => e.depth,
            Binary { left, right, .. } | Logical { left, right, .. } => left.depth.max(right.depth),
            PrivateIn { right, .. } => right.depth,
            Assign { target, value, .. } => target.depth.max(value.depth),
            Cond {
                test,
                consequent,
                alternate,
            } => test.depth.max(consequent.depth).max(alternate.depth),
            Call { callee, args, .. } => callee.depth.max(depth_of_args(args)),
            New { callee, args } => callee.depth.max(opt_depth(args, |a| depth_of_args(a))),
            Member { object, prop, .. } => object.depth.max(prop.depth()),
            SuperMember(prop) => prop.depth(),
            SuperCall(args) => depth_of_args(args),
            Seq(exprs) => exprs.iter().map(|e| e.depth).max().unwrap_or(0),
            Yield { arg, .. } => opt_depth(arg, |e| e.depth),
            ImportCall { specifier, options } => {
                specifier.depth.max(opt_depth(options, |e| e.depth))
            }
        }
    }
}

impl StmtKind {
    fn child_depth(&self) -> u32 {
        use StmtKind::*;
        match self {
            Empty | Continue(_) | Break(_) | Debugger | TooDeep => 0,
            Block(stmts) => depth_of_stmts(stmts),
            Expr(e) | Throw(e) => e.depth,
            If {
                test,
                consequent,
                alternate,
            } => test
                .depth
                .max(consequent.depth)
                .max(opt_depth(alternate, |s| s.depth)),
            For {
                init,
                test,
                update,
                body,
            } => {
                let init = opt_depth(init, |i| match i {
                    ForInit::Var(v) => v.depth(),
                    ForInit::Expr(e) => e.depth,
                });
                init.max(opt_depth(test, |e| e.depth))
                    .max(opt_depth(update, |e| e.depth))
                    .max(body.depth)
            }
            ForIn { left, right, body }
            | ForOf {
                left, right, body, ..
            } => left.depth().max(right.depth).max(body.depth),
            While { test, body } | DoWhile { body, test } => test.depth.max(body.depth),
            Return(e) => opt_depth(e, |e| e.depth),
            Labeled { body, .. } => body.depth,
            Switch {
                discriminant,
                cases,
            } => cases
                .iter()
                .map(|c| opt_depth(&c.test, |e| e.depth).max(depth_of_stmts(&c.body)))
                .max()
                .unwrap_or(0)
                .max(discriminant.depth),
            Try {
                block,
                handler,
                finalizer,
            } => {
                let handler = opt_depth(handler, |h| {
                    opt_depth(&h.param, |p| p.depth).max(depth_of_stmts(&h.body))
                });
                depth_of_stmts(block)
                    .max(handler)
                    .max(opt_depth(finalizer, |f| depth_of_stmts(f)))
            }
            Var(v) => v.depth(),
            Function(f) => f.depth(),
            Class(c) => c.depth(),
        }
    }
}

impl PatternKind {
    fn child_depth(&self) -> u32 {
        match self {
            PatternKind::Ident(_) | PatternKind::TooDeep => 0,
            PatternKind::Object { props, rest } => props
                .iter()
                .map(|p| {
                    p.key
                        .depth()
                        .max(p.value.depth)
                        .max(opt_depth(&p.default, |e| e.depth))
                })
                .max()
                .unwrap_or(0)
                .max(opt_depth(rest, |r| r.depth)),
            PatternKind::Array { elems, rest } => elems
                .iter()
                .map(|e| {
                    opt_depth(e, |e| {
                        e.target.depth.max(opt_depth(&e.default, |d| d.depth))
                    })
                })
                .max()
                .unwrap_or(0)
                .max(opt_depth(rest, |r| r.depth)),
            PatternKind::Expr(e) => e.depth,
        }
    }
}

impl Expr {
    /// Builds a node, or a `TooDeep` stand-in when it would nest deeper than
    /// [`MAX_NESTING`].
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        let depth = kind.child_depth() + 1;
        if depth > MAX_NESTING {
            return Expr {
                kind: ExprKind::TooDeep,
                span,
                depth: 1,
            };
        }
        Expr { kind, span, depth }
    }
}

impl Stmt {
    /// Builds a node, or a `TooDeep` stand-in when it would nest deeper than
    /// [`MAX_NESTING`].
    pub fn new(kind: StmtKind, span: Span) -> Stmt {
        let depth = kind.child_depth() + 1;
        if depth > MAX_NESTING {
            return Stmt {
                kind: StmtKind::TooDeep,
                span,
                depth: 1,
            };
        }
        Stmt { kind, span, depth }
    }
}

impl Pattern {
    /// Builds a node, or a `TooDeep` stand-in when it would nest deeper than
    /// [`MAX_NESTING`].
    pub fn new(kind: PatternKind, span: Span) -> Pattern {
        let depth = kind.child_depth() + 1;
        if depth > MAX_NESTING {
            return Pattern {
                kind: PatternKind::TooDeep,
                span,
                depth: 1,
            };
        }
        Pattern { kind, span, depth }
    }
}
