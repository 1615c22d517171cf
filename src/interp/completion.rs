//! Completion Records (ECMA-262 §6.2.4) as the evaluator uses them: a
//! normal completion is `Ok`, a throw completion `Err(Throw)`. Return,
//! break and continue are control flow of the evaluator itself.

use super::value::Value;

/// An abrupt completion of type throw: the thrown value.
#[derive(Clone)]
pub struct Throw(pub Value);

/// A completion record that is either normal (a value) or a throw.
pub type JsResult<T> = Result<T, Throw>;
