//! The state of one running function activation: its frame slots (the
//! bindings scope analysis kept out of the heap), its current environment
//! and the facts about the code it runs.

use std::rc::Rc;

use gc::Gc;

use crate::interp::environment::Env;
use crate::interp::object::JsObject;
use crate::interp::source::SourceText;
use crate::interp::value::Value;

pub struct Frame {
    /// Uncaptured bindings; `None` while uninitialised. Most functions
    /// have few, and keep them in the frame itself.
    pub slots: smallvec::SmallVec<[Option<Value>; 8]>,
    /// The innermost environment (the running execution context's
    /// LexicalEnvironment, as far as captured bindings go).
    pub env: Option<Gc<Env>>,
    /// The module environment, for import bindings.
    pub module_env: Option<Gc<Env>>,
    pub source: Rc<SourceText>,
    /// The function object being run (None for module code).
    pub function: Option<Gc<JsObject>>,
    /// Whether the code being run is strict mode code (ECMA-262 §11.2.2):
    /// PutValue throws where non-strict code fails silently. True unless
    /// the frame runs a non-strict script or function.
    pub strict: bool,
    /// Eval code's completion value (the value of the last statement
    /// with a non-empty completion, §14 UpdateEmpty); None in every other
    /// frame, which does not track it.
    pub completion: Option<Value>,
    /// A function's formal parameters are being evaluated (defaults and
    /// patterns): a direct eval there sees the spec's separate parameter
    /// environment (FunctionDeclarationInstantiation step 20).
    pub evaluating_parameters: bool,
}

impl Frame {
    #[inline]
    pub fn new(
        size: u32,
        env: Option<Gc<Env>>,
        module_env: Option<Gc<Env>>,
        source: Rc<SourceText>,
        function: Option<Gc<JsObject>>,
    ) -> Frame {
        let mut slots = smallvec::SmallVec::new();
        slots.resize_with(size as usize, || None);
        Frame {
            slots,
            env,
            module_env,
            source,
            function,
            strict: true,
            completion: None,
            evaluating_parameters: false,
        }
    }
}

/// How a statement list ended (ECMA-262 §6.2.4 Completion Records, without
/// the throw type, which travels as `Err(Throw)`).
pub enum Completion {
    Normal,
    Return(Value),
    Break(Option<Rc<str>>),
    Continue(Option<Rc<str>>),
}
