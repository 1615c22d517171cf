// push, map, filter and sort over a 1,000,000-element array.
const a = [];
for (let i = 0; i < 1_000_000; i++) {
  a.push((i * 7919) % 1_000_003);
}
const doubled = a.map((x) => x * 2);
const even = doubled.filter((x) => x % 4 === 0);
even.sort((x, y) => x - y);
console.log(a.length, even.length, even[0], even[even.length - 1]);
