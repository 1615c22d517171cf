// Which code is strict: a directive in the prologue (script, function),
// inheritance into nested functions, classes, Function() bodies.
function isStrict() { return this === undefined; }
function outerStrict() { 'use strict'; function inner() { return this === undefined; } return inner(); }
function lateDirective() { var a; 'use strict'; return this === undefined; }
function secondDirective() { 'a'; 'use strict'; return this === undefined; }
function escaped() { 'use\x20strict'; return this === undefined; }
function parenthesised() { ('use strict'); return this === undefined; }
console.log(isStrict(), outerStrict(), lateDirective(), secondDirective(), escaped(), parenthesised());
class C { static m() { return (function () { return this === undefined; })(); } }
console.log(C.m());
var viaFunction = Function('return this === undefined');
var viaFunctionStrict = Function('"use strict"; return this === undefined');
console.log(viaFunction(), viaFunctionStrict());
var o = { m() { return (() => this)(); } };
console.log(o.m.call(undefined) === globalThis);
