// Iterator helpers (ES2025; recorded with Node 22: Node 20 does not have them).
function* naturals() {
  let i = 0;
  while (true) yield i++;
}
console.log(naturals().map((x) => x * x).filter((x) => x % 2).take(4).toArray());
console.log(naturals().drop(3).take(3).toArray(), [..."abc"].values().flatMap((c) => [c, c.toUpperCase()]).toArray());
console.log([1, 2, 3].values().reduce((a, b) => a + b), [1, 2, 3].values().reduce((a, b) => a + b, 10));
console.log([1, 2, 3].values().some((x) => x > 2), [1, 2, 3].values().every((x) => x > 2), [1, 2, 3].values().find((x) => x > 1));
const seen = [];
[5, 6].values().forEach((v, i) => seen.push(`${i}:${v}`));
console.log(seen.join(' '), typeof Iterator, Iterator.prototype === Object.getPrototypeOf(Object.getPrototypeOf([].values())));
// Closing: return() reaches the underlying iterator.
const log = [];
const source = {
  __proto__: Iterator.prototype,
  i: 0,
  next() { log.push('next'); return { value: this.i++, done: false }; },
  return() { log.push('return'); return {}; },
};
const mapped = source.map((x) => x + 1);
console.log(mapped.next(), mapped.return(), mapped.next(), log.join(','));
log.length = 0;
console.log(source.take(0).next(), log.join(','));
log.length = 0;
console.log(source.find((x) => x > 4), log.join(','));
// Iterator.from wraps objects that only have next().
const wrapped = Iterator.from({ next() { return { value: 1, done: false }; } });
console.log(wrapped.take(2).toArray(), Iterator.from([7, 8]).toArray(), Iterator.from('hi').toArray());
class Countdown extends Iterator {
  constructor(n) { super(); this.n = n; }
  next() { return this.n > 0 ? { value: this.n--, done: false } : { value: undefined, done: true }; }
}
console.log(new Countdown(3).map((x) => x * 10).toArray(), new Countdown(2) instanceof Iterator);
for (const bad of [() => Iterator(), () => new Iterator(), () => [].values().map(1), () => [].values().take(-1), () => [].values().drop(NaN), () => [].values().reduce((a) => a), () => Iterator.from(1)]) {
  try { bad(); } catch (e) { console.log(e.constructor.name, e.message); }
}
const running = [1, 2].values().map(() => running.next());
try { running.next(); } catch (e) { console.log(e.message); }
console.log(Object.prototype.toString.call(naturals().map((x) => x)), Iterator.prototype[Symbol.toStringTag]);
