//! The agent (ECMA-262 §9.7): the state shared by everything that runs —
//! the current realm, the job queues, the execution-context stack (for
//! stack traces and the recursion limit), the well-known symbols and the
//! host hooks.

use std::cell::Cell;
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

use gc::Gc;

use super::completion::JsResult;
use super::environment::Env;
use super::jobs::JobQueue;
use super::object::JsObject;
use super::realm::{Realm, WellKnownSymbols};
use super::source::SourceText;
use super::string::JsStr;
use super::value::{Symbol, Value};

/// The host's side of module loading (`import()`, `import.meta`), filled
/// in by a host above the module layer. Without one, `import()` rejects.
pub trait HostHooks {
    /// HostLoadImportedModule for `import(specifier)` (`import.defer()`,
    /// `import.source()`: `phase`) from the module whose environment is
    /// `referrer`: returns a promise for the namespace (the deferred
    /// namespace, the module source).
    fn import_dynamic(
        &mut self,
        agent: &mut Agent,
        referrer: Option<Gc<Env>>,
        specifier: JsStr,
        attributes: Vec<(JsStr, JsStr)>,
        phase: crate::syntax::ast::ImportPhase,
    ) -> JsResult<Value>;

    /// The `import.meta` object of the module whose environment is `module`.
    fn import_meta(&mut self, agent: &mut Agent, module: Option<Gc<Env>>) -> JsResult<Value>;

    /// What the host keeps for the algorithms it runs from promise
    /// reactions and native functions (the module layer keeps its module
    /// graph here), found again by downcasting.
    fn host_defined(&self) -> Option<Rc<dyn std::any::Any>> {
        None
    }
}

/// One entry of the execution-context stack, as stack traces show it.
pub struct StackFrame {
    /// The function being run (None for top-level code); stack traces
    /// read its `name` only when they are built.
    pub function: Option<Gc<JsObject>>,
    pub source: Rc<SourceText>,
    /// Byte offset of the expression being evaluated (updated at calls and throws).
    pub position: Cell<u32>,
}

/// How deep JavaScript calls may nest before `RangeError: Maximum call
/// stack size exceeded` (Node allows about 11,000 simple frames).
pub const DEFAULT_MAX_CALL_DEPTH: usize = 10_000;

pub struct Agent {
    /// The current Realm Record.
    pub realm: Rc<Realm>,
    /// The realm InitializeHostDefinedRealm made: the [[Realm]] of functions
    /// whose source text names no realm of its own (see `SourceText::realm`).
    pub initial_realm: Rc<Realm>,
    pub symbols: WellKnownSymbols,
    /// The GlobalSymbolRegistry (Symbol.for / Symbol.keyFor).
    pub symbol_registry: HashMap<JsStr, Gc<Symbol>>,
    pub jobs: JobQueue,
    pub stack: Vec<StackFrame>,
    /// Nesting of [[Call]]/[[Construct]] (all kinds of function).
    pub call_depth: usize,
    pub max_call_depth: usize,
    pub host: Option<Box<dyn HostHooks>>,
    /// Where console.log/info/debug write.
    pub stdout: Box<dyn Write>,
    /// Where console.error/warn write.
    pub stderr: Box<dyn Write>,
    /// The thrown value that stands for a generator's `return()` travelling
    /// through the body (catch clauses let it pass, finally blocks run).
    pub(crate) return_marker: Gc<JsObject>,
    pub(crate) pending_return: Option<Value>,
    /// Every realm made after the first (`vm.createContext` contexts, each
    /// found through its global's contextified object, and test262's
    /// `$262.createRealm()`): the agent owns them and they live as long as
    /// it does, so functions and code refer to their realm weakly.
    pub context_realms: Vec<Rc<Realm>>,
    /// The deadline of a `vm` evaluation with a timeout.
    pub interrupt: Option<super::interrupt::Interrupt>,
    /// What a terminated evaluation throws (see `interrupt`).
    pub(crate) termination_marker: Gc<JsObject>,
    /// Where the last object thrown was thrown (see `throw_site`).
    pub(crate) last_throw_site: Option<super::throw_site::ThrowSite>,
    /// Every generator, async function and module body started, so that
    /// those still suspended end with the agent.
    pub(crate) coroutines: super::eval::Coroutines,
}

