// Port of Node's test/parallel/test-vm-module-synthetic.js (v20 API: the
// SyntheticModule is linked before use). Left out: nothing.
import vm from 'node:vm';

const { SourceTextModule, SyntheticModule } = vm;

function check(label, actual, expected) {
  if (Object.is(actual, expected)) console.log(`ok ${label}`);
  else console.log(`FAIL ${label}: got ${String(actual)}, expected ${String(expected)}`);
}
function throws(label, fn) {
  try { fn(); console.log(`FAIL ${label}: no exception`); } catch (e) {
    console.log(`${label}: ${String(e)} | code ${e && e.code}`);
  }
}

// An importer sees the synthetic export, live.
{
  const s = new SyntheticModule(['x'], () => { s.setExport('x', 1); });
  const m = new SourceTextModule(`
    import { x } from 'synthetic';
    export function getX() { return x; }
  `);
  await m.link(() => s);
  await m.evaluate();
  check('value after evaluation', m.namespace.getX(), 1);
  s.setExport('x', 42);
  check('value after setExport', m.namespace.getX(), 42);
}

// setExport names must be strings.
for (const invalidName of [1, Symbol.iterator, {}, [], null, true, 0]) {
  const s = new SyntheticModule([], () => {});
  await s.link(() => {});
  throws(`setExport(${typeof invalidName})`, () => s.setExport(invalidName));
}

// setExport of a name that is not an export.
{
  const s = new SyntheticModule([], () => {});
  await s.link(() => {});
  throws('setExport unknown name', () => s.setExport('does not exist'));
}

// setExport before linking.
{
  const s = new SyntheticModule(['name'], () => {});
  throws('setExport before link', () => s.setExport('name', 'value'));
}
