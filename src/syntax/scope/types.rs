//! What scope analysis records in the AST for the evaluator.
//!
//! Every identifier reference and binding occurrence carries a
//! [`BindingRef`] (in `Ident::binding`) saying where its binding lives at
//! run time, so that reading a variable is indexing, not a name lookup.
//! Every node that opens a scope carries a scope record (`Function::scope`,
//! `Stmt::scope`, `CatchClause::scope`, `Class::scope`, the class members'
//! `scope`, `Module::scope`, `Script::scope`) saying what to allocate and initialise on entry.
//!
//! Where bindings live:
//! - A binding referenced only from the function that declares it (the
//!   nearest function-like scope: function, arrow, method, class field
//!   initialiser, static block, module body) lives in that function's
//!   *frame*: a plain array of slots allocated per call, indexed by
//!   [`BindingRef::Frame`]. Block-scoped bindings get their own frame slots
//!   (never shared with another live binding of the same function).
//! - A binding referenced from a nested function (captured) lives in a
//!   heap *environment* of the scope that declares it. A scope creates an
//!   environment at run time exactly when its `env_slots` is `Some(n)`.
//!   [`BindingRef::Env`] counts `hops`: how many environment-creating scopes
//!   lie between the reference and the declaring scope, counting the
//!   reference's own scope and excluding the declaring one; the evaluator
//!   follows that many `parent` links from its current environment.
//! - Module top-level bindings always live in the module environment
//!   (other modules read them through exports).
//! - Names declared nowhere, and a script's top-level var and function
//!   declarations, are [`BindingRef::Global`]: looked up by name in the
//!   realm's global environment (scripts' let/const/class, then the global
//!   object's properties).
//!
//! A slot holds "uninitialised" until its declaration runs: let, const and
//! class bindings are in their temporal dead zone until then.
//!
//! Direct `eval` and `with` (non-strict code) make some names unknowable
//! before run time; references that could be shadowed by them are
//! [`BindingRef::Dynamic`] and looked up by name, and the environments they
//! may reach carry their names ([`EnvNames`]). See
//! `spec-notes/14-non-strict-code.md`.

use std::rc::Rc;

use crate::syntax::ast::{Function, Name};

/// Where a name's binding lives. `Copy`, so it sits in a `Cell` in the AST.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum BindingRef {
    /// Not analysed (binding occurrences that need no slot, e.g. labels,
    /// property names). The evaluator treats it as `Global`.
    #[default]
    Unresolved,
    /// Not declared in any enclosing scope: a global object property.
    Global,
    /// A slot of the current function's frame.
    Frame { slot: u32, mutable: bool },
    /// A slot of an environment `hops` parents up from the current one.
    Env { hops: u32, slot: u32, mutable: bool },
    /// Looked up by name at run time (ResolveBinding proper): the reference
    /// may be shadowed by a `with` object or a var that a non-strict direct
    /// `eval` declares, or it is in eval code and names a binding of the
    /// code that called `eval`. `Implicit` says which name: the identifier's
    /// own, or an implicit binding of the enclosing function.
    Dynamic(Implicit),
    /// A module's import binding (ImportEntries with a name, not `* as ns`):
    /// index into [`ModuleScope::imports`]; the module layer resolves it to
    /// the exporting module's slot at link time. Always immutable.
    Import { index: u32 },
}

impl BindingRef {
    /// Whether assignment may change the binding (false for const, class
    /// inner names, imports, a function expression's own name).
    pub fn is_mutable(self) -> bool {
        match self {
            BindingRef::Frame { mutable, .. } | BindingRef::Env { mutable, .. } => mutable,
            BindingRef::Import { .. } => false,
            BindingRef::Unresolved | BindingRef::Global | BindingRef::Dynamic(_) => true,
        }
    }
}

/// The name a [`BindingRef::Dynamic`] looks up.
#[derive(Copy, Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Implicit {
    /// The identifier's own name.
    Name,
    /// The enclosing function's `this` (GetThisEnvironment).
    This,
    NewTarget,
    /// The active function object (for `super`).
    Function,
}

impl Implicit {
    /// The name of the implicit binding in [`EnvNames`].
    pub fn binding_name(self) -> &'static str {
        match self {
            Implicit::Name => "",
            Implicit::This => "%this",
            Implicit::NewTarget => "%new.target",
            Implicit::Function => "%function",
        }
    }
}

