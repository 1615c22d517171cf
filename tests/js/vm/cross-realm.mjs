// Objects made with a constructor or new.target from another context
// (another realm): GetPrototypeFromConstructor takes the default prototype
// from new.target's realm, and built-in functions run in their own realm.
import vm from 'node:vm';

const ctx = vm.createContext({});
const module = new vm.SourceTextModule('export default globalThis;', { context: ctx });
await module.link(() => {});
await module.evaluate();
const otherGlobal = module.namespace.default;
const other = (path) => path.split('.').reduce((o, key) => o[key], otherGlobal);

const newTarget = new (other('Function'))();
newTarget.prototype = null;
for (const [name, C, args] of [
  ['Array', Array, []],
  ['Object', Object, []],
  ['Error', Error, ['m']],
  ['TypeError', TypeError, ['m']],
  ['Map', Map, []],
  ['Promise', Promise, [() => {}]],
  ['Date', Date, [0]],
  ['RegExp', RegExp, ['a']],
  ['Uint8Array', Uint8Array, [2]],
  ['ArrayBuffer', ArrayBuffer, [1]],
  ['Boolean', Boolean, [true]],
  ['Function', Function, []],
]) {
  const made = Reflect.construct(C, args, newTarget);
  console.log(
    name,
    Object.getPrototypeOf(made) === other(`${name}.prototype`),
    Object.getPrototypeOf(made) === C.prototype,
  );
}

// A bound function and a proxy: their target's realm.
const bound = newTarget.bind();
console.log(Object.getPrototypeOf(Reflect.construct(Array, [], bound)) === other('Array.prototype'));
const proxy = new Proxy(newTarget, {});
console.log(Object.getPrototypeOf(Reflect.construct(Object, [], proxy)) === other('Object.prototype'));
const { proxy: revoked, revoke } = Proxy.revocable(newTarget, {
  get(target, key) {
    if (key === 'prototype') revoke();
    return undefined;
  },
});
try {
  Reflect.construct(Object, [], revoked);
} catch (e) {
  console.log(e instanceof TypeError, e.constructor === TypeError);
}

// Built-ins make their objects in their own realm.
const otherKeys = other('Object.keys');
console.log(Array.isArray(otherKeys({ a: 1 })), otherKeys({ a: 1 }) instanceof Array);
console.log(otherKeys({ a: 1 }) instanceof other('Array'));
try {
  other('String.prototype.toString').call(1);
} catch (e) {
  console.log(e instanceof TypeError, e instanceof other('TypeError'));
}

// ArraySpeciesCreate: another realm's Array constructor gives this realm's arrays.
const arr = [1, 2, 3];
arr.constructor = other('Array');
const mapped = arr.map((x) => x * 2);
console.log(mapped, mapped instanceof Array, Object.getPrototypeOf(mapped) === Array.prototype);
const otherArr = new (other('Array'))(1, 2, 3);
const sliced = Array.prototype.slice.call(otherArr, 1);
console.log(sliced, sliced instanceof Array);
