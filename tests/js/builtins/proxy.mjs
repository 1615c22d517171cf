// Proxy exotic objects: the order in which operations call the traps, the
// invariant checks, revocation, and how console.log shows proxies.

// Proxies made by `logged` show as their name (showing one must not run traps).
const names = new Map();
const show = (v) => {
  if (names.has(v)) return names.get(v);
  if (typeof v === "symbol") return v.toString();
  if (Array.isArray(v)) return "[" + v.map(show).join(",") + "]";
  if (v && typeof v === "object") return "obj";
  if (typeof v === "function") return "fn";
  return String(v);
};

const TRAPS = [
  "get", "set", "has", "deleteProperty", "ownKeys", "getOwnPropertyDescriptor",
  "defineProperty", "getPrototypeOf", "setPrototypeOf", "isExtensible",
  "preventExtensions", "apply", "construct",
];

// A handler that logs each trap with its arguments after the target, then
// does what the target would.
function logged(name, target) {
  const handler = {};
  for (const trap of TRAPS) {
    handler[trap] = (target, ...args) => {
      const shown = args.map((a, i) => (trap === "defineProperty" && i === 1 ? JSON.stringify(a) : show(a)));
      console.log(`  ${name}.${trap}(${shown.join(", ")})`);
      return Reflect[trap](target, ...args);
    };
  }
  const proxy = new Proxy(target, handler);
  names.set(proxy, name);
  return proxy;
}

function section(title, f) {
  console.log(title);
  try {
    const r = f();
    if (r !== undefined) console.log("  =>", r);
  } catch (e) {
    console.log(`  ${e.constructor.name}: ${e.message}`);
  }
}

const target = { a: 1, b: 2, [Symbol("s")]: 3 };
Object.defineProperty(target, "hidden", { value: 4, enumerable: false });
const p = logged("p", target);

section("get/set through a proxy prototype", () => {
  const child = Object.create(p);
  child.own = 0;
  const x = child.a;
  child.c = 5;
  return [x, Object.hasOwn(child, "c"), Object.hasOwn(target, "c")].join(" ");
});
section("Object.keys", () => Object.keys(p).join());
section("Object.entries", () => JSON.stringify(Object.entries(p)));
section("JSON.stringify", () => JSON.stringify(p));
section("for-in", () => {
  const keys = [];
  for (const k in p) keys.push(k);
  return keys.join();
});
section("spread {...p}", () => JSON.stringify({ ...p }));
section("Object.assign", () => JSON.stringify(Object.assign({}, p)));
section("in", () => "a" in p);
section("in (missing, walks to the target's prototype)", () => "zz" in p);
section("delete", () => delete p.b);
section("Object.getOwnPropertyNames", () => Object.getOwnPropertyNames(p).join());
section("Object.freeze", () => Object.isFrozen(Object.freeze(logged("f", { q: 1 }))));
section("Object.getPrototypeOf / setPrototypeOf", () => {
  const proto = Object.getPrototypeOf(p) === Object.prototype;
  Object.setPrototypeOf(p, Object.prototype);
  return proto;
});
section("instanceof walks the proxy's prototype", () => p instanceof Object);
section("Array.isArray", () => [Array.isArray(new Proxy([], {})), Array.isArray(new Proxy({}, {}))].join());

const arr = logged("arr", [3, 1, 2]);
section("Array.prototype.push on a proxied array", () => Array.prototype.push.call(arr, 4));
section("Array.prototype.reverse on a proxied array", () => Array.prototype.reverse.call(arr).length);
section("Array.prototype.includes on a proxied array", () => Array.prototype.includes.call(arr, 2));
section("concat spreads a proxied array", () => [0].concat(new Proxy([1, 2], {})).join());

function Point(x) {
  if (new.target) this.x = x;
  return x * 2;
}
const F = logged("F", Point);
section("call of a function proxy", () => F.call("t", 1) + F(2));
section("new of a function proxy", () => new F(7).x);
section("Reflect.construct with newTarget", () => {
  class Other {}
  const o = Reflect.construct(F, [8], Other);
  return [o.x, Object.getPrototypeOf(o) === Other.prototype].join();
});
section("typeof", () => [typeof F, typeof p, typeof new Proxy(class {}, {})].join());
section("Function.prototype.toString", () => Function.prototype.toString.call(F));
section("Object.prototype.toString", () =>
  [p, arr, F].map((x) => Object.prototype.toString.call(x)).join(" "));
