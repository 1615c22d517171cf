// util.format placeholders in a leading string, other arguments joined by spaces.
console.log('%s|%d|%i|%f|%j|%%|%c.', { a: 1 }, '42.5', '42.5abc', '1.5e3x', { j: [1] }, 'color');
console.log('%s %s', 'only');
console.log('a%', 1, 'b');
console.log(1, 'x', [1], 'y');
console.log('%o', [1, { a: 2 }]);
console.log('%O %s %d', { a: { b: { c: { d: 1 } } } }, [1, [2]], -0);
console.log('%s', 'str', 'extra', 3);
console.log('%x %s', 1);
console.log('%s %s %s %s', 'str', 42, -0, Symbol('s'));
console.log('%s', { toString() { return 'TS'; } });
console.log('%d %d %d %i %f', '0x10', true, null, -5.9, 'abc');
console.log('100%% %s', 'done');
console.log('%s %d', 'a');
console.log({ a: 1 }, 'x');
const circ = {};
circ.circ = circ;
console.log('%j', circ);
console.log('%s', [1, [2, [3]]], new Error('in %s').message);
