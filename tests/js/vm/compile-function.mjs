// vm.compileFunction: source text, parameters, contexts, context
// extensions and argument validation. Facts from Node's test-vm-basic.js.
import vm from 'node:vm';

function report(label, fn) {
  try {
    console.log(`${label}: ${fn()}`);
  } catch (e) {
    console.log(`${label}: ${e.name} ${e.code} | ${e.message}`);
  }
}

console.log(JSON.stringify(vm.compileFunction('console.log("Hello, World!")').toString()));
console.log(JSON.stringify(vm.compileFunction('return a + b', ['a', 'b']).toString()));
console.log(vm.compileFunction('return p + q + r + s + t', ['p', 'q', 'r', 's', 't'])('ab', 'cd', 'ef', 'gh', 'ij'));
console.log(JSON.stringify(vm.compileFunction('').name), vm.compileFunction('', ['a', 'b']).length);
console.log(vm.compileFunction('return')());
console.log(vm.compileFunction('return this')() === globalThis);
report('closing brace', () => vm.compileFunction('});\n\n(function() {\nconsole.log(1);\n})();\n\n(function() {'));
report('code missing', () => vm.compileFunction());
report('params null', () => vm.compileFunction('', null));
report('params string', () => vm.compileFunction('', 'a'));
report('params[0]', () => vm.compileFunction('', [1]));
for (const option of ['filename', 'columnOffset', 'lineOffset', 'cachedData', 'produceCachedData']) {
  report(option, () => vm.compileFunction('', undefined, { [option]: null }));
}
for (const value of [false, 0, null, '', Symbol('s'), {}]) {
  report('parsingContext', () => vm.compileFunction('', undefined, { parsingContext: value }));
}
console.log(vm.compileFunction('return a;', undefined, { contextExtensions: [{ a: 5 }] })());
console.log(vm.compileFunction('return a + b;', undefined, { contextExtensions: [{ a: 1, b: 2 }, { b: 40 }] })());
report('contextExtensions null', () => vm.compileFunction('', undefined, { contextExtensions: null }));
report('contextExtensions[0]', () => vm.compileFunction('', undefined, { contextExtensions: [0] }));
console.log(vm.compileFunction('return varInContext', [], { parsingContext: vm.createContext({ varInContext: 'abc' }) })());
report('not defined', () => vm.compileFunction('return varInContext', [])());
{
  const context = vm.createContext({ global: {} });
  console.log(vm.compileFunction('return global', [], { parsingContext: context })() === context.global);
  console.log(vm.compileFunction('return [1]', [], { parsingContext: context })() instanceof Array);
}
try {
  vm.compileFunction('a b', [], { filename: 'fn.js' });
} catch (e) {
  console.log(JSON.stringify(e.stack.split('\n').slice(0, 5)));
}
