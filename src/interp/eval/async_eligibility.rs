//! Which async function bodies can run without a coroutine: those whose
//! every `await` stands at a position the stackless runner (see
//! `stackless_async`) can resume from — a whole statement of the body's
//! statement list, or of a block or if branch standing there.
//!
//! The walks are iterative: a body nested up to the parser's limit cannot
//! exhaust the native stack.

use crate::syntax::ast::{
    AssignOp, ClassMember, Expr, ExprKind, ExprOrSpread, ForHead, ForInit, Function, FunctionBody,
    MemberProp, Pattern, PatternKind, PropKey, Stmt, StmtKind, VarDecl,
};
use crate::syntax::scope::{BindingRef, Implicit};

/// An `await` statement the stackless runner resumes: what it does with
/// the awaited value.
pub(crate) enum AwaitStmt<'a> {
    /// `await E;`
    Discard(&'a Expr),
    /// `x = await E;`
    Assign(&'a Pattern, &'a Expr),
    /// `const|let|var target = await E;`
    Declare(&'a Pattern, &'a Expr),
    /// `return await E;`
    Return(&'a Expr),
}

impl<'a> AwaitStmt<'a> {
    /// E, the operand of the statement's `await`.
    pub(crate) fn operand(&self) -> &'a Expr {
        match self {
            AwaitStmt::Discard(e)
            | AwaitStmt::Assign(_, e)
            | AwaitStmt::Declare(_, e)
            | AwaitStmt::Return(e) => e,
        }
    }
}

/// The await statement `stmt` is, if it has one of the resumable forms
/// (whatever its operand contains).
pub(crate) fn await_stmt(stmt: &Stmt) -> Option<AwaitStmt<'_>> {
    match &stmt.kind {
        StmtKind::Expr(e) => match &e.kind {
            ExprKind::Await(operand) => Some(AwaitStmt::Discard(operand)),
            ExprKind::Assign {
                op: AssignOp::Assign,
                target,
                value,
            } => match (&target.kind, &value.kind) {
                (PatternKind::Ident(id), ExprKind::Await(operand)) if is_static(id) => {
                    Some(AwaitStmt::Assign(target, operand))
                }
                _ => None,
            },
            _ => None,
        },
        StmtKind::Var(VarDecl { declarations, .. }) if declarations.len() == 1 => {
            let d = &declarations[0];
            let Some(Expr {
                kind: ExprKind::Await(operand),
                ..
            }) = &d.init
            else {
                return None;
            };
            match &d.target.kind {
                PatternKind::Ident(id) if !is_static(id) => None,
                _ => Some(AwaitStmt::Declare(&d.target, operand)),
            }
        }
        StmtKind::Return(Some(Expr {
            kind: ExprKind::Await(operand),
            ..
        })) => Some(AwaitStmt::Return(operand)),
        _ => None,
    }
}

/// Whether an identifier target resolves without a lookup by name: a
/// name found through `with` or a direct eval's variables is resolved
/// before the value is evaluated (the Reference outlives the await), which
/// the stackless runner does not keep.
fn is_static(id: &crate::syntax::ast::Ident) -> bool {
    id.binding.get() != BindingRef::Dynamic(Implicit::Name)
}

/// Whether `func`'s body may run on the stackless path: a plain async
/// function or async arrow whose every `await` is the operand of a
/// resumable statement (or of a concise body), with no `await` inside that
/// operand. A resumable statement stands in the body's statement list, or
/// in a block or an if statement's branch that does (level by level), and
/// the test of such an if statement does not await.
pub(crate) fn is_stackless_eligible(func: &Function) -> bool {
    if !func.is_async || func.is_generator {
        return false;
    }
    match &func.body {
        FunctionBody::Expr(e) => match &e.kind {
            ExprKind::Await(operand) => !contains_await(Node::Expr(operand)),
            _ => !contains_await(Node::Expr(e)),
        },
        FunctionBody::Block(stmts) => {
            // Iterative: blocks may nest as deep as the parser allows.
            let mut work: Vec<&Stmt> = stmts.iter().collect();
            while let Some(s) = work.pop() {
                if let Some(a) = await_stmt(s) {
                    if contains_await(Node::Expr(a.operand())) {
                        return false;
                    }
                    continue;
                }
                match &s.kind {
                    StmtKind::Block(inner) => work.extend(inner.iter()),
                    StmtKind::If {
                        test,
                        consequent,
                        alternate,
                    } => {
                        if contains_await(Node::Expr(test)) {
                            return false;
                        }
                        work.push(consequent);
                        work.extend(alternate.as_deref());
                    }
                    _ if contains_await(Node::Stmt(s)) => return false,
                    _ => {}
                }
            }
            true
        }
    }
}

