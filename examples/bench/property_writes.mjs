// 1,000,000 property writes on one object (distinct keys), then reads.
const o = {};
for (let i = 0; i < 1_000_000; i++) {
  o['k' + i] = i;
}
let sum = 0;
for (let i = 0; i < 1_000_000; i += 1000) {
  sum += o['k' + i];
}
console.log(Object.keys(o).length, sum);
