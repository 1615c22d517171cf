// Where a function declaration may stand in non-strict code (Annex B.3.2,
// B.3.4), and V8's messages where it may not.
var sources = [
  'if (true) function a() {}',
  'if (false) ; else function b() {}',
  'lab: function c() {}',
  'l1: l2: function d() {}',
  'while (false) function e() {}',
  'if (true) lab: function f() {}',
  'for (;;) lab: function g() {}',
  'with ({}) function h() {}',
  'lab: function* i() {}',
  'if (true) function* j() {}',
  'if (true) async function k() {}',
  '"use strict"; if (true) function l() {}',
  '"use strict"; lab: function m() {}',
  '{ function n() {} function n() {} }',
  '"use strict"; { function o() {} function o() {} }',
  '{ function p() {} var p; }',
  '{ let q; function q() {} }',
  '{ function* r() {} function* r() {} }',
  'switch (0) { case 0: function s() {} default: function s() {} }',
];
for (var source of sources) {
  try {
    (0, eval)(source);
    console.log('ok:', source);
  } catch (e) {
    console.log(e.name + ': ' + e.message + '  <-  ' + source);
  }
}
