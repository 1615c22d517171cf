// BigInt values (ECMA-262 §6.1.6.2, §21.2): literals, operators,
// conversions, the BigInt function, typed arrays, DataView, JSON, inspect.
const t = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e.constructor.name + ': ' + e.message);
  }
};

// Literals, with separators and every radix.
console.log(10n, 0x1_Fn, 0o17n, 0b1010n, 1_000_000n, 0n, -0n);
console.log(typeof 1n, typeof Object(1n));

// Arithmetic.
t('add', () => 2n ** 64n + 1n);
t('sub', () => 5n - 7n);
t('mul', () => 123456789n * 987654321n * -1n);
t('div', () => [7n / 2n, -7n / 2n, 7n / -2n]);
t('mod', () => [7n % 3n, -7n % 3n, 7n % -3n]);
t('exp', () => [2n ** 100n, (-2n) ** 3n, 0n ** 0n, (-1n) ** 1000000000001n]);
t('neg exp', () => 2n ** -1n);
t('div0', () => 1n / 0n);
t('mod0', () => 1n % 0n);
t('too big', () => 2n ** 100000000000n);
t('shl', () => [1n << 70n, -5n << 2n, 5n << -1n, -5n << -1n]);
t('shr', () => [-5n >> 1n, 5n >> 1n, -1n >> 1000n, 1n >> 1000n, 1n >> -3n]);
t('ushr', () => 1n >>> 0n);
t('bitwise', () => [6n & 3n, 6n | 3n, 6n ^ 3n, -6n & 0xffn, -6n | 1n, -6n ^ -1n, ~5n, ~-1n]);
t('unary minus', () => [-(5n), -(-5n), -0n]);
t('unary plus', () => +1n);
t('mix', () => 1n + 1);
t('mix mul', () => 2 * 1n);
t('mix undefined', () => 1n - undefined);
t('string concat', () => ['1' + 2n, 2n + '1', `${10n}`, String(-10n)]);
let i = 9n;
i++;
++i;
i--;
console.log('update', i, i++, i, --i);
let o = { v: 1n };
o.v += 5n;
o.v **= 2n;
console.log('compound', o.v);

// Comparison and equality.
t('lt', () => [1n < 2n, 2n < 1n, 1n < 2, 2 < 1n, 1n < 1.5, 2n > 1.5, 1n <= 1, 1n >= 1.0000001]);
t('lt strings', () => [1n < '2', '2' < 1n, 1n < 'x', 'x' < 1n, 1n <= '1', '10' > 9n]);
t('lt infinity', () => [2n ** 1000n < Infinity, -(2n ** 1000n) > -Infinity, 1n < NaN, NaN > 1n]);
t('eq', () => [1n == 1, 1n == 1.5, 1n == '1', 1n == ' 1 ', 1n == '1.0', 0n == '', 1n == true, 0n == false, 1n == Object(1n)]);
t('strict eq', () => [1n === 1n, 1n === 1, Object(1n) === 1n, 2n ** 64n === 2n ** 64n]);
t('big eq number', () => [2n ** 64n == 2 ** 64, 2n ** 53n + 1n == 2 ** 53 + 1, 9007199254740993n == 9007199254740992]);
t('Object.is', () => [Object.is(0n, -0n), Object.is(1n, 1n), Object.is(1n, 1)]);
t('truthiness', () => [!!0n, !!1n, !!-1n, 0n ? 'y' : 'n', 0n || 'default']);
t('same value zero', () => [[1n, 2n].includes(2n), [1n].indexOf(1n), [1n].includes(1)]);
const m = new Map([[1n, 'one']]);
m.set(2n ** 70n, 'big');
console.log('map', m.get(1n), m.get(2n ** 70n), m.has(1), new Set([1n, 1n, 1, '1']).size);

