//! Completion Records (ECMA-262 §6.2.4) as the evaluator uses them: a
//! normal completion is `Ok`, a throw completion `Err(Throw)`. Return,
//! break and continue are control flow of the evaluator itself.

use super::value::Value;

/// An abrupt completion of type throw: the thrown value.
///
/// The value is boxed so that a `JsResult` is no wider than its normal
/// value: `JsResult<()>` and `JsResult<bool>` travel in registers, and a
/// `JsResult<Value>` is a `Value` (the error takes a spare tag). Throws are
/// rare; normal completions are every step of evaluation.
#[derive(Clone)]
pub struct Throw(pub Box<Value>);

impl Throw {
    pub fn new(value: Value) -> Throw {
        Self(Box::new(value))
    }
}

/// A completion record that is either normal (a value) or a throw.
pub type JsResult<T> = Result<T, Throw>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_is_no_wider_than_its_value() {
        use std::mem::size_of;
        // Two words: a tag, and a number or one pointer (strings too).
        assert_eq!(size_of::<Value>(), 2 * size_of::<usize>());
        assert_eq!(size_of::<JsResult<Value>>(), size_of::<Value>());
        assert_eq!(size_of::<JsResult<()>>(), size_of::<usize>());
        assert_eq!(size_of::<JsResult<bool>>(), 2 * size_of::<usize>());
    }
}
