// structuredClone: deep copies with cycles; DataCloneError for what cannot be cloned.
for (const v of [() => {}, Symbol('s'), { f() {} }, new WeakMap(), Promise.resolve()]) {
  try { structuredClone(v); } catch (e) { console.log(String(e), e.name, e.code); }
}
const o = { a: 1, b: [1, 2, { c: 3 }], d: new Date(0), r: /x/gi, m: new Map([[1, { x: 1 }]]), s: new Set([1, 2]), n: new Number(3), str: new String('s'), bool: new Boolean(false), u: undefined, nul: null, big: 1e21 };
o.self = o;
const c = structuredClone(o);
console.log(c, c.self === c, c !== o, c.b !== o.b, c.d instanceof Date, c.r.lastIndex, c.m.get(1) !== o.m.get(1));
class K { constructor() { this.x = 1; } get y() { return 2; } }
console.log(structuredClone(new K()), structuredClone(Object.create(null, { a: { value: 1, enumerable: true }, b: { value: 2 } })));
const arr = [1, , 3];
arr.extra = 'e';
console.log(structuredClone(arr));
try { structuredClone(); } catch (e) { console.log(String(e)); }
const err = new TypeError('t', { cause: { deep: 1 } });
err.name = 'Custom';
const ce = structuredClone(err);
console.log(ce.name, ce.message, ce.cause, Object.getPrototypeOf(ce) === Error.prototype, Object.keys(ce), ce instanceof Error);
const re = structuredClone(new RangeError('r'));
console.log(re instanceof RangeError, re.message, String(structuredClone(new Error('x'))));
const shared = { s: 1 };
const pair = structuredClone([shared, shared]);
console.log(pair[0] === pair[1], structuredClone('str'), structuredClone(5), structuredClone(null));
