// Annex B built-ins: String.prototype's HTML methods and Object.prototype's
// legacy accessor methods, and a few more things the standard library
// changed with them.

// CreateHTML: the tag, an attribute with its value's quotes escaped.
const s = 'text';
for (const name of ['anchor', 'fontcolor', 'fontsize', 'link']) {
  console.log(name, String.prototype[name].length, s[name]('say "hi" & <go>'));
}
for (const name of ['big', 'blink', 'bold', 'fixed', 'italics', 'small', 'strike', 'sub', 'sup']) {
  console.log(name, String.prototype[name].length, s[name]());
}
console.log(String.prototype.anchor.call(42, 7), 'x'.link());
try {
  String.prototype.bold.call(undefined);
} catch (e) {
  console.log(e.constructor.name, e.message);
}
console.log(String.prototype.trimLeft === String.prototype.trimStart, String.prototype.trimLeft.name);
console.log(String.prototype.trimRight === String.prototype.trimEnd, String.prototype.trimRight.name);

// __defineGetter__ and friends.
const o = {};
o.__defineGetter__('x', function () { return 'got ' + this.tag; });
o.__defineSetter__('x', function (v) { this.set = v; });
o.tag = 'o';
o.x = 5;
console.log(o.x, o.set, Object.getOwnPropertyDescriptor(o, 'x').enumerable);
const child = Object.create(o);
child.tag = 'child';
console.log(child.x, child.__lookupGetter__('x') === o.__lookupGetter__('x'));
console.log(child.__lookupSetter__('x') === Object.getOwnPropertyDescriptor(o, 'x').set);
console.log(child.__lookupGetter__('tag'), child.__lookupGetter__('missing'));
try {
  o.__defineGetter__('y', 1);
} catch (e) {
  console.log(e.constructor.name, e.message);
}
try {
  Object.prototype.__lookupGetter__.call(null, 'x');
} catch (e) {
  console.log(e.constructor.name, e.message);
}
try {
  Object.freeze({}).__defineSetter__('z', () => {});
} catch (e) {
  console.log(e.constructor.name);
}
console.log(Object.prototype.__defineGetter__.length, Object.prototype.__lookupSetter__.length);

// %Object.prototype% is an immutable prototype exotic object.
console.log(Reflect.setPrototypeOf(Object.prototype, {}), Reflect.setPrototypeOf(Object.prototype, null));
try {
  Object.setPrototypeOf(Object.prototype, Object.create(null));
} catch (e) {
  console.log(e.constructor.name);
}

// %Function.prototype%'s caller and arguments throw for strict functions.
const thrower = Object.getOwnPropertyDescriptor(Function.prototype, 'caller');
console.log(typeof thrower.get, thrower.get === thrower.set, thrower.enumerable, thrower.configurable);
function strict() {
  'use strict';
}
try {
  strict.caller;
} catch (e) {
  console.log(e.constructor.name, e.message);
}

// Array.prototype.toString falls back to %Object.prototype.toString% itself.
const saved = Object.prototype.toString;
delete Object.prototype.toString;
console.log(Array.prototype.toString.call({ join: null }));
Object.prototype.toString = saved;

// push sets length even when the elements went in: a frozen array throws.
const frozen = Object.freeze([]);
try {
  frozen.push();
  console.log('no throw for push()');
  frozen.push(1);
} catch (e) {
  console.log(e.constructor.name);
}
