// evaluate({ timeout }): option checks, an endless loop interrupted (also
// inside a vm context and through a catch clause), and a module that
// finishes in time.
import vm from 'node:vm';

const { SourceTextModule, createContext } = vm;

function check(label, actual, expected) {
  if (Object.is(actual, expected)) console.log(`ok ${label}`);
  else console.log(`FAIL ${label}: got ${String(actual)}, expected ${String(expected)}`);
}
async function rejects(label, fn) {
  try { await fn(); console.log(`FAIL ${label}: no rejection`); } catch (e) {
    console.log(`${label}: ${String(e)} | code ${e && e.code}`);
  }
}

async function linked(source, options) {
  const m = new SourceTextModule(source, options);
  await m.link(() => {});
  return m;
}

for (const timeout of [0, -1, 1.5, 'str', null, 2 ** 32, NaN]) {
  const m = await linked('');
  await rejects(`timeout ${String(timeout)}`, () => m.evaluate({ timeout }));
  check(`timeout ${String(timeout)} leaves the module linked`, m.status, 'linked');
}

{
  const m = await linked('while (true) {}');
  await rejects('endless loop', () => m.evaluate({ timeout: 50 }));
  console.log('after timeout: status', m.status);
}

{
  const context = createContext({ reached: false });
  const m = await linked('for (;;) {} reached = true;', { context });
  await rejects('endless loop in a context', () => m.evaluate({ timeout: 50 }));
  check('code after the loop did not run', context.reached, false);
}

{
  globalThis.caught = false;
  const m = await linked('try { while (true) {} } catch { globalThis.caught = true; }');
  await rejects('catch clause', () => m.evaluate({ timeout: 50 }));
  check('the catch clause did not run', globalThis.caught, false);
  delete globalThis.caught;
}

{
  const m = await linked('let total = 0; for (let i = 0; i < 1000; i++) total += i; export { total };');
  check('in time: evaluate result', await m.evaluate({ timeout: 10000 }), undefined);
  check('in time: value', m.namespace.total, 499500);
}
