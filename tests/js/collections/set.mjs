// Recorded with Node 22 (its Set.prototype has the ES2025 set methods).
// Set: values, SameValueZero, constructor from iterables.
const s = new Set([1, 2, 2, '2', NaN, NaN, -0, 0]);
console.log(s.size, s.has(2), s.has('2'), s.has(NaN), s.has(0), Object.is([...s][4], 0));
console.log(s.add(3) === s, s.delete(3), s.delete(3), s.size);
console.log(JSON.stringify([...new Set('hello')]));
console.log(Set.prototype.keys === Set.prototype.values, Set.prototype[Symbol.iterator] === Set.prototype.values);
console.log(Object.getOwnPropertyNames(Set.prototype).join());
console.log(Object.prototype.toString.call(new Set()), Object.prototype.toString.call(new Set().values()));
const items = [];
new Set(['a', 'b']).forEach((v, k, set) => items.push(v + k + set.size));
console.log(items.join());
for (const [label, f] of [
  ['call', () => Set()],
  ['not iterable', () => new Set(5)],
  ['receiver', () => Set.prototype.add.call(new Map(), 1)],
  ['size', () => Object.getOwnPropertyDescriptor(Set.prototype, 'size').get.call([])],
  ['adder', () => {
    class S extends Set {
      get add() {
        return 'nope';
      }
    }
    return new S([1]);
  }],
]) {
  try {
    f();
    console.log(label, 'no error');
  } catch (e) {
    console.log(label, e.name);
  }
}
let closed = false;
const iterable = {
  [Symbol.iterator]() {
    return {
      next: () => ({ value: 1, done: false }),
      return: () => {
        closed = true;
        return {};
      },
    };
  },
};
class Failing extends Set {
  add() {
    throw new Error('boom');
  }
}
try {
  new Failing(iterable);
} catch (e) {
  console.log(e.message, closed);
}
