// Argument lists handed from call expressions to the callee: extra and
// missing arguments, rest parameters, defaults, `arguments`, objects kept
// alive by the caller, and the order in which the callee and arguments
// are evaluated.
const log = [];
function two(a, b) { return [a, b, arguments.length]; }
function rest(a, ...r) { return [a, r]; }
function defaults(a, b = a + 1, c = arguments.length) { return [a, b, c]; }
function args() { return Array.from(arguments); }
function same(a, a2) { return a === a2; }
function mutate(a) { a = 5; return a; }
const o = { n: 1, get(k) { return this.n + k; } };
console.log(JSON.stringify(two(1)), JSON.stringify(two(1, 2, 3)));
console.log(JSON.stringify(rest(1)), JSON.stringify(rest(1, 2, 3, 4, 5, 6)));
console.log(JSON.stringify(defaults(1)), JSON.stringify(defaults(1, undefined, 7)));
console.log(JSON.stringify(args(1, "x", null, undefined, true, 6)));
const shared = {};
console.log(same(shared, shared), mutate(shared) === 5, typeof shared);
console.log(o.get(2), o["get"](3));
function callee() { log.push("callee"); return (x, y) => x + y; }
function arg(v) { log.push("arg " + v); return v; }
console.log(callee()(arg(1), arg(2)), log.join(", "));
let f = 1;
try { f(arg(3)); } catch (e) { console.log(e.constructor.name, log.at(-1)); }
const kept = [];
for (let i = 0; i < 3; i++) kept.push(((x) => () => x)({ i }));
console.log(kept.map((g) => g().i).join());
