// Found by the acorn differential (fuzz/differential): a '*' that is
// multiplication inside a class field or an object literal is not a
// generator member's star, so a regular expression may follow 'new'.
class A { f = a * new /r/u(); static g = b * /s/g; }
const o = { a: b * new /r/(), *m() {}, c: d * /t/ };
