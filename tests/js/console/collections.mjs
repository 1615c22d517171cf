// Map, Set, WeakMap and promises.
console.log(new Map([['a', 1], ['b', 2]]), new Map(), new Set([1]), new Set());
console.log(new Map([[{ k: 1 }, [1, 2]], ['nested', new Map([[1, new Set([2])]])]]));
console.log(new Set(Array.from({ length: 30 }, (_, i) => i)));
console.log(new WeakMap(), new WeakSet());
console.log(Promise.resolve(1), new Promise(() => {}), Promise.resolve({ a: [1] }));
const rejected = Promise.reject(new Error('no'));
rejected.catch(() => {});
console.log(String(rejected).length > 0);
const m = new Map([['x', 1]]);
m.extra = true;
console.log(m);
console.log([/a/g, /b\/c/i], { re: /x/ });
