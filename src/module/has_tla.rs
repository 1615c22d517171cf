//! [[HasTLA]]: whether a module body contains `await` outside any function
//! (ParseModule step 11, "Let async be body Contains `await`", §16.2.1.7.1).

use crate::syntax::ast::{
    Class, ClassMember, ExportKind, Expr, ExprKind, ExprOrSpread, ForHead, ForInit, MemberProp,
    Module, ModuleItem, Pattern, PatternKind, Prop, PropKey, Stmt, StmtKind,
};

/// A node the `await` search visits.
#[derive(Copy, Clone)]
pub enum Node<'a> {
    Expr(&'a Expr),
    Stmt(&'a Stmt),
    Pattern(&'a Pattern),
}

/// Contains `await` (an AwaitExpression or `for await`) in the module's own
/// code: functions, methods, field initialisers and static blocks are their
/// own code; class heritage and computed keys are the module's.
// Deviation: iterative (an explicit stack of nodes).
pub fn module_contains_await(module: &Module) -> bool {
    let mut stack: Vec<Node> = Vec::new();
    for item in &module.body {
        match item {
            ModuleItem::Stmt(s) => stack.push(Node::Stmt(s)),
            ModuleItem::Export(e) => match &e.kind {
                ExportKind::Decl(s) => stack.push(Node::Stmt(s)),
                ExportKind::DefaultExpr(x) => stack.push(Node::Expr(x)),
                ExportKind::DefaultClass(c) => push_class(&mut stack, c),
                _ => {}
            },
            ModuleItem::Import(_) => {}
        }
    }
    search(stack)
}

/// Contains `await` (an AwaitExpression or `for await`) in `root`'s own
/// code, with the module's rules above: an async function body asks this of
/// its statements and expressions (the awaits of nested functions are
/// theirs).
pub fn contains_await(root: Node<'_>) -> bool {
    search(vec![root])
}

fn search(mut stack: Vec<Node<'_>>) -> bool {
    while let Some(node) = stack.pop() {
        match node {
            Node::Expr(e) => {
                if push_expr_children(&mut stack, e) {
                    return true;
                }
            }
            Node::Stmt(s) => {
                if push_stmt_children(&mut stack, s) {
                    return true;
                }
            }
            Node::Pattern(p) => push_pattern_children(&mut stack, p),
        }
    }
    false
}

fn push_class<'a>(stack: &mut Vec<Node<'a>>, class: &'a Class) {
    if let Some(h) = &class.super_class {
        stack.push(Node::Expr(h));
    }
    for m in &class.members {
        match m {
            ClassMember::Method { key, .. }
            | ClassMember::Field { key, .. }
            | ClassMember::Accessor { key, .. } => push_key(stack, key),
            ClassMember::Constructor(_) | ClassMember::StaticBlock { .. } => {}
        }
    }
}

fn push_key<'a>(stack: &mut Vec<Node<'a>>, key: &'a PropKey) {
    if let PropKey::Computed(e) = key {
        stack.push(Node::Expr(e));
    }
}

fn push_args<'a>(stack: &mut Vec<Node<'a>>, args: &'a [ExprOrSpread]) {
    for a in args {
        stack.push(Node::Expr(a.expr()));
    }
}

fn push_member<'a>(stack: &mut Vec<Node<'a>>, prop: &'a MemberProp) {
    if let MemberProp::Computed(e) = prop {
        stack.push(Node::Expr(e));
    }
}

/// Pushes an expression's children; true if it is an `await`.
fn push_expr_children<'a>(stack: &mut Vec<Node<'a>>, e: &'a Expr) -> bool {
    use ExprKind::*;
    match &e.kind {
        Await(_) => return true,
        This(_) | Ident(_) | Lit(_) | NewTarget(_) | ImportMeta | TooDeep => {}
        Function(_) | Arrow(_) => {}
        Class(c) => push_class(stack, c),
        Template(t) => stack.extend(t.exprs.iter().map(Node::Expr)),
        TaggedTemplate { tag, quasi } => {
            stack.push(Node::Expr(tag));
            stack.extend(quasi.exprs.iter().map(Node::Expr));
        }
        Array(elems) => {
            for el in elems.iter().flatten() {
                stack.push(Node::Expr(el.expr()));
            }
        }
        Object(props) => {
            for p in props {
                match p {
                    Prop::KeyValue { key, value, .. } => {
                        push_key(stack, key);
                        stack.push(Node::Expr(value));
                    }
                    Prop::Shorthand(_) => {}
                    Prop::CoverInit { default, .. } => stack.push(Node::Expr(default)),
                    Prop::Method { key, .. } => push_key(stack, key),
                    Prop::Spread(x) => stack.push(Node::Expr(x)),
                }
            }
        }
        Paren(x) | Unary { arg: x, .. } | Update { arg: x, .. } | OptionalChain(x) => {
            stack.push(Node::Expr(x))
        }
        Binary { left, right, .. } | Logical { left, right, .. } => {
            stack.push(Node::Expr(left));
            stack.push(Node::Expr(right));
        }
        PrivateIn { right, .. } => stack.push(Node::Expr(right)),
        Assign { target, value, .. } => {
            stack.push(Node::Pattern(target));
            stack.push(Node::Expr(value));
        }
        Cond {
            test,
            consequent,
            alternate,
        } => {
            stack.push(Node::Expr(test));
            stack.push(Node::Expr(consequent));
            stack.push(Node::Expr(alternate));
        }
        Call { callee, args, .. } => {
            stack.push(Node::Expr(callee));
            push_args(stack, args);
        }
        New { callee, args } => {
            stack.push(Node::Expr(callee));
            if let Some(args) = args {
                push_args(stack, args);
            }
        }
        Member { object, prop, .. } => {
            stack.push(Node::Expr(object));
            push_member(stack, prop);
        }
        SuperMember { prop, .. } => push_member(stack, prop),
        SuperCall { args, .. } => push_args(stack, args),
        Seq(xs) => stack.extend(xs.iter().map(Node::Expr)),
        Yield { arg, .. } => {
            if let Some(a) = arg {
                stack.push(Node::Expr(a));
            }
        }
        ImportCall {
            specifier, options, ..
        } => {
            stack.push(Node::Expr(specifier));
            if let Some(o) = options {
                stack.push(Node::Expr(o));
            }
        }
    }
    false
}

