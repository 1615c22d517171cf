// vm.Script's cached-data options and properties, and vm.measureMemory's
// validation. Node makes cached data with V8's code cache; the facts
// checked here are what Node reports about it: the properties a Script
// gets, data made for the same source accepted, other data rejected.
import vm from 'node:vm';

const plain = new vm.Script('1');
console.log(Object.keys(plain), plain.cachedDataRejected, plain.cachedDataProduced, plain.sourceMapURL);

const producer = new vm.Script('function f() { return 1; } f()', { produceCachedData: true });
console.log(producer.cachedDataProduced, ArrayBuffer.isView(producer.cachedData), producer.cachedData.length > 0);
const made = producer.createCachedData();
console.log(ArrayBuffer.isView(made), made.length > 0);

const consumer = new vm.Script('function f() { return 1; } f()', { cachedData: made });
console.log(consumer.cachedDataRejected, consumer.runInThisContext());
const other = new vm.Script('2', { cachedData: new Uint8Array([1, 2, 3]) });
console.log(other.cachedDataRejected, other.runInThisContext());
const mismatched = new vm.Script('3', { cachedData: made });
console.log(mismatched.cachedDataRejected);
console.log(new vm.Script('1\n//# sourceMappingURL=foo.map').sourceMapURL);

console.log(vm.measureMemory() instanceof Promise);
for (const options of [{ mode: 'x' }, { execution: 'x' }, 1, null]) {
  try {
    vm.measureMemory(options);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
