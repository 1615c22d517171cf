// atob / btoa (forgiving base64) and DOMException, as Node provides them.
console.log(btoa('hello\u00ff'), btoa(''), btoa(null), btoa('a'), btoa('ab'), btoa('abc'));
console.log(JSON.stringify([atob(' aGVs bG8= '), atob('aGVsbG8'), atob(''), atob('YQ=='), atob('YWI='), atob('/w==')]));
for (const input of ['abc!', 'a', 'ab!cd', 'YQ===', 'Y=Q=', '====', 'YQ=']) {
  try {
    console.log(JSON.stringify(atob(input)));
  } catch (e) {
    console.log(input, e.name, e.message, e.code, e instanceof DOMException, e instanceof Error);
  }
}
for (const f of [() => btoa('€'), () => atob(), () => btoa()]) {
  try { f(); } catch (e) { console.log(String(e), e.name, e.code); }
}
const e = new DOMException('m', 'DataCloneError');
console.log(e.code, e.name, e.message, String(e), Object.keys(e), DOMException.INVALID_CHARACTER_ERR, e.DATA_CLONE_ERR);
console.log(new DOMException().name, new DOMException('x').code, new DOMException('y', { name: 'AbortError' }).code, Object.prototype.toString.call(e));
console.log(e.stack.split('\n')[0], typeof DOMException, DOMException.length);
