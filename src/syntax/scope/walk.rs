//! The walk over the AST: opens a scope for every scope-bearing node,
//! declares what each scope hoists, and resolves every name.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::rc::Rc;

use super::analysis::*;
use super::annex_b::hoistable_block_functions;
use super::declarations::{lexical_decls, lexical_decls_stmt, var_idents, Lexical};
use super::{DeclKind, Implicit};
use crate::syntax::ast::*;

pub(super) struct Walker<'a> {
    pub a: Analysis<'a>,
    pub current: ScopeId,
    /// Whether the code being walked is strict mode code.
    pub strict: bool,
    /// Block-level function declarations that Annex B.3.3 hoists, by
    /// address, with the binding their evaluation writes (B.3.3.1: the
    /// function's var) or the flag that says whether it does (B.3.3.2–3).
    pub annex_b: HashMap<*const Function, AnnexBTarget>,
}

/// What a hoisted block-level function declaration's evaluation refers to.
#[derive(Copy, Clone)]
pub(super) enum AnnexBTarget {
    Var(BindingId),
    Flag(BindingId),
}

impl<'a> Walker<'a> {
    /// Resolves an identifier reference (or binding occurrence) from the current scope.
    fn ident(&mut self, id: &'a Ident) {
        let mut found = self.a.lookup(self.current, &id.name);
        // Every non-arrow function has its own `arguments`: an outer
        // function's binding of that name is shadowed by it.
        if &*id.name == "arguments" && self.has_arguments() {
            let owner = self.a.this_scope(self.current);
            if found.is_some_and(|b| !self.a.declared_within(b, self.current, owner)) {
                found = None;
            }
        }
        let target = match found {
            Some(b) => Target::Binding(b),
            None => {
                if &*id.name == "arguments" && self.has_arguments() {
                    Target::Binding(self.a.implicit(self.current, ARGUMENTS))
                } else {
                    Target::Global
                }
            }
        };
        let target = self.import_target(target);
        self.a
            .reference(Site::Ident(&id.binding), self.current, target);
    }

    /// Import bindings are indirect: they resolve to their import index.
    fn import_target(&self, target: Target) -> Target {
        if let Target::Binding(b) = target {
            if self.a.binding_kind(b) == DeclKind::Import {
                let module = &self.a.scopes[0];
                if let Some(i) = module
                    .imports
                    .iter()
                    .position(|n| self.a.lookup(0, n) == Some(b))
                {
                    return Target::Import(i as u32);
                }
            }
        }
        target
    }

    /// Whether `arguments` names an arguments object here (inside a non-arrow function).
    fn has_arguments(&self) -> bool {
        let owner = self.a.this_scope(self.current);
        self.a.scopes[owner].kind != ScopeKind::Module
    }

    fn implicit_ref(&mut self, site: Site<'a>, name: &'static str) {
        if self.a.eval_code && self.a.this_scope(self.current) == 0 {
            // Eval code's own top level: the calling code's binding.
            let implicit = match name {
                THIS => Implicit::This,
                NEW_TARGET => Implicit::NewTarget,
                _ => Implicit::Function,
            };
            self.a
                .reference(site, self.current, Target::Dynamic(implicit));
            return;
        }
        let b = self.a.implicit(self.current, name);
        self.a.reference(site, self.current, Target::Binding(b));
    }

    fn enter(&mut self, kind: ScopeKind, owner: Owner<'a>) -> ScopeId {
        let id = self.a.push_scope(kind, Some(self.current), Some(owner));
        self.current = id;
        id
    }

    fn leave(&mut self, to: ScopeId) {
        self.current = to;
    }

