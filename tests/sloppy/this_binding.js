// OrdinaryCallBindThis for non-strict functions: undefined/null become the
// global object, primitives are boxed; strict functions keep thisArgument.
function sloppyThis() { return this; }
function strictThis() { 'use strict'; return this; }
console.log(sloppyThis() === globalThis, this === globalThis);
console.log(sloppyThis.call(null) === globalThis, sloppyThis.call(undefined) === globalThis);
console.log(typeof sloppyThis.call(5), sloppyThis.call(5) instanceof Number);
console.log(typeof sloppyThis.call('s'), typeof sloppyThis.call(true));
console.log(strictThis(), strictThis.call(5), typeof strictThis.call('s'));
Number.prototype.selfType = function () { return typeof this; };
console.log((3).selfType());
var obj = { m: sloppyThis };
console.log(obj.m() === obj);
var arrow = () => this;
console.log(arrow() === globalThis);
function* gen() { yield this; }
console.log(gen().next().value === globalThis);
console.log(Function('return this')() === globalThis);
console.log(Function('"use strict"; return this')());
console.log([1].map(function () { return this; })[0] === globalThis);
class K { m() { return this; } }
var m = new K().m;
console.log(m());
