// node:buffer and the Buffer global: what the module exports (to ES
// modules and, through buffer-module-helper.cjs, to require), that Buffer
// is a Uint8Array subclass, and the global's property.
import bufferDefault, { Buffer as B, constants, kMaxLength, kStringMaxLength, INSPECT_MAX_BYTES, atob, btoa, isUtf8, isAscii, SlowBuffer } from 'node:buffer';
import * as ns from 'buffer';
import cjs from './buffer-module-helper.cjs';

console.log(B === Buffer, ns.Buffer === Buffer, bufferDefault.Buffer === Buffer, atob === globalThis.atob, btoa === globalThis.btoa);
console.log(constants, kMaxLength, kStringMaxLength, INSPECT_MAX_BYTES, btoa('hi'), atob('aGk='));
console.log(isUtf8(Buffer.from('\u00e9')), isUtf8(Buffer.from([0xc3])), isAscii(Buffer.from('abc')), isAscii(new Uint8Array([200])), isUtf8(new ArrayBuffer(2)));
console.log(SlowBuffer(3), cjs);

const d = Object.getOwnPropertyDescriptor(globalThis, 'Buffer');
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable, d.get.name, d.set.name);
console.log(typeof Buffer, Buffer.name, Buffer.length, Buffer.poolSize, Object.getPrototypeOf(Buffer) === Uint8Array);
console.log(Buffer.from([1]) instanceof Uint8Array, Buffer.from([1]) instanceof Buffer, Buffer.isBuffer(Buffer.alloc(1)), Buffer.isBuffer(new Uint8Array(1)),
  Buffer.isBuffer('x'), Object.getPrototypeOf(Buffer.prototype) === Uint8Array.prototype, Buffer.prototype.constructor === Buffer, ArrayBuffer.isView(Buffer.alloc(1)));
console.log(Buffer.from([1, 2]).map((x) => x * 2), Buffer.from([1, 2, 3]).filter((x) => x > 1), Buffer.of(1, 256, -1), Buffer.from([9, 8]).reverse(), [...Buffer.from('ab')]);
console.log(new Buffer(3), Buffer(2), new Buffer('ab'), new Buffer([1, 2]), Buffer.allocUnsafe(3).fill(0).length, Buffer.allocUnsafeSlow(2).length, Buffer.copyBytesFrom(new Uint16Array([1, 256, 3]), 1, 1));
class Sub extends Buffer {}
console.log(Buffer.isBuffer(Object.setPrototypeOf(new Uint8Array(2), Sub.prototype)), Object.keys(Buffer.from('ab')), Buffer.from('ab').parent instanceof ArrayBuffer, typeof Buffer.from('ab').offset);
console.log(Object.getOwnPropertyNames(Buffer).sort().join());

// Assigning the global replaces it with a data property, as in Node.
globalThis.Buffer = 5;
console.log(Buffer, Object.getOwnPropertyDescriptor(globalThis, 'Buffer'));
console.log(Object.getPrototypeOf(SlowBuffer) === Uint8Array, Object.getPrototypeOf(SlowBuffer.prototype) === Uint8Array.prototype,
  SlowBuffer.prototype === B.prototype, SlowBuffer.prototype.constructor === SlowBuffer, SlowBuffer.name, SlowBuffer.length, new SlowBuffer(2) instanceof B);
// vm contexts do not get the Buffer global, as in Node.
const vm = await import('node:vm');
console.log(vm.runInNewContext('typeof Buffer'), vm.runInNewContext('typeof b.readUInt8', { b: B.alloc(1) }));
