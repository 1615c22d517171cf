//! Function objects' internal slots: built-in (native) functions,
//! ECMAScript function objects (closures over the AST) and bound functions
//! (ECMA-262 §10.2, §10.3, §10.4.1).

use std::rc::Rc;

use gc::{Finalize, Gc, Trace};

use super::agent::Agent;
use super::completion::JsResult;
use super::environment::Env;
use super::object::JsObject;
use super::property::PropertyKey;
use super::slots::{Slot, Slots};
use super::source::SourceText;
use super::value::Value;
use crate::syntax::ast;

/// What a built-in function receives.
pub struct CallArgs<'a> {
    /// The function object being called (its `captures` hold per-function data).
    pub callee: &'a Gc<JsObject>,
    pub this: &'a Value,
    pub args: &'a [Value],
    /// `Some` when called through [[Construct]].
    pub new_target: Option<&'a Gc<JsObject>>,
}

impl CallArgs<'_> {
    /// The i-th argument, undefined when absent.
    pub fn arg(&self, i: usize) -> Value {
        self.args.get(i).cloned().unwrap_or(Value::Undefined)
    }

    /// The i-th value captured when the function was created.
    pub fn capture(&self, i: usize) -> Value {
        match &self.callee.kind {
            super::object::ObjectKind::Function(f) => match &f.callable {
                Callable::Native(n) => n.captures.get(i).unwrap_or(Value::Undefined),
                _ => Value::Undefined,
            },
            _ => Value::Undefined,
        }
    }

    /// Replaces the i-th captured value.
    pub fn set_capture(&self, i: usize, value: Value) {
        if let super::object::ObjectKind::Function(f) = &self.callee.kind {
            if let Callable::Native(n) = &f.callable {
                n.captures.set(i, value);
            }
        }
    }
}

/// A built-in function's behaviour ([[Call]] and, for constructors, [[Construct]]).
pub type NativeFn = fn(&mut Agent, &CallArgs) -> JsResult<Value>;

#[derive(Trace, Finalize)]
pub struct FunctionData {
    pub callable: Callable,
}

pub enum Callable {
    Native(NativeFunction),
    Closure(Closure),
    Bound(BoundFunction),
}

impl Finalize for Callable {}

// SAFETY: visits each variant's traced fields.
unsafe impl Trace for Callable {
    gc::custom_trace!(this, {
        match this {
            Callable::Native(n) => mark(n),
            Callable::Closure(c) => mark(c),
            Callable::Bound(b) => mark(b),
        }
    });
}

/// A built-in function object (§10.3).
#[derive(Trace, Finalize)]
pub struct NativeFunction {
    #[unsafe_ignore_trace]
    pub call: NativeFn,
    #[unsafe_ignore_trace]
    pub is_constructor: bool,
    /// Values the function closes over (a promise's resolving functions
    /// hold the promise, Promise.all's element functions their index, …).
    pub captures: Slots<Value>,
    /// [[Realm]]: the realm that was current when the function was created.
    /// Weak because the realm's intrinsics hold the function (a strong link
    /// would keep every realm alive forever); realms outlive their functions
    /// in practice, and a call finding it gone runs in the caller's realm.
    #[unsafe_ignore_trace]
    pub realm: std::rc::Weak<super::realm::Realm>,
}

/// A bound function exotic object (§10.4.1).
#[derive(Trace, Finalize)]
pub struct BoundFunction {
    /// [[BoundTargetFunction]]
    pub target: Gc<JsObject>,
    /// [[BoundThis]]
    pub this: Value,
    /// [[BoundArguments]]
    pub args: Slots<Value>,
}

/// What an ECMAScript function object runs.
#[derive(Clone)]
pub enum Code {
    /// A function, arrow, method, accessor or class constructor.
    Function(Rc<ast::Function>),
    /// A class without a `constructor` method (§15.7.14 step 14.a).
    DefaultConstructor {
        derived: bool,
        class: Rc<ast::Class>,
    },
    /// The initialiser of `class.members[member]` (a field or an accessor
    /// field), run with `this` = the instance.
    FieldInitializer {
        class: Rc<ast::Class>,
        member: usize,
    },
    /// `static { ... }` at `class.members[member]`.
    StaticBlock {
        class: Rc<ast::Class>,
        member: usize,
    },
}

/// [[ConstructorKind]] and the class facts [[Call]]/[[Construct]] need.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum ConstructorKind {
    /// Not a constructor (arrows, methods, accessors, generators, async).
    None,
    /// `function f(){}`: callable and constructible.
    Plain,
    /// A class constructor: throws when called without `new`.
    Base,
    Derived,
}

/// A class field definition (ClassFieldDefinition Record), kept on the
/// constructor as [[Fields]].
#[derive(Clone)]
pub struct FieldRecord {
    /// The field's name: a property key, or a private name (a private symbol).
    pub key: PropertyKey,
    /// The initialiser, a function object running `Code::FieldInitializer`.
    pub initializer: Option<Gc<JsObject>>,
}

impl Finalize for FieldRecord {}

// SAFETY: visits the key and the initialiser.
unsafe impl Trace for FieldRecord {
    gc::custom_trace!(this, {
        mark(&this.key);
        mark(&this.initializer);
    });
}

/// An ECMAScript function object (§10.2).
#[derive(Trace, Finalize)]
pub struct Closure {
    /// [[ECMAScriptCode]] and [[FormalParameters]]
    #[unsafe_ignore_trace]
    pub code: Code,
    /// [[Environment]]: the environment the function closes over.
    pub env: Option<Gc<Env>>,
    /// The module environment of the module that created the function, for
    /// its import bindings ([[ScriptOrModule]]'s environment).
    pub module_env: Option<Gc<Env>>,
    /// [[HomeObject]] (methods), for `super`.
    pub home_object: Slot<Option<Gc<JsObject>>>,
    #[unsafe_ignore_trace]
    pub constructor_kind: ConstructorKind,
    /// [[Fields]] (class constructors).
    pub fields: Slots<FieldRecord>,
    /// Private methods and accessors to add to each instance
    /// ([[PrivateMethods]]): (private name, the method or getter/setter pair).
    pub private_methods: Slots<(PropertyKey, Value, Value)>,
    /// The source text the function came from (stack traces, `toString`).
    #[unsafe_ignore_trace]
    pub source: Rc<SourceText>,
    /// Async functions: whether the body runs without a coroutine (decided
    /// on the first call; see `eval::stackless_async`).
    #[unsafe_ignore_trace]
    pub stackless: std::cell::Cell<Option<bool>>,
    /// How many own properties the last object this function constructed
    /// had when the constructor returned: room made in advance for the
    /// next one's (so that `this.x = …` in a constructor does not grow the
    /// property vector one step at a time).
    #[unsafe_ignore_trace]
    pub expected_properties: std::cell::Cell<u8>,
}

impl FunctionData {
    pub fn closure(&self) -> Option<&Closure> {
        match &self.callable {
            Callable::Closure(c) => Some(c),
            _ => None,
        }
    }
}
