// Port of Node's test/parallel/test-vm-module-basic.js (v20 API: evaluate()
// resolves to undefined, so the old `result` checks become global writes).
// Left out: `typeof process` / `[object process]` in the main context (vmjs
// has no `process`); util.inspect(m, { depth: -1 }) (no node:util; console.log
// shows the default-depth form instead); vm.compileFunction with
// importModuleDynamically (vmjs has no compileFunction).
import vm from 'node:vm';

const { Module, SourceTextModule, SyntheticModule, createContext } = vm;

function check(label, actual, expected) {
  if (Object.is(actual, expected)) console.log(`ok ${label}`);
  else console.log(`FAIL ${label}: got ${String(actual)}, expected ${String(expected)}`);
}
function report(label, e) {
  console.log(`${label}: ${String(e)} | code ${e && e.code}`);
}
function throws(label, fn) {
  try { fn(); console.log(`FAIL ${label}: no exception`); } catch (e) { report(label, e); }
}
async function rejects(label, fn) {
  try { await fn(); console.log(`FAIL ${label}: no rejection`); } catch (e) { report(label, e); }
}
const mustNotCall = (label) => () => { console.log(`FAIL ${label}: called`); };

// A module in a new context writes the context's globals.
{
  const context = createContext({ foo: 'bar', baz: undefined, typeofProcess: undefined });
  const m = new SourceTextModule('baz = foo; typeofProcess = typeof process; typeof Object;', { context });
  check('status before link', m.status, 'unlinked');
  await m.link(mustNotCall('context linker'));
  check('status after link', m.status, 'linked');
  const result = await m.evaluate();
  check('status after evaluate', m.status, 'evaluated');
  check('evaluate resolves undefined', result, undefined);
  console.log('sandbox', JSON.stringify(context));
}

// A main-context module writes the main global object.
{
  const m = new SourceTextModule('globalThis.vmResult = "foo";');
  await m.link(mustNotCall('main linker'));
  await m.evaluate();
  check('main-context global write', globalThis.vmResult, 'foo');
  delete globalThis.vmResult;
}

// An endless loop with a timeout rejects.
{
  const m = new SourceTextModule('while (true) {}');
  await m.link(mustNotCall('loop linker'));
  await rejects('timeout', () => m.evaluate({ timeout: 500 }));
}

// Default identifiers count per context.
{
  const context1 = createContext({});
  const context2 = createContext({});
  check('identifier m1', new SourceTextModule('1', { context: context1 }).identifier, 'vm:module(0)');
  check('identifier m2', new SourceTextModule('2', { context: context1 }).identifier, 'vm:module(1)');
  check('identifier m3', new SourceTextModule('3', { context: context2 }).identifier, 'vm:module(0)');
}

// Inspection through console.log (util.inspect with its custom function).
{
  const context = createContext({ foo: 'bar' });
  console.log(new SourceTextModule('1', { context }));
  console.log(new SyntheticModule([], () => {}, { context: createContext({ foo: 'bar' }) }));
  const custom = SourceTextModule.prototype[Symbol.for('nodejs.util.inspect.custom')];
  check('inspect.custom is a function', typeof custom, 'function');
  throws('inspect.custom on null', () => custom.call(null));
  throws('inspect.custom on null-prototype object', () => custom.call(Object.create(null)));
  throws('inspect.custom on the prototype', () => custom.call(SourceTextModule.prototype));
}

// dependencySpecifiers is the same object every time.
{
  const m = new SourceTextModule('');
  const dep = m.dependencySpecifiers;
  check('dependencySpecifiers defined', dep !== undefined, true);
  check('dependencySpecifiers same object', m.dependencySpecifiers, dep);
}

// Module is abstract.
throws('new Module()', () => new Module());

// SyntheticModule argument checks.
throws('exportNames undefined', () => new SyntheticModule(undefined, () => {}, {}));
throws('exportNames duplicated', () => new SyntheticModule(['x', 'x'], () => {}, {}));
throws('evaluateCallback undefined', () => new SyntheticModule([], undefined, {}));
throws('options null', () => new SyntheticModule([], () => {}, null));
