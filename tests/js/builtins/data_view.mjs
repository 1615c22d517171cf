// DataView: every get/set pair, both byte orders.
const buf = new ArrayBuffer(16);
const dv = new DataView(buf, 2, 12);
console.log(dv.byteOffset, dv.byteLength, dv.buffer === buf);
const kinds = ['Int8', 'Uint8', 'Int16', 'Uint16', 'Int32', 'Uint32', 'Float32', 'Float64'];
for (const k of kinds) {
  for (const little of [false, true]) {
    dv[`set${k}`](0, -1234.5678, little);
    const bytes = [...new Uint8Array(buf, 2, 8)].map((x) => x.toString(16).padStart(2, '0')).join('');
    console.log(k, little, dv[`get${k}`](0, little), dv[`get${k}`](0, !little), bytes);
  }
}
dv.setUint32(4, 0xdeadbeef);
console.log(dv.getUint8(4).toString(16), dv.getUint16(4, true).toString(16), dv.getFloat32(4));
console.log(dv);
console.log(new DataView(new ArrayBuffer(2)));
const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } };
t(() => new DataView(new ArrayBuffer(4), 5));
t(() => new DataView(new ArrayBuffer(4), 1, 4));
t(() => new DataView(new ArrayBuffer(4)).getInt32(2));
t(() => new DataView(new ArrayBuffer(4)).getInt32(-1));
t(() => new DataView({}));
t(() => DataView(new ArrayBuffer(1)));
t(() => DataView.prototype.getInt8.call({}, 0));
const rab = new ArrayBuffer(4, { maxByteLength: 8 });
const tracking = new DataView(rab);
const fixed = new DataView(rab, 0, 4);
rab.resize(8);
console.log(tracking.byteLength, fixed.byteLength);
rab.resize(2);
console.log(tracking.byteLength);
t(() => fixed.byteLength);
t(() => fixed.getInt8(0));
