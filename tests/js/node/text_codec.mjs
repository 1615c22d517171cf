// TextEncoder / TextDecoder (UTF-8, UTF-16LE), as Node provides them.
const enc = new TextEncoder();
console.log(enc.encoding, enc.encode('héllo €😀'), enc.encode(), enc.encode('\uD800x'));
const dest = new Uint8Array(5);
console.log(enc.encodeInto('a€b', dest), dest, enc.encodeInto('😀😀', new Uint8Array(6)));
const dec = new TextDecoder();
console.log(dec.encoding, dec.fatal, dec.ignoreBOM, dec.decode(enc.encode('héllo €😀')), JSON.stringify(dec.decode()));
console.log(JSON.stringify(dec.decode(new Uint8Array([0xEF, 0xBB, 0xBF, 0x61]))), JSON.stringify(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xEF, 0xBB, 0xBF, 0x61]))));
console.log(JSON.stringify(dec.decode(new Uint8Array([0x61, 0xFF, 0x62]))), dec.decode(new Uint8Array([104, 105]).buffer), dec.decode(new DataView(new Uint8Array([1, 104, 105, 1]).buffer, 1, 2)));
const euro = enc.encode('€');
let streamed = dec.decode(euro.subarray(0, 1), { stream: true });
streamed += dec.decode(euro.subarray(1), { stream: true });
streamed += dec.decode();
console.log(streamed, new TextDecoder('utf-16le').decode(new Uint8Array([0x68, 0, 0x69, 0])), new TextDecoder('UTF8').encoding);
for (const f of [() => new TextDecoder('foo'), () => new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xFF])), () => dec.decode(123), () => enc.encodeInto('x', [])]) {
  try { f(); } catch (e) { console.log(String(e), e.code); }
}
console.log(Object.prototype.toString.call(enc), Object.prototype.toString.call(dec));
