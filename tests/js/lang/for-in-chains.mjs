// for-in over objects whose prototypes have no enumerable properties (only
// own keys are visited), and what makes a prototype count again: an
// enumerable property added later, shadowing by a non-enumerable one, a
// proxy, a String object or an array with elements in the chain.
const keys = (o) => {
  const out = [];
  for (const k in o) out.push(k);
  return out.join(',');
};

class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  norm() { return Math.hypot(this.x, this.y); }
}
const p = new Point(1, 2);
p[3] = 'three';
p[1] = 'one';
console.log('class instance', keys(p));
console.log('plain', keys({ b: 1, a: 2, 10: 'x', 2: 'y' }));
console.log('null proto', keys(Object.assign(Object.create(null), { z: 1, y: 2 })));
console.log('array', keys([5, , 7]));
console.log('string object', keys(new String('hi')));

const hidden = {};
Object.defineProperty(hidden, 'h', { value: 1, enumerable: false });
hidden.shown = 2;
console.log('non-enumerable own', keys(hidden));

// A prototype that gains an enumerable property later.
const base = {};
const child = Object.create(base);
child.own = 1;
console.log('before', keys(child));
base.inherited = 2;
console.log('after', keys(child));
delete base.inherited;
console.log('deleted again', keys(child));

// A non-enumerable property shadows an enumerable one further up.
const top = { shadowed: 1, kept: 2 };
const middle = Object.create(top);
Object.defineProperty(middle, 'shadowed', { value: 0, enumerable: false });
const bottom = Object.create(middle);
bottom.mine = 3;
console.log('shadowing', keys(bottom));

// An own non-enumerable property shadows an inherited enumerable one.
const own = Object.create({ a: 1, b: 2 });
Object.defineProperty(own, 'a', { value: 0, enumerable: false });
console.log('own shadowing', keys(own));

// A proxy on the chain is asked for its keys.
const log = [];
const proxy = new Proxy({ fromProxy: 1 }, {
  ownKeys(t) { log.push('ownKeys'); return Reflect.ownKeys(t); },
  getOwnPropertyDescriptor(t, k) { log.push('gOPD ' + String(k)); return Reflect.getOwnPropertyDescriptor(t, k); },
  getPrototypeOf(t) { log.push('getPrototypeOf'); return Reflect.getPrototypeOf(t); },
});
const overProxy = Object.create(proxy);
overProxy.first = 1;
console.log('over proxy', keys(overProxy), log.join(';'));

// Exotic prototypes that have enumerable keys.
console.log('over String', keys(Object.create(new String('ab'))));
console.log('over array', keys(Object.create(['x', 'y'])));
const arrayProto = Object.create(Array.prototype);
arrayProto.q = 1;
console.log('over Array.prototype', keys(arrayProto));

// Enumerable properties added to built-in prototypes are visited.
Object.prototype.polluted = 1;
console.log('polluted', keys({ a: 1 }), keys([1]));
delete Object.prototype.polluted;
Array.prototype.extra = 1;
console.log('array proto extra', keys([1]), keys({ a: 1 }));
delete Array.prototype.extra;
console.log('clean again', keys([1]), keys({ a: 1 }));

// Deleting a key that is still to be visited skips it; added keys are not visited.
const mutated = { a: 1, b: 2, c: 3 };
const seen = [];
for (const k in mutated) {
  seen.push(k);
  if (k === 'a') { delete mutated.b; mutated.d = 4; }
}
console.log('mutated', seen.join(','));

// for-in as a check for any key (a common idiom).
function hasProp(o) { for (const _ in o) return true; return false; }
console.log('hasProp', hasProp({}), hasProp({ x: 1 }), hasProp(Object.create({ y: 1 })), hasProp([]));
