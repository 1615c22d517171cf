// Argument validation and error reporting of vm.Script and the run
// functions, as Node v20 words them. Facts from Node's test-vm-basic.js,
// test-vm-options-validation.js, test-vm-syntax-error-message.js and
// test-vm-syntax-error-stderr.js.
import vm from 'node:vm';

function report(label, fn) {
  try {
    const v = fn();
    console.log(`${label}: no exception (${typeof v})`);
  } catch (e) {
    console.log(`${label}: ${e.name} ${e.code} | ${e.message}`);
  }
}

report('Script(1) coerces', () => new vm.Script(1));
report('Script options string', () => new vm.Script('1', 'x.js'));
report('Script options null', () => new vm.Script('1', null));
report('Script options number', () => new vm.Script('1', 42));
report('filename', () => new vm.Script('1', { filename: 1 }));
report('lineOffset', () => new vm.Script('1', { lineOffset: 'a' }));
report('lineOffset float', () => new vm.Script('1', { lineOffset: 1.5 }));
report('columnOffset range', () => new vm.Script('1', { columnOffset: 2 ** 31 }));
report('cachedData', () => new vm.Script('1', { cachedData: 1 }));
report('produceCachedData', () => new vm.Script('1', { produceCachedData: 1 }));
report('importModuleDynamically', () => new vm.Script('1', { importModuleDynamically: 1 }));

const script = new vm.Script('1');
report('run options string', () => script.runInThisContext('x'));
report('timeout type', () => script.runInThisContext({ timeout: 'a' }));
report('timeout -1', () => script.runInThisContext({ timeout: -1 }));
report('timeout 0', () => script.runInThisContext({ timeout: 0 }));
report('timeout float', () => script.runInThisContext({ timeout: 1.5 }));
report('timeout huge', () => script.runInThisContext({ timeout: 2 ** 32 }));
report('displayErrors', () => script.runInThisContext({ displayErrors: 1 }));
report('breakOnSigint', () => script.runInThisContext({ breakOnSigint: 1 }));
report('breakOnSigint true', () => script.runInThisContext({ breakOnSigint: true }));
report('runInContext plain object', () => script.runInContext({}));
report('runInContext number', () => script.runInContext(1));
report('vm.runInContext plain object', () => vm.runInContext('1', {}));
report('vm.runInNewContext string', () => vm.runInNewContext('1', 'x'));
report('contextName', () => vm.runInNewContext('', {}, { contextName: null }));
report('contextOrigin', () => vm.runInNewContext('', {}, { contextOrigin: null }));
report('isContext number', () => vm.isContext(1));
report('isContext null', () => vm.isContext(null));
report('receiver', () => vm.Script.prototype.runInThisContext.call({}));

// A SyntaxError: its stack starts with where (file:line, the line, carets).
for (const [code, filename] of [['foo bar', 'x.js'], ['var x = ;', undefined], ['\n\n  return 1', 'three.js']]) {
  try {
    new vm.Script(code, { filename });
  } catch (e) {
    console.log(e instanceof SyntaxError, JSON.stringify(e.stack.split('\n').slice(0, 5)));
  }
}
try {
  vm.runInThisContext('a b', { filename: 'off.js', lineOffset: 2 });
} catch (e) {
  console.log(JSON.stringify(e.stack.split('\n').slice(0, 5)));
}

// Exceptions thrown by a script reach the caller as they are.
try {
  vm.runInNewContext('throw new TypeError("inner")');
} catch (e) {
  console.log(e.name, e.message, e instanceof TypeError);
}
try {
  vm.runInThisContext('throw 42');
} catch (e) {
  console.log(e);
}