/// A node the await search visits.
#[derive(Copy, Clone)]
pub(crate) enum Node<'a> {
    Expr(&'a Expr),
    Stmt(&'a Stmt),
    Pattern(&'a Pattern),
}

/// Whether an `await` (or `for await`) belonging to the enclosing function
/// occurs in `root`: nested functions are not entered (their awaits are
/// theirs), classes are entered except for their methods' bodies.
/// Conservative where the answer does not matter: a subtree too deep to
/// represent counts as containing one.
pub(crate) fn contains_await(root: Node<'_>) -> bool {
    let mut work = vec![root];
    while let Some(node) = work.pop() {
        match node {
            Node::Expr(e) => {
                if expr_children(e, &mut work) {
                    return true;
                }
            }
            Node::Stmt(s) => {
                if stmt_children(s, &mut work) {
                    return true;
                }
            }
            Node::Pattern(p) => {
                if pattern_children(p, &mut work) {
                    return true;
                }
            }
        }
    }
    false
}

fn push_args<'a>(args: &'a [ExprOrSpread], work: &mut Vec<Node<'a>>) {
    for a in args {
        match a {
            ExprOrSpread::Expr(e) | ExprOrSpread::Spread(e) => work.push(Node::Expr(e)),
        }
    }
}

fn push_key<'a>(key: &'a PropKey, work: &mut Vec<Node<'a>>) {
    if let PropKey::Computed(e) = key {
        work.push(Node::Expr(e));
    }
}

fn push_member_prop<'a>(prop: &'a MemberProp, work: &mut Vec<Node<'a>>) {
    if let MemberProp::Computed(e) = prop {
        work.push(Node::Expr(e));
    }
}

/// Queues an expression's children; true when the expression is an await
/// itself (or too deep to look into).
fn expr_children<'a>(e: &'a Expr, work: &mut Vec<Node<'a>>) -> bool {
    match &e.kind {
        ExprKind::Await(_) | ExprKind::TooDeep => return true,
        ExprKind::This(_)
        | ExprKind::Ident(_)
        | ExprKind::Lit(_)
        | ExprKind::NewTarget(_)
        | ExprKind::ImportMeta
        | ExprKind::Function(_)
        | ExprKind::Arrow(_) => {}
        ExprKind::Template(t) => work.extend(t.exprs.iter().map(Node::Expr)),
        ExprKind::TaggedTemplate { tag, quasi } => {
            work.push(Node::Expr(tag));
            work.extend(quasi.exprs.iter().map(Node::Expr));
        }
        ExprKind::Array(elems) => {
            for el in elems.iter().flatten() {
                match el {
                    ExprOrSpread::Expr(x) | ExprOrSpread::Spread(x) => work.push(Node::Expr(x)),
                }
            }
        }
        ExprKind::Object(props) => {
            use crate::syntax::ast::Prop;
            for p in props {
                match p {
                    Prop::KeyValue { key, value, .. } => {
                        push_key(key, work);
                        work.push(Node::Expr(value));
                    }
                    Prop::Shorthand(_) => {}
                    Prop::CoverInit { default, .. } => work.push(Node::Expr(default)),
                    Prop::Method { key, .. } => push_key(key, work),
                    Prop::Spread(x) => work.push(Node::Expr(x)),
                }
            }
        }
        ExprKind::Class(c) => {
            if class_has_await(c) {
                return true;
            }
        }
        ExprKind::Paren(x)
        | ExprKind::Unary { arg: x, .. }
        | ExprKind::Update { arg: x, .. }
        | ExprKind::PrivateIn { right: x, .. }
        | ExprKind::OptionalChain(x) => work.push(Node::Expr(x)),
        ExprKind::Binary { left, right, .. } | ExprKind::Logical { left, right, .. } => {
            work.push(Node::Expr(left));
            work.push(Node::Expr(right));
        }
        ExprKind::Assign { target, value, .. } => {
            work.push(Node::Pattern(target));
            work.push(Node::Expr(value));
        }
        ExprKind::Cond {
            test,
            consequent,
            alternate,
        } => {
            work.push(Node::Expr(test));
            work.push(Node::Expr(consequent));
            work.push(Node::Expr(alternate));
        }
        ExprKind::Call { callee, args, .. } => {
            work.push(Node::Expr(callee));
            push_args(args, work);
        }
        ExprKind::New { callee, args } => {
            work.push(Node::Expr(callee));
            if let Some(args) = args {
                push_args(args, work);
            }
        }
        ExprKind::Member { object, prop, .. } => {
            work.push(Node::Expr(object));
            push_member_prop(prop, work);
        }
        ExprKind::SuperMember { prop, .. } => push_member_prop(prop, work),
        ExprKind::SuperCall { args, .. } => push_args(args, work),
        ExprKind::Seq(xs) => work.extend(xs.iter().map(Node::Expr)),
        ExprKind::Yield { arg, .. } => work.extend(arg.iter().map(|x| Node::Expr(x))),
        ExprKind::ImportCall {
            specifier, options, ..
        } => {
            work.push(Node::Expr(specifier));
            work.extend(options.iter().map(|x| Node::Expr(x)));
        }
    }
    false
}

