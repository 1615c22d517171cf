// Words that only strict mode code reserves (ECMA-262 §13.1.1) are
// identifiers in non-strict code.
var implements = 1, interface = 2, package = 3, private = 4, protected = 5, public = 6;
console.log(implements + interface + package + private + protected + public);
var static = 'static';
console.log(static, { static }.static);
function public2(static) { return static; }
console.log(public2('param'));
var arrow = async interface => interface;
arrow('async arrow').then(function (v) { console.log(v); });
publ\u0069c = 'escaped';
console.log(public);
private: for (;;) { break private; }
console.log('label');

var errors = [
  '"use strict"; var public;',
  '"use strict"; static = 1;',
  '"use strict"; interface: ;',
  '"use strict"; publ\\u0069c = 1;',
  'function f() { "use strict"; var package; }',
  'class C { m() { var private; } }',
];
for (var source of errors) {
  try {
    eval(source);
    console.log('no error:', source);
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
}
