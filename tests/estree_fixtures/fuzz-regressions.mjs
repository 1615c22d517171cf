// Found by the acorn differential (fuzz/differential): a '*' that is
// multiplication inside a class field or an object literal is not a
// generator member's star, so a regular expression may follow 'new'.
class A { f = a * new /r/u(); static g = b * /s/g; }
const o = { a: b * new /r/(), *m() {}, c: d * /t/ };
// A function expression's body is a statement list: a block or a class
// declaration at its start or after a statement ends with a '}' after
// which a regular expression may start a statement (seeds 104704, 103157
// and 108869 of the differential).
(function () { {} /a/; });
(function () { { try {} finally {} } /b/g.x; });
(function () { class C { static f = 1; } /c/d; });
