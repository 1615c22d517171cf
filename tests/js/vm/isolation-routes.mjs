// What vmjs promises for `vm.createContext` (spec-notes/17-limits.md,
// "Isolation of contexts"): code running in a context reaches no object of
// the main realm that was not passed in (an object reachable from one that
// was passed in counts as passed in). Each line checks one known escape
// route from a module evaluated in a fresh context and prints `ok` when the
// route leads to the context's own objects.
//
// Expected output: recorded with Node v20 (`node --experimental-vm-modules`),
// except for the lines marked "Node: leak" below, where Node's contexts are
// not a security boundary (its docs say so) and the output follows vmjs's
// promise instead:
// - `globalThis.constructor` in a Node context is the main realm's Object,
//   because V8's global interceptor looks up the contextified object's
//   prototype chain; vmjs's context global forwards only the contextified
//   object's own properties, so it reaches the context's Object;
// - for the same reason, globalThis is listed as a context global that
//   leads to the main realm's Function;
// - the TypeError that rejects `import()` when no importModuleDynamically
//   was given is made by Node's main-realm JavaScript; vmjs makes it in the
//   realm of the code that called `import()`.
import vm from 'node:vm';

const { SourceTextModule, createContext } = vm;

function report(label, isolated) {
  console.log(`${isolated ? 'ok' : 'LEAK'} ${label}`);
}

// Whether `value` (or what it is an instance of) belongs to the main realm.
const mainIntrinsics = [Object, Function, Array, Error, TypeError, RangeError, SyntaxError,
  ReferenceError, Promise, Object.prototype, Function.prototype, Array.prototype,
  Error.prototype, TypeError.prototype, Promise.prototype, globalThis];
function isMain(value) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
  if (mainIntrinsics.includes(value)) return true;
  for (let p = Object.getPrototypeOf(value); p; p = Object.getPrototypeOf(p)) {
    if (mainIntrinsics.includes(p)) return true;
  }
  return false;
}
// Whether the Function constructor reached from `value` runs main-realm code.
function reachesMainFunction(value) {
  try {
    const F = (typeof value === 'function' ? value : value.constructor).constructor;
    return F === Function;
  } catch {
    return false;
  }
}

const sandbox = { passed: { note: 'passed in' } };
const context = createContext(sandbox);
const source = `
  const results = {};
  const catching = (f) => { try { f(); } catch (e) { return e; } };
  // Errors the engine makes while running context code.
  results.nullProperty = catching(() => null.x);
  results.notCallable = catching(() => (void 0)());
  results.unresolvable = catching(() => notDefinedAnywhere);
  results.badJson = catching(() => JSON.parse('{'));
  results.badLength = catching(() => new Array(-1));
  results.tooDeep = catching(function f() { return f() + 1; });
  results.bigintMix = catching(() => 1n + 1);
  results.symbolToString = catching(() => Symbol() + '');
  results.constAssign = catching(() => { const c = 1; c = 2; });
  results.revokedProxy = catching(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy.x; });
  results.badRegExp = catching(() => new RegExp('('));
  results.frozenWrite = catching(() => { 'use strict'; Object.freeze([])[0] = 1; });
  // Constructors and the Function constructor.
  results.globalConstructor = globalThis.constructor;
  results.globalProto = Object.getPrototypeOf(globalThis);
  results.literalFunction = ({}).constructor.constructor;
  results.functionThis = ({}).constructor.constructor('return this')();
  results.arrowFunction = (() => 1).constructor;
  results.asyncFunction = (async () => {}).constructor.constructor;
  results.generator = (function* () {}).constructor.constructor;
  // Promise jobs and await.
  results.asyncResult = (async () => 1)();
  results.thenResult = Promise.resolve(1).then((v) => v);
  results.thenableJob = new Promise((resolve) => resolve({ then(r) { r([]); } }));
  results.rejection = await (async () => null.x)().catch((e) => e);
  results.awaited = await { then(r) { r([]); } };
  // import() without a callback rejects.
  results.importRejection = await import('nowhere').catch((e) => e);
  // this of sloppy functions made in the context.
  results.sloppyThis = Function('return this')();
  results.sloppyCallbackThis = [1].map(Function('return this'))[0];
  results.getterThis = Object.defineProperty({}, 'g', { get: Function('return this') }).g;
  // Globals and their prototypes.
  results.ownGlobals = Object.getOwnPropertyNames(globalThis)
    .filter((n) => n !== 'passed')
    .map((n) => globalThis[n]);
  // What the context got on purpose: its prototype is the main realm's.
  results.passed = passed;
  export default results;
`;
const m = new SourceTextModule(source, { context });
await m.link(() => {});
await m.evaluate();
const r = m.namespace.default;

