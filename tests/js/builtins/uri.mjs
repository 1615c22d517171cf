// encodeURI / encodeURIComponent / decodeURI / decodeURIComponent and Annex B escape / unescape.
const samples = [
  'https://example.com/a b?q=1&r=ü#frag',
  "-_.!~*'()",
  ';/?:@&=+$,#',
  'caf\u00e9 \u20ac \u{1F600}',
  '',
  '100%',
];
for (const s of samples) {
  console.log(JSON.stringify(s), encodeURI(s), encodeURIComponent(s));
}
const encoded = ['%41%42c', '%3B%2F%3F%3A%40%26%3D%2B%24%2C%23', '%E2%82%AC', '%F0%9F%98%80', 'a%2fb', '%c3%A9'];
for (const s of encoded) {
  console.log(s, JSON.stringify(decodeURI(s)), JSON.stringify(decodeURIComponent(s)));
}
const malformed = ['%', '%4', '%G0', '%C3', '%C3%28', '%80', '%F8%80%80%80', '%ED%A0%80', '%C0%AF', '%E2%82'];
for (const s of malformed) {
  try {
    decodeURIComponent(s);
    console.log(s, 'decoded');
  } catch (e) {
    console.log(s, e instanceof URIError, e.name, e.message);
  }
}
for (const s of ['\uD800', 'a\uDC00b', '\uD800\uD800']) {
  try {
    encodeURIComponent(s);
  } catch (e) {
    console.log(JSON.stringify(s), String(e));
  }
}
console.log(encodeURIComponent({ toString() { return 'x y'; } }), encodeURI(undefined), decodeURI(null));
console.log(escape('abc ABC 123 @*_+-./ äöü \u20ac \u{1F600}'));
console.log(unescape('%41%u20AC%zz%u12%4'), unescape(escape('caf\u00e9 \u20ac')));
console.log(encodeURI.length, decodeURIComponent.name, typeof escape, Object.getOwnPropertyDescriptor(globalThis, 'encodeURI').enumerable);
