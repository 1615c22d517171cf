// URL and URLSearchParams (WHATWG URL standard as Node v20 exposes them).
const show = (f) => {
  try {
    console.log(f());
  } catch (e) {
    console.log(`${e.name} ${e.code} ${e.message} input=${e.input} base=${e.base}`);
  }
};
const parts = (u) =>
  [u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port,
   u.pathname, u.search, u.hash].join(' | ');

// Parsing: special schemes, IDNA, IPv4/IPv6, ports, percent-encoding, file:.
for (const input of [
  'https://user:pa ss@EXAMPLE.com:443/a/./b/../c?q=1 2#frag ment',
  'HTTP://münchen.de/ä?ö=ü#ß',
  'http://xn--mnchen-3ya.de/',
  'http://[::1]:8080/x',
  'http://[2001:db8:0:0:0:0:2:1]/',
  'http://0x7f.1/',
  'http://192.168.0.257/',
  'ftp://host:21/file',
  'ws://h:80/', 'wss://h:443/',
  'file:///C:/dir/../file.txt',
  'file://localhost/etc/passwd',
  'mailto:someone@example.com?subject=hi',
  'data:text/plain,hello world',
  'javascript:alert(1)',
  'blob:https://example.com/uuid',
  'non-special://host/path with space',
  'http://example.com/%7Efoo/%zz/\u00e9',
  'https://example.com/?a=%20b&c=d e',
  '  http://trim.me/  ',
  'http://ex\tam\nple.com/',
  'http:\\\\back\\slash',
  'https://a.b/c\ud800',
]) {
  show(() => parts(new URL(input)));
}

// Relative resolution against a base.
const base = 'http://a/b/c/d;p?q';
for (const rel of ['g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', '..', '../g', '../..', '../../../g', '', '.', 'g;x=1/../y', 'https:g', 'http:g']) {
  show(() => new URL(rel, base).href);
}
show(() => new URL('/x', new URL('https://o.org/p')).href);

// Invalid inputs.
for (const [input, b] of [['foo'], ['http://'], ['http://a b/'], ['https://[::1/'], ['http://256.256.256.256.256x/'], ['x', 'notabase'], ['http://a:99999/'], ['//x'], ['']]) {
  show(() => (b === undefined ? new URL(input) : new URL(input, b)));
}
show(() => new URL());
show(() => URL('http://a'));
show(() => URL.canParse('http://x'));
show(() => URL.canParse('nope'));
show(() => URL.canParse('/p', 'http://x'));
show(() => URL.canParse());
show(() => URL.parse('nope'));
show(() => URL.parse('b', 'http://a/c').href);
show(() => URL.parse('b', 'http://a/c') instanceof URL);

// Setters.
const u = new URL('https://example.org:8080/p/a/t/h?query=string#hash');
u.protocol = 'http'; show(() => u.href);
u.protocol = 'mailto'; show(() => u.href);
u.protocol = 'ftp:'; show(() => u.href);
u.username = 'us er'; u.password = 'p@ss'; show(() => u.href);
u.host = 'other.net:21'; show(() => u.href);
u.hostname = 'third.net'; show(() => u.href);
u.port = '99999'; show(() => u.href);
u.port = '1234abc'; show(() => u.href);
u.port = ''; show(() => u.href);
u.pathname = 'a b/ü'; show(() => u.href);
u.search = 'x=1&y=2 3'; show(() => u.href);
u.hash = 'h h'; show(() => u.href);
u.hash = ''; u.search = ''; show(() => u.href);
show(() => { u.href = 'not a url'; });
u.href = 'http://new.example/?k=v'; show(() => u.href);
const f = new URL('file:///tmp/x');
f.host = 'server'; show(() => f.href);
f.port = '80'; show(() => f.href);
show(() => u.origin);

