//! InitializeHostDefinedRealm (ECMA-262 §9.6) and CreateRealm for
//! contexts: an agent whose first realm has every intrinsic, and new
//! realms made the same way. This sits above `builtins/`, which fills a
//! realm's intrinsics, so the agent itself does not depend on the builtins.

use std::rc::Rc;

use super::agent::{configure_collector, Agent, DEFAULT_MAX_CALL_DEPTH};
use super::jobs::JobQueue;
use super::object::{JsObject, ObjectKind};
use super::realm::{Realm, WellKnownSymbols};

impl Agent {
    /// An agent with one realm whose intrinsics and global object are fully
    /// set up (InitializeHostDefinedRealm).
    pub fn new() -> Agent {
        configure_collector();
        let symbols = WellKnownSymbols::new();
        let realm = Realm::new(&symbols);
        let mut agent = Agent {
            realm: realm.clone(),
            initial_realm: realm.clone(),
            symbols,
            symbol_registry: Default::default(),
            jobs: JobQueue::default(),
            stack: Vec::new(),
            call_depth: 0,
            max_call_depth: DEFAULT_MAX_CALL_DEPTH,
            host: None,
            stdout: Box::new(std::io::stdout()),
            stderr: Box::new(std::io::stderr()),
            return_marker: JsObject::ordinary_create(None),
            pending_return: None,
            context_realms: Vec::new(),
            interrupt: None,
            termination_marker: JsObject::ordinary_create(None),
            coroutines: Default::default(),
            last_throw_site: None,
        };
        set_realm_intrinsics(&mut agent, &realm);
        agent
    }

    /// A new realm with its own intrinsics and a global object of kind
    /// `global_kind` (InitializeHostDefinedRealm for `vm.createContext`).
    pub fn create_realm(&mut self, global_kind: ObjectKind) -> Rc<Realm> {
        let realm = Realm::with_global(&self.symbols, global_kind);
        let outer = std::mem::replace(&mut self.realm, realm.clone());
        set_realm_intrinsics(self, &realm);
        self.realm = outer;
        // The agent owns its realms: code and built-in functions refer to
        // theirs weakly (see `SourceText::realm`).
        self.context_realms.push(realm.clone());
        realm
    }
}

impl Default for Agent {
    fn default() -> Self {
        Agent::new()
    }
}

/// SetRealmGlobalObject and the intrinsics' properties: every builtin
/// family installed into `realm`, the agent's current realm.
fn set_realm_intrinsics(agent: &mut Agent, realm: &Rc<Realm>) {
    super::builtins::install(agent, realm);
    super::eval::generators::install(agent);
}
