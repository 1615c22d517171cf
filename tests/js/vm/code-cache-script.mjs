// vm.Script and vm.compileFunction with cached data made and consumed: the
// data made for a source is accepted by a Script of the same source (which
// then runs as a parsed one would) and rejected by any other source or by a
// module. Each rejection uses a source text not compiled before: V8 finds a
// source it already compiled in its in-memory compilation cache and then
// never looks at cachedData (cachedDataRejected stays false), an effect of
// V8's cache that these cases avoid.
import vm from 'node:vm';

const program = `
  class Counter {
    #n = 0;
    static made = 0;
    constructor() { Counter.made++; }
    bump(by = 1) { this.#n += by; return this; }
    get value() { return this.#n; }
  }
  function* evens(limit) { for (let i = 0; i < limit; i += 2) yield i; }
  const closures = [];
  for (let i = 0; i < 3; i++) closures.push(() => i * 10);
  var label = \`\${new Counter().bump().bump(5).value}|\${[...evens(7)]}|\${closures.map((f) => f())}\`;
  { function hoisted() { return 'annex b'; } }
  label + '|' + hoisted() + '|' + Counter.made + '|' + typeof eval('label');
`;

const producer = new vm.Script(program, { produceCachedData: true, filename: 'program.js' });
console.log(Object.keys(producer));
console.log(producer.cachedDataProduced, producer.cachedData instanceof Uint8Array, producer.cachedData.length > 0);
const data = producer.createCachedData();
console.log(data instanceof Uint8Array, Buffer.isBuffer(data), data.length > 0);
console.log('parsed:', producer.runInNewContext({}));

const consumer = new vm.Script(program, { cachedData: data, filename: 'program.js' });
console.log(Object.keys(consumer), consumer.cachedDataRejected);
console.log('from cached data:', consumer.runInNewContext({}));
console.log('in this context:', consumer.runInThisContext());

// Any ArrayBufferView holding the bytes.
const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
console.log('DataView', new vm.Script(program, { cachedData: view }).cachedDataRejected);
console.log('Int8Array', new vm.Script(program, { cachedData: new Int8Array(data.buffer, data.byteOffset, data.byteLength) }).cachedDataRejected);

// Both options: the data is consumed and new data made.
const both = new vm.Script(program, { cachedData: data, produceCachedData: true });
console.log(Object.keys(both), both.cachedDataRejected, both.cachedDataProduced, both.cachedData.length > 0);

// Rejected: another source, bytes that are no cached data, empty bytes,
// a module's data, data cut short. The script still runs.
const other = new vm.Script('var fresh1 = 6; fresh1 * 7', { cachedData: data });
console.log('other source', other.cachedDataRejected, other.runInThisContext());
console.log('garbage', new vm.Script('var fresh2 = 1; fresh2', { cachedData: new TextEncoder().encode('garbage') }).cachedDataRejected);
console.log('empty', new vm.Script('var fresh3 = 1; fresh3', { cachedData: new Uint8Array(0) }).cachedDataRejected);
const moduleData = new vm.SourceTextModule('var fresh4 = 1;').createCachedData();
console.log('module data', new vm.Script('var fresh4 = 1;', { cachedData: moduleData }).cachedDataRejected);
const fresh5 = 'var fresh5 = 2; fresh5';
const fresh5Data = new vm.Script(fresh5).createCachedData();
console.log('cut short', new vm.Script('var fresh6 = 2; fresh6', { cachedData: fresh5Data.subarray(0, 12) }).cachedDataRejected);

// A source with a syntax error: the SyntaxError, whatever the data.
try {
  new vm.Script('var fresh7 = ;', { cachedData: data });
} catch (e) {
  console.log(e.name, e.message);
}

// vm.compileFunction.
const fn = vm.compileFunction('return a + b + c', ['a', 'b'], { produceCachedData: true, contextExtensions: [{ c: 100 }] });
console.log(Object.keys(fn), fn.cachedDataProduced, fn.cachedData instanceof Uint8Array, Buffer.isBuffer(fn.cachedData), fn(1, 2));
const again = vm.compileFunction('return a + b + c', ['a', 'b'], { cachedData: fn.cachedData, contextExtensions: [{ c: 1000 }] });
console.log(Object.keys(again), again.cachedDataRejected, again(1, 2));
const otherFn = vm.compileFunction('return a * 2', ['a'], { cachedData: new Uint8Array([1, 2, 3]) });
console.log(otherFn.cachedDataRejected, otherFn(21));
