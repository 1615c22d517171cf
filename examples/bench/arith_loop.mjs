// A 30-million-iteration arithmetic loop.
let acc = 0;
for (let i = 0; i < 30_000_000; i++) {
  acc = (acc + i * 3) % 1_000_003;
}
console.log(acc);
