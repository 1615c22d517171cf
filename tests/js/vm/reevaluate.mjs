// Port of Node's test/parallel/test-vm-module-reevaluate.js (v20 API:
// evaluate() resolves to undefined, so runs are counted through a global).
// Left out: nothing.
import vm from 'node:vm';

const { SourceTextModule } = vm;

function check(label, actual, expected) {
  if (Object.is(actual, expected)) console.log(`ok ${label}`);
  else console.log(`FAIL ${label}: got ${String(actual)}, expected ${String(expected)}`);
}

// A module body runs once however often it is evaluated.
{
  globalThis.runs = 0;
  const m = new SourceTextModule('globalThis.runs += 1;');
  await m.link(() => {});
  check('first evaluate', await m.evaluate(), undefined);
  check('second evaluate', await m.evaluate(), undefined);
  check('third evaluate', await m.evaluate(), undefined);
  check('runs', globalThis.runs, 1);
  check('status', m.status, 'evaluated');
}

// Concurrent evaluate() calls also run the body once.
{
  globalThis.runs = 0;
  const m = new SourceTextModule('globalThis.runs += 1;');
  await m.link(() => {});
  const [a, b] = await Promise.all([m.evaluate(), m.evaluate()]);
  check('concurrent results', `${a},${b}`, 'undefined,undefined');
  check('concurrent runs', globalThis.runs, 1);
}

// A throwing module rejects every time, with the same error, running once.
{
  globalThis.runs = 0;
  const m = new SourceTextModule('globalThis.runs += 1; throw new Error("once");');
  await m.link(() => {});
  const errors = [];
  for (let i = 0; i < 3; i++) {
    try {
      await m.evaluate();
      console.log(`FAIL evaluate #${i}: fulfilled`);
    } catch (e) {
      errors.push(e);
      console.log(`evaluate #${i}: ${String(e)} instanceof Error ${e instanceof Error}`);
    }
  }
  check('throwing runs', globalThis.runs, 1);
  check('second rejection is the first', errors[1], errors[0]);
  check('third rejection is the first', errors[2], errors[0]);
  check('error getter', m.error, errors[0]);
  check('throwing status', m.status, 'errored');
}

// A rejecting top-level await: the later evaluate() calls reject the same way.
{
  globalThis.runs = 0;
  const m = new SourceTextModule('globalThis.runs += 1; await null; throw new RangeError("later");');
  await m.link(() => {});
  const first = await m.evaluate().then(() => 'fulfilled', (e) => e);
  const second = await m.evaluate().then(() => 'fulfilled', (e) => e);
  console.log('async rejection:', String(first));
  check('async second is first', second, first);
  check('async runs', globalThis.runs, 1);
}
delete globalThis.runs;
