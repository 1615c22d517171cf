const o = { b: 1, a: 2, 1: 'x', [Symbol('s')]: 3 };
console.log(Object.keys(o), Object.values(o), Object.entries(o));
console.log(Reflect.ownKeys(o).length, Object.getOwnPropertyNames(o), Object.getOwnPropertySymbols(o).length);
const frozen = Object.freeze({ x: 1 });
console.log(Object.isFrozen(frozen), Object.isSealed(frozen), Object.isExtensible(frozen));
try { 'use strict'; frozen.x = 2; } catch (e) { console.log(e.constructor.name, e.message); }
const d = Object.getOwnPropertyDescriptor({ get g() { return 1; } }, 'g');
console.log(typeof d.get, d.set, d.enumerable, d.configurable);
const c = Object.create({ inherited: true }, { own: { value: 5, enumerable: true } });
console.log(c.own, c.inherited, Object.hasOwn(c, 'inherited'), 'inherited' in c);
console.log(Object.assign({}, { a: 1 }, null, { b: 2 }), Object.fromEntries([['x', 1], ['y', 2]]));
console.log(Object.is(NaN, NaN), Object.is(0, -0), Object.getPrototypeOf([]) === Array.prototype);
console.log(Object.prototype.toString.call([]), Object.prototype.toString.call(null), String({}), `${{ [Symbol.toStringTag]: 'T' }}`);
const grouped = { odd: [1, 3], even: [2, 4] };
console.log(grouped.odd, grouped.even);
const p = Object.defineProperty({}, 'x', { value: 1 });
console.log(Object.getOwnPropertyDescriptor(p, 'x'));
try { Object.defineProperty(p, 'x', { value: 2 }); } catch (e) { console.log(e.message); }
console.log({}.hasOwnProperty.call({ q: 1 }, 'q'), Object.prototype.isPrototypeOf.call(Object.prototype, {}), [].propertyIsEnumerable('length'));
