// A regular expression literal evaluated again, and `new RegExp` with a
// pattern seen before, give new objects with their own state, whatever
// the engine shares between them.
const seen = [];
function make() {
  return /a(b)?/g;
}
const r1 = make();
const r2 = make();
console.log(r1 === r2, r1.lastIndex, r2.lastIndex);
r1.exec('xab ab');
console.log(r1.lastIndex, r2.lastIndex);
r2.compile('c+', 'y');
console.log(String(r1), String(r2), r1.flags, r2.flags);
console.log(make().exec('zab')[1], make().flags);
r1.foo = 1;
console.log(make().foo, Object.keys(r1));
// Same pattern, different flags: each keeps its own.
const i = new RegExp('A', 'i');
const plain = new RegExp('A');
console.log(i.test('a'), plain.test('a'), new RegExp('A', 'i').test('a'));
// Sticky searches through a shared pattern.
const s1 = new RegExp('b', 'y');
const s2 = new RegExp('b', 'y');
s1.lastIndex = 1;
console.log(s1.test('abb'), s1.lastIndex, s2.test('abb'), s2.lastIndex);
// Invalid patterns still throw every time.
for (let k = 0; k < 2; k++) {
  try {
    new RegExp('(', '');
  } catch (e) {
    console.log(e.name, e.message);
  }
}
// Same text, u flag: checked for that mode.
try {
  new RegExp('\\-', 'u');
} catch (e) {
  console.log(e.name, e.message);
}
console.log(new RegExp('\\-').test('-'));
for (let k = 0; k < 600; k++) seen.push(new RegExp('x' + k).source);
console.log(seen.length, seen[599], new RegExp('x0').test('x0'));
