// V8's maximum string length (2^29 - 24 code units): concatenation, templates,
// String.prototype.concat/repeat/padEnd and Array.prototype.join throw a
// RangeError instead of building a longer string. Long strings are built by
// doubling (ropes), so nothing here copies hundreds of megabytes.
const MAX = 2 ** 29 - 24;
function ofLength(n) {
  let piece = 'x';
  let out = '';
  while (n > 0) {
    if (n & 1) out += piece;
    n = Math.floor(n / 2);
    if (n) piece += piece;
  }
  return out;
}
const longest = ofLength(MAX);
const attempts = {
  doubling() { let s = 'ab'; for (let i = 0; i < 40; i++) s += s; return s.length; },
  plus() { return (longest + 'y').length; },
  template() { return `${'a'}${longest}`.length; },
  concat() { return 'a'.concat(longest).length; },
  repeat() { return 'abc'.repeat(2 ** 28).length; },
  padEnd() { return ''.padEnd(2 ** 29).length; },
  join() { const a = []; a.length = 2 ** 32 - 1; return a.join(',').length; },
  joinLong() { return ['a', longest].join('').length; },
};
for (const [name, f] of Object.entries(attempts)) {
  try {
    console.log(name, f());
  } catch (e) {
    console.log(name, e instanceof RangeError, e.message);
  }
}
console.log(longest.length, (ofLength(MAX - 1) + 'y').length);
try { ofLength(MAX - 1) + 'yz'; } catch (e) { console.log(String(e)); }
