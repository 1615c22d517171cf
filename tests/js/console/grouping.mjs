// Long arrays: aligned columns, at most 100 items, the rest counted.
console.log(Array.from({ length: 7 }, (_, i) => i));
console.log(Array.from({ length: 30 }, (_, i) => i + 1));
console.log(Array.from({ length: 100 }, (_, i) => i));
console.log(Array.from({ length: 101 }, (_, i) => i));
console.log(Array.from({ length: 250 }, (_, i) => i * 3));
console.log(['apple', 'banana', 'cherry', 'dates', 'elderberry', 'fig', 'grape', 'honeydew', 'kiwi', 'lemon']);
console.log([1, 'two', 3, 'four', 5, 'six', 7]);
console.log('x'.repeat(100).split(''));
console.log(Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i).repeat(i % 5 + 1)));
console.log(Array.from({ length: 12 }, (_, i) => -i * 1000));
console.log({ nums: Array.from({ length: 20 }, (_, i) => i * i) });
const sparse = [];
sparse[5] = 1;
sparse[200] = 2;
console.log(sparse);
