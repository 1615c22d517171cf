// Port of Node's test/parallel/test-vm-module-dynamic-import.js (v20 API:
// evaluate() resolves to undefined, so import() promises are exported).
// Left out: the vm.Script halves (vmjs has no vm.Script), including
// `new Script(..., { importModuleDynamically: false })`.
import vm from 'node:vm';

const { SourceTextModule } = vm;

function check(label, actual, expected) {
  if (Object.is(actual, expected)) console.log(`ok ${label}`);
  else console.log(`FAIL ${label}: got ${String(actual)}, expected ${String(expected)}`);
}
function report(label, e) {
  console.log(`${label}: ${String(e)} | code ${e && e.code}`);
}

async function evaluated(source, options) {
  const m = new SourceTextModule(source, options);
  await m.link(() => { console.log('FAIL linker called'); });
  await m.evaluate();
  return m;
}

// No importModuleDynamically: import() rejects.
{
  const m = await evaluated('export const p = import("foo");');
  try {
    await m.namespace.p;
    console.log('FAIL no callback: fulfilled');
  } catch (e) {
    report('no callback', e);
  }
}

// The callback gets the specifier and the importing module; an evaluated
// module's namespace is what import() resolves to.
{
  const foo = await evaluated('export const a = 1;');
  let calls = 0;
  const m = new SourceTextModule('export const p = import("foo");', {
    importModuleDynamically(specifier, referrer) {
      calls += 1;
      check('specifier', specifier, 'foo');
      check('referrer is the module', referrer, m);
      return foo;
    },
  });
  await m.link(() => { console.log('FAIL linker called'); });
  await m.evaluate();
  check('resolves to the namespace', await m.namespace.p, foo.namespace);
  check('callback calls', calls, 1);
}

// Import attributes reach the callback as a null-prototype object.
{
  const foo = await evaluated('export const a = 1;');
  const m = await evaluated('export const p = import("foo", { with: { key: "value" } });', {
    importModuleDynamically(specifier, referrer, attributes) {
      check('attributes prototype', Object.getPrototypeOf(attributes), null);
      console.log('attributes', JSON.stringify(attributes), Object.keys(attributes).join(','));
      return foo;
    },
  });
  check('with attributes resolves to the namespace', await m.namespace.p, foo.namespace);
}

// Results that are not modules.
for (const [label, value] of [['5', 5], ['undefined', undefined]]) {
  const m = await evaluated('export const p = import("foo");', {
    importModuleDynamically() { return value; },
  });
  try {
    await m.namespace.p;
    console.log(`FAIL callback returns ${label}: fulfilled`);
  } catch (e) {
    report(`callback returns ${label}`, e);
  }
}