/// The names of an environment's slots, for the lookups by name that
/// direct `eval` and `with` need. Only scopes such a lookup can reach
/// have one.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct EnvNames {
    pub slots: Vec<NamedSlot>,
    /// The variable environment of a non-strict function whose direct
    /// `eval` calls may add `var` bindings to it (EvalDeclarationInstantiation).
    pub var_scope: bool,
}

#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct NamedSlot {
    pub name: Name,
    pub slot: u32,
    pub mutable: bool,
    /// A let, const or class declaration (a `var` of the same name in eval
    /// code is a SyntaxError).
    pub lexical: bool,
}

impl EnvNames {
    pub fn find(&self, name: &str) -> Option<&NamedSlot> {
        self.slots.iter().find(|s| &*s.name == name)
    }
}

/// What evaluating a block-level function declaration does in non-strict
/// code (Annex B.3.3), besides nothing (§15.2.6: a FunctionDeclaration
/// evaluates to empty; its block instantiated it already). Set by scope
/// analysis in `Function::annex_b`.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AnnexBFunction {
    /// Strict code, or a declaration Annex B leaves alone (replacing it
    /// with `var F` would be an early error, or F is a parameter name).
    #[default]
    None,
    /// B.3.3.1, in a function: copy the block's binding of F into the
    /// function's var binding of F (FunctionDeclarationInstantiation made
    /// it, initialised to undefined).
    Var(BindingRef),
    /// B.3.3.2 / B.3.3.3, in a script or eval code: whether the var binding
    /// of F exists is decided at run time by GlobalDeclarationInstantiation
    /// or EvalDeclarationInstantiation, which initialise `flag` (a hidden
    /// binding of the top-level scope) when they make it; if so, copy the
    /// block's binding into the var binding found by name.
    VarByName { flag: BindingRef },
}

/// How a name was declared.
#[derive(Copy, Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DeclKind {
    Var,
    Let,
    Const,
    Class,
    /// Function declarations (hoisted, initialised on scope entry).
    Function,
    Param,
    CatchParam,
    /// `import * as ns` (an immutable binding to the namespace object).
    ImportNamespace,
    /// Named and default imports (indirect bindings).
    Import,
}

/// A function declaration to instantiate when its scope is entered
/// (FunctionDeclarationInstantiation step 36, BlockDeclarationInstantiation
/// step 3.b, InitializeEnvironment step 24).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct HoistedFunction {
    #[serde(with = "crate::syntax::cache::serde_with::shared_function")]
    pub function: Rc<Function>,
    /// Where to store the new function object.
    pub target: BindingRef,
}

/// The scope of a function, arrow, method, getter/setter, class
/// constructor, class field initialiser or static block.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct FunctionScope {
    /// Frame slots to allocate per call (all uninitialised at entry).
    pub frame_size: u32,
    /// Slots of the function-level environment; `None`: no environment is
    /// created (the closure's captured environment stays current).
    pub env_slots: Option<u32>,
    /// The environment's names, when `eval` or `with` may look them up.
    pub env_names: Option<Rc<EnvNames>>,
    /// Where to store the `this` value at entry; `None` when nothing reads
    /// it (arrows never have one: their `this` resolves outward). In a
    /// derived constructor it stays uninitialised until `super()` returns.
    pub this_binding: Option<BindingRef>,
    /// Where to store `new.target` (when read here or by a nested arrow).
    pub new_target_binding: Option<BindingRef>,
    /// Where to store the active function object, when `super` is used here
    /// or in a nested arrow (the evaluator reads [[HomeObject]] from it).
    pub function_binding: Option<BindingRef>,
    /// Where to store the (unmapped) arguments object, when `arguments` is
    /// referenced here or in a nested arrow.
    pub arguments_binding: Option<BindingRef>,
    /// A named function expression's own name (immutable), unless a
    /// parameter or declaration of the body has the same name.
    pub self_binding: Option<BindingRef>,
    /// `var` declarations (other than parameter names) of the body, set to
    /// undefined at entry.
    pub var_bindings: Vec<BindingRef>,
    /// Function declarations at the body's top level.
    pub hoisted_functions: Vec<HoistedFunction>,
    /// Frame or env slots of let/const/class declared at the body's top level
    /// (already uninitialised at entry; listed for tracing and the module layer).
    pub lexical_bindings: Vec<(Name, BindingRef, DeclKind)>,
    /// A mapped arguments object's [[ParameterMap]]: for each parameter
    /// index, the parameter's slot in the function environment (None for
    /// an earlier parameter of a repeated name). None: unmapped.
    pub mapped_arguments: Option<Vec<Option<u32>>>,
}

