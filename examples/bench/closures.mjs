// Closures: 1,000,000 counters created and called through captured variables.
function makeCounter(start) {
  let count = start;
  return () => ++count;
}
let sum = 0;
for (let i = 0; i < 1_000_000; i++) {
  const next = makeCounter(i);
  next();
  sum += next();
}
console.log(sum);
