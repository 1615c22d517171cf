outer: for (let i = 0; i < 3; i++) {
  for (let j = 0; j < 3; j++) {
    if (j === 1) continue outer;
    if (i === 2) break outer;
    console.log('ij', i, j);
  }
}
const fns = []; for (let i = 0; i < 3; i++) fns.push(() => i); console.log(fns.map((f) => f()));
const vfns = []; for (var v = 0; v < 3; v++) vfns.push(() => v); console.log(vfns.map((f) => f()));
function sw(x) { switch (x) { case 1: return 'one'; case 2: case 3: return 'two-three'; default: return 'other'; } }
console.log(sw(1), sw(3), sw(9));
function fin() { try { return 'try'; } finally { console.log('finally runs'); } }
console.log(fin());
function fin2() { try { throw new Error('e'); } catch (e) { return 'caught ' + e.message; } finally { console.log('f2'); } }
console.log(fin2());
let n = 0; do { n++; } while (n < 5); console.log(n);
const o = { a: 1, b: 2 }; for (const k in o) console.log('key', k);
for (const [k, val] of Object.entries(o)) console.log(k, val);
try { tdz; let tdz = 1; } catch (e) { console.log(e.message); }
const { a, ...rest } = { a: 1, b: 2, c: 3 }; const [x, , y = 9, ...zs] = [1, 2, undefined, 4, 5];
console.log(a, rest, x, y, zs);
const swap = [1, 2]; [swap[0], swap[1]] = [swap[1], swap[0]]; console.log(swap);
console.log(o?.a, o?.missing?.deep, o.missing ?? 'dflt', null?.x, (() => {})?.());
let lg = null; lg ??= 5; lg ||= 6; lg &&= 7; console.log(lg);
const tag = (s, ...v) => s.raw.join('|') + v.join(','); console.log(tag`a${1}b${2}c`);
console.log(2 ** 3 ** 2, typeof null, typeof undefined, typeof (() => {}), void 0, [1, 2, 3].length in [0, 1, 2, 3]);
label: { console.log('in block'); break label; }
console.log([..."ab", ...[1, 2]], Math.max(...[1, 5, 3]), { ...{ a: 1 }, b: 2 });
