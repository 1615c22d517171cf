// Number::remainder: the sign of the dividend, -0, NaN and the edges of the
// 32-bit integer range, next to fractional and large operands.
const show = (x) => (Object.is(x, -0) ? "-0" : String(x));
const cases = [
  [7, 3], [-7, 3], [7, -3], [-7, -3], [-6, 3], [6, -3], [-0, 5], [0, -5],
  [5, 0], [5, -0], [-5, 0], [0, 0], [-2147483648, -1], [-2147483648, 1],
  [2147483647, 2], [2147483648, 3], [-2147483649, 2], [4294967296, 7],
  [9007199254740991, 10], [-9007199254740993, 10], [1e300, 7], [5.5, 2],
  [-5.5, 2], [5, 2.5], [Infinity, 3], [3, Infinity], [-3, -Infinity], [NaN, 1],
  [1, NaN], [1000003 * 2, 1000003], [-(1000003 * 2), 1000003],
];
for (const [a, b] of cases) console.log(show(a), "%", show(b), "=", show(a % b));
let acc = 0;
for (let i = -5; i < 5; i++) acc += 1 / ((i * 3) % 3);
console.log(acc);
