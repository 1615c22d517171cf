// JSON.stringify: replacers, gaps, toJSON, wrappers, escaping, cycles, depth.
const show = (label, f) => {
  try {
    console.log(label, JSON.stringify(f()));
  } catch (e) {
    console.log(label, e.name + ': ' + e.message.split('\n').join(' | '));
  }
};
console.log(JSON.stringify({ a: [1, { b: 2 }], c: 'x', d: [], e: {} }, null, 2));
console.log(JSON.stringify([1, [2, [3]]], null, '--'));
console.log(JSON.stringify({ a: 1, b: [1] }, null, 20));
console.log(JSON.stringify({ a: 1 }, null, 'abcdefghijklmnop'));
console.log(JSON.stringify({ a: 1 }, null, new Number(3)));
console.log(JSON.stringify({ a: 1 }, null, new String('\t')));
console.log(JSON.stringify({ a: 1 }, null, 0), JSON.stringify({ a: 1 }, null, -5), JSON.stringify({ a: 1 }, null, ''));
console.log(JSON.stringify('\ud800\u2028\u0007\ud83d\ude00\udc00"\\\b\f\n\r\t\u001f'));
console.log(JSON.stringify([undefined, function () {}, Symbol('s'), NaN, Infinity, -0, null]));
console.log(JSON.stringify({ u: undefined, f() {}, s: Symbol('s'), [Symbol('k')]: 1, n: null }));
console.log(JSON.stringify(undefined), JSON.stringify(function () {}), JSON.stringify(Symbol('x')));
console.log(JSON.stringify([new Number(1), new String('s'), new Boolean(false), Object(Symbol('q'))]));
console.log(JSON.stringify({ toJSON(key) { return 'key:' + key; } }));
console.log(JSON.stringify({ a: { toJSON(key) { return 'key:' + key; } } }));
console.log(JSON.stringify([{ toJSON(key) { return 'index:' + key; } }]));
console.log(JSON.stringify({ b: 1, a: 2, 1: 3, c: { a: 1, b: 2 } }, ['a', 'b', 1, new String('c'), 'a', {}]));
const calls = [];
console.log(JSON.stringify({ a: 1, b: [2, 3], c: 'drop' }, function (key, value) {
  calls.push(JSON.stringify(key) + (Array.isArray(this) ? '@array' : '@object'));
  if (key === 'c') return undefined;
  if (typeof value === 'number') return value + 100;
  return value;
}));
console.log(calls.join(' '));
const sparse = [1, , 3];
console.log(JSON.stringify(sparse));
const proto = { inherited: 1 };
const child = Object.create(proto);
child.own = 2;
console.log(JSON.stringify(child));
const withGetter = { get g() { return 'got'; } };
console.log(JSON.stringify(withGetter));
show('cycle self', () => {
  const a = {};
  a.self = a;
  return a;
});
show('cycle nested', () => {
  const a = { x: { y: [] } };
  a.x.y.push(a);
  return a;
});
show('cycle array', () => {
  const a = [];
  a.push(a);
  return a;
});
show('cycle class', () => {
  class K {}
  const a = new K();
  a.q = { r: a };
  return a;
});
const shared = { s: 1 };
console.log(JSON.stringify({ a: shared, b: shared }));
let deep = [];
for (let i = 0; i < 100000; i++) deep = [deep];
show('deep', () => deep);
let ok = [];
for (let i = 0; i < 1000; i++) ok = [ok];
console.log(JSON.stringify(ok).length);
