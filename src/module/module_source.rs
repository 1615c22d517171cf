//! Source Phase Imports (TC39 proposal, stage 3): a module's source
//! representation, [[ModuleSource]], and %AbstractModuleSource%
//! (spec-notes/18-import-phases.md).
//!
//! Source text modules and synthetic modules (JSON, `vm.SyntheticModule`)
//! have no source representation, so every `import source` of one is a
//! SyntaxError; a host that has module sources (WebAssembly, in the
//! proposal's words) sets [[ModuleSource]] to a [`ModuleSourceObject`].

use std::any::Any;

use gc::{Finalize, Gc, Trace};

use super::record::{ModuleId, SharedGraph};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::native::{define_value, FIXED};
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::value::Value;

/// A Module Source Object of a host-defined kind: what
/// HostGetModuleSourceModuleRecord finds behind an object, reduced to what
/// GetModuleSourceKind ( ) answers.
#[derive(Trace, Finalize)]
pub struct ModuleSourceObject {
    /// GetModuleSourceKind ( ) of its module record.
    #[unsafe_ignore_trace]
    pub kind: &'static str,
}

impl ObjectData for ModuleSourceObject {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &'static str {
        self.kind
    }
}

/// The module's [[ModuleSource]], or the SyntaxError of InitializeEnvironment
/// (`import source`) and ContinueDynamicImport (`import.source()`) when it
/// is `empty` — as it is for every source text module.
pub fn get_module_source(
    agent: &mut Agent,
    graph: &SharedGraph,
    module: ModuleId,
) -> JsResult<Gc<JsObject>> {
    let (source, name) = {
        let g = graph.borrow();
        (g.get(module).module_source.clone(), g.label(module))
    };
    match source {
        // 1. Let moduleSourceObject be module.[[ModuleSource]].
        Some(source) => Ok(source),
        // 2. If moduleSourceObject is empty, throw a SyntaxError exception.
        None => Err(agent.syntax_error(format!(
            "Module '{name}' has no source representation to import at the source phase"
        ))),
    }
}

/// Installs %AbstractModuleSource% and %AbstractModuleSource.prototype%
/// (Source Phase Imports §28.3 Module Source Objects) in the current realm.
/// Neither is a global; `$262.AbstractModuleSource` reaches the first.
pub fn install_abstract_module_source(agent: &mut Agent) {
    // The %AbstractModuleSource% prototype object: an ordinary object whose
    // [[Prototype]] is %Object.prototype%.
    let proto = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
    // %AbstractModuleSource%: [[Prototype]] %Function.prototype%, "name"
    // "AbstractModuleSource", "length" 0.
    let ctor = agent.native_function_with(
        "AbstractModuleSource",
        0,
        abstract_module_source,
        true,
        Vec::new(),
    );
    // %AbstractModuleSource%.prototype: { [[Writable]]: false,
    // [[Enumerable]]: false, [[Configurable]]: false }.
    ctor.define_own_property(
        PropertyKey::from("prototype"),
        PropertyDescriptor::data(Value::Object(proto.clone()), FIXED),
    );
    // %AbstractModuleSource%.prototype.constructor
    define_value(
        &proto,
        "constructor",
        Value::Object(ctor.clone()),
        Attributes::METHOD,
    );
    // get %AbstractModuleSource%.prototype [ %Symbol.toStringTag% ]
    let tag = agent.symbols.to_string_tag.clone();
    agent.define_accessor(
        &proto,
        PropertyKey::Symbol(tag),
        Some(get_to_string_tag),
        None,
    );
    agent.intrinsics().register("AbstractModuleSource", ctor);
    agent
        .intrinsics()
        .register("AbstractModuleSource.prototype", proto);
}

/// %AbstractModuleSource% ( ): an abstract class constructor.
fn abstract_module_source(agent: &mut Agent, _: &CallArgs) -> JsResult<Value> {
    // 1. Throw a TypeError exception.
    agent.throw_type_error("Abstract class AbstractModuleSource not directly constructable")
}

/// get %AbstractModuleSource%.prototype [ %Symbol.toStringTag% ]
fn get_to_string_tag(_agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, return undefined.
    let Value::Object(o) = args.this else {
        return Ok(Value::Undefined);
    };
    // 3. Let module be HostGetModuleSourceModuleRecord(O).
    // 4. If module is not-a-source, return undefined.
    // 5. Let name be module.GetModuleSourceKind().
    // 6. Assert: name is a String.
    // 7. Return name.
    Ok(match &o.kind {
        ObjectKind::Other(data) => match data.as_any().downcast_ref::<ModuleSourceObject>() {
            Some(source) => Value::from(source.kind),
            None => Value::Undefined,
        },
        _ => Value::Undefined,
    })
}
