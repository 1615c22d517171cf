//! `TooDeep` stand-ins and deep but legal nesting.

use std::rc::Rc;

use crate::syntax::ast::{
    BinaryOp, Expr, ExprKind, Function, FunctionBody, FunctionKind, Ident, Module, ModuleItem,
    Stmt, StmtKind, MAX_NESTING,
};
use crate::syntax::early_errors::{check_module, check_script};
use crate::syntax::span::Span;

use super::accepts;

fn module_of(stmt: Stmt) -> Module {
    Module {
        body: vec![ModuleItem::Stmt(stmt)],
        span: Span::new(0, 100),
        scope: Default::default(),
    }
}

/// A `TooDeep` node left by the AST constructors is a SyntaxError at its span.
#[test]
fn too_deep_nodes_are_errors() {
    let too_deep_expr = Expr {
        kind: ExprKind::TooDeep,
        span: Span::new(3, 9),
        depth: 1,
    };
    let stmt = Stmt::new(StmtKind::Expr(too_deep_expr), Span::new(0, 10));
    let error = check_module(&module_of(stmt)).expect_err("TooDeep expression");
    assert_eq!(error.message, "Maximum nesting depth exceeded");
    assert_eq!(error.span, Span::new(3, 9));

    let too_deep_stmt = Stmt {
        kind: StmtKind::TooDeep,
        span: Span::new(4, 8),
        depth: 1,
        scope: Default::default(),
    };
    let block = Stmt::new(StmtKind::Block(vec![too_deep_stmt]), Span::new(0, 10));
    let script = crate::syntax::ast::Script {
        body: vec![block],
        span: Span::new(0, 10),
        scope: Default::default(),
        sloppy: Default::default(),
    };
    let error = check_script(&script).expect_err("TooDeep statement");
    assert_eq!(error.message, "Maximum nesting depth exceeded");
    assert_eq!(error.span, Span::new(4, 8));
}

/// Parsed nesting well inside the limit is accepted.
#[test]
fn deep_source_nesting() {
    let depth = (MAX_NESTING as usize) / 2 - 10;
    let blocks = format!("{}x;{}", "{".repeat(depth), "}".repeat(depth));
    accepts(&blocks);
    let parens = format!("let x; x = {}1{};", "(".repeat(depth), ")".repeat(depth));
    accepts(&parens);
    let arrows = format!("let f = {}0;", "() => ".repeat(depth / 2));
    accepts(&arrows);
}

/// The deepest trees the AST constructors allow are walked within a test
/// thread's 2 MiB stack (the walk costs a few hundred bytes per level).
#[test]
fn deepest_trees_fit_the_stack() {
    let depth = MAX_NESTING as usize - 2;
    let span = Span::new(0, 1);
    let this = || Expr::new(ExprKind::This(Default::default()), span);

    let mut block = Stmt::new(StmtKind::Empty, span);
    for _ in 0..depth {
        block = Stmt::new(StmtKind::Block(vec![block]), span);
    }
    assert!(check_module(&module_of(block)).is_ok());

    let mut sum = this();
    for _ in 0..depth {
        sum = Expr::new(
            ExprKind::Binary {
                op: BinaryOp::Add,
                left: Box::new(sum),
                right: Box::new(this()),
            },
            span,
        );
    }
    assert!(check_module(&module_of(Stmt::new(StmtKind::Expr(sum), span))).is_ok());

    let mut arrow = this();
    for _ in 0..depth {
        let function = Function {
            name: None,
            kind: FunctionKind::Arrow,
            is_async: false,
            is_generator: false,
            params: vec![],
            rest: None,
            body: FunctionBody::Expr(Box::new(arrow)),
            span,
            scope: Default::default(),
            sloppy: Default::default(),
            annex_b: Default::default(),
        };
        arrow = Expr::new(ExprKind::Arrow(Rc::new(function)), span);
    }
    assert!(check_module(&module_of(Stmt::new(StmtKind::Expr(arrow), span))).is_ok());

    let mut declaration = Stmt::new(StmtKind::Empty, span);
    for _ in 0..depth {
        let function = Function {
            name: Some(Ident::new("f".into(), span)),
            kind: FunctionKind::Normal,
            is_async: false,
            is_generator: false,
            params: vec![],
            rest: None,
            body: FunctionBody::Block(vec![declaration]),
            span,
            scope: Default::default(),
            sloppy: Default::default(),
            annex_b: Default::default(),
        };
        declaration = Stmt::new(StmtKind::Function(Rc::new(function)), span);
    }
    assert!(check_module(&module_of(declaration)).is_ok());
}
