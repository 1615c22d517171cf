//! RegExp (Regular Expression) Objects (ECMA-262 §22.2) over the `regress`
//! engine, which implements ECMAScript pattern semantics and matches
//! UTF-16 text directly (indices are code units).

mod accessors;
mod compile;
mod constructor;
mod data;
mod escape;
mod exec;
mod legacy;
mod string_iterator;
mod substitution;
mod symbols;
#[cfg(test)]
mod tests;
mod watched;

use crate::interp::agent::Agent;
use crate::interp::property::PropertyKey;

pub use accessors::regexp_display;
pub use constructor::{is_regexp, regexp_create, regexp_create_from_values};
pub(crate) use data::source_and_flags;
pub use data::{is_regexp_object, RegExpData};
pub(crate) use data::{matcher_of, MatcherInfo};
pub use substitution::get_substitution;

pub fn install(agent: &mut Agent) {
    let proto = agent.intrinsics().regexp_prototype.clone();
    let ctor = agent.native_constructor("RegExp", 2, constructor::regexp_constructor, &proto);
    agent.define_species(&ctor);
    legacy::install(agent, &ctor);
    agent.define_method(&ctor, "escape", 1, escape::regexp_escape);
    let exec_fn = agent.define_method(&proto, "exec", 1, exec::regexp_exec_method);
    agent
        .intrinsics()
        .register("RegExp.prototype.exec", exec_fn);
    let getters: [(&str, crate::interp::function::NativeFn); 10] = [
        ("dotAll", accessors::get_dot_all),
        ("flags", accessors::get_flags),
        ("global", accessors::get_global),
        ("hasIndices", accessors::get_has_indices),
        ("ignoreCase", accessors::get_ignore_case),
        ("multiline", accessors::get_multiline),
        ("source", accessors::get_source),
        ("sticky", accessors::get_sticky),
        ("unicode", accessors::get_unicode),
        ("unicodeSets", accessors::get_unicode_sets),
    ];
    for (name, getter) in getters {
        agent.define_accessor(&proto, PropertyKey::from(name), Some(getter), None);
    }
    accessors::remember_getters(agent, &proto);
    agent.define_method(&proto, "compile", 2, constructor::regexp_compile);
    agent.define_method(&proto, "toString", 0, exec::regexp_to_string);
    agent.define_method(&proto, "test", 1, exec::regexp_test);
    symbols::install(agent, &proto);
    string_iterator::install(agent);
}
