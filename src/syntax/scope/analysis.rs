//! The scope tree built while walking the AST, the resolution of names to
//! bindings, and the final layout: which bindings are captured (and so live
//! in environments), their slots, and the records stored in the AST.

use rustc_hash::FxHashMap as HashMap;
use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use super::types::*;
use crate::syntax::ast::{Function, Name};

pub(super) type ScopeId = usize;
pub(super) type BindingId = usize;

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(super) enum ScopeKind {
    Module,
    /// A function, arrow, method, field initialiser or static block.
    Function {
        arrow: bool,
    },
    Block,
    Class,
    /// The body of a `with` statement: its object environment.
    With,
}

/// Where a finished scope's record goes.
pub(super) enum Owner<'a> {
    Module(&'a OnceCell<Box<ModuleScope>>),
    Script(&'a OnceCell<Box<ScriptScope>>),
    Function(&'a OnceCell<Box<FunctionScope>>),
    Block(&'a OnceCell<Box<BlockScope>>),
    Class(&'a OnceCell<Box<ClassScope>>),
}

pub(super) struct ScopeData<'a> {
    pub kind: ScopeKind,
    pub parent: Option<ScopeId>,
    /// The nearest function-like scope (itself when function-like).
    pub function: ScopeId,
    names: HashMap<Name, BindingId>,
    /// Declaration order.
    bindings: Vec<BindingId>,
    pub owner: Option<Owner<'a>>,
    /// Bindings the record lists, by role.
    pub params: Vec<BindingId>,
    pub vars: Vec<BindingId>,
    pub hoisted: Vec<(Rc<Function>, BindingId)>,
    pub lexical: Vec<BindingId>,
    pub this_binding: Option<BindingId>,
    pub new_target_binding: Option<BindingId>,
    pub function_binding: Option<BindingId>,
    pub arguments_binding: Option<BindingId>,
    pub self_binding: Option<BindingId>,
    pub class_name: Option<BindingId>,
    pub private_names: Vec<(Name, BindingId)>,
    pub imports: Vec<Name>,
    /// A script's top level: its var names and function declarations,
    /// which are global object properties rather than bindings here.
    pub global_vars: Vec<Name>,
    pub global_functions: Vec<Rc<Function>>,
    /// A non-strict script or eval code: the names Annex B.3.3.2–3 may give
    /// a var binding, each with its hidden flag binding.
    pub annex_b_flags: Vec<(Name, BindingId)>,
    /// A non-strict function (or arrow) with a direct `eval` call, which may
    /// add var bindings to its environment at run time.
    pub eval_var_scope: bool,
    /// A non-strict function with a simple parameter list: its arguments
    /// object, if it has one, is mapped to its parameters.
    pub mapped_arguments: bool,
    /// The scope's environment carries its names (a direct `eval` or a
    /// dynamic reference may look them up).
    named: bool,
    // Layout, decided at the end.
    env_slots: u32,
    frame_size: u32,
}

struct BindingData {
    name: Name,
    scope: ScopeId,
    kind: DeclKind,
    mutable: bool,
    captured: bool,
    /// (in the environment?, slot)
    location: (bool, u32),
}

/// What a reference resolved to.
#[derive(Copy, Clone)]
pub(super) enum Target {
    Binding(BindingId),
    Global,
    Import(u32),
    Dynamic(Implicit),
}

/// A place in the AST waiting for a `BindingRef`.
pub(super) enum Site<'a> {
    Ident(&'a Cell<BindingRef>),
    SuperThis(&'a Cell<SuperCallRefs>),
    SuperNewTarget(&'a Cell<SuperCallRefs>),
    SuperFunction(&'a Cell<SuperCallRefs>),
    /// Annex B.3.3.1: the var binding a block-level function's evaluation
    /// writes (never looked up by name: it is the function's VariableEnvironment's).
    AnnexBVar(&'a Cell<AnnexBFunction>),
    /// Annex B.3.3.2–3: the flag saying whether the var binding was made.
    AnnexBFlag(&'a Cell<AnnexBFunction>),
}

/// Names of the implicit bindings (no identifier can spell them).
pub(super) const THIS: &str = "%this";
pub(super) const NEW_TARGET: &str = "%new.target";
pub(super) const FUNCTION: &str = "%function";
pub(super) const ARGUMENTS: &str = "%arguments";

#[derive(Default)]
pub(super) struct Analysis<'a> {
    pub scopes: Vec<ScopeData<'a>>,
    bindings: Vec<BindingData>,
    references: Vec<(Site<'a>, ScopeId, Target)>,
    /// Scopes that contain a direct `eval` call.
    eval_scopes: Vec<ScopeId>,
    /// Analysing eval code: names its own scopes do not declare belong to
    /// the code that called `eval`, found by name at run time.
    pub eval_code: bool,
}

impl ScopeData<'_> {
    /// The binding this scope itself declares for `name`.
    pub fn lookup_own(&self, name: &str) -> Option<BindingId> {
        self.names.get(name).copied()
    }
}

impl<'a> Analysis<'a> {
    pub fn for_eval_code() -> Analysis<'a> {
        Analysis {
            eval_code: true,
            ..Analysis::default()
        }
    }

    pub fn push_scope(
        &mut self,
        kind: ScopeKind,
        parent: Option<ScopeId>,
        owner: Option<Owner<'a>>,
    ) -> ScopeId {
        let id = self.scopes.len();
        let function = match (kind, parent) {
            (ScopeKind::Module | ScopeKind::Function { .. }, _) | (_, None) => id,
            (_, Some(p)) => self.scopes[p].function,
        };
        self.scopes.push(ScopeData {
            kind,
            parent,
            function,
            names: HashMap::default(),
            bindings: Vec::new(),
            owner,
            params: Vec::new(),
            vars: Vec::new(),
            hoisted: Vec::new(),
            lexical: Vec::new(),
            this_binding: None,
            new_target_binding: None,
            function_binding: None,
            arguments_binding: None,
            self_binding: None,
            class_name: None,
            private_names: Vec::new(),
            imports: Vec::new(),
            global_vars: Vec::new(),
            global_functions: Vec::new(),
            annex_b_flags: Vec::new(),
            eval_var_scope: false,
            mapped_arguments: false,
            named: false,
            env_slots: 0,
            frame_size: 0,
        });
        id
    }

    /// Declares `name` in `scope` (an existing declaration of the same name
    /// there is reused: `var x; var x;`, a var and a function).
    pub fn declare(&mut self, scope: ScopeId, name: &Name, kind: DeclKind) -> BindingId {
        if let Some(&b) = self.scopes[scope].names.get(name) {
            return b;
        }
        let mutable = !matches!(
            kind,
            DeclKind::Const | DeclKind::ImportNamespace | DeclKind::Import
        );
        let id = self.bindings.len();
        self.bindings.push(BindingData {
            name: name.clone(),
            scope,
            kind,
            mutable,
            captured: self.scopes[scope].kind == ScopeKind::Module,
            location: (false, 0),
        });
        self.scopes[scope].names.insert(name.clone(), id);
        self.scopes[scope].bindings.push(id);
        id
    }

    /// Whether `binding` is one of Annex B.3.3.2–3's hidden flags.
    pub fn is_annex_b_flag(&self, binding: BindingId) -> bool {
        self.bindings[binding].name.starts_with("%annexB ")
    }

    pub fn is_declared(&self, scope: ScopeId, name: &str) -> bool {
        self.scopes[scope].names.contains_key(name)
    }

    pub fn set_immutable(&mut self, binding: BindingId) {
        self.bindings[binding].mutable = false;
    }

    pub fn binding_kind(&self, binding: BindingId) -> DeclKind {
        self.bindings[binding].kind
    }

    /// ResolveBinding, statically: the innermost declaration of `name`.
    pub fn lookup(&self, from: ScopeId, name: &str) -> Option<BindingId> {
        let mut scope = Some(from);
        while let Some(s) = scope {
            if let Some(&b) = self.scopes[s].names.get(name) {
                return Some(b);
            }
            scope = self.scopes[s].parent;
        }
        None
    }

    /// Whether `binding` is declared in `to` or a scope between `from` and it.
    pub fn declared_within(&self, binding: BindingId, from: ScopeId, to: ScopeId) -> bool {
        let declaring = self.bindings[binding].scope;
        let mut s = Some(from);
        while let Some(id) = s {
            if id == declaring {
                return true;
            }
            if id == to {
                return false;
            }
            s = self.scopes[id].parent;
        }
        false
    }

    /// Records a reference from `from` to `target`, marking captures.
    pub fn reference(&mut self, site: Site<'a>, from: ScopeId, target: Target) {
        if let Target::Binding(b) = target {
            let declaring = self.bindings[b].scope;
            if self.scopes[declaring].function != self.scopes[from].function {
                self.bindings[b].captured = true;
            }
        }
        self.references.push((site, from, target));
    }

    /// The nearest scope that has its own `this` (non-arrow function-like, or the module).
    pub fn this_scope(&self, from: ScopeId) -> ScopeId {
        let mut s = from;
        loop {
            match self.scopes[s].kind {
                ScopeKind::Module | ScopeKind::Function { arrow: false } => return s,
                _ => match self.scopes[s].parent {
                    Some(p) => s = p,
                    None => return s,
                },
            }
        }
    }

    /// The implicit binding `name` of the scope that owns `this` for `from`.
    pub fn implicit(&mut self, from: ScopeId, name: &'static str) -> BindingId {
        let owner = self.this_scope(from);
        let b = self.declare(owner, &Name::from(name), DeclKind::Const);
        let scope = &mut self.scopes[owner];
        let slot = match name {
            THIS => &mut scope.this_binding,
            NEW_TARGET => &mut scope.new_target_binding,
            FUNCTION => &mut scope.function_binding,
            _ => &mut scope.arguments_binding,
        };
        *slot = Some(b);
        b
    }

    /// Records a direct `eval` call in `scope` (`strict`: in strict code).
    /// The eval code may read every binding visible there and the enclosing
    /// function's `this`, `new.target`, active function and `arguments`;
    /// non-strict eval code may also add vars to the enclosing function.
    pub fn direct_eval(&mut self, scope: ScopeId, strict: bool) {
        self.eval_scopes.push(scope);
        let owner = self.this_scope(scope);
        // In eval code's own top level these resolve further out, by name.
        let eval_top = self.eval_code && owner == 0;
        if !eval_top {
            self.implicit(scope, THIS);
            if self.scopes[owner].kind != ScopeKind::Module {
                self.implicit(scope, NEW_TARGET);
                self.implicit(scope, FUNCTION);
                let own_arguments = self
                    .lookup(scope, "arguments")
                    .is_some_and(|b| self.declared_within(b, scope, owner));
                if !own_arguments {
                    self.implicit(scope, ARGUMENTS);
                }
            }
        }
        let function = self.scopes[scope].function;
        if !strict && self.scopes[function].kind != ScopeKind::Module {
            self.scopes[function].eval_var_scope = true;
        }
    }

    /// Whether a reference from `from` to a binding of `declaring` (None:
    /// a global) passes a scope whose names are only known at run time (a
    /// `with` body, a function whose eval code may add vars).
    fn crosses_dynamic_scope(&self, from: ScopeId, declaring: Option<ScopeId>) -> bool {
        let mut s = Some(from);
        while let Some(id) = s {
            if Some(id) == declaring {
                return false;
            }
            let scope = &self.scopes[id];
            if scope.kind == ScopeKind::With || scope.eval_var_scope {
                return true;
            }
            s = scope.parent;
        }
        false
    }

    /// The targets that must be looked up by name, and the bindings such
    /// lookups (and direct eval code) may reach: those move to named
    /// environments.
    fn resolve_dynamic(&mut self) {
        for i in 0..self.eval_scopes.len() {
            let mut s = Some(self.eval_scopes[i]);
            while let Some(id) = s {
                self.scopes[id].named = true;
                for j in 0..self.scopes[id].bindings.len() {
                    let b = self.scopes[id].bindings[j];
                    self.bindings[b].captured = true;
                }
                s = self.scopes[id].parent;
            }
        }
        let mut references = std::mem::take(&mut self.references);
        for (site, from, target) in references.iter_mut() {
            if matches!(site, Site::AnnexBVar(_)) {
                continue;
            }
            let declaring = match *target {
                Target::Binding(b) => {
                    let name = &self.bindings[b].name;
                    // `this`, `new.target` and the active function are
                    // never shadowed by a name.
                    if (name.starts_with('%') && &**name != ARGUMENTS) || name.starts_with('#') {
                        continue;
                    }
                    Some(self.bindings[b].scope)
                }
                Target::Global => {
                    if self.eval_code {
                        *target = Target::Dynamic(Implicit::Name);
                        continue;
                    }
                    None
                }
                Target::Import(_) | Target::Dynamic(_) => continue,
            };
            if self.crosses_dynamic_scope(*from, declaring) {
                if let Target::Binding(b) = *target {
                    self.bindings[b].captured = true;
                    let scope = self.bindings[b].scope;
                    self.scopes[scope].named = true;
                }
                *target = Target::Dynamic(Implicit::Name);
            }
        }
        self.references = references;
    }

    /// Decides every binding's location, then writes the references and
    /// the scope records into the AST.
    pub fn finish(mut self) {
        self.resolve_dynamic();
        // A mapped arguments object aliases the parameters: they live in
        // the function's environment, which the object keeps.
        for s in 0..self.scopes.len() {
            if self.scopes[s].mapped_arguments && self.scopes[s].arguments_binding.is_some() {
                for i in 0..self.scopes[s].params.len() {
                    let b = self.scopes[s].params[i];
                    self.bindings[b].captured = true;
                }
            }
        }
        self.layout();
        for (site, from, target) in std::mem::take(&mut self.references) {
            let r = self.binding_ref(from, target);
            match site {
                Site::Ident(cell) => cell.set(r),
                Site::SuperThis(cell) => cell.set(SuperCallRefs {
                    this: r,
                    ..cell.get()
                }),
                Site::SuperNewTarget(cell) => cell.set(SuperCallRefs {
                    new_target: r,
                    ..cell.get()
                }),
                Site::SuperFunction(cell) => cell.set(SuperCallRefs {
                    function: r,
                    ..cell.get()
                }),
                Site::AnnexBVar(cell) => cell.set(AnnexBFunction::Var(r)),
                Site::AnnexBFlag(cell) => cell.set(AnnexBFunction::VarByName { flag: r }),
            }
        }
        for id in 0..self.scopes.len() {
            self.write_record(id);
        }
    }

    /// Captured bindings get environment slots in their scope; the others
    /// frame slots in their function, never shared.
    fn layout(&mut self) {
        for s in 0..self.scopes.len() {
            let function = self.scopes[s].function;
            for i in 0..self.scopes[s].bindings.len() {
                let b = self.scopes[s].bindings[i];
                if self.bindings[b].captured {
                    let slot = self.scopes[s].env_slots;
                    self.scopes[s].env_slots += 1;
                    self.bindings[b].location = (true, slot);
                } else {
                    let slot = self.scopes[function].frame_size;
                    self.scopes[function].frame_size += 1;
                    self.bindings[b].location = (false, slot);
                }
            }
        }
    }

    fn creates_env(&self, scope: ScopeId) -> bool {
        let data = &self.scopes[scope];
        data.env_slots > 0
            || data.eval_var_scope
            || matches!(data.kind, ScopeKind::Module | ScopeKind::With)
    }

    /// The names of a named scope's environment slots.
    fn env_names(&self, id: ScopeId) -> Option<Rc<EnvNames>> {
        let scope = &self.scopes[id];
        if !scope.named && !scope.eval_var_scope {
            return None;
        }
        let slots = scope
            .bindings
            .iter()
            .map(|&b| &self.bindings[b])
            .filter(|data| data.location.0)
            .map(|data| NamedSlot {
                name: if &*data.name == ARGUMENTS {
                    Name::from("arguments")
                } else {
                    data.name.clone()
                },
                slot: data.location.1,
                mutable: data.mutable,
                lexical: matches!(data.kind, DeclKind::Let | DeclKind::Const | DeclKind::Class),
            })
            .collect();
        Some(Rc::new(EnvNames {
            slots,
            var_scope: scope.eval_var_scope,
        }))
    }

    /// The BindingRef of `target` as seen from scope `from`.
    pub fn binding_ref(&self, from: ScopeId, target: Target) -> BindingRef {
        match target {
            Target::Global => BindingRef::Global,
            Target::Import(index) => BindingRef::Import { index },
            Target::Dynamic(implicit) => BindingRef::Dynamic(implicit),
            Target::Binding(b) => {
                let data = &self.bindings[b];
                let (in_env, slot) = data.location;
                if !in_env {
                    return BindingRef::Frame {
                        slot,
                        mutable: data.mutable,
                    };
                }
                // Environment-creating scopes from `from` (inclusive) to the
                // declaring scope (exclusive).
                let mut hops = 0;
                let mut s = from;
                while s != data.scope {
                    if self.creates_env(s) {
                        hops += 1;
                    }
                    s = self.scopes[s]
                        .parent
                        .expect("a resolved binding's scope encloses the reference");
                }
                BindingRef::Env {
                    hops,
                    slot,
                    mutable: data.mutable,
                }
            }
        }
    }

    /// The environment slot each parameter index of a mapped arguments
    /// object aliases (CreateMappedArgumentsObject steps 17–18: of
    /// parameters with the same name, the last one is mapped).
    fn parameter_map(&self, scope: &ScopeData) -> Option<Vec<Option<u32>>> {
        if !scope.mapped_arguments || scope.arguments_binding.is_none() {
            return None;
        }
        let mut mapped = Vec::new();
        let mut slots = vec![None; scope.params.len()];
        for (i, &b) in scope.params.iter().enumerate().rev() {
            if !mapped.contains(&b) {
                mapped.push(b);
                slots[i] = Some(self.bindings[b].location.1);
            }
        }
        Some(slots)
    }

    fn own(&self, scope: ScopeId, b: BindingId) -> BindingRef {
        self.binding_ref(scope, Target::Binding(b))
    }

    fn write_record(&self, id: ScopeId) {
        let scope = &self.scopes[id];
        let own = |b: BindingId| self.own(id, b);
        let own_opt = |b: Option<BindingId>| b.map(own);
        let env_slots = (scope.env_slots > 0).then_some(scope.env_slots);
        let env_names = self.env_names(id);
        let hoisted = || -> Vec<HoistedFunction> {
            scope
                .hoisted
                .iter()
                .map(|(f, b)| HoistedFunction {
                    function: f.clone(),
                    target: own(*b),
                })
                .collect()
        };
        let tdz_frame_slots = || -> Vec<u32> {
            scope
                .bindings
                .iter()
                .filter(|&&b| !self.bindings[b].location.0)
                .map(|&b| self.bindings[b].location.1)
                .collect()
        };
        let named = |list: &[BindingId]| -> Vec<(Name, BindingRef, DeclKind)> {
            list.iter()
                .map(|&b| (self.bindings[b].name.clone(), own(b), self.bindings[b].kind))
                .collect()
        };
        match &scope.owner {
            None => {}
            Some(Owner::Function(cell)) => {
                let record = FunctionScope {
                    frame_size: scope.frame_size,
                    env_slots: if scope.eval_var_scope {
                        Some(scope.env_slots)
                    } else {
                        env_slots
                    },
                    env_names,
                    this_binding: own_opt(scope.this_binding),
                    new_target_binding: own_opt(scope.new_target_binding),
                    function_binding: own_opt(scope.function_binding),
                    arguments_binding: own_opt(scope.arguments_binding),
                    self_binding: own_opt(scope.self_binding),
                    var_bindings: scope.vars.iter().map(|&b| own(b)).collect(),
                    hoisted_functions: hoisted(),
                    lexical_bindings: named(&scope.lexical),
                    mapped_arguments: self.parameter_map(scope),
                };
                let _ = cell.set(Box::new(record));
            }
            Some(Owner::Block(cell)) => {
                let record = BlockScope {
                    env_slots,
                    env_names,
                    tdz_frame_slots: tdz_frame_slots(),
                    hoisted_functions: hoisted(),
                    bindings: named(&scope.bindings),
                };
                let _ = cell.set(Box::new(record));
            }
            Some(Owner::Class(cell)) => {
                let record = ClassScope {
                    env_slots,
                    env_names,
                    tdz_frame_slots: tdz_frame_slots(),
                    name_binding: own_opt(scope.class_name),
                    private_names: scope
                        .private_names
                        .iter()
                        .map(|(n, b)| (n.clone(), own(*b)))
                        .collect(),
                };
                let _ = cell.set(Box::new(record));
            }
            Some(Owner::Module(cell)) => {
                let declarations = scope
                    .bindings
                    .iter()
                    .filter(|&&b| {
                        self.bindings[b].location.0 && self.bindings[b].kind != DeclKind::Import
                    })
                    .map(|&b| {
                        let data = &self.bindings[b];
                        (data.name.clone(), data.location.1, data.kind)
                    })
                    .collect();
                let record = ModuleScope {
                    env_slots: scope.env_slots,
                    env_names,
                    frame_size: scope.frame_size,
                    this_binding: own_opt(scope.this_binding),
                    declarations,
                    imports: scope.imports.clone(),
                    var_bindings: scope.vars.iter().map(|&b| own(b)).collect(),
                    hoisted_functions: hoisted(),
                };
                let _ = cell.set(Box::new(record));
            }
            Some(Owner::Script(cell)) => {
                let lexical_declarations = scope
                    .lexical
                    .iter()
                    .map(|&b| {
                        let data = &self.bindings[b];
                        (data.name.clone(), data.location.1, data.kind)
                    })
                    .collect();
                let record = ScriptScope {
                    env_slots: scope.env_slots,
                    env_names,
                    frame_size: scope.frame_size,
                    this_binding: own_opt(scope.this_binding),
                    lexical_declarations,
                    var_names: scope.global_vars.clone(),
                    functions: scope.global_functions.clone(),
                    annex_b_functions: scope
                        .annex_b_flags
                        .iter()
                        .map(|(name, b)| (name.clone(), own(*b)))
                        .collect(),
                    var_bindings: scope.vars.iter().map(|&b| own(b)).collect(),
                    hoisted_functions: hoisted(),
                };
                let _ = cell.set(Box::new(record));
            }
        }
    }
}
