//! Grammar actions for functions, arrow functions, methods and classes
//! (ECMA-262 §15).

use std::rc::Rc;

use super::super::ast::{
    Class, ClassMember, Expr, ExprKind, Function, FunctionBody, FunctionKind, Ident, MethodKind,
    PropKey, Stmt,
};
use super::super::cover;
use super::parts::{fail, sp, ArrowParams, ConciseBody, FuncTail, MethodParts, R};
use super::state::ParseState;

impl ParseState<'_> {
    /// Function, generator, async function and async generator declarations
    /// and expressions (the name is checked by the context).
    pub fn function(
        &self,
        name: Option<Ident>,
        is_async: bool,
        is_generator: bool,
        tail: FuncTail,
        l: usize,
        r: usize,
    ) -> R<Rc<Function>> {
        self.close_function_scope(tail.params_start, tail.body_start, is_generator, is_async)?;
        Ok(Rc::new(Function {
            name,
            kind: FunctionKind::Normal,
            is_async,
            is_generator,
            params: tail.params.params,
            rest: tail.params.rest.map(|r| *r),
            body: FunctionBody::Block(tail.body),
            span: sp(l, r),
            scope: Default::default(),
            sloppy: Default::default(),
            annex_b: Default::default(),
        }))
    }

    /// MethodDefinition (§15.4) in an object literal or a class body.
    #[allow(clippy::too_many_arguments)]
    pub fn method(
        &self,
        key: PropKey,
        kind: MethodKind,
        is_async: bool,
        is_generator: bool,
        tail: FuncTail,
        l: usize,
        r: usize,
    ) -> R<MethodParts> {
        self.close_function_scope(tail.params_start, tail.body_start, is_generator, is_async)?;
        let params_span = sp(tail.params_start, tail.body_start);
        let function_kind = match kind {
            MethodKind::Method => FunctionKind::Method,
            MethodKind::Get => {
                if !tail.params.params.is_empty() || tail.params.rest.is_some() {
                    return fail("Getter must not have any formal parameters.", params_span);
                }
                FunctionKind::Getter
            }
            MethodKind::Set => {
                if tail.params.rest.is_some() {
                    return fail(
                        "Setter function argument must not be a rest parameter",
                        params_span,
                    );
                }
                if tail.params.params.len() != 1 {
                    return fail(
                        "Setter must have exactly one formal parameter.",
                        params_span,
                    );
                }
                FunctionKind::Setter
            }
        };
        let func = Rc::new(Function {
            name: None,
            kind: function_kind,
            is_async,
            is_generator,
            params: tail.params.params,
            rest: tail.params.rest.map(|r| *r),
            body: FunctionBody::Block(tail.body),
            span: sp(l, r),
            scope: Default::default(),
            sloppy: Default::default(),
            annex_b: Default::default(),
        });
        Ok(MethodParts {
            key,
            kind,
            func,
            span: sp(l, r),
        })
    }

    /// ArrowFunction and AsyncArrowFunction (§15.3, §15.9).
    pub fn arrow(
        &self,
        params: ArrowParams,
        is_async: bool,
        body: ConciseBody,
        l: usize,
        r: usize,
    ) -> R<Expr> {
        let (params, params_span) = cover::arrow_params(self, params)?;
        let (body, body_start) = match body {
            ConciseBody::Block(stmts, start) => (FunctionBody::Block(stmts), start),
            ConciseBody::Expr(e, start) => (FunctionBody::Expr(e), start),
        };
        self.close_arrow_scope(params_span.start as usize, body_start, is_async)?;
        let func = Rc::new(Function {
            name: None,
            kind: FunctionKind::Arrow,
            is_async,
            is_generator: false,
            params: params.params,
            rest: params.rest.map(|r| *r),
            body,
            span: sp(l, r),
            scope: Default::default(),
            sloppy: Default::default(),
            annex_b: Default::default(),
        });
        Ok(self.expr(ExprKind::Arrow(func), l, r))
    }

    pub fn class(
        &self,
        name: Option<Ident>,
        super_class: Option<Expr>,
        members: Vec<Option<ClassMember>>,
        l: usize,
        r: usize,
    ) -> Rc<Class> {
        Rc::new(Class {
            name,
            super_class: super_class.map(Box::new),
            members: members.into_iter().flatten().collect(),
            span: sp(l, r),
            scope: Default::default(),
        })
    }

    /// A class method; a plain method named `constructor` is the constructor.
    pub fn class_method(&self, m: MethodParts, is_static: bool) -> ClassMember {
        let named_constructor = match &m.key {
            PropKey::Ident(n) => &**n == "constructor",
            PropKey::Str(s) => **s == *super::super::ast::js_string("constructor"),
            _ => false,
        };
        let plain = m.kind == MethodKind::Method && !m.func.is_async && !m.func.is_generator;
        if named_constructor && plain && !is_static {
            let mut func = m.func;
            if let Some(f) = Rc::get_mut(&mut func) {
                f.kind = FunctionKind::ClassConstructor;
            }
            return ClassMember::Constructor(func);
        }
        ClassMember::Method {
            key: m.key,
            kind: m.kind,
            is_static,
            func: m.func,
            span: m.span,
        }
    }

    pub fn field(
        &self,
        key: PropKey,
        value: Option<Expr>,
        is_static: bool,
        is_accessor: bool,
        l: usize,
        r: usize,
    ) -> ClassMember {
        let span = sp(l, r);
        if is_accessor {
            ClassMember::Accessor {
                key,
                value,
                is_static,
                span,
                scope: Default::default(),
            }
        } else {
            ClassMember::Field {
                key,
                value,
                is_static,
                span,
                scope: Default::default(),
            }
        }
    }

    /// A field initialiser is evaluated as a method body: neither `yield` nor
    /// `await` may appear in it.
    pub fn field_initializer(&self, e: Expr, l: usize, _r: usize) -> R<Expr> {
        self.close_function_scope(l, l, false, false)?;
        Ok(e)
    }

    pub fn static_block(
        &self,
        body: Vec<Stmt>,
        body_start: usize,
        l: usize,
        r: usize,
    ) -> R<Option<ClassMember>> {
        self.close_function_scope(body_start, body_start, false, false)?;
        Ok(Some(ClassMember::StaticBlock {
            body,
            span: sp(l, r),
            scope: Default::default(),
        }))
    }
}
