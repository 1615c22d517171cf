// Buffer's prototype methods over bytes: write, fill, indexOf and its kin,
// equals/compare, copy, concat, slice/subarray (sharing memory), toJSON,
// swap16/32/64, and the per-encoding slice/write methods.
const b = Buffer.alloc(10);
console.log(b.write('h\u00e9\u{1F600}\u{1F600}', 1), b);
console.log(b.write('abzz', 'hex'), b.write('zz', 3, 'hex'), b.write('aa', 9, 5, 'hex'), b);
console.log(b.write('xyz', 8), b.write('\u{1F600}', 7), b);
console.log(b.write('YWJj', 0, 2, 'base64'), b.write('\u00e9\u00e9', 2, 'latin1'), b.write('abc', 4, 3, 'ucs2'), b);

console.log(Buffer.alloc(5, 'ab'), Buffer.alloc(5, 'abc', 'hex'), Buffer.alloc(5, 257), Buffer.alloc(5, ''),
  Buffer.alloc(3, Buffer.from([1, 2])), Buffer.alloc(4, '\u{1F600}'), Buffer.alloc(3, 'YQ', 'base64'), Buffer.alloc(0, 5));
console.log(Buffer.alloc(5).fill('a', 1, 3), Buffer.alloc(5).fill('ab', 1), Buffer.alloc(5).fill(0x1ff), Buffer.alloc(5).fill(-1),
  Buffer.alloc(5).fill(1.7), Buffer.alloc(5).fill(true), Buffer.alloc(5).fill('ab', 'latin1'), Buffer.alloc(4).fill(1, 5),
  Buffer.alloc(4).fill('\u00ff', 'latin1'), Buffer.alloc(4).fill(new Uint8Array([7, 8, 9])), Buffer.alloc(5).fill('6162', 1, 'hex'));

const h = Buffer.from('hello world hello');
console.log(h.indexOf('o'), h.indexOf('o', 5), h.indexOf('o', -3), h.indexOf(111), h.indexOf(Buffer.from('llo')),
  h.lastIndexOf('llo'), h.lastIndexOf('llo', 5), h.lastIndexOf('llo', -10), h.includes('world'), h.includes('World'));
console.log(h.indexOf(''), h.indexOf('', 30), h.lastIndexOf(''), h.indexOf('6c6c', 'hex'), h.indexOf('6c6c', 4, 'hex'),
  h.indexOf(111 + 256), h.indexOf('l', 'latin1'), h.indexOf(Buffer.alloc(0), 3), h.lastIndexOf(Buffer.alloc(0), 3), h.indexOf('x'));
console.log(h.indexOf('o', 1.5), h.indexOf('o', {}), h.lastIndexOf('o', null), h.indexOf('o', NaN), h.lastIndexOf('o', NaN),
  h.indexOf('h', -100), h.lastIndexOf('h', -100), h.lastIndexOf('h', 100), h.indexOf(new Uint8Array([108, 108])), h.lastIndexOf(111, 5));
const u = Buffer.from('abcabc', 'ucs2');
console.log(u.indexOf('ca', 0, 'ucs2'), u.lastIndexOf('b', undefined, 'utf16le'), u.indexOf('bc', 4, 'ucs2'), Buffer.alloc(0).indexOf('a'), Buffer.alloc(0).indexOf(0));

console.log(Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.compare(Buffer.from('b'), Buffer.from('a')),
  Buffer.compare(Buffer.from('ab'), Buffer.from('a')), Buffer.compare(Buffer.alloc(0), new Uint8Array(0)),
  Buffer.from('abc').equals(Buffer.from('abc')), Buffer.from('abc').equals(new Uint8Array([97])), Buffer.from('').equals(Buffer.alloc(0)));
const t = Buffer.from('abcdef');
console.log(t.compare(Buffer.from('cd'), 0, 2, 2, 4), t.compare(Buffer.from('cd'), 0, 2, 2), t.compare(Buffer.from('zz'), 1),
  t.compare(Buffer.from('ab'), 0, 2, 0, 2), t.compare(Buffer.from('ab'), 5), t.compare(Buffer.from('abcdefg')), t.compare(Buffer.from('ab'), undefined, undefined, 4));

const d = Buffer.from('123456');
console.log(t.copy(d, 1, 2, 4), d.toString(), t.copy(d), d.toString(), t.copy(d, 4), d.toString());
console.log(d.copy(d, 0, 2), d.toString(), t.copy(d, 10), t.copy(d, 0, 6), t.copy(d, 1.5, '2', 3.9), d.toString(), t.copy(new Uint8Array(2)));

console.log(Buffer.concat([Buffer.from('ab'), new Uint8Array([99]), Buffer.from('de')]), Buffer.concat([Buffer.from('abc')], 2),
  Buffer.concat([Buffer.from('abc')], 5), Buffer.concat([]), Buffer.concat([Buffer.from('a'), Buffer.from('b')], 0));

// slice and subarray share memory, as Buffer.from(arrayBuffer) does.
const s = Buffer.from('hello');
const sub = s.subarray(1, 3);
sub[0] = 0x45;
const sl = s.slice(-2);
sl[1] = 0x4f;
console.log(s.toString(), sub, sl, sub.buffer === s.buffer, s.slice(3, 1).length, s.subarray(-100, 100).length, s.slice().length, s.slice('1', '3'));
console.log(sub instanceof Buffer, sl.constructor.name, s.slice(1).byteOffset - s.byteOffset);
const ab = new ArrayBuffer(8);
const v = Buffer.from(ab, 2, 4);
v[0] = 9;
console.log(new Uint8Array(ab), v.byteOffset, v.length, v.buffer === ab, Buffer.from(ab).length, Buffer.from(ab, 6).length, Buffer.from(ab, '1', 0).length, Buffer.from(ab, NaN).length);
const c = Buffer.from(s);
c[0] = 0;
console.log(s[0], c[0], Buffer.from(new Uint16Array([258, 3])), Buffer.from([1.9, -1, 256, '7', null]));

console.log(JSON.stringify(Buffer.from('hi')), Buffer.from(JSON.parse(JSON.stringify(Buffer.from('hi')))), JSON.stringify({ e: Buffer.alloc(0) }));
console.log(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap16(), Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap32(), Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64(), Buffer.alloc(0).swap16());
console.log(Buffer.from('abc').hexSlice(1), Buffer.from('abc').latin1Slice(), Buffer.from('hi').base64Slice(), Buffer.from('\u00e9').utf8Slice(0, 2), Buffer.from('ab').ucs2Slice());
const w = Buffer.alloc(6);
console.log(w.hexWrite('abcd', 1), w.utf8Write('\u00e9', 4), w.latin1Write('z', 3, 1), w.asciiWrite('q'), w);
console.log(Buffer.from('abcd').toLocaleString(), String(Buffer.from('xyz')), `${Buffer.from('q')}`, Buffer.from('a') + Buffer.from('b'));