// Conversions.
t('BigInt()', () => [BigInt(10), BigInt(-0), BigInt(true), BigInt('  0x1f  '), BigInt(''), BigInt('-12'), BigInt('+7'), BigInt(2 ** 64), BigInt(1e21)]);
t('BigInt(1.5)', () => BigInt(1.5));
t('BigInt(NaN)', () => BigInt(NaN));
t('BigInt(-Infinity)', () => BigInt(-Infinity));
t('BigInt("x")', () => BigInt('x'));
t('BigInt("1e3")', () => BigInt('1e3'));
t('BigInt("-0x1f")', () => BigInt('-0x1f'));
t('BigInt("1_0")', () => BigInt('1_0'));
t('BigInt(undefined)', () => BigInt(undefined));
t('BigInt(null)', () => BigInt(null));
t('BigInt(Symbol())', () => BigInt(Symbol('s')));
t('BigInt({})', () => BigInt({}));
t('BigInt(valueOf)', () => BigInt({ valueOf: () => 5 }));
t('new BigInt', () => new BigInt(1));
t('Number()', () => [Number(10n), Number(-(2n ** 64n)), Number(2n ** 64n + 2049n), Number(Object(3n)), Number(2n ** 1024n)]);
t('Math.abs', () => Math.abs(1n));
t('isNaN', () => isNaN(1n));
t('parseInt', () => [parseInt(10n), parseFloat(12n)]);
t('property key', () => {
  const obj = {};
  obj[1n] = 'a';
  obj[2n ** 64n] = 'b';
  return Object.keys(obj);
});
t('toPrimitive', () => [Object(5n) + 1n, `${Object(6n)}`, { valueOf: () => 3n } * 2n]);

// BigInt statics and prototype.
t('asIntN', () => [BigInt.asIntN(8, 255n), BigInt.asIntN(8, 128n), BigInt.asIntN(8, -129n), BigInt.asIntN(0, 5n), BigInt.asIntN(1, 1n), BigInt.asIntN(64, 2n ** 63n), BigInt.asIntN(200, -1n)]);
t('asUintN', () => [BigInt.asUintN(8, -1n), BigInt.asUintN(64, -1n), BigInt.asUintN(0, 5n), BigInt.asUintN(1, 3n), BigInt.asUintN(65, -(2n ** 64n))]);
t('asIntN(-1)', () => BigInt.asIntN(-1, 1n));
t('asUintN(2**53)', () => BigInt.asUintN(2 ** 53, 1n));
t('asIntN(1, 1)', () => BigInt.asIntN(1, 1));
t('toString', () => [(255n).toString(16), (-255n).toString(2), (2n ** 70n).toString(36), (10n).toString(), (0n).toString(7)]);
t('toString(1)', () => (1n).toString(1));
t('toString(37)', () => (1n).toString(37));
t('toString this', () => BigInt.prototype.toString.call(1));
t('valueOf this', () => BigInt.prototype.valueOf.call('x'));
t('valueOf boxed', () => BigInt.prototype.valueOf.call(Object(5n)));
t('toLocaleString', () => [(1234567n).toLocaleString(), (-1234567n).toLocaleString(), (123n).toLocaleString(), (1000n).toLocaleString()]);
t('toStringTag', () => [BigInt.prototype[Symbol.toStringTag], Object.prototype.toString.call(1n), Object.prototype.toString.call(Object(1n))]);
t('lengths', () => [BigInt.length, BigInt.name, BigInt.asIntN.length, BigInt.asUintN.length, BigInt.prototype.toString.length]);