fn push_for_head<'a>(stack: &mut Vec<Node<'a>>, head: &'a ForHead) {
    match head {
        ForHead::Var(_, p) | ForHead::Target(p) => stack.push(Node::Pattern(p)),
    }
}

fn push_stmts<'a>(stack: &mut Vec<Node<'a>>, stmts: &'a [Stmt]) {
    stack.extend(stmts.iter().map(Node::Stmt));
}

/// Pushes a statement's children; true if it is a `for await`.
fn push_stmt_children<'a>(stack: &mut Vec<Node<'a>>, s: &'a Stmt) -> bool {
    use StmtKind::*;
    match &s.kind {
        ForOf { is_await: true, .. } => return true,
        Empty | Continue(_) | Break(_) | Debugger | TooDeep | Function(_) => {}
        Block(stmts) => push_stmts(stack, stmts),
        Expr(e) | Throw(e) => stack.push(Node::Expr(e)),
        If {
            test,
            consequent,
            alternate,
        } => {
            stack.push(Node::Expr(test));
            stack.push(Node::Stmt(consequent));
            if let Some(a) = alternate {
                stack.push(Node::Stmt(a));
            }
        }
        For {
            init,
            test,
            update,
            body,
        } => {
            match init.as_deref() {
                Some(ForInit::Var(v)) => push_var(stack, v),
                Some(ForInit::Expr(e)) => stack.push(Node::Expr(e)),
                None => {}
            }
            stack.extend(test.as_deref().map(Node::Expr));
            stack.extend(update.as_deref().map(Node::Expr));
            stack.push(Node::Stmt(body));
        }
        ForIn {
            left,
            right,
            body,
            initializer,
        } => {
            push_for_head(stack, left);
            stack.extend(initializer.as_deref().map(Node::Expr));
            stack.push(Node::Expr(right));
            stack.push(Node::Stmt(body));
        }
        ForOf {
            left, right, body, ..
        } => {
            push_for_head(stack, left);
            stack.push(Node::Expr(right));
            stack.push(Node::Stmt(body));
        }
        While { test, body } | DoWhile { body, test } => {
            stack.push(Node::Expr(test));
            stack.push(Node::Stmt(body));
        }
        Return(e) => stack.extend(e.iter().map(Node::Expr)),
        Labeled { body, .. } => stack.push(Node::Stmt(body)),
        With { object, body } => {
            stack.push(Node::Expr(object));
            stack.push(Node::Stmt(body));
        }
        Switch {
            discriminant,
            cases,
        } => {
            stack.push(Node::Expr(discriminant));
            for c in cases {
                stack.extend(c.test.iter().map(Node::Expr));
                push_stmts(stack, &c.body);
            }
        }
        Try {
            block,
            handler,
            finalizer,
            ..
        } => {
            push_stmts(stack, block);
            if let Some(h) = handler {
                stack.extend(h.param.iter().map(Node::Pattern));
                push_stmts(stack, &h.body);
            }
            if let Some(f) = finalizer {
                push_stmts(stack, f);
            }
        }
        Var(v) => push_var(stack, v),
        Class(c) => push_class(stack, c),
    }
    false
}

fn push_var<'a>(stack: &mut Vec<Node<'a>>, v: &'a crate::syntax::ast::VarDecl) {
    for d in &v.declarations {
        stack.push(Node::Pattern(&d.target));
        stack.extend(d.init.iter().map(Node::Expr));
    }
}

fn push_pattern_children<'a>(stack: &mut Vec<Node<'a>>, p: &'a Pattern) {
    match &p.kind {
        PatternKind::Ident(_) | PatternKind::TooDeep => {}
        PatternKind::Object { props, rest } => {
            for prop in props {
                push_key(stack, &prop.key);
                stack.push(Node::Pattern(&prop.value));
                stack.extend(prop.default.iter().map(Node::Expr));
            }
            if let Some(r) = rest {
                stack.push(Node::Pattern(r));
            }
        }
        PatternKind::Array { elems, rest } => {
            for el in elems.iter().flatten() {
                stack.push(Node::Pattern(&el.target));
                stack.extend(el.default.iter().map(Node::Expr));
            }
            if let Some(r) = rest {
                stack.push(Node::Pattern(r));
            }
        }
        PatternKind::Expr(e) => stack.push(Node::Expr(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::module_contains_await;
    use crate::syntax::parse_module;

    fn has_tla(src: &str) -> bool {
        module_contains_await(&parse_module(src).unwrap())
    }

    #[test]
    fn await_outside_functions_only() {
        assert!(has_tla("await 0;"));
        assert!(has_tla("if (false) { const x = [1, { a: await 0 }]; }"));
        assert!(has_tla("for await (const x of []) {}"));
        assert!(has_tla("export default await 1;"));
        assert!(has_tla("class C { [await 0]() {} }"));
        assert!(has_tla("const { a = await 0 } = {};"));
        assert!(!has_tla("async function f() { await 0; }"));
        assert!(!has_tla(
            "const f = async () => { for await (const x of []) {} };"
        ));
        assert!(!has_tla("class C { static { } m() {} }"));
        assert!(!has_tla("console.log('no await');"));
    }
}
