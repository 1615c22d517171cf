// Reads of global variables from one place in the code while the global
// object and the global lexical declarations change under it.
var seen = [];
function readX() {
  return typeof x === 'undefined' ? 'undefined' : x;
}
function readY() {
  try {
    return y;
  } catch (e) {
    return e.constructor.name;
  }
}
this.x = 1;
for (var i = 0; i < 3; i++) seen.push(readX());
x = 2;
seen.push(readX());
// A data property becomes an accessor.
Object.defineProperty(this, 'x', { get: function () { return 'getter'; }, configurable: true });
seen.push(readX());
// Back to a data property, at the same place.
Object.defineProperty(this, 'x', { value: 3, writable: true, configurable: true });
seen.push(readX());
// Deleted, then made again (at a new place).
delete this.x;
seen.push(readX());
this.x = 4;
seen.push(readX());
// Keys added before it do not move it; removing others does not either.
for (var k = 0; k < 100; k++) this['filler' + k] = k;
for (var k = 0; k < 100; k += 2) delete this['filler' + k];
seen.push(readX());
// Made by an assignment to an undeclared name.
seen.push(readY());
y = 'made';
seen.push(readY());
seen.push(readY());
delete this.y;
seen.push(readY());
console.log(seen.join(' '));
