// Compound assignment to local and captured bindings: the old value is read
// before the right operand runs, and the result is what was stored.
function locals() {
  let x = 1;
  x += (x = 10);
  let s = "a";
  s += 1;
  s += { toString() { return "!"; } };
  let n = 7;
  n %= 4;
  n **= 3;
  n <<= 2;
  n >>>= 1;
  n |= 1;
  n ^= 3;
  n &= 6;
  let b = 10n;
  b *= 3n;
  let u;
  u += 1;
  return [x, s, n, String(b), u];
}
console.log(JSON.stringify(locals()));

function captured() {
  let total = 0;
  let label = "";
  const add = (v) => (total += v);
  const tag = (v) => (label += v);
  for (let i = 0; i < 5; i++) {
    add(i * 1.5);
    tag(i);
  }
  return [total, label, add(0.25)];
}
console.log(JSON.stringify(captured()));

function order() {
  const log = [];
  let v = { valueOf() { log.push("valueOf"); return 2; } };
  v *= (log.push("right"), 5);
  return [v, log.join(",")];
}
console.log(JSON.stringify(order()));

function throwsConst() {
  const c = 1;
  try {
    c += 1;
  } catch (e) {
    return `${e.constructor.name}: ${e.message} (${c})`;
  }
}
console.log(throwsConst());

function throwsMix() {
  let big = 1n;
  try {
    big += 1;
  } catch (e) {
    return `${e.constructor.name}: ${e.message} (${big})`;
  }
}
console.log(throwsMix());

function rightThrows() {
  let k = 3;
  try {
    k += (() => { throw new Error("no"); })();
  } catch (e) {
    return `${e.message} ${k}`;
  }
}
console.log(rightThrows());

let counter = 0;
for (let i = 0; i < 1000; i++) counter += i % 7;
let acc = 0;
for (let i = 0; i < 100; i++) acc = (acc + i * 3) % 101;
let j = 0;
j++;
++j;
j--;
console.log(counter, acc, j);
