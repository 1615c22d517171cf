//! Where the exception being propagated was thrown: V8's message location,
//! which Node shows above an error's stack (`vm`'s `displayErrors`).
//!
//! A `throw` statement and every error the engine throws (`Agent::error`)
//! record the innermost frame's source and position together with the
//! thrown object; an exception passed on unchanged (a `finally` block, a
//! native function handing on its callback's throw) keeps the place of its
//! last throw, and `throw e` of a caught error gives it a new one, as V8's
//! rethrow does. Only objects are recorded: Node decorates nothing else.

use std::rc::Rc;

use gc::Gc;

use super::agent::Agent;
use super::source::SourceText;
use super::value::Value;

/// The place of the last throw of an object.
pub struct ThrowSite {
    /// The thrown object's address: compared, never followed (the site
    /// does not keep the object alive).
    object: usize,
    pub source: Rc<SourceText>,
    /// Byte offset in `source`.
    pub offset: u32,
}

fn object_id(value: &Value) -> Option<usize> {
    match value {
        Value::Object(o) => Some(Gc::as_ptr(o) as *const u8 as usize),
        _ => None,
    }
}

impl Agent {
    /// Records that `value` is being thrown at the innermost frame's
    /// current position (nothing for primitives or outside any code).
    pub(crate) fn record_throw_site(&mut self, value: &Value) {
        let (Some(object), Some(frame)) = (object_id(value), self.stack.last()) else {
            return;
        };
        self.last_throw_site = Some(ThrowSite {
            object,
            source: frame.source.clone(),
            offset: frame.position.get(),
        });
    }

    /// Where `value` was last thrown, if it is the object thrown last.
    pub fn throw_site_of(&self, value: &Value) -> Option<&ThrowSite> {
        let object = object_id(value)?;
        self.last_throw_site
            .as_ref()
            .filter(|site| site.object == object)
    }
}
