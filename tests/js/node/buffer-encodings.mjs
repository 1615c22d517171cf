// Buffer.from(string, encoding) and buf.toString(encoding) for each of
// Node's encodings, with the edge cases of each decoder.
const show = (label, b) => console.log(label, b, JSON.stringify(b.toString('latin1')));

// base64: whitespace and other characters are skipped, '=' ends the input,
// padding may be missing, both alphabets are read.
show('b64 space', Buffer.from('YW Jj', 'base64'));
show('b64 newline', Buffer.from('YWJj\nZGVm\r\n', 'base64'));
show('b64 junk', Buffer.from('YW*Jj', 'base64'));
show('b64 early =', Buffer.from('YWJj=YWJj', 'base64'));
show('b64 no pad', Buffer.from('YQ', 'base64'));
show('b64 one pad', Buffer.from('YQ=', 'base64'));
show('b64 lone', Buffer.from('Y', 'base64'));
show('b64 url chars', Buffer.from('YQ-_', 'base64'));
show('b64url std chars', Buffer.from('+/+/', 'base64url'));
show('b64 split pad', Buffer.from('YWJjZA=\n=', 'base64'));
show('b64 wide char', Buffer.from('YW\u0100Jj', 'base64'));
show('b64 = second', Buffer.from('Y=Q', 'base64'));
show('b64 twice', Buffer.from('YQ==YQ==', 'base64'));

// hex: stops at the first pair that is not two hex digits; an odd last digit is dropped.
show('hex odd', Buffer.from('abc', 'hex'));
show('hex bad', Buffer.from('abzz12', 'hex'));
show('hex upper', Buffer.from('ABcd', 'HEX'));
show('hex one', Buffer.from('a', 'hex'));
show('hex wide', Buffer.from('\u0100a', 'hex'));

// latin1/ascii keep each code unit's low byte; utf8 replaces lone surrogates.
show('latin1', Buffer.from('h\u00e9\u0100\u{1F600}', 'latin1'));
show('binary', Buffer.from('h\u00e9', 'binary'));
show('ascii', Buffer.from('h\u00e9\u0100\u{1F600}', 'ascii'));
show('utf8', Buffer.from('h\u00e9\u{1F600}\ud800x', 'utf8'));
show('utf-8', Buffer.from('\u20ac', 'UTF-8'));
show('ucs2', Buffer.from('h\u00e9\u{1F600}', 'ucs2'));
show('utf16le', Buffer.from('ab', 'utf16le'));
show('default', Buffer.from('\u00e9'));
show('empty', Buffer.from(''));
show('non-string encoding', Buffer.from('ab', 5));

// Decoding: invalid UTF-8 becomes U+FFFD per maximal subpart.
const bad = Buffer.from([0xff, 0xfe, 0x41, 0xc3, 0x28, 0xe2, 0x82, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98]);
console.log(JSON.stringify(bad.toString()));
console.log(JSON.stringify(Buffer.from([0xef, 0xbb, 0xbf, 0x61]).toString()));
console.log(JSON.stringify(Buffer.from([0xc0, 0x80, 0xf4, 0x90, 0x80, 0x80, 0xe0, 0x80]).toString('utf8')));
const mixed = Buffer.from([0x80, 0xff, 0x41]);
console.log(JSON.stringify(mixed.toString('ascii')), JSON.stringify(mixed.toString('latin1')), JSON.stringify(mixed.toString('binary')));
console.log(JSON.stringify(Buffer.from([0x41, 0x00, 0x42]).toString('ucs2')), JSON.stringify(Buffer.from([0x3d, 0xd8, 0x00, 0xde]).toString('utf16le')));
const b = Buffer.from([0xfb, 0xff, 0xbf]);
console.log(b.toString('base64'), b.toString('base64url'), Buffer.from([0xfb, 0xff]).toString('base64url'), Buffer.from([0xfb]).toString('base64'), b.toString('hex'), b.toString('HEX'));
console.log(JSON.stringify(Buffer.from('h\u00e9llo').toString('utf8', 1, 3)), Buffer.from('h\u00e9llo').toString('hex', -1, 100), Buffer.from('h\u00e9llo').toString(undefined, 2));
console.log(JSON.stringify(Buffer.from('abc').toString('utf8', 2, 1)), JSON.stringify(Buffer.from('abc').toString('utf8', 5)), Buffer.from('abc').toString('utf8', 'x'), Buffer.from('abcd').toString('ucs2', 1));

// A round trip of every byte through each binary-safe encoding.
const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
for (const enc of ['hex', 'base64', 'base64url', 'latin1', 'binary', 'ucs2']) {
  console.log(enc, Buffer.from(all.toString(enc), enc).equals(all));
}

// Buffer.byteLength and Buffer.isEncoding.
console.log(Buffer.byteLength('YQ==', 'base64'), Buffer.byteLength('YQ', 'base64'), Buffer.byteLength('abc', 'hex'),
  Buffer.byteLength('h\u00e9\u{1F600}'), Buffer.byteLength('h\u00e9', 'ucs2'), Buffer.byteLength('a b c d ', 'base64'),
  Buffer.byteLength(new ArrayBuffer(7)), Buffer.byteLength(new Uint16Array(3)), Buffer.byteLength(new DataView(new ArrayBuffer(5))));
console.log(Buffer.byteLength('YWJj\n', 'base64'), Buffer.byteLength('Y', 'base64'), Buffer.byteLength('', 'base64'),
  Buffer.byteLength('==', 'base64'), Buffer.byteLength('abc', 'latin1'), Buffer.byteLength('\ud800'), Buffer.byteLength('ab', 'nope'), Buffer.byteLength('\u00e9', 'ASCII'));
console.log(Buffer.isEncoding('UTF8'), Buffer.isEncoding('hex'), Buffer.isEncoding(''), Buffer.isEncoding('nope'),
  Buffer.isEncoding(5), Buffer.isEncoding('Binary'), Buffer.isEncoding('utf-16LE'), Buffer.isEncoding('base64URL'), Buffer.isEncoding('ucs-2'));
