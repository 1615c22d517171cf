//! The state of one running function activation: its frame slots (the
//! bindings scope analysis kept out of the heap), its current environment
//! and the facts about the code it runs.

use std::rc::Rc;

use gc::Gc;

use crate::interp::environment::Env;
use crate::interp::object::JsObject;
use crate::interp::source::SourceText;
use crate::interp::value::Value;

/// How many uncaptured bindings a frame keeps in itself.
pub const FRAME_INLINE_SLOTS: usize = 8;

pub struct Frame {
    /// Uncaptured bindings; `None` while uninitialised. Most functions
    /// have few, and keep them in the frame itself.
    pub slots: smallvec::SmallVec<[Option<Value>; FRAME_INLINE_SLOTS]>,
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
    /// A frame with `size` empty slots. Out of line: inlined, its frame
    /// would take space in every caller's stack frame (a call's too, for
    /// its rare large frames).
    #[inline(never)]
    pub fn new(
        size: u32,
        env: Option<Gc<Env>>,
        module_env: Option<Gc<Env>>,
        source: Rc<SourceText>,
        function: Option<Gc<JsObject>>,
    ) -> Frame {
        let size = size as usize;
        let mut frame = Frame::with_inline_slots(
            size.min(FRAME_INLINE_SLOTS),
            env,
            module_env,
            source,
            function,
            true,
        );
        if size > FRAME_INLINE_SLOTS {
            frame.slots.resize_with(size, || None);
        }
        frame
    }

    /// A frame with `size` (at most [`FRAME_INLINE_SLOTS`]) empty slots,
    /// kept in itself. Made from a whole array of `None`s by no call that
    /// sees its address, so that it can be built where it stays: filled by
    /// a call, it would be copied whole into place afterwards.
    #[inline(always)]
    pub fn with_inline_slots(
        size: usize,
        env: Option<Gc<Env>>,
        module_env: Option<Gc<Env>>,
        source: Rc<SourceText>,
        function: Option<Gc<JsObject>>,
        strict: bool,
    ) -> Frame {
        const EMPTY: Option<Value> = None;
        Frame {
            slots: smallvec::SmallVec::from_buf_and_len([EMPTY; FRAME_INLINE_SLOTS], size),
            env,
            module_env,
            source,
            function,
            strict,
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
