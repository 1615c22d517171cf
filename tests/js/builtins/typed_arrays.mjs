// Typed array construction, element conversion and the integer-indexed
// exotic object's property behaviour.
const ctors = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
  Int32Array, Uint32Array, Float32Array, Float64Array];
for (const C of ctors) {
  const a = new C([1.5, -1, 255, 256, 65536, -0.5, NaN, Infinity, 2.5]);
  console.log(C.name, C.BYTES_PER_ELEMENT, a.length, a.byteLength, [...a].join(' '));
}
console.log(new Uint8Array(3), new Float64Array(0), new Int16Array([1, -2]));
console.log(new Uint8Array({ length: 2, 0: 7, 1: '8' }), new Uint8Array(new Set([3, 4])));
console.log(new Int16Array(new Uint8Array([1, 2, 3])), Uint8Array.of(1, 2), Uint8Array.from('123'));
const buf = new ArrayBuffer(8);
const view = new Uint16Array(buf, 2, 2);
view[0] = 0x1234;
console.log(view.byteOffset, view.byteLength, view.length, new Uint8Array(buf));
console.log(view.buffer === buf, ArrayBuffer.isView(view), ArrayBuffer.isView(buf));

// Canonical numeric keys never reach the prototype.
const u = new Uint8Array(2);
u[5] = 1; u['-0'] = 1; u['1.5'] = 1; u.foo = 'bar';
console.log(u[5], u['-0'], u['1.5'], 5 in u, '-0' in u, '1' in u, u.foo);
console.log(Object.keys(u), Object.getOwnPropertyNames(u), JSON.stringify(u));
console.log(Object.getOwnPropertyDescriptor(u, 0), Reflect.deleteProperty(u, 0), Reflect.deleteProperty(u, 9));
console.log(Reflect.defineProperty(u, 0, { value: 9 }), u[0],
  Reflect.defineProperty(u, 0, { value: 1, writable: false }),
  Reflect.defineProperty(u, 7, { value: 1 }));
Object.prototype[3] = 'proto';
console.log(u[3], new Uint8Array(4)[3]);
delete Object.prototype[3];
u[1] = { valueOf() { return 42; } };
console.log(u[1], u);

// Errors.
const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } };
t(() => new Uint8Array(-1));
t(() => new Uint8Array(2 ** 53));
t(() => Uint8Array(2));
t(() => new (Object.getPrototypeOf(Uint8Array))());
t(() => new Uint16Array(new ArrayBuffer(3)));
t(() => new Uint16Array(new ArrayBuffer(4), 1));
t(() => new Uint16Array(new ArrayBuffer(4), 6));
t(() => new Uint16Array(new ArrayBuffer(4), 0, 5));
t(() => Uint8Array.prototype.fill.call([], 0));
t(() => new Uint8Array(4).set([1, 2, 3], 3));
t(() => new Uint8Array(4).with(5, 1));
t(() => new Uint8Array([]).reduce((a, b) => a));

// Length-tracking views over a resizable buffer.
const rab = new ArrayBuffer(4, { maxByteLength: 16 });
const tracking = new Uint8Array(rab);
const fixed = new Uint8Array(rab, 0, 4);
const offset = new Uint16Array(rab, 2);
console.log(tracking.length, fixed.length, offset.length);
rab.resize(10);
console.log(tracking.length, fixed.length, offset.length);
rab.resize(2);
console.log(tracking.length, fixed.length, offset.length, offset.byteOffset, fixed[0]);
t(() => fixed.fill(1));
t(() => [...fixed]);
rab.resize(8);
console.log(fixed.length, tracking);

// Speed-sensitive loop: fill and sum.
const big = new Uint8Array(100000);
for (let i = 0; i < big.length; i++) big[i] = i;
let sum = 0;
for (let i = 0; i < big.length; i++) sum += big[i];
console.log(sum);
