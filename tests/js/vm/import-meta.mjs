// Port of Node's test/parallel/test-vm-module-import-meta.js (v20 API: the
// import.meta object is exported instead of read from evaluate()'s result).
// Left out: nothing.
import vm from 'node:vm';

const { SourceTextModule } = vm;

function check(label, actual, expected) {
  if (Object.is(actual, expected)) console.log(`ok ${label}`);
  else console.log(`FAIL ${label}: got ${String(actual)}, expected ${String(expected)}`);
}

{
  let calls = 0;
  const m = new SourceTextModule('export const meta = import.meta; export const again = import.meta;', {
    initializeImportMeta(meta, module) {
      calls += 1;
      check('module argument', module, m);
      meta.prop = 42;
    },
  });
  await m.link(() => {});
  await m.evaluate();
  const { meta, again } = m.namespace;
  check('initializeImportMeta calls', calls, 1);
  check('same object each time', meta, again);
  check('prop', meta.prop, 42);
  check('null prototype', Object.getPrototypeOf(meta), null);
  console.log('own keys', Reflect.ownKeys(meta).map(String).join(','));
}

// Without initializeImportMeta, import.meta is an empty null-prototype object.
{
  const m = new SourceTextModule('export const meta = import.meta;');
  await m.link(() => {});
  await m.evaluate();
  check('plain null prototype', Object.getPrototypeOf(m.namespace.meta), null);
  check('plain no keys', Reflect.ownKeys(m.namespace.meta).length, 0);
}

for (const invalid of [null, {}, 0, Symbol.iterator, [], 'string', false]) {
  try {
    new SourceTextModule('', { initializeImportMeta: invalid });
    console.log('FAIL no exception');
  } catch (e) {
    console.log(`initializeImportMeta ${typeof invalid}: ${String(e)} | code ${e.code}`);
  }
}
