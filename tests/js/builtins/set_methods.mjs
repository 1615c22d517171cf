// ES2025 Set methods (recorded with Node 22: Node 20 does not have them).
const a = new Set([1, 2, 3, 4]);
const b = new Set([3, 4, 5]);
console.log(a.union(b), a.intersection(b), a.difference(b), a.symmetricDifference(b));
console.log(a.isSubsetOf(b), new Set([3]).isSubsetOf(b), a.isSupersetOf(new Set([1, 2])), a.isDisjointFrom(new Set([9])));
// Set-like arguments: only size, has and keys are read, in that order.
const log = [];
const setLike = {
  get size() { log.push('size'); return 2; },
  get has() { log.push('has'); return (v) => { log.push(`has(${v})`); return v === 2 || v === 7; }; },
  get keys() { log.push('keys'); return function* () { log.push('keys()'); yield 2; yield 7; }; },
};
console.log(a.intersection(setLike), log.join(' '));
log.length = 0;
console.log(new Set([2]).union(setLike), log.join(' '));
console.log(new Set([-0]).union(new Set([0])).has(0), [...new Set([0]).union(new Set([-0]))]);
for (const bad of [null, 1, { size: NaN, has() {}, keys() {} }, { size: -1, has() {}, keys() {} }, { size: 1, has: 1, keys() {} }, { size: 1, has() {}, keys: 1 }]) {
  try {
    a.union(bad);
  } catch (e) {
    console.log(e.constructor.name);
  }
}
try {
  Set.prototype.union.call({}, a);
} catch (e) {
  console.log(String(e));
}
class MySet extends Set {}
console.log(new MySet([1]).union(new Set([2])).constructor === Set, Set.prototype.union.length);
