const s = 'The quick brown fox';
console.log(s.length, s.at(-1), s.charAt(4), s.charCodeAt(0), s.codePointAt(0), s.indexOf('q'), s.lastIndexOf('o'));
console.log(s.slice(4, 9), s.substring(9, 4), s.substr(-3), s.split(' '), s.split(' ', 2), s.split(''), s.split());
console.log(s.toUpperCase(), s.toLowerCase(), s.includes('quick'), s.startsWith('The'), s.endsWith('fox'));
console.log('abc'.padStart(6, '-'), 'abc'.padEnd(6, '*'), 'ab'.repeat(3), '  trim  '.trim() + '|', '  x'.trimStart(), 'x  '.trimEnd() + '|');
console.log(s.replace('quick', 'slow'), 'aaa'.replaceAll('a', 'b'), 'a-b-c'.replace(/-/g, '+'), 'x'.concat('y', 1, null));
console.log('2024-01-05'.replace(/(\d+)-(\d+)-(\d+)/, '$3.$2.$1'), 'abc'.replace('b', '[$&]'), 'abc'.replace('b', (m, i) => m + i));
console.log('😀'.length, [...'a😀b'].length, String.fromCodePoint(0x1F600) === '😀', String.fromCharCode(72, 105));
console.log('café'.normalize('NFD').length, 'İ'.toLowerCase().length, 'ß'.toUpperCase(), 'ǅ'.toLowerCase());
console.log(String.raw`a\tb${1 + 1}`, `multi
line`, 'a' < 'b', 'B' < 'a', '10' < '9', 'abc'.localeCompare('abd'));
console.log('x'.isWellFormed(), '\uD800'.isWellFormed(), [...'ab'.matchAll(/./g)].map((m) => m.index));
console.log('Hello'.search(/l/), 'a1b2c3'.match(/\d/g), 'no'.match(/x/), typeof String(Symbol('d')));
let built = ''; for (let i = 0; i < 1000; i++) built += i % 10; console.log(built.length, built.slice(0, 12));
