// Recorded with Node v24.21.0 (Node v20 has no Array.fromAsync).
const log = (label) => (v) => console.log(label, v);
const fail = (label) => (e) => console.log(label, `${e.name}: ${e.message}`);

async function* gen() {
  yield 1;
  yield Promise.resolve(2);
  yield 3;
}
await Array.fromAsync(gen()).then(log('async iterable'));
await Array.fromAsync([Promise.resolve('a'), 'b', Promise.resolve('c')]).then(log('sync iterable'));
await Array.fromAsync({ length: 3, 0: 'x', 1: Promise.resolve('y'), 2: 'z' }).then(log('array-like'));
await Array.fromAsync([1, 2, 3], async (v, i) => v * 10 + i).then(log('mapped'));
await Array.fromAsync([1, 2], function (v) { return this.base + v; }, { base: 100 }).then(log('thisArg'));
await Array.fromAsync([1], 5).then(log('bad mapfn'), fail('bad mapfn'));
await Array.fromAsync(null).then(log('null'), fail('null'));
await Array.fromAsync([Promise.reject(new Error('boom'))]).then(log('rejected item'), fail('rejected item'));
class Box {
  constructor(...args) {
    this.args = args;
  }
}
await Array.fromAsync.call(Box, [1, 2]).then(log('constructor this (iterable)'));
await Array.fromAsync.call(Box, { length: 2, 0: 'p', 1: 'q' }).then(log('constructor this (array-like)'));
await Array.fromAsync.call(undefined, [1]).then(log('non-constructor this'));
let closed = 0;
const iterable = {
  [Symbol.asyncIterator]() {
    let i = 0;
    return {
      next: async () => ({ value: i++, done: false }),
      return: async () => {
        closed++;
        return {};
      },
    };
  },
};
await Array.fromAsync(iterable, (v) => {
  if (v === 2) throw new Error('stop');
  return v;
}).then(log('closing'), fail('closing'));
console.log('closed', closed);
const order = [];
const p = Array.fromAsync([1, 2]).then(() => order.push('done'));
order.push('sync');
await p;
console.log(order, Array.fromAsync.length, Array.fromAsync.name);
console.log(Array.fromAsync([]) instanceof Promise);
