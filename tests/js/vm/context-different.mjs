// Linking only works within one context: a dependency from another context
// (or from the main context) fails with ERR_VM_MODULE_DIFFERENT_CONTEXT and
// leaves the importer errored; within one context linking succeeds.
import vm from 'node:vm';

const { SourceTextModule, SyntheticModule, createContext } = vm;

function check(label, actual, expected) {
  if (Object.is(actual, expected)) console.log(`ok ${label}`);
  else console.log(`FAIL ${label}: got ${String(actual)}, expected ${String(expected)}`);
}
async function linkFails(label, importer, dependency) {
  try {
    await importer.link(() => dependency);
    console.log(`FAIL ${label}: linked`);
  } catch (e) {
    console.log(`${label}: ${String(e)} | code ${e.code}`);
  }
  check(`${label} importer status`, importer.status, 'errored');
  check(`${label} error getter`, importer.error.code, 'ERR_VM_MODULE_DIFFERENT_CONTEXT');
}

const one = createContext({ name: 'one' });
const two = createContext({ name: 'two' });

await linkFails('context module into main', new SourceTextModule('import "dep";'),
  new SourceTextModule('export default 1;', { context: one }));
await linkFails('main module into context', new SourceTextModule('import "dep";', { context: one }),
  new SourceTextModule('export default 1;'));
await linkFails('between two contexts', new SourceTextModule('import "dep";', { context: two }),
  new SourceTextModule('export default 1;', { context: one }));
await linkFails('synthetic from another context', new SourceTextModule('import "dep";', { context: two }),
  new SyntheticModule(['x'], () => {}, { context: one }));

// The same context links and evaluates.
{
  const dep = new SyntheticModule(['x'], function () { this.setExport('x', 'dep'); }, { context: one });
  const importer = new SourceTextModule('import { x } from "dep"; export const seen = x + " via " + name;', { context: one });
  await importer.link(() => dep);
  await importer.evaluate();
  check('same context status', importer.status, 'evaluated');
  check('same context value', importer.namespace.seen, 'dep via one');
}
