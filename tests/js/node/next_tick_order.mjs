// process.nextTick runs after the module body's promise jobs, before those of a timer.
process.nextTick(() => console.log('tick1'));
Promise.resolve().then(() => { console.log('promise1'); process.nextTick(() => console.log('tick-from-promise')); Promise.resolve().then(() => console.log('promise-from-promise')); });
queueMicrotask(() => console.log('microtask'));
setTimeout(() => { console.log('timeout'); process.nextTick(() => console.log('tick-in-timeout')); Promise.resolve().then(() => console.log('promise-in-timeout')); }, 0);
setTimeout(() => console.log('timeout2'), 0);
process.nextTick((a, b) => console.log('tick2', a, b), 1, 2);
console.log('sync');
