// Promise.try, Error.isError, RegExp.escape (recorded with Node 24: Node 20 has none of them;
// Math.sumPrecise, which Node 24 lacks too, is checked against test262 in its unit tests).
const results = await Promise.allSettled([
  Promise.try(() => 1),
  Promise.try((a, b) => a + b, 2, 3),
  Promise.try(() => { throw new Error('sync'); }),
  Promise.try(async () => 'async'),
]);
console.log(results.map((r) => (r.status === 'fulfilled' ? r.value : r.reason.message)));
console.log(Error.isError(new TypeError('x')), Error.isError({ __proto__: Error.prototype }), Error.isError(null), Error.isError.length);
class MyError extends Error {}
console.log(Error.isError(new MyError()), Error.isError(Object.create(new Error())));
for (const s of ['foo', 'a.b*c', '1abc', 'hello world', '/path/to?x=1', '-_,=<>#&!%:;@~\'`"', '\t\n\v\f\r', '\u2028\uFEFF\u00A0', 'caf\u00e9\u{1F600}', '\uD800x', '^$\\.*+?()[]{}|']) {
  console.log(JSON.stringify(RegExp.escape(s)), new RegExp(RegExp.escape(s)).test(s));
}
try { RegExp.escape(1); } catch (e) { console.log(e.constructor.name); }
