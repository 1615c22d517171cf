// Direct eval in non-strict code: var and function declarations land in
// the caller's variable environment; lexical ones stay in the eval code.
function hoist() {
  eval("var a = 1; function b() { return 'b'; } let c = 3;");
  console.log(a, typeof b, b(), typeof c);
  return function () { return a + 1; };
}
console.log(hoist()());

// Vars that eval code adds are visible to closures made before the call.
function closures() {
  var read = function () { return typeof later === "undefined" ? "none" : later; };
  console.log(read());
  eval("var later = 'added'");
  console.log(read());
  later = "changed";
  console.log(read());
  return delete later;
}
console.log(closures());

// A name declared by eval code shadows an outer one from then on.
var shadowed = "global";
function shadow() {
  var before = shadowed;
  eval("var shadowed = 'local'");
  return [before, shadowed];
}
console.log(shadow(), shadowed);

// Nested blocks: eval's var goes to the function, past the block.
function blocks() {
  {
    let inner = 1;
    eval("var fromBlock = inner + 1");
  }
  return fromBlock;
}
console.log(blocks());

// Conflicts with lexical declarations are SyntaxErrors.
function conflict() {
  let x = 1;
  {
    try { eval("var x = 2"); } catch (e) { console.log(e.name + ": " + e.message); }
  }
  try { eval("function x() {}"); } catch (e) { console.log(e.name + ": " + e.message); }
  return x;
}
console.log(conflict());
try { eval("let g = 1; var g;"); } catch (e) { console.log(e.name + ": " + e.message); }
let topLet = 1;
try { eval("var topLet;"); } catch (e) { console.log(e.name + ": " + e.message); }

// A catch parameter may be redeclared (Annex B.3.4).
function catchParam() {
  try { throw 1; } catch (err) { eval("var err = 2"); return err; }
}
console.log(catchParam());

// Global code: eval vars become deletable global properties.
eval("var globalFromEval = 1; function globalFn() {}");
console.log(typeof globalFromEval, typeof globalFn,
  JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, "globalFromEval")));
console.log(delete globalFromEval, typeof globalFromEval);

// Strict eval code keeps its declarations.
function strictEval() {
  eval("'use strict'; var s = 1; function sf() {}");
  return typeof s + " " + typeof sf;
}
console.log(strictEval());
function strictCaller() {
  "use strict";
  eval("var t = 1");
  return typeof t;
}
console.log(strictCaller());

// this, new.target, arguments and super in eval code.
function context(a) {
  return eval("[this === globalThis, typeof new.target, arguments.length, a]");
}
console.log(context(5, 6));
console.log(new (function () { this.nt = eval("new.target === undefined"); })().nt);
var holder = { m() { return eval("super.toString === Object.prototype.toString"); } };
console.log(holder.m());
class Base { constructor() { this.base = true; } }
class Derived extends Base { constructor() { eval("super()"); this.derived = eval("this.base"); } }
console.log(JSON.stringify(new Derived()));
const arrow = () => eval("this === globalThis");
console.log(arrow());

// Eval inside eval, and eval code that calls functions it declares.
function nested() {
  eval("eval('var deep = 7'); function twice(n) { return n * 2; }");
  return twice(deep);
}
console.log(nested());

// Completion values.
console.log(eval("1; if (true) {}"), eval("2; if (true) { 3; }"), eval("var q = 4"));
console.log(eval("5; try { 6 } finally { 7 }"), eval("do { 8; break; } while (false)"));
console.log(eval("9; while (false);"), eval("10; {}"), eval("11; ;"), eval(""));
console.log(eval("try { throw 1 } catch (e) { 12 }"), eval("switch (1) { case 1: 13 }"));
console.log(eval({}) instanceof Object, eval(14), eval("(function f() {})").name);

// Errors thrown by the parse are SyntaxErrors of the caller's realm.
try { eval("a b"); } catch (e) { console.log(e instanceof SyntaxError, e.message); }
try { eval("new.target"); } catch (e) { console.log(e.name, e.message); }

// Only a call spelled eval(...) that reaches %eval% is direct.
var localProbe = "global";
function indirectForms() {
  var localProbe = "local";
  var e = eval;
  return [eval("localProbe"), (eval)("localProbe"), (0, eval)("localProbe"), e("localProbe"),
    eval?.("localProbe"), globalThis.eval("localProbe")];
}
console.log(indirectForms());
function shadowedEval() {
  var eval = function (s) { return "not eval: " + s; };
  return eval("1");
}
console.log(shadowedEval());

// Function constructor bodies may use eval too.
console.log(new Function("p", "eval('var fromFn = p * 3'); return fromFn;")(2));
