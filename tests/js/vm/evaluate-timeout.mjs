// evaluate({ timeout }): option checks, an endless loop interrupted (also
// inside a vm context and through a catch clause), and a module that
// finishes in time.
import vm from 'node:vm';

const { SourceTextModule, SyntheticModule, createContext } = vm;

function check(label, actual, expected) {
  if (Object.is(actual, expected)) console.log(`ok ${label}`);
  else console.log(`FAIL ${label}: got ${String(actual)}, expected ${String(expected)}`);
}
async function rejects(label, fn) {
  try { await fn(); console.log(`FAIL ${label}: no rejection`); } catch (e) {
    console.log(`${label}: ${String(e)} | code ${e && e.code}`);
  }
}

// Settles `promise` while counting microtask ticks; prints the outcome.
async function settle(label, promise) {
  let ticks = 0;
  let done = false;
  const outcome = promise.then((v) => ({ ok: true, v }), (e) => ({ ok: false, e }));
  outcome.then(() => { done = true; });
  while (!done && ticks < 20) {
    await null;
    ticks += 1;
  }
  const result = await outcome;
  console.log(`${label}: ${result.ok ? 'fulfilled' : `rejected ${String(result.e)}`} after ${ticks} ticks`);
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

// The timeout rejection and a later evaluate(), which never settles.
{
  const m = await linked('while (true) {}');
  await settle('timeout ticks', m.evaluate({ timeout: 20 }));
  const later = await Promise.race([m.evaluate().then(() => 'fulfilled', () => 'rejected'),
    new Promise((resolve) => setTimeout(() => resolve('still pending'), 50))]);
  console.log('evaluate after timeout:', later);
  const s = new SyntheticModule([], () => { for (;;) {} });
  await s.link(() => {});
  await settle('synthetic timeout ticks', s.evaluate({ timeout: 20 }));
  console.log('synthetic after timeout: status', s.status);
}

{
  const m = await linked('let total = 0; for (let i = 0; i < 1000; i++) total += i; export { total };');
  check('in time: evaluate result', await m.evaluate({ timeout: 10000 }), undefined);
  check('in time: value', m.namespace.total, 499500);
}
