// RegExp.prototype[@@replace / @@split / @@match / @@matchAll / @@search].
const R = (re, s, r) => re[Symbol.replace](s, r);
console.log(R(/x/, 'x', "$&$&$`$'$$$1$<n>"));
console.log(R(/(?<n>b)/, 'abc', '[$<n>|$1|$01|$10|$2|$<m>|$0|$00|$]'));
console.log(R(/(b)(c)?/, 'abd', '[$2|$1]'));
console.log(R(/o/g, 'foo boo', '0'), R(/o/, 'foo', '0'), R(/z/g, 'foo', '0'));
console.log(R(/(?:)/g, 'abc', '-'), R(/(?:)/gu, '😀', '-'), R(/(?:)/g, '😀', '-').length);
console.log(R(/(\d+)/g, 'a1b22', (m, p1, offset, s) => '<' + m + ',' + p1 + ',' + offset + ',' + s + '>'));
console.log(R(/(?<d>\d)/g, 'a1', (...args) => JSON.stringify(args)));
const sticky = /a/gy;
console.log(R(sticky, 'aaba', 'X'), sticky.lastIndex);

const S = (re, s, lim) => JSON.stringify(re[Symbol.split](s, lim));
console.log(S(/\d/, 'a1b2c3'), S(/(\d)/, 'a1b2c3', 3), S(/(\d)/, 'a1b2c3'), S(/,/, ''), S(/(?:)/, ''), S(/x*/, 'abc'));
console.log(S(/(?:)/, 'abc'), S(/(?:)/u, '😀x'), S(/(?:)/, '😀'), S(/b/y, 'abcb'), S(/a/, 'abc', 0), S(/(a)|(x)/, 'bab'));
console.log(S(/-/, 'a-b-c', 2), S(/-/, 'a-b-c', -1), S(/$/m, 'a\nb'));

const M = (re, s) => JSON.stringify(re[Symbol.match](s));
console.log(M(/\d/g, 'a1b22'), M(/\d/g, 'abc'), M(/(\d)(\d)/, 'a12'), M(/(?:)/g, 'ab'), M(/(?:)/gu, '😀'));

const all = [...(/(\d)(?<l>[a-z])?/g)[Symbol.matchAll]('1a2 3c')];
console.log(all.length, JSON.stringify(all.map((m) => [m[0], m.index, m[1], m.groups.l])));
const once = /o/[Symbol.matchAll]('foo');
console.log(JSON.stringify([...once].map((m) => m.index)), JSON.stringify(once.next()));
const it = /a/g[Symbol.matchAll]('aa');
console.log(Object.prototype.toString.call(it), Object.getOwnPropertyNames(Object.getPrototypeOf(it)).join());
const source = /a/g;
source.lastIndex = 1;
console.log(JSON.stringify([...source[Symbol.matchAll]('aaa')].map((m) => m.index)), source.lastIndex);

const searched = /b/g;
searched.lastIndex = 2;
console.log(searched[Symbol.search]('abc'), searched.lastIndex, /z/[Symbol.search]('abc'));

class MyRegExp extends RegExp {
  exec(s) {
    const result = super.exec(s);
    if (result) result[0] = result[0].toUpperCase();
    return result;
  }
}
console.log(new MyRegExp('a', 'g')[Symbol.replace]('banana', '[$&]'), JSON.stringify(new MyRegExp('a', 'g')[Symbol.match]('banana')));
console.log(JSON.stringify(new MyRegExp('n')[Symbol.split]('banana')));
console.log(RegExp.prototype[Symbol.match].length, RegExp.prototype[Symbol.replace].length, RegExp.prototype[Symbol.split].length, RegExp.prototype[Symbol.split].name);
console.log('a-b_c'.replace(/[-_]/g, ' '), 'a1b2'.split(/\d/).join('|'), 'x1y2'.match(/\d/g).join(), 'abc'.search(/c/));