    pub fn module(&mut self, m: &'a Module) {
        let scope = self
            .a
            .push_scope(ScopeKind::Module, None, Some(Owner::Module(&m.scope)));
        self.current = scope;
        // Imports: named and default imports are indirect bindings; `* as ns` a const.
        for item in &m.body {
            if let ModuleItem::Import(decl) = item {
                if let Some(d) = &decl.default {
                    self.declare_import(scope, d);
                }
                if let Some(ns) = &decl.namespace {
                    self.a.declare(scope, &ns.name, DeclKind::ImportNamespace);
                    self.ident(ns);
                }
                for spec in decl.named.iter().flatten() {
                    self.declare_import(scope, &spec.local);
                }
            }
        }
        let stmts: Vec<&'a Stmt> = m
            .body
            .iter()
            .filter_map(|item| match item {
                ModuleItem::Stmt(s) => Some(s),
                ModuleItem::Export(ExportDecl {
                    kind: ExportKind::Decl(s),
                    ..
                }) => Some(s),
                _ => None,
            })
            .collect();
        let mut vars = Vec::new();
        let mut lexical = Vec::new();
        for s in &stmts {
            super::declarations::var_idents_stmt(s, &mut vars);
            lexical_decls_stmt(s, &mut lexical);
        }
        for item in &m.body {
            if let ModuleItem::Export(export) = item {
                match &export.kind {
                    ExportKind::DefaultFunction(f) => match &f.name {
                        Some(name) => lexical.push(Lexical::Function(name, f)),
                        None => {
                            let b =
                                self.a
                                    .declare(scope, &Name::from("*default*"), DeclKind::Function);
                            self.a.scopes[scope].hoisted.push((f.clone(), b));
                        }
                    },
                    ExportKind::DefaultClass(c) => match &c.name {
                        Some(name) => lexical.push(Lexical::Binding(name, DeclKind::Class)),
                        None => {
                            self.a
                                .declare(scope, &Name::from("*default*"), DeclKind::Let);
                        }
                    },
                    ExportKind::DefaultExpr(_) => {
                        self.a
                            .declare(scope, &Name::from("*default*"), DeclKind::Let);
                    }
                    _ => {}
                }
            }
        }
        self.declare_vars(scope, &vars, false);
        self.declare_lexical(scope, &lexical, true);
        for item in &m.body {
            match item {
                ModuleItem::Import(_) => {}
                ModuleItem::Stmt(s) => self.stmt(s),
                ModuleItem::Export(export) => match &export.kind {
                    ExportKind::Decl(s) => self.stmt(s),
                    ExportKind::DefaultExpr(e) => self.expr(e),
                    ExportKind::DefaultFunction(f) => {
                        if let Some(name) = &f.name {
                            self.ident(name);
                        }
                        self.function(f, false);
                    }
                    ExportKind::DefaultClass(c) => {
                        if let Some(name) = &c.name {
                            self.ident(name);
                        }
                        self.class(c);
                    }
                    ExportKind::Named { .. } | ExportKind::All { .. } => {}
                },
            }
        }
    }

    /// A script's top level: only its let/const/class are declared here;
    /// its var and function declarations become global object properties
    /// (GlobalDeclarationInstantiation), so references to them stay global.
    pub fn script(&mut self, s: &'a Script) {
        let scope = self
            .a
            .push_scope(ScopeKind::Module, None, Some(Owner::Script(&s.scope)));
        self.current = scope;
        self.strict = !s.sloppy.get();
        let mut vars = Vec::new();
        var_idents(&s.body, &mut vars);
        let mut lexical = Vec::new();
        lexical_decls(&s.body, &mut lexical);
        let mut bindings = Vec::new();
        for decl in lexical {
            match decl {
                Lexical::Function(_, f) => self.a.scopes[scope].global_functions.push(f.clone()),
                binding => bindings.push(binding),
            }
        }
        let mut seen = HashSet::default();
        for id in &vars {
            if seen.insert(&id.name) {
                self.a.scopes[scope].global_vars.push(id.name.clone());
            }
        }
        self.declare_lexical(scope, &bindings, true);
        if self.a.eval_code && self.strict {
            // Strict eval code: its vars and functions are its own bindings
            // (EvalDeclarationInstantiation step 1.b's new varEnv).
            let mut functions = Vec::new();
            lexical_decls(&s.body, &mut functions);
            functions.retain(|d| matches!(d, Lexical::Function(..)));
            self.a.scopes[scope].global_functions.clear();
            self.a.scopes[scope].global_vars.clear();
            self.declare_vars(scope, &vars, false);
            self.declare_lexical(scope, &functions, true);
        }
        if !self.strict {
            self.global_annex_b_functions(scope, &s.body);
        }
        self.stmts(&s.body);
    }

