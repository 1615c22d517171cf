// Circular references are numbered in the order they are found.
const c = { x: 1 };
c.self = c;
c.arr = [c];
console.log(c);
const d = { name: 'd' };
const e = { d, list: [d] };
d.e = e;
console.log([d, e]);
const loop = [];
loop.push(loop, { loop });
console.log(loop);
