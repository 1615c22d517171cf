// RegExp.prototype[@@replace], @@match and @@split read `flags`, `exec`,
// `lastIndex` and the match results through observable Gets. These cases
// check that every such read still happens (or not) as it does in Node, with
// the built-in accessors replaced, shadowed or reached through a Proxy, and
// that a replacement sees the same matches with and without them.

const log = [];
const show = (label, value) => console.log(label, JSON.stringify(value), log.splice(0).join(","));

// Unmodified: no read is observable.
show("plain replace", "a1b22c333".replace(/\d+/g, (m, i) => `<${m}@${i}>`));
show("plain named", "2024-05-06".replace(/(?<y>\d+)-(?<m>\d+)-(?<d>\d+)/, "$<d>/$<m>/$<y>"));
show("named fn", "x=1,y=2".replace(/(?<k>\w)=(?<v>\d)/g, (...args) => JSON.stringify(args.at(-1))));
show("empty matches", "abc".replace(/(?:)/g, "-"));
show("unicode empty", "a\u{1F600}b".replace(/(?:)/gu, "|"));
show("sticky", "aaXa".replace(/a/y, "b"));
show("captures undefined", "ab".replace(/(a)|(b)/g, (m, p1, p2) => `[${p1}|${p2}]`));
show("dollar forms", "abc".replace(/(b)/, "$$-$&-$`-$'-$1-$2"));

// A flag getter replaced on the prototype: `flags` calls it.
const globalDesc = Object.getOwnPropertyDescriptor(RegExp.prototype, "global");
Object.defineProperty(RegExp.prototype, "global", {
  configurable: true,
  get() {
    log.push("get global");
    return globalDesc.get.call(this);
  },
});
show("patched global getter", "aaa".replace(/a/, "b"));
show("patched global, match", "aaa".match(/a/g));
Object.defineProperty(RegExp.prototype, "global", globalDesc);

// A getter that lies: `flags` leaves out "g" though the regexp is global.
Object.defineProperty(RegExp.prototype, "global", {
  configurable: true,
  get() {
    log.push("lying global");
    return false;
  },
});
const lied = /a/g;
show("lying global replace", "aaa".replace(lied, "b"));
show("lying flags", lied.flags);
show("lying global match", "aaa".match(lied));
Object.defineProperty(RegExp.prototype, "global", globalDesc);

// An own flag property: `get flags` reads it instead of calling the getter.
const ownSticky = /a/;
Object.defineProperty(ownSticky, "sticky", { get() { log.push("own sticky"); return false; } });
show("own sticky flags", ownSticky.flags);

// A Proxy on the prototype chain sees every read. (Node 20 reads `global`
// and `unicode` in @@replace where ECMA-262 now reads `flags`, so only the
// reads they agree on are compared here.)
const proxied = /a/g;
Object.setPrototypeOf(
  proxied,
  new Proxy(RegExp.prototype, {
    get(target, key, receiver) {
      log.push(typeof key === "symbol" ? key.description : key);
      return Reflect.get(target, key, receiver);
    },
  }),
);
// (Sorted: Node 20 reads `sticky` before `unicodeSets`, ECMA-262 after.)
show("proxy chain flags", [proxied.flags, log.splice(0).sort()]);
show("proxy chain exec", proxied.exec("aba"));

// A replaced exec returns its own result objects, read through Gets.
const custom = /a/g;
let calls = 0;
custom.exec = function (s) {
  log.push("exec");
  if (calls++ > 0) return null;
  return {
    get length() { log.push("length"); return 2; },
    0: "a",
    get 1() { log.push("1"); return "cap"; },
    get index() { log.push("index"); return 1; },
    get groups() { log.push("groups"); return undefined; },
  };
};
show("custom exec", "xay".replace(custom, "[$1]"));

// lastIndex conversions happen in order.
const li = /a/y;
li.lastIndex = { valueOf() { log.push("valueOf"); return 1; } };
show("sticky lastIndex", "baa".replace(li, "X"));
show("lastIndex after", li.lastIndex);

// Functional replacement runs after every match is found.
const order = [];
show("order", "abc".replace(/./g, (m) => { order.push(m); return m.toUpperCase(); }));
show("order seen", order);

// A subclass with its own exec still goes through @@replace's reads.
class Logged extends RegExp {
  exec(s) {
    log.push("sub exec");
    return super.exec(s);
  }
}
show("subclass", "aXa".replace(new Logged("a", "g"), "-"));

// Match arrays made by exec itself are unchanged.
const m = /(?<first>a)(b)?/d.exec("zab");
show("exec array", [Object.keys(m), m.index, m.input, m.groups, m.indices]);
