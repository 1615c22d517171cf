// Object.keys on objects whose keys live in their own storage, in every
// layout the engine keeps: shaped and dictionary tables, dense and sparse
// indices, deleted, non-enumerable and symbol keys, and functions, errors
// and wrapper objects; then exotic objects, which answer through their own
// [[OwnPropertyKeys]].
const show = (label, o) => console.log(label, JSON.stringify(Object.keys(o)));

show('empty', {});
show('shaped', { b: 1, a: 2, c: 3 });
show('indices first', { b: 1, 2: 'two', a: 2, 0: 'zero', 10: 'ten' });
const sparse = { x: 1 };
sparse[5] = 'five';
sparse[1] = 'one';
sparse[4294967294] = 'max index';
sparse[4294967295] = 'not an index';
show('sparse indices', sparse);

const many = {};
for (let i = 0; i < 100; i++) many['k' + i] = i;
delete many.k3;
delete many.k50;
many.k3 = 'again';
console.log('dictionary', Object.keys(many).length, Object.keys(many).slice(0, 5).join(), Object.keys(many).slice(-2).join());

const hidden = { a: 1, b: 2, c: 3 };
Object.defineProperty(hidden, 'b', { enumerable: false });
Object.defineProperty(hidden, 'd', { value: 4, enumerable: false });
Object.defineProperty(hidden, 'e', { get() { return 5; }, enumerable: true });
hidden[Symbol('s')] = 6;
show('attributes', hidden);

const deleted = { a: 1, b: 2, c: 3 };
delete deleted.b;
show('deleted', deleted);

function f(a, b) {}
f.custom = 1;
show('function', f);
const err = new Error('m');
err.code = 'E';
show('error', err);
const num = new Number(1);
num.extra = true;
show('number object', num);
show('null prototype', Object.assign(Object.create(null), { z: 1, 1: 'one' }));
show('inherited are not own', Object.create({ inherited: 1 }));

show('array', ['a', , 'c']);
const arr = [1, 2];
arr.prop = 'p';
show('array with prop', arr);
show('string object', new String('abc'));
show('typed array', new Uint8Array(3));
show('arguments', (function () { return arguments; })(1, 2));
show('proxy', new Proxy({ a: 1 }, { ownKeys: () => ['a', 'b'], getOwnPropertyDescriptor: (t, k) => ({ value: 1, enumerable: k === 'b', configurable: true }) }));

// Keys added while iterating the result do not change it; entries and values
// still read the values.
const o = { a: 1, b: 2 };
const ks = Object.keys(o);
o.c = 3;
console.log('snapshot', ks.join());
console.log('entries', JSON.stringify(Object.entries({ a: 1, 1: 'x', get g() { return 'got'; } })));
console.log('values', JSON.stringify(Object.values({ b: 2, a: 1, 0: 0 })));
