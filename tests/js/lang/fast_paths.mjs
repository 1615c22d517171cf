// The evaluator's fast paths (number operands, environment slots, plain
// and method calls, constructors' prepared property room, functions'
// length and name) must behave exactly as the general paths do.

// Number operands read in place, including captured (environment) slots.
function counter() {
  let n = 0;
  const bump = () => n++;
  const add = (k) => (n = n * 2 + k);
  return { bump, add, get: () => n };
}
const c = counter();
console.log(c.bump(), c.bump(), c.add(3), c.get());

// The temporal dead zone holds in every operand position.
function tdz(which) {
  try {
    if (which === 0) return x + 1;
    if (which === 1) return 1 + x;
    if (which === 2) return x++;
    if (which === 3) return (x = 5);
  } catch (e) {
    return `${e.constructor.name}: ${e.message}`;
  } finally {
    // eslint-disable-next-line no-unused-vars
  }
  let x = 0;
  return x;
}
for (let i = 0; i < 4; i++) console.log(tdz(i));

// Captured constants refuse updates and assignments.
function constants() {
  const k = 1;
  const read = () => k;
  const results = [];
  for (const attempt of [() => k++, () => (k = 2), () => (k += 1)]) {
    try {
      attempt();
    } catch (e) {
      results.push(`${e.constructor.name}: ${e.message}`);
    }
  }
  return [read(), ...results];
}
console.log(constants());

// Operands whose evaluation changes the other operand keep their order.
let v = 1;
console.log(v + (v = 10), v, (v = 3) * v, v - v++, v);

// Mixed operands still convert.
let s = "4";
let u;
console.log(s * 2, s + 2, 2 - s, u + 1, null + 1, 1 < "2", "10" < 9);

// Plain calls: thisValue undefined (a sloppy function sees the global object).
function whoStrict() {
  "use strict";
  return this;
}
const sloppy = Function("return this === globalThis");
console.log(whoStrict(), sloppy());
try {
  notAFunction();
} catch (e) {
  console.log(e.constructor.name, e.message);
}
var notAFunction = 5;
try {
  notAFunction();
} catch (e) {
  console.log(e.constructor.name, e.message);
}

// Method calls: thisValue is the base, also for primitives and computed keys.
const obj = {
  name: "obj",
  who() {
    return this.name;
  },
  nested: { name: "nested", who() { return this.name; } },
};
const key = "who";
console.log(obj.who(), obj[key](), obj.nested.who(), obj.nested[key]());
String.prototype.me = function () {
  "use strict";
  return typeof this;
};
console.log("abc".me(), (5).toFixed(2), "abc".at(-1));
for (const bad of [() => obj.missing(), () => obj.name(), () => obj.nested.none.x]) {
  try {
    bad();
  } catch (e) {
    console.log(e.constructor.name, e.message);
  }
}

// Constructors: the room prepared from the last instance never leaks
// properties, and a replaced `prototype` is seen at once.
function P(n) {
  for (let i = 0; i < n; i++) this["p" + i] = i;
}
const big = new P(6);
const small = new P(1);
console.log(Object.keys(big), Object.keys(small), new P(0));
const oldProto = P.prototype;
P.prototype = { tag: "new" };
const after = new P(2);
console.log(Object.getPrototypeOf(after) === P.prototype, after.tag, oldProto.isPrototypeOf(after));
P.prototype = 42;
console.log(Object.getPrototypeOf(new P(0)) === Object.prototype);
function R() {
  this.a = 1;
  return { replaced: true };
}
console.log(new R(), new R());
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  norm() {
    return this.x * this.x + this.y * this.y;
  }
}
let total = 0;
for (let i = 0; i < 5; i++) total += new Point(i, i + 1).norm();
console.log(total, Object.keys(new Point(1, 2)));

// Functions' own length and name, in V8's order.
function sloppyFn(a, b) {}
const arrow = (a, b = 1, ...c) => {};
console.log(Object.getOwnPropertyNames(sloppyFn), Object.getOwnPropertyNames(arrow));
console.log(sloppyFn.length, sloppyFn.name, arrow.length, arrow.name);
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(arrow, "name")));
delete arrow.name;
Object.defineProperty(arrow, "length", { value: 7 });
console.log(arrow.name, arrow.length, Object.getOwnPropertyNames(arrow));
const method = { get g() { return 1; }, m() {} };
console.log(Object.getOwnPropertyDescriptor(method, "g").get.name, method.m.name);