for (const key of ['nullProperty', 'notCallable', 'unresolvable', 'badJson', 'badLength',
  'tooDeep', 'bigintMix', 'symbolToString', 'constAssign', 'revokedProxy', 'badRegExp',
  'frozenWrite', 'rejection']) {
  const e = r[key];
  report(`${key}: an error of the context (${e && e.name})`, typeof e === 'object' && e !== null && !isMain(e) && !reachesMainFunction(e));
}
// Node: leak (see the top of the file).
report('globalThis.constructor is the context\'s Object', !isMain(r.globalConstructor));
report('the context global\'s prototype is the context\'s', !isMain(r.globalProto));
report('({}).constructor.constructor is the context\'s Function', !isMain(r.literalFunction));
report('Function(\'return this\')() is the context\'s global', r.functionThis !== globalThis && !isMain(r.functionThis));
report('arrow functions are the context\'s', !isMain(r.arrowFunction));
report('AsyncFunction leads to the context\'s Function', !isMain(r.asyncFunction));
report('GeneratorFunction leads to the context\'s Function', !isMain(r.generator));
report('an async function\'s promise is the context\'s', !isMain(r.asyncResult));
report('then() makes a promise of the context', !isMain(r.thenResult));
report('a thenable job gets the context\'s objects', !isMain(await r.thenableJob));
report('await of a thenable stays in the context', !isMain(r.awaited));
// Node: leak (see the top of the file).
report(`import() rejects with an error of the context (${r.importRejection && r.importRejection.code})`, !isMain(r.importRejection) && !reachesMainFunction(r.importRejection));
report('sloppy this is the context\'s global', !isMain(r.sloppyThis) && r.sloppyThis !== globalThis);
report('a callback\'s sloppy this is the context\'s global', !isMain(r.sloppyCallbackThis));
report('a getter\'s this is its receiver', !isMain(r.getterThis));
// Node: leak (its globalThis is one of the context's globals).
const leaked = r.ownGlobals.filter((v) => isMain(v) || ((typeof v === 'object' || typeof v === 'function') && v !== null && reachesMainFunction(v)));
report(`no global of the context leads to the main realm (${leaked.length})`, leaked.length === 0);
report('a passed-in object is the main realm\'s (passed in on purpose)', isMain(r.passed));

// An exception thrown in the context reaches the host as the context's error.
{
  const thrower = new SourceTextModule('null.x;', { context });
  await thrower.link(() => {});
  try {
    await thrower.evaluate();
  } catch (e) {
    report('a thrown engine error belongs to the context', !isMain(e) && !reachesMainFunction(e));
    report('the errored module keeps that error', thrower.error === e);
  }
}
// import() through importModuleDynamically: the promise is the context's,
// the namespace has a null prototype.
{
  const target = new SourceTextModule('export const x = 1;', { context });
  await target.link(() => {});
  await target.evaluate();
  const importer = new SourceTextModule('export const p = import("t"); export const ns = await p;', {
    context,
    importModuleDynamically: () => target,
  });
  await importer.link(() => {});
  await importer.evaluate();
  report('import() returns a promise of the context', !isMain(importer.namespace.p));
  report('the namespace has a null prototype', Object.getPrototypeOf(importer.namespace.ns) === null);
}
// A main-realm function passed in runs as main-realm code: its result is
// what it returns, not a way in for the context beyond it.
{
  sandbox.hostCallback = (f) => f();
  const caller = new SourceTextModule('export const got = hostCallback(() => Object);', { context });
  await caller.link(() => {});
  await caller.evaluate();
  report('a context arrow called by main-realm code runs in its context', !isMain(caller.namespace.got));
}
