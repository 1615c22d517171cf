// Errors print their stack; only the first line is location-independent.
const e = new Error('boom');
console.log(String(e.stack).split('\n')[0]);
const noStack = new TypeError('bad');
noStack.stack = 'TypeError: bad';
console.log(noStack, [noStack]);
const withCause = new Error('outer', { cause: noStack });
withCause.stack = 'Error: outer\n    at somewhere (file.mjs:1:1)';
console.log(withCause);
class MyError extends Error {}
const mine = new MyError('m');
mine.stack = 'Error: m\n    at y (file.mjs:4:1)';
mine.code = 'E1';
console.log(mine);
console.log({ nested: mine });
const plain = new Error('');
plain.stack = 'Error';
console.log(plain);
