// Modules created with { context } see the contextified object's properties
// as globals, write new globals back to it, and use that context's own
// intrinsics.
import vm from 'node:vm';

const { SourceTextModule, createContext } = vm;

function check(label, actual, expected) {
  if (Object.is(actual, expected)) console.log(`ok ${label}`);
  else console.log(`FAIL ${label}: got ${String(actual)}, expected ${String(expected)}`);
}

const sandbox = { counter: 1, log: [] };
const context = createContext(sandbox);
check('createContext returns its argument', context, sandbox);

const m = new SourceTextModule(`
  counter += 1;
  log.push('typeof counter ' + typeof counter);
  log.push('globalThis.counter ' + globalThis.counter);
  log.push('this ' + typeof this);
  log.push('typeof Array ' + typeof Array);
  globalThis.createdByModule = 'yes';
  var moduleVar = 'module scoped';
  function moduleFunction() {}
  export const arrayCtor = Array;
  export const objectProto = Object.prototype;
  export const list = [1, 2, 3];
  export function readCounter() { return counter; }
`, { context });
await m.link(() => {});
await m.evaluate();

console.log('log:', sandbox.log.join(' | '));
check('counter written back', sandbox.counter, 2);
check('new global on the sandbox', sandbox.createdByModule, 'yes');
check('module var stays in the module', 'moduleVar' in sandbox, false);
check('module function stays in the module', 'moduleFunction' in sandbox, false);
check('own intrinsics: Array', m.namespace.arrayCtor === Array, false);
check('own intrinsics: Object.prototype', m.namespace.objectProto === Object.prototype, false);
check('exported array is not a main-context Array', m.namespace.list instanceof Array, false);
check('Array.isArray across contexts', Array.isArray(m.namespace.list), true);
check('exported array is an Array of its context', m.namespace.list instanceof m.namespace.arrayCtor, true);
sandbox.counter = 10;
check('the module reads sandbox changes', m.namespace.readCounter(), 10);
console.log('sandbox keys:', Object.keys(sandbox).join(','));

// Two modules in one context share its globals.
{
  const shared = createContext({});
  const writer = new SourceTextModule('globalThis.sharedValue = 7;', { context: shared });
  const reader = new SourceTextModule('export const seen = typeof sharedValue === "undefined" ? "missing" : sharedValue;', { context: shared });
  await writer.link(() => {});
  await writer.evaluate();
  await reader.link(() => {});
  await reader.evaluate();
  check('shared global', reader.namespace.seen, 7);
  check('main global untouched', typeof globalThis.sharedValue, 'undefined');
}

// A reference to a missing global throws the context's ReferenceError.
{
  const own = createContext({});
  const m2 = new SourceTextModule('notDefinedAnywhere;', { context: own });
  await m2.link(() => {});
  try {
    await m2.evaluate();
    console.log('FAIL missing global: fulfilled');
  } catch (e) {
    console.log(`missing global: ${String(e)}`);
    check('error is not a main-context ReferenceError', e instanceof ReferenceError, false);
    check('error name', e.name, 'ReferenceError');
    check('module errored', m2.status, 'errored');
  }
}
