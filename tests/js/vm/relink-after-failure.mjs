// A module whose link() failed is 'unlinked' again and can be linked anew
// with another linker; the modules the new linker gives (and theirs) are
// linked with it, and a module that failed before is linked afresh.
import vm from 'node:vm';

const ctx = vm.createContext({});
const leaf = new vm.SourceTextModule('export const a = 1;', { identifier: 'leaf', context: ctx });
const mid = new vm.SourceTextModule("export { a } from 'leaf';", { identifier: 'mid', context: ctx });
const m = new vm.SourceTextModule("import { a } from 'x'; export const b = a + 1;", { identifier: 'm', context: ctx });

// First: 'x' is m itself, which exports no `a`.
try {
  await m.link(() => m);
} catch (e) {
  console.log('first link:', e.name, e.message, m.status);
}

// Second: 'x' is mid, which re-exports leaf's `a`.
await m.link((specifier) => (specifier === 'leaf' ? leaf : mid));
console.log('second link:', m.status, mid.status, leaf.status);
await m.evaluate();
console.log('evaluated:', m.namespace.b, m.status, mid.status, leaf.status);

// The same with a dependency that failed too: both are linked afresh.
const bad = new vm.SourceTextModule("import { nope } from 'leaf'; export const c = nope;", { identifier: 'bad', context: ctx });
const top = new vm.SourceTextModule("import { c } from 'dep'; export default c;", { identifier: 'top', context: ctx });
const good = new vm.SourceTextModule("export const c = 'good';", { identifier: 'good', context: ctx });
try {
  await top.link((specifier) => (specifier === 'dep' ? bad : leaf));
} catch (e) {
  console.log('top first link:', e.name, e.message, top.status, bad.status);
}
await top.link(() => good);
console.log('top second link:', top.status, bad.status, good.status);
await top.evaluate();
console.log('top:', top.namespace.default, top.status);

// A linked module cannot be linked again.
try {
  await m.link(() => leaf);
} catch (e) {
  console.log('third link:', e.code, e.message);
}
