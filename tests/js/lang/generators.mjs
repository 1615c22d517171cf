function* counter(n) { for (let i = 0; i < n; i++) { const got = yield i; if (got) console.log('got', got); } return 'done'; }
const g = counter(3);
console.log(g.next(), g.next('hello'), g.next(), g.next(), g.next());
function* inner() { yield 'a'; yield 'b'; return 'inner-result'; }
function* outer() { const r = yield* inner(); yield r; }
console.log([...outer()]);
function* withFinally() { try { yield 1; yield 2; } finally { console.log('cleanup'); } }
const wf = withFinally(); console.log(wf.next()); console.log(wf.return('early')); console.log(wf.next());
function* thrower() { try { yield 1; } catch (e) { console.log('caught in gen', e); yield 'recovered'; } }
const t = thrower(); t.next(); console.log(t.throw('boom'), t.next());
const iterable = { *[Symbol.iterator]() { yield* [1, 2, 3]; } };
console.log([...iterable], Array.from(iterable, (x) => x * 2));
function* fib() { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } }
const first = []; for (const f of fib()) { if (f > 50) break; first.push(f); } console.log(first);
const it = [1, 2, 3][Symbol.iterator](); it.next(); console.log([...it]);
async function* agen() { yield 1; await null; yield 2; }
(async () => { const out = []; for await (const v of agen()) out.push(v); console.log('async gen', out); for await (const v of [Promise.resolve('p'), 'q']) console.log('for await', v); })();
console.log(Object.prototype.toString.call(g), typeof g.next, g[Symbol.iterator]() === g);
