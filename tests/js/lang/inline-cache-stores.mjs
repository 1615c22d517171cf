// `o.name = v` at one site while objects and their prototypes change: each
// line must show what [[Set]] does now.
function put(o, v) {
  o.x = v;
  return o;
}
function tryPut(o, v) {
  try {
    put(o, v);
    return 'ok ' + JSON.stringify(Object.getOwnPropertyDescriptor(o, 'x'));
  } catch (e) {
    return e.constructor.name + ': ' + e.message;
  }
}
const out = [];
const proto = {};
const objs = [1, 2, 3].map(() => Object.create(proto));
for (const o of objs) out.push(tryPut(o, 1));
for (const o of objs) out.push(tryPut(o, 2));
// A setter appears on the prototype: adds must now call it.
let seen = [];
Object.defineProperty(proto, 'x', { set(v) { seen.push(v); }, configurable: true });
out.push(tryPut(Object.create(proto), 3), seen.join());
out.push(tryPut(objs[0], 4), seen.join());
// A read-only data property on the prototype: adds fail (strict: TypeError).
delete proto.x;
const fresh1 = Object.create(proto);
out.push(tryPut(fresh1, 5));
Object.defineProperty(proto, 'x', { value: 'ro', writable: false, configurable: true });
out.push(tryPut(Object.create(proto), 6));
delete proto.x;
// The same on Object.prototype, further up.
out.push(tryPut({}, 7));
Object.defineProperty(Object.prototype, 'x', { set(v) { seen.push('op' + v); }, configurable: true });
out.push(tryPut({}, 8), seen.join());
delete Object.prototype.x;
out.push(tryPut({}, 9));
// Non-extensible and frozen receivers.
const sealed = Object.preventExtensions({});
out.push(tryPut(sealed, 10));
const frozen = Object.freeze({ x: 1 });
out.push(tryPut(frozen, 11));
const o = { x: 0 };
out.push(tryPut(o, 12));
Object.defineProperty(o, 'x', { writable: false });
out.push(tryPut(o, 13));
// An accessor replaces the data property on the object itself.
const acc = { x: 0 };
out.push(tryPut(acc, 14));
Object.defineProperty(acc, 'x', { get() { return 'g'; }, set(v) { seen.push('own' + v); } });
out.push(tryPut(acc, 15), seen.join());
// The receiver changes its prototype between writes.
const p1 = {};
const p2 = Object.defineProperty({}, 'x', { set(v) { seen.push('p2' + v); } });
const r1 = Object.create(p1);
const r2 = Object.create(p1);
out.push(tryPut(r1, 16));
Object.setPrototypeOf(r2, p2);
out.push(tryPut(r2, 17), seen.join());
// A prototype gains the setter through its own prototype changing.
const q = {};
const r3 = Object.create(q);
const r4 = Object.create(q);
out.push(tryPut(r3, 18));
Object.setPrototypeOf(q, p2);
out.push(tryPut(r4, 19), seen.join());
// Arrays: a named property, then `length` at another site.
const arrs = [[], [], []];
for (const a of arrs) out.push(tryPut(a, 20));
function setLength(a, n) { a.length = n; return a.length + ':' + a.join(); }
out.push(setLength([1, 2, 3], 1), setLength([1, 2, 3], 5), setLength([4], 0));
// A proxy as prototype sees every add.
const log = [];
const proxyProto = new Proxy({}, { set(t, k, v, r) { log.push(k + '=' + v); return Reflect.set(t, k, v, r); } });
const viaProxy = [Object.create(proxyProto), Object.create(proxyProto)];
for (const v of viaProxy) out.push(tryPut(v, 21));
out.push(log.join());
// Values written through the cache are the values read back.
const pts = [];
for (let i = 0; i < 5; i++) pts.push(put({}, i * 10));
out.push(pts.map((p) => p.x).join());
console.log(out.join('\n'));

// A property inherited as a writable data property: each assignment makes
// an own property; once the prototype's property is read-only, an
// accessor or gone, assignments follow it.
const base = { v: 0 };
const mk = (n) => { const o = Object.create(base); o.v = n; return o; };
const before = [mk(1), mk(2), mk(3)];
console.log(before.map((o) => Object.hasOwn(o, 'v') + ':' + o.v).join(), base.v);
Object.defineProperty(base, 'v', { writable: false });
try { mk(4); } catch (e) { console.log(e.constructor.name, e.message); }
Object.defineProperty(base, 'v', { writable: true });
console.log(mk(5).v, base.v);
Object.defineProperty(base, 'v', { get() { return 'got'; }, set(x) { this.seen = x; }, configurable: true });
const viaSetter = mk(6);
console.log(Object.keys(viaSetter).join(), viaSetter.v, viaSetter.seen);
delete base.v;
console.log(Object.keys(mk(7)).join());
const frozenBase = Object.freeze({ w: 1 });
const mw = (n) => { const o = Object.create(frozenBase); o.w = n; return o; };
try { mw(1); } catch (e) { console.log(e.constructor.name, e.message); }
