// Arguments objects: mapped in non-strict functions with simple parameter
// lists, unmapped otherwise.
function mapped(a, b) {
  arguments[0] = "changed by index";
  b = "changed by name";
  return [a, arguments[1], arguments.length];
}
console.log(mapped(1, 2));
console.log(mapped(1)); // b is not mapped when no argument was passed

function extra(a) {
  arguments[1] = "beyond";
  a = 10;
  return [arguments[0], arguments[1], arguments.length];
}
console.log(extra(1, 2, 3));

// delete and defineProperty end the mapping.
function unmapByDelete(a) {
  delete arguments[0];
  arguments[0] = "new";
  return [a, arguments[0]];
}
console.log(unmapByDelete("orig"));
function unmapByDefine(a) {
  Object.defineProperty(arguments, "0", { value: "defined", writable: false });
  var afterDefine = a;
  a = "param later";
  return [afterDefine, arguments[0]];
}
console.log(unmapByDefine("orig"));
function accessorIndex(a) {
  Object.defineProperty(arguments, "0", { get() { return "getter"; } });
  a = "param";
  return [a, arguments[0]];
}
console.log(accessorIndex(1));
function freezeFirst(a) {
  Object.freeze(arguments);
  a = 2;
  return [a, arguments[0]];
}
console.log(freezeFirst(1));

// Repeated parameter names map the last one.
function dup(x, x) {
  arguments[0] = "zero";
  arguments[1] = "one";
  return x;
}
console.log(dup(1, 2));

// callee and the class/tag of arguments.
function who() { return arguments.callee === who; }
console.log(who(), Object.prototype.toString.call((function () { return arguments; })()));
function strictArgs(a) {
  "use strict";
  arguments[0] = 2;
  try { arguments.callee; } catch (e) { console.log(e.name + ": " + e.message); }
  const d = Object.getOwnPropertyDescriptor(arguments, "callee");
  console.log(d.get === d.set, d.enumerable, d.configurable, d.get.name === "", Object.isFrozen(d.get));
  return a;
}
console.log(strictArgs(1));
function defaults(a = 0) {
  arguments[0] = 9;
  return [a, typeof Object.getOwnPropertyDescriptor(arguments, "callee").get];
}
console.log(defaults(1));

// Mapping survives the call: closures and escaping arguments objects.
function escape(a) {
  return { args: arguments, get: () => a, set: (v) => { a = v; } };
}
var esc = escape("start");
esc.args[0] = "via arguments";
console.log(esc.get());
esc.set("via closure");
console.log(esc.args[0]);

// Own keys, spread and JSON.
function keys(a, b) { return [Object.keys(arguments), [...arguments], JSON.stringify(arguments)]; }
console.log(keys("x", "y"));

// eval and arguments.
function evalArgs(a) {
  eval("arguments[0] = 'set in eval'");
  return a;
}
console.log(evalArgs(1));
function evalParam(p) {
  return eval("p = 3; arguments[0]");
}
console.log(evalParam(1));

// Shared layouts: objects made alike behave alike, whatever they held.
function none() { return arguments; }
function one(a) { return arguments; }
var made = [none(), none(1, 2), one(), one(7, 8), (function () { "use strict"; return arguments; })(3)];
console.log(made.map(function (o) { return Reflect.ownKeys(o).map(String).join(); }));
console.log(made.map(function (o) { return o.length + ":" + Array.prototype.slice.call(o).join("/"); }));
console.log(made.map(function (o) { return Object.prototype.toString.call(o); }));
// @@iterator is %Array.prototype.values%, not what Array.prototype.values holds now.
var values = Array.prototype.values;
Array.prototype.values = function () { return "replaced"; };
console.log(none(1)[Symbol.iterator] === values, [...none(4, 5)]);
Array.prototype.values = values;
// An arguments object without mapped indices still takes any change.
var bare = none(1, 2);
bare[5] = 6;
delete bare[0];
bare.length = 9;
Object.defineProperty(bare, "1", { value: "fixed", writable: false });
bare[1] = "ignored";
console.log(Object.keys(bare), bare.length, bare[1], bare.callee === none);
// apply reads each index of the object it is given.
function sum() { var s = 0; for (var i = 0; i < arguments.length; i++) s += arguments[i]; return s; }
function forward() { return sum.apply(null, arguments); }
console.log(forward(1, 2, 3), forward(), forward.apply(null, none(4, 5)));
