// RegExp construction, flags, source, exec and test.
const show = (label, f) => {
  try {
    console.log(label, String(f()));
  } catch (e) {
    console.log(label, e.name + ': ' + e.message);
  }
};
const re = /(?<year>\d{4})-(?<month>\d\d)(-(\d\d))?/dg;
console.log(re.source, re.flags, re.global, re.sticky, re.hasIndices, re.unicode, re.lastIndex);
const m = re.exec('on 2024-05 and 2025-06-07');
console.log(m.index, m.input, m.length, JSON.stringify(m), JSON.stringify(m.groups), re.lastIndex);
console.log(Object.getPrototypeOf(m.groups), JSON.stringify(m.indices), JSON.stringify(m.indices.groups));
console.log(Object.keys(m).join());
const m2 = re.exec('on 2024-05 and 2025-06-07');
console.log(m2.index, JSON.stringify(m2), re.lastIndex);
console.log(re.exec('on 2024-05 and 2025-06-07'), re.lastIndex);

const sticky = /a/y;
console.log(sticky.test('ba'), sticky.lastIndex);
sticky.lastIndex = 1;
console.log(sticky.test('ba'), sticky.lastIndex);
const plain = /o/;
plain.lastIndex = 5;
console.log(plain.exec('foo').index, plain.lastIndex);

console.log(/^.$/u.test('😀'), /^.$/.test('😀'), /\u{1F600}/u.test('😀'), '😀x'.length);
const g = /x/g;
g.exec('😀x');
console.log(g.lastIndex);
console.log(/a.c/s.test('a\nc'), /a.c/.test('a\nc'), /^b/m.test('a\nb'), /^b/.test('a\nb'), /A/i.test('a'));
console.log(/(a)|(b)/.exec('b')[1], /(a)|(b)/.exec('b').length);

const copy = new RegExp(re);
console.log(copy !== re, copy.source === re.source, copy.flags, copy.lastIndex);
console.log(new RegExp(re, 'i').flags, RegExp(re) === re, RegExp(re, 'g') === re);
console.log(new RegExp('a', undefined).flags, new RegExp(undefined).source, new RegExp('').source, String(new RegExp('')));
console.log(new RegExp('/').source, new RegExp('\\/').source, new RegExp('\n').source, String(new RegExp('a/b[/]', 'gimsuyd')));
console.log(RegExp.prototype.source, RegExp.prototype.flags, RegExp.prototype.global, String(RegExp.prototype));
console.log(RegExp.prototype.toString.call({ source: 'S', flags: 'F' }));
console.log(Object.getOwnPropertyDescriptor(re, 'lastIndex').writable, Object.getOwnPropertyDescriptor(re, 'lastIndex').enumerable);
console.log(RegExp[Symbol.species] === RegExp, RegExp.length, RegExp.name, Object.prototype.toString.call(re));

for (const [p, f] of [['(', ''], [')', ''], ['[', ''], ['a**', ''], ['\\', ''], ['a{2,1}', ''], ['(?<a>x)(?<a>y)', ''], ['[b-a]', ''], ['\\p{Foo}', 'u'], ['a', 'gg'], ['a', 'x'], ['a', 'uv']]) {
  show(p + ' ' + f, () => new RegExp(p, f));
}
show('exec receiver', () => RegExp.prototype.exec.call({}, 'a'));
show('global getter', () => Object.getOwnPropertyDescriptor(RegExp.prototype, 'global').get.call({}));
show('toString receiver', () => RegExp.prototype.toString.call(1));
show('custom exec', () => {
  const r = /a/;
  r.exec = () => 1;
  return r.test('a');
});
show('custom exec object', () => {
  const r = /a/;
  r.exec = () => ({ index: 0 });
  return r.test('zzz');
});
const getter = (name) => Object.getOwnPropertyDescriptor(RegExp.prototype, name).get;
show('global on 1', () => getter('global').call(1));
show('flags on 1', () => getter('flags').call(1));
show('source on {}', () => getter('source').call({}));
for (const name of ['match', 'matchAll', 'search', 'split']) {
  show(name + ' on 1', () => RegExp.prototype[Symbol[name]].call(1, 'a'));
}
show('compile receiver', () => RegExp.prototype.compile.call({}, 'a'));
show('compile flags', () => /a/.compile(/b/, 'g'));
const recompiled = /a/g;
recompiled.lastIndex = 3;
recompiled.compile('b+', 'i');
console.log(recompiled.source, recompiled.flags, recompiled.lastIndex, recompiled.test('xBB'));
/(\w)(\d)?/.exec('-z-');
console.log(RegExp.$1, JSON.stringify(RegExp.$2), RegExp.lastMatch, RegExp.leftContext, RegExp.rightContext, RegExp.input);
