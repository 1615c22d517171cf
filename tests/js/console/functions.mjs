// Functions, classes and class instances.
function f() {}
async function af() {}
function* gf() {}
async function* agf() {}
class K {}
class L extends K {}
console.log(f, [function () {}][0], () => {}, [af, gf, agf]);
console.log(K, L, [class {}][0], [K]);
const g = function named() {};
g.a = 1;
console.log(g);
class Foo {
  constructor() {
    this.x = 1;
  }
}
console.log(new Foo(), new (class Bar {})(), new L());
console.log({ f() {}, g: () => 1, async h() {}, *i() {}, get j() { return 1; } });
console.log((function () { return arguments; })(1, 'a'));
class Tagged {
  get [Symbol.toStringTag]() {
    return 'TT';
  }
}
console.log(new Tagged(), { [Symbol.toStringTag]: 'T', a: 1 });
console.log(Object.create(Object.create(null)));
