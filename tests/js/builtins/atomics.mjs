// Atomics on ArrayBuffer- and SharedArrayBuffer-backed integer typed arrays.
// (Atomics.wait on an Int32Array over a SharedArrayBuffer is not here: Node's
// main thread may block, vmjs's agent may not, so it throws a TypeError.)
const show = (f) => {
  try {
    console.log(f());
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
};
for (const buffer of [new ArrayBuffer(16), new SharedArrayBuffer(16)]) {
  for (const Ctor of [Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array]) {
    const ta = new Ctor(buffer);
    ta.fill(0);
    const log = [];
    log.push(Atomics.store(ta, 1, 3.9), Atomics.store(ta, 2, -0), Atomics.store(ta, 3, Infinity));
    log.push(Atomics.add(ta, 1, 300), Atomics.load(ta, 1));
    log.push(Atomics.sub(ta, 1, 1000), Atomics.load(ta, 1));
    log.push(Atomics.and(ta, 1, 0x0f), Atomics.or(ta, 1, 0xf0), Atomics.xor(ta, 1, 0xff), Atomics.load(ta, 1));
    log.push(Atomics.exchange(ta, 1, -1), Atomics.load(ta, 1));
    log.push(Atomics.compareExchange(ta, 1, 5, 6), Atomics.compareExchange(ta, 1, -1, 7), Atomics.load(ta, 1));
    log.push(Atomics.add(ta, '0', { valueOf: () => 2 }), Atomics.load(ta, 0.9));
    console.log(Ctor.name, buffer.constructor.name, log.join(' '));
  }
}
const sab = new Int32Array(new SharedArrayBuffer(8));
show(() => Atomics.notify(sab, 0, 1));
show(() => Atomics.notify(new Int32Array(4), 0));
show(() => Atomics.waitAsync(sab, 0, 1));
show(() => Atomics.waitAsync(sab, 0, 0, 0));
show(() => [1, 2, 3, 4, 5, 8, 16].map(Atomics.isLockFree));
show(() => Atomics.add({}, 0, 0));
show(() => Atomics.add(new Float64Array(4), 0, 0));
show(() => Atomics.add(new Uint8ClampedArray(4), 0, 0));
show(() => Atomics.add(new Int32Array(4), 4, 0));
show(() => Atomics.add(new Int32Array(4), -1, 0));
show(() => Atomics.wait(new Int32Array(4), 0, 0, 0));
show(() => Atomics.wait(new Int16Array(new SharedArrayBuffer(8)), 0, 0, 0));
show(() => Atomics.notify(new Float32Array(4), 0, 1));
show(() => {
  const b = new ArrayBuffer(8, { maxByteLength: 16 });
  const a = new Int32Array(b, 0, 2);
  return Atomics.store(a, 1, { valueOf() { b.resize(4); return 1; } });
});
show(() => Object.prototype.toString.call(Atomics));

// An async waiter is woken by notify with "ok", another times out.
const shared = new Int32Array(new SharedArrayBuffer(16));
const first = Atomics.waitAsync(shared, 1, 0);
const second = Atomics.waitAsync(shared, 1, 0, 10);
const third = Atomics.waitAsync(shared, 2, 0, 5);
console.log(first.async, second.async, third.async);
console.log(Atomics.notify(shared, 1, 1), Atomics.notify(shared, 3));
first.value.then((v) => console.log('first', v));
second.value.then((v) => console.log('second', v));
third.value.then((v) => console.log('third', v));
