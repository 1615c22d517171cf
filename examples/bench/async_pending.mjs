// 100,000 async functions suspended at the same time, then all resumed.
let release;
const gate = new Promise((resolve) => {
  release = resolve;
});
async function waiter(i) {
  const v = await gate;
  return v + i;
}
const pending = [];
for (let i = 0; i < 100_000; i++) {
  pending.push(waiter(i));
}
release(1);
const results = await Promise.all(pending);
console.log(results.length, results[99_999]);
