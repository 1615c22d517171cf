// yield* in async generators: delegation to async and sync iterables,
// values sent in, return values, return() and throw() forwarded.
async function* inner() {
  const a = yield 1;
  console.log('inner got', a);
  yield 2;
  return 'inner result';
}
async function* outer() {
  const r = yield* inner();
  console.log('yield* evaluated to', r);
  yield* [10, Promise.resolve(20)];
  return 'outer result';
}
const it = outer();
for (const sent of ['a', 'b', 'c', 'd', 'e', 'f']) console.log(await it.next(sent));

const log = [];
const asyncIterable = {
  [Symbol.asyncIterator]() {
    return {
      next(v) { log.push(`next(${v})`); return Promise.resolve({ value: log.length, done: false }); },
      return(v) { log.push(`return(${v})`); return { value: `closed with ${v}`, done: true }; },
      throw(e) { log.push(`throw(${e})`); return { value: 'recovered', done: false }; },
    };
  },
};
async function* delegating() {
  try {
    yield* asyncIterable;
  } finally {
    log.push('finally');
  }
}
const d = delegating();
console.log(await d.next('ignored'));
console.log(await d.next('x'));
console.log(await d.throw('boom'));
console.log(await d.return('bye'));
console.log(log.join(' '));

async function* syncDelegate() {
  yield* (function* () { try { yield 'a'; yield 'b'; } finally { console.log('sync inner closed'); } })();
}
const s = syncDelegate();
console.log(await s.next());
console.log(await s.return('early'));

async function* rejecting() { yield* [Promise.reject(new Error('rejected value'))]; }
try { await rejecting().next(); } catch (e) { console.log('caught', e.message); }

const AsyncGeneratorFunction = (async function* () {}).constructor;
const GeneratorFunction = (function* () {}).constructor;
const AsyncFunction = (async function () {}).constructor;
console.log(AsyncGeneratorFunction.name, GeneratorFunction.name, AsyncFunction.name);
console.log(Object.getPrototypeOf(GeneratorFunction) === Function, GeneratorFunction.length);
const gen = new GeneratorFunction('a', 'b', 'yield a; yield b;');
console.log([...gen(1, 2)], String(gen));
const af = AsyncFunction('x', 'return await x * 2;');
console.log(await af(21), Object.getPrototypeOf(af) === AsyncFunction.prototype);
const agf = AsyncGeneratorFunction('yield 1; yield 2;');
for await (const v of agf()) console.log('agf', v);
for (const bad of [['a) {', '}'], ['/*', '*/){'], ['', '}); (function(){']]) {
  try { Function(...bad); console.log('compiled', bad); } catch (e) { console.log(e.constructor.name, JSON.stringify(bad)); }
}
console.log(String(Function('a', 'b', 'return a + b')));
