//! Contexts (`vm.createContext`, `Runtime::create_context`): a realm with its own intrinsics whose
//! global object reads and writes through to the contextified object, as
//! V8's global-proxy interceptors do in Node.

use std::any::Any;
use std::rc::Rc;

use gc::{Finalize, Gc, GcCell, Trace};

use super::agent::Agent;
use super::object::{JsObject, ObjectData, ObjectKind};
use super::realm::Realm;

/// The global object of a context: own properties are the realm's
/// built-ins; the contextified object's own properties come first.
#[derive(Trace, Finalize)]
pub struct ContextGlobal {
    sandbox: GcCell<Option<Gc<JsObject>>>,
}

impl ObjectData for ContextGlobal {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "Object"
    }
    fn forward_target(&self) -> Option<Gc<JsObject>> {
        self.sandbox.borrow().clone()
    }
}

/// Contextifies `sandbox`: a new realm whose global forwards to it.
pub fn make_context(agent: &mut Agent, sandbox: &Gc<JsObject>) -> Rc<Realm> {
    if let Some(realm) = context_realm(agent, sandbox) {
        return realm;
    }
    let realm = agent.create_realm(ObjectKind::Other(Box::new(ContextGlobal {
        sandbox: GcCell::new(None),
    })));
    // The built-ins were installed on the global itself; from now on new
    // properties go to the sandbox.
    if let Some(global) = realm.global_object.data::<ContextGlobal>() {
        *global.sandbox.borrow_mut() = Some(sandbox.clone());
    }
    realm
}

/// The realm `sandbox` was contextified into, if it was.
pub fn context_realm(agent: &Agent, sandbox: &Gc<JsObject>) -> Option<Rc<Realm>> {
    agent
        .context_realms
        .iter()
        .find(|realm| {
            realm
                .global_object
                .forward_target()
                .is_some_and(|s| Gc::ptr_eq(&s, sandbox))
        })
        .cloned()
}
