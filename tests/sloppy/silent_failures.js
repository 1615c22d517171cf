// Non-strict PutValue ignores a failed [[Set]]; delete of a
// non-configurable property returns false.
var frozen = Object.freeze({ a: 1 });
frozen.a = 2;
frozen.b = 3;
console.log(frozen.a, frozen.b);
var getterOnly = { get g() { return 'g'; } };
getterOnly.g = 'changed';
console.log(getterOnly.g);
var ro = {};
Object.defineProperty(ro, 'x', { value: 1, writable: false });
ro.x = 5;
ro.x += 1;
ro.x++;
console.log(ro.x);
'str'.length = 1;
'str'.newProp = 1;
console.log('str'.length);
NaN = 1; undefined = 2; Infinity = 3;
console.log(NaN, undefined, Infinity);
console.log(delete frozen.a, delete Object.prototype, delete [].length);
[frozen.a] = [9];
({ x: ro.x } = { x: 9 });
console.log(frozen.a, ro.x);
(function () {
  'use strict';
  try { frozen.a = 2; } catch (e) { console.log(e.name); }
  try { getterOnly.g = 1; } catch (e) { console.log(e.name); }
  try { delete frozen.a; } catch (e) { console.log(e.name); }
})();
