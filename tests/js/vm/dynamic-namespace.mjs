// Port of Node's test/parallel/test-vm-module-dynamic-namespace.js (v20 API:
// evaluate() resolves to undefined, so the import() promise is exported).
// Left out: util.types.isModuleNamespaceObject (vmjs has no node:util); the
// namespace is recognised by identity and its @@toStringTag instead.
import vm from 'node:vm';

const { SourceTextModule } = vm;

function check(label, actual, expected) {
  if (Object.is(actual, expected)) console.log(`ok ${label}`);
  else console.log(`FAIL ${label}: got ${String(actual)}, expected ${String(expected)}`);
}

const source = new SourceTextModule('export const value = "from source";');
await source.link(() => {});
await source.evaluate();

const m = new SourceTextModule('export const p = import("");', {
  importModuleDynamically(specifier) {
    check('specifier', specifier, '');
    return source.namespace;
  },
});
await m.link(() => {});
await m.evaluate();
const ns = await m.namespace.p;
check('same namespace object', ns, source.namespace);
check('toString tag', Object.prototype.toString.call(ns), '[object Module]');
check('value', ns.value, 'from source');