impl Drop for Agent {
    /// A suspended body roots its function, frame and realm from its own
    /// stack, and is itself owned by a heap object those reach: unwound
    /// here, before the realms go, so that the collector can free it all.
    fn drop(&mut self) {
        self.coroutines.end_all();
        // What the agent held is garbage now, but the collector's threshold
        // may have grown with it (`without_collection` sets it from the heap
        // it finds): a thread that makes agent after agent would never reach
        // it. The next allocations past the initial threshold collect.
        gc::configure(|config| config.threshold = config.threshold.min(GC_INITIAL_THRESHOLD));
    }
}

impl Agent {
    /// The current realm's intrinsic objects.
    pub fn intrinsics(&self) -> &super::realm::Intrinsics {
        &self.realm.intrinsics
    }

    pub fn global_object(&self) -> Gc<JsObject> {
        self.realm.global_object.clone()
    }
}

/// Bytes of `Gc` boxes allocated before the first collection. Past it, a
/// collection comes when the heap has doubled since the last one. Small
/// is fast: the sweep walks every box and frees the dead ones, and a heap
/// that stays in the processor's caches does both several times faster
/// than one that does not. With a 4 MiB start, RayTrace scored 303 and
/// the closures benchmark took 1.43 s; with 2 MiB, closures took 1.25 s,
/// and 1 MiB took 3% less again, RayTrace scoring 336. (16 MiB and 64 MiB
/// were slower still than 4.)
const GC_INITIAL_THRESHOLD: usize = 1 << 20;

/// The `gc` crate starts collecting after 100 bytes and counts only the
/// boxes themselves, not the vectors inside objects (array elements,
/// property tables), so a heap with one large array would be traced over
/// and over. Start at `GC_INITIAL_THRESHOLD` and keep at most half of the
/// threshold live.
pub(crate) fn configure_collector() {
    gc::configure(|config| {
        if config.threshold < GC_INITIAL_THRESHOLD {
            config.threshold = GC_INITIAL_THRESHOLD;
        }
        config.used_space_ratio = 0.5;
    });
    crate::syntax::ast::set_allocation_hook(string_pressure);
}

/// Bytes of strings allocated since the last collection before one is
/// asked for, at least: strings are not in the collector's count, so a
/// program that drops objects holding large strings (a tokenizer slicing
/// its input) would otherwise pile up gigabytes of them between
/// collections. Past this, and past twice the collector's heap (so that
/// the collections it adds cost little next to the copying), the next
/// `Gc` allocation collects.
const STRING_BYTES_PER_COLLECTION: usize = 32 << 20;

thread_local! {
    /// Strings allocated since the collection numbered `.1`, in bytes.
    static STRING_PRESSURE: std::cell::Cell<(usize, usize)> = const { std::cell::Cell::new((0, 0)) };
}

/// The string allocation hook (`syntax::ast::set_allocation_hook`): counts
/// string bytes between collections and, past the bound, makes the next
/// `Gc` allocation collect (unless collection is off, in
/// [`without_collection`]).
fn string_pressure() {
    // A string made while the collector sweeps (by some value's `Drop`)
    // must not ask for its state, which the collector holds.
    if !gc::finalizer_safe() {
        return;
    }
    let stats = gc::stats();
    let (since, counted_from) = STRING_PRESSURE.with(std::cell::Cell::get);
    // A collection since the last call started the count again.
    let since = crate::syntax::ast::ALLOCATION_HOOK_STEP
        + if counted_from == stats.collections_performed {
            since
        } else {
            0
        };
    let bound = STRING_BYTES_PER_COLLECTION.max(stats.bytes_allocated.saturating_mul(2));
    STRING_PRESSURE.with(|p| p.set((since, stats.collections_performed)));
    if since >= bound {
        gc::configure(|config| {
            if config.threshold < COLLECTION_OFF {
                config.threshold = 0;
            }
        });
    }
}

/// The threshold that keeps the collector from running.
const COLLECTION_OFF: usize = usize::MAX / 4;

/// Runs `work` with automatic collection off (for phases that allocate
/// only live objects, like loading a module graph); collection resumes
/// afterwards with the usual threshold, adapting to the heap it finds.
pub fn without_collection<T>(work: impl FnOnce() -> T) -> T {
    gc::configure(|config| config.threshold = COLLECTION_OFF);
    let result = work();
    // The next collection comes once the heap has grown by as much again as
    // it holds now (what a collection right here would have set), rather
    // than at the first allocation: a collection now would only mark the
    // whole new graph to find nothing to free.
    let allocated = gc::stats().bytes_allocated;
    gc::configure(|config| {
        config.threshold =
            GC_INITIAL_THRESHOLD.max((allocated as f64 / config.used_space_ratio) as usize)
    });
    result
}
