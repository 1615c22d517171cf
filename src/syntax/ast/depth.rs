//! Depth-checked constructors: every `Expr`, `Stmt` and `Pattern` records
//! its nesting depth, and a node deeper than [`MAX_NESTING`] becomes `TooDeep`.

use super::*;
use crate::syntax::span::Span;

/// The deepest nesting of expressions, statements and patterns the parser
/// accepts. Deeper input is a SyntaxError, so every later recursive pass
/// (early errors, scope analysis, the evaluator, `Drop`) is bounded.
pub const MAX_NESTING: u32 = 2000;

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
        self.expr().depth
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
            This(_) | Ident(_) | Lit(_) | NewTarget(_) | ImportMeta | TooDeep => 0,
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
            SuperMember { prop, .. } => prop.depth(),
            SuperCall { args, .. } => depth_of_args(args),
            Seq(exprs) => exprs.iter().map(|e| e.depth).max().unwrap_or(0),
            Yield { arg, .. } => opt_depth(arg, |e| e.depth),
            ImportCall {
                specifier, options, ..
            } => specifier.depth.max(opt_depth(options, |e| e.depth)),
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
                let init = opt_depth(&init.as_deref(), |i| match i {
                    ForInit::Var(v) => v.depth(),
                    ForInit::Expr(e) => e.depth,
                });
                init.max(opt_depth(test, |e| e.depth))
                    .max(opt_depth(update, |e| e.depth))
                    .max(body.depth)
            }
            ForIn {
                left,
                right,
                body,
                initializer,
            } => left
                .depth()
                .max(opt_depth(initializer, |e| e.depth))
                .max(right.depth)
                .max(body.depth),
            ForOf {
                left, right, body, ..
            } => left.depth().max(right.depth).max(body.depth),
            While { test, body } | DoWhile { body, test } => test.depth.max(body.depth),
            Return(e) => opt_depth(e, |e| e.depth),
            Labeled { body, .. } => body.depth,
            With { object, body } => object.depth.max(body.depth),
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
                ..
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
                scope: Default::default(),
            };
        }
        Stmt {
            kind,
            span,
            depth,
            scope: Default::default(),
        }
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
