// The `stack` of error objects: V8 captures the frames when the error is
// made and puts the `name: message` header in front of them on first read.
const here = import.meta.url;
// Node's own frames (node:internal/…) below the module's are left out.
const show = (stack) =>
  String(stack)
    .split(here)
    .join('FILE')
    .split('\n')
    .filter((line) => !line.includes('node:'))
    .join('\n');

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
  }
}
function fail() {
  return new HttpError(404, 'not found');
}
const e = fail();
console.log(show(e.stack));
console.log(Object.getOwnPropertyNames(e));
const d = Object.getOwnPropertyDescriptor(e, 'stack');
console.log(typeof d.value, d.writable, d.enumerable, d.configurable, d.value === e.stack);

// The header is computed once: later changes do not show.
const once = new TypeError('first');
console.log(show(once.stack).split('\n')[0]);
once.message = 'second';
console.log(show(once.stack).split('\n')[0]);

// Changes before the first read do show.
const late = new RangeError('old');
late.message = 'new';
late.name = 'Custom';
console.log(show(late.stack).split('\n')[0]);

// A getter for name runs; a non-string name is converted; an empty name
// leaves the message alone.
const g = new Error('m');
Object.defineProperty(g, 'name', { get() { return 'FromGetter'; } });
console.log(show(g.stack).split('\n')[0]);
const n = new Error('m');
n.name = 5;
console.log(show(n.stack).split('\n')[0]);
const empty = new Error('only message');
empty.name = '';
console.log(show(empty.stack).split('\n')[0]);

// A getter that throws: the read throws.
const bad = new Error('m');
Object.defineProperty(bad, 'name', { get() { throw new Error('no name'); } });
try {
  bad.stack;
} catch (err) {
  console.log('threw', err.message);
}

// A stack written before it is read stays as written.
const written = new Error('m');
written.stack = 'mine';
console.log(written.stack, Object.getOwnPropertyDescriptor(written, 'stack').value);

// Property order: stack first, then message, cause, errors.
console.log(Object.getOwnPropertyNames(new Error('x', { cause: 1 })));
console.log(Object.getOwnPropertyNames(new AggregateError([], 'x', { cause: 1 })));
console.log(Object.getOwnPropertyNames(new Error()));
try {
  null.x;
} catch (err) {
  console.log(Object.getOwnPropertyNames(err), show(err.stack).split('\n')[0]);
}

// Error.captureStackTrace with a constructorOpt leaves out its frames.
function outer() {
  return inner();
}
function inner() {
  const o = {};
  Error.captureStackTrace(o, inner);
  return o;
}
console.log(show(outer().stack));

// util.inspect and String() of a renamed subclass.
console.log(String(e));
console.log(show(e.stack) === show(`HttpError: not found\n${e.stack.split('\n').slice(1).join('\n')}`));