    /// Annex B.3.3.2 (GlobalDeclarationInstantiation) and B.3.3.3
    /// (EvalDeclarationInstantiation), the static part: the block-level
    /// functions of non-strict script or eval code whose `var F` would
    /// clash with no lexical declaration of the code itself. Whether F gets
    /// a var binding depends on the global object and the caller's scopes,
    /// so is decided at run time; a hidden binding per name records it.
    fn global_annex_b_functions(&mut self, scope: ScopeId, body: &'a [Stmt]) {
        for f in hoistable_block_functions(body) {
            let Some(name) = &f.name else { continue };
            // "... would not produce any Early Errors for script": no
            // top-level let, const or class of F.
            if let Some(b) = self.a.scopes[scope].lookup_own(&name.name) {
                if self.a.binding_kind(b) != DeclKind::Function
                    && self.a.binding_kind(b) != DeclKind::Var
                    && !self.a.is_annex_b_flag(b)
                {
                    continue;
                }
            }
            let flag_name = Name::from(format!("%annexB {}", name.name));
            let flag = match self.a.scopes[scope].lookup_own(&flag_name) {
                Some(flag) => flag,
                None => {
                    let flag = self.a.declare(scope, &flag_name, DeclKind::Let);
                    self.a.scopes[scope]
                        .annex_b_flags
                        .push((name.name.clone(), flag));
                    flag
                }
            };
            self.annex_b.insert(Rc::as_ptr(f), AnnexBTarget::Flag(flag));
        }
    }

    /// Annex B.3.3.1 (Changes to FunctionDeclarationInstantiation), the
    /// part done before the body runs: for each block-level function F of
    /// a non-strict function body that B.3.3.1 hoists, "If
    /// instantiatedVarNames does not contain F and F is not "arguments",
    /// then: Perform ! varEnv.CreateMutableBinding(F, false). Perform !
    /// varEnv.InitializeBinding(F, undefined)."
    fn function_annex_b_functions(&mut self, scope: ScopeId, body: &'a [Stmt]) {
        for f in hoistable_block_functions(body) {
            let Some(name) = &f.name else { continue };
            // "F is not an element of parameterNames"; and test262 expects
            // a block-level `function arguments` to leave the arguments
            // object alone.
            if &*name.name == "arguments" {
                continue;
            }
            let binding = match self.a.scopes[scope].lookup_own(&name.name) {
                // A var or top-level function of that name: the same binding.
                Some(b) => match self.a.binding_kind(b) {
                    DeclKind::Var | DeclKind::Function => b,
                    // A parameter, or a let/const/class that `var F` would clash with.
                    _ => continue,
                },
                None => {
                    let b = self.a.declare(scope, &name.name, DeclKind::Var);
                    self.a.scopes[scope].vars.push(b);
                    b
                }
            };
            self.annex_b
                .insert(Rc::as_ptr(f), AnnexBTarget::Var(binding));
        }
    }

    fn declare_import(&mut self, scope: ScopeId, local: &'a Ident) {
        self.a.declare(scope, &local.name, DeclKind::Import);
        self.a.scopes[scope].imports.push(local.name.clone());
        self.ident(local);
    }

