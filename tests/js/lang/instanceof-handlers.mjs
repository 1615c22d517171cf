// `instanceof` looks up @@hasInstance on its right-hand side every time
// (InstanceofOperator) and, when it finds Function.prototype's, reads the
// function's `prototype` (OrdinaryHasInstance). These cases change what
// those lookups find between checks made at the same place in the code.

const check = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, `${e.constructor.name}: ${e.message}`);
  }
};

function A() {}
function B() {}
const a = new A();
const sameSite = (x, F) => x instanceof F;

check("plain", () => [sameSite(a, A), sameSite(a, B), sameSite(1, A), sameSite(null, A)]);

// `prototype` replaced after the first checks.
const oldProto = A.prototype;
A.prototype = {};
check("prototype replaced", () => [sameSite(a, A), sameSite(Object.create(A.prototype), A)]);
A.prototype = oldProto;
check("prototype restored", () => sameSite(a, A));

// A non-object `prototype`.
function C() {}
C.prototype = 3;
check("primitive prototype", () => sameSite(a, C));
check("primitive prototype, primitive value", () => sameSite(1, C));

// `prototype` read through a getter (a class's is a plain data property;
// a Proxy around a function can report anything).
let reads = 0;
const proxied = new Proxy(A, {
  get(target, key, receiver) {
    reads++;
    return Reflect.get(target, key, receiver);
  },
});
check("proxy target", () => [sameSite(a, proxied), reads]);

// An own @@hasInstance defined after the site has seen the function.
function D() {}
check("before own handler", () => sameSite(a, D));
Object.defineProperty(D, Symbol.hasInstance, { value: (x) => x === a });
check("own handler", () => [sameSite(a, D), sameSite(new D(), D)]);

// A handler inherited from another prototype.
function E() {}
check("before swap", () => sameSite(new E(), E));
Object.setPrototypeOf(E, { [Symbol.hasInstance]: () => "truthy string" });
check("inherited handler", () => sameSite(1, E));

// Handlers that are not callable, null or undefined.
const notCallable = { [Symbol.hasInstance]: 1 };
check("not callable handler", () => sameSite(a, notCallable));
const nullHandler = Object.setPrototypeOf({ [Symbol.hasInstance]: null }, null);
check("null handler, not callable target", () => sameSite(a, nullHandler));
function F() {}
Object.defineProperty(F, Symbol.hasInstance, { value: undefined });
check("undefined handler", () => sameSite(new F(), F));

// Non-object and non-callable right-hand sides.
check("number target", () => sameSite(a, 1));
check("plain object target", () => sameSite(a, {}));

// Bound functions check against their target.
const bound = A.bind(null);
check("bound", () => [sameSite(a, bound), sameSite(new bound(), A)]);

// Classes and subclasses, and built-in constructors.
class K {}
class L extends K {}
check("classes", () => [sameSite(new L(), K), sameSite(new K(), L), sameSite([], Array), sameSite([], Object)]);
class M {
  static [Symbol.hasInstance](x) {
    return typeof x === "number";
  }
}
check("static handler", () => [sameSite(1, M), sameSite(new M(), M)]);

// The built-in handler called directly still works on any this value.
check("called directly", () => [
  Function.prototype[Symbol.hasInstance].call(A, a),
  Function.prototype[Symbol.hasInstance].call({}, a),
]);

// Many checks at one site, alternating functions (the site sees several shapes).
const fns = [A, B, K, L, Array, proxied, D];
const values = [a, new B(), new L(), [], 1];
const counts = fns.map((fn) => values.filter((x) => sameSite(x, fn)).length);
check("alternating", () => counts);
