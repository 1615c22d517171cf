// Legacy octal literals and escapes, duplicate parameters, eval/arguments
// as names: allowed in non-strict code, early errors in strict code.
console.log(010, 0777, 08, 09.5, 019, -010);
console.log('\0', '\07'.charCodeAt(0), '\101', '\8', '\9', '\377'.charCodeAt(0), '\400'.length);
console.log({ 010: 'a' }[8]);
function dup(a, b, a) { return a + b; }
console.log(dup(1, 2, 3), dup.length);
var eval2 = function (eval, arguments) { return eval + arguments; };
console.log(eval2(1, 2));
function named() { var arguments = 5; return arguments; }
console.log(named());
var strictOnly = [
  '"use strict"; 010',
  '"use strict"; 08',
  '"use strict"; "\\07"',
  '"use strict"; "\\8"',
  '"use strict"; var eval;',
  '"use strict"; arguments = 1;',
  '"use strict"; delete x;',
  '"use strict"; with (a) {}',
  'function f(a, a) { "use strict"; }',
  '"\\07"; "use strict";',
  'class C { m() { return 010; } }',
  '(a, a) => 1',
  'function f(a, [b], a) {}',
  '({ m(a, a) {} })',
  'eval = 1; arguments = 2; eval++; var x = { eval: 1 };',
  'function eval() {} function arguments() {}',
  'delete x; delete (x); 010; "\\08";',
];
for (var i = 0; i < strictOnly.length; i++) {
  try {
    Function(strictOnly[i]);
    console.log('ok:', strictOnly[i]);
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
}
