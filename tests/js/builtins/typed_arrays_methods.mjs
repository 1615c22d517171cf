// %TypedArray%.prototype methods.
const a = new Int16Array([5, -3, 10, 0, -3, 7]);
console.log(a.at(-1), a.at(9), a.includes(10), a.includes(NaN), a.indexOf(-3), a.lastIndexOf(-3), a.indexOf('5'));
console.log(a.join(), a.join(' | '), a.toString(), a.toLocaleString(), String(new Float64Array([1e21, 0.5])));
console.log(a.every((x) => x > -5), a.some((x) => x > 9), a.find((x) => x < 0), a.findIndex((x) => x < 0),
  a.findLast((x) => x < 0), a.findLastIndex((x) => x < 0));
const seen = [];
a.forEach((x, i, arr) => seen.push(`${i}:${x}:${arr === a}`));
console.log(seen.join(' '));
console.log(a.map((x) => x * 1000), a.filter((x) => x > 0), a.reduce((s, x) => s + x), a.reduceRight((s, x) => s + ',' + x, ''));
console.log(new Float64Array([3, NaN, -0, 0, -Infinity, 1]).sort(), new Uint8Array([3, 1, 2]).sort((x, y) => y - x));
console.log(a.toSorted(), a.toReversed(), a.with(0, 99), a);
console.log(a.slice(1, 3), a.slice(-2), a.subarray(2), a.subarray(1, -1).byteOffset);
console.log(new Uint8Array([1, 2, 3, 4, 5]).copyWithin(0, 3), new Uint8Array([1, 2, 3, 4, 5]).copyWithin(1, 0, 3));
console.log(new Uint8Array(5).fill(7, 1, -1), new Float32Array(3).fill(0.1), new Uint8Array([1, 2, 3]).reverse());
const target = new Uint8Array(6);
target.set([1, 2]);
target.set(new Float64Array([300.5, -1]), 2);
target.set(new Uint8Array([9]), 5);
console.log(target);
const shared = new Uint8Array([1, 2, 3, 4]);
shared.set(shared.subarray(0, 3), 1);
console.log(shared);
console.log([...a.keys()], [...a.entries()].slice(0, 2), [...a.values()].length, a[Symbol.iterator] === a.values);
class Sub extends Uint8Array {}
const s = new Sub([1, 2, 3]);
console.log(s.map((x) => x * 2) instanceof Sub, s.slice(1), s.filter(Boolean).constructor.name, s);
console.log(Object.getPrototypeOf(Int8Array) === Object.getPrototypeOf(Float64Array),
  Object.getPrototypeOf(Int8Array.prototype) === Object.getPrototypeOf(Uint8Array).prototype,
  Int8Array.length, Object.getPrototypeOf(Int8Array).name, Int8Array.prototype.BYTES_PER_ELEMENT);
console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(Int8Array).prototype).sort().join());
console.log(new Uint8Array(300));
console.log([new Uint8Array(2), { x: new Float32Array([1.5]) }]);
