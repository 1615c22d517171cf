// JSON.parse: grammar, V8's SyntaxError messages, reviver.
const tryParse = (text) => {
  try {
    console.log(JSON.stringify(JSON.parse(text)));
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
};
const inputs = [
  '{"a":[1,2.5e1,-0,true,false,null],"b":"x\\ny\\u00e9\\ud83d\\ude00"}',
  ' \t\r\n[ 1 , 2 ]\n',
  '{"2":1,"1":2,"b":3,"a":4,"a":5}',
  '"\\/\\b\\f\\n\\r\\t\\"\\\\"',
  '1e999',
  '-0.5E-3',
  '',
  ' ',
  '{',
  '[1,]',
  '{"a":1,}',
  'tru',
  'trux',
  'x',
  '"abc',
  '"a\\x"',
  '01',
  '1.',
  '-',
  '-a',
  '[1 2]',
  '{"a" 1}',
  '{1:2}',
  '"\u0001"',
  '"\t"',
  '1e',
  '1.5e+',
  '{"a":1}x',
  'null x',
  '"\\u12"',
  '"\\u00g0"',
  '"\\',
  '[',
  '{"a":',
  '{"a":1 "b"}',
  '{"a":}',
  '[,]',
  'NaN',
  'Infinity',
  'undefined',
  '+1',
  '.5',
  "'a'",
  'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  '[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,x]',
  '[1,2,3,4,5,6,7,8,9,10,x,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30]',
  '\u00a0 1',
];
for (const text of inputs) tryParse(text);
tryParse(undefined);
tryParse({});
tryParse(123);

const log = [];
const revived = JSON.parse('{"a":[1,2,{"b":3}],"c":"x","d":null}', function (key, value) {
  log.push(key + ':' + typeof value + ':' + (this === undefined ? 'u' : typeof this));
  if (key === 'c') return undefined;
  if (typeof value === 'number') return value * 10;
  return value;
});
console.log(JSON.stringify(revived));
console.log(log.join(' '));
console.log(JSON.parse('[1,2,3]', (k, v) => (k === '1' ? undefined : v)).length);
console.log(JSON.stringify(JSON.parse('[1,2,3]', (k, v) => (k === '1' ? undefined : v))));
console.log(JSON.parse('{"__proto__":1}').__proto__, Object.getPrototypeOf(JSON.parse('{"__proto__":1}')) === Object.prototype);

let deep = '';
for (let i = 0; i < 4000; i++) deep += '[';
tryParse(deep);
let nested = deep;
for (let i = 0; i < 4000; i++) nested += ']';
let depth = 0;
for (let v = JSON.parse(nested); Array.isArray(v) && v.length; v = v[0]) depth++;
console.log(depth);
console.log(JSON.parse.length, JSON.stringify.length, Object.prototype.toString.call(JSON));
for (const text of ['😀', '[😀]', '\ud800']) {
  try {
    JSON.parse(text);
  } catch (e) {
    console.log(JSON.stringify(e.message));
  }
}
