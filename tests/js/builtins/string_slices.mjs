// Long substrings (which share their parent's units) behave as copies:
// slices of slices, of concatenations, with lone surrogates, as keys, in
// comparisons and as regexp input, and while the parent is dropped.
let text = '';
for (let i = 0; i < 40; i++) text += `line ${i}: ${'abcdefghij'.repeat(3)} \u{1F600}\n`;
console.log(text.length);

let rest = text;
let pieces = 0;
while (rest.length > 0) {
  const end = rest.indexOf('\n') + 1;
  const line = rest.slice(0, end);
  if (!line.startsWith('line ')) throw new Error('bad line ' + JSON.stringify(line));
  rest = rest.substring(end);
  pieces++;
}
console.log('lines', pieces, JSON.stringify(rest));

const a = text.slice(100, 400);
const b = a.substring(10, 250);
const c = b.substr(5, 200);
console.log(a.length, b.length, c.length, c === text.slice(115, 315), c.charCodeAt(0), c.codePointAt(c.length - 1));
console.log(JSON.stringify(text.slice(-120, -40)));
console.log(text.slice(40, 140) + '|' + text.slice(300, 380) === text.slice(40, 140).concat('|', text.slice(300, 380)));

// Lone surrogates at the edges of a slice.
const emoji = '\u{1F600}'.repeat(50);
const cut = emoji.slice(1, 99);
console.log(cut.length, cut.charCodeAt(0).toString(16), cut.charCodeAt(97).toString(16), JSON.stringify(cut.slice(0, 3)));

// As property keys, in Maps and Sets, and compared.
const key = text.slice(200, 300);
const o = { [key]: 1 };
console.log(o[text.slice(200, 300)], new Map([[key, 'm']]).get(text.substring(200, 300)), new Set([key]).has(String(text.substr(200, 100))));
console.log(key < text.slice(201, 301), key.localeCompare(text.slice(200, 300)));

// As regexp input and output.
const m = /line (\d+): (a\w+)/g;
const matches = [...text.slice(50, 600).matchAll(m)].map((x) => x[1] + ':' + x[2].length);
console.log(matches.join(' '));
console.log(text.slice(0, 200).replace(/abc/g, 'X').length, text.slice(0, 300).split('\n').length);

// Slices survive the string they came from.
let parent = 'p'.repeat(5000) + 'tail'.repeat(100);
const kept = parent.slice(4990, 5200);
parent = null;
console.log(kept.length, kept.slice(0, 12), kept.endsWith('tail'));
