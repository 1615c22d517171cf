// Port of Node's test/parallel/test-vm-module-evaluate-source-text-module.js
// with v20's behaviour: every evaluate() promise is pending when returned, so
// instead of util.inspect(promise) (no node:util in vmjs) the case records
// after how many microtask ticks each promise settles. Left out: the
// linkRequests()/instantiate() calls (v24 API; link() is used instead).
import vm from 'node:vm';

const { SourceTextModule } = vm;

function check(label, actual, expected) {
  if (Object.is(actual, expected)) console.log(`ok ${label}`);
  else console.log(`FAIL ${label}: got ${String(actual)}, expected ${String(expected)}`);
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
  console.log(`${label}: ${result.ok ? `fulfilled ${String(result.v)}` : `rejected ${String(result.e)}`} after ${ticks} ticks`);
  return result;
}

async function linked(source) {
  const m = new SourceTextModule(source);
  await m.link(() => {});
  return m;
}

globalThis.callCount = {};

// A synchronous throw.
{
  globalThis.callCount.syncError = 0;
  const mod = await linked(`
    globalThis.callCount.syncError++;
    throw new Error("synchronous source text module");
    export const a = 1;
  `);
  const promise = mod.evaluate();
  check('sync error: body ran', globalThis.callCount.syncError, 1);
  check('sync error: status', mod.status, 'errored');
  check('sync error: error message', mod.error.message, 'synchronous source text module');
  const first = await settle('sync error first', promise);
  check('sync error: rejection is mod.error', first.e, mod.error);
  const second = await settle('sync error second', mod.evaluate());
  check('sync error: same error again', second.e, first.e);
  check('sync error: ran once', globalThis.callCount.syncError, 1);
}

// No top-level await, named exports.
{
  globalThis.callCount.syncNamedExports = 0;
  const mod = await linked(`
    globalThis.callCount.syncNamedExports++;
    export const a = 1, b = 2;
  `);
  const promise = mod.evaluate();
  check('named: a readable at once', mod.namespace.a, 1);
  check('named: b readable at once', mod.namespace.b, 2);
  check('named: body ran', globalThis.callCount.syncNamedExports, 1);
  await settle('named first', promise);
  await settle('named second', mod.evaluate());
  check('named: ran once', globalThis.callCount.syncNamedExports, 1);
}

// No top-level await, default export.
{
  globalThis.callCount.syncDefaultExports = 0;
  const mod = await linked(`
    globalThis.callCount.syncDefaultExports++;
    export default 42;
  `);
  const promise = mod.evaluate();
  check('default: readable at once', mod.namespace.default, 42);
  await settle('default first', promise);
  await settle('default second', mod.evaluate());
  check('default: ran once', globalThis.callCount.syncDefaultExports, 1);
}

// Top-level await that fulfils.
{
  globalThis.callCount.asyncEvaluation = 0;
  const mod = await linked(`
    globalThis.callCount.asyncEvaluation++;
    await Promise.resolve();
    export const a = 1;
  `);
  const promise = mod.evaluate();
  try {
    console.log('FAIL tla: read before settling gave', mod.namespace.a);
  } catch (e) {
    console.log(`tla: read before settling: ${e.name}`);
  }
  check('tla: body started', globalThis.callCount.asyncEvaluation, 1);
  check('tla: status while pending', mod.status, 'evaluated');
  await settle('tla first', promise);
  check('tla: value', mod.namespace.a, 1);
  await settle('tla second', mod.evaluate());
  check('tla: ran once', globalThis.callCount.asyncEvaluation, 1);
}

// Top-level await that rejects.
{
  globalThis.callCount.asyncRejection = 0;
  const mod = await linked(`
    globalThis.callCount.asyncRejection++;
    await Promise.reject(new Error("asynchronous source text module"));
    export const a = 1;
  `);
  const promise = mod.evaluate();
  try {
    console.log('FAIL tla rejection: read before settling gave', mod.namespace.a);
  } catch (e) {
    console.log(`tla rejection: read before settling: ${e.name}`);
  }
  const first = await settle('tla rejection first', promise);
  check('tla rejection: is mod.error', first.e, mod.error);
  check('tla rejection: message', first.e.message, 'asynchronous source text module');
  const second = await settle('tla rejection second', mod.evaluate());
  check('tla rejection: same error again', second.e, first.e);
  check('tla rejection: ran once', globalThis.callCount.asyncRejection, 1);
}
delete globalThis.callCount;
