// Recorded with Node v25.9.0 (Node v20 has no Uint8Array base64/hex methods):
// Uint8Array.fromBase64/fromHex, toBase64/toHex, setFromBase64/setFromHex.
const show = (f) => {
  try {
    console.log(f());
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
};
const bytes = new Uint8Array([0, 1, 2, 0xfb, 0xff, 0x80, 0x7f, 104, 105]);
show(() => bytes.toBase64());
show(() => bytes.toBase64({ alphabet: 'base64url' }));
show(() => bytes.subarray(0, 4).toBase64({ omitPadding: true }));
show(() => bytes.subarray(0, 5).toBase64());
show(() => bytes.toHex());
show(() => new Uint8Array().toBase64());
show(() => Uint8Array.fromBase64('AAEC+/+Af2hp'));
show(() => Uint8Array.fromBase64('AAEC-_-Af2hp', { alphabet: 'base64url' }));
show(() => Uint8Array.fromBase64(' aG \n k = '));
show(() => Uint8Array.fromBase64('aGk'));
show(() => Uint8Array.fromBase64('aGk', { lastChunkHandling: 'strict' }));
show(() => Uint8Array.fromBase64('aGl=', { lastChunkHandling: 'strict' }));
show(() => Uint8Array.fromBase64('aGl=', { lastChunkHandling: 'loose' }));
show(() => Uint8Array.fromBase64('aGVsbG8gd29y', { lastChunkHandling: 'stop-before-partial' }));
show(() => Uint8Array.fromBase64('aGVsbG8gd2', { lastChunkHandling: 'stop-before-partial' }));
show(() => Uint8Array.fromBase64('a'));
show(() => Uint8Array.fromBase64('a='));
show(() => Uint8Array.fromBase64('aG=a'));
show(() => Uint8Array.fromBase64('a*'));
show(() => Uint8Array.fromBase64('a+/a', { alphabet: 'base64url' }));
show(() => Uint8Array.fromBase64(1));
show(() => Uint8Array.fromBase64('aGk=', 1));
show(() => Uint8Array.fromBase64('aGk=', { alphabet: 'x' }));
show(() => Uint8Array.fromBase64('aGk=', { lastChunkHandling: 'x' }));
show(() => Uint8Array.fromHex('00ff7FaB'));
show(() => Uint8Array.fromHex('a'));
show(() => Uint8Array.fromHex('zz'));
show(() => Uint8Array.fromHex(1));
const target = new Uint8Array(8);
show(() => target.setFromBase64('aGVsbG8gd29ybGQ='));
show(() => target);
show(() => new Uint8Array(4).setFromBase64('aGk='));
show(() => new Uint8Array(4).setFromBase64('aG', { lastChunkHandling: 'stop-before-partial' }));
const partial = new Uint8Array(4);
show(() => partial.setFromBase64('aGVsbG8='));
show(() => partial);
show(() => new Uint8Array(3).setFromHex('0102030405'));
const hexTarget = new Uint8Array(4);
show(() => hexTarget.setFromHex('0102zz'));
show(() => hexTarget);
show(() => Uint8Array.prototype.toBase64.call({}));
show(() => Uint8Array.prototype.toHex.call([]));
show(() => new Uint8Array(4).setFromBase64(3));
show(() => [Uint8Array.fromBase64.length, Uint8Array.prototype.setFromBase64.length, Uint8Array.prototype.toBase64.length]);
