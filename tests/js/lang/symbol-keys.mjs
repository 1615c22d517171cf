// Objects keyed by symbols and private names: built alike, they share a
// layout, and every key keeps its place in [[OwnPropertyKeys]].
const a = Symbol('a');
const b = Symbol('b');
const made = [];
for (let i = 0; i < 4; i++) {
  const o = {};
  o[a] = i;
  o.name = 'n' + i;
  o[b] = i * 2;
  o[1] = 'one';
  made.push(o);
}
console.log(made.map((o) => Reflect.ownKeys(o).map(String).join()).join(' | '));
console.log(made.map((o) => o[a] + o[b]).join());
delete made[1][a];
made[2][Symbol.iterator] = function* () { yield 'it'; };
console.log(Reflect.ownKeys(made[1]).map(String).join(), [...made[2]], made[3][b]);
console.log(JSON.stringify(made[0]), Object.getOwnPropertySymbols(made[0]).length);

// Private fields, methods and accessors of instances of one class.
class P {
  #x;
  #y = 2;
  static #count = 0;
  constructor(x) { this.#x = x; P.#count++; this.pub = x; }
  #sum() { return this.#x + this.#y; }
  get total() { return this.#sum(); }
  static count() { return P.#count; }
  static has(o) { return #x in o; }
}
const ps = [new P(1), new P(2), new P(3)];
console.log(ps.map((p) => p.total).join(), P.count(), P.has(ps[0]), P.has({}));
console.log(Reflect.ownKeys(ps[1]), Object.getOwnPropertySymbols(ps[1]).length);
// A class evaluated again has new private names: the instances differ.
const make = () => class { #v = 1; static read(o) { return o.#v; } };
const C1 = make();
const C2 = make();
try {
  C1.read(new C2());
} catch (e) {
  console.log(e.constructor.name);
}
console.log(C1.read(new C1()), C2.read(new C2()));
