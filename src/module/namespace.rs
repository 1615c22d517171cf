//! Module namespace exotic objects (ECMA-262 §10.4.6, ModuleNamespaceCreate
//! §10.4.6.12, §28.3 Module Namespace Objects) and GetModuleNamespace
//! (§16.2.1.13).
//!
//! The object stores one ordinary data property per export (writable,
//! enumerable, not configurable) in sorted order plus @@toStringTag, and is
//! not extensible, so the ordinary internal methods give the specified
//! answers for [[GetPrototypeOf]], [[IsExtensible]], [[DefineOwnProperty]]
//! of absent keys, [[Delete]] and [[OwnPropertyKeys]]. Values are read live
//! through [`ObjectData::live_value`]; [[Set]] always fails.

use std::any::Any;

use gc::{Finalize, Gc, GcCell, Trace};

use super::record::{BindingName, ModuleId, Resolution, SharedGraph};
use crate::interp::agent::Agent;
use crate::interp::environment::ImportTarget;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// [[Module]]'s bindings for [[Exports]] (sorted by code units).
#[derive(Trace, Finalize)]
pub struct ModuleNamespace {
    #[unsafe_ignore_trace]
    names: Vec<JsStr>,
    targets: GcCell<Vec<ImportTarget>>,
}

impl ObjectData for ModuleNamespace {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "Module"
    }
    fn live_value(&self, key: &PropertyKey) -> Option<Option<Value>> {
        let name = match key {
            PropertyKey::String(s) => s.clone(),
            PropertyKey::Index(i) => JsStr::from(i.to_string()),
            PropertyKey::Symbol(_) => return None,
        };
        let i = self
            .names
            .binary_search_by(|n| n.units().cmp(name.units()))
            .ok()?;
        Some(match &self.targets.borrow()[i] {
            ImportTarget::Binding { env, slot } => env.get(*slot),
            ImportTarget::Namespace(ns) => Some(Value::Object(ns.clone())),
            ImportTarget::Unlinked => None,
        })
    }
    fn rejects_set(&self) -> bool {
        true
    }
}

/// GetModuleNamespace ( module ) — <https://tc39.es/ecma262/#sec-getmodulenamespace>
/// (§16.2.1.13)
// Deviation: iterative. Exports that are other modules' namespaces
// (`export * as ns`) are filled in once every namespace they need exists,
// so cycles of such exports need no recursion. The namespace also records
// where each export's binding lives (ResolveExport's answer), so reading a
// property needs no second resolution.
pub fn get_module_namespace(
    agent: &mut Agent,
    graph: &SharedGraph,
    module: ModuleId,
) -> Gc<JsObject> {
    let mut work = vec![module];
    // (namespace object, export index, module whose namespace goes there)
    let mut fills: Vec<(Gc<JsObject>, usize, ModuleId)> = Vec::new();
    while let Some(m) = work.pop() {
        // 1. Assert: If module is a Cyclic Module Record, then module.[[Status]] is
        //    not new or unlinked.
        debug_assert!(
            !matches!(
                graph.borrow().get(m).status,
                super::record::Status::New | super::record::Status::Unlinked
            ),
            "GetModuleNamespace step 1"
        );
        // 2. Let namespace be module.[[Namespace]].
        // 3. If namespace is empty, then
        if graph.borrow().get(m).namespace.is_some() {
            continue;
        }
        let mut g = graph.borrow_mut();
        // a. Let exportedNames be module.GetExportedNames().
        let exported_names = g.get_exported_names(m);
        // b. Let unambiguousNames be a new empty List.
        // c. For each element name of exportedNames, do
        //    i. Let resolution be module.ResolveExport(name).
        //    ii. If resolution is a ResolvedBinding Record, append name to unambiguousNames.
        let mut resolved = Vec::new();
        let mut wanted = Vec::new();
        for name in exported_names {
            if let Resolution::Resolved(b) = g.resolve_export(m, &name) {
                let target = match b.binding_name {
                    BindingName::Slot(slot) => ImportTarget::Binding {
                        env: g.get(b.module).env(),
                        slot,
                    },
                    BindingName::Namespace => {
                        wanted.push((name.clone(), b.module));
                        ImportTarget::Unlinked
                    }
                };
                resolved.push((name, target));
            }
        }
        drop(g);
        // d. Set namespace to ModuleNamespaceCreate(module, unambiguousNames).
        let ns = module_namespace_create(agent, resolved);
        let data = ns.data::<ModuleNamespace>().expect("namespace");
        for (name, dep) in wanted {
            let index = data
                .names
                .binary_search_by(|n| n.units().cmp(name.units()))
                .expect("exported name");
            fills.push((ns.clone(), index, dep));
            work.push(dep);
        }
        // (ModuleNamespaceCreate step 9.) Set module.[[Namespace]] to M.
        graph.borrow_mut().get_mut(m).namespace = Some(ns);
    }
    let g = graph.borrow();
    for (ns, index, dep) in fills {
        let target = g.get(dep).namespace.clone().expect("created above");
        let data = ns.data::<ModuleNamespace>().expect("namespace");
        data.targets.borrow_mut()[index] = ImportTarget::Namespace(target);
    }
    // 4. Return namespace.
    g.get(module).namespace.clone().expect("created above")
}

/// ModuleNamespaceCreate ( module, exports ) —
/// <https://tc39.es/ecma262/#sec-modulenamespacecreate> (§10.4.6.12)
// Deviation: the caller does step 9 (Set module.[[Namespace]] to M), and
// step 1's Assert is its check that [[Namespace]] is empty. [[Module]] is
// not kept: the namespace holds each export's binding instead.
fn module_namespace_create(
    agent: &mut Agent,
    mut exports: Vec<(JsStr, ImportTarget)>,
) -> Gc<JsObject> {
    // 6. Let sortedExports be a List whose elements are the elements of exports,
    //    sorted according to lexicographic code unit order.
    exports.sort_by(|a, b| a.0.units().cmp(b.0.units()));
    let (names, targets): (Vec<JsStr>, Vec<ImportTarget>) = exports.into_iter().unzip();
    let names_copy = names.clone();
    // 2. Let internalSlotsList be the internal slots listed in Table "Internal Slots
    //    of Module Namespace Exotic Objects".
    // 3. Let M be MakeBasicObject(internalSlotsList).
    // 4. Set M's essential internal methods to the definitions specified in §10.4.6.
    // 5. Set M.[[Module]] to module.
    // 7. Set M.[[Exports]] to sortedExports.
    // (Exports are ordinary non-configurable data properties whose values are
    // read live through `ObjectData::live_value`; [[Prototype]] is null.)
    let ns = JsObject::with_kind(
        None,
        ObjectKind::Other(Box::new(ModuleNamespace {
            names,
            targets: GcCell::new(targets),
        })),
    );
    for name in names_copy {
        ns.ordinary_define_own_property(
            PropertyKey::from_string(name),
            PropertyDescriptor::data(
                Value::Undefined,
                Attributes {
                    writable: true,
                    enumerable: true,
                    configurable: false,
                },
            ),
        );
    }
    // 8. Create own properties of M corresponding to the definitions in §28.3:
    //    §28.3.1 %Symbol.toStringTag% is "Module", not writable, enumerable or
    //    configurable.
    let tag = agent.symbols.to_string_tag.clone();
    ns.define_own_property(
        PropertyKey::Symbol(tag),
        PropertyDescriptor::data(Value::String(JsStr::from("Module")), Attributes::default()),
    );
    ns.prevent_extensions();
    // 10. Return M.
    ns
}
