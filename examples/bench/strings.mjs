// String building: 200,000 appends, then joins and slices.
let s = '';
for (let i = 0; i < 200_000; i++) {
  s += String.fromCharCode(97 + (i % 26));
}
const parts = [];
for (let i = 0; i < 100_000; i++) {
  parts.push('item' + i);
}
const joined = parts.join(',');
console.log(s.length, joined.length, joined.slice(0, 20));
