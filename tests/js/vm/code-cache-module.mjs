// vm.SourceTextModule's createCachedData() and cachedData option: data made
// for a module's source text gives a module that behaves as the parsed one;
// data that does not match it (another source, a script's data, bytes that
// are no cached data) makes the constructor throw
// ERR_VM_MODULE_CACHED_DATA_REJECTED, after a SyntaxError in the source.
// Sources used with rejected data differ in length from those the data was
// made for: V8 identifies a module's source by its length alone, and would
// accept data made for another text of the same length.
import vm from 'node:vm';

const { SourceTextModule } = vm;

function report(label, f) {
  try {
    const result = f();
    console.log(label, 'ok', result instanceof SourceTextModule ? result.status : result);
  } catch (e) {
    console.log(label, `${String(e)} | name ${e.name} | code ${e.code}`);
  }
}

const source = `
  import { base } from 'dep';
  export let count = base;
  export function bump() { return ++count; }
  export default class Shape { area() { return count * 2; } }
  const { a, ...rest } = { a: 1, b: 2, c: 3 };
  export const keys = Object.keys(rest).join();
  export const waited = await Promise.resolve('tla');
`;

async function run(cachedData) {
  const dep = new SourceTextModule('export const base = 20;');
  const m = new SourceTextModule(source, { cachedData, identifier: 'main' });
  console.log('status', m.status, 'cachedDataRejected' in m, m.dependencySpecifiers);
  await m.link(() => dep);
  await m.evaluate();
  const ns = m.namespace;
  ns.bump();
  console.log(ns.count, new ns.default().area(), ns.keys, ns.waited);
  return m;
}

const made = new SourceTextModule(source);
const data = made.createCachedData();
console.log(data instanceof Uint8Array, Buffer.isBuffer(data), data.length > 0);
await run(undefined);
await run(data);
await run(new DataView(data.buffer, data.byteOffset, data.byteLength));

// createCachedData while unlinked, linked, and after evaluation.
{
  const m = new SourceTextModule('export const x = 1;');
  console.log(m.status, m.createCachedData().length > 0);
  await m.link(() => {});
  console.log(m.status, m.createCachedData().length > 0);
  const fromLinked = new SourceTextModule('export const x = 1;', { cachedData: m.createCachedData() });
  console.log('from linked', fromLinked.status);
  await m.evaluate();
  report('evaluated', () => m.createCachedData());
}

// Rejected data.
report('garbage', () => new SourceTextModule('export default 22;', { cachedData: new TextEncoder().encode('x') }));
report('empty', () => new SourceTextModule('export default 333;', { cachedData: new Uint8Array(0) }));
report('other source', () => new SourceTextModule('export default 4444;', { cachedData: data }));
const scriptData = new vm.Script('55555 + 1').createCachedData();
report('script data', () => new SourceTextModule('55555 + 1', { cachedData: scriptData }));
report('syntax error first', () => new SourceTextModule('export default (', { cachedData: data }));
report('not a view', () => new SourceTextModule('export default 1;', { cachedData: data.buffer }));
