// Reading and writing numbers: every integer width and byte order, floats,
// doubles, BigInts, the lowercase Uint aliases, and how values and offsets
// are converted.
const n = Buffer.alloc(16);
console.log(n.writeUInt32LE(0xdeadbeef, 0), n.writeInt16BE(-2, 4), n.writeIntLE(-123456789012, 6, 6), n.writeUIntBE(0x123456, 12, 3), n);
console.log(n.readUInt32LE(0), n.readUInt32BE(0), n.readInt32LE(0), n.readInt32BE(0), n.readInt16BE(4), n.readUInt16LE(4), n.readUInt16BE(4), n.readInt16LE(4));
console.log(n.readIntLE(6, 6), n.readUIntLE(6, 6), n.readIntBE(6, 6), n.readUIntBE(6, 6), n.readUIntBE(12, 3), n.readIntBE(12, 3), n.readUIntLE(12, 3), n.readIntLE(12, 3));
console.log(n.readInt8(0), n.readUInt8(0), n.readUint8(3), n.readIntLE(0, 1), n.readUIntBE(0, 2), n.readIntLE(0, 5), n.readUIntBE(0, 5), n.readIntBE(0, 4), n.readUIntLE(1, 4));
for (const size of [1, 2, 3, 4, 5, 6]) {
  const m = Buffer.alloc(8);
  const max = 2 ** (8 * size) - 1;
  const min = -(2 ** (8 * size - 1));
  console.log(size, m.writeUIntLE(max, 0, size), m.readUIntLE(0, size), m.writeUIntBE(max - 1, 1, size), m.readUIntBE(1, size),
    m.writeIntLE(min, 0, size), m.readIntLE(0, size), m.writeIntBE(-min - 1, 2, size), m.readIntBE(2, size), m);
}
n.writeDoubleLE(Math.PI, 0);
n.writeFloatBE(1.5, 8);
console.log(n.readDoubleLE(0), n.readFloatBE(8), n.readFloatLE(8), n.readDoubleBE(0));
console.log(n.writeFloatLE(0.1, 0), n.readFloatLE(0), n.writeDoubleBE(-0, 8), Object.is(n.readDoubleBE(8), -0), n.writeFloatLE(1e40, 4), n.readFloatLE(4), n.writeDoubleLE(NaN, 8), n.readDoubleLE(8));
n.writeBigInt64LE(-5n, 0);
n.writeBigUInt64BE(2n ** 64n - 2n, 8);
console.log(n, n.readBigInt64LE(0), n.readBigUInt64LE(0), n.readBigUInt64BE(8), n.readBigInt64BE(8), n.readBigUint64LE(8), n.readBigUint64BE(0));
console.log(n.writeBigInt64BE(-(2n ** 63n), 0), n.readBigInt64BE(0), n.writeBigUint64LE(2n ** 63n, 8), n.readBigUInt64LE(8), n.readBigInt64LE(8));
console.log(n.writeUInt8(1.9, 0), n.writeUInt16LE(NaN, 0), n.writeInt8('-3', 2), n.writeUInt32BE(1e9 + 0.5, 3), n.writeIntBE(-1, 7, 5), n.writeFloatLE('x', 12), n);
console.log(n.writeUint16BE(0xabcd), n.writeUint32LE(1, 4), n.readUint16BE(), n.readUint32LE(4), n.writeInt32LE(-1), n.readInt32LE(), n.writeIntLE(-1.5, 0, 6), n.readIntLE(0, 6), n.writeUIntLE(1.5, 0, 6), n.readUIntLE(0, 6));
console.log(n.writeUInt8(255, -0), n.readUInt8(-0), n.writeInt16LE({ valueOf() { return 300; } }, 2), n.readInt16LE(2), n.writeDoubleLE('1e3', 8), n.readDoubleLE(8));
const p = Buffer.prototype;
console.log(p.readUint8 === p.readUInt8, p.writeUintBE === p.writeUIntBE, p.readBigUint64LE === p.readBigUInt64LE, p.readUInt8.name, p.readUintLE.name, p.writeUInt16LE.length, p.writeUIntLE.length, p.readUIntBE.length, p.readUInt8.length, p.readDoubleLE.length, p.writeBigInt64LE.length);
