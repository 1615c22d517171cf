class Base {
  #secret = 41; static count = 0; static #hidden = 'h';
  constructor(name) { this.name = name; Base.count++; }
  get secret() { return this.#secret + 1; }
  set secret(v) { this.#secret = v - 1; }
  #privateMethod() { return `pm:${this.name}`; }
  callPrivate() { return this.#privateMethod(); }
  static hidden() { return Base.#hidden; }
  static isBase(o) { return #secret in o; }
  toString() { return `Base(${this.name})`; }
}
class Derived extends Base {
  extra = this.name + '!';
  constructor(name) { super(name.toUpperCase()); }
  toString() { return 'Derived:' + super.toString(); }
  static create() { return new this('made'); }
}
const d = new Derived('x');
console.log(String(d), d.secret, d.extra, d.callPrivate(), Base.hidden(), Base.isBase(d), Base.isBase({}), Base.count);
d.secret = 100; console.log(d.secret, Derived.create().name, Base.count, Object.keys(d));
console.log(typeof Base, Object.getPrototypeOf(Derived) === Base, d instanceof Base, Derived.name, Derived.length);
try { Base(); } catch (e) { console.log(e.message); }
try { ({}).callPrivate = Base.prototype.callPrivate; Base.prototype.callPrivate.call({}); } catch (e) { console.log(e.constructor.name); }
class A { static { A.init = 'static block ran'; } }
console.log(A.init);
class Counter { count = 0; inc = () => ++this.count; }
const c = new Counter(); const inc = c.inc; inc(); inc(); console.log(c.count);
class NoSuper extends Base { constructor() { } }
try { new NoSuper(); } catch (e) { console.log(e.constructor.name, e.message); }
const Mixin = (S) => class extends S { mixed() { return 'mixed'; } };
console.log(new (Mixin(Base))('m').mixed());
class Acc { static #n = 0; static get n() { return Acc.#n; } static set n(v) { Acc.#n = v; } }
Acc.n = 5; console.log(Acc.n);
