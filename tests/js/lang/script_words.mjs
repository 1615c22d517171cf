// `yield`, `await` and `let` as identifiers in scripts (non-strict code
// outside generators / async functions), Annex B.1.1 HTML-like comments in
// scripts, eval code and Function bodies, and the errors that stay errors.
import vm from 'node:vm';

const run = (source) => {
  try {
    return vm.runInNewContext(source);
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
};
const parse = (source) => {
  try {
    new vm.Script(source);
    return 'ok';
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
};

// yield outside generators.
console.log(run('var yield = 1; function yield2(yield) { return yield + 1 } [yield, yield2(2)]'));
console.log(run('var g = function* () { return (function (arg) { var yield = arg + 1; return yield; }(yield)); };' +
  'var it = g(); it.next(); it.next(41).value'));
console.log(run('var yield = "id"; var o = { [yield]: 1, yield }; JSON.stringify(o)'));
console.log(run('function* g() { var f = () => { var yield = 3; return yield; }; yield f(); } g().next().value'));
console.log(run('function* g() { (function yield() {}); yield 5; } g().next().value'));
console.log(parse('function* g() { function yield() {} }'));
console.log(parse('(function* yield() {})'));
console.log(parse('"use strict"; var yield;'));
console.log(parse('function* g() { var yi\\u0065ld; }'));

// await outside async functions and modules.
console.log(run('var await = 1; await = await + 1; function await2() { return await } await2()'));
console.log(run('aw\\u0061it: { break await; } var C = class aw\\u0061it {}; C.name'));
console.log(run('class C { static { (() => { class await {} }); } } async function f() { (function () { var await = 2; }); return await 1; } typeof f'));
console.log(parse('async function f() { var await; }'));
console.log(parse('async function f() { var \\u0061wait; }'));
console.log(parse('class C { static { await; } }'));
console.log(parse('function f() { await x }'));
console.log(parse('await x'));

// let as an identifier, and where it begins a declaration.
console.log(run('var let = 1; let += 1; var o = { let }; o.let'));
console.log(run('var obj = { a: 1, b: 2 }, let, keys = []; for (let in obj) keys.push(let); keys.join()'));
console.log(run('var let = [5]; for (let; ; ) break; for (let = 3; ; ) break; let'));
console.log(run('if (false) let // ASI\nvar x = 1; x'));
console.log(run('var let; l: let // ASI\n{}\n typeof let'));
console.log(run('let\nx = 7; x'));
console.log(run('let [a, b] = [1, 2]; a + b'));
console.log(parse('if (0) let x = 1'));
console.log(parse('for (let.x of []) ;'));
console.log(parse('for (let of []) ;'));
console.log(parse('let let = 1'));
console.log(parse('for (const let of []) ;'));
console.log(parse('"use strict"; for (let in {}) ;'));

// HTML-like comments: scripts, eval code and Function bodies.
console.log(run('var a = 1; <!-- a = 2\na'));
console.log(run('var b = 1;\n--> b = 2\nb'));
console.log(run('var c = 1; /*\n*/ --> c = 2\nc'));
console.log(run('var d = 3; d-->0'));
console.log(run('eval("var e = 1; <!-- e = 2\\ne")'));
console.log(run('Function("<!-- a comment\\n return 4")()'));
console.log(parse('x = 1 <!-- y'));
