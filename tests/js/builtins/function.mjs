function add(a, b) { return a + b + (this?.c ?? 0); }
console.log(add.call({ c: 1 }, 1, 2), add.apply({ c: 2 }, [1, 2]), add.bind({ c: 3 }, 1)(2));
const bound = add.bind(null, 1);
console.log(bound.name, bound.length, add.length, add.name, (() => {}).name, (function () {}).name);
console.log(add.toString());
console.log(Math.max.toString(), typeof Function.prototype, Function.prototype());
const f = new Function('a', 'b', 'return a * b');
console.log(f(6, 7), f.name, f.length);
class K { static [Symbol.hasInstance](x) { return x === 1; } }
console.log(1 instanceof K, 2 instanceof K, [] instanceof Array, Object(1) instanceof Number);
const obj = { method() { return 'm'; }, get prop() { return 'p'; }, ['comp' + 'uted']() {} };
console.log(obj.method.name, Object.getOwnPropertyDescriptor(obj, 'prop').get.name, obj.computed.name);
const anon = function () {}; const arrow = () => {};
console.log(anon.name, arrow.name, (class {}).name, (class Named {}).name);
function outer() { return typeof arguments + arguments.length + [...arguments].join(''); }
console.log(outer(1, 2, 3));