// searchParams is live and the same object each time.
const s = new URL('http://h/p?a=1&b=2&a=3');
const sp = s.searchParams;
show(() => sp === s.searchParams);
sp.append('c', 'x y');
show(() => s.href);
sp.delete('a');
show(() => s.search);
s.search = '?z=9';
show(() => [...sp]);
sp.delete('z');
show(() => [s.href, s.search]);
s.href = 'http://h/?m=1';
show(() => sp.get('m'));

// URLSearchParams from a string, pairs and a record.
const p = new URLSearchParams('?a=1&b=2&a=3&=empty&noval&c=%20x+y&d=%zz&e=\u00e9');
show(() => [...p.entries()]);
show(() => [p.get('a'), p.get('zz'), p.getAll('a'), p.has('a'), p.has('a', '3'), p.has('a', '4'), p.size]);
p.delete('a', '1');
show(() => p.toString());
p.set('b', 'new'); p.set('new', 'v');
show(() => p.toString());
p.sort();
show(() => [...p.keys()].join(','));
show(() => [...p.values()].join(','));
show(() => new URLSearchParams([['x', 1], new Set(['y', 2])]).toString());
show(() => new URLSearchParams({ k: 'v', n: 2, s: 'a b&c=d' }).toString());
show(() => new URLSearchParams(new URLSearchParams('q=1')).toString());
show(() => new URLSearchParams([['a']]));
show(() => new URLSearchParams([1]));
show(() => new URLSearchParams({ [Symbol.iterator]: 1 }));
show(() => new URLSearchParams().get());
show(() => new URLSearchParams().append('a'));
show(() => URLSearchParams.prototype.get.call({}, 'a'));
show(() => URLSearchParams());
show(() => new URLSearchParams().forEach());
show(() => new URLSearchParams({ '\ud800': 1, '\udc00': 2 }).toString());
show(() => new URLSearchParams([['*-._~!\'()', ' +%&=\u00a0\ud83d\ude00']]).toString());
const sorted = new URLSearchParams('\ufffd=1&\ud83d\ude00=2&z=3&a=4&a=5&\ue000=6');
sorted.sort();
show(() => [...sorted.keys()].join(' '));
const visited = [];
const live = new URLSearchParams('a=1&b=2');
live.forEach(function (value, name, params) {
  visited.push(`${name}=${value} ${this.tag} ${params === live}`);
  if (name === 'a') live.append('c', '3');
}, { tag: 'T' });
show(() => visited);
const it = live.keys();
show(() => [it.next(), Object.prototype.toString.call(it)]);
live.delete('b');
show(() => [it.next(), it.next()]);

// Shapes, properties and printing.
show(() => Object.getOwnPropertyNames(URL.prototype));
show(() => Object.getOwnPropertyNames(URLSearchParams.prototype));
show(() => Object.getOwnPropertyDescriptor(URL.prototype, 'href'));
show(() => URLSearchParams.prototype[Symbol.iterator] === URLSearchParams.prototype.entries);
show(() => [URL.length, URLSearchParams.length, URL.canParse.length, URL.parse.length]);
show(() => Object.prototype.toString.call(new URL('http://a')));
show(() => [String(new URL('http://a')), JSON.stringify({ u: new URL('http://a/b') })]);
show(() => Object.getOwnPropertyDescriptor(URL.prototype, 'href').get.call({}));
show(() => URL.prototype.toString.call({}));
console.log(new URL('https://user:pw@sub.example.com:8443/p/a?x=1&y=%20#top'));
console.log([new URL('file:///tmp/a b')], { u: new URL('blob:https://e.com/1') });
console.log(new URLSearchParams('a=1&b=2'));
console.log(new URLSearchParams());
console.log(new URLSearchParams('a=1&b=2&c=3333333333333333333333333333333&d=44444444444444444444444444444444444'));
console.log({ p: new URLSearchParams('x=y') });
class MyURL extends URL {}
console.log(new MyURL('http://sub.class/'));