// Typed arrays.
const b64 = new BigInt64Array([1n, -1n, 2n ** 63n, 2n ** 64n + 5n]);
console.log(b64, b64.length, b64.BYTES_PER_ELEMENT);
const u64 = new BigUint64Array([1n, -1n]);
console.log(u64, u64[1]);
t('element number', () => new BigInt64Array([1]));
t('fill number', () => new BigInt64Array(1).fill(1));
t('set index number', () => { const a = new BigInt64Array(1); a[0] = 1; return a; });
t('set index string', () => { const a = new BigInt64Array(1); a[0] = '12'; return a; });
t('from number array', () => new Uint8Array(new BigInt64Array(1)));
t('to number array', () => new BigInt64Array(new Uint8Array(1)));
t('set mixed', () => new BigInt64Array(1).set(new Uint8Array(1)));
t('set same', () => { const a = new BigInt64Array(3); a.set(new BigInt64Array([7n, 8n]), 1); return a; });
t('set across', () => { const a = new BigUint64Array(2); a.set(new BigInt64Array([-1n, 3n])); return a; });
t('methods', () => {
  const a = new BigInt64Array([5n, -3n, 1n]);
  return [a.sort(), a.join('|'), a.indexOf(1n), a.lastIndexOf(5n), a.includes(-3n), a.includes(-3), a.at(-1), a.map((x) => x * 2n), a.filter((x) => x > 0n), a.reduce((s, x) => s + x), a.with(0, 9n), a.toReversed(), a.toSorted((x, y) => (x < y ? 1 : -1)), a.slice(1), a.subarray(1)];
});
t('from/of', () => [BigInt64Array.from([1n, 2n]), BigInt64Array.of(3n, 4n), BigUint64Array.from({ length: 2 }, (_, k) => BigInt(k))]);
t('from number', () => BigInt64Array.from([1]));
t('keys', () => [...new BigInt64Array([4n, 5n]).entries()]);
t('buffer', () => new Uint8Array(new BigInt64Array([258n]).buffer));
t('toString', () => String(new BigUint64Array([1n, 2n])));
t('Object.defineProperty', () => { const a = new BigInt64Array(1); Object.defineProperty(a, '0', { value: 4n }); return a; });

// DataView.
const dv = new DataView(new ArrayBuffer(16));
dv.setBigInt64(0, -2n);
dv.setBigUint64(8, 2n ** 64n - 2n, true);
console.log(dv.getBigInt64(0), dv.getBigUint64(0), dv.getBigInt64(0, true), dv.getBigUint64(8, true), dv.getBigInt64(8, true));
t('setBigInt64 number', () => dv.setBigInt64(0, 1));
t('getBigInt64 range', () => dv.getBigInt64(9));
t('lengths', () => [DataView.prototype.getBigInt64.length, DataView.prototype.setBigUint64.length]);

// JSON.
t('JSON 1n', () => JSON.stringify(1n));
t('JSON nested', () => JSON.stringify({ a: [1n] }));
t('JSON boxed', () => JSON.stringify(Object(1n)));
t('JSON replacer', () => JSON.stringify({ a: 1n, b: 2 }, (k, v) => (typeof v === 'bigint' ? v.toString() + 'n' : v)));
BigInt.prototype.toJSON = function () { return this.toString(); };
t('JSON toJSON', () => JSON.stringify({ a: 5n, b: [Object(6n)] }));
delete BigInt.prototype.toJSON;

// Inspect.
console.log([1n, Object(2n), { a: -3n }], Object(-4n), new Map([[1n, 2n]]), new Set([5n]));
console.log('%s %d %i', 7n, 8n, 9n);

// Elsewhere in the language and the library.
console.log(structuredClone(1n), structuredClone([Object(2n)]));
const sorted = [3n, 1n, 2n];
sorted.sort();
console.log(sorted, [10n, 9n].sort((x, y) => (x < y ? -1 : 1)));
switch (1n) {
  case 1:
    console.log('switch number');
    break;
  case 1n:
    console.log('switch bigint');
}
console.log(Reflect.ownKeys(BigInt.prototype), Object.getOwnPropertyNames(BigInt));
console.log(1n in { 1: 0 }, [0, 1][1n], 'ab'[1n]);
let c = 5n;
c **= 3n;
c >>= 1n;
c <<= 2n;
c &= 0xffn;
c |= 1n;
c ^= 3n;
c %= 7n;
c /= 1n;
console.log(c);
console.log(Number.isInteger(1n), Number.isSafeInteger(1n), String([1n, 2n]), [1n].toLocaleString());
t('asUintN huge', () => [BigInt.asUintN(2 ** 53 - 1, 5n), BigInt.asIntN(2 ** 53 - 1, -5n)]);
t('asUintN huge negative', () => BigInt.asUintN(2 ** 53 - 1, -1n));
