// Port of Node's test/parallel/test-vm-module-evaluate-synthethic-module.js
// (sic) with v20's behaviour: a SyntheticModule must be link()ed first and
// every evaluate() promise is pending when returned, so instead of
// util.inspect(promise) (no node:util in vmjs) the case records after how
// many microtask ticks each promise settles. Left out: nothing else. Added:
// a throwing SyntheticModule below a SourceTextModule.
import vm from 'node:vm';

const { SourceTextModule, SyntheticModule } = vm;

function check(label, actual, expected) {
  if (Object.is(actual, expected)) console.log(`ok ${label}`);
  else console.log(`FAIL ${label}: got ${String(actual)}, expected ${String(expected)}`);
}

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
  console.log(`${label}: ${result.ok ? `fulfilled ${String(result.v)}` : `rejected ${String(result.e)}`} after ${ticks} ticks`);
  return result;
}

// A synchronous evaluation step.
{
  let calls = 0;
  const mod = new SyntheticModule(['a'], () => { calls += 1; mod.setExport('a', 42); });
  await mod.link(() => {});
  const promise = mod.evaluate();
  check('sync: export set at once', mod.namespace.a, 42);
  await settle('sync first', promise);
  await settle('sync second', mod.evaluate());
  check('sync: callback calls', calls, 1);
}

// An asynchronous evaluation step: its promise is not awaited.
{
  let calls = 0;
  const mod = new SyntheticModule(['a'], async () => {
    calls += 1;
    const result = await Promise.resolve(42);
    mod.setExport('a', result);
    return result;
  });
  await mod.link(() => {});
  const promise = mod.evaluate();
  check('async: export not yet set', mod.namespace.a, undefined);
  await settle('async first', promise);
  console.log('async: export after settling', mod.namespace.a);
  await settle('async second', mod.evaluate());
  check('async: callback calls', calls, 1);
  check('async: status', mod.status, 'evaluated');
}

// A throwing evaluation step.
{
  let calls = 0;
  const mod = new SyntheticModule(['a'], () => {
    calls += 1;
    throw new Error('synchronous synthetic module');
  });
  await mod.link(() => {});
  const promise = mod.evaluate();
  check('throw: status', mod.status, 'errored');
  check('throw: error message', mod.error.message, 'synchronous synthetic module');
  const first = await settle('throw first', promise);
  check('throw: rejection is mod.error', first.e, mod.error);
  const second = await settle('throw second', mod.evaluate());
  check('throw: same error again', second.e, first.e);
  check('throw: callback calls', calls, 1);
}

// A throwing synthetic dependency, two levels down.
{
  const s = new SyntheticModule([], () => { throw new Error('deep'); });
  const b = new SourceTextModule('import "s"; globalThis.bRan = true;');
  const a = new SourceTextModule('import "b";');
  await a.link((specifier) => (specifier === 'b' ? b : s));
  const first = await settle('deep first', a.evaluate());
  console.log('deep: statuses', a.status, b.status, s.status);
  check('deep: a.error', a.error, first.e);
  check('deep: b.error', b.error, first.e);
  check('deep: s.error', s.error, first.e);
  check('deep: b did not run', globalThis.bRan, undefined);
  await settle('deep again', a.evaluate());
  await settle('deep b', b.evaluate());
}
