// console.table: rows, columns, Values for primitives, Map and Set entries.
console.table([{ a: 1, b: 'x' }, { a: 22, c: [1, 2, 3, 4] }]);
console.table([1, 'two', { a: 3 }]);
console.table({ r1: { c: 1 }, r2: { c: 2, d: { e: { f: 1 } } } });
console.table([{ a: 1, b: 2 }], ['a']);
console.table(new Map([['k', 1]]));
console.table(new Set(['s']));
console.table(5);
console.table([]);
console.table([[1, 2], [3]]);
console.table({ x: 'ü漢' });
