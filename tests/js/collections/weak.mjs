// WeakMap and WeakSet: object (and unregistered symbol) keys only.
const wm = new WeakMap();
const k1 = {};
const k2 = function () {};
wm.set(k1, 'a').set(k2, 'b');
console.log(wm.get(k1), wm.get(k2), wm.has(k1), wm.has({}), wm.get(1), wm.has('x'));
console.log(wm.delete(k1), wm.delete(k1), wm.has(k1), wm.delete(1));
const sym = Symbol('local');
wm.set(sym, 'symbol');
console.log(wm.get(sym));
for (const bad of [1, 'x', null, undefined, Symbol.for('registered')]) {
  try {
    wm.set(bad, 1);
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
}
const ws = new WeakSet([k1, k2]);
console.log(ws.has(k1), ws.has(k2), ws.has({}), ws.delete(k2), ws.has(k2));
try {
  ws.add(1);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
try {
  new WeakSet([1]);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
try {
  WeakMap.prototype.get.call(new Map(), k1);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
console.log(Object.getOwnPropertyNames(WeakMap.prototype).join(), Object.getOwnPropertyNames(WeakSet.prototype).join());
console.log(Object.prototype.toString.call(wm), Object.prototype.toString.call(ws));
console.log(WeakMap.length, WeakSet.length, 'size' in wm, typeof ws.forEach);
