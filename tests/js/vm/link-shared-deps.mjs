// Port of Node's test/parallel/test-vm-module-link-shared-deps.js: a module
// shared by two importers is handed out from a cache by an async linker.
// Left out: nothing.
import vm from 'node:vm';

const { SourceTextModule } = vm;

const sources = {
  './index.js': `
    import foo from './foo.js';
    import shared from './shared.js';
    export default { foo, shared };
  `,
  './foo.js': `
    import shared from './shared.js';
    export default { name: 'foo', shared };
  `,
  './shared.js': `export default { name: 'shared' };`,
};

const cache = new Map();
function getModuleInstance(specifier) {
  let m = cache.get(specifier);
  if (m === undefined) {
    m = new SourceTextModule(sources[specifier], { identifier: specifier });
    cache.set(specifier, m);
  }
  return m;
}

const calls = [];
const index = getModuleInstance('./index.js');
await index.link((specifier, referrer) => {
  calls.push(`[${specifier}, ${referrer.identifier}]`);
  return Promise.resolve(getModuleInstance(specifier));
});
console.log('linker calls:', calls.join(' '));
await index.evaluate();
const value = index.namespace.default;
console.log('index.default', JSON.stringify(value));
console.log('shared is one object', value.shared === value.foo.shared);
console.log('statuses', [...cache.values()].map((m) => `${m.identifier}=${m.status}`).join(' '));