    /// Declares var names in a function-like scope (skipping parameter names when asked).
    fn declare_vars(&mut self, scope: ScopeId, vars: &[&'a Ident], skip_params: bool) {
        for id in vars {
            if skip_params && self.a.is_declared(scope, &id.name) {
                continue;
            }
            if self.a.is_declared(scope, &id.name) {
                continue;
            }
            let b = self.a.declare(scope, &id.name, DeclKind::Var);
            self.a.scopes[scope].vars.push(b);
        }
    }

    /// Declares lexical declarations; function declarations are hoisted.
    /// `top_level`: a function body or module (functions are var-like there).
    fn declare_lexical(&mut self, scope: ScopeId, decls: &[Lexical<'a>], top_level: bool) {
        for decl in decls {
            match decl {
                Lexical::Binding(id, kind) => {
                    let b = self.a.declare(scope, &id.name, *kind);
                    if *kind == DeclKind::Const {
                        self.a.set_immutable(b);
                    }
                    if top_level {
                        self.a.scopes[scope].lexical.push(b);
                    }
                }
                Lexical::Function(id, f) => {
                    let b = self.a.declare(scope, &id.name, DeclKind::Function);
                    // A var of the same name is initialised by the function instead.
                    self.a.scopes[scope].vars.retain(|&v| v != b);
                    self.a.scopes[scope].hoisted.push(((*f).clone(), b));
                }
            }
        }
    }

    /// A block-like statement list in a new scope with its lexical declarations.
    fn block(&mut self, stmts: &'a [Stmt], owner: Owner<'a>) {
        let outer = self.current;
        let scope = self.enter(ScopeKind::Block, owner);
        let mut lexical = Vec::new();
        lexical_decls(stmts, &mut lexical);
        self.declare_lexical(scope, &lexical, false);
        self.stmts(stmts);
        self.leave(outer);
    }

    pub fn stmts(&mut self, stmts: &'a [Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    pub fn stmt(&mut self, s: &'a Stmt) {
        match &s.kind {
            StmtKind::Block(body) => self.block(body, Owner::Block(&s.scope)),
            StmtKind::Empty | StmtKind::Debugger | StmtKind::TooDeep => {}
            StmtKind::Break(_) | StmtKind::Continue(_) => {}
            StmtKind::Expr(e) | StmtKind::Throw(e) => self.expr(e),
            StmtKind::If {
                test,
                consequent,
                alternate,
            } => {
                self.expr(test);
                self.if_clause(consequent);
                if let Some(a) = alternate {
                    self.if_clause(a);
                }
            }
            StmtKind::For {
                init,
                test,
                update,
                body,
            } => {
                let (init, test, update) = (init.as_deref(), test.as_deref(), update.as_deref());
                let outer = self.current;
                let scope = self.enter(ScopeKind::Block, Owner::Block(&s.scope));
                if let Some(ForInit::Var(decl)) = init {
                    if decl.kind != VarKind::Var {
                        let mut lexical = Vec::new();
                        lexical_decls_stmt_of_decl(decl, &mut lexical);
                        self.declare_lexical(scope, &lexical, false);
                    }
                }
                match init {
                    Some(ForInit::Var(decl)) => self.var_decl(decl),
                    Some(ForInit::Expr(e)) => self.expr(e),
                    None => {}
                }
                if let Some(t) = test {
                    self.expr(t);
                }
                if let Some(u) = update {
                    self.expr(u);
                }
                self.stmt(body);
                self.leave(outer);
            }
            StmtKind::ForIn {
                left,
                right,
                body,
                initializer,
            } => self.for_in_of(s, left, initializer.as_deref(), right, body),
            StmtKind::ForOf {
                left, right, body, ..
            } => self.for_in_of(s, left, None, right, body),
            StmtKind::While { test, body } | StmtKind::DoWhile { body, test } => {
                self.expr(test);
                self.stmt(body);
            }
            StmtKind::Return(arg) => {
                if let Some(e) = arg {
                    self.expr(e);
                }
            }
            StmtKind::Labeled { body, .. } => self.stmt(body),
            StmtKind::Switch {
                discriminant,
                cases,
            } => {
                self.expr(discriminant);
                let outer = self.current;
                let scope = self.enter(ScopeKind::Block, Owner::Block(&s.scope));
                let mut lexical = Vec::new();
                for c in cases {
                    lexical_decls(&c.body, &mut lexical);
                }
                self.declare_lexical(scope, &lexical, false);
                for c in cases {
                    if let Some(t) = &c.test {
                        self.expr(t);
                    }
                    self.stmts(&c.body);
                }
                self.leave(outer);
            }
            StmtKind::Try {
                block,
                handler,
                finalizer,
                block_scope,
                finalizer_scope,
            } => {
                self.block(block, Owner::Block(block_scope));
                if let Some(h) = handler {
                    let outer = self.current;
                    let scope = self.enter(ScopeKind::Block, Owner::Block(&h.scope));
                    if let Some(param) = &h.param {
                        let mut ids = Vec::new();
                        param.bound_names(&mut ids);
                        for id in ids {
                            self.a.declare(scope, &id.name, DeclKind::CatchParam);
                        }
                    }
                    let mut lexical = Vec::new();
                    lexical_decls(&h.body, &mut lexical);
                    self.declare_lexical(scope, &lexical, false);
                    if let Some(param) = &h.param {
                        self.pattern(param);
                    }
                    self.stmts(&h.body);
                    self.leave(outer);
                }
                if let Some(f) = finalizer {
                    self.block(f, Owner::Block(finalizer_scope));
                }
            }
            StmtKind::With { object, body } => {
                self.expr(object);
                let outer = self.current;
                self.a.push_scope(ScopeKind::With, Some(outer), None);
                self.current = self.a.scopes.len() - 1;
                self.stmt(body);
                self.leave(outer);
            }
            StmtKind::Var(decl) => self.var_decl(decl),
            StmtKind::Function(f) => {
                if let Some(name) = &f.name {
                    self.ident(name);
                }
                self.function(f, false);
                // Annex B.3.3: the evaluation of a hoisted block-level
                // declaration copies its binding into the var binding.
                match self.annex_b.remove(&Rc::as_ptr(f)) {
                    Some(AnnexBTarget::Var(b)) => self.a.reference(
                        Site::AnnexBVar(&f.annex_b),
                        self.current,
                        Target::Binding(b),
                    ),
                    Some(AnnexBTarget::Flag(b)) => self.a.reference(
                        Site::AnnexBFlag(&f.annex_b),
                        self.current,
                        Target::Binding(b),
                    ),
                    None => {}
                }
            }
            StmtKind::Class(c) => {
                if let Some(name) = &c.name {
                    self.ident(name);
                }
                self.class(c);
            }
        }
    }

    /// A clause of an `if`. Annex B.3.4: a function declaration there (in
    /// non-strict code) is the sole StatementListItem of a block, whose
    /// scope the declaration's own statement holds.
    fn if_clause(&mut self, clause: &'a Stmt) {
        if let StmtKind::Function(f) = &clause.kind {
            if let Some(name) = &f.name {
                let outer = self.current;
                let scope = self.enter(ScopeKind::Block, Owner::Block(&clause.scope));
                self.declare_lexical(scope, &[Lexical::Function(name, f)], false);
                self.stmt(clause);
                self.leave(outer);
                return;
            }
        }
        self.stmt(clause);
    }

    /// A for-in or for-of statement `s`: the initializer of an Annex B.3.5
    /// `var` head, the object, then the head's scope.
    fn for_in_of(
        &mut self,
        s: &'a Stmt,
        left: &'a ForHead,
        initializer: Option<&'a Expr>,
        right: &'a Expr,
        body: &'a Stmt,
    ) {
        if let Some(initializer) = initializer {
            self.expr(initializer);
        }
        // Deviation: `right` is resolved outside the head's scope (the
        // spec evaluates it in a TDZ scope holding the head's names).
        self.expr(right);
        let outer = self.current;
        let scope = self.enter(ScopeKind::Block, Owner::Block(&s.scope));
        match left {
            ForHead::Var(kind, pattern) => {
                if *kind != VarKind::Var {
                    let mut ids = Vec::new();
                    pattern.bound_names(&mut ids);
                    let decl_kind = if *kind == VarKind::Const {
                        DeclKind::Const
                    } else {
                        DeclKind::Let
                    };
                    for id in ids {
                        let b = self.a.declare(scope, &id.name, decl_kind);
                        if decl_kind == DeclKind::Const {
                            self.a.set_immutable(b);
                        }
                    }
                }
                self.pattern(pattern);
            }
            ForHead::Target(pattern) => self.pattern(pattern),
        }
        self.stmt(body);
        self.leave(outer);
    }

    fn var_decl(&mut self, decl: &'a VarDecl) {
        for d in &decl.declarations {
            if let Some(init) = &d.init {
                self.expr(init);
            }
            self.pattern(&d.target);
        }
    }

    /// A binding or assignment pattern: its identifiers, defaults, computed keys and member targets.
    pub fn pattern(&mut self, p: &'a Pattern) {
        match &p.kind {
            PatternKind::Ident(id) => self.ident(id),
            PatternKind::Expr(e) => self.expr(e),
            PatternKind::Object { props, rest } => {
                for prop in props {
                    self.prop_key(&prop.key);
                    self.pattern(&prop.value);
                    if let Some(d) = &prop.default {
                        self.expr(d);
                    }
                }
                if let Some(r) = rest {
                    self.pattern(r);
                }
            }
            PatternKind::Array { elems, rest } => {
                for e in elems.iter().flatten() {
                    self.pattern(&e.target);
                    if let Some(d) = &e.default {
                        self.expr(d);
                    }
                }
                if let Some(r) = rest {
                    self.pattern(r);
                }
            }
            PatternKind::TooDeep => {}
        }
    }

    fn prop_key(&mut self, key: &'a PropKey) {
        if let PropKey::Computed(e) = key {
            self.expr(e);
        }
    }

    /// A function of any kind: its own scope with parameters, vars and hoisted declarations.
    pub fn function(&mut self, f: &'a Rc<Function>, with_self_binding: bool) {
        let outer = self.current;
        let outer_strict = self.strict;
        self.strict = f.is_strict();
        let arrow = f.kind == FunctionKind::Arrow;
        let scope = self.enter(ScopeKind::Function { arrow }, Owner::Function(&f.scope));
        let mut params = Vec::new();
        for p in &f.params {
            p.target.bound_names(&mut params);
        }
        if let Some(rest) = &f.rest {
            rest.bound_names(&mut params);
        }
        for id in &params {
            let b = self.a.declare(scope, &id.name, DeclKind::Param);
            self.a.scopes[scope].params.push(b);
        }
        // FunctionDeclarationInstantiation step 22: a mapped arguments
        // object for non-strict functions with simple parameter lists.
        let simple = f.rest.is_none()
            && f.params
                .iter()
                .all(|p| p.default.is_none() && matches!(p.target.kind, PatternKind::Ident(_)));
        self.a.scopes[scope].mapped_arguments = !self.strict && !arrow && simple;
        if let FunctionBody::Block(body) = &f.body {
            let mut vars = Vec::new();
            var_idents(body, &mut vars);
            self.declare_vars(scope, &vars, true);
            let mut lexical = Vec::new();
            lexical_decls(body, &mut lexical);
            self.declare_lexical(scope, &lexical, true);
            if !self.strict {
                self.function_annex_b_functions(scope, body);
            }
        }
        if with_self_binding {
            if let Some(name) = &f.name {
                if !self.a.is_declared(scope, &name.name) {
                    let b = self.a.declare(scope, &name.name, DeclKind::Const);
                    self.a.scopes[scope].self_binding = Some(b);
                }
            }
        }
        for p in &f.params {
            self.pattern(&p.target);
            if let Some(d) = &p.default {
                self.expr(d);
            }
        }
        if let Some(rest) = &f.rest {
            self.pattern(rest);
        }
        match &f.body {
            FunctionBody::Block(body) => self.stmts(body),
            FunctionBody::Expr(e) => self.expr(e),
        }
        self.leave(outer);
        self.strict = outer_strict;
    }

    /// A class: its scope (name and private names), heritage, members.
    pub fn class(&mut self, c: &'a Rc<Class>) {
        let outer = self.current;
        let outer_strict = std::mem::replace(&mut self.strict, true);
        let scope = self.enter(ScopeKind::Class, Owner::Class(&c.scope));
        if let Some(name) = &c.name {
            let b = self.a.declare(scope, &name.name, DeclKind::Const);
            self.a.scopes[scope].class_name = Some(b);
        }
        for m in &c.members {
            let key = match m {
                ClassMember::Method { key, .. }
                | ClassMember::Field { key, .. }
                | ClassMember::Accessor { key, .. } => key,
                _ => continue,
            };
            if let PropKey::Private(name) = key {
                let private = Name::from(format!("#{name}"));
                if !self.a.is_declared(scope, &private) {
                    let b = self.a.declare(scope, &private, DeclKind::Const);
                    self.a.scopes[scope].private_names.push((name.clone(), b));
                }
            }
        }
        if let Some(h) = &c.super_class {
            self.expr(h);
        }
        for m in &c.members {
            match m {
                ClassMember::Constructor(f) => self.function(f, false),
                ClassMember::Method { key, func, .. } => {
                    self.prop_key(key);
                    self.function(func, false);
                }
                ClassMember::Field {
                    key,
                    value,
                    scope: member_scope,
                    ..
                }
                | ClassMember::Accessor {
                    key,
                    value,
                    scope: member_scope,
                    ..
                } => {
                    self.prop_key(key);
                    let before = self.current;
                    self.enter(
                        ScopeKind::Function { arrow: false },
                        Owner::Function(member_scope),
                    );
                    if let Some(v) = value {
                        self.expr(v);
                    }
                    self.leave(before);
                }
                ClassMember::StaticBlock {
                    body,
                    scope: member_scope,
                    ..
                } => {
                    let before = self.current;
                    let block = self.enter(
                        ScopeKind::Function { arrow: false },
                        Owner::Function(member_scope),
                    );
                    let mut vars = Vec::new();
                    var_idents(body, &mut vars);
                    self.declare_vars(block, &vars, false);
                    let mut lexical = Vec::new();
                    lexical_decls(body, &mut lexical);
                    self.declare_lexical(block, &lexical, true);
                    self.stmts(body);
                    self.leave(before);
                }
            }
        }
        self.leave(outer);
        self.strict = outer_strict;
    }

    fn private_name(&mut self, id: &'a Ident) {
        let private = format!("#{}", id.name);
        let target = match self.a.lookup(self.current, &private) {
            Some(b) => Target::Binding(b),
            None => Target::Global,
        };
        self.a
            .reference(Site::Ident(&id.binding), self.current, target);
    }

    fn member_prop(&mut self, prop: &'a MemberProp) {
        match prop {
            MemberProp::Ident(_) => {}
            MemberProp::Private(id) => self.private_name(id),
            MemberProp::Computed(e) => self.expr(e),
        }
    }

    fn args(&mut self, args: &'a [ExprOrSpread]) {
        for a in args {
            self.expr(a.expr());
        }
    }

    fn template(&mut self, t: &'a Template) {
        for e in &t.exprs {
            self.expr(e);
        }
    }

    pub fn expr(&mut self, e: &'a Expr) {
        match &e.kind {
            ExprKind::This(cell) => self.implicit_ref(Site::Ident(cell), THIS),
            ExprKind::NewTarget(cell) => self.implicit_ref(Site::Ident(cell), NEW_TARGET),
            ExprKind::Ident(id) => self.ident(id),
            ExprKind::Lit(_) | ExprKind::ImportMeta | ExprKind::TooDeep => {}
            ExprKind::Template(t) => self.template(t),
            ExprKind::TaggedTemplate { tag, quasi } => {
                self.expr(tag);
                self.template(quasi);
            }
            ExprKind::Array(elems) => {
                for el in elems.iter().flatten() {
                    self.expr(el.expr());
                }
            }
            ExprKind::Object(props) => {
                for p in props {
                    match p {
                        Prop::KeyValue { key, value, .. } => {
                            self.prop_key(key);
                            self.expr(value);
                        }
                        Prop::Shorthand(id) => self.ident(id),
                        Prop::CoverInit { name, default, .. } => {
                            self.ident(name);
                            self.expr(default);
                        }
                        Prop::Method { key, func, .. } => {
                            self.prop_key(key);
                            self.function(func, false);
                        }
                        Prop::Spread(x) => self.expr(x),
                    }
                }
            }
            ExprKind::Function(f) => self.function(f, true),
            ExprKind::Arrow(f) => self.function(f, false),
            ExprKind::Class(c) => self.class(c),
            ExprKind::Paren(x) | ExprKind::Await(x) | ExprKind::OptionalChain(x) => self.expr(x),
            ExprKind::Unary { arg, .. } | ExprKind::Update { arg, .. } => self.expr(arg),
            ExprKind::Binary { left, right, .. } | ExprKind::Logical { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::PrivateIn { name, right } => {
                self.private_name(name);
                self.expr(right);
            }
            ExprKind::Assign { target, value, .. } => {
                self.pattern(target);
                self.expr(value);
            }
            ExprKind::Cond {
                test,
                consequent,
                alternate,
            } => {
                self.expr(test);
                self.expr(consequent);
                self.expr(alternate);
            }
            ExprKind::Call { callee, args, .. } => {
                self.expr(callee);
                self.args(args);
                if is_direct_eval_candidate(e) {
                    self.a.direct_eval(self.current, self.strict);
                }
            }
            ExprKind::New { callee, args } => {
                self.expr(callee);
                if let Some(a) = args {
                    self.args(a);
                }
            }
            ExprKind::Member { object, prop, .. } => {
                self.expr(object);
                self.member_prop(prop);
            }
            ExprKind::SuperMember { prop, refs } => {
                self.implicit_ref(Site::SuperThis(refs), THIS);
                self.implicit_ref(Site::SuperFunction(refs), FUNCTION);
                self.member_prop(prop);
            }
            ExprKind::SuperCall { args, refs } => {
                self.implicit_ref(Site::SuperThis(refs), THIS);
                self.implicit_ref(Site::SuperNewTarget(refs), NEW_TARGET);
                self.implicit_ref(Site::SuperFunction(refs), FUNCTION);
                self.args(args);
            }
            ExprKind::Seq(list) => {
                for x in list {
                    self.expr(x);
                }
            }
            ExprKind::Yield { arg, .. } => {
                if let Some(x) = arg {
                    self.expr(x);
                }
            }
            ExprKind::ImportCall {
                specifier, options, ..
            } => {
                self.expr(specifier);
                if let Some(o) = options {
                    self.expr(o);
                }
            }
        }
    }
}

/// A CallExpression whose callee is the identifier `eval` (possibly
/// parenthesised), not optional: a direct eval if, at run time, the
/// callee is %eval% (ECMA-262 §13.3.6.1 step 6).
pub fn is_direct_eval_candidate(call: &Expr) -> bool {
    let ExprKind::Call {
        callee, optional, ..
    } = &call.kind
    else {
        return false;
    };
    let mut callee = &**callee;
    while let ExprKind::Paren(inner) = &callee.kind {
        callee = inner;
    }
    !optional && matches!(&callee.kind, ExprKind::Ident(id) if &*id.name == "eval")
}

/// The let/const names of a `for (let ...;;)` head.
fn lexical_decls_stmt_of_decl<'a>(decl: &'a VarDecl, out: &mut Vec<Lexical<'a>>) {
    let kind = if decl.kind == VarKind::Const {
        DeclKind::Const
    } else {
        DeclKind::Let
    };
    let mut ids = Vec::new();
    for d in &decl.declarations {
        d.target.bound_names(&mut ids);
    }
    out.extend(ids.into_iter().map(|id| Lexical::Binding(id, kind)));
}
