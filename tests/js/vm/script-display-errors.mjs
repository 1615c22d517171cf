// displayErrors: an error thrown while a vm script runs gets, above its
// stack, the "arrow message" of the place it was thrown — `file:line`, the
// source line, a caret under the place, a blank line — once; with
// displayErrors: false it is left alone (node_contextify.cc's
// DecorateErrorStack). The stack frames of the host (node: internals, this
// file) are left out of the output.
import vm from 'node:vm';

// The stack without the frames outside the vm scripts.
function scriptStack(stack) {
  if (typeof stack !== 'string') return `(${typeof stack}) ${String(stack)}`;
  return stack
    .split('\n')
    .filter((line) => !/^ {4}at /.test(line) || !/node:|file:|<anonymous>\)$|^ {4}at runDisplayingErrors/.test(line))
    .join('\n');
}

function show(label, fn) {
  try {
    fn();
    console.log(`${label}: no exception`);
  } catch (e) {
    console.log(`--- ${label}`);
    console.log(e !== null && typeof e === 'object' ? scriptStack(e.stack) : `thrown ${String(e)}`);
  }
}

show('property of null', () => vm.runInThisContext('null.x', { filename: 'f.js' }));
show('displayErrors false', () => vm.runInThisContext('null.x', { filename: 'f.js', displayErrors: false }));
show('default filename', () => vm.runInThisContext('1;\nundefinedName'));
show('nested function', () => vm.runInThisContext('var a = 1;\nfunction g() {\n  null.y;\n}\ng();', { filename: 'g.js' }));
show('throw statement', () => new vm.Script('\n  throw new TypeError("boom")', { filename: 'h.js', lineOffset: 3 }).runInThisContext());
show('column offset', () => vm.runInThisContext('x1 = 1; y1', { filename: 'c.js', columnOffset: 4 }));
show('runInNewContext', () => vm.runInNewContext('x.y', {}, 'nc.js'));
show('runInContext', () => vm.runInContext('\tnull.x', vm.createContext({}), { filename: 'tab.js' }));
show('Script.runInNewContext', () => new vm.Script('[1].map(() => { null.q })', { filename: 'j.js' }).runInNewContext({}));
show('not an error: number', () => vm.runInThisContext('throw 1', { filename: 'n.js' }));
show('not an error: null', () => vm.runInThisContext('throw null', { filename: 'n.js' }));
show('object with a stack', () => vm.runInThisContext('throw { stack: "custom" }', { filename: 'o.js' }));
show('object without a stack', () => vm.runInThisContext('throw Object.create(Error.prototype)', { filename: 'k.js' }));
show('stack not a string', () => vm.runInThisContext('const e5 = new Error("q"); e5.stack = 5; throw e5', { filename: 's.js' }));
show('frozen error', () => vm.runInThisContext('const e6 = new Error("q"); Object.freeze(e6); throw e6', { filename: 't.js' }));
show('multi-line message', () => vm.runInThisContext('throw new Error("multi\\nline")', { filename: 'm.js' }));
show('rethrown in the script', () => vm.runInThisContext('try { null.x } catch (e) { throw e }', { filename: 'r.js' }));
show('through finally', () => vm.runInThisContext('try { null.x } finally { 1 }', { filename: 'fin.js' }));
show('made elsewhere, thrown here', () => vm.runInThisContext('var made = new Error("made");\n\nthrow made', { filename: 'd.js' }));
show('non-ASCII before', () => vm.runInThisContext('let s = "\u00e9"; null.x', { filename: 'u.js' }));
show('stack overflow', () => vm.runInThisContext('function r() { r() } r()', { filename: 'so.js' }));
try {
  vm.runInThisContext('eval("null.x")', { filename: 'ev.js' });
} catch (e) {
  console.log('--- eval code');
  console.log(e.stack.split('\n').slice(0, 5).join('\n'));
}

// An error thrown in a function of this module: the arrow shows this
// module's line (printed here without its URL).
globalThis.outside = function outside() { null.w; };
try {
  vm.runInThisContext('outside()', { filename: 'out.js' });
} catch (e) {
  const [place, line, caret] = e.stack.split('\n');
  console.log('--- thrown outside the script');
  console.log(place.replace(/^.*\//, ''), `|${line}|`, `|${caret}|`);
}

// Decorated once: thrown again through a second script, the stack keeps
// the first arrow only.
const script = new vm.Script('null.z', { filename: 'first.js' });
let first;
try { script.runInThisContext(); } catch (e) { first = e; }
globalThis.first = first;
try {
  vm.runInThisContext('throw first', { filename: 'second.js' });
} catch (e) {
  console.log('--- thrown twice');
  console.log(e === first, scriptStack(e.stack));
}
// A script that throws another script's undecorated error decorates it
// with its own place.
let plain;
try { vm.runInThisContext('null.p', { filename: 'quiet.js', displayErrors: false }); } catch (e) { plain = e; }
globalThis.plain = plain;
try {
  vm.runInThisContext('throw plain', { filename: 'loud.js' });
} catch (e) {
  console.log('--- decorated later');
  console.log(scriptStack(e.stack));
}
// Nested scripts: the inner run decorates first.
globalThis.vmForNesting = vm;
show('nested runs', () => vm.runInThisContext(
  'const q = new Error("rw"); vmForNesting.runInThisContext("throw q", { filename: "inner.js" })',
  { filename: 'outer.js' }));
// A timeout error is not decorated.
show('timeout', () => vm.runInThisContext('while (true) {}', { filename: 'loop.js', timeout: 20 }));
