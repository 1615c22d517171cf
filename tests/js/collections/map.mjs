// Map: SameValueZero keys, insertion order, size, receivers and errors.
const show = (label, f) => {
  try {
    console.log(label, String(f()));
  } catch (e) {
    console.log(label, e.name + ': ' + e.message);
  }
};
const m = new Map([[1, 'one'], ['1', 'string one'], [NaN, 'nan']]);
m.set(-0, 'zero');
console.log(m.size, m.get(1), m.get('1'), m.get(NaN), m.get(0), m.get(+0));
console.log(Object.is([...m.keys()][3], 0), Object.is([...m.keys()][3], -0));
const key = {};
m.set(key, 'object');
console.log(m.has(key), m.has({}), m.get(key));
console.log(m.delete(1), m.delete(1), m.size);
m.set(1, 'again');
console.log(JSON.stringify([...m.keys()].map(String)));
console.log(m.set('x', 1) === m);
m.clear();
console.log(m.size, m.get(key));
show('call', () => Map());
show('entry', () => new Map([1]));
show('receiver', () => Map.prototype.get.call({}, 1));
show('array receiver', () => Map.prototype.get.call([], 1));
show('set receiver', () => Map.prototype.has.call(new Set(), 1));
show('size', () => Object.getOwnPropertyDescriptor(Map.prototype, 'size').get.call({}));
show('forEach', () => new Map().forEach(1));
show('forEach string', () => new Map().forEach('abc'));
show('adder', () => {
  class M extends Map {
    get set() {
      return 5;
    }
  }
  return new M([[1, 2]]);
});
console.log(Map.name, Map.length, Map.prototype.set.length, Map.prototype.forEach.length);
console.log(Map.prototype[Symbol.iterator] === Map.prototype.entries);
console.log(Map.prototype[Symbol.toStringTag], Object.prototype.toString.call(new Map()));
console.log(Map[Symbol.species] === Map);
console.log(Object.getOwnPropertyNames(Map.prototype).join());
class MyMap extends Map {}
const mine = new MyMap([['a', 1]]);
console.log(mine instanceof Map, mine.get('a'), Object.getPrototypeOf(mine) === MyMap.prototype);
const order = new Map();
for (const k of ['c', 'a', 'b']) order.set(k, k.toUpperCase());
order.set('a', 'again');
const seen = [];
order.forEach(function (v, k, map) {
  seen.push(k + '=' + v + (map === order) + this.tag);
}, { tag: '!' });
console.log(seen.join(' '));
