// Port of Node's test/parallel/test-vm-module-link.js (v20 API). Left out:
// the pre-v15 `(await evaluate()).result` read; the module's value is read
// from its namespace instead; the star-export case builds its file: URL
// identifiers by hand (vmjs has no URL class).
import vm from 'node:vm';

const { SourceTextModule } = vm;

function check(label, actual, expected) {
  if (Object.is(actual, expected)) console.log(`ok ${label}`);
  else console.log(`FAIL ${label}: got ${String(actual)}, expected ${String(expected)}`);
}

// One import: the linker is called once with the specifier and the importer.
{
  const foo = new SourceTextModule('export default 5;');
  await foo.link(() => { console.log('FAIL simple: foo linker called'); });
  const bar = new SourceTextModule('import five from "foo"; export const value = five;');
  check('dependencySpecifiers', JSON.stringify(bar.dependencySpecifiers), '["foo"]');
  let calls = 0;
  await bar.link((specifier, module) => {
    calls += 1;
    check('simple specifier', specifier, 'foo');
    check('simple referencing module', module, bar);
    return foo;
  });
  check('simple linker calls', calls, 1);
  await bar.evaluate();
  check('simple value', bar.namespace.value, 5);
}

// A chain of re-exporting modules, each linked to an already linked parent.
{
  const foo = new SourceTextModule('export default 5');
  await foo.link(() => { console.log('FAIL depth: foo linker called'); });
  async function proxy(parentName, parent) {
    const m = new SourceTextModule(`import ${parentName} from '${parentName}'; export default ${parentName};`);
    await m.link((specifier, module) => {
      check(`depth link of ${parentName} referencing module`, module, m);
      check(`depth link of ${parentName} specifier`, specifier, parentName);
      return parent;
    });
    return m;
  }
  const bar = await proxy('foo', foo);
  const baz = await proxy('bar', bar);
  const barz = await proxy('baz', baz);
  await barz.evaluate();
  check('depth value', barz.namespace.default, 5);
}

// Two modules importing each other.
{
  const foo = new SourceTextModule('import getFoo from "bar"; export let foo = 42; export default getFoo();');
  const bar = new SourceTextModule('import { foo } from "foo"; export default function getFoo() { return foo; }');
  let calls = 0;
  await foo.link(async (specifier, module) => {
    calls += 1;
    if (specifier === 'bar') {
      check('circular first call referencing module', module, foo);
      return bar;
    }
    check('circular second call specifier', specifier, 'foo');
    check('circular second call referencing module', module, bar);
    check('circular foo status while linking', foo.status, 'linking');
    return foo;
  });
  check('circular linker calls', calls, 2);
  check('circular bar status', bar.status, 'linked');
  await foo.evaluate();
  check('circular value', foo.namespace.default, 42);
}

// `export *` cycles terminate and both names show up on both namespaces.
{
  const sources = {
    'root.mjs': `
      import * as a from './a.mjs';
      import * as b from './b.mjs';
      if (!('fromA' in a)) throw new Error('a lacks fromA');
      if (!('fromB' in a)) throw new Error('a lacks fromB');
      if (!('fromA' in b)) throw new Error('b lacks fromA');
      if (!('fromB' in b)) throw new Error('b lacks fromB');
      export const keysOfA = Object.keys(a).join(',');
      export const keysOfB = Object.keys(b).join(',');
    `,
    './a.mjs': `export * from './b.mjs'; export let fromA;`,
    './b.mjs': `export * from './a.mjs'; export let fromB;`,
  };
  const cache = new Map();
  const linked = [];
  async function getModule(specifier) {
    const url = `file:///${specifier.replace(/^\.\//, '')}`;
    if (!cache.has(url)) cache.set(url, new SourceTextModule(sources[specifier], { identifier: url }));
    return cache.get(url);
  }
  const root = await getModule('root.mjs');
  await root.link(async (specifier, referencingModule) => {
    linked.push(`${specifier} from ${referencingModule.identifier}`);
    return getModule(specifier);
  });
  console.log('circular2 linker calls:', linked.join(' | '));
  await root.evaluate();
  check('circular2 status', root.status, 'evaluated');
  console.log('circular2 keys:', root.namespace.keysOfA, '/', root.namespace.keysOfB);
}
