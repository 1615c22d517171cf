// A regular expression with catastrophic backtracking inside
// evaluate({ timeout }) ends with the timeout error, as in Node; searches
// under a timeout that end in time give their results.
// Recorded with `node --experimental-vm-modules regexp-timeout.mjs`.
import vm from 'node:vm';

const m = new vm.SourceTextModule("/(a+)+$/.test('a'.repeat(40) + 'b')");
await m.link(() => {});
const started = Date.now();
try {
  await m.evaluate({ timeout: 300 });
  console.log('ran to completion');
} catch (e) {
  console.log(e.code, e.message);
}
console.log('stopped within 3 s:', Date.now() - started < 3000);
console.log(m.status);

const ok = new vm.SourceTextModule(
  "export const r = 'x-y-z'.replace(/-/g, '+') + /(\\d+)/.exec('ab123')[1] + 'a,b,,c'.split(/,/).length;",
);
await ok.link(() => {});
await ok.evaluate({ timeout: 1000 });
console.log(ok.namespace.r);
