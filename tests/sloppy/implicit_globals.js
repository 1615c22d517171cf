// Assignment to an undeclared name creates a global object property
// (PutValue, unresolvable reference, non-strict code).
implicitOne = 1;
console.log(implicitOne, globalThis.implicitOne, typeof implicitTwo);
var d = Object.getOwnPropertyDescriptor(globalThis, 'implicitOne');
console.log(d.writable, d.enumerable, d.configurable);
function setsGlobal() { implicitTwo = 'two'; }
setsGlobal();
console.log(implicitTwo);
alert = function (s) { return 'alert:' + s; };
console.log(alert('x'));
for (loopVar = 0; loopVar < 3; loopVar++) {}
console.log(loopVar);
var declared = 1;
var dd = Object.getOwnPropertyDescriptor(globalThis, 'declared');
console.log(dd.configurable);
(function () {
  'use strict';
  try { undeclaredInStrict = 1; } catch (e) { console.log(e.name, e.message); }
})();
console.log(typeof undeclaredInStrict);
