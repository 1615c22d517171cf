// node:vm in vmjs: build a module graph by hand, link it with a linker,
// evaluate it and read the namespace — the same program runs on Node
// (`node --experimental-vm-modules examples/vm.mjs`).
import vm from 'node:vm';

const sources = {
  'math': 'export const square = (x) => x * x; export let calls = 0; export function count() { calls++; }',
  'shapes': "import { square, count } from 'math'; export const area = (r) => { count(); return 3 * square(r); };",
};

const root = new vm.SourceTextModule(
  "import { area } from 'shapes'; import { calls } from 'math'; export const result = area(2); export const seen = () => calls;",
  { identifier: 'root' },
);

const made = new Map();
async function linker(specifier, referrer) {
  console.log(`linker: '${specifier}' requested by ${referrer.identifier} (${referrer.status})`);
  if (!made.has(specifier)) {
    made.set(specifier, new vm.SourceTextModule(sources[specifier], { identifier: specifier }));
  }
  return made.get(specifier);
}

console.log('status:', root.status);
await root.link(linker);
console.log('status after link:', root.status, '| dependencies:', root.dependencySpecifiers.join(', '));
await root.evaluate();
console.log('status after evaluate:', root.status);
console.log('result =', root.namespace.result, '| calls seen through a live binding =', root.namespace.seen());

try {
  await root.link(linker);
} catch (e) {
  console.log(String(e), '| code:', e.code);
}

const broken = new vm.SourceTextModule('throw new TypeError("boom")');
await broken.link(() => {});
await broken.evaluate().catch((e) => console.log('evaluate rejected:', String(e)));
console.log('broken.status:', broken.status, '| broken.error.message:', broken.error.message);

const context = vm.createContext({ label: 'sandbox' });
const inContext = new vm.SourceTextModule('export const where = label; globalThis.visited = true;', { context });
await inContext.link(() => {});
await inContext.evaluate();
console.log('in context:', inContext.namespace.where, '| sandbox.visited =', context.visited);
