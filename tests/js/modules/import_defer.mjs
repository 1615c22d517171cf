// Deferring Module Evaluation (stage 3): `import defer * as ns` loads and
// links the module but evaluates it only when a property of the namespace
// is first read (GetModuleExportsList → EvaluateModuleSync); its
// asynchronous dependencies are evaluated eagerly
// (GatherAsynchronousTransitiveDependencies). Node 20 has no `import defer`:
// this output was written by hand from the proposal's spec text
// (../shared/reference/proposals/import-defer.spec.emu) and test262's
// import-defer tests, not recorded with Node.
import defer * as ns from './defer_dep.mjs';
import defer * as asyncNs from './defer_async.mjs';
import './defer_cycle.mjs';

console.log('main starts');
// Symbol keys and "then" do not trigger evaluation (IsSymbolLikeNamespaceKey).
console.log(Object.prototype.toString.call(ns));
console.log(typeof ns.then, Symbol.toStringTag in ns);
console.log(Object.isExtensible(ns), Object.getPrototypeOf(ns));
// [[Set]] fails without evaluating the module.
console.log(Reflect.set(ns, 'value', 2));
console.log('-- first string key read');
console.log(ns.value);
console.log(Object.keys(ns).join());
ns.increment();
console.log(ns.value);
// The module's asynchronous dependency ran before main; the module itself
// waits for its first use.
console.log('-- async part');
console.log(asyncNs.ready);
// import.defer(): a deferred namespace, the same object as the static one.
const again = await import.defer('./defer_dep.mjs');
console.log(again === ns);
// The deferred namespace has no "then" (awaiting it does not read the
// module's `then` export); the eager namespace, a different object, has.
const eager = await import('./defer_dep_of_dep.mjs');
console.log(Object.prototype.toString.call(eager), typeof ns.then);