section("Reflect.ownKeys", () => Reflect.ownKeys(new Proxy({}, { ownKeys: () => ["x", "0", Symbol.iterator] })).map(show).join());
section("Reflect.apply with a trap", () =>
  Reflect.apply(new Proxy(Math.max, { apply: (t, self, args) => t(...args) * 10 }), null, [1, 5]));
section("a missing trap forwards to the target", () => {
  const q = new Proxy({}, {});
  q.x = 1;
  return [q.x, "x" in q, Object.keys(q).join()].join();
});

const { proxy: revocable, revoke } = Proxy.revocable({ a: 1 }, {});
section("Proxy.revocable before revoking", () => revocable.a);
revoke();
revoke();
for (const [name, f] of [
  ["get", () => revocable.a],
  ["set", () => { revocable.a = 1; }],
  ["has", () => "a" in revocable],
  ["deleteProperty", () => delete revocable.a],
  ["ownKeys", () => Object.keys(revocable)],
  ["getPrototypeOf", () => Object.getPrototypeOf(revocable)],
  ["Array.isArray", () => Array.isArray(revocable)],
  ["Object.prototype.toString", () => String(Object.prototype.toString.call(revocable))],
]) section(`revoked ${name}`, f);

section("Proxy without new", () => Proxy({}, {}));
section("non-object target", () => new Proxy(1, {}));
section("trap that is not callable", () => new Proxy({}, { get: 1 }).x);

const frozen = Object.freeze({ x: 1 });
const sealedEmpty = Object.preventExtensions({ a: 1 });
const invariants = [
  ["get", () => new Proxy(frozen, { get: () => 2 }).x],
  ["set", () => Reflect.set(new Proxy(frozen, { set: () => true }), "x", 3)],
  ["set returning false in strict code", () => { new Proxy({}, { set: () => false }).x = 1; }],
  ["has", () => "x" in new Proxy(frozen, { has: () => false })],
  ["has on a non-extensible target", () => "a" in new Proxy(sealedEmpty, { has: () => false })],
  ["deleteProperty", () => delete new Proxy(frozen, { deleteProperty: () => true }).x],
  ["getPrototypeOf", () => Object.getPrototypeOf(new Proxy(sealedEmpty, { getPrototypeOf: () => Array.prototype }))],
  ["setPrototypeOf returning false", () => Object.setPrototypeOf(new Proxy({}, { setPrototypeOf: () => false }), null)],
  ["isExtensible", () => Object.isExtensible(new Proxy({}, { isExtensible: () => false }))],
  ["preventExtensions", () => Object.preventExtensions(new Proxy({}, { preventExtensions: () => true }))],
  ["getOwnPropertyDescriptor", () => Object.getOwnPropertyDescriptor(new Proxy(frozen, { getOwnPropertyDescriptor: () => undefined }), "x")],
  ["defineProperty", () => Object.defineProperty(new Proxy(sealedEmpty, { defineProperty: () => true }), "z", { value: 1 })],
  ["defineProperty returning false", () => Object.defineProperty(new Proxy({}, { defineProperty: () => false }), "z", { value: 1 })],
  ["ownKeys duplicates", () => Reflect.ownKeys(new Proxy({}, { ownKeys: () => ["a", "a"] }))],
  ["ownKeys missing a non-configurable key", () => Reflect.ownKeys(new Proxy(frozen, { ownKeys: () => [] }))],
  ["ownKeys with a number", () => Reflect.ownKeys(new Proxy({}, { ownKeys: () => [1] }))],
  ["construct returning a primitive", () => new (new Proxy(function () {}, { construct: () => 1 }))()],
];
for (const [name, f] of invariants) section(`invariant: ${name}`, f);

console.log(new Proxy({ a: 1 }, { get() { throw new Error("no trap runs"); } }));
console.log(new Proxy(function foo() {}, {}));
console.log(new Proxy([1, 2, 3], {}));
console.log({ inner: new Proxy({ x: [1] }, {}) });
console.log(revocable, [revocable]);
console.log("%o", new Proxy({ a: 1 }, {}));
console.dir(new Proxy({ a: 1 }, { b: 2 }), { showProxy: true });