/// The scope of a block statement, `switch`, `for`/`for-in`/`for-of` head
/// (its let/const declarations), or a `catch` clause (parameter and body).
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct BlockScope {
    /// Slots of the environment entering this scope creates; `None`: none
    /// (every binding of the scope lives in the frame).
    pub env_slots: Option<u32>,
    pub env_names: Option<Rc<EnvNames>>,
    /// Frame slots of this scope's bindings, to reset to uninitialised on
    /// every entry (a loop body's `let x` is in its TDZ again each time).
    pub tdz_frame_slots: Vec<u32>,
    /// Block-level function declarations, instantiated on entry.
    pub hoisted_functions: Vec<HoistedFunction>,
    /// Every binding the scope declares, in source order.
    pub bindings: Vec<(Name, BindingRef, DeclKind)>,
}

/// The scope a class body opens (ClassDefinitionEvaluation's classEnv):
/// the class's inner name binding and its private names.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct ClassScope {
    pub env_slots: Option<u32>,
    pub env_names: Option<Rc<EnvNames>>,
    pub tdz_frame_slots: Vec<u32>,
    /// The class's own name inside its body (immutable), if it has a name.
    pub name_binding: Option<BindingRef>,
    /// Each private name `#x` declared by the body, once (a getter/setter
    /// pair shares one), with where its Private Name lives. Private name
    /// references (`this.#x`, `#x in o`) resolve to these bindings.
    pub private_names: Vec<(Name, BindingRef)>,
}

/// A module's top-level scope.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct ModuleScope {
    /// Slots of the module environment.
    pub env_slots: u32,
    pub env_names: Option<Rc<EnvNames>>,
    /// Frame slots for the module body's own uncaptured block bindings.
    pub frame_size: u32,
    /// `this` at the top level of a module is undefined; where it is stored
    /// if something (e.g. an arrow) reads it.
    pub this_binding: Option<BindingRef>,
    /// Every top-level binding except named/default imports: vars,
    /// functions, let/const/class, `import * as ns` and `*default*` (for
    /// `export default <expression>` and anonymous default functions and
    /// classes), with its environment slot.
    pub declarations: Vec<(Name, u32, DeclKind)>,
    /// Named and default import bindings, in source order; index i is
    /// `BindingRef::Import { index: i }`.
    pub imports: Vec<Name>,
    pub var_bindings: Vec<BindingRef>,
    pub hoisted_functions: Vec<HoistedFunction>,
}

/// A script's top-level scope (ScriptEvaluation, GlobalDeclarationInstantiation).
/// Its var and function declarations are properties of the global object,
/// so references to them are [`BindingRef::Global`]; its let, const and
/// class declarations live in the script environment (every slot captured),
/// which the realm's global declarative record then names for later scripts
/// and modules.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct ScriptScope {
    /// Slots of the script environment.
    pub env_slots: u32,
    pub env_names: Option<Rc<EnvNames>>,
    /// Frame slots for the script body's own uncaptured block bindings.
    pub frame_size: u32,
    /// Where the global `this` value is stored if something reads it.
    pub this_binding: Option<BindingRef>,
    /// LexicallyDeclaredNames (let, const, class) with their slots in the
    /// script environment, in source order.
    pub lexical_declarations: Vec<(Name, u32, DeclKind)>,
    /// VarDeclaredNames of `var` declarations (not functions), in source
    /// order, each once.
    pub var_names: Vec<Name>,
    /// The top-level function declarations, in source order (a later one
    /// of the same name wins).
    #[serde(with = "crate::syntax::cache::serde_with::shared_functions")]
    pub functions: Vec<Rc<Function>>,
    /// Non-strict code: the block-level function declarations Annex B.3.3.2
    /// / B.3.3.3 may give a var binding, in source order (a name may repeat),
    /// with the hidden binding that records that it did.
    pub annex_b_functions: Vec<(Name, BindingRef)>,
    /// Strict eval code only: its var declarations and functions are its
    /// own bindings (EvalDeclarationInstantiation's new varEnv).
    pub var_bindings: Vec<BindingRef>,
    pub hoisted_functions: Vec<HoistedFunction>,
}

/// What `super(...)` needs: where the enclosing constructor keeps `this`
/// (written when the parent constructor returns), `new.target` and the
/// active function (whose [[GetPrototypeOf]] is the parent constructor).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SuperCallRefs {
    pub this: BindingRef,
    pub new_target: BindingRef,
    pub function: BindingRef,
}
