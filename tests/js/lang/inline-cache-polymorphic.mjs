// One property site meeting objects of several shapes and prototypes: the
// site's cache keeps an entry per receiver kind, and every entry must see
// the changes that make it stale (a prototype's method replaced, deleted
// or turned into a getter, an own property shadowing it, a receiver's
// prototype swapped, a frozen receiver) — for reads and for writes.
class Base { constructor(v) { this.v = v; } get kind() { return "base"; } name() { return "Base"; } }
class A extends Base { name() { return "A"; } }
class B extends Base { name() { return "B"; } }
class C extends Base {}
function D(v) { this.v = v; }
D.prototype.name = function () { return "D"; };
const plain = { v: 5, name() { return "plain"; } };
const extra = new A(6); extra.extra = 1;
const objects = [new A(1), new B(2), new C(3), new D(4), plain, extra];
const names = () => objects.map((o) => o.name()).join(" ");
const values = () => objects.map((o) => o.v).join(" ");
for (let i = 0; i < 3; i++) console.log(names(), "|", values());
B.prototype.name = function () { return "B2"; };
console.log(names());
delete A.prototype.name;
console.log(names());
Object.defineProperty(Base.prototype, "name", { get() { return () => "getter"; }, configurable: true });
console.log(names());
Object.defineProperty(objects[2], "name", { value: () => "own C" });
console.log(names());
Object.setPrototypeOf(objects[3], B.prototype);
console.log(names());
// Writes through one site: adding `w` to fresh objects of several kinds,
// then to a frozen one, and with a setter appearing on a prototype.
function mark(o, w) { o.w = w; return o.w; }
const makers = [() => new A(0), () => new B(0), () => new D(0), () => ({}), () => new C(0)];
for (let round = 0; round < 3; round++) console.log(makers.map((m, i) => mark(m(), round * 10 + i)).join(" "));
const frozen = Object.freeze(new A(0));
try { mark(frozen, 99); } catch (e) { console.log(e.message, Object.keys(frozen).join()); }
let seen = [];
Object.defineProperty(D.prototype, "w", { set(x) { seen.push(x); }, get() { return "from setter"; }, configurable: true });
console.log(makers.map((m, i) => mark(m(), 100 + i)).join(" "), seen.join());
// A megamorphic site: many shapes, each still read right.
const shapes = [];
for (let i = 0; i < 12; i++) { const o = {}; o["k" + i] = i; o.shared = i * 2; shapes.push(o); }
let sum = 0;
for (let r = 0; r < 5; r++) for (const o of shapes) sum += o.shared;
console.log(sum);
