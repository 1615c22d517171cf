// Property reads through a prototype chain at one site, while the chain
// changes under it: each line must show what [[Get]] finds now.
function read(o) {
  return o.m;
}
const base = { m: 'base' };
const mid = Object.create(base);
const a = Object.create(mid);
const b = Object.create(mid);
const out = [];
for (let i = 0; i < 3; i++) out.push(read(a));
mid.m = 'mid shadows base';
out.push(read(a), read(b));
a.m = 'own shadows mid';
out.push(read(a), read(b));
delete mid.m;
out.push(read(b));
base.m = 'base value changed';
out.push(read(b));
Object.defineProperty(base, 'm', { get() { return 'getter on base'; }, configurable: true });
out.push(read(b));
delete base.m;
out.push(String(read(b)));
Object.prototype.m = 'from Object.prototype';
out.push(read(b), read({}));
delete Object.prototype.m;
// Same shape, different prototypes.
const p1 = { m: 'p1' };
const p2 = { m: 'p2' };
const c1 = Object.create(p1);
const c2 = Object.create(p2);
for (let i = 0; i < 2; i++) out.push(read(c1), read(c2));
Object.setPrototypeOf(p1, { m: 'ignored, p1 has m' });
Object.setPrototypeOf(c1, p2);
out.push(read(c1));
// A prototype that changes its own prototype.
const top1 = { m: 'top1' };
const top2 = { m: 'top2' };
const link = Object.create(top1);
const leaf = Object.create(link);
out.push(read(leaf));
Object.setPrototypeOf(link, top2);
out.push(read(leaf));
// Methods of classes, then a subclass override added late.
class A { m() { return 'A.m'; } }
class B extends A {}
const objs = [new A(), new B(), new B()];
for (const o of objs) out.push(read(o).call(o));
B.prototype.m = function () { return 'B.m'; };
for (const o of objs) out.push(read(o).call(o));
// Arrays: length is not an inherited property.
const arr = [1, 2, 3];
function len(o) { return o.length; }
out.push(len(arr), len('abcd'), len({ length: 7 }), len(Object.create(arr)));
arr.push(4);
out.push(len(arr));
// A proxy in the chain answers every read itself.
let count = 0;
const proxied = Object.create(new Proxy({ m: 'proxy target' }, { get(t, k, r) { count++; return t[k]; } }));
out.push(read(proxied), read(proxied), count);
console.log(out.join('\n'));
