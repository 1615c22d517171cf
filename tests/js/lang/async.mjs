const order = [];
const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
async function a() { order.push('a1'); await null; order.push('a2'); return 'A'; }
async function b() { order.push('b1'); const v = await a(); order.push('b2:' + v); }
b().then(() => order.push('b done'));
Promise.resolve().then(() => order.push('micro1')).then(() => order.push('micro2'));
queueMicrotask(() => order.push('qm'));
order.push('sync');
await sleep(5);
console.log(order.join(' '));
console.log(await Promise.all([1, sleep(3, 'two'), Promise.resolve(3)]));
console.log(await Promise.allSettled([Promise.reject(new Error('x')), 1]).then((r) => r.map((x) => x.status)));
console.log(await Promise.race([sleep(20, 'slow'), sleep(1, 'fast')]), await Promise.any([Promise.reject(1), sleep(2, 'any')]));
try { await Promise.any([Promise.reject(1)]); } catch (e) { console.log(e.constructor.name, e.message, e.errors); }
let resolve; const promise = new Promise((r) => { resolve = r; }); setTimeout(() => resolve('resolved later'), 1); console.log(await promise);
console.log(await new Promise((_, rej) => rej(new Error('nope'))).catch((e) => 'caught ' + e.message).finally(() => console.log('finally')));
const thenable = { then(res) { res('thenable value'); } }; console.log(await thenable);
async function thrower() { throw new TypeError('async throw'); }
try { await thrower(); } catch (e) { console.log(e.name, e.message); }
const results = await Promise.all([1, 2, 3].map(async (x) => { await sleep(3 - x); return x * 10; }));
console.log(results);
setTimeout(() => console.log('timeout 2'), 2); setTimeout(() => console.log('timeout 1'), 1); setTimeout(() => console.log('timeout 0'), 0);
