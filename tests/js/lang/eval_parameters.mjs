// A direct eval in a non-strict function's parameter expressions declares
// its vars outside the parameters' environment: a var named like a
// parameter (or `arguments`, in a function that has an arguments object)
// is a SyntaxError (EvalDeclarationInstantiation step 3.d).
import vm from 'node:vm';

const run = (source) => {
  try {
    return vm.runInNewContext(source);
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
};

console.log(run('var f = (p = eval("var arguments = 1"), q = () => arguments, arguments) => {}; f()'));
console.log(run('function h(p = eval("var x = 1"), x) {} h()'));
console.log(run('function h2(x, p = eval("var x = 1")) {} h2()'));
console.log(run('function h3({ a, b: [c] }, p = eval("var c")) {} h3({ b: [] })'));
console.log(run('function k(p = eval("var z = 1")) { return z } k()'));
console.log(run('var a = (p = eval("var w = 2")) => w; a()'));
console.log(run('function s(p = eval("\'use strict\'; var x = 3; x"), x) { return p } s()'));
