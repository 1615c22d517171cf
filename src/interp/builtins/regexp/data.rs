//! The internal slots of RegExp objects and reading them.

use std::cell::RefCell;

use gc::{Finalize, Gc, Trace};

use super::compile::{Compiled, FlagSet, StickyMatcher};
use crate::interp::object::{JsObject, ObjectData};
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// `[[RegExpMatcher]]`, `[[OriginalSource]]`, `[[OriginalFlags]]`: empty between
/// RegExpAlloc and RegExpInitialize (and replaced by Annex B `compile`).
#[derive(Trace, Finalize, Default)]
pub struct RegExpData {
    #[unsafe_ignore_trace]
    pub(super) compiled: RefCell<Option<Compiled>>,
}

impl ObjectData for RegExpData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "RegExp"
    }
}

/// What a RegExp's matcher needs, copied out of the object.
#[derive(Clone)]
pub(crate) struct MatcherInfo {
    pub matcher: std::rc::Rc<regress::Regex>,
    pub sticky: StickyMatcher,
    pub source: JsStr,
    pub flags: FlagSet,
    /// Every match starts at 0 (`compile::anchored_at_start`).
    pub anchored: bool,
}

/// The initialised RegExp data of `v`, if it has it.
pub(crate) fn matcher_of(v: &Value) -> Option<MatcherInfo> {
    let Value::Object(o) = v else { return None };
    let data = o.data::<RegExpData>()?;
    let compiled = data.compiled.borrow();
    compiled.as_ref().map(|c| MatcherInfo {
        matcher: c.matcher.clone(),
        sticky: c.sticky.clone(),
        source: c.source.clone(),
        flags: c.flag_set,
        anchored: c.anchored,
    })
}

/// Whether `o` has a `[[RegExpMatcher]]` slot.
pub fn is_regexp_object(o: &Gc<JsObject>) -> bool {
    o.data::<RegExpData>().is_some()
}

/// [[OriginalFlags]] of a RegExp object, read without copying its matcher.
pub(crate) fn original_flags(o: &Gc<JsObject>) -> Option<FlagSet> {
    let data = o.data::<RegExpData>()?;
    let compiled = data.compiled.borrow();
    compiled.as_ref().map(|c| c.flag_set)
}

/// The source and flags of an initialised RegExp object.
pub(crate) fn source_and_flags(o: &Gc<JsObject>) -> Option<(JsStr, JsStr)> {
    let data = o.data::<RegExpData>()?;
    let compiled = data.compiled.borrow();
    compiled
        .as_ref()
        .map(|c| (c.source.clone(), c.flags.clone()))
}
