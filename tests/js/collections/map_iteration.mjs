// Map and Set iteration while the collection changes.
const m = new Map([[1, 'a'], [2, 'b'], [3, 'c']]);
const seen = [];
for (const [k, v] of m) {
  seen.push(k + v);
  if (k === 1) {
    m.delete(2);
    m.set(4, 'd');
  }
  if (k === 4) m.set(5, 'e');
}
console.log(seen.join(','));

const it = m.keys();
console.log(JSON.stringify(it.next()));
m.clear();
m.set('after', 1);
console.log(JSON.stringify(it.next()), JSON.stringify(it.next()));
m.set('late', 2);
console.log(JSON.stringify(it.next()), 'finished iterators stay finished');

const s = new Set();
for (let i = 0; i < 100; i++) s.add(i);
const values = s.values();
for (let i = 0; i < 10; i++) values.next();
for (let i = 0; i < 95; i++) s.delete(i);
console.log(JSON.stringify(values.next()), JSON.stringify([...values]));

const growing = new Set([0]);
let count = 0;
growing.forEach((v) => {
  if (v < 20) growing.add(v + 1);
  count++;
});
console.log(count, growing.size);

const big = new Map();
for (let i = 0; i < 100000; i++) big.set('k' + i, i);
for (let i = 0; i < 99990; i++) big.delete('k' + i);
console.log(big.size, JSON.stringify([...big.values()]));

const entries = new Map([['x', 1]]).entries();
console.log(Object.prototype.toString.call(entries), entries[Symbol.iterator]() === entries);
console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(entries)).join());
try {
  entries.next.call({});
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
try {
  new Set().values().next.call(new Map().keys());
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
console.log(JSON.stringify([...new Set(['a', 'b']).entries()]));