fn pattern_children<'a>(p: &'a Pattern, work: &mut Vec<Node<'a>>) -> bool {
    match &p.kind {
        PatternKind::TooDeep => return true,
        PatternKind::Ident(_) => {}
        PatternKind::Expr(e) => work.push(Node::Expr(e)),
        PatternKind::Object { props, rest } => {
            for prop in props {
                push_key(&prop.key, work);
                work.push(Node::Pattern(&prop.value));
                work.extend(prop.default.iter().map(Node::Expr));
            }
            work.extend(rest.iter().map(|r| Node::Pattern(r)));
        }
        PatternKind::Array { elems, rest } => {
            for el in elems.iter().flatten() {
                work.push(Node::Pattern(&el.target));
                work.extend(el.default.iter().map(Node::Expr));
            }
            work.extend(rest.iter().map(|r| Node::Pattern(r)));
        }
    }
    false
}

fn push_var_decl<'a>(decl: &'a VarDecl, work: &mut Vec<Node<'a>>) {
    for d in &decl.declarations {
        work.push(Node::Pattern(&d.target));
        work.extend(d.init.iter().map(Node::Expr));
    }
}

fn push_head<'a>(head: &'a ForHead, work: &mut Vec<Node<'a>>) {
    match head {
        ForHead::Var(_, p) | ForHead::Target(p) => work.push(Node::Pattern(p)),
    }
}

/// Queues a statement's children; true for `for await` (or a statement
/// too deep to look into).
fn stmt_children<'a>(s: &'a Stmt, work: &mut Vec<Node<'a>>) -> bool {
    match &s.kind {
        StmtKind::TooDeep => return true,
        StmtKind::ForOf { is_await: true, .. } => return true,
        StmtKind::Empty
        | StmtKind::Debugger
        | StmtKind::Continue(_)
        | StmtKind::Break(_)
        | StmtKind::Function(_)
        | StmtKind::Return(None) => {}
        StmtKind::Block(stmts) => work.extend(stmts.iter().map(Node::Stmt)),
        StmtKind::Expr(e) | StmtKind::Throw(e) | StmtKind::Return(Some(e)) => {
            work.push(Node::Expr(e))
        }
        StmtKind::If {
            test,
            consequent,
            alternate,
        } => {
            work.push(Node::Expr(test));
            work.push(Node::Stmt(consequent));
            work.extend(alternate.iter().map(|a| Node::Stmt(a)));
        }
        StmtKind::For {
            init,
            test,
            update,
            body,
        } => {
            match init.as_deref() {
                Some(ForInit::Var(decl)) => push_var_decl(decl, work),
                Some(ForInit::Expr(e)) => work.push(Node::Expr(e)),
                None => {}
            }
            work.extend(test.iter().map(|x| Node::Expr(x)));
            work.extend(update.iter().map(|x| Node::Expr(x)));
            work.push(Node::Stmt(body));
        }
        StmtKind::ForIn {
            left,
            right,
            body,
            initializer,
        } => {
            push_head(left, work);
            work.push(Node::Expr(right));
            work.push(Node::Stmt(body));
            work.extend(initializer.iter().map(|x| Node::Expr(x)));
        }
        StmtKind::ForOf {
            left, right, body, ..
        } => {
            push_head(left, work);
            work.push(Node::Expr(right));
            work.push(Node::Stmt(body));
        }
        StmtKind::While { test, body } | StmtKind::DoWhile { body, test } => {
            work.push(Node::Expr(test));
            work.push(Node::Stmt(body));
        }
        StmtKind::Labeled { body, .. } => work.push(Node::Stmt(body)),
        StmtKind::Switch {
            discriminant,
            cases,
        } => {
            work.push(Node::Expr(discriminant));
            for case in cases {
                work.extend(case.test.iter().map(Node::Expr));
                work.extend(case.body.iter().map(Node::Stmt));
            }
        }
        StmtKind::Try {
            block,
            handler,
            finalizer,
            ..
        } => {
            work.extend(block.iter().map(Node::Stmt));
            if let Some(h) = handler {
                work.extend(h.param.iter().map(Node::Pattern));
                work.extend(h.body.iter().map(Node::Stmt));
            }
            if let Some(fin) = finalizer {
                work.extend(fin.iter().map(Node::Stmt));
            }
        }
        StmtKind::With { object, body } => {
            work.push(Node::Expr(object));
            work.push(Node::Stmt(body));
        }
        StmtKind::Var(decl) => push_var_decl(decl, work),
        StmtKind::Class(c) => return class_has_await(c),
    }
    false
}

/// Whether a class's heritage, computed keys or field initialisers await
/// (the bodies of its methods and static blocks are functions of their own).
fn class_has_await(c: &crate::syntax::ast::Class) -> bool {
    if c.super_class
        .as_deref()
        .is_some_and(|s| contains_await(Node::Expr(s)))
    {
        return true;
    }
    c.members.iter().any(|m| match m {
        ClassMember::Method { key, .. } => key_has_await(key),
        ClassMember::Field { key, value, .. } | ClassMember::Accessor { key, value, .. } => {
            key_has_await(key)
                || value
                    .as_ref()
                    .is_some_and(|v| contains_await(Node::Expr(v)))
        }
        _ => false,
    })
}

fn key_has_await(key: &PropKey) -> bool {
    match key {
        PropKey::Computed(e) => contains_await(Node::Expr(e)),
        _ => false,
    }
}
